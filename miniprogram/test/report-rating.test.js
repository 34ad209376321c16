// 满意度评价 after closure, on the tracking page: a score is required before anything is sent, the comment and the
// dispute's reason are checked, a dispute is offered only with 1-2 stars while the result is unconfirmed; by query
// code or as the signed-in reporter, a first rating is a POST and a change a PUT; refusals are shown at the field.
const { installWx, backend, problem, render, settle, text, signedIn } = require('./support')

const NUMBER = 'SP-20261125-048213'
const CODE = '3641-2199-2880-5457-8801'
const CLOSED = {
  number: NUMBER, channel: 'STREET', category: 'litter', categoryName: '垃圾乱扔', status: 'closed', statusLabel: '已办结',
  createdAt: '2026-11-25T02:00:00Z', overdue: false, closedAt: '2026-11-27T02:00:00Z', respondUntil: '2099-12-04T02:00:00Z',
  rateUntil: '2099-12-04T02:00:00Z',
  timeline: [{ at: '2026-11-27T02:00:00Z', kind: 'transition', status: 'closed', statusLabel: '已办结', note: '垃圾已清运' }]
}
const rated = (extra, rating) => Object.assign({}, CLOSED, extra, { rating: Object.assign({ score: 4, ratedAt: '2026-11-28T00:00:00Z' }, rating) })

beforeEach(() => installWx())

/** The tracking page, opened by number and code with the given reply to the lookup. */
async function byCode(routes) {
  const requests = backend(Object.assign({ 'POST /api/reports/track': CLOSED }, routes))
  const page = render('pages/report/track')
  await page.instance.onLoad({ number: NUMBER })
  page.instance.setData({ code: CODE })
  await page.instance.lookup()
  await settle()
  return { requests, page, card: () => page.querySelector('#rating') }
}

async function star(card, n) {
  card.querySelectorAll('.star')[n - 1].dispatchEvent('tap')
  await settle()
}

async function submit(card) {
  card.querySelector('.submit-rating').dispatchEvent('tap')
  await settle()
}

test('a closed report offers the rating; nothing is sent without a score or with a comment over 300 characters', async () => {
  const { requests, card } = await byCode({})
  expect(text(card())).toContain('满意度评价')
  expect(card().querySelectorAll('.star')).toHaveLength(5)
  await submit(card())
  expect(text(card())).toContain('请选择评分')
  await star(card(), 4)
  card().instance.setData({ comment: '好'.repeat(301) })
  await submit(card())
  expect(text(card())).toContain('评语不能超过 300 字')
  expect(requests.filter(r => r.path.endsWith('/rating'))).toHaveLength(0)
})

test('by code: the score and comment go with number and code, and the rating given is shown', async () => {
  const { requests, page, card } = await byCode({
    'POST /api/reports/track/rating': rated({}, { score: 4, comment: '清理得很及时', commentState: 'pending_review' })
  })
  await star(card(), 4)
  expect(text(card())).toContain('满意')
  card().instance.setData({ comment: ' 清理得很及时 ' })
  await submit(card())
  const sent = requests.find(r => r.path === '/api/reports/track/rating')
  expect(sent.method).toBe('POST')
  expect(sent.body).toEqual({ number: NUMBER, code: CODE, score: 4, comment: '清理得很及时' })
  expect(text(card())).toContain('你的评价')
  expect(text(card())).toContain('★★★★☆')
  expect(text(card())).toContain('清理得很及时')
  expect(text(card())).toContain('评语正在审核')
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '感谢你的评价' }))
  expect(text(page)).toContain('办理结果满意吗') // rating does not confirm: that stays the citizen's own step
})

test('a rating given earlier can be changed inside the window (PUT), and the change can be cancelled', async () => {
  const { requests, card } = await byCode({
    'POST /api/reports/track': rated({}, { score: 3 }),
    'PUT /api/reports/track/rating': rated({}, { score: 5, changedAt: '2026-11-29T00:00:00Z' })
  })
  expect(text(card())).toContain('★★★☆☆')
  card().querySelector('.change-rating').dispatchEvent('tap')
  await settle()
  await star(card(), 1)
  card().querySelector('.cancel-rating').dispatchEvent('tap')
  await settle()
  expect(text(card())).toContain('★★★☆☆')

  card().querySelector('.change-rating').dispatchEvent('tap')
  await settle()
  await star(card(), 5)
  await submit(card())
  const sent = requests.find(r => r.path === '/api/reports/track/rating')
  expect(sent.method).toBe('PUT')
  expect(sent.body).toEqual({ number: NUMBER, code: CODE, score: 5 })
  expect(text(card())).toContain('★★★★★')
  expect(card().querySelector('.change-rating')).toBeDefined()
})

test('one or two stars may dispute while unconfirmed: the reason is required, and the report reopens', async () => {
  const reopened = rated({ status: 'in_progress', statusLabel: '处置中', closedAt: undefined, respondUntil: undefined }, { score: 1 })
  const { requests, page, card } = await byCode({ 'POST /api/reports/track/rating': reopened })
  await star(card(), 3)
  expect(card().querySelector('.dispute-switch')).toBeUndefined()
  await star(card(), 2)
  card().querySelector('.dispute-switch').dispatchEvent('change', { detail: { value: true } })
  await settle()
  await submit(card())
  expect(text(card())).toContain('请写下还有哪些问题没有解决')
  expect(requests.some(r => r.path.endsWith('/rating'))).toBe(false)

  card().instance.setData({ reason: '垃圾又堆起来了' })
  await submit(card())
  expect(requests.find(r => r.path === '/api/reports/track/rating').body)
    .toEqual({ number: NUMBER, code: CODE, score: 2, dispute: true, reason: '垃圾又堆起来了' })
  expect(text(page)).toContain('处置中')
  expect(text(page)).not.toContain('办理结果满意吗')
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交评价和异议，报告重新办理' }))
})

test('once the result is confirmed a low score cannot dispute any more', async () => {
  const { card } = await byCode({ 'POST /api/reports/track': Object.assign({}, CLOSED, { confirmedAt: '2026-11-28T00:00:00Z', respondUntil: undefined, closedAt: new Date().toISOString() }) })
  await star(card(), 1)
  expect(card().querySelector('.dispute-switch')).toBeUndefined()
  expect(card().querySelector('.submit-rating')).toBeDefined()
})

test('past the days after closure a rating is shown without a change button, and none is offered when there is none', async () => {
  const old = { closedAt: '2026-01-01T00:00:00Z', confirmedAt: '2026-01-02T00:00:00Z', respondUntil: undefined, rateUntil: '2026-01-08T00:00:00Z' }
  let { card } = await byCode({ 'POST /api/reports/track': rated(old, { score: 5 }) })
  expect(text(card())).toContain('★★★★★')
  expect(card().querySelector('.change-rating')).toBeUndefined()
  ;({ card } = await byCode({ 'POST /api/reports/track': Object.assign({}, CLOSED, old) }))
  expect(card()).toBeUndefined()
  ;({ card } = await byCode({ 'POST /api/reports/track': Object.assign({}, CLOSED, { status: 'in_progress', closedAt: undefined, respondUntil: undefined, rateUntil: undefined }) }))
  expect(card()).toBeUndefined()
})

test('a refusal is shown at the field it names, and the form stays as it was', async () => {
  const { card } = await byCode({
    'POST /api/reports/track/rating': problem(422, 'Unprocessable Content', 'The comment did not pass WeChat\'s content check',
      [{ field: 'comment', message: '评语未通过内容安全检查' }])
  })
  await star(card(), 4)
  card().instance.setData({ comment: '某些词' })
  await submit(card())
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'The comment did not pass WeChat\'s content check' }))
  expect(text(card())).toContain('评语未通过内容安全检查')
  expect(card().data.score).toBe(4)
  expect(card().querySelector('.submit-rating')).toBeDefined()
})

test('busy while sending: a second tap sends nothing more', async () => {
  let release
  const { requests, card } = await byCode({ 'POST /api/reports/track/rating': { later: new Promise(r => { release = r }) } })
  await star(card(), 5)
  await submit(card())
  await submit(card())
  expect(requests.filter(r => r.path.endsWith('/rating'))).toHaveLength(1)
  release(rated({}, { score: 5 }))
  await settle()
  expect(text(card())).toContain('你的评价')
})

test('the signed-in reporter rates their own report by number', async () => {
  signedIn()
  const requests = backend({
    [`GET /api/me/reports/${NUMBER}`]: CLOSED,
    [`POST /api/me/reports/${NUMBER}/rating`]: rated({}, { score: 5 })
  })
  const page = render('pages/report/track')
  await page.instance.onLoad({ number: NUMBER })
  await settle()
  const card = page.querySelector('#rating')
  await star(card, 5)
  await submit(card)
  const sent = requests.find(r => r.path.endsWith('/rating'))
  expect([sent.method, sent.path, sent.header.Authorization]).toEqual(['POST', `/api/me/reports/${NUMBER}/rating`, 'Bearer access-1'])
  expect(sent.body).toEqual({ score: 5 })
  expect(text(page.querySelector('#rating'))).toContain('★★★★★')
})

test('the timeline names each step: submitted, handled, disputed, confirmed', async () => {
  const steps = Object.assign({}, CLOSED, {
    confirmedAt: '2026-11-30T00:00:00Z', respondUntil: undefined,
    timeline: [
      { at: '2026-11-25T02:00:00Z', kind: 'submitted', status: 'submitted', statusLabel: '待受理' },
      { at: '2026-11-26T02:00:00Z', kind: 'transition', status: 'closed', statusLabel: '已办结', note: '垃圾已清运' },
      { at: '2026-11-27T02:00:00Z', kind: 'disputed', status: 'in_progress', statusLabel: '处置中', note: '市民对办理结果有异议：又堆起来了' },
      { at: '2026-11-29T02:00:00Z', kind: 'transition', status: 'closed', statusLabel: '已办结' },
      { at: '2026-11-30T00:00:00Z', kind: 'confirmed', status: 'closed', statusLabel: '已办结', note: '市民确认办理结果' }
    ]
  })
  const { page } = await byCode({ 'POST /api/reports/track': steps })
  // the template compiler drops the spaces between text nodes
  const events = page.querySelectorAll('.event').map(e => text(e).replace(/\s+/g, ''))
  expect(events).toHaveLength(5)
  expect(events[0]).toMatch(/^提交报告·待受理2026-11-2510:00/)
  expect(events[1]).toMatch(/^已办结2026-11-2610:00垃圾已清运/)
  expect(events[2]).toMatch(/^市民提出异议·处置中/)
  expect(events[4]).toMatch(/^市民确认办理结果·已办结/)
})

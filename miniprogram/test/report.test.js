// The two feedback channels: the form checks itself before sending, asks for privacy consent before photos and
// location, uploads photos by presigned POST, keeps one Idempotency-Key until the report is accepted; then the
// receipt, tracking by number + code, confirm/dispute after closure, and my reports.
const { installWx, backend, problem, render, settle, text, retry, signedIn } = require('./support')
const config = require('../config')
const handoff = require('../utils/handoff')
const consent = require('../utils/consent')

const STREET_CATEGORIES = [{ code: 'litter', channel: 'STREET', name: '垃圾乱扔', description: '' }, { code: 'facility', channel: 'STREET', name: '设施损坏' }]
const SUPERVISION_CATEGORIES = [{ code: 'conduct', channel: 'SUPERVISION', name: '工作作风' }]
const DISTRICTS = ['亭湖区', '盐都区']
const RECEIPT = { number: 'SP-20261125-048213', queryCode: '3641-2199-2880-5457-8801', channel: 'STREET', status: 'SUBMITTED', statusLabel: '待受理', acceptDue: '2026-12-02', notice: '请保存查询码' }
const GUIDE = { guideVersion: '2026-11-30', items: [{ item: 'location', purpose: '随手拍上报问题时，获取您选择的位置，用于派遣处置单位到现场。' }, { item: 'phone', purpose: '绑定手机号，用于就您反映的问题与您联系。' }] }
const TICKET = { id: '0b9f4a52-2a6c-4c4e-9d0e-2f7b1d2a9c11', kind: 'EVIDENCE', uploadUrl: 'https://s3.example.test/b', fields: { key: 'k' }, maxBytes: 10 }

beforeEach(() => {
  installWx()
  consent.forget()
  signedIn()
  config.subscribeTemplates.reportStatus = ''
})

function reportBackend(extra = {}) {
  return backend(Object.assign({
    'GET /api/reports/categories': req => (req.query.channel === 'supervision' ? SUPERVISION_CATEGORIES : STREET_CATEGORIES),
    'GET /api/reports/districts': DISTRICTS,
    'GET /api/privacy': GUIDE,
    'POST /api/media/uploads': { statusCode: 201, data: TICKET },
    [`POST /api/media/uploads/${TICKET.id}/complete`]: { id: TICKET.id, status: 'VERIFIED' },
    'POST /api/reports': { statusCode: 201, data: RECEIPT }
  }, extra))
}

async function openForm(channel) {
  const page = render('pages/report/form')
  await page.instance.onLoad({ channel })
  await settle()
  return page
}

/** The location consent the form asks for before a street report: the question shown, answered by a tap. */
function consentDialog(page) {
  return page.querySelector('#privacy')
}

async function answerConsent(page, agree = true) {
  await settle()
  consentDialog(page).querySelector(agree ? '.consent-agree' : '.consent-refuse').dispatchEvent('tap')
  await settle()
}

/** Submits a street report, agreeing to the use of the location when asked. */
async function submitAgreeing(page) {
  const done = page.instance.submit()
  await answerConsent(page)
  await done
  await settle()
}

function fillStreet(page) {
  page.instance.setData({ categoryIndex: 0, description: '路口垃圾堆了三天', districtIndex: 1, location: { latitude: 33.35, longitude: 120.16, name: '人民路口', address: '盐城市亭湖区人民路' } })
}

describe('the report form', () => {
  test('loads the channel\'s categories and the districts; loading and error states', async () => {
    backend({ 'GET /api/reports/categories': { pending: true }, 'GET /api/reports/districts': { pending: true } })
    const loading = render('pages/report/form')
    loading.instance.onLoad({ channel: 'street' })
    await settle()
    expect(text(loading)).toContain('加载中')

    backend({ 'GET /api/reports/categories': problem(503, 'Service Unavailable', 'Database unavailable'), 'GET /api/reports/districts': DISTRICTS })
    await loading.instance.load()
    await settle()
    expect(text(loading)).toContain('Database unavailable')

    const requests = reportBackend()
    retry(loading)
    await settle()
    expect(requests[0].query).toEqual({ channel: 'street' })
    expect(loading.data.categories.map(c => c.name)).toEqual(['垃圾乱扔', '设施损坏'])
    expect(loading.data.districts).toEqual(DISTRICTS)
    expect(text(loading)).toContain('问题位置')
    expect(text(loading)).not.toContain('匿名提交')

    backend({ 'GET /api/reports/categories': [] })
    const empty = await openForm('supervision')
    expect(text(empty)).toContain('暂时没有可以提交的类别')
  })

  test('a street report is not sent without category, description, location and district', async () => {
    const requests = reportBackend()
    const page = await openForm('street')
    page.querySelector('.submit').dispatchEvent('tap')
    await settle()
    expect(requests.some(r => r.path === '/api/reports')).toBe(false)
    expect(page.data.errors).toEqual({
      category: '请选择类别', description: '请写下你看到的情况', location: '请在地图上选择问题所在位置', district: '请选择所在区域'
    })
    expect(text(page)).toContain('请在地图上选择问题所在位置')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请选择类别' }))

    fillStreet(page)
    page.instance.setData({ contactPhone: '12ab' })
    page.querySelector('.submit').dispatchEvent('tap')
    await settle()
    expect(page.data.errors).toEqual({ contactPhone: '请填写正确的电话号码' })
    expect(requests.some(r => r.path === '/api/reports')).toBe(false)
  })

  test('location is chosen on the map only after the privacy consent', async () => {
    reportBackend()
    const page = await openForm('street')
    wx.requirePrivacyAuthorize = jest.fn(o => o.fail({ errMsg: 'requirePrivacyAuthorize:fail' }))
    await page.instance.chooseLocation()
    expect(wx.chooseLocation).not.toHaveBeenCalled()

    wx.requirePrivacyAuthorize = jest.fn(o => o.success())
    wx.chooseLocation = jest.fn(o => o.success({ latitude: 33.35, longitude: 120.16, name: '人民路口', address: '亭湖区人民路' }))
    page.querySelector('.location .input').dispatchEvent('tap')
    await settle()
    expect(wx.requirePrivacyAuthorize).toHaveBeenCalled()
    expect(page.data.location).toEqual({ latitude: 33.35, longitude: 120.16, name: '人民路口', address: '亭湖区人民路' })
    expect(text(page)).toContain('人民路口')
  })

  test('photos come from camera or album after consent, upload with progress, and go with the report', async () => {
    const requests = reportBackend()
    const page = await openForm('street')
    wx.chooseMedia = jest.fn(o => o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/a.jpg', size: 1000 }] }))
    let finishUpload
    wx.uploadFile = jest.fn(o => {
      finishUpload = () => o.success({ statusCode: 204 })
      return { onProgressUpdate: fn => fn({ progress: 40 }), abort() {} }
    })
    page.querySelector('.add').dispatchEvent('tap')
    await settle()
    expect(wx.requirePrivacyAuthorize).toHaveBeenCalled()
    expect(wx.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 9, mediaType: ['image'], sourceType: ['camera', 'album'] }))
    expect(text(page)).toContain('40%')

    fillStreet(page)
    page.querySelector('.submit').dispatchEvent('tap')
    await settle()
    expect(page.data.errors.photos).toBe('照片还在上传，请稍候')

    finishUpload()
    await settle()
    expect(page.data.photos[0]).toMatchObject({ status: 'done', uploadId: TICKET.id })
    page.querySelector('.submit').dispatchEvent('tap')
    await answerConsent(page)
    const sent = requests.find(r => r.path === '/api/reports')
    expect(sent.body).toEqual({
      channel: 'street', category: 'litter', description: '路口垃圾堆了三天', photos: [TICKET.id],
      anonymous: false, subscribe: false, location: { latitude: 33.35, longitude: 120.16 },
      address: '盐城市亭湖区人民路 人民路口', district: '盐都区', consentVersion: '2026-11-30'
    })
    expect(handoff.take('receipt')).toEqual(RECEIPT)
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/receipt' })
  })

  test('a failed photo can be retried or removed; removing an uploading photo cancels it', async () => {
    reportBackend()
    const page = await openForm('street')
    wx.chooseMedia = jest.fn(o => o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/a.jpg', size: 1000 }] }))
    wx.uploadFile = jest.fn(o => {
      o.success({ statusCode: 403 })
      return {}
    })
    await page.instance.choosePhotos()
    await settle()
    expect(text(page)).toContain('上传失败，点此重试')
    wx.uploadFile = jest.fn(o => {
      o.success({ statusCode: 204 })
      return {}
    })
    page.querySelector('.failed-text').dispatchEvent('tap')
    await settle()
    expect(page.data.photos[0].status).toBe('done')

    const abort = jest.fn()
    wx.uploadFile = jest.fn(o => ({ abort: () => { abort(); o.fail({ errMsg: 'uploadFile:fail abort' }) } }))
    await page.instance.choosePhotos()
    await settle()
    expect(page.data.photos).toHaveLength(2)
    page.querySelectorAll('.remove')[1].dispatchEvent('tap')
    await settle()
    expect(abort).toHaveBeenCalled()
    expect(page.data.photos).toHaveLength(1)
  })

  test('after a network failure, submitting again sends the same Idempotency-Key', async () => {
    let tries = 0
    const requests = reportBackend({ 'POST /api/reports': () => (++tries <= 4 ? { networkError: true } : { statusCode: 201, data: RECEIPT }) })
    const page = await openForm('street')
    fillStreet(page)
    await submitAgreeing(page)
    expect(wx.redirectTo).not.toHaveBeenCalled()
    expect(wx.showToast.mock.calls.pop()[0].title).toContain('网络')
    await submitAgreeing(page)
    const keys = requests.filter(r => r.path === '/api/reports').map(r => r.header['Idempotency-Key'])
    expect(keys).toHaveLength(5)
    expect(new Set(keys).size).toBe(1)
    expect(wx.redirectTo).toHaveBeenCalled()
    expect(page.data.idempotencyKey).not.toBe(keys[0])
  })

  test('a key the backend already used for other content starts a new report, and says why', async () => {
    const requests = reportBackend({ 'POST /api/reports': problem(422, 'Unprocessable Content', 'This Idempotency-Key was already used', [{ field: 'Idempotency-Key', message: 'was used for a different submission' }]) })
    const page = await openForm('street')
    fillStreet(page)
    const first = page.data.idempotencyKey
    await submitAgreeing(page)
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '上一次提交可能已经成功' }))
    expect(page.data.idempotencyKey).not.toBe(first)
    expect(requests.filter(r => r.path === '/api/reports')[0].header['Idempotency-Key']).toBe(first)
  })

  test('a field the backend refuses is shown at that field', async () => {
    reportBackend({ 'POST /api/reports': problem(400, 'Bad Request', 'district must be one of 亭湖区, 盐都区', [{ field: 'district', message: 'must be one of 亭湖区, 盐都区' }]) })
    const page = await openForm('street')
    fillStreet(page)
    await submitAgreeing(page)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'district must be one of 亭湖区, 盐都区' }))
    expect(page.querySelector('.district .field-error').dom.textContent).toBe('must be one of 亭湖区, 盐都区')
  })

  test('a supervision report can be anonymous and ask for progress messages through the subscribe prompt', async () => {
    config.subscribeTemplates.reportStatus = 'tmpl-report-status'
    wx.requestSubscribeMessage = jest.fn(o => o.success({ 'tmpl-report-status': 'accept' }))
    const requests = reportBackend({ 'POST /api/reports': { statusCode: 201, data: Object.assign({}, RECEIPT, { number: 'QF-20261125-000001' }) } })
    const page = await openForm('supervision')
    expect(text(page)).not.toContain('问题位置')
    page.instance.setData({ categoryIndex: 0, description: '某执法人员态度恶劣' })
    page.querySelector('.anonymous-switch').dispatchEvent('change', { detail: { value: true } })
    page.querySelector('.notify-switch').dispatchEvent('change', { detail: { value: true } })
    await settle()
    await page.instance.submit()
    await settle()
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-report-status'] }))
    const body = requests.find(r => r.path === '/api/reports').body
    expect(body).toEqual({ channel: 'supervision', category: 'conduct', description: '某执法人员态度恶劣', photos: [], anonymous: true, subscribe: true })
  })

  test('declining the subscribe prompt sends subscribe: false; no template configured means no switch', async () => {
    config.subscribeTemplates.reportStatus = 'tmpl-report-status'
    wx.requestSubscribeMessage = jest.fn(o => o.success({ 'tmpl-report-status': 'reject' }))
    const requests = reportBackend()
    const page = await openForm('street')
    fillStreet(page)
    page.instance.setData({ subscribe: true })
    await submitAgreeing(page)
    expect(requests.find(r => r.path === '/api/reports').body.subscribe).toBe(false)

    config.subscribeTemplates.reportStatus = ''
    const plain = await openForm('street')
    expect(plain.querySelector('.notify')).toBeUndefined()
  })
})

describe('consent to the location of a street report', () => {
  test('the purpose from the guide is shown first; refused, nothing is sent; agreed, the guide version goes along', async () => {
    const requests = reportBackend()
    const page = await openForm('street')
    fillStreet(page)
    const refused = page.instance.submit()
    await settle()
    expect(text(consentDialog(page))).toContain('使用你选择的位置')
    expect(text(consentDialog(page))).toContain('用于派遣处置单位到现场')
    expect(text(consentDialog(page))).toContain('2026-11-30')
    await answerConsent(page, false)
    await refused
    expect(requests.some(r => r.path === '/api/reports')).toBe(false)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未同意使用位置信息，报告没有提交' }))
    expect(text(consentDialog(page)).trim()).toBe('')
    expect(page.data.submitting).toBe(false)

    await submitAgreeing(page)
    expect(requests.find(r => r.path === '/api/reports').body.consentVersion).toBe('2026-11-30')
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/receipt' })
    // the guide was read once in this launch of the mini-program, for both questions
    expect(requests.filter(r => r.path === '/api/privacy')).toHaveLength(1)
  })

  test('when the guide changed meanwhile (422 on consentVersion) it reads the guide again, asks again and sends once more', async () => {
    let guide = GUIDE
    const changed = { guideVersion: '2026-12-15', items: [{ item: 'location', purpose: '新的说明：位置只用于派遣，办结后只保留约百米精度。' }] }
    const requests = reportBackend({
      'GET /api/privacy': () => guide,
      'POST /api/reports': req => (req.body.consentVersion === changed.guideVersion
        ? { statusCode: 201, data: RECEIPT }
        : problem(422, 'Unprocessable Content', 'consentVersion is 2026-11-30 but the privacy guide in force is 2026-12-15',
          [{ field: 'consentVersion', message: 'is 2026-11-30 but the privacy guide in force is 2026-12-15' }]))
    })
    const page = await openForm('street')
    fillStreet(page)
    const done = page.instance.submit()
    await settle()
    expect(text(consentDialog(page))).toContain('2026-11-30')
    // the bureau publishes a new guide while the question is on screen
    guide = changed
    await answerConsent(page)
    expect(text(consentDialog(page))).toContain('隐私保护指引已更新')
    expect(text(consentDialog(page))).toContain('新的说明')
    expect(text(consentDialog(page))).toContain('2026-12-15')
    await answerConsent(page)
    await done
    const sent = requests.filter(r => r.path === '/api/reports')
    expect(sent.map(r => r.body.consentVersion)).toEqual(['2026-11-30', '2026-12-15'])
    expect(new Set(sent.map(r => r.header['Idempotency-Key'])).size).toBe(1)
    expect(requests.filter(r => r.path === '/api/privacy')).toHaveLength(2)
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/receipt' })
    // the stale answer was handled, not shown as an error
    expect(wx.showToast.mock.calls.map(c => c[0].title).join()).not.toContain('consentVersion')
  })

  test('it asks again only once: a second refusal of the version is shown, and nothing more is sent', async () => {
    const stale = problem(422, 'Unprocessable Content', '隐私保护指引已更新，请重新确认', [{ field: 'consentVersion', message: 'stale' }])
    const requests = reportBackend({ 'POST /api/reports': stale })
    const page = await openForm('street')
    fillStreet(page)
    const done = page.instance.submit()
    await answerConsent(page)
    await answerConsent(page)
    await done
    expect(requests.filter(r => r.path === '/api/reports')).toHaveLength(2)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '隐私保护指引已更新，请重新确认' }))
    expect(wx.redirectTo).not.toHaveBeenCalled()
  })

  test('without a popup on the page the question is a modal; a supervision report sends no location and asks nothing', async () => {
    consent.forget()
    wx.showModal = jest.fn(o => o.success({ confirm: true }))
    const requests = backend({ 'GET /api/privacy': GUIDE })
    await expect(consent.ask('location')).resolves.toBe('2026-11-30')
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '使用你选择的位置', content: expect.stringContaining('派遣处置单位'), confirmText: '同意' }))
    wx.showModal = jest.fn(o => o.success({ confirm: false }))
    await expect(consent.ask('location')).rejects.toMatchObject({ kind: 'refused' })
    expect(requests).toHaveLength(1)

    const sent = reportBackend()
    const page = await openForm('supervision')
    page.instance.setData({ categoryIndex: 0, description: '某执法人员态度恶劣' })
    await page.instance.submit()
    await settle()
    expect(sent.some(r => r.path === '/api/privacy')).toBe(false)
    expect(sent.find(r => r.path === '/api/reports').body.consentVersion).toBeUndefined()
  })
})

describe('the receipt', () => {
  test('shows the number and code once, and moves on only after the citizen saved them', async () => {
    handoff.put('receipt', RECEIPT)
    const page = render('pages/report/receipt')
    page.instance.onLoad()
    await settle()
    expect(text(page)).toContain('SP-20261125-048213')
    expect(text(page)).toContain('3641-2199-2880-5457-8801')
    expect(text(page)).toContain('请保存查询码')
    const receipt = page.querySelector('#receipt')
    receipt.querySelector('.done').dispatchEvent('tap')
    await settle()
    expect(wx.redirectTo).not.toHaveBeenCalled()
    receipt.querySelector('.saved').dispatchEvent('change', { detail: { value: ['saved'] } })
    await settle()
    receipt.querySelector('.done').dispatchEvent('tap')
    await settle()
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/report/track?number=SP-20261125-048213' })
  })

  test('opened again later it shows no code (it is shown only once)', async () => {
    const page = render('pages/report/receipt')
    page.instance.onLoad()
    await settle()
    expect(text(page)).toContain('查询码只显示一次')
    expect(text(page)).not.toContain('3641')
  })
})

const CLOSED = {
  number: 'SP-20261125-048213', channel: 'STREET', category: '垃圾乱扔', status: 'CLOSED', statusLabel: '已办结',
  createdAt: '2026-11-25T02:00:00Z', acceptDue: '2026-12-02', resultDue: '2026-12-09', overdue: false,
  closedAt: '2026-11-27T02:00:00Z', respondUntil: '2099-12-04T02:00:00Z', rateUntil: '2099-12-04T02:00:00Z',
  timeline: [
    { at: '2026-11-25T02:00:00Z', status: 'SUBMITTED', statusLabel: '待受理', note: null },
    { at: '2026-11-27T02:00:00Z', status: 'CLOSED', statusLabel: '已办结', note: '垃圾已清运' }
  ]
}

describe('tracking', () => {
  test('checks number and code before asking', async () => {
    const requests = backend({})
    signedIn()
    wx.removeStorageSync('yg.session')
    const page = render('pages/report/track')
    await page.instance.onLoad({})
    page.instance.setData({ number: 'SP-1', code: '123' })
    page.querySelector('.lookup').dispatchEvent('tap')
    await settle()
    expect(requests).toHaveLength(0)
    expect(text(page)).toContain('报告编号形如 SP-20261125-048213')
    expect(text(page)).toContain('查询码是 20 位数字')
  })

  test('by number and code: status, deadlines and timeline; a wrong code says so', async () => {
    wx.removeStorageSync('yg.session')
    const requests = backend({
      'POST /api/reports/track': req => (req.body.code === '3641-2199-2880-5457-8801' ? CLOSED : problem(404, 'Not Found', 'No report with this number and code'))
    })
    const page = render('pages/report/track')
    await page.instance.onLoad({ number: 'sp-20261125-048213' })
    page.instance.setData({ code: '0000-0000-0000-0000-0000' })
    await page.instance.lookup()
    await settle()
    expect(text(page)).toContain('报告编号或查询码不正确')

    page.instance.setData({ code: '3641-2199-2880-5457-8801' })
    page.querySelector('.lookup').dispatchEvent('tap')
    await settle()
    expect(requests.pop().body).toEqual({ number: 'SP-20261125-048213', code: '3641-2199-2880-5457-8801' })
    expect(text(page)).toContain('已办结')
    expect(text(page)).toContain('垃圾已清运')
    expect(text(page)).toContain('办结期限：2026-12-09')
    expect(page.querySelectorAll('.event')).toHaveLength(2)
  })

  test('after closure the citizen confirms by code; a dispute needs a reason and reopens', async () => {
    wx.removeStorageSync('yg.session')
    const requests = backend({
      'POST /api/reports/track': CLOSED,
      'POST /api/reports/track/dispute': Object.assign({}, CLOSED, { status: 'IN_PROGRESS', statusLabel: '处置中', respondUntil: undefined }),
      'POST /api/reports/track/confirm': Object.assign({}, CLOSED, { confirmedAt: '2026-11-28T00:00:00Z' })
    })
    const page = render('pages/report/track')
    await page.instance.onLoad({ number: 'SP-20261125-048213' })
    page.instance.setData({ code: '3641-2199-2880-5457-8801' })
    await page.instance.lookup()
    await settle()
    expect(text(page)).toContain('办理结果满意吗')

    page.querySelector('.dispute').dispatchEvent('tap')
    await settle()
    expect(requests.some(r => r.path === '/api/reports/track/dispute')).toBe(false)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请写下还有哪些问题没有解决' }))

    page.instance.setData({ reason: '垃圾又堆起来了' })
    await page.instance.dispute()
    await settle()
    expect(requests.pop().body).toEqual({ number: 'SP-20261125-048213', code: '3641-2199-2880-5457-8801', reason: '垃圾又堆起来了' })
    expect(text(page)).toContain('处置中')
    expect(text(page)).not.toContain('办理结果满意吗')

    page.instance.setData({ tracking: Object.assign({}, page.data.tracking, { status: 'CLOSED', canRespond: true }) })
    await page.instance.confirm()
    await settle()
    expect(requests.pop().path).toBe('/api/reports/track/confirm')
    expect(text(page)).toContain('你已确认办理结果')
  })

  test('the signed-in reporter opens their own report by number (subscribe messages link here)', async () => {
    const requests = backend({
      'GET /api/me/reports/SP-20261125-048213': CLOSED,
      'POST /api/me/reports/SP-20261125-048213/confirm': Object.assign({}, CLOSED, { confirmedAt: '2026-11-28T00:00:00Z' })
    })
    const page = render('pages/report/track')
    await page.instance.onLoad({ number: 'SP-20261125-048213' })
    await settle()
    expect(text(page)).toContain('垃圾已清运')
    page.querySelector('.confirm').dispatchEvent('tap')
    await settle()
    expect(requests.pop().path).toBe('/api/me/reports/SP-20261125-048213/confirm')
  })

  test('a report that is not the user\'s falls back to the code form; errors other than 404 are shown', async () => {
    backend({ 'GET /api/me/reports/QF-20261125-000001': problem(404, 'Not Found'), 'POST /api/reports/track': problem(429, 'Too Many Requests', 'Too many lookups from this network; wait a minute') })
    const page = render('pages/report/track')
    await page.instance.onLoad({ number: 'QF-20261125-000001' })
    await settle()
    expect(page.data.state).toBe('form')
    expect(page.querySelector('.lookup')).toBeDefined()
    page.instance.setData({ code: '36412199288054578801' })
    page.instance.lookup()
    await settle()
    expect(text(page)).toContain('Too many lookups')
  })
})

describe('my reports', () => {
  test('lists my named reports page by page and opens one', async () => {
    backend({
      'GET /api/me/reports': req => (req.query.cursor
        ? { items: [{ number: 'QF-20261120-000002', channel: 'SUPERVISION', category: '工作作风', status: 'ACCEPTED', statusLabel: '已受理', createdAt: '2026-11-20T02:00:00Z', overdue: false }], nextCursor: null }
        : { items: [{ number: 'SP-20261125-048213', channel: 'STREET', category: '垃圾乱扔', status: 'SUBMITTED', statusLabel: '待受理', createdAt: '2026-11-25T02:00:00Z', overdue: true }], nextCursor: 'm2' })
    })
    const page = render('pages/report/mine')
    await page.instance.onLoad()
    await settle()
    expect(text(page)).toContain('城管随手拍 · 垃圾乱扔 · 2026-11-25')
    await page.instance.onReachBottom()
    await settle()
    expect(text(page)).toContain('清风城管 · 工作作风')
    page.querySelectorAll('.report')[0].dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/track?number=SP-20261125-048213' })
  })

  test('loading, empty and error', async () => {
    backend({ 'GET /api/me/reports': { pending: true } })
    const page = render('pages/report/mine')
    page.instance.onLoad()
    await settle()
    expect(text(page)).toContain('加载中')
    backend({ 'GET /api/me/reports': { items: [], nextCursor: null } })
    await page.instance.reload()
    await settle()
    expect(text(page)).toContain('匿名报告请凭报告编号和查询码查询')
    backend({ 'GET /api/me/reports': problem(403, 'Forbidden', 'Staff accounts have no reports') })
    await page.instance.reload()
    await settle()
    expect(text(page)).toContain('Staff accounts have no reports')
  })
})

test('the 清风城管 tab lets the citizen choose the channel', async () => {
  const page = render('pages/feedback/feedback')
  page.querySelector('.supervision').dispatchEvent('tap')
  page.querySelector('.track').dispatchEvent('tap')
  await settle()
  expect(wx.navigateTo.mock.calls.map(c => c[0].url)).toEqual(['/pages/report/form?channel=supervision', '/pages/report/track'])
  expect(text(page)).toContain('只有纪检人员可以查看')
})

describe('photos and progress messages on the tracking page', () => {
  const WITH_PHOTOS = Object.assign({}, CLOSED, {
    messagesLeft: 0,
    photos: [
      { position: 0, stage: 'before', url: 'https://s3.example.test/before0.jpg?X-Amz-Signature=a' },
      { position: 1, stage: 'before', url: null },
      { position: 2, stage: 'after', url: 'https://s3.example.test/after2.jpg?X-Amz-Signature=b' }
    ]
  })

  test('before and after photos show by stage, one not ready says so, and a tap previews them all', async () => {
    wx.removeStorageSync('yg.session')
    backend({ 'POST /api/reports/track': WITH_PHOTOS })
    const page = render('pages/report/track')
    await page.instance.onLoad({ number: 'SP-20261125-048213' })
    page.instance.setData({ code: '3641-2199-2880-5457-8801' })
    await page.instance.lookup()
    await settle()
    expect(page.querySelectorAll('.photo.before')).toHaveLength(1)
    expect(page.querySelectorAll('.photo.after')).toHaveLength(1)
    expect(text(page)).toContain('你拍的照片')
    expect(text(page)).toContain('处置后照片')
    expect(text(page)).toContain('暂不可查看')
    page.querySelector('.photo.after').dispatchEvent('tap')
    await settle()
    expect(wx.previewImage).toHaveBeenCalledWith({
      urls: ['https://s3.example.test/before0.jpg?X-Amz-Signature=a', 'https://s3.example.test/after2.jpg?X-Amz-Signature=b'],
      current: 'https://s3.example.test/after2.jpg?X-Amz-Signature=b'
    })
  })

  test('a report without photos (a supervision report) shows no photo card', async () => {
    wx.removeStorageSync('yg.session')
    backend({ 'POST /api/reports/track': Object.assign({}, CLOSED, { channel: 'supervision', photos: undefined }) })
    const page = render('pages/report/track')
    await page.instance.onLoad({ number: 'QF-20261125-000001' })
    page.instance.setData({ code: '3641-2199-2880-5457-8801' })
    await page.instance.lookup()
    await settle()
    expect(page.querySelector('.photos')).toBeUndefined()
  })

  test('the rating stays open until rateUntil after the result is confirmed, and closes after it', async () => {
    const confirmed = { confirmedAt: '2026-11-28T00:00:00Z', respondUntil: undefined }
    backend({ 'GET /api/me/reports/SP-20261125-048213': Object.assign({}, CLOSED, confirmed) })
    let page = render('pages/report/track')
    await page.instance.onLoad({ number: 'SP-20261125-048213' })
    await settle()
    expect(page.data.tracking.canRate).toBe(true)

    backend({ 'GET /api/me/reports/SP-20261125-048213': Object.assign({}, CLOSED, confirmed, { closedAt: '2026-01-01T02:00:00Z', rateUntil: '2026-01-08T02:00:00Z' }) })
    page = render('pages/report/track')
    await page.instance.onLoad({ number: 'SP-20261125-048213' })
    await settle()
    expect(page.data.tracking.canRate).toBe(false)
    expect(page.querySelector('#rating')).toBeUndefined()
  })

  test('the reporter asks for another message: the prompt first, then the renewal; declined, nothing is sent', async () => {
    config.subscribeTemplates.reportStatus = 'tmpl-report-status'
    const open = Object.assign({}, CLOSED, { status: 'in_progress', statusLabel: '处置中', closedAt: undefined, respondUntil: undefined, rateUntil: undefined, messagesLeft: 0 })
    const requests = backend({
      'GET /api/me/reports/SP-20261125-048213': open,
      'POST /api/me/reports/SP-20261125-048213/subscription': Object.assign({}, open, { messagesLeft: 1 })
    })
    const page = render('pages/report/track')
    await page.instance.onLoad({ number: 'SP-20261125-048213' })
    await settle()
    expect(text(page)).toContain('现在不会再收到进度通知')

    wx.requestSubscribeMessage = jest.fn(o => o.success({ 'tmpl-report-status': 'reject' }))
    page.querySelector('.subscribe').dispatchEvent('tap')
    await settle()
    expect(requests.some(r => r.path.endsWith('/subscription'))).toBe(false)

    wx.requestSubscribeMessage = jest.fn(o => o.success({ 'tmpl-report-status': 'accept' }))
    page.querySelector('.subscribe').dispatchEvent('tap')
    await settle()
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-report-status'] }))
    const sent = requests.find(r => r.path.endsWith('/subscription'))
    expect([sent.method, sent.path, sent.header.Authorization]).toEqual(['POST', '/api/me/reports/SP-20261125-048213/subscription', 'Bearer access-1'])
    expect(text(page)).toContain('进度变化时还会通知你 1 次')
    expect(text(page)).toContain('再订阅一次')
  })

  test('by number and code the renewal carries them and signs in first', async () => {
    config.subscribeTemplates.reportStatus = 'tmpl-report-status'
    wx.removeStorageSync('yg.session')
    wx.requestSubscribeMessage = jest.fn(o => o.success({ 'tmpl-report-status': 'accept' }))
    const open = Object.assign({}, CLOSED, { status: 'accepted', statusLabel: '已受理', closedAt: undefined, respondUntil: undefined, rateUntil: undefined, messagesLeft: 1 })
    const requests = backend({
      'POST /api/reports/track': open,
      'POST /api/auth/wechat': { accessToken: 'access-9', refreshToken: 'refresh-9' },
      'POST /api/reports/track/subscription': Object.assign({}, open, { messagesLeft: 2 })
    })
    const page = render('pages/report/track')
    await page.instance.onLoad({ number: 'SP-20261125-048213' })
    page.instance.setData({ code: '3641-2199-2880-5457-8801' })
    await page.instance.lookup()
    await settle()
    await page.instance.subscribe()
    await settle()
    const sent = requests.find(r => r.path === '/api/reports/track/subscription')
    expect(sent.body).toEqual({ number: 'SP-20261125-048213', code: '3641-2199-2880-5457-8801' })
    expect(sent.header.Authorization).toBe('Bearer access-9')
    expect(text(page)).toContain('进度变化时还会通知你 2 次')
  })

  test('no button when no template is configured or the report will change no more', async () => {
    config.subscribeTemplates.reportStatus = ''
    backend({ 'GET /api/me/reports/SP-20261125-048213': Object.assign({}, CLOSED, { status: 'in_progress', closedAt: undefined }) })
    let page = render('pages/report/track')
    await page.instance.onLoad({ number: 'SP-20261125-048213' })
    await settle()
    expect(page.querySelector('.subscribe')).toBeUndefined()

    config.subscribeTemplates.reportStatus = 'tmpl-report-status'
    backend({ 'GET /api/me/reports/SP-20261125-048213': Object.assign({}, CLOSED, { status: 'rejected', statusLabel: '不予受理', closedAt: undefined, respondUntil: undefined }) })
    page = render('pages/report/track')
    await page.instance.onLoad({ number: 'SP-20261125-048213' })
    await settle()
    expect(page.querySelector('.subscribe')).toBeUndefined()
  })
})

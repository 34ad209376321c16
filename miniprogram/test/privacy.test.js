// A person's rights over their data in the mini-program: the copy (我的数据) summarised and copied to the
// clipboard, the consents (隐私设置), and account deletion with its cooling-off period (注销账号).
const { installWx, backend, problem, render, settle, text, retry, signedIn } = require('./support')
const consent = require('../utils/consent')

const NOTICE = '匿名提交的反映不与任何账号关联，因此不在此副本中；凭编号和查询码可以查询它们。'
const COPY = {
  userId: 7,
  generatedAt: '2026-11-30T06:00:00Z',
  notice: NOTICE,
  sections: {
    account: {
      profile: { id: 7, displayName: null, phone: '138****0000' },
      openid: '已保存（微信用户标识，仅用于登录）',
      consents: [{ item: 'location', guideVersion: '2026-11-30' }, { item: 'phone', guideVersion: '2026-11-30' }],
      signIns: [{ since: '2026-11-29T00:00:00Z' }]
    },
    club: { posts: [{ id: 1 }, { id: 2 }, { id: 3 }], comments: [{ body: '好书' }], checkIns: [], postLikes: [{}, {}], commentLikes: [], flags: [] },
    contentLikes: [{ kind: 'story', id: 4 }],
    notifications: [],
    reports: [{ number: 'SP-20261125-048213' }, { number: 'SP-20261126-000002' }],
    uploads: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]
  }
}
const NOTE = '账号将于到期时注销：资料和手机号删除，读书社内容按设置删除或匿名，反映的问题保留但不再与您关联（凭编号和查询码仍可查询）。到期前可以撤销。'
const NOT_REQUESTED = { requested: false, requestedAt: null, dueAt: null, note: null }
const PENDING = { requested: true, requestedAt: '2026-11-30T02:00:00Z', dueAt: '2026-12-07T02:00:00Z', note: NOTE }
const PROFILE = { id: 7, kind: 'WECHAT', displayName: null, roles: ['citizen'], phone: null, createdAt: '2026-11-01T00:00:00Z', deletionDueAt: null }

beforeEach(() => {
  installWx()
  consent.forget()
  signedIn()
})

async function open(page) {
  const comp = render(page)
  await comp.instance.onLoad()
  await settle()
  return comp
}

function section(page, title) {
  return page.querySelectorAll('.section-summary').map(text).find(t => t.includes(title))
}

describe('我的数据', () => {
  test('summarises the copy by section with the notice about anonymous reports, and copies the whole JSON', async () => {
    const requests = backend({ 'GET /api/me/data': COPY })
    const page = await open('pages/privacy/data')
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/me/data', header: { Authorization: 'Bearer access-1' } })
    expect(text(page)).toContain('生成于 2026-11-30 14:00')
    expect(text(page)).toContain('138****0000')
    expect(section(page, '账号')).toMatch(/共 3 条.*同意记录\s*2.*登录中的设备\s*1/)
    expect(section(page, '读书社')).toMatch(/共 6 条.*读书笔记\s*3.*评论\s*1.*打卡\s*0.*点赞的笔记\s*2/)
    expect(section(page, '署名反映的问题')).toContain('共 2 条')
    expect(section(page, '上传的照片')).toContain('共 4 条')
    expect(section(page, '点赞的故事和视频')).toContain('共 1 条')
    expect(section(page, '收到的订阅消息')).toContain('共 0 条')
    expect(text(page)).toContain(NOTICE)

    page.querySelector('.copy-all').dispatchEvent('tap')
    await settle()
    const copied = wx.setClipboardData.mock.calls[0][0].data
    expect(JSON.parse(copied)).toEqual(COPY)
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已复制全部数据' }))
  })

  test('a section the backend adds later is still counted; loading and error states', async () => {
    backend({ 'GET /api/me/data': { pending: true } })
    const loading = render('pages/privacy/data')
    loading.instance.onLoad()
    await settle()
    expect(text(loading)).toContain('加载中')

    backend({ 'GET /api/me/data': problem(503, 'Service Unavailable', 'Database unavailable') })
    const failed = await open('pages/privacy/data')
    expect(text(failed)).toContain('Database unavailable')
    expect(failed.querySelector('.copy-all')).toBeUndefined()

    backend({ 'GET /api/me/data': Object.assign({}, COPY, { sections: { reports: [], videosWatched: [{}, {}] } }) })
    retry(failed)
    await settle()
    expect(section(failed, 'videosWatched')).toContain('共 2 条')
    expect(section(failed, '署名反映的问题')).toContain('共 0 条')
  })
})

describe('隐私设置', () => {
  test('lists each consent with its guide version and whether it is the version in force', async () => {
    const requests = backend({
      'GET /api/privacy': { guideVersion: '2026-12-15', items: [] },
      'GET /api/me/consents': [
        { item: 'location', guideVersion: '2026-12-15', agreedAt: '2026-12-16T01:00:00Z', reportId: 12, current: true },
        { item: 'phone', guideVersion: '2026-11-30', agreedAt: '2026-11-30T03:05:00Z', reportId: null, current: false }
      ]
    })
    const page = await open('pages/privacy/consents')
    expect(requests.find(r => r.path === '/api/me/consents').header.Authorization).toBe('Bearer access-1')
    expect(text(page)).toContain('现行指引版本：2026-12-15')
    const [location, phone] = page.querySelectorAll('.consent-item').map(text)
    expect(location).toContain('位置信息（随手拍）')
    expect(location).toContain('现行版本')
    expect(location).toContain('指引版本 2026-12-15 · 同意于 2026-12-16 09:00')
    expect(location).toContain('随同一份随手拍报告提交')
    expect(phone).toContain('手机号')
    expect(phone).toContain('旧版本')
    expect(phone).toContain('下次使用时会再次征求你的同意')
  })

  test('none yet says so; an error offers a retry; the list shows even when the guide cannot be read', async () => {
    backend({ 'GET /api/privacy': { guideVersion: '2026-11-30', items: [] }, 'GET /api/me/consents': [] })
    const empty = await open('pages/privacy/consents')
    expect(text(empty)).toContain('你还没有单独同意过使用位置信息或手机号')

    consent.forget()
    backend({ 'GET /api/me/consents': problem(503, 'Service Unavailable', 'Database unavailable') })
    const failed = await open('pages/privacy/consents')
    expect(text(failed)).toContain('Database unavailable')

    backend({ 'GET /api/privacy': { networkError: true }, 'GET /api/me/consents': [{ item: 'phone', guideVersion: '2026-11-30', agreedAt: '2026-11-30T03:05:00Z', current: true }] })
    retry(failed)
    await settle()
    expect(text(failed)).toContain('手机号')
    expect(text(failed)).not.toContain('现行指引版本')
  })
})

describe('注销账号', () => {
  test('explains what happens, asks for confirmation, then shows the due date, the backend\'s note and 撤销注销', async () => {
    let status = NOT_REQUESTED
    const requests = backend({
      'GET /api/me/deletion': () => status,
      'POST /api/me/deletion': () => (status = PENDING),
      'DELETE /api/me/deletion': () => (status = NOT_REQUESTED)
    })
    const page = await open('pages/privacy/deletion')
    expect(text(page)).toContain('注销后会怎样')
    expect(text(page)).toContain('凭编号和查询码仍可查询')

    wx.showModal = jest.fn(o => o.success({ confirm: false, cancel: true }))
    page.querySelector('.request-deletion').dispatchEvent('tap')
    await settle()
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认注销账号？', confirmText: '确认注销' }))
    expect(requests.some(r => r.method === 'POST')).toBe(false)
    expect(text(page)).not.toContain('已申请注销')

    wx.showModal = jest.fn(o => o.success({ confirm: true }))
    page.querySelector('.request-deletion').dispatchEvent('tap')
    await settle()
    expect(requests.filter(r => r.method === 'POST').map(r => r.path)).toEqual(['/api/me/deletion'])
    expect(text(page)).toContain('已申请注销')
    expect(text(page)).toContain('账号将于 2026-12-07 10:00 注销')
    expect(text(page)).toContain(NOTE)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已申请注销' }))

    page.querySelector('.cancel-deletion').dispatchEvent('tap')
    await settle()
    expect(requests.filter(r => r.method === 'DELETE').map(r => r.path)).toEqual(['/api/me/deletion'])
    expect(text(page)).not.toContain('已申请注销')
    expect(page.querySelector('.request-deletion')).toBeDefined()
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤销注销' }))
  })

  test('after a request, 我的 shows the pending state; opened again, the page shows it too', async () => {
    let profile = PROFILE
    backend({
      'GET /api/me/deletion': NOT_REQUESTED,
      'POST /api/me/deletion': () => {
        profile = Object.assign({}, PROFILE, { deletionDueAt: PENDING.dueAt })
        return PENDING
      },
      'GET /api/me': () => profile
    })
    const me = render('pages/me/me')
    await me.instance.onShow()
    await settle()
    expect(text(me)).not.toContain('已申请注销')

    wx.showModal = jest.fn(o => o.success({ confirm: true }))
    const page = await open('pages/privacy/deletion')
    await page.instance.requestDeletion()
    await settle()
    // back on the tab: 我的 reads the profile on every show
    await me.instance.onShow()
    await settle()
    expect(text(me)).toContain('已申请注销：账号将于 2026-12-07 10:00 注销')

    backend({ 'GET /api/me/deletion': PENDING })
    const again = await open('pages/privacy/deletion')
    expect(text(again)).toContain('撤销注销')
    expect(again.querySelector('.request-deletion')).toBeUndefined()
  })

  test('a refused request keeps the page as it was and says why; loading errors offer a retry', async () => {
    backend({ 'GET /api/me/deletion': problem(503, 'Service Unavailable', 'Database unavailable') })
    const page = await open('pages/privacy/deletion')
    expect(text(page)).toContain('Database unavailable')

    const requests = backend({
      'GET /api/me/deletion': NOT_REQUESTED,
      'POST /api/me/deletion': problem(403, 'Forbidden', 'Console accounts are closed by an administrator, not deleted by their holder')
    })
    retry(page)
    await settle()
    wx.showModal = jest.fn(o => o.success({ confirm: true }))
    await page.instance.requestDeletion()
    await settle()
    expect(requests.filter(r => r.method === 'POST')).toHaveLength(1)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Console accounts are closed by an administrator, not deleted by their holder' }))
    expect(text(page)).toContain('注销后会怎样')
    expect(page.data.busy).toBe(false)
  })
})

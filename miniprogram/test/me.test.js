// 我的, the privacy policy, and the shared state-view and privacy-popup components.
const { installWx, backend, problem, render, settle, text, retry, signedIn, attr } = require('./support')

const PROFILE = { id: 7, kind: 'WECHAT', username: null, displayName: null, unit: null, roles: ['citizen'], phone: null, disabled: false, principalLeader: false, createdAt: '2026-11-01T00:00:00Z' }
const TOKENS = { accessToken: 'access-9', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'refresh-9', refreshExpiresIn: 1 }

beforeEach(() => installWx())

describe('我的', () => {
  test('signed out, it offers WeChat sign-in, then shows the profile', async () => {
    const requests = backend({ 'POST /api/auth/wechat': TOKENS, 'GET /api/me': PROFILE })
    const page = render('pages/me/me')
    await page.instance.onShow()
    await settle()
    expect(text(page)).toContain('微信登录')
    expect(requests).toHaveLength(0)

    page.querySelector('.sign-in').dispatchEvent('tap')
    await settle()
    expect(requests.map(r => r.path)).toEqual(['/api/auth/wechat', '/api/me'])
    expect(text(page)).toContain('微信用户')
    expect(text(page)).toContain('市民')
    expect(text(page)).toContain('未绑定')
  })

  test('binds the phone with the getPhoneNumber code, and says so when the user refused', async () => {
    signedIn()
    const requests = backend({ 'GET /api/me': PROFILE, 'POST /api/me/phone': Object.assign({}, PROFILE, { phone: '138****0000' }) })
    const page = render('pages/me/me')
    await page.instance.onShow()
    await settle()
    const button = page.querySelector('.bind-phone')
    expect(attr(button, 'open-type')).toBe('getPhoneNumber')

    button.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } })
    await settle()
    expect(requests.some(r => r.path === '/api/me/phone')).toBe(false)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未获得手机号授权' }))

    button.dispatchEvent('getphonenumber', { detail: { code: 'phone-code-12345678' } })
    await settle()
    expect(requests.pop().body).toEqual({ code: 'phone-code-12345678' })
    expect(text(page)).toContain('138****0000')
  })

  test('profile loading and error states; signing out forgets the tokens', async () => {
    signedIn()
    backend({ 'GET /api/me': { pending: true } })
    const page = render('pages/me/me')
    page.instance.onShow()
    await settle()
    expect(text(page)).toContain('加载中')

    backend({ 'GET /api/me': problem(503, 'Service Unavailable', 'Database unavailable') })
    await page.instance.loadProfile()
    await settle()
    expect(text(page)).toContain('Database unavailable')

    const requests = backend({ 'GET /api/me': PROFILE, 'POST /api/auth/logout': { statusCode: 204, data: '' } })
    retry(page)
    await settle()
    expect(text(page)).toContain('微信用户')
    page.querySelector('.sign-out').dispatchEvent('tap')
    await settle()
    expect(requests.pop()).toMatchObject({ path: '/api/auth/logout', body: { refreshToken: 'refresh-1' } })
    expect(wx.getStorageSync('yg.session')).toBe('')
    expect(text(page)).toContain('微信登录')
  })

  test('links to my reports, tracking and the privacy policy', async () => {
    const page = render('pages/me/me')
    await page.instance.onShow()
    page.querySelectorAll('.menu-item').forEach(item => item.dispatchEvent('tap'))
    await settle()
    expect(wx.navigateTo.mock.calls.map(c => c[0].url)).toEqual(['/pages/report/mine', '/pages/report/track', '/pages/privacy/privacy'])
  })
})

test('the privacy policy says what is collected and opens WeChat\'s guide', async () => {
  const page = render('pages/privacy/privacy')
  for (const word of ['手机号', '位置', '照片', '匿名报告不与你的微信身份关联']) {
    expect(text(page)).toContain(word)
  }
  page.querySelector('.contract').dispatchEvent('tap')
  await settle()
  expect(wx.openPrivacyContract).toHaveBeenCalled()
})

describe('state-view', () => {
  test('shows loading, the empty text, or the error with a retry', async () => {
    const comp = render('components/state-view/index', { state: 'loading' })
    expect(text(comp)).toContain('加载中')
    comp.setData({ state: 'empty', emptyText: '没有故事' })
    expect(text(comp)).toBe('没有故事')
    comp.setData({ state: 'error', errorText: '网络连接失败' })
    const retried = jest.fn()
    comp.addEventListener('retry', retried)
    comp.querySelector('.state-retry').dispatchEvent('tap')
    await settle()
    expect(text(comp)).toContain('网络连接失败')
    expect(retried).toHaveBeenCalledTimes(1)
    comp.setData({ state: 'ready' })
    expect(text(comp).trim()).toBe('')
  })
})

describe('privacy-popup', () => {
  test('appears when WeChat needs consent, and only the agree button lets WeChat go on', async () => {
    let listener
    wx.onNeedPrivacyAuthorization = jest.fn(fn => { listener = fn })
    const comp = render('components/privacy-popup/index')
    expect(text(comp).trim()).toBe('')

    const resolve = jest.fn()
    listener(resolve)
    await settle()
    expect(text(comp)).toContain('隐私保护提示')
    expect(attr(comp.querySelector('.agree'), 'open-type')).toBe('agreePrivacyAuthorization')
    comp.querySelector('.agree').dispatchEvent('agreeprivacyauthorization')
    await settle()
    expect(resolve).toHaveBeenCalledWith({ buttonId: 'privacy-agree', event: 'agree' })
    expect(text(comp).trim()).toBe('')

    const refused = jest.fn()
    listener(refused)
    await settle()
    comp.querySelector('.disagree').dispatchEvent('tap')
    await settle()
    expect(refused).toHaveBeenCalledWith({ event: 'disagree' })
  })
})

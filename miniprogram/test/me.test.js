// 我的, the privacy policy, and the shared state-view and privacy-popup components.
const { installWx, backend, problem, render, settle, text, retry, signedIn, attr } = require('./support')
const consent = require('../utils/consent')

const PROFILE = { id: 7, kind: 'WECHAT', username: null, displayName: null, unit: null, roles: ['citizen'], phone: null, disabled: false, principalLeader: false, createdAt: '2026-11-01T00:00:00Z' }
const GUIDE = { guideVersion: '2026-11-30', items: [{ item: 'location', purpose: '用于派遣处置单位到现场。' }, { item: 'phone', purpose: '绑定手机号，用于处置单位或纪检人员就您反映的问题与您联系。' }] }
const TOKENS = { accessToken: 'access-9', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'refresh-9', refreshExpiresIn: 1 }

beforeEach(() => {
  installWx()
  consent.forget()
})

async function answerConsent(page, agree = true) {
  await settle()
  page.querySelector('#privacy').querySelector(agree ? '.consent-agree' : '.consent-refuse').dispatchEvent('tap')
  await settle()
}

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

  test('binds the phone with the getPhoneNumber code after consent to its purpose, and says so when the user refused', async () => {
    signedIn()
    const requests = backend({ 'GET /api/me': PROFILE, 'GET /api/privacy': GUIDE, 'POST /api/me/phone': Object.assign({}, PROFILE, { phone: '138****0000' }) })
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
    expect(text(page.querySelector('#privacy'))).toContain('就您反映的问题与您联系')
    await answerConsent(page, false)
    expect(requests.some(r => r.path === '/api/me/phone')).toBe(false)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未同意使用手机号，没有绑定' }))

    button.dispatchEvent('getphonenumber', { detail: { code: 'phone-code-12345678' } })
    await answerConsent(page)
    expect(requests.pop().body).toEqual({ code: 'phone-code-12345678', consentVersion: '2026-11-30' })
    expect(text(page)).toContain('138****0000')
  })

  test('a phone binding refused for an older guide asks again under the new one and binds', async () => {
    signedIn()
    let version = '2026-11-30'
    const requests = backend({
      'GET /api/me': PROFILE,
      'GET /api/privacy': () => ({ guideVersion: version, items: GUIDE.items }),
      'POST /api/me/phone': req => (req.body.consentVersion === '2026-12-15'
        ? Object.assign({}, PROFILE, { phone: '138****0000' })
        : problem(422, 'Unprocessable Content', 'consentVersion is stale', [{ field: 'consentVersion', message: 'ask for consent again' }]))
    })
    const page = render('pages/me/me')
    await page.instance.onShow()
    await settle()
    page.querySelector('.bind-phone').dispatchEvent('getphonenumber', { detail: { code: 'phone-code-12345678' } })
    await settle()
    version = '2026-12-15'
    await answerConsent(page)
    expect(text(page.querySelector('#privacy'))).toContain('隐私保护指引已更新')
    await answerConsent(page)
    const sent = requests.filter(r => r.path === '/api/me/phone').map(r => r.body)
    expect(sent).toEqual([
      { code: 'phone-code-12345678', consentVersion: '2026-11-30' },
      { code: 'phone-code-12345678', consentVersion: '2026-12-15' }
    ])
    expect(text(page)).toContain('138****0000')
    expect(wx.showToast.mock.calls.map(c => c[0].title)).toEqual(['手机号已绑定'])
  })

  test('signed in, it offers my data, privacy settings and account deletion; a pending deletion shows its date', async () => {
    signedIn()
    backend({ 'GET /api/me': Object.assign({}, PROFILE, { deletionDueAt: '2026-12-07T02:30:00Z' }) })
    const page = render('pages/me/me')
    await page.instance.onShow()
    await settle()
    expect(text(page)).toContain('已申请注销：账号将于 2026-12-07 10:30 注销')
    for (const entry of ['.my-data', '.my-consents', '.delete-account', '.deletion-pending']) {
      page.querySelector(entry).dispatchEvent('tap')
    }
    await settle()
    expect(wx.navigateTo.mock.calls.map(c => c[0].url)).toEqual(['/pages/privacy/data', '/pages/privacy/consents', '/pages/privacy/deletion', '/pages/privacy/deletion'])

    backend({ 'GET /api/me': Object.assign({}, PROFILE, { deletionDueAt: null }) })
    await page.instance.onShow()
    await settle()
    expect(text(page)).not.toContain('已申请注销')
    expect(text(page)).toContain('注销账号')
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

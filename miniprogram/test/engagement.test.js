// Views and likes on the story, article and video pages: counts from the engagement endpoint after the detail is
// shown, one view per page open with the device id, the like toggled at once and put back on a refusal, sign-in
// asked for first, and the detail shown all the same when counting fails.
const support = require('./support')

const { installWx, backend, problem, render, settle, signedIn } = support
// the template compiler drops the spaces between the heart, the word and the number
const text = comp => support.text(comp).replace(/\s+/g, '')

/** A reply the test releases when it has looked at the page in between. */
function later() {
  let release
  const promise = new Promise(resolve => { release = resolve })
  return { route: { later: promise }, release }
}

const PAGES = [
  {
    name: 'story', page: 'pages/story/story', open: { slug: 'xu-chunhua' }, kind: 'stories', id: 3, label: '阅读',
    route: 'GET /api/stories/xu-chunhua',
    detail: { id: 3, slug: 'xu-chunhua', title: '破冰救人', person: '徐春华', nodes: [], videos: [] }
  },
  {
    name: 'article', page: 'pages/article/article', open: { slug: 'dangjian' }, kind: 'articles', id: 4, label: '阅读',
    route: 'GET /api/articles/dangjian',
    detail: { id: 4, slug: 'dangjian', title: '城市好管家', nodes: [] }
  },
  {
    name: 'video', page: 'pages/video/video', open: { id: '5' }, kind: 'videos', id: 5, label: '观看',
    route: 'GET /api/videos/5',
    detail: { id: 5, title: '破冰', playbackUrl: 'http://x/api/videos/5/play', playable: true, tags: [] }
  }
]

beforeEach(() => installWx())

const counts = (p, views, likes, liked) => ({ type: p.kind, id: p.id, views, likes, liked })

describe.each(PAGES)('$name page', p => {
  const base = `/api/engagement/${p.kind}/${p.id}`

  async function open(routes) {
    const requests = backend(Object.assign({ [p.route]: p.detail }, routes))
    const page = render(p.page)
    await page.instance.onLoad(p.open)
    await settle()
    const bar = page.querySelector('#engagement')
    return { requests, page, bar, like: () => bar.querySelector('.like').dispatchEvent('tap') }
  }

  test('shows the views and likes after the detail, and posts one view with this phone\'s device id', async () => {
    const { requests, page } = await open({
      [`GET ${base}`]: counts(p, 10, 4, null),
      [`POST ${base}/views`]: { statusCode: 202, data: '' }
    })
    expect(text(page)).toContain(p.detail.title)
    expect(text(page)).toContain(`${p.label}10`)
    expect(text(page)).toContain('♡点赞4')
    const detailAt = requests.findIndex(r => `${r.method} ${r.path}` === p.route)
    expect(requests.findIndex(r => r.path === base)).toBeGreaterThan(detailAt)

    const views = requests.filter(r => r.method === 'POST' && r.path === `${base}/views`)
    expect(views).toHaveLength(1)
    const device = views[0].header['X-Device-Id']
    expect(device).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(views[0].header.Authorization).toBeUndefined()

    // the same phone opening it again sends the same id: the backend counts it once that day
    const again = await open({ [`GET ${base}`]: counts(p, 11, 4, null), [`POST ${base}/views`]: { statusCode: 202, data: '' } })
    expect(again.requests.filter(r => r.path === `${base}/views`).map(r => r.header['X-Device-Id'])).toEqual([device])
  })

  test('a signed-in reader likes at once and takes it back; the backend\'s numbers win', async () => {
    signedIn()
    const reply = later()
    const { requests, page, like } = await open({
      [`GET ${base}`]: counts(p, 10, 4, null),
      [`POST ${base}/views`]: { statusCode: 202, data: '' },
      [`POST ${base}/like`]: reply.route,
      [`DELETE ${base}/like`]: counts(p, 10, 6, false)
    })
    like()
    await settle()
    expect(text(page)).toContain('❤已赞5') // before the backend answers
    reply.release(counts(p, 10, 7, true))
    await settle()
    expect(text(page)).toContain('❤已赞7')
    expect(requests.find(r => r.method === 'POST' && r.path === `${base}/like`).header.Authorization).toBe('Bearer access-1')
    like()
    await settle()
    expect(requests.pop()).toMatchObject({ method: 'DELETE', path: `${base}/like` })
    expect(text(page)).toContain('♡点赞6')
    expect(requests.filter(r => r.path === `${base}/views`)).toHaveLength(1)
  })

  test('a signed-in reader who liked it before sees the heart filled when the page opens, and can take it back', async () => {
    signedIn()
    const { requests, page, like } = await open({
      [`GET ${base}`]: req => (req.header.Authorization === 'Bearer access-1' ? counts(p, 10, 4, true) : counts(p, 10, 4, null)),
      [`POST ${base}/views`]: { statusCode: 202, data: '' },
      [`DELETE ${base}/like`]: counts(p, 10, 3, false)
    })
    expect(text(page)).toContain('❤已赞4')
    expect(requests.find(r => r.method === 'GET' && r.path === base).header.Authorization).toBe('Bearer access-1')
    like()
    await settle()
    expect(requests.pop()).toMatchObject({ method: 'DELETE', path: `${base}/like` })
    expect(text(page)).toContain('♡点赞3')
  })

  test('signed out, the counts are read without a token and the heart starts empty', async () => {
    const { requests, page } = await open({
      [`GET ${base}`]: counts(p, 10, 4, null),
      [`POST ${base}/views`]: { statusCode: 202, data: '' }
    })
    expect(requests.find(r => r.method === 'GET' && r.path === base).header.Authorization).toBeUndefined()
    expect(text(page)).toContain('♡点赞4')
    expect(wx.login).not.toHaveBeenCalled()
  })

  test('back on the page after signing in elsewhere, the counts are read again with the token', async () => {
    const { requests, page, bar } = await open({
      [`GET ${base}`]: req => (req.header.Authorization ? counts(p, 10, 4, true) : counts(p, 10, 4, null)),
      [`POST ${base}/views`]: { statusCode: 202, data: '' }
    })
    expect(text(page)).toContain('♡点赞4')
    bar.triggerPageLifeTime('show')
    await settle()
    expect(requests.filter(r => r.method === 'GET' && r.path === base)).toHaveLength(1) // nothing changed
    signedIn()
    bar.triggerPageLifeTime('show')
    await settle()
    const reads = requests.filter(r => r.method === 'GET' && r.path === base)
    expect(reads.map(r => r.header.Authorization)).toEqual([undefined, 'Bearer access-1'])
    expect(text(page)).toContain('❤已赞4')
    expect(requests.filter(r => r.path === `${base}/views`)).toHaveLength(1)
  })

  test('a refused like goes back to what it was and says why', async () => {
    signedIn()
    const reply = later()
    const { page, like } = await open({
      [`GET ${base}`]: counts(p, 10, 4, null),
      [`POST ${base}/views`]: { statusCode: 202, data: '' },
      [`POST ${base}/like`]: reply.route
    })
    like()
    await settle()
    expect(text(page)).toContain('❤已赞5')
    reply.release(problem(404, 'Not Found', '这条内容已下线'))
    await settle()
    expect(text(page)).toContain('♡点赞4')
    expect(text(page)).not.toContain('已赞')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这条内容已下线' }))
  })

  test('not signed in, a like asks to sign in first; declined sends nothing, accepted signs in with WeChat and likes', async () => {
    const { requests, page, like } = await open({
      [`GET ${base}`]: counts(p, 10, 4, null),
      [`POST ${base}/views`]: { statusCode: 202, data: '' },
      'POST /api/auth/wechat': { accessToken: 'access-9', refreshToken: 'refresh-9' },
      [`POST ${base}/like`]: counts(p, 10, 5, true)
    })
    wx.showModal = jest.fn(o => o.success({ confirm: false, cancel: true }))
    like()
    await settle()
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '登录后点赞', confirmText: '登录' }))
    expect(wx.login).not.toHaveBeenCalled()
    expect(requests.some(r => r.path === `${base}/like`)).toBe(false)
    expect(text(page)).toContain('♡点赞4')

    wx.showModal = jest.fn(o => o.success({ confirm: true, cancel: false }))
    like()
    await settle()
    expect(wx.login).toHaveBeenCalled()
    expect(requests.find(r => r.path === '/api/auth/wechat').body).toEqual({ code: 'wx-login-code-1' })
    expect(requests.find(r => r.path === `${base}/like`).header.Authorization).toBe('Bearer access-9')
    expect(text(page)).toContain('❤已赞5')
  })

  test('the detail is shown all the same when the counts and the view fail, without a toast', async () => {
    const { page, bar } = await open({
      [`GET ${base}`]: problem(500, 'Internal Server Error', '服务暂时不可用'),
      [`POST ${base}/views`]: { networkError: true }
    })
    expect(text(page)).toContain(p.detail.title)
    expect(text(page)).not.toContain(p.label)
    expect(text(bar)).toContain('♡点赞')
    expect(text(bar)).not.toMatch(/\d/)
    expect(wx.showToast).not.toHaveBeenCalled()
  })

  test('counts that never come do not hold the detail up', async () => {
    const { page, bar } = await open({ [`GET ${base}`]: { pending: true }, [`POST ${base}/views`]: { pending: true } })
    expect(text(page)).toContain(p.detail.title)
    expect(text(bar)).toContain('♡点赞')
  })

  test('a detail that is still loading has no counts and posts no view', async () => {
    const requests = backend({ [p.route]: { pending: true } })
    const page = render(p.page)
    page.instance.onLoad(p.open)
    await settle()
    expect(page.querySelector('#engagement')).toBeUndefined()
    expect(requests.map(r => r.path)).toEqual([p.route.slice(4)])
  })
})

test('drafts opened from a preview link neither count a view nor offer a like', async () => {
  const requests = backend({ 'GET /api/preview/tok': { id: 3, slug: 'xu-chunhua', title: '草稿', person: '某人', nodes: [], videos: [] } })
  const page = render('pages/story/story')
  await page.instance.onLoad({ preview: 'tok' })
  await settle()
  expect(text(page)).toContain('草稿')
  expect(page.querySelector('#engagement')).toBeUndefined()
  expect(requests.map(r => r.path)).toEqual(['/api/preview/tok'])
})

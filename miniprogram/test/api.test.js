const { installWx, backend, problem, signedIn } = require('./support')
const api = require('../utils/api')

const STORY = { slug: 'xu-chunhua', title: '破冰救人的城管队员', nodes: [] }
const TOKENS = (n) => ({ accessToken: `access-${n}`, tokenType: 'Bearer', expiresIn: 900, refreshToken: `refresh-${n}`, refreshExpiresIn: 2592000 })

beforeEach(() => {
  installWx()
})

describe('public reads', () => {
  test('send no token and revalidate with the ETag: a 304 answers from the local cache', async () => {
    const requests = backend({
      'GET /api/stories/xu-chunhua': req => (req.header['If-None-Match'] === '"v1"'
        ? { statusCode: 304, data: '' }
        : { statusCode: 200, data: STORY, header: { ETag: '"v1"' } })
    })
    signedIn()

    expect(await api.call('story', { params: { slug: 'xu-chunhua' } })).toEqual(STORY)
    expect(await api.call('story', { params: { slug: 'xu-chunhua' } })).toEqual(STORY)

    expect(requests).toHaveLength(2)
    expect(requests[0].header.Authorization).toBeUndefined()
    expect(requests[0].header['If-None-Match']).toBeUndefined()
    expect(requests[1].header['If-None-Match']).toBe('"v1"')
  })

  test('query parameters are encoded and empty ones left out', async () => {
    const requests = backend({ 'GET /api/stories': { items: [], nextCursor: null } })
    await api.call('stories', { query: { tag: '先进典型', cursor: '', limit: 10 } })
    expect(requests[0].query).toEqual({ tag: '先进典型', limit: '10' })
  })

  test('a GET that fails on the network is tried again with back-off, then succeeds', async () => {
    let calls = 0
    const waits = []
    api.setSleep(ms => { waits.push(ms); return Promise.resolve() })
    backend({ 'GET /api/tags': () => (++calls < 3 ? { networkError: true } : [{ name: '先进典型', stories: 3, articles: 0 }]) })

    expect(await api.call('tags')).toHaveLength(1)
    expect(calls).toBe(3)
    expect(waits).toEqual([500, 1500])
    expect(wx.showToast).not.toHaveBeenCalled()
  })

  test('when the network stays down the reader is told, once', async () => {
    backend({ 'GET /api/tags': { networkError: true } })
    await expect(api.call('tags')).rejects.toMatchObject({ kind: 'network' })
    expect(wx.request).toHaveBeenCalledTimes(4)
    expect(wx.showToast).toHaveBeenCalledTimes(1)
    expect(wx.showToast.mock.calls[0][0].title).toContain('网络')
  })

  test('a POST that is not safe to repeat is not retried after a network error', async () => {
    backend({ 'POST /api/reports/track/confirm': { networkError: true } })
    await expect(api.call('confirmByCode', { body: { number: 'SP-20261125-048213', code: '1' } })).rejects.toMatchObject({ kind: 'network' })
    expect(wx.request).toHaveBeenCalledTimes(1)
  })
})

describe('problem replies', () => {
  test('are shown as a toast with their detail, and rejected with the problem', async () => {
    backend({
      'POST /api/reports/track': problem(429, 'Too Many Requests', 'Too many lookups from this network; wait a minute')
    })
    const error = await api.call('trackReport', { body: { number: 'SP-1', code: '2' } }).catch(e => e)
    expect(error.status).toBe(429)
    expect(error.problem.detail).toBe('Too many lookups from this network; wait a minute')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Too many lookups from this network; wait a minute', icon: 'none' }))
  })

  test('fall back to the title, and name the field the backend named', async () => {
    signedIn()
    backend({ 'POST /api/reports': problem(400, 'Bad Request', undefined, [{ field: 'district', message: 'must be one of 亭湖区' }]) })
    const error = await api.call('submitReport', { body: {} }).catch(e => e)
    expect(wx.showToast.mock.calls[0][0].title).toBe('Bad Request')
    expect(error.fieldError('district')).toBe('must be one of 亭湖区')
  })

  test('are not toasted when the caller asks for silence', async () => {
    backend({ 'GET /api/articles/x': problem(404, 'Not Found', 'Article x') })
    await expect(api.call('article', { params: { slug: 'x' }, silent: true })).rejects.toMatchObject({ status: 404 })
    expect(wx.showToast).not.toHaveBeenCalled()
  })
})

describe('tokens', () => {
  test('an endpoint that needs a user signs in with wx.login first', async () => {
    const requests = backend({
      'POST /api/auth/wechat': TOKENS(1),
      'GET /api/me': req => (req.header.Authorization === 'Bearer access-1' ? { id: 7, roles: ['citizen'] } : problem(401, 'Unauthorized'))
    })
    expect(await api.call('me')).toEqual({ id: 7, roles: ['citizen'] })
    expect(requests.map(r => `${r.method} ${r.path}`)).toEqual(['POST /api/auth/wechat', 'GET /api/me'])
    expect(requests[0].body).toEqual({ code: 'wx-login-code-1' })
    expect(wx.getStorageSync('yg.session')).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1' })
  })

  test('a 401 refreshes the tokens and retries the request once with the new token', async () => {
    signedIn('access-1', 'refresh-1')
    const requests = backend({
      'POST /api/auth/refresh': req => (req.body.refreshToken === 'refresh-1' ? TOKENS(2) : problem(401, 'Unauthorized')),
      'GET /api/me': req => (req.header.Authorization === 'Bearer access-2' ? { id: 7 } : problem(401, 'Unauthorized', 'expired'))
    })
    expect(await api.call('me')).toEqual({ id: 7 })
    expect(requests.map(r => `${r.method} ${r.path}`)).toEqual(['GET /api/me', 'POST /api/auth/refresh', 'GET /api/me'])
    expect(wx.getStorageSync('yg.session').refreshToken).toBe('refresh-2')
    expect(wx.showToast).not.toHaveBeenCalled()
  })

  test('a spent refresh token leads to a new wx.login sign-in, then the one retry', async () => {
    signedIn('access-1', 'refresh-old')
    const requests = backend({
      'POST /api/auth/refresh': problem(401, 'Unauthorized', 'This sign-in has ended'),
      'POST /api/auth/wechat': TOKENS(3),
      'GET /api/me/reports': req => (req.header.Authorization === 'Bearer access-3' ? { items: [], nextCursor: null } : problem(401, 'Unauthorized'))
    })
    expect(await api.call('myReports')).toEqual({ items: [], nextCursor: null })
    expect(requests.map(r => r.path)).toEqual(['/api/me/reports', '/api/auth/refresh', '/api/auth/wechat', '/api/me/reports'])
  })

  test('a second 401 after the retry is an error, not a loop', async () => {
    signedIn()
    const requests = backend({
      'POST /api/auth/refresh': TOKENS(2),
      'GET /api/me': problem(401, 'Unauthorized', 'Not signed in')
    })
    await expect(api.call('me')).rejects.toMatchObject({ status: 401 })
    expect(requests.filter(r => r.path === '/api/me')).toHaveLength(2)
    expect(wx.showToast).toHaveBeenCalledTimes(1)
  })

  test('concurrent 401s share one refresh', async () => {
    signedIn()
    const requests = backend({
      'POST /api/auth/refresh': TOKENS(2),
      'GET /api/me': req => (req.header.Authorization === 'Bearer access-2' ? { id: 1 } : problem(401, 'Unauthorized'))
    })
    await Promise.all([api.call('me'), api.call('me')])
    expect(requests.filter(r => r.path === '/api/auth/refresh')).toHaveLength(1)
  })
})

describe('an optional sign-in (counts that say whether you liked an entry)', () => {
  const COUNTS = { type: 'stories', id: 3, views: 10, likes: 4 }
  const params = { kind: 'stories', id: 3 }

  test('signed out: no token, and nobody is asked to sign in', async () => {
    const requests = backend({ 'GET /api/engagement/stories/3': COUNTS })
    expect(await api.call('engagement', { params })).toEqual(COUNTS)
    expect(requests).toHaveLength(1)
    expect(requests[0].header.Authorization).toBeUndefined()
    expect(wx.login).not.toHaveBeenCalled()
  })

  test('signed in: the token goes along', async () => {
    signedIn('access-1')
    const requests = backend({ 'GET /api/engagement/stories/3': Object.assign({ liked: true }, COUNTS) })
    expect((await api.call('engagement', { params })).liked).toBe(true)
    expect(requests[0].header.Authorization).toBe('Bearer access-1')
  })

  test('an expired token is refreshed and the read retried once with the new one', async () => {
    signedIn('access-1', 'refresh-1')
    const requests = backend({
      'POST /api/auth/refresh': TOKENS(2),
      'GET /api/engagement/stories/3': req => (req.header.Authorization === 'Bearer access-2'
        ? Object.assign({ liked: false }, COUNTS) : problem(401, 'Unauthorized'))
    })
    expect((await api.call('engagement', { params })).liked).toBe(false)
    expect(requests.map(r => r.path)).toEqual(['/api/engagement/stories/3', '/api/auth/refresh', '/api/engagement/stories/3'])
  })

  test('a sign-in that cannot be renewed ends, and the read is made without it', async () => {
    signedIn('access-1', 'refresh-1')
    wx.login = jest.fn(o => o.fail({ errMsg: 'login:fail' }))
    const requests = backend({
      'POST /api/auth/refresh': problem(401, 'Unauthorized', 'This sign-in has ended'),
      'GET /api/engagement/stories/3': req => (req.header.Authorization ? problem(401, 'Unauthorized') : COUNTS)
    })
    expect(await api.call('engagement', { params, silent: true })).toEqual(COUNTS)
    expect(requests.map(r => r.path)).toEqual(['/api/engagement/stories/3', '/api/auth/refresh', '/api/engagement/stories/3'])
    expect(requests[2].header.Authorization).toBeUndefined()
    expect(api.signedIn()).toBe(false)
  })

  test('a reply meant for one signed-in reader is not kept in the shared ETag cache', async () => {
    const endpoints = require('../utils/endpoints')
    endpoints.optionalCachedForTest = { method: 'GET', path: '/api/engagement/{kind}/{id}', auth: 'optional', cache: true }
    try {
      const requests = backend({
        'GET /api/engagement/stories/3': req => ({ statusCode: 200, data: COUNTS, header: { ETag: req.header.Authorization ? '"mine"' : '"public"' } })
      })
      signedIn()
      await api.call('optionalCachedForTest', { params })
      await api.call('optionalCachedForTest', { params })
      expect(requests.map(r => r.header['If-None-Match'])).toEqual([undefined, undefined])
      wx.removeStorageSync('yg.session')
      await api.call('optionalCachedForTest', { params })
      await api.call('optionalCachedForTest', { params })
      expect(requests.slice(2).map(r => r.header['If-None-Match'])).toEqual([undefined, '"public"'])
    } finally {
      delete endpoints.optionalCachedForTest
    }
  })
})

describe('creates', () => {
  test('carry an Idempotency-Key, the same one on every retry after a network error', async () => {
    signedIn()
    let tries = 0
    const requests = backend({ 'POST /api/reports': () => (++tries < 3 ? { networkError: true } : { statusCode: 201, data: { number: 'SP-20261125-048213' } }) })

    await api.call('submitReport', { body: { channel: 'street' } })

    const keys = requests.map(r => r.header['Idempotency-Key'])
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
    expect(keys[0]).toMatch(/^[A-Za-z0-9_.:-]{16,64}$/)
  })

  test('the same key is kept through a 401 refresh, and a key the page passes in is reused', async () => {
    signedIn()
    let first = true
    const requests = backend({
      'POST /api/auth/refresh': TOKENS(2),
      'POST /api/reports': () => {
        if (first) {
          first = false
          return problem(401, 'Unauthorized')
        }
        return { statusCode: 201, data: { number: 'QF-20261125-000001' } }
      }
    })
    await api.call('submitReport', { body: {}, idempotencyKey: 'report-key-0123456789' })
    const keys = requests.filter(r => r.path === '/api/reports').map(r => r.header['Idempotency-Key'])
    expect(keys).toEqual(['report-key-0123456789', 'report-key-0123456789'])
  })

  test('two separate creates get different keys', async () => {
    signedIn()
    const requests = backend({ 'POST /api/media/uploads': { statusCode: 201, data: { id: 'u' } } })
    await api.call('createUpload', { body: {} })
    await api.call('createUpload', { body: {} })
    expect(requests[0].header['Idempotency-Key']).not.toBe(requests[1].header['Idempotency-Key'])
  })
})

describe('uploads', () => {
  const TICKET = {
    id: '0b9f4a52-2a6c-4c4e-9d0e-2f7b1d2a9c11',
    kind: 'EVIDENCE',
    uploadUrl: 'https://s3.example.test/youguang-media',
    fields: { key: 'private/evidence/0b9f.jpg', policy: 'p', 'x-amz-signature': 's' },
    maxBytes: 10485760
  }

  test('ask for a policy, post the file to the store with its fields, then complete', async () => {
    signedIn()
    const requests = backend({
      'POST /api/media/uploads': { statusCode: 201, data: TICKET },
      'POST /api/media/uploads/0b9f4a52-2a6c-4c4e-9d0e-2f7b1d2a9c11/complete': { id: TICKET.id, status: 'VERIFIED' }
    })
    const progress = []
    wx.uploadFile = jest.fn(options => {
      setTimeout(() => options.success({ statusCode: 204, data: '' }), 0)
      return { onProgressUpdate: fn => fn({ progress: 50 }), abort() {} }
    })

    const view = await api.uploadPhoto({ path: 'wxfile://tmp/abc.jpg', size: 2048, key: 'photo-key-0123456789' }, { onProgress: p => progress.push(p) })

    expect(view.status).toBe('VERIFIED')
    expect(requests[0].body).toEqual({ kind: 'evidence', filename: 'abc.jpg', size: 2048, contentType: 'image/jpeg' })
    expect(requests[0].header['Idempotency-Key']).toBe('photo-key-0123456789')
    expect(wx.uploadFile).toHaveBeenCalledWith(expect.objectContaining({
      url: TICKET.uploadUrl, filePath: 'wxfile://tmp/abc.jpg', name: 'file', formData: TICKET.fields
    }))
    expect(progress).toEqual([50])
    expect(requests[1].path).toBe(`/api/media/uploads/${TICKET.id}/complete`)
  })

  test('a network failure on the way to the store retries with the same policy', async () => {
    signedIn()
    const requests = backend({
      'POST /api/media/uploads': { statusCode: 201, data: TICKET },
      [`POST /api/media/uploads/${TICKET.id}/complete`]: { id: TICKET.id, status: 'VERIFIED' }
    })
    let tries = 0
    wx.uploadFile = jest.fn(options => {
      if (++tries === 1) {
        options.fail({ errMsg: 'uploadFile:fail timeout' })
      } else {
        options.success({ statusCode: 204 })
      }
      return {}
    })
    await api.uploadPhoto({ path: 'http://tmp/x.png', size: 10 })
    expect(wx.uploadFile).toHaveBeenCalledTimes(2)
    expect(requests.filter(r => r.path === '/api/media/uploads')).toHaveLength(1)
    expect(requests[0].body.contentType).toBe('image/png')
  })

  test('a cancelled upload stops without completing and without a toast', async () => {
    signedIn()
    const requests = backend({ 'POST /api/media/uploads': { statusCode: 201, data: TICKET } })
    wx.uploadFile = jest.fn(options => {
      const task = { abort: () => options.fail({ errMsg: 'uploadFile:fail abort' }) }
      return task
    })
    const pending = api.uploadPhoto({ path: 'http://tmp/x.jpg', size: 10 }, { onTask: task => setTimeout(() => task.abort(), 0) })
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' })
    expect(requests.some(r => r.path.endsWith('/complete'))).toBe(false)
    expect(wx.showToast).not.toHaveBeenCalled()
  })
})

test('the client calls only endpoints in its table', async () => {
  await expect(api.call('deleteEverything')).rejects.toThrow('not an endpoint')
  expect(api.url('storyCode', { slug: 'gu-yin' })).toMatch(/\/api\/stories\/gu-yin\/wxacode$/)
})

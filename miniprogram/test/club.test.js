// 读书社: the feed (latest/hot), a post with comments and replies, like, flag, comment; the composer with images;
// check-in with the streak; book lists; one's own posts with pending and rejected states; redeeming an invitation.
const { installWx, backend, problem, render, settle, text, retry, signedIn } = require('./support')

const CITIZEN = { id: 7, kind: 'WECHAT', roles: ['citizen'], createdAt: '2026-11-01T00:00:00Z' }
const CADRE = Object.assign({}, CITIZEN, { roles: ['citizen', 'cadre'], displayName: '顾吟', unit: '执法大队' })
const TOKENS = { accessToken: 'access-9', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'refresh-9', refreshExpiresIn: 1 }
const AUTHOR = { id: 3, displayName: '凌丽', unit: '环卫处' }
const POST = n => ({ id: n, author: AUTHOR, book: { title: `书${n}`, author: '作者', isbn: null }, text: `笔记${n}`, tags: [], images: [], likeCount: 2, commentCount: 1, createdAt: '2026-11-20T02:00:00Z', publishedAt: '2026-11-20T02:00:00Z' })
const STREAKS = { current: 3, longest: 5, checkedInToday: false, total: 12 }
const TICKET = { id: '0b9f4a52-2a6c-4c4e-9d0e-2f7b1d2a9c11', kind: 'IMAGE', uploadUrl: 'https://s3.example.test/b', fields: { key: 'k' }, maxBytes: 10 }

beforeEach(() => installWx())

describe('the club tab', () => {
  test('shows the latest notes, switches to hot, and pages with the cursor', async () => {
    const requests = backend({
      'GET /api/club/posts': req => (req.query.cursor ? { items: [POST(3)], nextCursor: null } : { items: [POST(1), POST(2)], nextCursor: 'c2' })
    })
    const page = render('pages/club/club')
    await page.instance.onShow()
    await settle()
    expect(requests[0].query).toEqual({ sort: 'latest', limit: '10' })
    expect(page.querySelectorAll('.post')).toHaveLength(2)
    expect(text(page)).toContain('凌丽 · 环卫处')
    await page.instance.onReachBottom()
    await settle()
    expect(page.querySelectorAll('.post')).toHaveLength(3)
    page.querySelectorAll('.sorts .tag')[1].dispatchEvent('tap')
    await settle()
    expect(requests.pop().query.sort).toBe('hot')
    page.querySelectorAll('.post')[0].dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/club/post?id=1' })
    expect(page.querySelector('.compose')).toBeUndefined()
    expect(text(page)).toContain('加入读书社')
  })

  test('loading, empty and error of the feed', async () => {
    backend({ 'GET /api/club/posts': { pending: true } })
    const page = render('pages/club/club')
    page.instance.onShow()
    await settle()
    expect(text(page)).toContain('加载中')
    backend({ 'GET /api/club/posts': { items: [], nextCursor: null } })
    await page.instance.reload()
    await settle()
    expect(text(page)).toContain('还没有读书笔记')
    backend({ 'GET /api/club/posts': problem(400, 'Bad Request', 'The hot ranking moved on; start again from the first page') })
    await page.instance.reload()
    await settle()
    expect(text(page)).toContain('The hot ranking moved on')
    backend({ 'GET /api/club/posts': { items: [POST(1)], nextCursor: null } })
    retry(page)
    await settle()
    expect(page.querySelectorAll('.post')).toHaveLength(1)
  })

  test('a member sees compose and checks in with the same key until it is accepted', async () => {
    signedIn()
    let tries = 0
    const requests = backend({
      'GET /api/club/posts': { items: [], nextCursor: null },
      'GET /api/me': CADRE,
      'GET /api/club/me/check-ins': STREAKS,
      'POST /api/club/check-ins': () => (++tries === 1 ? problem(503, 'Service Unavailable', 'Database unavailable')
        : { statusCode: 201, data: { id: 1, day: '2026-11-30', bookTitle: '红岩', pages: 30, streaks: Object.assign({}, STREAKS, { current: 4, checkedInToday: true }) } })
    })
    const page = render('pages/club/club')
    await page.instance.onShow()
    await settle()
    expect(page.querySelector('.compose')).toBeDefined()
    expect(text(page)).toContain('连续 3 天 · 最长 5 天')
    expect(page.querySelector('.redeem')).toBeUndefined()

    page.querySelector('.do-check-in').dispatchEvent('tap')
    await settle()
    expect(text(page)).toContain('请填写今天读的书')
    expect(requests.some(r => r.path === '/api/club/check-ins')).toBe(false)

    page.instance.setData({ bookTitle: '红岩', pages: '30' })
    await page.instance.checkIn()
    await page.instance.checkIn()
    await settle()
    const sent = requests.filter(r => r.path === '/api/club/check-ins')
    expect(sent.map(r => r.body)).toEqual([{ bookTitle: '红岩', pages: 30 }, { bookTitle: '红岩', pages: 30 }])
    expect(sent[0].header['Idempotency-Key']).toBe(sent[1].header['Idempotency-Key'])
    expect(text(page)).toContain('今天已打卡')
    expect(text(page)).toContain('连续 4 天')
  })

  test('a citizen redeems an invitation code and becomes a member with the new tokens', async () => {
    signedIn()
    const requests = backend({
      'GET /api/club/posts': { items: [], nextCursor: null }, 'GET /api/me': CITIZEN,
      'POST /api/me/cadre': TOKENS, 'GET /api/club/me/check-ins': STREAKS
    })
    const page = render('pages/club/club')
    await page.instance.onShow()
    await settle()
    page.querySelector('.submit').dispatchEvent('tap')
    await settle()
    expect(requests.some(r => r.path === '/api/me/cadre')).toBe(false)
    expect(text(page)).toContain('请填写读书社发给你的邀请码')
    expect(text(page)).toContain('请填写你的姓名')

    page.querySelector('.code').dispatchEvent('input', { detail: { value: 'K7Q2-M9XA' } })
    page.querySelector('.name').dispatchEvent('input', { detail: { value: '顾吟' } })
    page.querySelector('.unit').dispatchEvent('input', { detail: { value: '执法大队' } })
    await settle()
    await page.instance.redeem()
    await settle()
    expect(requests.find(r => r.path === '/api/me/cadre').body).toEqual({ code: 'K7Q2-M9XA', displayName: '顾吟', unit: '执法大队' })
    expect(wx.getStorageSync('yg.session')).toEqual({ accessToken: 'access-9', refreshToken: 'refresh-9' })
    expect(page.querySelector('.compose')).toBeDefined()
    expect(page.querySelector('.redeem')).toBeUndefined()
  })

  test('a used invitation code is shown at its field', async () => {
    signedIn()
    backend({
      'GET /api/club/posts': { items: [], nextCursor: null }, 'GET /api/me': CITIZEN,
      'POST /api/me/cadre': problem(400, 'Bad Request', 'code is unknown, expired or already used', [{ field: 'code', message: 'is unknown, expired or already used' }])
    })
    const page = render('pages/club/club')
    await page.instance.onShow()
    page.instance.setData({ code: 'K7Q2-M9XA', displayName: '顾吟', unit: '执法大队' })
    await page.instance.redeem()
    await settle()
    expect(text(page)).toContain('is unknown, expired or already used')
  })
})

describe('a post', () => {
  const DETAIL = {
    post: Object.assign(POST(1), { images: [{ id: 9, url: 'https://api.example.test/api/club/images/9' }], tags: ['党史'] }),
    comments: { items: [{ id: 11, postId: 1, parentId: null, author: AUTHOR, text: '写得好', likeCount: 0, replyCount: 2, createdAt: '2026-11-21T02:00:00Z' }], nextCursor: null }
  }

  test('renders the note, its images and comments; replies load under their comment', async () => {
    const requests = backend({
      'GET /api/club/posts/1': DETAIL,
      'GET /api/club/posts/1/comments': { items: [{ id: 12, postId: 1, parentId: 11, author: { id: 4, displayName: '顾吟' }, text: '同感', likeCount: 0, replyCount: 0, createdAt: '2026-11-22T02:00:00Z' }], nextCursor: null }
    })
    const page = render('pages/club/post')
    await page.instance.onLoad({ id: '1' })
    await settle()
    expect(text(page)).toContain('《书1》')
    expect(text(page)).toContain('笔记1')
    expect(text(page)).toContain('写得好')
    expect(page.querySelectorAll('.image')).toHaveLength(1)
    page.querySelector('.show-replies').dispatchEvent('tap')
    await settle()
    expect(requests.pop().query).toEqual({ parent: '11', limit: '20' })
    expect(text(page)).toContain('顾吟：同感')
  })

  test('like and unlike, comment (checked before it shows), reply, flag', async () => {
    signedIn()
    const requests = backend({
      'GET /api/club/posts/1': DETAIL,
      'PUT /api/club/posts/1/like': { liked: true, likeCount: 3 },
      'DELETE /api/club/posts/1/like': { liked: false, likeCount: 2 },
      'POST /api/club/posts/1/comments': { statusCode: 201, data: { id: 13, postId: 1, text: 'x', state: 'pending' } },
      'POST /api/club/posts/1/flags': { flagged: true, hidden: false }
    })
    const page = render('pages/club/post')
    await page.instance.onLoad({ id: '1' })
    await settle()
    page.querySelector('.like').dispatchEvent('tap')
    await settle()
    expect(text(page)).toContain('已赞 3')
    page.querySelector('.like').dispatchEvent('tap')
    await settle()
    expect(requests.map(r => `${r.method} ${r.path}`)).toContain('DELETE /api/club/posts/1/like')
    expect(text(page)).toContain('赞 2')

    page.querySelector('.send').dispatchEvent('tap')
    await settle()
    expect(requests.some(r => r.method === 'POST' && r.path.endsWith('/comments'))).toBe(false)
    page.querySelector('.reply').dispatchEvent('tap')
    await settle()
    expect(text(page)).toContain('回复 凌丽')
    page.instance.setData({ text: '同感' })
    await page.instance.send()
    await settle()
    const sent = requests.find(r => r.method === 'POST' && r.path === '/api/club/posts/1/comments')
    expect(sent.body).toEqual({ text: '同感', parentId: 11 })
    expect(sent.header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_.:-]{16,64}$/)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '评论已提交，审核通过后显示' }))

    wx.showModal = jest.fn(o => o.success({ confirm: true, content: '广告' }))
    page.querySelector('.flag').dispatchEvent('tap')
    await settle()
    expect(requests.pop()).toMatchObject({ path: '/api/club/posts/1/flags', body: { reason: '广告' } })
  })

  test('a signed-in reader who liked the note before sees the heart filled; the reply is theirs, not cached', async () => {
    signedIn()
    const requests = backend({
      'GET /api/club/posts/1': req => Object.assign({}, DETAIL, req.header.Authorization ? { liked: true } : {}),
      'DELETE /api/club/posts/1/like': { liked: false, likeCount: 1 }
    })
    const page = render('pages/club/post')
    await page.instance.onLoad({ id: '1' })
    await settle()
    expect(requests[0].header.Authorization).toBe('Bearer access-1')
    expect(text(page)).toContain('已赞 2')
    page.querySelector('.like').dispatchEvent('tap')
    await settle()
    // the heart was filled, so the tap takes the like back
    expect(requests.pop()).toMatchObject({ method: 'DELETE', path: '/api/club/posts/1/like' })
    expect(text(page)).toContain('赞 1')
  })

  test('without a sign-in the note is read without a token and the heart is empty', async () => {
    wx.removeStorageSync('yg.session')
    const requests = backend({ 'GET /api/club/posts/1': req => Object.assign({}, DETAIL, req.header.Authorization ? { liked: true } : {}) })
    const page = render('pages/club/post')
    await page.instance.onLoad({ id: '1' })
    await settle()
    expect(requests[0].header.Authorization).toBeUndefined()
    expect(page.data.liked).toBe(false)
    expect(text(page)).not.toContain('已赞')
  })

  test('a post that is not public is an error state', async () => {
    backend({ 'GET /api/club/posts/5': problem(404, 'Not Found', 'Post 5') })
    const page = render('pages/club/post')
    await page.instance.onLoad({ id: '5' })
    await settle()
    expect(text(page)).toContain('内容不存在或已下线')
  })
})

describe('the composer', () => {
  test('checks the note before sending, uploads images, and sends them with the post', async () => {
    signedIn()
    const requests = backend({
      'POST /api/media/uploads': { statusCode: 201, data: TICKET },
      [`POST /api/media/uploads/${TICKET.id}/complete`]: { id: TICKET.id, status: 'VERIFIED' },
      'POST /api/club/posts': { statusCode: 201, data: Object.assign(POST(7), { state: 'pending' }) }
    })
    const page = render('pages/club/compose')
    page.instance.onLoad({ list: '4' })
    page.querySelector('.send').dispatchEvent('tap')
    await settle()
    expect(page.data.errors).toEqual({ title: '请填写书名', author: '请填写作者', text: '请写下你的读书笔记' })
    expect(requests).toHaveLength(0)

    wx.chooseMedia = jest.fn(o => o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/n.jpg', size: 500 }] }))
    wx.uploadFile = jest.fn(o => {
      o.success({ statusCode: 204 })
      return {}
    })
    page.querySelector('.add').dispatchEvent('tap')
    await settle()
    expect(requests[0].body.kind).toBe('image')
    page.instance.setData({ title: '红岩', author: '罗广斌 杨益言', text: '信仰的力量', tags: '党史 红色经典', isbn: '978-7-02-000001-X' })
    await page.instance.send()
    await settle()
    expect(page.data.errors.isbn).toBeUndefined()
    const sent = requests.find(r => r.path === '/api/club/posts')
    expect(sent.body).toEqual({
      book: { title: '红岩', author: '罗广斌 杨益言', isbn: '978-7-02-000001-X' }, text: '信仰的力量',
      images: [TICKET.id], tags: ['党史', '红色经典'], listId: 4
    })
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，审核通过后公开' }))
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/club/mine' })
  })

  test('a field the backend refuses is shown at that field', async () => {
    signedIn()
    backend({ 'POST /api/club/posts': problem(400, 'Bad Request', 'book.isbn has a wrong check digit', [{ field: 'book.isbn', message: 'has a wrong check digit' }]) })
    const page = render('pages/club/compose')
    page.instance.onLoad({})
    page.instance.setData({ title: '红岩', author: '罗广斌', text: '好', isbn: '9787020000012' })
    await page.instance.send()
    await settle()
    expect(text(page)).toContain('has a wrong check digit')
  })
})

describe('my notes and book lists', () => {
  test('my notes show pending and rejected with the reason', async () => {
    signedIn()
    backend({ 'GET /api/club/me/posts': { items: [Object.assign(POST(1), { state: 'pending' }), Object.assign(POST(2), { state: 'rejected', rejectReason: '与读书无关' }), Object.assign(POST(3), { state: 'published' })], nextCursor: null } })
    const page = render('pages/club/mine')
    await page.instance.onLoad()
    await settle()
    expect(text(page)).toContain('审核中')
    expect(text(page)).toContain('未通过原因：与读书无关')
    expect(text(page)).toContain('已发布')
    page.querySelectorAll('.post')[0].dispatchEvent('tap')
    page.querySelectorAll('.post')[2].dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo.mock.calls).toEqual([[{ url: '/pages/club/post?id=1&mine=1' }], [{ url: '/pages/club/post?id=3' }]])
  })

  test('my own note opened from my notes: pending or rejected shows its state to me alone, without comments or likes', async () => {
    signedIn()
    const rejected = Object.assign(POST(2), { state: 'rejected', rejectReason: '与读书无关', images: [{ id: 8, url: null, state: 'rejected' }] })
    const pending = Object.assign(POST(1), { state: 'pending', images: [{ id: 5, url: 'http://x/api/club/images/5', state: 'approved' }, { id: 6, state: 'pending' }] })
    const requests = backend({ 'GET /api/club/me/posts/1': pending, 'GET /api/club/me/posts/2': rejected })
    const page = render('pages/club/post')
    await page.instance.onLoad({ id: '1', mine: '1' })
    await settle()
    expect(requests[0].header.Authorization).toBe('Bearer access-1')
    expect(text(page)).toContain('审核中')
    expect(text(page)).toContain('正在审核，通过后其他人才能看到')
    expect(text(page)).toContain('笔记1')
    expect(page.querySelectorAll('.image')).toHaveLength(1)
    expect(text(page)).toContain('1 张图片正在审核')
    expect(page.querySelector('.like')).toBeUndefined()
    expect(page.querySelector('.comment-input')).toBeUndefined()
    expect(requests.map(r => r.path)).toEqual(['/api/club/me/posts/1'])

    await page.instance.onLoad({ id: '2', mine: '1' })
    await settle()
    expect(text(page)).toContain('未通过原因：与读书无关')
    expect(page.querySelectorAll('.image')).toHaveLength(0)
  })

  test('my own note that was published meanwhile opens as the public note with its comments', async () => {
    signedIn()
    const requests = backend({
      'GET /api/club/me/posts/3': Object.assign(POST(3), { state: 'published' }),
      'GET /api/club/posts/3': { post: POST(3), comments: { items: [{ id: 9, postId: 3, author: AUTHOR, text: '写得好', likeCount: 0, replyCount: 0, createdAt: '2026-11-21T02:00:00Z' }], nextCursor: null } }
    })
    const page = render('pages/club/post')
    await page.instance.onLoad({ id: '3', mine: '1' })
    await settle()
    expect(requests.map(r => r.path)).toEqual(['/api/club/me/posts/3', '/api/club/posts/3'])
    expect(text(page)).toContain('写得好')
    expect(page.querySelector('.like')).toBeDefined()
    expect(page.querySelector('.own-state')).toBeUndefined()
  })

  test('my own note: loading and error', async () => {
    signedIn()
    backend({ 'GET /api/club/me/posts/1': { pending: true } })
    const page = render('pages/club/post')
    page.instance.onLoad({ id: '1', mine: '1' })
    await settle()
    expect(text(page)).toContain('加载中')
    backend({ 'GET /api/club/me/posts/1': problem(404, 'Not Found', 'Post 1') })
    await page.instance.load()
    await settle()
    expect(text(page)).toContain('内容不存在或已下线')
  })

  test('my notes: loading, empty, error', async () => {
    signedIn()
    backend({ 'GET /api/club/me/posts': { pending: true } })
    const page = render('pages/club/mine')
    page.instance.onLoad()
    await settle()
    expect(text(page)).toContain('加载中')
    backend({ 'GET /api/club/me/posts': { items: [], nextCursor: null } })
    await page.instance.reload()
    await settle()
    expect(text(page)).toContain('你还没有写过读书笔记')
    backend({ 'GET /api/club/me/posts': problem(403, 'Forbidden', 'Only verified cadres') })
    await page.instance.reload()
    await settle()
    expect(text(page)).toContain('Only verified cadres')
  })

  test('book lists, then one list with its books and notes; empty and error', async () => {
    const LIST = { id: 4, title: '十一月书单', description: '红色经典', books: [{ title: '红岩', author: '罗广斌' }], updatedAt: '2026-11-01T00:00:00Z' }
    backend({ 'GET /api/club/lists': { items: [LIST], nextCursor: null }, 'GET /api/club/lists/4': { list: LIST, posts: { items: [POST(1)], nextCursor: null } } })
    const lists = render('pages/club/lists')
    await lists.instance.onLoad({})
    await settle()
    expect(text(lists)).toContain('十一月书单')
    lists.querySelector('.book-list').dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/club/lists?id=4' })
    await lists.instance.onLoad({ id: '4' })
    await settle()
    expect(text(lists)).toContain('《红岩》')
    expect(text(lists)).toContain('笔记1')

    backend({ 'GET /api/club/lists': { items: [], nextCursor: null } })
    await lists.instance.onLoad({})
    await settle()
    expect(text(lists)).toContain('还没有书单')
    backend({ 'GET /api/club/lists': { networkError: true } })
    await lists.instance.load()
    await settle()
    expect(text(lists)).toContain('网络连接失败')
  })
})

test('我的 links a member to their notes and shows the check-in streak', async () => {
  signedIn()
  backend({ 'GET /api/me': CADRE, 'GET /api/club/me/check-ins': STREAKS })
  const page = render('pages/me/me')
  await page.instance.onShow()
  await settle()
  expect(text(page)).toContain('我的读书笔记')
  expect(text(page)).toContain('连续 3 天，共 12 次')
  page.querySelector('.club-check-ins').dispatchEvent('tap')
  await settle()
  expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/club/club' })
})

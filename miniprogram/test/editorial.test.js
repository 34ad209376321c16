// Search with highlighted hits, drafts opened from a preview link (likes: engagement.test.js).
const { installWx, backend, problem, render, settle, text, retry, attr } = require('./support')

const HIT = { type: 'story', id: 3, slug: 'gu-yin', title: '“铁汉<em>绣娘</em>”顾吟', snippet: '执法队伍里的<em>绣娘</em>', publishedAt: '2024-12-01T01:00:00Z' }

beforeEach(() => installWx())

describe('search', () => {
  test('checks the query, then shows hits with the backend\'s <em> marks in rich-text and opens them', async () => {
    const requests = backend({ 'GET /api/search': req => ({ items: req.query.type === 'video' ? [] : [HIT, { type: 'video', id: 8, slug: null, title: '<em>绣娘</em>', snippet: '' }], nextCursor: null }) })
    const page = render('pages/search/search')
    page.instance.onLoad({})
    page.querySelector('.go').dispatchEvent('tap')
    await settle()
    expect(requests).toHaveLength(0)
    expect(text(page)).toContain('请输入要搜索的内容')

    page.querySelector('.query').dispatchEvent('input', { detail: { value: ' 绣娘 ' } })
    await settle()
    await page.instance.search()
    await settle()
    expect(requests[0].query).toEqual({ q: '绣娘', limit: '20' })
    const hits = page.querySelectorAll('.hit')
    expect(hits).toHaveLength(2)
    expect(attr(page.querySelector('.hit-title'), 'nodes')).toBe('“铁汉<em>绣娘</em>”顾吟')
    hits[0].dispatchEvent('tap')
    hits[1].dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo.mock.calls.map(c => c[0].url)).toEqual(['/pages/story/story?slug=gu-yin', '/pages/video/video?id=8'])

    page.querySelectorAll('.types .tag')[3].dispatchEvent('tap')
    await settle()
    expect(requests.pop().query.type).toBe('video')
    expect(text(page)).toContain('没有找到相关内容')
  })

  test('loading and error states', async () => {
    backend({ 'GET /api/search': { pending: true } })
    const page = render('pages/search/search')
    page.instance.onLoad({ q: encodeURIComponent('城管') })
    await settle()
    expect(text(page)).toContain('加载中')
    backend({ 'GET /api/search': problem(400, 'Bad Request', 'q must be 1 to 64 characters') })
    await page.instance.search()
    await settle()
    expect(text(page)).toContain('q must be 1 to 64 characters')
    backend({ 'GET /api/search': { items: [HIT], nextCursor: null } })
    retry(page)
    await settle()
    expect(page.querySelectorAll('.hit')).toHaveLength(1)
  })

  test('home opens it', async () => {
    backend({ 'GET /api/collections/pingfan-yi-you-guang': { stories: [] }, 'GET /api/videos': { items: [], nextCursor: null } })
    const home = render('pages/home/home')
    await home.instance.onLoad()
    home.querySelector('.search-entry').dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/search/search' })
  })
})

describe('preview links', () => {
  const DRAFT = { slug: 'new-story', title: '草稿', person: '某人', nodes: [{ name: 'p', children: [{ type: 'text', text: '未发布' }] }], videos: [] }

  test('a story draft opens from its token, marked as a preview and not shareable', async () => {
    const requests = backend({ 'GET /api/preview/tok-123': DRAFT })
    const page = render('pages/story/story')
    await page.instance.onLoad({ preview: 'tok-123' })
    await settle()
    expect(requests.map(r => r.path)).toEqual(['/api/preview/tok-123'])
    expect(text(page)).toContain('预览：这是尚未发布的稿件')
    expect(attr(page.querySelector('.body'), 'nodes')).toEqual(DRAFT.nodes)
    expect(page.querySelector('.share-card')).toBeUndefined()
  })

  test('the link as the console shows it (/api/preview/<token>, encoded or not) opens the same draft', async () => {
    const requests = backend({ 'GET /api/preview/tok-123': DRAFT })
    const page = render('pages/story/story')
    await page.instance.onLoad({ preview: encodeURIComponent('/api/preview/tok-123') })
    await settle()
    const article = render('pages/article/article')
    await article.instance.onLoad({ preview: 'https://api.youguang.example.cn/api/preview/tok-123' })
    await settle()
    expect(requests.map(r => r.path)).toEqual(['/api/preview/tok-123', '/api/preview/tok-123'])
    expect(text(page)).toContain('预览：这是尚未发布的稿件')
  })

  test('a preview code carries the token as its scene (a slug has no dot, a token has two)', async () => {
    const token = 'AbCdEfGhIjK.tg8k2q.LmNoPqRsTuV'
    const requests = backend({ ['GET /api/preview/' + token]: DRAFT, ['GET /api/preview/' + token + 'x']: { slug: 'a', title: '文章草稿', nodes: [] } })
    const page = render('pages/story/story')
    await page.instance.onLoad({ scene: encodeURIComponent(token) })
    await settle()
    const article = render('pages/article/article')
    await article.instance.onLoad({ scene: token + 'x' })
    await settle()
    expect(requests.map(r => r.path)).toEqual(['/api/preview/' + token, '/api/preview/' + token + 'x'])
    expect(text(page)).toContain('预览：这是尚未发布的稿件')
    expect(text(article)).toContain('文章草稿')
  })

  test('an expired link is an error state; an article draft opens the same way', async () => {
    backend({ 'GET /api/preview/old': problem(404, 'Not Found', 'This preview link has expired or was revoked'), 'GET /api/preview/art': { slug: 'a', title: '文章草稿', nodes: [] } })
    const page = render('pages/story/story')
    await page.instance.onLoad({ preview: 'old' })
    await settle()
    expect(text(page)).toContain('内容不存在或已下线')
    const article = render('pages/article/article')
    await article.instance.onLoad({ preview: 'art' })
    await settle()
    expect(text(article)).toContain('文章草稿')
    expect(text(article)).toContain('预览')
    expect(article.querySelector('.share')).toBeUndefined()
  })
})

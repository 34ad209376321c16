// Home, videos and articles: each renders from stubbed API data and shows its loading, empty and error states.
const { installWx, backend, problem, render, settle, text, retry, attr } = require('./support')

const VIDEO = { id: 5, title: '徐春华：破冰救人', posterUrl: 'https://m.example.test/p.jpg', durationSeconds: 125.4, tags: [], playbackUrl: 'http://127.0.0.1:8080/api/videos/5/play', playable: true, publishedAt: '2024-12-01T01:00:00Z', viewCount: 3 }
const CHANNELS = { id: 6, title: '“盐城城管”视频号', channels: { finderUserName: 'sphABCdef123', feedId: 'export/UzFf' }, tags: [], publishedAt: '2024-12-02T01:00:00Z', viewCount: 0 }
const COLLECTION = { slug: 'pingfan-yi-you-guang', title: '平凡亦有光', nodes: [], stories: [{ slug: 'ling-li', person: '凌丽', title: '守护城市环境', role: '环卫工人' }] }

beforeEach(() => installWx())

describe('home', () => {
  test('shows the compilation\'s stories, the latest videos and the ways in', async () => {
    const requests = backend({ 'GET /api/collections/pingfan-yi-you-guang': COLLECTION, 'GET /api/videos': { items: [VIDEO, CHANNELS], nextCursor: null } })
    const page = render('pages/home/home')
    await page.instance.onLoad()
    await settle()
    expect(requests.find(r => r.path === '/api/videos').query.limit).toBe('4')
    expect(text(page)).toContain('凌丽：守护城市环境')
    expect(text(page)).toContain('2:05')
    expect(text(page)).toContain('视频号')
    for (const name of ['城管随手拍', '清风城管', '青年读书社', '进度查询']) {
      expect(text(page)).toContain(name)
    }
    page.querySelectorAll('.entry')[0].dispatchEvent('tap')
    page.querySelectorAll('.entry')[2].dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/form?channel=street' })
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/club/club' })
  })

  test('loading, empty when nothing is published, error only when both reads fail', async () => {
    backend({ 'GET /api/collections/pingfan-yi-you-guang': { pending: true }, 'GET /api/videos': { pending: true } })
    const page = render('pages/home/home')
    page.instance.onLoad()
    await settle()
    expect(text(page)).toContain('加载中')

    backend({ 'GET /api/collections/pingfan-yi-you-guang': problem(404, 'Not Found'), 'GET /api/videos': { items: [], nextCursor: null } })
    await page.instance.load()
    await settle()
    expect(text(page)).toContain('内容正在准备中')

    backend({ 'GET /api/collections/pingfan-yi-you-guang': { networkError: true }, 'GET /api/videos': { networkError: true } })
    await page.instance.load()
    await settle()
    expect(text(page)).toContain('网络连接失败')
    backend({ 'GET /api/collections/pingfan-yi-you-guang': COLLECTION, 'GET /api/videos': { items: [], nextCursor: null } })
    retry(page)
    await settle()
    expect(text(page)).toContain('凌丽')
  })
})

describe('videos', () => {
  test('list pages with the cursor and opens a video', async () => {
    backend({ 'GET /api/videos': req => (req.query.cursor ? { items: [CHANNELS], nextCursor: null } : { items: [VIDEO], nextCursor: 'n1' }) })
    const page = render('pages/videos/videos')
    await page.instance.onLoad()
    await settle()
    expect(page.querySelectorAll('.video')).toHaveLength(1)
    await page.instance.onReachBottom()
    await settle()
    expect(page.querySelectorAll('.video')).toHaveLength(2)
    expect(text(page)).toContain('没有更多了')
    page.querySelectorAll('.video')[1].dispatchEvent('tap')
    await settle()
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/video/video?id=6' })
  })

  test('list: loading, empty and error', async () => {
    backend({ 'GET /api/videos': { pending: true } })
    const page = render('pages/videos/videos')
    page.instance.onLoad()
    await settle()
    expect(text(page)).toContain('加载中')
    backend({ 'GET /api/videos': { items: [], nextCursor: null } })
    await page.instance.reload()
    await settle()
    expect(text(page)).toContain('还没有发布的视频')
    backend({ 'GET /api/videos': problem(400, 'Bad Request', 'cursor is not a cursor of this list') })
    await page.instance.reload()
    await settle()
    expect(text(page)).toContain('cursor is not a cursor of this list')
  })

  test('a file plays in <video> with its play URL, poster and duration', async () => {
    backend({ 'GET /api/videos/5': Object.assign({}, VIDEO, { description: '勇士榜', stories: [{ slug: 'xu-chunhua', title: '破冰', person: '徐春华' }] }) })
    const page = render('pages/video/video')
    await page.instance.onLoad({ id: '5' })
    await settle()
    const player = page.querySelector('.player')
    expect(player.toJSON().tagName).toBe('wx-video')
    expect(attr(player, 'src')).toBe(VIDEO.playbackUrl)
    expect(attr(player, 'poster')).toBe(VIDEO.posterUrl)
    expect(attr(player, 'duration')).toBe(125.4)
    expect(text(page)).toContain('徐春华：破冰')
  })

  test('a 视频号 entry plays in <channel-video>', async () => {
    backend({ 'GET /api/videos/6': CHANNELS })
    const page = render('pages/video/video')
    await page.instance.onLoad({ id: '6' })
    await settle()
    const player = page.querySelector('.player')
    expect(player.toJSON().tagName).toBe('wx-channel-video')
    expect(attr(player, 'feed-id')).toBe('export/UzFf')
    expect(attr(player, 'finder-user-name')).toBe('sphABCdef123')
  })

  test('a video marked not playable gets a clear message, not a player', async () => {
    backend({ 'GET /api/videos/7': Object.assign({}, VIDEO, { id: 7, playable: false }) })
    const page = render('pages/video/video')
    await page.instance.onLoad({ id: '7' })
    await settle()
    expect(page.querySelector('.player')).toBeUndefined()
    expect(text(page)).toContain('暂不支持在小程序内播放')
  })

  test('a player error turns into a message too; a missing video is an error state', async () => {
    backend({ 'GET /api/videos/5': VIDEO })
    const page = render('pages/video/video')
    await page.instance.onLoad({ id: '5' })
    await settle()
    page.querySelector('.player').dispatchEvent('error')
    await settle()
    expect(text(page)).toContain('视频播放失败')

    backend({ 'GET /api/videos/9': problem(404, 'Not Found', 'Video 9') })
    await page.instance.onLoad({ id: '9' })
    await settle()
    expect(text(page)).toContain('内容不存在或已下线')
  })
})

describe('articles', () => {
  const ARTICLE = { slug: 'chengshi-haoguanjia-dangjian', title: '城市好管家', kind: 'BRAND', author: '市城管局', summary: '党建品牌', tags: [], publishedAt: '2024-12-01T01:00:00Z' }

  test('list by kind, then open one with its rich-text nodes', async () => {
    const requests = backend({ 'GET /api/articles': req => ({ items: req.query.kind === 'brand' ? [ARTICLE] : [], nextCursor: null }) })
    const page = render('pages/articles/articles')
    await page.instance.onLoad({ kind: 'brand' })
    await settle()
    expect(requests[0].query.kind).toBe('brand')
    expect(text(page)).toContain('城市好管家')
    page.querySelectorAll('.tag')[0].dispatchEvent('tap')
    await settle()
    expect(requests.pop().query.kind).toBe('news')
    expect(text(page)).toContain('这里还没有文章')

    const nodes = [{ name: 'h2', children: [{ type: 'text', text: '城市好管家' }] }]
    backend({ 'GET /api/articles/chengshi-haoguanjia-dangjian': Object.assign({}, ARTICLE, { nodes, html: '' }) })
    const detail = render('pages/article/article')
    await detail.instance.onLoad({ slug: 'chengshi-haoguanjia-dangjian' })
    await settle()
    expect(attr(detail.querySelector('.body'), 'nodes')).toEqual(nodes)
    expect(text(detail)).toContain('市城管局')
  })

  test('list and detail: loading and error', async () => {
    backend({ 'GET /api/articles': { pending: true }, 'GET /api/articles/x': { pending: true } })
    const page = render('pages/articles/articles')
    page.instance.onLoad({})
    const detail = render('pages/article/article')
    detail.instance.onLoad({ slug: 'x' })
    await settle()
    expect(text(page)).toContain('加载中')
    expect(text(detail)).toContain('加载中')

    backend({ 'GET /api/articles': { networkError: true }, 'GET /api/articles/x': problem(404, 'Not Found') })
    await page.instance.reload()
    await detail.instance.load()
    await settle()
    expect(text(page)).toContain('网络连接失败')
    expect(text(detail)).toContain('内容不存在或已下线')
  })
})

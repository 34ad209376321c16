const { installWx, backend, problem, render, settle, text, retry, attr } = require('./support')

const NODES = [{ name: 'p', attrs: {}, children: [{ type: 'text', text: '2024年1月，徐春华跳入冰冷的河水救起落水儿童。' }] }]
const STORY = {
  slug: 'xu-chunhua', title: '破冰救人', person: '徐春华', role: '执法队员', unit: '城管执法大队',
  summary: 's', coverUrl: 'https://media.example.test/public/content/a.jpg', tags: ['见义勇为'],
  publishedAt: '2024-12-01T01:00:00Z', html: '<p>…</p>', nodes: NODES,
  videos: [{ id: 5, title: '勇士榜', durationSeconds: 95.2, posterUrl: null }]
}
const COLLECTION = {
  slug: 'pingfan-yi-you-guang', title: '平凡亦有光', nodes: [],
  stories: [{ slug: 'ling-li', person: '凌丽', title: 'a' }, { slug: 'xu-chunhua', person: '徐春华', title: 'b' }, { slug: 'gu-yin', person: '顾吟', title: 'c' }]
}

beforeEach(() => installWx())


test('renders the story from its rich-text nodes, with cover, person, role and unit, and its videos', async () => {
  backend({ 'GET /api/stories/xu-chunhua': STORY })
  const page = render('pages/story/story')
  await page.instance.onLoad({ slug: 'xu-chunhua' })
  await settle()

  expect(attr(page.querySelector('.body'), 'nodes')).toEqual(NODES)
  expect(attr(page.querySelector('.cover'), 'src')).toBe(STORY.coverUrl)
  expect(text(page)).toContain('徐春华')
  expect(text(page)).toContain('执法队员 · 城管执法大队')
  expect(text(page)).toContain('勇士榜')
  expect(text(page)).toContain('1:35')
  page.querySelector('.video').dispatchEvent('tap')
  await settle()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/video/video?id=5' })
})

test('opened from a share code, the scene is the slug', async () => {
  const requests = backend({ 'GET /api/stories/gu-yin': Object.assign({}, STORY, { slug: 'gu-yin', videos: [] }) })
  const page = render('pages/story/story')
  await page.instance.onLoad({ scene: encodeURIComponent('gu-yin') })
  await settle()
  expect(requests[0].path).toBe('/api/stories/gu-yin')
  expect(page.querySelector('.video')).toBeUndefined()
})

test('inside the compilation it offers the previous and next story in order', async () => {
  backend({ 'GET /api/stories/xu-chunhua': STORY, 'GET /api/collections/pingfan-yi-you-guang': COLLECTION })
  const page = render('pages/story/story')
  await page.instance.onLoad({ slug: 'xu-chunhua', collection: 'pingfan-yi-you-guang' })
  await settle()
  expect(text(page)).toContain('上一篇：凌丽')
  expect(text(page)).toContain('下一篇：顾吟')
  expect(text(page)).toContain('第 2 篇，共 3 篇')
  page.querySelector('.next').dispatchEvent('tap')
  await settle()
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/story/story?slug=gu-yin&collection=pingfan-yi-you-guang' })
})

test('shares a card and shows the mini-program code from the backend', async () => {
  backend({ 'GET /api/stories/xu-chunhua': STORY })
  const page = render('pages/story/story')
  await page.instance.onLoad({ slug: 'xu-chunhua' })
  await settle()
  expect(page.instance.onShareAppMessage()).toEqual({ title: '破冰救人', path: '/pages/story/story?slug=xu-chunhua', imageUrl: STORY.coverUrl })
  expect(attr(page.querySelector('.share-card'), 'open-type')).toBe('share')

  page.querySelector('.show-code').dispatchEvent('tap')
  await settle()
  expect(attr(page.querySelector('.code-image'), 'src')).toMatch(/\/api\/stories\/xu-chunhua\/wxacode$/)
  page.querySelector('.code-image').dispatchEvent('tap')
  await settle()
  expect(wx.previewImage).toHaveBeenCalled()
})

test('loading, then a clear message for a story that is gone, and retry', async () => {
  backend({ 'GET /api/stories/xu-chunhua': { pending: true } })
  const page = render('pages/story/story')
  page.instance.onLoad({ slug: 'xu-chunhua' })
  await settle()
  expect(text(page)).toContain('加载中')

  backend({ 'GET /api/stories/xu-chunhua': problem(404, 'Not Found', 'Story xu-chunhua') })
  await page.instance.load()
  await settle()
  expect(text(page)).toContain('内容不存在或已下线')

  backend({ 'GET /api/stories/xu-chunhua': STORY })
  retry(page)
  await settle()
  expect(text(page)).toContain('破冰救人')
})

test('the collection reads in the editors\' order, shows empty and error states', async () => {
  backend({ 'GET /api/collections/pingfan-yi-you-guang': COLLECTION })
  const page = render('pages/collection/collection')
  await page.instance.onLoad({})
  await settle()
  const entries = page.querySelectorAll('.entry')
  expect(entries.map(e => e.dom.textContent.replace(/\s+/g, ''))).toEqual(['1凌丽：a', '2徐春华：b', '3顾吟：c'])
  entries[1].dispatchEvent('tap')
  await settle()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/story/story?slug=xu-chunhua&collection=pingfan-yi-you-guang' })

  backend({ 'GET /api/collections/pingfan-yi-you-guang': Object.assign({}, COLLECTION, { stories: [] }) })
  await page.instance.load()
  await settle()
  expect(text(page)).toContain('选编里还没有已发布的故事')

  backend({ 'GET /api/collections/pingfan-yi-you-guang': { networkError: true } })
  await page.instance.load()
  await settle()
  expect(text(page)).toContain('网络连接失败')
})

const { installWx, backend, problem, render, settle, text, retry } = require('./support')

const STORY = n => ({
  slug: `story-${n}`, title: `故事${n}`, person: `人物${n}`, role: '环卫工人', unit: '市容环卫处',
  summary: `摘要${n}`, coverUrl: null, tags: ['先进典型'], publishedAt: '2024-12-01T01:00:00Z'
})

beforeEach(() => installWx())

test('shows loading first, then the stories with person, role and unit', async () => {
  backend({ 'GET /api/stories': { pending: true }, 'GET /api/tags': [] })
  const page = render('pages/stories/stories')
  page.instance.onLoad()
  await settle()
  expect(text(page)).toContain('加载中')

  backend({
    'GET /api/tags': [{ name: '先进典型', stories: 2, articles: 0 }, { name: '党建', stories: 0, articles: 1 }],
    'GET /api/stories': { items: [STORY(1), STORY(2)], nextCursor: null }
  })
  await page.instance.onLoad()
  await settle()
  expect(page.querySelectorAll('.story')).toHaveLength(2)
  expect(text(page)).toContain('人物1 · 环卫工人 · 市容环卫处')
  expect(text(page)).toContain('没有更多了')
  expect(page.data.tags).toEqual(['先进典型'])
})

test('scrolling to the bottom loads the next page with the cursor, once', async () => {
  const requests = backend({
    'GET /api/tags': [],
    'GET /api/stories': req => (req.query.cursor === 'c2'
      ? { items: [STORY(3)], nextCursor: null }
      : { items: [STORY(1), STORY(2)], nextCursor: 'c2' })
  })
  const page = render('pages/stories/stories')
  await page.instance.onLoad()
  await settle()
  expect(text(page)).toContain('上拉加载更多')
  await Promise.all([page.instance.onReachBottom(), page.instance.onReachBottom()])
  await settle()
  expect(page.querySelectorAll('.story')).toHaveLength(3)
  expect(requests.filter(r => r.path === '/api/stories' && r.query.cursor === 'c2')).toHaveLength(1)
  await page.instance.onReachBottom()
  expect(requests.filter(r => r.path === '/api/stories')).toHaveLength(2)
})

test('a tag filters the list; a tag with no stories shows the empty state', async () => {
  const requests = backend({
    'GET /api/tags': [{ name: '见义勇为', stories: 1, articles: 0 }],
    'GET /api/stories': req => (req.query.tag ? { items: [], nextCursor: null } : { items: [STORY(1)], nextCursor: null })
  })
  const page = render('pages/stories/stories')
  await page.instance.onLoad()
  await settle()
  page.querySelectorAll('.tag')[1].dispatchEvent('tap')
  await settle()
  expect(requests.pop().query).toEqual({ tag: '见义勇为', limit: '10' })
  expect(text(page)).toContain('这个标签下还没有故事')
})

test('an error shows the message and a retry that loads again', async () => {
  backend({ 'GET /api/tags': [], 'GET /api/stories': problem(503, 'Service Unavailable', '对象存储暂时不可用') })
  const page = render('pages/stories/stories')
  await page.instance.onLoad()
  await settle()
  expect(text(page)).toContain('对象存储暂时不可用')

  backend({ 'GET /api/tags': [], 'GET /api/stories': { items: [STORY(1)], nextCursor: null } })
  retry(page)
  await settle()
  expect(page.querySelectorAll('.story')).toHaveLength(1)
})

test('a story opens its detail page', async () => {
  backend({ 'GET /api/tags': [], 'GET /api/stories': { items: [STORY(1)], nextCursor: null } })
  const page = render('pages/stories/stories')
  await page.instance.onLoad()
  await settle()
  page.querySelector('.story').dispatchEvent('tap')
  await settle()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/story/story?slug=story-1' })
})

// 首页: the stories the editors put in 《平凡亦有光》, the latest videos, and the ways in: the reading club, both
// feedback channels, following a report up, articles.
const api = require('../../utils/api')
const config = require('../../config')
const view = require('../../utils/view')

const FEATURED = 3
const LATEST_VIDEOS = 4

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    featured: [],
    collectionTitle: '',
    videos: []
  },
  methods: {
    onLoad() {
      return this.load()
    },
    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh())
    },
    async load() {
      this.setData({ state: 'loading' })
      const [collection, videos] = await Promise.all([
        api.call('collection', { params: { slug: config.collectionSlug }, silent: true }).catch(e => e),
        api.call('videos', { query: { limit: LATEST_VIDEOS }, silent: true }).catch(e => e)
      ])
      const failed = [collection, videos].filter(r => r instanceof Error)
      if (failed.length === 2) {
        this.setData({ state: 'error', errorText: view.errorText(failed[0]) })
        return
      }
      const stories = collection instanceof Error ? [] : (collection.stories || []).slice(0, FEATURED)
      const latest = videos instanceof Error ? [] : videos.items
      this.setData({
        featured: stories.map(s => Object.assign({}, s, { byline: [s.role, s.unit].filter(Boolean).join(' · ') })),
        collectionTitle: collection instanceof Error ? '' : collection.title,
        videos: latest.map(v => Object.assign({}, v, { length: view.duration(v.durationSeconds) })),
        state: stories.length || latest.length ? 'ready' : 'empty'
      })
    },
    openStory(event) {
      wx.navigateTo({ url: `/pages/story/story?slug=${event.currentTarget.dataset.slug}&collection=${config.collectionSlug}` })
    },
    openVideo(event) {
      wx.navigateTo({ url: `/pages/video/video?id=${event.currentTarget.dataset.id}` })
    },
    go(event) {
      const target = event.currentTarget.dataset.url
      if (event.currentTarget.dataset.tab) {
        wx.switchTab({ url: target })
      } else {
        wx.navigateTo({ url: target })
      }
    },
    onShareAppMessage() {
      return { title: '有光 · 平凡亦有光', path: '/pages/home/home' }
    }
  }
})

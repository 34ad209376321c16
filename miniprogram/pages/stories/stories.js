// 平凡亦有光: the compilation's entry, then every published story, newest first, by tag, loaded page by page.
const api = require('../../utils/api')
const config = require('../../config')
const view = require('../../utils/view')

const PAGE_SIZE = 10

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    tags: [],
    tag: '',
    stories: [],
    nextCursor: null,
    loadingMore: false,
    collectionSlug: config.collectionSlug
  },
  methods: {
    onLoad() {
      api.call('tags', { silent: true })
        .then(tags => this.setData({ tags: tags.filter(t => t.stories > 0).map(t => t.name) }))
        .catch(() => null)
      return this.reload()
    },
    onPullDownRefresh() {
      this.reload().then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      return this.loadMore()
    },
    async reload() {
      this.setData({ state: 'loading', stories: [], nextCursor: null })
      try {
        const page = await api.call('stories', { query: { tag: this.data.tag, limit: PAGE_SIZE }, silent: true })
        this.setData({
          stories: page.items.map(card),
          nextCursor: page.nextCursor,
          state: page.items.length ? 'ready' : 'empty'
        })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    async loadMore() {
      if (!this.data.nextCursor || this.data.loadingMore) {
        return
      }
      this.setData({ loadingMore: true })
      try {
        const page = await api.call('stories', { query: { tag: this.data.tag, limit: PAGE_SIZE, cursor: this.data.nextCursor } })
        this.setData({ stories: this.data.stories.concat(page.items.map(card)), nextCursor: page.nextCursor })
      } catch (e) {
        // the toast said why; the reader scrolls again to retry
      } finally {
        this.setData({ loadingMore: false })
      }
    },
    chooseTag(event) {
      const tag = event.currentTarget.dataset.tag
      this.setData({ tag: tag === this.data.tag ? '' : tag })
      return this.reload()
    },
    open(event) {
      wx.navigateTo({ url: `/pages/story/story?slug=${event.currentTarget.dataset.slug}` })
    },
    openCollection() {
      wx.navigateTo({ url: `/pages/collection/collection?slug=${this.data.collectionSlug}` })
    },
    onShareAppMessage() {
      return { title: '平凡亦有光 · 城管先进典型', path: '/pages/stories/stories' }
    }
  }
})

function card(story) {
  return Object.assign({}, story, {
    byline: [story.person, story.role, story.unit].filter(Boolean).join(' · '),
    date: view.date(story.publishedAt)
  })
}

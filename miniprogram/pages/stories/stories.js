// 平凡亦有光: the compilation's entry, then every published story, newest first, by tag, loaded page by page.
const api = require('../../utils/api')
const config = require('../../config')
const view = require('../../utils/view')
const pagedList = require('../../behaviors/paged-list')

const PAGE_SIZE = 10

Component({
  options: { addGlobalClass: true },
  behaviors: [pagedList],
  data: {
    tags: [],
    tag: '',
    collectionSlug: config.collectionSlug
  },
  methods: {
    onLoad() {
      api.call('tags', { silent: true })
        .then(tags => this.setData({ tags: tags.filter(t => t.stories > 0).map(t => t.name) }))
        .catch(() => null)
      return this.reload()
    },
    fetchPage(cursor, silent) {
      return api.call('stories', { query: { tag: this.data.tag, limit: PAGE_SIZE, cursor }, silent })
    },
    toItem(story) {
      return Object.assign({}, story, {
        byline: [story.person, story.role, story.unit].filter(Boolean).join(' · '),
        date: view.date(story.publishedAt)
      })
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

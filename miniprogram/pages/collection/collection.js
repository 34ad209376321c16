// The compilation 《平凡亦有光》 as a reading view: its introduction, then its stories in the editors' order; each
// story opens with next/previous inside the compilation.
const api = require('../../utils/api')
const config = require('../../config')
const view = require('../../utils/view')

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    slug: '',
    collection: null,
    stories: []
  },
  methods: {
    onLoad(options = {}) {
      this.setData({ slug: options.slug || config.collectionSlug })
      return this.load()
    },
    async load() {
      this.setData({ state: 'loading' })
      try {
        const collection = await api.call('collection', { params: { slug: this.data.slug }, silent: true })
        const stories = (collection.stories || []).map((s, i) => Object.assign({}, s, {
          number: i + 1,
          byline: [s.role, s.unit].filter(Boolean).join(' · ')
        }))
        this.setData({ collection, stories, state: stories.length ? 'ready' : 'empty' })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    open(event) {
      wx.navigateTo({ url: `/pages/story/story?slug=${event.currentTarget.dataset.slug}&collection=${this.data.slug}` })
    },
    onShareAppMessage() {
      return { title: (this.data.collection && this.data.collection.title) || '平凡亦有光', path: `/pages/collection/collection?slug=${this.data.slug}` }
    }
  }
})

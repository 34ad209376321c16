// One article, its body as the rich-text nodes the backend rendered when it was saved; an editor's draft opens from
// a preview link as ?preview=<token>.
const api = require('../../utils/api')
const view = require('../../utils/view')

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    slug: '',
    preview: '',
    article: null
  },
  methods: {
    onLoad(options = {}) {
      const scene = view.sceneTarget(options.scene)
      this.setData({ slug: options.slug || scene.slug, preview: view.previewToken(options.preview) || scene.preview })
      return this.load()
    },
    async load() {
      this.setData({ state: 'loading' })
      try {
        const article = this.data.preview
          ? await api.call('preview', { params: { token: this.data.preview }, silent: true })
          : await api.call('article', { params: { slug: this.data.slug }, silent: true })
        this.setData({ article: Object.assign({}, article, { date: view.date(article.publishedAt) }), state: 'ready' })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    onShareAppMessage() {
      const article = this.data.article || {}
      return { title: article.title || '有光', path: `/pages/article/article?slug=${this.data.slug}`, imageUrl: article.coverUrl || undefined }
    }
  }
})

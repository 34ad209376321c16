// One story: cover, person, role and unit, the body as rich-text nodes rendered by the backend when it was saved,
// its videos, sharing (card and mini-program code), and next/previous when opened from the compilation.
// Opened as ?slug=…, from a share code as ?scene=<slug>, from the compilation as ?slug=…&collection=…, and an
// editor's draft from a preview link as ?preview=<token> or a preview code as ?scene=<token> (the unpublished story,
// not shareable).
const api = require('../../utils/api')
const view = require('../../utils/view')

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    slug: '',
    preview: '',
    story: null,
    videos: [],
    collection: '',
    previous: null,
    next: null,
    position: '',
    codeUrl: '',
    showCode: false
  },
  methods: {
    onLoad(options = {}) {
      const scene = view.sceneTarget(options.scene)
      const slug = options.slug || scene.slug
      this.setData({ slug, collection: options.collection || '', preview: view.previewToken(options.preview) || scene.preview })
      return this.load()
    },
    async load() {
      if (!this.data.slug && !this.data.preview) {
        this.setData({ state: 'error', errorText: '链接不完整，找不到这篇故事' })
        return
      }
      this.setData({ state: 'loading' })
      try {
        const story = this.data.preview
          ? await api.call('preview', { params: { token: this.data.preview }, silent: true })
          : await api.call('story', { params: { slug: this.data.slug }, silent: true })
        if (this.data.preview) {
          this.setData({ slug: story.slug })
        }
        this.setData({
          story: Object.assign({}, story, {
            byline: [story.role, story.unit].filter(Boolean).join(' · '),
            date: view.date(story.publishedAt)
          }),
          videos: (story.videos || []).map(v => Object.assign({}, v, { length: view.duration(v.durationSeconds) })),
          state: 'ready'
        })
        if (wx.setNavigationBarTitle) {
          wx.setNavigationBarTitle({ title: story.person || '典型故事' })
        }
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
        return
      }
      if (this.data.collection) {
        await this.loadNeighbours()
      }
    },
    async loadNeighbours() {
      try {
        const collection = await api.call('collection', { params: { slug: this.data.collection }, silent: true })
        const stories = collection.stories || []
        const at = stories.findIndex(s => s.slug === this.data.slug)
        if (at < 0) {
          return
        }
        this.setData({
          previous: at > 0 ? stories[at - 1] : null,
          next: at < stories.length - 1 ? stories[at + 1] : null,
          position: `${collection.title} · 第 ${at + 1} 篇，共 ${stories.length} 篇`
        })
      } catch (e) {
        // next/previous are a convenience: the story itself is shown
      }
    },
    goTo(event) {
      const slug = event.currentTarget.dataset.slug
      wx.redirectTo({ url: `/pages/story/story?slug=${slug}&collection=${this.data.collection}` })
    },
    openVideo(event) {
      wx.navigateTo({ url: `/pages/video/video?id=${event.currentTarget.dataset.id}` })
    },
    toggleCode() {
      this.setData({
        showCode: !this.data.showCode,
        codeUrl: api.url('storyCode', { slug: this.data.slug })
      })
    },
    previewCode() {
      wx.previewImage({ urls: [this.data.codeUrl], current: this.data.codeUrl })
    },
    onCodeError() {
      this.setData({ showCode: false })
      wx.showToast({ title: '小程序码暂时无法生成，请稍后再试', icon: 'none' })
    },
    onShareAppMessage() {
      const story = this.data.story || {}
      return {
        title: story.title || '平凡亦有光',
        path: `/pages/story/story?slug=${this.data.slug}`,
        imageUrl: story.coverUrl || undefined
      }
    },
    onShareTimeline() {
      const story = this.data.story || {}
      return { title: story.title || '平凡亦有光', query: `slug=${this.data.slug}`, imageUrl: story.coverUrl || undefined }
    }
  }
})

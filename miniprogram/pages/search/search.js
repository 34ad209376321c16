// Search over published stories, articles and videos. The backend escapes title and snippet and marks the hits
// with <em>, so they go into <rich-text> as they are; results come page by page with the cursor.
const api = require('../../utils/api')
const pagedList = require('../../behaviors/paged-list')

const TYPES = [{ key: '', label: '全部' }, { key: 'story', label: '故事' }, { key: 'article', label: '文章' }, { key: 'video', label: '视频' }]
const TYPE_NAMES = { story: '故事', article: '文章', video: '视频' }

Component({
  options: { addGlobalClass: true },
  behaviors: [pagedList],
  data: {
    types: TYPES,
    type: '',
    q: '',
    searched: false,
    queryError: ''
  },
  methods: {
    onLoad(options = {}) {
      this.setData({ state: 'ready' })
      if (options.q) {
        this.setData({ q: decodeURIComponent(options.q) })
        return this.search()
      }
      return undefined
    },
    onInput(event) {
      this.setData({ q: event.detail.value, queryError: '' })
    },
    chooseType(event) {
      this.setData({ type: event.currentTarget.dataset.type })
      return this.data.searched ? this.search() : undefined
    },
    search() {
      const q = this.data.q.trim()
      if (!q) {
        this.setData({ queryError: '请输入要搜索的内容' })
        return Promise.resolve()
      }
      if (q.length > 64) {
        this.setData({ queryError: '搜索内容不能超过 64 个字' })
        return Promise.resolve()
      }
      this.setData({ searched: true, queryError: '' })
      return this.reload()
    },
    fetchPage(cursor, silent) {
      return api.call('search', { query: { q: this.data.q.trim(), type: this.data.type, limit: 20, cursor }, silent })
    },
    toItem(hit) {
      return Object.assign({}, hit, { typeName: TYPE_NAMES[hit.type] || '' })
    },
    open(event) {
      const { type, slug, id } = event.currentTarget.dataset
      const url = {
        story: `/pages/story/story?slug=${slug}`,
        article: `/pages/article/article?slug=${slug}`,
        video: `/pages/video/video?id=${id}`
      }[type]
      if (url) {
        wx.navigateTo({ url })
      }
    }
  }
})

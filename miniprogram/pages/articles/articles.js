// Articles: news, and the brand pages of the party-building work (城市好管家), newest first, page by page.
const api = require('../../utils/api')
const view = require('../../utils/view')

const PAGE_SIZE = 10
const KINDS = [{ key: 'news', label: '工作动态' }, { key: 'brand', label: '党建品牌' }]

function card(article) {
  return Object.assign({}, article, { date: view.date(article.publishedAt) })
}

Component({
  options: { addGlobalClass: true },
  data: {
    kinds: KINDS,
    kind: 'news',
    state: 'loading',
    errorText: '',
    articles: [],
    nextCursor: null,
    loadingMore: false
  },
  methods: {
    onLoad(options = {}) {
      if (options.kind === 'brand') {
        this.setData({ kind: 'brand' })
      }
      return this.reload()
    },
    onPullDownRefresh() {
      this.reload().then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      return this.loadMore()
    },
    chooseKind(event) {
      this.setData({ kind: event.currentTarget.dataset.kind })
      return this.reload()
    },
    async reload() {
      this.setData({ state: 'loading', articles: [], nextCursor: null })
      try {
        const page = await api.call('articles', { query: { kind: this.data.kind, limit: PAGE_SIZE }, silent: true })
        this.setData({ articles: page.items.map(card), nextCursor: page.nextCursor, state: page.items.length ? 'ready' : 'empty' })
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
        const page = await api.call('articles', { query: { kind: this.data.kind, limit: PAGE_SIZE, cursor: this.data.nextCursor } })
        this.setData({ articles: this.data.articles.concat(page.items.map(card)), nextCursor: page.nextCursor })
      } catch (e) {
        // the toast said why; scrolling again retries
      } finally {
        this.setData({ loadingMore: false })
      }
    },
    open(event) {
      wx.navigateTo({ url: `/pages/article/article?slug=${event.currentTarget.dataset.slug}` })
    }
  }
})

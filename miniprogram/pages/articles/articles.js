// Articles: news, and the brand pages of the party-building work (城市好管家), newest first, page by page.
const api = require('../../utils/api')
const view = require('../../utils/view')
const pagedList = require('../../behaviors/paged-list')

const PAGE_SIZE = 10
const KINDS = [{ key: 'news', label: '工作动态' }, { key: 'brand', label: '党建品牌' }]

Component({
  options: { addGlobalClass: true },
  behaviors: [pagedList],
  data: {
    kinds: KINDS,
    kind: 'news'
  },
  methods: {
    onLoad(options = {}) {
      if (options.kind === 'brand') {
        this.setData({ kind: 'brand' })
      }
      return this.reload()
    },
    fetchPage(cursor, silent) {
      return api.call('articles', { query: { kind: this.data.kind, limit: PAGE_SIZE, cursor }, silent })
    },
    toItem(article) {
      return Object.assign({}, article, { date: view.date(article.publishedAt) })
    },
    chooseKind(event) {
      this.setData({ kind: event.currentTarget.dataset.kind })
      return this.reload()
    },
    open(event) {
      wx.navigateTo({ url: `/pages/article/article?slug=${event.currentTarget.dataset.slug}` })
    }
  }
})

// A newest-first list read page by page with the API's cursor: loading, empty and error states, pull-down refresh,
// and the next page when the reader reaches the bottom, one request at a time. The page supplies
// fetchPage(cursor, silent) → { items, nextCursor } and, if its rows need shaping, toItem(item).
const view = require('../utils/view')

module.exports = Behavior({
  data: {
    state: 'loading',
    errorText: '',
    items: [],
    nextCursor: null,
    loadingMore: false
  },
  methods: {
    onPullDownRefresh() {
      return this.reload().then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      return this.loadMore()
    },
    async reload() {
      this.setData({ state: 'loading', items: [], nextCursor: null })
      try {
        const page = await this.fetchPage(null, true)
        this.setData({
          items: page.items.map(item => this.toItem(item)),
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
        const page = await this.fetchPage(this.data.nextCursor, false)
        this.setData({ items: this.data.items.concat(page.items.map(item => this.toItem(item))), nextCursor: page.nextCursor })
      } catch (e) {
        // the toast said why; scrolling again retries
      } finally {
        this.setData({ loadingMore: false })
      }
    },
    toItem(item) {
      return item
    }
  }
})

// The signed-in citizen's own named reports, newest first. Anonymous reports are not linked to anyone, so they
// are followed up only with their query code.
const api = require('../../utils/api')
const view = require('../../utils/view')

const PAGE_SIZE = 20

function row(report) {
  return Object.assign({}, report, {
    channelName: report.channel === 'SUPERVISION' ? '清风城管' : '城管随手拍',
    created: view.date(report.createdAt)
  })
}

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    reports: [],
    nextCursor: null,
    loadingMore: false
  },
  methods: {
    onLoad() {
      return this.reload()
    },
    onPullDownRefresh() {
      this.reload().then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      return this.loadMore()
    },
    async reload() {
      this.setData({ state: 'loading', reports: [], nextCursor: null })
      try {
        const page = await api.call('myReports', { query: { limit: PAGE_SIZE }, silent: true })
        this.setData({ reports: page.items.map(row), nextCursor: page.nextCursor, state: page.items.length ? 'ready' : 'empty' })
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
        const page = await api.call('myReports', { query: { limit: PAGE_SIZE, cursor: this.data.nextCursor } })
        this.setData({ reports: this.data.reports.concat(page.items.map(row)), nextCursor: page.nextCursor })
      } catch (e) {
        // the toast said why; scrolling again retries
      } finally {
        this.setData({ loadingMore: false })
      }
    },
    open(event) {
      wx.navigateTo({ url: `/pages/report/track?number=${event.currentTarget.dataset.number}` })
    }
  }
})

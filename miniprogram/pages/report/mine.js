// The signed-in citizen's own named reports, newest first. Anonymous reports are not linked to anyone, so they
// are followed up only with their query code.
const api = require('../../utils/api')
const view = require('../../utils/view')
const pagedList = require('../../behaviors/paged-list')

const PAGE_SIZE = 20

Component({
  options: { addGlobalClass: true },
  behaviors: [pagedList],
  methods: {
    onLoad() {
      return this.reload()
    },
    fetchPage(cursor, silent) {
      return api.call('myReports', { query: { limit: PAGE_SIZE, cursor }, silent })
    },
    toItem(report) {
      return Object.assign({}, report, {
        channelName: String(report.channel).toLowerCase() === 'supervision' ? '清风城管' : '城管随手拍',
        categoryName: report.categoryName || report.category,
        created: view.date(report.createdAt)
      })
    },
    open(event) {
      wx.navigateTo({ url: `/pages/report/track?number=${event.currentTarget.dataset.number}` })
    }
  }
})

// Published videos, newest first, page by page: files play in <video>, 视频号 entries in <channel-video>.
const api = require('../../utils/api')
const view = require('../../utils/view')
const pagedList = require('../../behaviors/paged-list')

const PAGE_SIZE = 10

Component({
  options: { addGlobalClass: true },
  behaviors: [pagedList],
  methods: {
    onLoad() {
      return this.reload()
    },
    fetchPage(cursor, silent) {
      return api.call('videos', { query: { limit: PAGE_SIZE, cursor }, silent })
    },
    toItem(video) {
      return Object.assign({}, video, {
        length: view.duration(video.durationSeconds),
        source: video.channels ? '视频号' : '',
        date: view.date(video.publishedAt)
      })
    },
    open(event) {
      wx.navigateTo({ url: `/pages/video/video?id=${event.currentTarget.dataset.id}` })
    }
  }
})

// Published videos, newest first, page by page: files play in <video>, 视频号 entries in <channel-video>.
const api = require('../../utils/api')
const view = require('../../utils/view')

const PAGE_SIZE = 10

function card(video) {
  return Object.assign({}, video, {
    length: view.duration(video.durationSeconds),
    source: video.channels ? '视频号' : '',
    date: view.date(video.publishedAt)
  })
}

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    videos: [],
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
      this.setData({ state: 'loading', videos: [], nextCursor: null })
      try {
        const page = await api.call('videos', { query: { limit: PAGE_SIZE }, silent: true })
        this.setData({ videos: page.items.map(card), nextCursor: page.nextCursor, state: page.items.length ? 'ready' : 'empty' })
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
        const page = await api.call('videos', { query: { limit: PAGE_SIZE, cursor: this.data.nextCursor } })
        this.setData({ videos: this.data.videos.concat(page.items.map(card)), nextCursor: page.nextCursor })
      } catch (e) {
        // the toast said why; scrolling again retries
      } finally {
        this.setData({ loadingMore: false })
      }
    },
    open(event) {
      wx.navigateTo({ url: `/pages/video/video?id=${event.currentTarget.dataset.id}` })
    }
  }
})

// One video. A file plays in <video> from the backend's play address (a redirect to the object store, so the
// player can seek); a 视频号 entry plays in <channel-video>; a file the phone cannot play (the backend marks it
// playable: false) gets a plain message instead of a black player. Views and likes: the engagement-bar component,
// which starts once the video is shown.
const api = require('../../utils/api')
const view = require('../../utils/view')

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    id: '',
    video: null,
    mode: '',
    playerFailed: false
  },
  methods: {
    onLoad(options = {}) {
      this.setData({ id: options.id || '' })
      return this.load()
    },
    async load() {
      this.setData({ state: 'loading' })
      try {
        const video = await api.call('video', { params: { id: this.data.id }, silent: true })
        let mode = 'none'
        if (video.channels) {
          mode = 'channels'
        } else if (video.playbackUrl && video.playable !== false) {
          mode = 'file'
        }
        this.setData({
          video: Object.assign({}, video, { length: view.duration(video.durationSeconds), date: view.date(video.publishedAt) }),
          mode,
          state: 'ready'
        })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    onPlayerError() {
      this.setData({ playerFailed: true })
    },
    openStory(event) {
      wx.navigateTo({ url: `/pages/story/story?slug=${event.currentTarget.dataset.slug}` })
    },
    onShareAppMessage() {
      const video = this.data.video || {}
      return { title: video.title || '视频', path: `/pages/video/video?id=${this.data.id}`, imageUrl: video.posterUrl || undefined }
    }
  }
})

// Views and likes under a story, article or video. It starts once the page has shown the entry (the page renders
// it inside its ready state), so a slow or failing count never holds the detail up: without counts the numbers are
// simply left out. It posts one view per page open with this phone's device id, and toggles the like at once,
// putting it back when the backend refuses. Not signed in, it asks first and then uses the app's WeChat sign-in.
// A signed-in reader's heart starts filled when they liked the entry before (the counts read carries the token).
const api = require('../../utils/api')
const device = require('../../utils/device')

Component({
  options: { addGlobalClass: true },
  properties: {
    kind: { type: String, value: '' }, // stories, articles, videos
    entryId: { type: Number, value: 0 },
    viewLabel: { type: String, value: '阅读' }
  },
  data: {
    views: null,
    likes: null,
    liked: false,
    busy: false
  },
  observers: {
    'kind, entryId'() {
      this.start()
    }
  },
  lifetimes: {
    attached() {
      this.start()
    }
  },
  pageLifetimes: {
    // back from signing in (or out) on 我的: the heart follows the reader now looking
    show() {
      if (this.started && this.readSignedIn !== api.signedIn()) {
        this.loadCounts()
      }
    }
  },
  methods: {
    params() {
      return { kind: this.data.kind, id: this.data.entryId }
    },
    start() {
      const key = `${this.data.kind}/${this.data.entryId}`
      if (!this.data.kind || !this.data.entryId || this.started === key) {
        return
      }
      this.started = key
      this.loadCounts()
      // a view that is not counted is no reason to bother the reader
      api.call('countView', { params: this.params(), headers: { 'X-Device-Id': device.id() }, silent: true }).catch(() => null)
    },
    loadCounts() {
      this.readSignedIn = api.signedIn()
      return api.call('engagement', { params: this.params(), silent: true })
        .then(counts => this.setData({
          views: counts.views,
          likes: counts.likes,
          // signed in, the client sends the token and the counts say whether this reader liked it; signed out, no one
          liked: typeof counts.liked === 'boolean' ? counts.liked : false
        }))
        .catch(() => null)
    },
    async toggleLike() {
      if (this.data.busy) {
        return
      }
      if (!api.signedIn()) {
        // busy meanwhile, so a second tap does not open a second dialog
        this.setData({ busy: true })
        const ready = await this.askToSignIn()
        this.setData({ busy: false })
        if (!ready) {
          return
        }
      }
      const before = { liked: this.data.liked, likes: this.data.likes }
      const liked = !before.liked
      this.setData({
        busy: true,
        liked,
        likes: before.likes === null ? null : Math.max(0, before.likes + (liked ? 1 : -1))
      })
      try {
        const counts = liked
          ? await api.call('like', { params: this.params() })
          : await api.call('unlike', { params: this.params() })
        this.setData({ likes: counts.likes, views: counts.views, liked: typeof counts.liked === 'boolean' ? counts.liked : liked })
      } catch (e) {
        // the toast said why; the heart goes back to what the backend still has
        this.setData(before)
      } finally {
        this.setData({ busy: false })
      }
    },
    askToSignIn() {
      return new Promise(resolve => wx.showModal({
        title: '登录后点赞',
        content: '点赞需要先用微信登录，是否现在登录？',
        confirmText: '登录',
        cancelText: '暂不',
        success: res => resolve(Boolean(res && res.confirm)),
        fail: () => resolve(false)
      })).then(confirmed => {
        if (!confirmed) {
          return false
        }
        return api.signIn().then(() => true, error => {
          api.showProblem(error)
          return false
        })
      })
    }
  }
})

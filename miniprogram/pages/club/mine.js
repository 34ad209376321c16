// A member's own notes in every state: published, pending (waiting for WeChat's check or a moderator), rejected
// with the reason, hidden.
const api = require('../../utils/api')
const club = require('../../utils/club')
const pagedList = require('../../behaviors/paged-list')

Component({
  options: { addGlobalClass: true },
  behaviors: [pagedList],
  methods: {
    onLoad() {
      return this.reload()
    },
    fetchPage(cursor, silent) {
      return api.call('myPosts', { query: { limit: 20, cursor }, silent })
    },
    toItem(post) {
      return club.card(post)
    },
    open(event) {
      const { id, state } = event.currentTarget.dataset
      // only a published note has a public page; the others the author reads in their own view
      wx.navigateTo({ url: state === 'published' ? `/pages/club/post?id=${id}` : `/pages/club/post?id=${id}&mine=1` })
    },
    compose() {
      wx.navigateTo({ url: '/pages/club/compose' })
    }
  }
})

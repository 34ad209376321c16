// The club's book lists; opened with ?id= one list with its books and the notes written for it.
const api = require('../../utils/api')
const view = require('../../utils/view')
const club = require('../../utils/club')

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    id: '',
    lists: [],
    list: null,
    posts: []
  },
  methods: {
    onLoad(options = {}) {
      this.setData({ id: options.id || '' })
      return this.load()
    },
    async load() {
      this.setData({ state: 'loading' })
      try {
        if (this.data.id) {
          const detail = await api.call('bookList', { params: { id: this.data.id }, silent: true })
          this.setData({ list: detail.list, posts: detail.posts.items.map(club.card), state: 'ready' })
        } else {
          const page = await api.call('bookLists', { query: { limit: 50 }, silent: true })
          this.setData({ lists: page.items, state: page.items.length ? 'ready' : 'empty' })
        }
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    openList(event) {
      wx.navigateTo({ url: `/pages/club/lists?id=${event.currentTarget.dataset.id}` })
    },
    openPost(event) {
      wx.navigateTo({ url: `/pages/club/post?id=${event.currentTarget.dataset.id}` })
    }
  }
})

// One reading note with its comments and the replies under them. Members like, comment and reply; anyone signed in
// may flag a note for the moderators. Opened with &mine=1 (from 我的读书笔记) it shows the author's own note in
// whatever state: pending or rejected (with the reason) notes are for the author alone, without comments or likes.
const api = require('../../utils/api')
const view = require('../../utils/view')
const club = require('../../utils/club')

const PAGE_SIZE = 20

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    id: '',
    mine: false,
    post: null,
    imagesInReview: 0,
    liked: false,
    comments: [],
    nextCursor: null,
    replies: {},
    replyTo: null,
    text: '',
    commentKey: '',
    sending: false
  },
  methods: {
    onLoad(options = {}) {
      this.setData({ id: options.id || '', mine: options.mine === '1', commentKey: api.newIdempotencyKey() })
      return this.load()
    },
    async load() {
      this.setData({ state: 'loading' })
      try {
        if (this.data.mine) {
          const own = await api.call('myPost', { params: { id: this.data.id }, silent: true })
          if (own.state !== 'published') {
            this.setData({
              post: club.card(own),
              // an image's address comes only once it is approved
              imagesInReview: (own.images || []).filter(i => !i.url).length,
              state: 'ready'
            })
            return
          }
          // published meanwhile: the public view, with its comments
          this.setData({ mine: false })
        }
        const detail = await api.call('clubPost', { params: { id: this.data.id }, query: { limit: PAGE_SIZE }, silent: true })
        this.setData({
          post: club.card(detail.post),
          // only a signed-in reply says so; the public one has no liked
          liked: detail.liked === true,
          comments: detail.comments.items.map(club.comment),
          nextCursor: detail.comments.nextCursor,
          state: 'ready'
        })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    async moreComments() {
      if (!this.data.nextCursor) {
        return
      }
      try {
        const page = await api.call('clubComments', { params: { id: this.data.id }, query: { limit: PAGE_SIZE, cursor: this.data.nextCursor } })
        this.setData({ comments: this.data.comments.concat(page.items.map(club.comment)), nextCursor: page.nextCursor })
      } catch (e) {
        // the toast said why
      }
    },
    async showReplies(event) {
      const parent = event.currentTarget.dataset.id
      try {
        const page = await api.call('clubComments', { params: { id: this.data.id }, query: { parent, limit: PAGE_SIZE } })
        this.setData({ [`replies.${parent}`]: page.items.map(club.comment) })
      } catch (e) {
        // the toast said why
      }
    },
    async toggleLike() {
      try {
        const like = await api.call(this.data.liked ? 'unlikePost' : 'likePost', { params: { id: this.data.id } })
        this.setData({ liked: like.liked, 'post.likeCount': like.likeCount })
      } catch (e) {
        // 403 for non-members: the toast says so
      }
    },
    async likeComment(event) {
      const at = this.data.comments.findIndex(c => String(c.id) === String(event.currentTarget.dataset.id))
      if (at < 0) {
        return
      }
      try {
        const like = await api.call('likeComment', { params: { id: this.data.comments[at].id } })
        this.setData({ [`comments[${at}].likeCount`]: like.likeCount })
      } catch (e) {
        // the toast said why
      }
    },
    startReply(event) {
      const id = event.currentTarget.dataset.id
      const target = this.data.comments.find(c => String(c.id) === String(id))
      this.setData({ replyTo: target ? { id: target.id, name: target.authorName } : null })
    },
    cancelReply() {
      this.setData({ replyTo: null })
    },
    onText(event) {
      this.setData({ text: event.detail.value })
    },
    async send() {
      const text = this.data.text.trim()
      if (!text) {
        wx.showToast({ title: '请写下评论内容', icon: 'none' })
        return
      }
      if (text.length > 500) {
        wx.showToast({ title: '评论不能超过 500 字', icon: 'none' })
        return
      }
      this.setData({ sending: true })
      try {
        const created = await api.call('writeComment', {
          params: { id: this.data.id },
          body: { text, parentId: this.data.replyTo ? this.data.replyTo.id : undefined },
          idempotencyKey: this.data.commentKey
        })
        this.setData({ text: '', replyTo: null, commentKey: api.newIdempotencyKey() })
        const shown = created.state && created.state !== 'published'
        wx.showToast({ title: shown ? '评论已提交，审核通过后显示' : '评论已发布', icon: 'none' })
        if (!shown) {
          await this.load()
        }
      } catch (e) {
        // the toast said why; the same key is kept for another try
      } finally {
        this.setData({ sending: false })
      }
    },
    flag() {
      wx.showModal({
        title: '举报这篇笔记',
        editable: true,
        placeholderText: '请说明原因',
        success: res => {
          if (!res.confirm) {
            return
          }
          const reason = (res.content || '').trim()
          if (!reason) {
            wx.showToast({ title: '请说明举报原因', icon: 'none' })
            return
          }
          api.call('flagPost', { params: { id: this.data.id }, body: { reason: reason.slice(0, 200) } })
            .then(() => wx.showToast({ title: '已提交，管理员会尽快处理', icon: 'none' }))
            .catch(() => null)
        }
      })
    },
    previewImage(event) {
      const urls = this.data.post.images.map(i => i.url)
      wx.previewImage({ urls, current: event.currentTarget.dataset.url })
    },
    onShareAppMessage() {
      const post = this.data.post || { book: {} }
      return { title: `《${post.book.title || ''}》读书笔记`, path: `/pages/club/post?id=${this.data.id}` }
    }
  }
})

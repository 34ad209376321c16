// A member's reading note: the book, the note, up to five tags and nine photos. WeChat checks it before anyone else
// sees it, so the reply may say "审核中"; one Idempotency-Key is kept until the note is accepted.
const api = require('../../utils/api')
const photoUploads = require('../../behaviors/photo-uploads')

const MAX_TEXT = 2000

function tagsOf(raw) {
  return (raw || '').split(/[,，\s]+/).map(t => t.trim()).filter(Boolean)
}

Component({
  options: { addGlobalClass: true },
  behaviors: [photoUploads],
  data: {
    uploadKind: 'image',
    title: '',
    author: '',
    isbn: '',
    text: '',
    tags: '',
    listId: '',
    errors: {},
    sending: false,
    idempotencyKey: '',
    maxText: MAX_TEXT
  },
  methods: {
    onLoad(options = {}) {
      this.setData({ listId: options.list || '', idempotencyKey: api.newIdempotencyKey() })
    },
    onInput(event) {
      const field = event.currentTarget.dataset.field
      this.setData({ [field]: event.detail.value, [`errors.${field}`]: '' })
    },
    validate() {
      const d = this.data
      const errors = {}
      if (!d.title.trim()) {
        errors.title = '请填写书名'
      } else if (d.title.trim().length > 200) {
        errors.title = '书名不能超过 200 字'
      }
      if (!d.author.trim()) {
        errors.author = '请填写作者'
      } else if (d.author.trim().length > 100) {
        errors.author = '作者不能超过 100 字'
      }
      if (d.isbn.trim() && !/^[0-9][0-9 -]{8,18}[0-9Xx]$/.test(d.isbn.trim())) {
        errors.isbn = 'ISBN 是 10 或 13 位数字'
      }
      if (!d.text.trim()) {
        errors.text = '请写下你的读书笔记'
      } else if (d.text.trim().length > MAX_TEXT) {
        errors.text = `笔记不能超过 ${MAX_TEXT} 字`
      }
      const tags = tagsOf(d.tags)
      if (tags.length > 5 || tags.some(t => t.length > 32)) {
        errors.tags = '最多 5 个标签，每个不超过 32 字'
      }
      const photos = this.photosProblem()
      if (photos) {
        errors.photos = photos
      }
      this.setData({ errors })
      const fields = Object.keys(errors)
      if (fields.length) {
        wx.showToast({ title: errors[fields[0]], icon: 'none' })
      }
      return fields.length === 0
    },
    async send() {
      if (this.data.sending || !this.validate()) {
        return
      }
      const d = this.data
      const body = {
        book: { title: d.title.trim(), author: d.author.trim(), isbn: d.isbn.trim() || undefined },
        text: d.text.trim(),
        images: d.photos.map(p => p.uploadId),
        tags: tagsOf(d.tags)
      }
      if (d.listId) {
        body.listId = Number(d.listId)
      }
      this.setData({ sending: true })
      try {
        const post = await api.call('writePost', { body, idempotencyKey: d.idempotencyKey })
        this.setData({ idempotencyKey: api.newIdempotencyKey() })
        wx.showToast({ title: post.state === 'published' ? '已发布' : '已提交，审核通过后公开', icon: 'none' })
        wx.redirectTo({ url: '/pages/club/mine' })
      } catch (e) {
        const named = ((e.problem && e.problem.errors) || []).reduce((all, err) => Object.assign(all, { [err.field.replace(/^book\./, '')]: err.message }), {})
        this.setData({ errors: named })
      } finally {
        this.setData({ sending: false })
      }
    }
  }
})

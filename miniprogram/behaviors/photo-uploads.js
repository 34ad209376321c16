// Up to nine photos from the camera or the album, each sent straight to the object store with a presigned POST
// while the user goes on writing: progress, retry of a failed photo, cancel by removing it. Used by the report
// form (evidence) and the reading-club composer (image); the page sets data.uploadKind.
const api = require('../utils/api')
const privacy = require('../utils/privacy')

const MAX_PHOTOS = 9

module.exports = Behavior({
  data: {
    photos: [],
    maxPhotos: MAX_PHOTOS,
    uploadKind: 'image'
  },
  lifetimes: {
    created() {
      this.tasks = {}
    }
  },
  methods: {
    async choosePhotos() {
      const room = MAX_PHOTOS - this.data.photos.length
      if (room <= 0) {
        return
      }
      try {
        await privacy.ensure()
      } catch (e) {
        return
      }
      wx.chooseMedia({
        count: room,
        mediaType: ['image'],
        sourceType: ['camera', 'album'],
        sizeType: ['compressed'],
        success: res => {
          const added = res.tempFiles.map(f => ({
            path: f.tempFilePath, size: f.size, key: api.newIdempotencyKey(), status: 'uploading', progress: 0, uploadId: ''
          }))
          this.setData({ photos: this.data.photos.concat(added), 'errors.photos': '' })
          added.forEach(photo => this.upload(photo.key))
        }
      })
    },
    photoIndex(key) {
      return this.data.photos.findIndex(p => p.key === key)
    },
    updatePhoto(key, changes) {
      const at = this.photoIndex(key)
      if (at < 0) {
        return
      }
      const next = {}
      Object.keys(changes).forEach(field => {
        next[`photos[${at}].${field}`] = changes[field]
      })
      this.setData(next)
    },
    async upload(key) {
      const photo = this.data.photos[this.photoIndex(key)]
      this.updatePhoto(key, { status: 'uploading', progress: 0 })
      try {
        const done = await api.uploadPhoto(photo, {
          kind: this.data.uploadKind,
          onProgress: progress => this.updatePhoto(key, { progress }),
          onTask: task => {
            this.tasks[key] = task
          }
        })
        this.updatePhoto(key, { status: 'done', progress: 100, uploadId: done.id })
      } catch (e) {
        if (e.kind !== 'cancelled') {
          this.updatePhoto(key, { status: 'failed' })
        }
      } finally {
        delete this.tasks[key]
      }
    },
    retryPhoto(event) {
      return this.upload(event.currentTarget.dataset.key)
    },
    removePhoto(event) {
      const key = event.currentTarget.dataset.key
      if (this.tasks[key]) {
        this.tasks[key].abort()
      }
      this.setData({ photos: this.data.photos.filter(p => p.key !== key), 'errors.photos': '' })
    },
    /** Why the photos cannot go yet, or '' when every one has arrived. */
    photosProblem() {
      if (this.data.photos.some(p => p.status === 'uploading')) {
        return '照片还在上传，请稍候'
      }
      if (this.data.photos.some(p => p.status === 'failed')) {
        return '有照片没有传上去，请重试或删除'
      }
      return ''
    }
  }
})

// 读书社 ("书香城管·悦读赋能"): reading notes, latest or hot, page by page; for verified members (cadres) today's
// check-in with the streak and "写笔记"; for everyone else the invitation code that makes them a member.
const api = require('../../utils/api')
const club = require('../../utils/club')
const pagedList = require('../../behaviors/paged-list')

const PAGE_SIZE = 10

Component({
  options: { addGlobalClass: true },
  behaviors: [pagedList],
  data: {
    sort: 'latest',
    signedIn: false,
    cadre: false,
    streaks: null,
    bookTitle: '',
    pages: '',
    checkInErrors: {},
    checkInKey: '',
    checkingIn: false,
    code: '',
    displayName: '',
    unit: '',
    errors: {},
    redeeming: false
  },
  methods: {
    // a tab page: shown again after signing in elsewhere, so it reads the membership on every show
    onShow() {
      if (!this.data.checkInKey) {
        this.setData({ checkInKey: api.newIdempotencyKey() })
      }
      return Promise.all([this.reload(), this.refreshMember()])
    },
    onPullDownRefresh() {
      Promise.all([this.reload(), this.refreshMember()]).then(() => wx.stopPullDownRefresh())
    },
    async refreshMember() {
      const signedIn = api.signedIn()
      this.setData({ signedIn })
      if (!signedIn) {
        this.setData({ cadre: false, streaks: null })
        return
      }
      try {
        const profile = await api.call('me', { silent: true })
        const cadre = (profile.roles || []).indexOf('cadre') >= 0
        this.setData({ cadre })
        if (cadre) {
          this.setData({ streaks: await api.call('myStreaks', { silent: true }) })
        }
      } catch (e) {
        // the feed is public; membership shows again on the next visit
      }
    },
    chooseSort(event) {
      this.setData({ sort: event.currentTarget.dataset.sort })
      return this.reload()
    },
    fetchPage(cursor, silent) {
      return api.call('clubFeed', { query: { sort: this.data.sort, limit: PAGE_SIZE, cursor }, silent })
    },
    toItem(post) {
      return club.card(post)
    },
    open(event) {
      wx.navigateTo({ url: `/pages/club/post?id=${event.currentTarget.dataset.id}` })
    },
    go(event) {
      wx.navigateTo({ url: event.currentTarget.dataset.url })
    },
    onInput(event) {
      const field = event.currentTarget.dataset.field
      this.setData({ [field]: event.detail.value, [`errors.${field}`]: '', [`checkInErrors.${field}`]: '' })
    },
    async checkIn() {
      const errors = {}
      if (!this.data.bookTitle.trim()) {
        errors.bookTitle = '请填写今天读的书'
      }
      const pages = Number(this.data.pages)
      if (!Number.isInteger(pages) || pages < 1 || pages > 5000) {
        errors.pages = '请填写读了多少页（1-5000）'
      }
      this.setData({ checkInErrors: errors })
      if (Object.keys(errors).length || this.data.checkingIn) {
        return
      }
      this.setData({ checkingIn: true })
      try {
        const done = await api.call('checkIn', {
          body: { bookTitle: this.data.bookTitle.trim(), pages },
          idempotencyKey: this.data.checkInKey
        })
        this.setData({ streaks: done.streaks, bookTitle: '', pages: '', checkInKey: api.newIdempotencyKey() })
        wx.showToast({ title: `已打卡，连续 ${done.streaks.current} 天`, icon: 'none' })
      } catch (e) {
        // the toast said why; the same key is kept for another try
      } finally {
        this.setData({ checkingIn: false })
      }
    },
    validateRedemption() {
      const errors = {}
      if (!/^[A-Za-z0-9 -]{4,20}$/.test(this.data.code.trim())) {
        errors.code = '请填写读书社发给你的邀请码'
      }
      if (!this.data.displayName.trim()) {
        errors.displayName = '请填写你的姓名'
      } else if (this.data.displayName.trim().length > 64) {
        errors.displayName = '姓名不能超过 64 个字'
      }
      if (!this.data.unit.trim()) {
        errors.unit = '请填写你所在的单位'
      } else if (this.data.unit.trim().length > 100) {
        errors.unit = '单位不能超过 100 个字'
      }
      this.setData({ errors })
      return Object.keys(errors).length === 0
    },
    async redeem() {
      if (!this.validateRedemption()) {
        return
      }
      this.setData({ redeeming: true })
      try {
        const tokens = await api.call('redeemInvitation', {
          body: { code: this.data.code.trim(), displayName: this.data.displayName.trim(), unit: this.data.unit.trim() }
        })
        api.useTokens(tokens)
        this.setData({ cadre: true, signedIn: true, code: '' })
        wx.showToast({ title: '已加入读书社', icon: 'success' })
        this.setData({ streaks: await api.call('myStreaks', { silent: true }).catch(() => null) })
      } catch (e) {
        const named = ((e.problem && e.problem.errors) || []).reduce((all, err) => Object.assign(all, { [err.field]: err.message }), {})
        this.setData({ errors: named })
      } finally {
        this.setData({ redeeming: false })
      }
    }
  }
})

// 读书社 ("书香城管·悦读赋能"). What the backend offers today: a young cadre redeems the invitation code the club
// gave them and becomes a verified member (cadre). The feed, posts, comments and check-ins arrive with the
// reading-club API; until then the page says so instead of showing an empty feed.
const api = require('../../utils/api')
const view = require('../../utils/view')

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'ready',
    errorText: '',
    signedIn: false,
    cadre: false,
    code: '',
    displayName: '',
    unit: '',
    errors: {},
    redeeming: false
  },
  methods: {
    // a tab page: shown again after signing in elsewhere, so it reads the profile on every show
    onShow() {
      return this.refresh()
    },
    async refresh() {
      const signedIn = api.signedIn()
      this.setData({ signedIn })
      if (!signedIn) {
        return
      }
      this.setData({ state: 'loading' })
      try {
        const profile = await api.call('me', { silent: true })
        this.setData({ cadre: (profile.roles || []).indexOf('cadre') >= 0, state: 'ready' })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    onInput(event) {
      const field = event.currentTarget.dataset.field
      this.setData({ [field]: event.detail.value, [`errors.${field}`]: '' })
    },
    validate() {
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
      if (!this.validate()) {
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
      } catch (e) {
        const named = ((e.problem && e.problem.errors) || []).reduce((all, err) => Object.assign(all, { [err.field]: err.message }), {})
        this.setData({ errors: named })
      } finally {
        this.setData({ redeeming: false })
      }
    }
  }
})

// 我的: sign in with WeChat, the profile, a member's notes and check-ins, binding a phone number (the getPhoneNumber button's one-time code goes to
// the backend, which asks WeChat and stores the number encrypted), my reports, the privacy policy, signing out.
// The person's rights over their data: a copy (我的数据), their consents (隐私设置) and account deletion (注销账号),
// whose pending state the profile shows.
const api = require('../../utils/api')
const consent = require('../../utils/consent')
const view = require('../../utils/view')

const ROLE_NAMES = {
  citizen: '市民', cadre: '认证干部', editor: '编辑', reviewer: '审核', moderator: '版主',
  dispatcher: '派遣员', inspector: '纪检', admin: '管理员', handler: '承办单位', superior: '上级纪检'
}

Component({
  options: { addGlobalClass: true },
  data: {
    signedIn: false,
    state: 'ready',
    errorText: '',
    profile: null,
    streaks: null,
    signingIn: false
  },
  methods: {
    // a tab page: shown again after signing in elsewhere, so it reads the profile on every show
    onShow() {
      return this.refresh()
    },
    async refresh() {
      const signedIn = api.signedIn()
      this.setData({ signedIn })
      if (signedIn) {
        await this.loadProfile()
      }
    },
    async loadProfile() {
      this.setData({ state: 'loading' })
      try {
        const profile = await api.call('me', { silent: true })
        this.setData({ profile: shown(profile), state: 'ready', signedIn: true })
        if (this.data.profile.cadre) {
          this.setData({ streaks: await api.call('myStreaks', { silent: true }).catch(() => null) })
        }
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    async signIn() {
      this.setData({ signingIn: true })
      try {
        await api.signIn()
        await this.loadProfile()
      } catch (e) {
        // the toast said why
      } finally {
        this.setData({ signingIn: false })
      }
    },
    async onPhoneNumber(event) {
      const code = event.detail && event.detail.code
      if (!code) {
        wx.showToast({ title: '未获得手机号授权', icon: 'none' })
        return
      }
      try {
        // WeChat's code is still unused when the consent is refused or stale: the backend checks consent first
        const profile = await consent.withConsent('phone',
          (consentVersion, options) => api.call('bindPhone', Object.assign({ body: { code, consentVersion } }, options)))
        this.setData({ profile: shown(profile) })
        wx.showToast({ title: '手机号已绑定', icon: 'success' })
      } catch (e) {
        // the toast said why
      }
    },
    go(event) {
      const { url, tab } = event.currentTarget.dataset
      if (tab) {
        wx.switchTab({ url })
      } else {
        wx.navigateTo({ url })
      }
    },
    async signOut() {
      await api.signOut()
      this.setData({ signedIn: false, profile: null })
    }
  }
})

function shown(profile) {
  return Object.assign({}, profile, {
    name: profile.displayName || '微信用户',
    roleNames: (profile.roles || []).map(r => ROLE_NAMES[r] || r).join('、'),
    cadre: (profile.roles || []).indexOf('cadre') >= 0,
    since: view.date(profile.createdAt),
    deletionDue: view.dateTime(profile.deletionDueAt)
  })
}

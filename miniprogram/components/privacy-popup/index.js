// WeChat's privacy notice. Before the mini-program takes a location, a phone number or photos, WeChat asks
// (wx.onNeedPrivacyAuthorization) whether the user has agreed; this popup shows what is collected and why, and only
// the agreePrivacyAuthorization button lets WeChat go on.
Component({
  data: {
    visible: false
  },
  lifetimes: {
    attached() {
      if (wx.onNeedPrivacyAuthorization) {
        this.listener = resolve => {
          this.resolve = resolve
          this.setData({ visible: true })
        }
        wx.onNeedPrivacyAuthorization(this.listener)
      }
    },
    detached() {
      if (this.listener && wx.offNeedPrivacyAuthorization) {
        wx.offNeedPrivacyAuthorization(this.listener)
      }
    }
  },
  methods: {
    openContract() {
      if (wx.openPrivacyContract) {
        wx.openPrivacyContract({})
      }
    },
    onAgree() {
      if (this.resolve) {
        this.resolve({ buttonId: 'privacy-agree', event: 'agree' })
        this.resolve = null
      }
      this.setData({ visible: false })
    },
    onDisagree() {
      if (this.resolve) {
        this.resolve({ event: 'disagree' })
        this.resolve = null
      }
      this.setData({ visible: false })
    }
  }
})

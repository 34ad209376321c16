// Two questions about personal information, one dialog. WeChat's privacy notice: before the mini-program takes a
// location, a phone number or photos, WeChat asks (wx.onNeedPrivacyAuthorization) whether the user has agreed; only
// the agreePrivacyAuthorization button lets WeChat go on. And the separate consent the backend records
// (utils/consent.js): the purpose of one item under the guide in force, before the request that uses it.
const consent = require('../../utils/consent')

Component({
  data: {
    visible: false,
    question: null
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
      consent.register(this)
    },
    detached() {
      if (this.listener && wx.offNeedPrivacyAuthorization) {
        wx.offNeedPrivacyAuthorization(this.listener)
      }
      consent.unregister(this)
      this.answerConsent(false)
    }
  },
  methods: {
    openContract() {
      if (wx.openPrivacyContract) {
        wx.openPrivacyContract({})
      }
    },
    openPolicy() {
      wx.navigateTo({ url: '/pages/privacy/privacy' })
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
    },
    /** question = { title, purpose, version, again }; resolves true when the person agrees */
    askConsent(question) {
      this.answerConsent(false)
      return new Promise(resolve => {
        this.consentAnswer = resolve
        this.setData({ question })
      })
    },
    answerConsent(agreed) {
      const answer = this.consentAnswer
      this.consentAnswer = null
      if (answer) {
        this.setData({ question: null })
        answer(agreed)
      }
    },
    onConsentAgree() {
      this.answerConsent(true)
    },
    onConsentRefuse() {
      this.answerConsent(false)
    }
  }
})

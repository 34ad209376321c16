// What the mini-program collects and why, in plain words; the same facts as the privacy guide registered with WeChat.
Component({
  options: { addGlobalClass: true },
  methods: {
    openContract() {
      if (wx.openPrivacyContract) {
        wx.openPrivacyContract({})
      }
    }
  }
})

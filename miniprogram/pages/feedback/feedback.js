// The two feedback channels side by side, so a citizen picks the right one: 随手拍 for what is wrong on the street,
// 清风城管 for how staff behave (confidential, for the discipline inspectors only).
Component({
  options: { addGlobalClass: true },
  methods: {
    go(event) {
      wx.navigateTo({ url: event.currentTarget.dataset.url })
    }
  }
})

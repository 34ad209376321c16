// The receipt after a report was accepted: the number and the query code, shown only here (the backend keeps only
// a hash of the code). The report-receipt component makes the citizen confirm they saved both before leaving.
const handoff = require('../../utils/handoff')

Component({
  options: { addGlobalClass: true },
  data: {
    receipt: null
  },
  methods: {
    onLoad() {
      this.show(handoff.take('receipt') || null)
    },
    show(receipt) {
      this.setData({ receipt })
    },
    onDone() {
      wx.redirectTo({ url: `/pages/report/track?number=${this.data.receipt.number}` })
    },
    back() {
      wx.switchTab({ url: '/pages/feedback/feedback' })
    }
  }
})

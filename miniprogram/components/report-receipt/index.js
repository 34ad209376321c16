// The receipt after a report is sent. The query code is shown only here: the server keeps only a hash of it,
// so the citizen must confirm they have saved it before leaving (GlobaLeaks users ask for exactly this step).
Component({
  properties: {
    number: { type: String, value: '' },
    queryCode: { type: String, value: '' },
    acceptDue: { type: String, value: '' }
  },
  data: {
    saved: false,
    copied: false
  },
  methods: {
    copy() {
      wx.setClipboardData({
        data: `报告编号 ${this.data.number} 查询码 ${this.data.queryCode}`,
        success: () => this.setData({ copied: true })
      })
    },
    onSavedChange(event) {
      this.setData({ saved: event.detail.value.indexOf('saved') >= 0 })
    },
    done() {
      if (!this.data.saved) {
        wx.showToast({ title: '请先保存查询码', icon: 'none' })
        return
      }
      this.triggerEvent('done', { number: this.data.number })
    }
  }
})

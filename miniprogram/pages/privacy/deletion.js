// 注销账号 (PIPL Art. 47): the person asks for deletion, confirmed in a dialog; the account is erased after a
// cooling-off period, during which this page shows the due date and 撤销注销 cancels. The backend's note says what
// happens; before a request there is none, so the page says the same in its own words.
const api = require('../../utils/api')
const view = require('../../utils/view')

function confirmed(options) {
  return new Promise(resolve => wx.showModal(Object.assign({
    success: res => resolve(Boolean(res.confirm)),
    fail: () => resolve(false)
  }, options)))
}

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    status: null,
    busy: false
  },
  methods: {
    onLoad() {
      return this.load()
    },
    async load() {
      this.setData({ state: 'loading' })
      try {
        this.show(await api.call('deletionStatus', { silent: true }))
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    show(status) {
      this.setData({ state: 'ready', status: Object.assign({}, status, { due: view.dateTime(status.dueAt), asked: view.dateTime(status.requestedAt) }) })
    },
    async requestDeletion() {
      if (this.data.busy) {
        return
      }
      const sure = await confirmed({
        title: '确认注销账号？',
        content: '冷静期结束后，你的资料、手机号和读书社内容将被删除，无法恢复。冷静期内可以撤销。',
        confirmText: '确认注销',
        confirmColor: '#c0392b',
        cancelText: '再想想'
      })
      if (!sure) {
        return
      }
      await this.change('requestDeletion', '已申请注销')
    },
    async cancelDeletion() {
      if (this.data.busy) {
        return
      }
      await this.change('cancelDeletion', '已撤销注销')
    },
    async change(endpoint, done) {
      this.setData({ busy: true })
      try {
        this.show(await api.call(endpoint))
        wx.showToast({ title: done, icon: 'success' })
      } catch (e) {
        // the toast said why
      } finally {
        this.setData({ busy: false })
      }
    }
  }
})

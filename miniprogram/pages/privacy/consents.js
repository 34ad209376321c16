// 隐私设置: the consents the person gave for sensitive items (location of a street report, the phone number), each
// with the guide version it was given under; one under an older guide is asked for again the next time it is used.
const api = require('../../utils/api')
const consent = require('../../utils/consent')
const view = require('../../utils/view')

const ITEM_NAMES = { location: '位置信息（随手拍）', phone: '手机号' }

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    guideVersion: '',
    items: []
  },
  methods: {
    onLoad() {
      return this.load()
    },
    async load() {
      this.setData({ state: 'loading' })
      try {
        const [consents, guide] = await Promise.all([
          api.call('myConsents', { silent: true }),
          // the version in force is a help here, not a need: the list shows without it
          consent.guide().catch(() => null)
        ])
        this.setData({
          state: consents.length ? 'ready' : 'empty',
          guideVersion: guide ? guide.guideVersion : '',
          items: consents.map(c => Object.assign({}, c, {
            name: ITEM_NAMES[c.item] || c.item,
            agreed: view.dateTime(c.agreedAt)
          }))
        })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    openPolicy() {
      wx.navigateTo({ url: '/pages/privacy/privacy' })
    }
  }
})

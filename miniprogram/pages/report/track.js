// Following a report up: by number + query code (anyone, anonymous reports too), or as its signed-in reporter.
// Subscribe messages open this page as ?number=…. It shows a street report's photos before and after handling;
// after closure the citizen rates the handling (满意度评价) and confirms the result or disputes it, which reopens
// the report. One subscribe authorization covers one message, so the reporter can ask for another here.
const api = require('../../utils/api')
const config = require('../../config')
const view = require('../../utils/view')

// what a step of the timeline was, where its status alone would not say (a confirmation leaves the report closed)
const STEPS = { submitted: '提交报告', confirmed: '市民确认办理结果', disputed: '市民提出异议', returned: '退回重新派遣' }
// statuses after which nothing changes (a closed report still may, until it is confirmed or the days pass)
const FINAL = ['rejected', 'transferred', 'duplicate']

const NUMBER = /^(SP|QF)-\d{8}-\d{1,10}$/

/** The photos by stage; a photo the backend gives no address for (not ready, or past retention) shows as such. */
function photos(list) {
  const all = (list || []).map(p => ({ position: p.position, url: p.url || '', stage: String(p.stage).toLowerCase() }))
  return { before: all.filter(p => p.stage === 'before'), after: all.filter(p => p.stage === 'after') }
}

function shown(tracking) {
  // the API answers enum values in lower case; older replies had upper case
  const status = String(tracking.status).toLowerCase()
  const closed = status === 'closed'
  const respondOpen = closed && !tracking.confirmedAt && tracking.respondUntil
    && new Date(tracking.respondUntil).getTime() > Date.now()
  const rateUntil = tracking.rateUntil ? new Date(tracking.rateUntil).getTime() : 0
  const stillChanging = !closed && FINAL.indexOf(status) < 0
  return Object.assign({}, tracking, {
    channelName: String(tracking.channel).toLowerCase() === 'supervision' ? '清风城管' : '城管随手拍',
    categoryName: tracking.categoryName || tracking.category,
    created: view.dateTime(tracking.createdAt),
    closed: view.dateTime(tracking.closedAt),
    respondBy: view.date(tracking.respondUntil),
    canRespond: Boolean(respondOpen),
    canRate: closed && rateUntil > Date.now(),
    rating: tracking.rating || null,
    photos: photos(tracking.photos),
    messagesLeft: tracking.messagesLeft || 0,
    // a message is only worth asking for while the report can still change
    canSubscribe: Boolean(config.subscribeTemplates.reportStatus) && (stillChanging || Boolean(respondOpen)),
    timeline: (tracking.timeline || []).map(e => Object.assign({}, e, {
      when: view.dateTime(e.at),
      step: STEPS[e.kind] || e.statusLabel || '说明'
    }))
  })
}

Component({
  options: { addGlobalClass: true },
  data: {
    number: '',
    code: '',
    errors: {},
    state: 'form',
    errorText: '',
    via: '',
    tracking: null,
    reason: '',
    responding: false,
    ratingBusy: false,
    ratingErrors: null,
    subscribing: false
  },
  methods: {
    async onLoad(options = {}) {
      const number = (options.number || '').toUpperCase()
      this.setData({ number })
      if (number && api.signedIn()) {
        this.setData({ state: 'loading' })
        try {
          const tracking = await api.call('myReport', { params: { number }, silent: true })
          this.setData({ tracking: shown(tracking), via: 'mine', state: 'ready' })
          return
        } catch (e) {
          // not this user's named report (or anonymous): the query code finds it
        }
        this.setData({ state: 'form' })
      }
    },
    onNumber(event) {
      this.setData({ number: event.detail.value.trim().toUpperCase(), 'errors.number': '' })
    },
    onCode(event) {
      this.setData({ code: event.detail.value, 'errors.code': '' })
    },
    onReason(event) {
      this.setData({ reason: event.detail.value })
    },
    validate() {
      const errors = {}
      if (!NUMBER.test(this.data.number)) {
        errors.number = '报告编号形如 SP-20261125-048213'
      }
      if (this.data.code.replace(/[\s-]/g, '').length !== 20 || /[^\d\s-]/.test(this.data.code)) {
        errors.code = '查询码是 20 位数字'
      }
      this.setData({ errors })
      return Object.keys(errors).length === 0
    },
    async lookup() {
      if (!this.validate()) {
        return
      }
      this.setData({ state: 'loading' })
      try {
        const tracking = await api.call('trackReport', { body: { number: this.data.number, code: this.data.code }, silent: true })
        this.setData({ tracking: shown(tracking), via: 'code', state: 'ready' })
      } catch (e) {
        const errorText = e.status === 404 ? '报告编号或查询码不正确，请核对后再试' : view.errorText(e)
        this.setData({ state: 'error', errorText })
      }
    },
    again() {
      this.setData({ state: 'form', tracking: null })
    },
    respond(dispute) {
      if (dispute && !this.data.reason.trim()) {
        wx.showToast({ title: '请写下还有哪些问题没有解决', icon: 'none' })
        return Promise.resolve()
      }
      const reason = dispute ? this.data.reason.trim() : undefined
      const byCode = this.data.via !== 'mine'
      const name = byCode ? (dispute ? 'disputeByCode' : 'confirmByCode') : (dispute ? 'disputeMine' : 'confirmMine')
      const options = byCode
        ? { body: { number: this.data.number, code: this.data.code, reason } }
        : { params: { number: this.data.tracking.number }, body: { reason } }
      this.setData({ responding: true })
      return api.call(name, options)
        .then(tracking => {
          this.setData({ tracking: shown(tracking), reason: '' })
          wx.showToast({ title: dispute ? '已提出异议，报告重新办理' : '感谢确认', icon: 'none' })
        })
        .catch(() => null)
        .then(() => this.setData({ responding: false }))
    },
    /** The rating component's checked form: a first rating is a POST, a change a PUT. */
    rate(event) {
      const { change, score, comment, dispute, reason } = event.detail
      const byCode = this.data.via !== 'mine'
      const name = byCode ? (change ? 'changeRatingByCode' : 'rateByCode') : (change ? 'changeRatingMine' : 'rateMine')
      const rating = { score, comment, dispute, reason }
      const options = byCode
        ? { body: Object.assign({ number: this.data.number, code: this.data.code }, rating) }
        : { params: { number: this.data.tracking.number }, body: rating }
      this.setData({ ratingBusy: true, ratingErrors: null })
      return api.call(name, options)
        .then(tracking => {
          this.setData({ tracking: shown(tracking) })
          wx.showToast({ title: dispute ? '已提交评价和异议，报告重新办理' : '感谢你的评价', icon: 'none' })
        })
        .catch(e => {
          // the toast said why; a field the backend named is shown at that field
          const named = ((e.problem && e.problem.errors) || []).reduce((all, err) => Object.assign(all, { [err.field]: err.message }), {})
          this.setData({ ratingErrors: Object.keys(named).length ? named : null })
        })
        .then(() => this.setData({ ratingBusy: false }))
    },
    previewPhoto(event) {
      const all = this.data.tracking.photos.before.concat(this.data.tracking.photos.after)
      wx.previewImage({ urls: all.map(p => p.url).filter(Boolean), current: event.currentTarget.dataset.url })
    },
    /**
     * Must run inside the tap: WeChat shows the subscribe prompt only in answer to one. Each accepted prompt allows
     * one message, which the backend counts (messagesLeft). By code the messages go to whoever signs in here.
     */
    subscribe() {
      const template = config.subscribeTemplates.reportStatus
      if (!template || this.data.subscribing) {
        return Promise.resolve()
      }
      this.setData({ subscribing: true })
      return new Promise(resolve => wx.requestSubscribeMessage({
        tmplIds: [template],
        success: res => resolve(res[template] === 'accept'),
        fail: () => resolve(false)
      }))
        .then(accepted => {
          if (!accepted) {
            wx.showToast({ title: '未开启通知，可稍后再订阅', icon: 'none' })
            return null
          }
          const byCode = this.data.via !== 'mine'
          return api.call(byCode ? 'subscribeByCode' : 'subscribeMine', byCode
            ? { body: { number: this.data.number, code: this.data.code } }
            : { params: { number: this.data.tracking.number } })
            .then(tracking => {
              this.setData({ tracking: shown(tracking) })
              wx.showToast({ title: '已订阅，进度变化时会通知你', icon: 'none' })
            })
        })
        .catch(() => null)
        .then(() => this.setData({ subscribing: false }))
    },
    confirm() {
      return this.respond(false)
    },
    dispute() {
      return this.respond(true)
    }
  }
})

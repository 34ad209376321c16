// The report form of both channels. Photos go straight to the object store (presigned POST) while the citizen
// writes; location, photos and the phone are touched only after the privacy notice. The form checks itself before
// sending, and one Idempotency-Key is kept until the report is accepted, so tapping "提交" again after a network
// failure gets the same report and the same query code instead of a second report. A street report's location is
// sent only with the person's consent under the privacy guide in force (utils/consent.js).
const api = require('../../utils/api')
const config = require('../../config')
const privacy = require('../../utils/privacy')
const consent = require('../../utils/consent')
const photoUploads = require('../../behaviors/photo-uploads')
const view = require('../../utils/view')
const handoff = require('../../utils/handoff')

const MAX_DESCRIPTION = 2000
const MAX_NAMED_STAFF = 5
const PHONE = /^\+?[0-9](?:[ -]?[0-9]){4,19}$/
const TITLES = { street: '城管随手拍', supervision: '清风城管' }

/** What must be fixed before sending, by field; empty when the report can go. */
function validate(data, photosProblem) {
  const errors = {}
  if (data.categoryIndex < 0) {
    errors.category = '请选择类别'
  }
  const description = (data.description || '').trim()
  if (!description) {
    errors.description = '请写下你看到的情况'
  } else if (description.length > MAX_DESCRIPTION) {
    errors.description = `描述不能超过 ${MAX_DESCRIPTION} 字`
  }
  if (data.channel === 'street') {
    if (!data.location) {
      errors.location = '请在地图上选择问题所在位置'
    }
    if (data.districtIndex < 0) {
      errors.district = '请选择所在区域'
    }
  }
  if (data.channel === 'supervision' && data.namedStaff.length > MAX_NAMED_STAFF) {
    errors.namedStaff = `最多选择 ${MAX_NAMED_STAFF} 人`
  }
  if (data.contactPhone && !PHONE.test(data.contactPhone.trim())) {
    errors.contactPhone = '请填写正确的电话号码'
  }
  if (photosProblem) {
    errors.photos = photosProblem
  }
  return errors
}

Component({
  options: { addGlobalClass: true },
  behaviors: [photoUploads],
  data: {
    uploadKind: 'evidence',
    channel: 'street',
    title: '',
    state: 'loading',
    errorText: '',
    categories: [],
    categoryIndex: -1,
    districts: [],
    districtIndex: -1,
    description: '',
    location: null,
    contactPhone: '',
    anonymous: false,
    namedStaff: [],
    subscribe: false,
    canSubscribe: false,
    errors: {},
    submitting: false,
    idempotencyKey: '',
    maxDescription: MAX_DESCRIPTION,
    maxNamedStaff: MAX_NAMED_STAFF
  },
  methods: {
    onLoad(options = {}) {
      const channel = options.channel === 'supervision' ? 'supervision' : 'street'
      this.setData({
        channel,
        title: TITLES[channel],
        canSubscribe: Boolean(config.subscribeTemplates.reportStatus),
        idempotencyKey: api.newIdempotencyKey()
      })
      if (wx.setNavigationBarTitle) {
        wx.setNavigationBarTitle({ title: TITLES[channel] })
      }
      return this.load()
    },
    async load() {
      this.setData({ state: 'loading' })
      try {
        const [categories, districts] = await Promise.all([
          api.call('reportCategories', { query: { channel: this.data.channel }, silent: true }),
          this.data.channel === 'street' ? api.call('reportDistricts', { silent: true }) : Promise.resolve([])
        ])
        this.setData({ categories, districts, state: categories.length ? 'ready' : 'empty' })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    onCategory(event) {
      this.setData({ categoryIndex: Number(event.detail.value), 'errors.category': '' })
    },
    onDistrict(event) {
      this.setData({ districtIndex: Number(event.detail.value), 'errors.district': '' })
    },
    onDescription(event) {
      this.setData({ description: event.detail.value, 'errors.description': '' })
    },
    onPhone(event) {
      this.setData({ contactPhone: event.detail.value, 'errors.contactPhone': '' })
    },
    onStaff(event) {
      this.setData({ namedStaff: event.detail.ids, 'errors.namedStaff': '' })
    },
    onAnonymous(event) {
      this.setData({ anonymous: event.detail.value })
    },
    onSubscribe(event) {
      this.setData({ subscribe: event.detail.value })
    },
    async chooseLocation() {
      try {
        await privacy.ensure()
      } catch (e) {
        return
      }
      wx.chooseLocation({
        success: res => this.setData({
          location: { latitude: res.latitude, longitude: res.longitude, name: res.name || '', address: res.address || '' },
          'errors.location': ''
        }),
        fail: err => {
          if (!/cancel/.test((err && err.errMsg) || '')) {
            wx.showToast({ title: '无法打开地图选点，请检查定位权限', icon: 'none' })
          }
        }
      })
    },
    /** Must run inside the tap: WeChat shows the subscribe prompt only in answer to one. */
    askToNotify() {
      const template = config.subscribeTemplates.reportStatus
      if (!this.data.subscribe || !template) {
        return Promise.resolve(false)
      }
      return new Promise(resolve => wx.requestSubscribeMessage({
        tmplIds: [template],
        success: res => resolve(res[template] === 'accept'),
        fail: () => resolve(false)
      }))
    },
    async submit() {
      if (this.data.submitting) {
        return
      }
      const errors = validate(this.data, this.photosProblem())
      const fields = Object.keys(errors)
      this.setData({ errors })
      if (fields.length) {
        wx.showToast({ title: errors[fields[0]], icon: 'none' })
        return
      }
      this.setData({ submitting: true })
      const subscribe = await this.askToNotify()
      const d = this.data
      const body = {
        channel: d.channel,
        category: d.categories[d.categoryIndex].code,
        description: d.description.trim(),
        photos: d.photos.map(p => p.uploadId),
        contactPhone: d.contactPhone.trim() || undefined,
        anonymous: d.channel === 'supervision' ? d.anonymous : false,
        subscribe
      }
      if (d.channel === 'supervision' && d.namedStaff.length) {
        body.namedStaff = d.namedStaff
      }
      if (d.channel === 'street') {
        body.location = { latitude: d.location.latitude, longitude: d.location.longitude }
        body.address = [d.location.address, d.location.name].filter(Boolean).join(' ').slice(0, 200) || undefined
        body.district = d.districts[d.districtIndex]
      }
      // a stale consent is refused before anything is written, so the retry after it keeps the Idempotency-Key
      const send = (consentVersion, options = {}) => api.call('submitReport', Object.assign({
        body: consentVersion ? Object.assign({}, body, { consentVersion }) : body,
        idempotencyKey: d.idempotencyKey
      }, options))
      try {
        const receipt = d.channel === 'street' ? await consent.withConsent('location', send) : await send()
        // a new report from here on needs a new key
        this.setData({ idempotencyKey: api.newIdempotencyKey() })
        handoff.put('receipt', receipt)
        wx.redirectTo({ url: '/pages/report/receipt' })
      } catch (e) {
        if (e.kind === 'refused') {
          return
        }
        if (e.fieldError && e.fieldError('Idempotency-Key')) {
          // the earlier try reached the backend with other content: that report stands (in 我的报告 unless
          // anonymous); the changed content goes as a new report
          this.setData({ idempotencyKey: api.newIdempotencyKey(), errors: {} })
          wx.showModal({
            title: '上一次提交可能已经成功',
            content: '修改前的内容可能已经提交，可在“我的报告”中查看。再次点击“提交”将作为一份新报告提交。',
            showCancel: false
          })
          return
        }
        const named = ((e.problem && e.problem.errors) || []).reduce((all, err) => Object.assign(all, { [err.field]: err.message }), {})
        this.setData({ errors: named })
      } finally {
        this.setData({ submitting: false })
      }
    }
  }
})

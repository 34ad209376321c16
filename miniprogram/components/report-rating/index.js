// 满意度评价 of a closed report: a score of 1-5 and an optional comment, changeable while the response window is
// open. A score of 1 or 2 may go with a dispute (and its reason), which reopens the report; that is offered only
// while the result is not yet confirmed. The component checks the form and raises "rate"; the page sends it (by
// query code or as the signed-in reporter) and hands back the new rating, or the fields the backend refused.
const MAX_COMMENT = 300
const MAX_REASON = 500
const LABELS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意']

/** '★★★★☆' for 4: computed here, as a template cannot compare with < inside text */
function marks(score) {
  return [1, 2, 3, 4, 5].map(n => (n <= score ? '★' : '☆'))
}

function validate(d) {
  const errors = {}
  if (!(d.score >= 1 && d.score <= 5)) {
    errors.score = '请选择评分'
  }
  if (d.comment.trim().length > MAX_COMMENT) {
    errors.comment = `评语不能超过 ${MAX_COMMENT} 字`
  }
  if (d.dispute) {
    const reason = d.reason.trim()
    if (!reason) {
      errors.reason = '请写下还有哪些问题没有解决'
    } else if (reason.length > MAX_REASON) {
      errors.reason = `不能超过 ${MAX_REASON} 字`
    }
  }
  return errors
}

Component({
  options: { addGlobalClass: true },
  properties: {
    rating: { type: Object, value: null }, // the backend's Rating, or null before the first one
    open: { type: Boolean, value: false }, // inside the days after closure in which a rating can be given or changed
    canDispute: { type: Boolean, value: false },
    busy: { type: Boolean, value: false },
    fieldErrors: { type: Object, value: null } // { field: message } from a refusal
  },
  data: {
    editing: false,
    score: 0,
    comment: '',
    dispute: false,
    reason: '',
    errors: {},
    stars: marks(0),
    givenStars: '',
    labels: LABELS,
    lowScore: false,
    maxComment: MAX_COMMENT
  },
  observers: {
    rating(rating) {
      // a new rating from the backend ends the editing
      this.setData({ editing: false, dispute: false, reason: '', errors: {} })
      if (rating) {
        this.setData({ score: rating.score, comment: rating.comment || '', givenStars: marks(rating.score).join('') })
      }
    },
    score(score) {
      this.setData({ stars: marks(score), lowScore: score >= 1 && score <= 2 })
    },
    fieldErrors(errors) {
      if (errors) {
        this.setData({ errors: Object.assign({}, this.data.errors, errors) })
      }
    }
  },
  methods: {
    pick(event) {
      const score = Number(event.currentTarget.dataset.score)
      this.setData({ score, 'errors.score': '', dispute: score <= 2 ? this.data.dispute : false })
    },
    onComment(event) {
      this.setData({ comment: event.detail.value, 'errors.comment': '' })
    },
    onDispute(event) {
      this.setData({ dispute: event.detail.value, 'errors.reason': '' })
    },
    onReason(event) {
      this.setData({ reason: event.detail.value, 'errors.reason': '' })
    },
    change() {
      this.setData({ editing: true, errors: {} })
    },
    cancel() {
      const rating = this.data.rating
      this.setData({ editing: false, errors: {}, dispute: false, reason: '', score: rating.score, comment: rating.comment || '' })
    },
    submit() {
      if (this.data.busy) {
        return
      }
      const d = this.data
      const dispute = d.canDispute && d.dispute && d.score <= 2
      const errors = validate({ score: d.score, comment: d.comment, dispute, reason: d.reason })
      this.setData({ errors })
      const fields = Object.keys(errors)
      if (fields.length) {
        wx.showToast({ title: errors[fields[0]], icon: 'none' })
        return
      }
      this.triggerEvent('rate', {
        change: Boolean(d.rating),
        score: d.score,
        comment: d.comment.trim() || undefined,
        dispute: dispute || undefined,
        reason: dispute ? d.reason.trim() : undefined
      })
    }
  }
})

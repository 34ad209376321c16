// Separate consent (PIPL Art. 28–29) for the precise location of a street report and for the phone number: the
// purpose from the privacy guide in force is shown, and only when the person agrees does the request carry that
// guide's version (consentVersion). A 422 naming consentVersion means the guide changed since it was read: read it
// again, ask again, send once more. WeChat's own privacy authorisation (utils/privacy.js) is a separate step.
const api = require('./api')

const ITEMS = {
  location: { title: '使用你选择的位置', refused: '未同意使用位置信息，报告没有提交' },
  phone: { title: '使用你的手机号', refused: '未同意使用手机号，没有绑定' }
}

// the guide read once per launch of the mini-program: module state lives as long as the mini-program does
let guideOnce = null
// privacy-popup components on screen, the newest last: the one on the page in front shows the question
const askers = []

function guide({ fresh } = {}) {
  if (!guideOnce || fresh) {
    const reading = api.call('privacyGuide', { silent: true })
    guideOnce = reading
    reading.catch(() => {
      if (guideOnce === reading) {
        guideOnce = null
      }
    })
  }
  return guideOnce
}

class ConsentRefused extends Error {
  constructor(item) {
    super(`consent to ${item} refused`)
    this.kind = 'refused'
    this.item = item
  }
}

function askByModal(question) {
  return new Promise(resolve => wx.showModal({
    title: question.title,
    content: (question.again ? '隐私保护指引已更新，请再次确认。' : '') + question.purpose,
    confirmText: '同意',
    cancelText: '不同意',
    success: res => resolve(Boolean(res.confirm)),
    fail: () => resolve(false)
  }))
}

/**
 * Shows the purpose of one item under the guide in force and resolves with the guide's version when the person
 * agrees; rejects with kind 'refused' (after a toast) when not, or with the API error when the guide cannot be read.
 */
async function ask(item, { fresh = false } = {}) {
  let current
  try {
    current = await guide({ fresh })
  } catch (e) {
    api.showProblem(e)
    throw e
  }
  const listed = (current.items || []).find(i => i.item === item)
  const question = {
    item,
    title: ITEMS[item].title,
    purpose: listed ? listed.purpose : '',
    version: current.guideVersion,
    again: fresh
  }
  const asker = askers[askers.length - 1]
  const agreed = asker ? await asker.askConsent(question) : await askByModal(question)
  if (!agreed) {
    wx.showToast({ title: ITEMS[item].refused, icon: 'none' })
    throw new ConsentRefused(item)
  }
  return current.guideVersion
}

function staleConsent(error) {
  return Boolean(error && error.status === 422 && error.fieldError && error.fieldError('consentVersion') !== null)
}

/**
 * Asks for consent to the item, then send(consentVersion, options) — a call of the API client, passing options on.
 * When the backend answers that the guide has changed, the guide is read again, the person asked again, and the
 * request sent once more.
 */
async function withConsent(item, send) {
  const version = await ask(item)
  try {
    return await send(version, { silent: true })
  } catch (e) {
    if (!staleConsent(e)) {
      api.showProblem(e)
      throw e
    }
  }
  const renewed = await ask(item, { fresh: true })
  return send(renewed, {})
}

module.exports = {
  guide,
  ask,
  withConsent,
  ConsentRefused,
  /** the privacy-popup on the page in front; it resolves askConsent(question) with true when the person agrees */
  register(asker) {
    askers.push(asker)
  },
  unregister(asker) {
    const at = askers.indexOf(asker)
    if (at >= 0) {
      askers.splice(at, 1)
    }
  },
  /** tests start a new launch */
  forget() {
    guideOnce = null
    askers.length = 0
  }
}

// Small helpers the pages share: what an error means to the reader, dates and durations in Chinese.
function errorText(error) {
  if (!error) {
    return '加载失败'
  }
  if (error.kind === 'network') {
    return '网络连接失败，请检查网络后重试'
  }
  if (error.status === 404) {
    return '内容不存在或已下线'
  }
  const problem = error.problem || {}
  return problem.detail || problem.title || '加载失败，请稍后重试'
}

function pad(n) {
  return n < 10 ? `0${n}` : `${n}`
}

/** 2026-11-25 from an ISO instant, in China time whatever the phone's zone. */
function date(iso) {
  if (!iso) {
    return ''
  }
  const at = new Date(new Date(iso).getTime() + 8 * 3600 * 1000)
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
}

function dateTime(iso) {
  if (!iso) {
    return ''
  }
  const at = new Date(new Date(iso).getTime() + 8 * 3600 * 1000)
  return `${date(iso)} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`
}

/** 125.4 → "2:05" */
function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return ''
  }
  const total = Math.round(seconds)
  return `${Math.floor(total / 60)}:${pad(total % 60)}`
}

/**
 * The token of a preview link given as ?preview=: the token itself, or the link the console shows
 * (/api/preview/<token>, URL-encoded or not), which editors paste as it is.
 */
function previewToken(value) {
  if (!value) {
    return ''
  }
  let decoded = String(value)
  try {
    decoded = decodeURIComponent(decoded)
  } catch (e) {
    // not encoded
  }
  return decoded.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() || ''
}

// A mini-program code carries one 32-character scene: a slug for a shared entry, or a preview token for a draft.
// Slugs never hold a dot; preview tokens always do (nonce.expiry.signature).
function sceneTarget(scene) {
  if (!scene) {
    return { slug: '', preview: '' }
  }
  let decoded = String(scene)
  try {
    decoded = decodeURIComponent(decoded)
  } catch (e) {
    // not encoded
  }
  return decoded.includes('.') ? { slug: '', preview: decoded } : { slug: decoded, preview: '' }
}

module.exports = { errorText, date, dateTime, duration, previewToken, sceneTarget }

// The one way the mini-program talks to the backend: base URL, tokens (refresh on 401, then one retry), problem
// replies shown as toasts, Idempotency-Keys on creates (the same key on every retry), back-off retries on network
// errors for requests that are safe to repeat, ETag revalidation, and the presigned-POST upload.
const config = require('../config')
const endpoints = require('./endpoints')
const session = require('./session')
const etagCache = require('./etag-cache')

let sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

class ApiError extends Error {
  constructor(status, problem, kind) {
    super((problem && (problem.detail || problem.title)) || kind || `HTTP ${status}`)
    this.status = status
    this.problem = problem || null
    // 'network' (no answer), 'problem' (an error reply), 'cancelled' (the user stopped an upload)
    this.kind = kind || 'problem'
  }

  /** The message of the field the backend named, e.g. fieldError('district'). */
  fieldError(field) {
    const errors = (this.problem && this.problem.errors) || []
    const hit = errors.find(e => e.field === field)
    return hit ? hit.message : null
  }
}

function endpoint(name) {
  const found = endpoints[name]
  if (!found) {
    throw new Error(`not an endpoint of the API client: ${name}`)
  }
  return found
}

function url(name, params, query) {
  const path = endpoint(name).path.replace(/\{(\w+)\}/g, (match, key) => {
    if (params === undefined || params[key] === undefined || params[key] === null || params[key] === '') {
      throw new Error(`${name} needs ${key}`)
    }
    return encodeURIComponent(params[key])
  })
  const pairs = Object.keys(query || {})
    .filter(key => query[key] !== undefined && query[key] !== null && query[key] !== '')
    .map(key => `${encodeURIComponent(key)}=${encodeURIComponent(query[key])}`)
  return config.apiBaseUrl + path + (pairs.length ? `?${pairs.join('&')}` : '')
}

/** 16-64 of [A-Za-z0-9_.:-], as the backend asks. */
function newIdempotencyKey() {
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `mp-${Date.now().toString(36)}-${random()}${random()}`
}

function headerValue(headers, name) {
  const key = Object.keys(headers || {}).find(k => k.toLowerCase() === name.toLowerCase())
  return key ? headers[key] : null
}

function send(method, target, body, header) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: target,
      method,
      data: body,
      header,
      timeout: config.requestTimeoutMs,
      success: resolve,
      fail: reject
    })
  })
}

/** Tries again after a network error (never after an answer), waiting longer each time. */
async function sendWithRetries(ep, method, target, body, headersFor) {
  const retryable = method === 'GET' || ep.create || ep.idempotent
  const delays = retryable ? config.retryDelaysMs : []
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(method, target, body, headersFor())
    } catch (networkError) {
      if (attempt >= delays.length) {
        throw new ApiError(0, null, 'network')
      }
      await sleep(delays[attempt])
    }
  }
}

function showProblem(error) {
  if (error.kind === 'network') {
    wx.showToast({ title: '网络连接失败，请检查网络后重试', icon: 'none', duration: 3000 })
    return
  }
  if (error.kind === 'cancelled') {
    return
  }
  const problem = error.problem || {}
  const title = problem.detail || problem.title || `请求失败（${error.status}）`
  wx.showToast({ title, icon: 'none', duration: 3000 })
}

function problemOf(res) {
  const data = res.data
  if (data && typeof data === 'object' && (data.title || data.detail)) {
    return data
  }
  return { status: res.statusCode, title: `请求失败（${res.statusCode}）` }
}

let signingIn = null

/** wx.login → our tokens. Concurrent callers share one sign-in. */
function signIn() {
  if (!signingIn) {
    signingIn = (async () => {
      let tokens
      if (config.devOpenid) {
        tokens = await call('devSignIn', { body: { openid: config.devOpenid, roles: ['citizen'] } })
      } else {
        const code = await new Promise((resolve, reject) => wx.login({
          success: res => (res.code ? resolve(res.code) : reject(new ApiError(0, { title: '微信登录失败，请重试' }))),
          fail: () => reject(new ApiError(0, { title: '微信登录失败，请重试' }))
        }))
        tokens = await call('weChatSignIn', { body: { code } })
      }
      session.save(tokens)
      return tokens
    })().finally(() => {
      signingIn = null
    })
  }
  return signingIn
}

let renewing = null

/** After a 401: the refresh token for a new pair, or (when that is spent) a new sign-in. */
function renewSession() {
  if (!renewing) {
    renewing = (async () => {
      const current = session.get()
      if (current && current.refreshToken) {
        try {
          const tokens = await call('refresh', { body: { refreshToken: current.refreshToken }, silent: true })
          session.save(tokens)
          return tokens
        } catch (e) {
          if (e.kind === 'network') {
            throw e
          }
        }
      }
      session.clear()
      return signIn()
    })().finally(() => {
      renewing = null
    })
  }
  return renewing
}

/**
 * Calls one endpoint by name. Resolves with the reply body; rejects with an ApiError after showing a toast
 * (unless silent). A create gets an Idempotency-Key; pass the same idempotencyKey again when the user retries.
 * headers adds request headers an endpoint asks for (X-Device-Id when a view is counted).
 */
async function call(name, options = {}) {
  const ep = endpoint(name)
  const { params, query, body, silent, headers } = options
  if (ep.urlOnly) {
    throw new Error(`${name} is an address for <image>/<video>, not a request`)
  }
  const target = url(name, params, query)
  const idempotencyKey = ep.create ? (options.idempotencyKey || newIdempotencyKey()) : null
  // an optional sign-in goes along only when the user has one: the reply is then theirs, so it is not cached
  const withToken = ep.auth === 'required' || (ep.auth === 'optional' && session.get() !== null)
  const cached = ep.cache && !withToken ? etagCache.get(target) : null
  try {
    if (ep.auth === 'required' && !session.get()) {
      await signIn()
    }
    for (let renewed = false; ; renewed = true) {
      const headersFor = () => {
        const header = Object.assign({ 'Content-Type': 'application/json' }, headers)
        const current = session.get()
        if (withToken && current) {
          header.Authorization = `Bearer ${current.accessToken}`
        }
        if (idempotencyKey) {
          header['Idempotency-Key'] = idempotencyKey
        }
        if (cached) {
          header['If-None-Match'] = cached.etag
        }
        return header
      }
      const res = await sendWithRetries(ep, ep.method, target, body, headersFor)
      if (res.statusCode === 401 && withToken && !renewed) {
        if (ep.auth === 'required') {
          await renewSession()
        } else {
          // a sign-in that cannot be renewed is no reason to refuse a public read: it is asked without one
          await renewSession().catch(error => {
            if (error.kind === 'network') {
              throw error
            }
            session.clear()
          })
        }
        continue
      }
      if (res.statusCode === 304 && cached) {
        return cached.data
      }
      if (res.statusCode >= 200 && res.statusCode < 300) {
        const etag = headerValue(res.header, 'ETag')
        if (ep.cache && !withToken && etag) {
          etagCache.put(target, etag, res.data)
        }
        return res.data === '' ? null : res.data
      }
      throw new ApiError(res.statusCode, problemOf(res))
    }
  } catch (error) {
    const failure = error instanceof ApiError ? error : new ApiError(0, null, 'network')
    if (!silent && !failure.shown) {
      showProblem(failure)
      failure.shown = true
    }
    throw failure
  }
}

const CONTENT_TYPES = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heic: 'image/heic' }

function fileName(path) {
  return String(path).split(/[\\/]/).pop() || 'photo.jpg'
}

function contentTypeOf(path) {
  const extension = fileName(path).split('.').pop().toLowerCase()
  return CONTENT_TYPES[extension] || 'image/jpeg'
}

function postToStore(ticket, filePath, onProgress, onTask) {
  return new Promise((resolve, reject) => {
    const task = wx.uploadFile({
      url: ticket.uploadUrl,
      filePath,
      name: 'file',
      formData: ticket.fields,
      success: res => (res.statusCode >= 200 && res.statusCode < 300
        ? resolve()
        : reject(new ApiError(res.statusCode, { title: '照片上传被存储服务拒绝，请换一张照片' }))),
      fail: err => reject(/abort/i.test((err && err.errMsg) || '')
        ? new ApiError(0, null, 'cancelled')
        : new ApiError(0, null, 'network'))
    })
    if (task && onProgress && task.onProgressUpdate) {
      task.onProgressUpdate(p => onProgress(p.progress))
    }
    if (task && onTask) {
      onTask(task)
    }
  })
}

/**
 * Uploads one photo the way the backend asks: a presigned POST policy, the file straight to the object store
 * (wx.uploadFile with the policy's fields), then "complete", which checks it. file = { path, size, key }: keep
 * `key` for the same photo so a retry gets the same upload. onTask receives the upload task (task.abort() cancels).
 */
async function uploadPhoto(file, { kind = 'evidence', onProgress, onTask, silent } = {}) {
  const ticket = await call('createUpload', {
    idempotencyKey: file.key,
    silent,
    body: { kind, filename: fileName(file.path), size: file.size, contentType: contentTypeOf(file.path) }
  })
  for (let attempt = 0; ; attempt++) {
    try {
      await postToStore(ticket, file.path, onProgress, onTask)
      break
    } catch (error) {
      if (error.kind !== 'network' || attempt >= config.retryDelaysMs.length) {
        if (!silent) {
          showProblem(error)
        }
        throw error
      }
      await sleep(config.retryDelaysMs[attempt])
    }
  }
  return call('completeUpload', { params: { id: ticket.id }, silent })
}

async function signOut() {
  const current = session.get()
  session.clear()
  if (current && current.refreshToken) {
    await call('signOut', { body: { refreshToken: current.refreshToken }, silent: true }).catch(() => null)
  }
}

module.exports = {
  ApiError,
  call,
  url,
  signIn,
  signOut,
  signedIn: () => session.get() !== null,
  /** tokens answered by an endpoint that changes the user's roles (redeeming an invitation) */
  useTokens: tokens => session.save(tokens),
  uploadPhoto,
  newIdempotencyKey,
  /** the toast for an error of a call made silently, once the caller knows it is not its own to handle */
  showProblem(error) {
    if (!error.shown) {
      showProblem(error)
      error.shown = true
    }
  },
  /** tests replace the back-off wait */
  setSleep(fn) {
    sleep = fn
  }
}

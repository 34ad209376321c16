// What every mini-program test needs: a wx with storage and recorded calls, a fake backend behind wx.request
// (routes by "METHOD /path"), rendering a page or component, and waiting for promises to settle.
const path = require('path')
const simulate = require('miniprogram-simulate')
const api = require('../utils/api')

const ROOT = path.join(__dirname, '..')
const loaded = {}

function installWx() {
  const storage = new Map()
  Object.assign(global.wx, {
    getStorageSync: key => (storage.has(key) ? JSON.parse(storage.get(key)) : ''),
    setStorageSync: (key, value) => storage.set(key, JSON.stringify(value)),
    removeStorageSync: key => storage.delete(key),
    showToast: jest.fn(),
    showModal: jest.fn(),
    showLoading: jest.fn(),
    hideLoading: jest.fn(),
    navigateTo: jest.fn(),
    redirectTo: jest.fn(),
    switchTab: jest.fn(),
    navigateBack: jest.fn(),
    stopPullDownRefresh: jest.fn(),
    previewImage: jest.fn(),
    setClipboardData: jest.fn(o => o.success && o.success()),
    login: jest.fn(o => o.success({ code: 'wx-login-code-1' })),
    requirePrivacyAuthorize: jest.fn(o => o.success()),
    onNeedPrivacyAuthorization: jest.fn(),
    offNeedPrivacyAuthorization: jest.fn(),
    openPrivacyContract: jest.fn(),
    requestSubscribeMessage: jest.fn(o => o.success && o.success({ errMsg: 'requestSubscribeMessage:ok' })),
    chooseMedia: jest.fn(),
    chooseLocation: jest.fn(),
    uploadFile: jest.fn()
  })
  api.setSleep(() => Promise.resolve())
  return storage
}

/**
 * Answers wx.request from routes: { 'GET /api/stories': data | reply | (request) => data | reply }, where a reply
 * is { statusCode, data, header }, { networkError: true }, { pending: true } (never answers) or { later: promise }
 * (answers with what the promise gives, when the test resolves it). Unknown routes are
 * 404 problems. Returns the list of requests made.
 */
function backend(routes) {
  const requests = []
  global.wx.request = jest.fn(options => {
    const url = new URL(options.url)
    const request = {
      method: options.method || 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: options.data,
      header: options.header || {}
    }
    requests.push(request)
    const route = routes[`${request.method} ${request.path}`]
    const reply = route === undefined
      ? { statusCode: 404, data: { title: 'Not Found', status: 404, detail: `no route ${request.path}` } }
      : (typeof route === 'function' ? route(request) : route)
    if (reply && reply.pending) {
      return { abort() {} }
    }
    const answer = given => {
      if (given && given.networkError) {
        options.fail({ errMsg: 'request:fail timeout' })
      } else if (given && typeof given.statusCode === 'number') {
        options.success({ header: {}, ...given })
      } else {
        options.success({ statusCode: 200, data: given, header: {} })
      }
    }
    if (reply && reply.later) {
      reply.later.then(answer)
    } else {
      answer(reply)
    }
    return { abort() {} }
  })
  return requests
}

function problem(status, title, detail, errors) {
  return { statusCode: status, data: { type: 'about:blank', title, status, detail, errors: errors || [] } }
}

// Components the pages use, loaded once per test file: jest keeps a required file in its own registry, so a
// component's Component() call runs only on its first load, and a page loaded later must reuse that id.
const SHARED = {
  'state-view': 'components/state-view/index',
  'privacy-popup': 'components/privacy-popup/index',
  'report-receipt': 'components/report-receipt/index',
  'engagement-bar': 'components/engagement-bar/index',
  'report-rating': 'components/report-rating/index',
  'staff-picker': 'components/staff-picker/index'
}
let shared = null

function sharedComponents() {
  if (!shared) {
    shared = {}
    Object.keys(SHARED).forEach(tag => {
      shared[tag] = simulate.load(path.join(ROOT, SHARED[tag]), tag, { rootPath: ROOT, compiler: 'simulate' })
      loaded[SHARED[tag]] = shared[tag]
    })
  }
  return shared
}

function render(relativePath, properties) {
  const usingComponents = sharedComponents()
  if (!loaded[relativePath]) {
    // the pure-JS template compiler: WeChat's own (wcc) keeps global state that mixes pages up in one test file
    loaded[relativePath] = simulate.load(path.join(ROOT, relativePath), relativePath.replace(/[^a-z0-9]+/gi, '-').toLowerCase(),
      { rootPath: ROOT, compiler: 'simulate', usingComponents: Object.assign({}, usingComponents) })
  }
  const comp = simulate.render(loaded[relativePath], properties)
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

async function settle() {
  for (let i = 0; i < 10; i++) {
    await simulate.sleep(0)
  }
}

function text(comp) {
  return comp.dom.textContent.replace(/\s+/g, ' ')
}

/** An attribute of a rendered tag as toJSON() gives it (built-ins such as rich-text and video render empty). */
function attr(node, name) {
  const camel = name.replace(/-([a-z])/g, (m, c) => c.toUpperCase())
  const found = node.toJSON().attrs.find(a => a.name === camel || a.name === name)
  return found && found.value
}

/** Taps "重试" in a page's state-view (id="state"). */
function retry(page) {
  page.querySelector('#state').querySelector('.state-retry').dispatchEvent('tap')
}

/** Signs the test user in without wx.login: tokens straight into storage. */
function signedIn(accessToken = 'access-1', refreshToken = 'refresh-1') {
  wx.setStorageSync('yg.session', { accessToken, refreshToken })
}

module.exports = { installWx, backend, problem, render, settle, text, signedIn, retry, attr, simulate }

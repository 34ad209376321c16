// A small local cache of public replies and their ETags. A request sends If-None-Match; a 304 answers from here,
// so an unchanged story costs the phone a few hundred bytes. Least recently used entries go first.
const config = require('../config')

const INDEX = 'yg.etag.index'
const PREFIX = 'yg.etag:'

function index() {
  const stored = wx.getStorageSync(INDEX)
  return Array.isArray(stored) ? stored : []
}

function get(url) {
  const entry = wx.getStorageSync(PREFIX + url)
  return entry && entry.etag ? entry : null
}

function put(url, etag, data) {
  const urls = index().filter(u => u !== url)
  urls.push(url)
  while (urls.length > config.etagCacheEntries) {
    wx.removeStorageSync(PREFIX + urls.shift())
  }
  try {
    wx.setStorageSync(PREFIX + url, { etag, data })
    wx.setStorageSync(INDEX, urls)
  } catch (e) {
    // storage full or the entry too large: the reply is still good, it just is not kept
  }
}

function clear() {
  index().forEach(url => wx.removeStorageSync(PREFIX + url))
  wx.removeStorageSync(INDEX)
}

module.exports = { get, put, clear }

// The signed-in user's tokens, kept in wx storage so a restart does not sign the user in again.
const KEY = 'yg.session'

function get() {
  const stored = wx.getStorageSync(KEY)
  return stored && stored.accessToken ? stored : null
}

function save(tokens) {
  wx.setStorageSync(KEY, { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken })
}

function clear() {
  wx.removeStorageSync(KEY)
}

module.exports = { get, save, clear }

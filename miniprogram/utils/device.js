// A random id for this phone's mini-program, made once and kept in wx storage: the backend counts a view once per
// device per day by it (X-Device-Id, 8 to 64 of A-Z a-z 0-9 _ -). It names no person and is never sent elsewhere.
const KEY = 'yg.device'
const PATTERN = /^[A-Za-z0-9_-]{8,64}$/
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function random(length) {
  let out = ''
  for (let i = 0; i < length; i++) {
    out += ALPHABET.charAt(Math.floor(Math.random() * ALPHABET.length))
  }
  return out
}

function id() {
  const kept = wx.getStorageSync(KEY)
  if (typeof kept === 'string' && PATTERN.test(kept)) {
    return kept
  }
  const made = `mp${Date.now().toString(36)}${random(24)}`
  wx.setStorageSync(KEY, made)
  return made
}

module.exports = { id }

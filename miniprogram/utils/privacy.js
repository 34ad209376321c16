// Asks WeChat for the user's privacy consent before location, photos or the phone number are touched. When the
// user has not agreed yet, WeChat calls the privacy-popup component's listener and waits for its button.
function ensure() {
  return new Promise((resolve, reject) => {
    if (!wx.requirePrivacyAuthorize) {
      resolve()
      return
    }
    wx.requirePrivacyAuthorize({
      success: () => resolve(),
      fail: () => {
        wx.showToast({ title: '同意隐私保护指引后才能使用此功能', icon: 'none' })
        reject(new Error('privacy not agreed'))
      }
    })
  })
}

module.exports = { ensure }

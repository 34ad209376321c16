// Pages are written with Component() (valid in WeChat, and what the tests can render), so the app itself only
// watches for updates of the mini-program.
App({
  onLaunch() {
    if (wx.getUpdateManager) {
      const updates = wx.getUpdateManager()
      updates.onUpdateReady(() => {
        wx.showModal({
          title: '更新提示',
          content: '新版本已经准备好，是否重启应用？',
          success: res => res.confirm && updates.applyUpdate()
        })
      })
    }
  }
})

// The mini-program's one configuration file. The API base URL follows the version WeChat runs: the developer
// version (WeChat DevTools, "预览") talks to a backend on this computer, trial and release to production.
const API_BASE_URL = {
  develop: 'http://127.0.0.1:8080',
  trial: 'https://api.youguang.example.cn',
  release: 'https://api.youguang.example.cn'
}

function envVersion() {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion || 'release'
  } catch (e) {
    return 'release'
  }
}

module.exports = {
  apiBaseUrl: API_BASE_URL[envVersion()] || API_BASE_URL.release,
  // Only for a local backend started with `./mvnw compile quarkus:dev` and no WeChat credentials: sign in through
  // its development login as this openid instead of wx.login. Leave empty for anything WeChat users see.
  devOpenid: '',
  // Subscribe-message template ids from the WeChat admin console (the backend's YOUGUANG_WECHAT_TEMPLATES_*)
  subscribeTemplates: {
    reportStatus: ''
  },
  // The compilation 《平凡亦有光》 (content/collections/pingfan-yi-you-guang.md)
  collectionSlug: 'pingfan-yi-you-guang',
  requestTimeoutMs: 15000,
  // waits before the 2nd, 3rd and 4th try of a request that failed on the network
  retryDelaysMs: [500, 1500, 3000],
  etagCacheEntries: 30
}

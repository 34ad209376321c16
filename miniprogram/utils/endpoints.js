// Every backend endpoint the mini-program calls, and nothing else: the API client refuses other names, and the
// contract test (test/contract.test.js) checks each method and path against the backend's OpenAPI document.
//   auth:       'required' signs in first (wx.login) and refreshes on 401; 'optional' sends the token only when
//               the user is signed in (and refreshes it on 401), never asks to sign in; absent = public, no token sent
//   cache:      keep the reply with its ETag and revalidate with If-None-Match
//   create:     send an Idempotency-Key, the same one on every retry
//   idempotent: safe to send again after a network error (GETs always are)
//   devOnly:    exists only in the backend's dev profile (absent from the built document, on purpose)
//   urlOnly:    not requested with wx.request: its URL goes into an <image>/<video> src
module.exports = {
  weChatSignIn: { method: 'POST', path: '/api/auth/wechat' },
  devSignIn: { method: 'POST', path: '/api/dev/login', devOnly: true },
  refresh: { method: 'POST', path: '/api/auth/refresh' },
  signOut: { method: 'POST', path: '/api/auth/logout' },

  me: { method: 'GET', path: '/api/me', auth: 'required' },
  bindPhone: { method: 'POST', path: '/api/me/phone', auth: 'required' },
  redeemInvitation: { method: 'POST', path: '/api/me/cadre', auth: 'required' },

  privacyGuide: { method: 'GET', path: '/api/privacy' },
  myConsents: { method: 'GET', path: '/api/me/consents', auth: 'required' },
  myData: { method: 'GET', path: '/api/me/data', auth: 'required' },
  deletionStatus: { method: 'GET', path: '/api/me/deletion', auth: 'required' },
  // asking again while a request waits changes nothing, and cancelling twice neither
  requestDeletion: { method: 'POST', path: '/api/me/deletion', auth: 'required', idempotent: true },
  cancelDeletion: { method: 'DELETE', path: '/api/me/deletion', auth: 'required', idempotent: true },

  stories: { method: 'GET', path: '/api/stories', cache: true },
  story: { method: 'GET', path: '/api/stories/{slug}', cache: true },
  storyCode: { method: 'GET', path: '/api/stories/{slug}/wxacode', urlOnly: true },
  collections: { method: 'GET', path: '/api/collections', cache: true },
  collection: { method: 'GET', path: '/api/collections/{slug}', cache: true },
  articles: { method: 'GET', path: '/api/articles', cache: true },
  article: { method: 'GET', path: '/api/articles/{slug}', cache: true },
  tags: { method: 'GET', path: '/api/tags', cache: true },
  search: { method: 'GET', path: '/api/search' },
  preview: { method: 'GET', path: '/api/preview/{token}' },
  // views and likes of a story, article or video ({kind}: stories, articles, videos; {id}: the entry's id)
  // with a sign-in the reply also says whether this reader liked the entry
  engagement: { method: 'GET', path: '/api/engagement/{kind}/{id}', auth: 'optional' },
  like: { method: 'POST', path: '/api/engagement/{kind}/{id}/like', auth: 'required', idempotent: true },
  unlike: { method: 'DELETE', path: '/api/engagement/{kind}/{id}/like', auth: 'required', idempotent: true },
  // counted once per device per day (X-Device-Id), so a resend after a network error counts nothing twice
  countView: { method: 'POST', path: '/api/engagement/{kind}/{id}/views', idempotent: true },
  videos: { method: 'GET', path: '/api/videos', cache: true },
  video: { method: 'GET', path: '/api/videos/{id}', cache: true },

  reportCategories: { method: 'GET', path: '/api/reports/categories', cache: true },
  reportDistricts: { method: 'GET', path: '/api/reports/districts', cache: true },
  // the staff directory (names and units) a supervision report names people from
  reportStaff: { method: 'GET', path: '/api/reports/staff', auth: 'required' },
  submitReport: { method: 'POST', path: '/api/reports', auth: 'required', create: true },
  trackReport: { method: 'POST', path: '/api/reports/track', idempotent: true },
  confirmByCode: { method: 'POST', path: '/api/reports/track/confirm' },
  disputeByCode: { method: 'POST', path: '/api/reports/track/dispute' },
  // 满意度评价: a first rating is not repeated after a network error (a second one is refused); a change may be
  rateByCode: { method: 'POST', path: '/api/reports/track/rating' },
  changeRatingByCode: { method: 'PUT', path: '/api/reports/track/rating', idempotent: true },
  // one more status message after an accepted subscribe prompt (one authorization = one message): not repeated
  // after a network error, which would count an authorization WeChat never gave
  subscribeByCode: { method: 'POST', path: '/api/reports/track/subscription', auth: 'required' },
  myReports: { method: 'GET', path: '/api/me/reports', auth: 'required' },
  myReport: { method: 'GET', path: '/api/me/reports/{number}', auth: 'required' },
  confirmMine: { method: 'POST', path: '/api/me/reports/{number}/confirm', auth: 'required' },
  disputeMine: { method: 'POST', path: '/api/me/reports/{number}/dispute', auth: 'required' },
  rateMine: { method: 'POST', path: '/api/me/reports/{number}/rating', auth: 'required' },
  changeRatingMine: { method: 'PUT', path: '/api/me/reports/{number}/rating', auth: 'required', idempotent: true },
  subscribeMine: { method: 'POST', path: '/api/me/reports/{number}/subscription', auth: 'required' },

  clubFeed: { method: 'GET', path: '/api/club/posts', cache: true },
  // signed in, the reply also says whether this reader liked the post (and is theirs, so not cached)
  clubPost: { method: 'GET', path: '/api/club/posts/{id}', auth: 'optional', cache: true },
  clubComments: { method: 'GET', path: '/api/club/posts/{id}/comments', cache: true },
  writePost: { method: 'POST', path: '/api/club/posts', auth: 'required', create: true },
  likePost: { method: 'PUT', path: '/api/club/posts/{id}/like', auth: 'required', idempotent: true },
  unlikePost: { method: 'DELETE', path: '/api/club/posts/{id}/like', auth: 'required', idempotent: true },
  flagPost: { method: 'POST', path: '/api/club/posts/{id}/flags', auth: 'required' },
  writeComment: { method: 'POST', path: '/api/club/posts/{id}/comments', auth: 'required', create: true },
  likeComment: { method: 'PUT', path: '/api/club/comments/{id}/like', auth: 'required', idempotent: true },
  unlikeComment: { method: 'DELETE', path: '/api/club/comments/{id}/like', auth: 'required', idempotent: true },
  checkIn: { method: 'POST', path: '/api/club/check-ins', auth: 'required', create: true },
  myStreaks: { method: 'GET', path: '/api/club/me/check-ins', auth: 'required' },
  myPosts: { method: 'GET', path: '/api/club/me/posts', auth: 'required' },
  myPost: { method: 'GET', path: '/api/club/me/posts/{id}', auth: 'required' },
  bookLists: { method: 'GET', path: '/api/club/lists', cache: true },
  bookList: { method: 'GET', path: '/api/club/lists/{id}', cache: true },

  createUpload: { method: 'POST', path: '/api/media/uploads', auth: 'required', create: true },
  completeUpload: { method: 'POST', path: '/api/media/uploads/{id}/complete', auth: 'required', idempotent: true }
}

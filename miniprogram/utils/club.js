// How reading-club posts and comments read in lists and in the author's own view.
const view = require('./view')

const STATES = { published: '已发布', pending: '审核中', rejected: '未通过', hidden: '已隐藏', deleted: '已删除' }

function card(post) {
  const text = post.text || ''
  return Object.assign({}, post, {
    authorLine: [post.author && post.author.displayName, post.author && post.author.unit].filter(Boolean).join(' · '),
    date: view.date(post.publishedAt || post.createdAt),
    excerpt: text.length > 90 ? `${text.slice(0, 90)}…` : text,
    stateName: post.state ? (STATES[post.state] || post.state) : '',
    images: (post.images || []).filter(i => i.url)
  })
}

function comment(c) {
  return Object.assign({}, c, {
    authorName: (c.author && c.author.displayName) || '读书社成员',
    date: view.dateTime(c.createdAt)
  })
}

module.exports = { card, comment, STATES }

// 我的数据: the person's copy of everything held about them (PIPL Art. 45). A mini-program cannot save a file
// where the person chooses, so the copy is summarised here and the whole JSON goes to the clipboard to paste on.
const api = require('../../utils/api')
const view = require('../../utils/view')

// what each section of the copy holds, in the reader's words; a section the backend adds later is still counted
const SECTIONS = [
  { key: 'account', title: '账号', parts: { consents: '同意记录', signIns: '登录中的设备' } },
  { key: 'reports', title: '署名反映的问题' },
  { key: 'club', title: '读书社', parts: { posts: '读书笔记', comments: '评论', checkIns: '打卡', postLikes: '点赞的笔记', commentLikes: '点赞的评论', flags: '举报' } },
  { key: 'contentLikes', title: '点赞的故事和视频' },
  { key: 'uploads', title: '上传的照片' },
  { key: 'notifications', title: '收到的订阅消息' }
]

function count(value) {
  return Array.isArray(value) ? value.length : 0
}

/** [{ key, title, lines: [{ label, count }] }] for every section of the copy */
function summary(sections) {
  const known = SECTIONS.map(section => section.key)
  const others = Object.keys(sections || {}).filter(key => known.indexOf(key) < 0).map(key => ({ key, title: key }))
  return SECTIONS.concat(others).filter(section => sections && section.key in sections).map(section => {
    const value = sections[section.key]
    let lines
    if (Array.isArray(value)) {
      lines = [{ label: '条数', count: value.length }]
    } else {
      const parts = section.parts || {}
      lines = Object.keys(value || {}).filter(part => Array.isArray(value[part]))
        .map(part => ({ label: parts[part] || part, count: count(value[part]) }))
    }
    return { key: section.key, title: section.title, lines, total: lines.reduce((sum, line) => sum + line.count, 0) }
  })
}

Component({
  options: { addGlobalClass: true },
  data: {
    state: 'loading',
    errorText: '',
    generated: '',
    notice: '',
    phone: '',
    sections: []
  },
  methods: {
    onLoad() {
      return this.load()
    },
    async load() {
      this.setData({ state: 'loading' })
      try {
        const copy = await api.call('myData', { silent: true })
        this.copy = copy
        const account = (copy.sections && copy.sections.account) || {}
        this.setData({
          state: 'ready',
          generated: view.dateTime(copy.generatedAt),
          notice: copy.notice || '',
          phone: (account.profile && account.profile.phone) || '',
          sections: summary(copy.sections)
        })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    copyAll() {
      if (!this.copy) {
        return
      }
      wx.setClipboardData({
        data: JSON.stringify(this.copy, null, 2),
        // WeChat itself says 内容已复制; this says what to do with it
        success: () => wx.showModal({
          title: '已复制全部数据',
          content: '可以粘贴到文件传输助手、备忘录或邮件中保存。其中的照片链接一小时后失效。',
          showCancel: false
        })
      })
    }
  }
})

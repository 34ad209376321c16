// Naming the people a 清风城管 report is about: the citizen searches the bureau's staff directory by name or unit
// (names and units only) and picks up to five. The form sends their ids as namedStaff; a name typed as free text
// could not be matched to anyone, so only directory entries can be picked.
const api = require('../../utils/api')
const view = require('../../utils/view')

Component({
  options: { addGlobalClass: true },
  properties: {
    max: { type: Number, value: 5 },
    error: { type: String, value: '' } // what the backend said about namedStaff
  },
  data: {
    query: '',
    state: 'idle', // idle, loading, ready, empty, error
    errorText: '',
    results: [],
    selected: [],
    hint: ''
  },
  methods: {
    onQuery(event) {
      this.setData({ query: event.detail.value, hint: '' })
    },
    async search() {
      const query = this.data.query.trim()
      if (!query) {
        this.setData({ hint: '请输入姓名或单位' })
        return
      }
      this.setData({ state: 'loading', hint: '' })
      try {
        const found = await api.call('reportStaff', { query: { q: query }, silent: true })
        const chosen = new Set(this.data.selected.map(s => s.id))
        const results = found.map(s => Object.assign({}, s, { chosen: chosen.has(s.id) }))
        this.setData({ results, state: results.length ? 'ready' : 'empty' })
      } catch (e) {
        this.setData({ state: 'error', errorText: view.errorText(e) })
      }
    },
    pick(event) {
      const id = Number(event.currentTarget.dataset.id)
      const person = this.data.results.find(s => s.id === id)
      if (!person || this.data.selected.some(s => s.id === id)) {
        return
      }
      if (this.data.selected.length >= this.data.max) {
        this.setData({ hint: `最多选择 ${this.data.max} 人` })
        return
      }
      this.update(this.data.selected.concat([{ id: person.id, displayName: person.displayName, unit: person.unit }]))
    },
    remove(event) {
      const id = Number(event.currentTarget.dataset.id)
      this.update(this.data.selected.filter(s => s.id !== id))
    },
    update(selected) {
      const chosen = new Set(selected.map(s => s.id))
      this.setData({
        selected,
        hint: '',
        results: this.data.results.map(s => Object.assign({}, s, { chosen: chosen.has(s.id) }))
      })
      this.triggerEvent('change', { ids: selected.map(s => s.id) })
    }
  }
})

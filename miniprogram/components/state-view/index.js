// Loading, empty and error states of a page or section, the same everywhere; "重试" asks the page to load again.
Component({
  properties: {
    state: { type: String, value: 'loading' },
    emptyText: { type: String, value: '暂无内容' },
    errorText: { type: String, value: '加载失败' }
  },
  methods: {
    retry() {
      this.triggerEvent('retry')
    }
  }
})

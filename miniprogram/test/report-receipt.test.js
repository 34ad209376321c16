const path = require('path')
const simulate = require('miniprogram-simulate')

const receipt = simulate.load(path.join(__dirname, '../components/report-receipt/index'))

function render() {
  const comp = simulate.render(receipt, {
    number: 'SP-20261126-271670',
    queryCode: '3641-2199-2880-5457-8801',
    acceptDue: '2026-12-03'
  })
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

beforeEach(() => {
  global.wx.setClipboardData = jest.fn(options => options.success && options.success())
  global.wx.showToast = jest.fn()
})

test('shows the number, the query code and the deadline', () => {
  const comp = render()
  expect(comp.querySelector('.number').dom.textContent).toBe('SP-20261126-271670')
  expect(comp.querySelector('.code').dom.textContent).toBe('3641-2199-2880-5457-8801')
  expect(comp.querySelector('.due').dom.textContent).toBe('2026-12-03前')
  expect(comp.querySelector('.warning').dom.textContent).toContain('只显示这一次')
})

test('the citizen cannot finish before confirming the code is saved', async () => {
  const comp = render()
  const finished = jest.fn()
  comp.addEventListener('done', finished)

  expect(comp.querySelector('.done').toJSON().attrs).toEqual(expect.arrayContaining([{ name: 'disabled', value: true }]))
  comp.querySelector('.done').dispatchEvent('tap')
  await simulate.sleep(10)
  expect(finished).not.toHaveBeenCalled()
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先保存查询码' }))

  comp.querySelector('.saved').dispatchEvent('change', { detail: { value: ['saved'] } })
  await simulate.sleep(10)
  expect(comp.querySelector('.done').toJSON().attrs).toEqual(expect.arrayContaining([{ name: 'disabled', value: false }]))
  comp.querySelector('.done').dispatchEvent('tap')
  await simulate.sleep(10)
  expect(finished).toHaveBeenCalledTimes(1)
  expect(finished.mock.calls[0][0].detail).toEqual({ number: 'SP-20261126-271670' })
})

test('copies the number and the code to the clipboard', async () => {
  const comp = render()
  comp.querySelector('.copy').dispatchEvent('tap')
  await simulate.sleep(10)
  expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({
    data: '报告编号 SP-20261126-271670 查询码 3641-2199-2880-5457-8801'
  }))
  expect(comp.data.copied).toBe(true)
})

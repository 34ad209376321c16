// Naming staff in a 清风城管 report: the directory is searched by name or unit (never with an empty query), up to
// five people are picked from it and can be removed again, and their ids go with the report as namedStaff.
const { installWx, backend, problem, render, settle, text, signedIn } = require('./support')
const consent = require('../utils/consent')

const CATEGORIES = [{ code: 'conduct', channel: 'SUPERVISION', name: '工作作风' }]
const RECEIPT = { number: 'QF-20261125-000001', queryCode: '3641-2199-2880-5457-8801', channel: 'SUPERVISION', status: 'SUBMITTED', statusLabel: '待受理' }
const STAFF = n => ({ id: n, displayName: `队员${n}`, unit: '执法大队' })

beforeEach(() => {
  installWx()
  consent.forget()
  signedIn()
})

async function openSupervision(routes) {
  const requests = backend(Object.assign({
    'GET /api/reports/categories': CATEGORIES,
    'POST /api/reports': { statusCode: 201, data: RECEIPT }
  }, routes))
  const page = render('pages/report/form')
  await page.instance.onLoad({ channel: 'supervision' })
  await settle()
  return { requests, page, picker: () => page.querySelector('#staff') }
}

async function find(picker, query) {
  picker.querySelector('.query').dispatchEvent('input', { detail: { value: query } })
  await settle()
  picker.querySelector('.find').dispatchEvent('tap')
  await settle()
}

test('an empty search asks for a name first and sends nothing', async () => {
  const { requests, picker } = await openSupervision({})
  await find(picker(), '  ')
  expect(text(picker())).toContain('请输入姓名或单位')
  expect(requests.some(r => r.path === '/api/reports/staff')).toBe(false)
})

test('search, pick two, remove one: the report names the one left', async () => {
  const { requests, page, picker } = await openSupervision({ 'GET /api/reports/staff': [STAFF(11), STAFF(12)] })
  await find(picker(), '队员')
  const search = requests.find(r => r.path === '/api/reports/staff')
  expect(search.query).toEqual({ q: '队员' })
  expect(search.header.Authorization).toBe('Bearer access-1')
  expect(text(picker()).replace(/\s+/g, '')).toContain('队员11执法大队')
  picker().querySelectorAll('.result')[0].dispatchEvent('tap')
  picker().querySelectorAll('.result')[1].dispatchEvent('tap')
  picker().querySelectorAll('.result')[1].dispatchEvent('tap') // twice is still once
  await settle()
  expect(picker().querySelectorAll('.person')).toHaveLength(2)
  expect(text(picker())).toContain('已选')
  picker().querySelectorAll('.person')[0].dispatchEvent('tap')
  await settle()
  expect(picker().querySelectorAll('.person')).toHaveLength(1)

  page.instance.setData({ categoryIndex: 0, description: '某执法人员态度恶劣' })
  await page.instance.submit()
  await settle()
  expect(requests.find(r => r.path === '/api/reports').body.namedStaff).toEqual([12])
})

test('no more than five can be picked', async () => {
  const { picker } = await openSupervision({ 'GET /api/reports/staff': [1, 2, 3, 4, 5, 6].map(STAFF) })
  await find(picker(), '执法大队')
  for (let i = 0; i < 6; i++) {
    picker().querySelectorAll('.result')[i].dispatchEvent('tap')
    await settle()
  }
  expect(picker().querySelectorAll('.person')).toHaveLength(5)
  expect(text(picker())).toContain('最多选择 5 人')
})

test('searching shows loading, nothing found, and an error', async () => {
  const { picker } = await openSupervision({ 'GET /api/reports/staff': { pending: true } })
  await find(picker(), '张')
  expect(text(picker())).toContain('查找中')
  backend({ 'GET /api/reports/staff': [] })
  await find(picker(), '张三')
  expect(text(picker())).toContain('没有找到')
  backend({ 'GET /api/reports/staff': { networkError: true } })
  await find(picker(), '张三')
  expect(text(picker())).toContain('网络连接失败')
})

test('a report naming nobody sends no namedStaff; a refusal of namedStaff is shown at the picker', async () => {
  const { requests, page, picker } = await openSupervision({
    'POST /api/reports': problem(400, 'Bad Request', 'namedStaff names someone who is not on the staff list',
      [{ field: 'namedStaff', message: 'names someone who is not on the staff list' }])
  })
  page.instance.setData({ categoryIndex: 0, description: '某执法人员态度恶劣' })
  await page.instance.submit()
  await settle()
  expect(requests.find(r => r.path === '/api/reports').body).not.toHaveProperty('namedStaff')
  expect(text(picker())).toContain('names someone who is not on the staff list')
})

test('a street report has no staff picker', async () => {
  backend({ 'GET /api/reports/categories': [{ code: 'litter', channel: 'STREET', name: '垃圾乱扔' }], 'GET /api/reports/districts': ['亭湖区'] })
  const page = render('pages/report/form')
  await page.instance.onLoad({ channel: 'street' })
  await settle()
  expect(text(page)).toContain('问题位置')
  expect(page.querySelector('#staff')).toBeUndefined()
})

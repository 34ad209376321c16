// The contract between the mini-program and the backend: every endpoint the API client can call exists, with that
// method, in the OpenAPI document the backend build writes (quarkus.smallrye-openapi.store-schema-directory).
// `./mvnw verify` writes it before the jest run (the @QuarkusTest build in the same test phase) and sets
// YOUGUANG_OPENAPI_REQUIRED, so there a missing document fails; a standalone `npm test` skips this file with a message.
const fs = require('fs')
const path = require('path')
const endpoints = require('../utils/endpoints')

const DOCUMENT = process.env.YOUGUANG_OPENAPI || path.join(__dirname, '..', '..', 'target', 'openapi', 'openapi.json')
const present = fs.existsSync(DOCUMENT)

if (!present) {
  if (process.env.YOUGUANG_OPENAPI_REQUIRED) {
    throw new Error(`The backend's OpenAPI document is missing at ${DOCUMENT}: the Quarkus build should have written it`)
  }
  // eslint-disable-next-line no-console
  console.warn(`Contract test skipped: no OpenAPI document at ${DOCUMENT}. Run ./mvnw verify (or any @QuarkusTest) at the top first.`)
}

const template = p => p.replace(/\{[^}]*\}/g, '{}')

function operations() {
  const document = JSON.parse(fs.readFileSync(DOCUMENT, 'utf8'))
  const found = new Set()
  Object.keys(document.paths).forEach(p => Object.keys(document.paths[p]).forEach(method => {
    found.add(`${method.toUpperCase()} ${template(p)}`)
  }))
  return found
}

function sourcesOf(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return sourcesOf(full)
    }
    return entry.name.endsWith('.js') ? [full] : []
  })
}

const describeWithDocument = present ? describe : describe.skip

describeWithDocument('the backend answers every endpoint the API client calls', () => {
  const inDocument = present ? operations() : new Set()

  Object.keys(endpoints).filter(name => !endpoints[name].devOnly).forEach(name => {
    const { method, path: p } = endpoints[name]
    test(`${name}: ${method} ${p}`, () => {
      expect(inDocument.has(`${method} ${template(p)}`)).toBe(true)
    })
  })

  test('development-only endpoints are absent from the built document, as they are from production', () => {
    Object.keys(endpoints).filter(name => endpoints[name].devOnly).forEach(name => {
      const { method, path: p } = endpoints[name]
      expect(inDocument.has(`${method} ${template(p)}`)).toBe(false)
    })
  })
})

test('the privacy endpoints are in the table: the guide is public, a person\'s consents, copy and deletion need sign-in', () => {
  const privacy = {
    privacyGuide: ['GET', '/api/privacy', undefined],
    myConsents: ['GET', '/api/me/consents', 'required'],
    myData: ['GET', '/api/me/data', 'required'],
    deletionStatus: ['GET', '/api/me/deletion', 'required'],
    requestDeletion: ['POST', '/api/me/deletion', 'required'],
    cancelDeletion: ['DELETE', '/api/me/deletion', 'required']
  }
  Object.keys(privacy).forEach(name => {
    const { method, path: p, auth } = endpoints[name] || {}
    expect([name, method, p, auth]).toEqual([name].concat(privacy[name]))
  })
})

test('the engagement endpoints are in the table: counts take a sign-in when there is one, views are public, likes need sign-in', () => {
  const engagement = {
    engagement: ['GET', '/api/engagement/{kind}/{id}', 'optional'],
    countView: ['POST', '/api/engagement/{kind}/{id}/views', undefined],
    like: ['POST', '/api/engagement/{kind}/{id}/like', 'required'],
    unlike: ['DELETE', '/api/engagement/{kind}/{id}/like', 'required']
  }
  Object.keys(engagement).forEach(name => {
    const { method, path: p, auth } = endpoints[name] || {}
    expect([name, method, p, auth]).toEqual([name].concat(engagement[name]))
  })
})

test('pages and components call the backend only through endpoint names in the table', () => {
  const root = path.join(__dirname, '..')
  const files = ['pages', 'components', 'utils'].flatMap(dir => sourcesOf(path.join(root, dir)))
  const used = new Set()
  files.forEach(file => {
    const source = fs.readFileSync(file, 'utf8')
    for (const match of source.matchAll(/\b(?:call|url)\('([A-Za-z]+)'/g)) {
      used.add(match[1])
    }
    // nothing talks to the network behind the client's back
    if (!file.endsWith(path.join('utils', 'api.js'))) {
      expect(`${path.relative(root, file)}: ${/wx\.(request|uploadFile)\(/.test(source)}`).toBe(`${path.relative(root, file)}: false`)
    }
  })
  expect(used.size).toBeGreaterThan(10)
  used.forEach(name => expect(Object.keys(endpoints)).toContain(name))
})

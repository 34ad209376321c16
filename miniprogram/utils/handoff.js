// Hands a value from one page to the next in memory only: the receipt's query code must not travel in a page URL,
// where it would stay in the page stack and in shared links.
const held = {}

function put(name, value) {
  held[name] = value
}

/** The value, once: a second take (a page reopened later) gets nothing. */
function take(name) {
  const value = held[name]
  delete held[name]
  return value
}

module.exports = { put, take }

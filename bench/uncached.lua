-- Every request asks for a different address (an extra, ignored query parameter), so the read cache, which keys a
-- reply by its address, never holds it: each request runs the resource, its SQL and the serialization, as the
-- first read after a change does. The report line is p95.lua's.
local counter = 0
local id = 0
function setup(thread) id = id + 1; thread:set("tid", id) end
function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "&miss=" .. tid .. "-" .. counter)
end
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end

-- GET /api/v1/me as the seeded customers with a session, each request the next one.
package.path = (os.getenv("TESSERA_BENCH_WRK") or "bench/wrk") .. "/?.lua;" .. package.path
local tokens = require("tokens")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("first", threads * 7919)
end

function init(args)
  customers = tokens.read("customers.txt")
  next_customer = first or 0
end

function request()
  next_customer = next_customer + 1
  local token = customers[(next_customer % #customers) + 1]
  return wrk.format("GET", "/api/v1/me", { ["Cookie"] = tokens.cookie(token) })
end

-- GET /api/v1/tickets/{id} as the seeded customers with a session, each one its newest ticket
-- (customer_tickets.txt: "token id" per line), each request the next customer.
package.path = (os.getenv("TESSERA_BENCH_WRK") or "bench/wrk") .. "/?.lua;" .. package.path
local tokens = require("tokens")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("first", threads * 7919)
end

function init(args)
  pairs_ = {}
  for _, line in ipairs(tokens.read("customer_tickets.txt")) do
    local token, id = string.match(line, "^(%x+) (%d+)$")
    pairs_[#pairs_ + 1] = { token = token, id = id }
  end
  next_customer = first or 0
end

function request()
  next_customer = next_customer + 1
  local pair = pairs_[(next_customer % #pairs_) + 1]
  return wrk.format("GET", "/api/v1/tickets/" .. pair.id, { ["Cookie"] = tokens.cookie(pair.token) })
end

-- POST /api/v1/tickets: each request a unique Idempotency-Key, the CSRF header, the cookie of
-- the next seeded customer whose subscription or minute bank funds new tickets. The ids of the
-- tickets answered 201 go to TESSERA_BENCH_ACKED.<thread> (flushed one by one: the server is
-- killed with -9 afterwards and every acknowledged ticket must be stored); done() prints the count.
package.path = (os.getenv("TESSERA_BENCH_WRK") or "bench/wrk") .. "/?.lua;" .. package.path
local tokens = require("tokens")
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  creators = tokens.read("creators.txt")
  run = os.getenv("TESSERA_BENCH_RUN") or tostring(os.time())
  acked_file = io.open((os.getenv("TESSERA_BENCH_ACKED") or "build/bench/acked") .. "." .. thread_id, "w")
  sent = 0
  created = 0
  body = '{"subject":"Bench: the printer jams","description":"Every second page is stuck.",' ..
         '"category":"hardware","criticality":"normal","language":"en"}'
end

function request()
  sent = sent + 1
  local token = creators[((sent + thread_id * 7919) % #creators) + 1]
  return wrk.format("POST", "/api/v1/tickets", {
    ["Cookie"] = tokens.cookie(token),
    ["Content-Type"] = "application/json",
    ["X-Tessera-Request"] = "1",
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, thread_id, sent),
  }, body)
end

function response(status, headers, response_body)
  if status == 201 then
    created = created + 1
    -- The answer's keys are sorted (cost, description, ticket, ...): the first "id" is the ticket's.
    local id = string.match(response_body, '"id":(%d+)')
    acked_file:write((id or "?") .. "\n")
    acked_file:flush()
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("created") end
  io.write(string.format("created_201 %d\n", total))
end

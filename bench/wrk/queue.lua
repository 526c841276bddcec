-- GET /api/v1/queue as the seeded operator (speaks French and English).
package.path = (os.getenv("TESSERA_BENCH_WRK") or "bench/wrk") .. "/?.lua;" .. package.path
local tokens = require("tokens")

wrk.method = "GET"
wrk.path = "/api/v1/queue"
wrk.headers["Cookie"] = tokens.cookie(tokens.read("operator.txt")[1])

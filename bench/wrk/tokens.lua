-- Shared by the wrk scripts: reads the session tokens seed_db wrote (one per line) from the
-- folder named by TESSERA_BENCH_TOKENS, and spreads a thread's requests over them.
local tokens = {}

function tokens.read(name)
  local folder = os.getenv("TESSERA_BENCH_TOKENS") or "build/bench/tokens"
  local list = {}
  for line in io.lines(folder .. "/" .. name) do
    if #line > 0 then list[#list + 1] = line end
  end
  assert(#list > 0, "no tokens in " .. folder .. "/" .. name)
  return list
end

function tokens.cookie(token)
  return "tessera_session=" .. token
end

return tokens

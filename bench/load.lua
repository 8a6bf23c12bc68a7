-- wrk script of the load test: every request is a GET by one of the logged-in learners, who go
-- through the steps of a module in turn (or, for the baseline, ask for the home page).
-- Arguments after "--": the file with one "cookie<TAB>path" per line.
local lines = {}
local position = 0
local threads = {}
not_ok = 0
-- Non-200 responses by status code, as "code=count,code=count" (a string crosses threads).
codes = ""
local counted = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  for line in io.lines(args[1]) do
    local cookie, path = line:match("^(.-)\t(.*)$")
    table.insert(lines, { cookie = cookie, path = path })
  end
  position = math.random(#lines)
end

request = function()
  position = position % #lines + 1
  local entry = lines[position]
  return wrk.format("GET", entry.path, { ["Cookie"] = entry.cookie })
end

response = function(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
    counted[status] = (counted[status] or 0) + 1
    local parts = {}
    for code, count in pairs(counted) do
      table.insert(parts, code .. "=" .. count)
    end
    codes = table.concat(parts, ",")
  end
end

done = function(summary, latency, requests)
  local failed = 0
  local by_code = {}
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("not_ok")
    for code, count in string.gmatch(thread:get("codes"), "(%d+)=(%d+)") do
      by_code[code] = (by_code[code] or 0) + tonumber(count)
    end
  end
  local parts = {}
  for code, count in pairs(by_code) do
    table.insert(parts, string.format('"%s": %d', code, count))
  end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "not_ok": %d, "connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
      .. '"codes": {%s}}\n',
    summary.requests, summary.duration, failed, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    table.concat(parts, ", ")))
end

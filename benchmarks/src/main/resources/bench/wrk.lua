-- Request shape from BENCH_* environment variables; one JSON line with the latency summary at the end.
local method = os.getenv("BENCH_METHOD") or "GET"
local body_file = os.getenv("BENCH_BODY_FILE")
local content_type = os.getenv("BENCH_CONTENT_TYPE")
local accept = os.getenv("BENCH_ACCEPT")
local register_prefix = os.getenv("BENCH_REGISTER_PREFIX")

wrk.method = method
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
end
if content_type and content_type ~= "" then wrk.headers["Content-Type"] = content_type end
if accept and accept ~= "" then wrk.headers["Accept"] = accept end

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
end

-- Registering new schemas: every request a new subject and a new record name, so none is a lookup.
if register_prefix and register_prefix ~= "" then
  local n = 0
  request = function()
    n = n + 1
    local name = register_prefix .. "_" .. tostring(tid) .. "_" .. n
    local body = '{"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"' .. name ..
      '\\",\\"fields\\":[{\\"name\\":\\"id\\",\\"type\\":\\"long\\"},{\\"name\\":\\"label\\",\\"type\\":\\"string\\"}]}"}'
    return wrk.format("POST", "/subjects/" .. name .. "/versions", nil, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"socket_errors":%d,"status_errors":%d,' ..
    '"mean_us":%.1f,"p50_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency.mean, latency:percentile(50), latency:percentile(99), latency.max))
end

-- wrk script for the sign POST (bench/scenarios.py runs it with `wrk -t1`).
--
-- Every request carries a unique e-mail, a unique X-Forwarded-For in a /24 of its own (the
-- per-network rate limits then see one signer per network, as in real life), a fresh form stamp
-- made by awaz.public.forms.form_stamp() (one line of BENCH_STAMPS each; they are older than
-- AWAZ_MIN_FILL_SECONDS when used) and the CSRF cookie and token taken from one GET.
--
-- Exact accounting: no request is sent after BENCH_DEADLINE (CLOCK_MONOTONIC seconds, the
-- clock of Python's time.monotonic); wrk runs a little longer, so every request it sent is
-- answered before it stops, and `done` prints how many were sent and how they were answered.
local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } awaz_timespec;
int clock_gettime(int clock, awaz_timespec *now);
]])
local timespec = ffi.new("awaz_timespec")
local function now()
  ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
  return tonumber(timespec.tv_sec) + tonumber(timespec.tv_nsec) * 1e-9
end

local stamps = {}
local path, cookie, token, email_prefix, xff_base, deadline
-- Globals: `done` reads them from the thread with thread:get().
sent, ok, other, first, verified = 0, 0, 0, 0, false

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  path = os.getenv("BENCH_SIGN_PATH")
  cookie = os.getenv("BENCH_CSRF_COOKIE")
  token = os.getenv("BENCH_CSRF_TOKEN")
  email_prefix = os.getenv("BENCH_EMAIL_PREFIX")
  xff_base = tonumber(os.getenv("BENCH_XFF_BASE"))
  deadline = tonumber(os.getenv("BENCH_DEADLINE"))
  for line in io.lines(os.getenv("BENCH_STAMPS")) do
    stamps[#stamps + 1] = line
  end
end

function delay()
  if now() >= deadline then
    return 3600000 -- no more requests: let the ones in flight finish
  end
  return 0
end

local function address(n)
  local network = xff_base + n
  return string.format("%d.%d.%d.7", 11 + math.floor(network / 65536) % 240,
    math.floor(network / 256) % 256, network % 256)
end

function request()
  if not verified then
    -- wrk calls request() once before the run to check the script; that one is never sent.
    verified = true
    return wrk.format("POST", path)
  end
  if sent == 0 then
    first = now()
  end
  sent = sent + 1
  local stamp = stamps[sent] or "exhausted"
  local body = "csrfmiddlewaretoken=" .. token .. "&name=Ann+Lee&email=" .. email_prefix .. sent
    .. "%40example.org&country=DE&comment=&website=&stamp=" .. stamp
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. cookie,
    ["X-Forwarded-For"] = address(sent),
  }, body)
end

function response(status, headers, body)
  if status == 303 then
    ok = ok + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = { sent = 0, ok = 0, other = 0, first = 0 }
  for _, thread in ipairs(threads) do
    totals.sent = totals.sent + thread:get("sent")
    totals.ok = totals.ok + thread:get("ok")
    totals.other = totals.other + thread:get("other")
    totals.first = thread:get("first")
  end
  io.write(string.format(
    'BENCH {"sent": %d, "ok": %d, "other": %d, "first": %.6f, "deadline": %s}\n',
    totals.sent, totals.ok, totals.other, totals.first, os.getenv("BENCH_DEADLINE")))
end

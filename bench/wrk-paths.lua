-- The wrk script of bench/wrk.ts: asks the paths of a file (one a line; args[1]) in turn, and prints
-- the run's figures as one JSON line when done (latencies in ms, the generator's CPU in seconds).
local paths = {}
local count = 0
local at = 0

function init(args)
  for line in io.lines(args[1]) do
    count = count + 1
    paths[count] = line
  end
end

function request()
  at = at % count + 1
  return wrk.format(nil, paths[at])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%.3f,"p99":%.3f,"max":%.3f,"cpuSeconds":%.3f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, os.clock()))
end

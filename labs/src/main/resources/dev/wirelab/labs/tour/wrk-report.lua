-- wirelab: wrk's own figures as one JSON line, so the tour reads numbers, not wrk's prose.
-- wrk calls done() once, after the run; latencies are in microseconds. errors.status is wrk's
-- count of responses whose status was 400 or higher (its "Non-2xx or 3xx responses" line).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WIRELAB-JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,'
      .. '"write_errors":%d,"timeouts":%d,"bad_status":%d,"p50_us":%.1f,"p90_us":%.1f,"p99_us":%.1f,"max_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end

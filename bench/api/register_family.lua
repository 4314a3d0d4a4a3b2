-- wrk script: POST one family of four to /api/registrations per request.
-- ESCUDO_COOKIE and ESCUDO_CSRF come from the environment (bench/api/run signs in first).
local cookie = os.getenv("ESCUDO_COOKIE")
local csrf = os.getenv("ESCUDO_CSRF")

wrk.method = "POST"
wrk.path = "/api/registrations"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = cookie
wrk.headers["X-CSRF-Token"] = csrf
wrk.body = [[{"station":"lajas-blancas","registered_on":"2024-03-01","departure_point":"Necoclí",
"days_in_jungle":5,"paid_usd":"350.00","paid_to":"guide","people":[
{"given_names":"Yolanda María","family_names":"Rivas Pérez","sex":"female","birth_date":"1988-07-01","nationality":"VEN","document_type":"passport","document_country":"VEN","document_number":"123456789","phone":"+584141234567","relationship":"head"},
{"given_names":"José","family_names":"Rivas Pérez","sex":"male","birth_date":"1986-01-20","nationality":"VEN","document_type":"national_id","document_country":"VEN","document_number":"V-18765432","relationship":"spouse"},
{"given_names":"Mateo","family_names":"Rivas Rivas","sex":"male","birth_date":"2019-02-10","nationality":"VEN","relationship":"child"},
{"given_names":"Lucía","family_names":"Rivas Rivas","sex":"female","estimated_age":3,"nationality":"VEN","relationship":"child"}]}]]

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("latency_p50_ms %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("latency_p99_ms %.3f\n", latency:percentile(99) / 1000))
end

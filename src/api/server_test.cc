// The real server on 127.0.0.1, port 0, over a real SQLite file, spoken to over TCP.
#include "api/server_test_support.h"

namespace escudo::api {
namespace {

using namespace escudo::api::testing;

TEST_F(ServerTest, HealthHasSecurityHeaders) {
  Client c(port_);
  Reply r = c.send("GET", "/api/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find(R"("status":"ok")"), std::string::npos);
  std::string csp = r.header("content-security-policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("http"), std::string::npos);  // no third-party origin
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_EQ(r.header("server"), "");
}

TEST_F(ServerTest, LoginSetsHardenedCookieAndMeNeedsIt) {
  Client c(port_);
  EXPECT_EQ(c.send("GET", "/api/me").status, 401);
  Reply r = c.send("POST", "/api/session", R"({"username":"ana","password":"analyst password"})",
                   {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  std::string cookie = r.header("set-cookie");
  EXPECT_NE(cookie.find("escudo_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  Session s{cookie.substr(0, cookie.find(';')), ""};
  Reply me = c.send("GET", "/api/me", "", {{"Cookie", s.cookie}});
  EXPECT_EQ(me.status, 200);
  EXPECT_NE(me.body.find(R"("permissions":["transits.read","tips.extracts","intel.read","intel.identity","intel.write","cases.read","cases.manage","cases.figures","watchlists.manage","screening.figures","incidents.read"])"),
            std::string::npos) << me.body;
  EXPECT_EQ(c.send("GET", "/api/me", "", {{"Cookie", "escudo_session=forged"}}).status, 401);
}

TEST_F(ServerTest, StateChangesNeedTheCsrfToken) {
  Client c(port_);
  Session s = login(c, "ana", "analyst password");
  Reply no_token = c.send("PUT", "/api/me/language", R"({"language":"en"})",
                          {{"Cookie", s.cookie}, {"Content-Type", "application/json"}});
  EXPECT_EQ(no_token.status, 403);
  EXPECT_NE(no_token.body.find(R"("reason":"csrf")"), std::string::npos);
  Reply wrong = c.send("PUT", "/api/me/language", R"({"language":"en"})",
                       {{"Cookie", s.cookie}, {"Content-Type", "application/json"},
                        {"X-CSRF-Token", "nope"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM users WHERE language = 'en'"), 0);
  Reply ok = c.send("PUT", "/api/me/language", R"({"language":"en"})",
                    {{"Cookie", s.cookie}, {"Content-Type", "application/json"},
                     {"X-CSRF-Token", s.csrf}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM users WHERE language = 'en'"), 1);
  EXPECT_EQ(c.send("DELETE", "/api/session", "", {{"Cookie", s.cookie}}).status, 403);
  EXPECT_EQ(c.send("DELETE", "/api/session", "", {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}})
                .status,
            204);
  EXPECT_EQ(c.send("GET", "/api/me", "", {{"Cookie", s.cookie}}).status, 401);
}

TEST_F(ServerTest, BadBodiesAreRefusedAndChangeNothing) {
  Client c(port_);
  std::int64_t audit_before = scalar("SELECT COUNT(*) FROM audit_log");
  Reply bad_json = c.send("POST", "/api/session", R"({"username":"ana",)",
                          {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad_json.status, 400);
  EXPECT_NE(bad_json.body.find("not valid JSON"), std::string::npos);
  Reply wrong_type = c.send("POST", "/api/session", R"({"username":"ana","password":"x"})",
                            {{"Content-Type", "text/plain"}});
  EXPECT_EQ(wrong_type.status, 415);
  Reply missing = c.send("POST", "/api/session", R"({"username":"ana"})",
                         {{"Content-Type", "application/json"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("password"), std::string::npos);
  Reply injection = c.send("POST", "/api/session",
                           R"({"username":"ana' OR '1'='1","password":"' OR 1=1; DROP TABLE users; --"})",
                           {{"Content-Type", "application/json"}});
  EXPECT_EQ(injection.status, 401);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM users"), 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM sessions"), 0);
  // Only the failed login was recorded.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), audit_before + 1);
}

TEST_F(ServerTest, OversizedBodyAndHeadersAreRefused) {
  {
    Client c(port_);
    std::string big(20000, 'x');
    Reply r = c.send("POST", "/api/session", big, {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 413);
  }
  {
    Client c(port_);
    Reply r = c.send("GET", "/api/health", "", {{"X-Filler", std::string(20000, 'y')}});
    EXPECT_EQ(r.status, 431);
  }
  {
    Client c(port_);
    Reply r = c.send_raw("THIS IS NOT HTTP\r\n\r\n");
    EXPECT_EQ(r.status, 400);
  }
  EXPECT_EQ(Client(port_).send("GET", "/api/health").status, 200);  // still serving
}

TEST_F(ServerTest, StaticFilesNeverLeaveTheWebRoot) {
  Client c(port_);
  Reply index = c.send("GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  Reply head = c.send("HEAD", "/");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(index.body.size()));
  EXPECT_TRUE(head.body.empty());
  Reply asset = c.send("GET", "/assets/app-1234.js");  // same connection: HEAD left it in step
  EXPECT_EQ(asset.status, 200);
  EXPECT_NE(asset.header("cache-control").find("immutable"), std::string::npos);
  for (const char* evil : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                           "/assets/%2e%2e/%2e%2e/secret.txt", "/link.txt", "/assets",
                           "/assets/", "/..%2fsecret.txt", "/.hidden", "/%00"}) {
    Reply r = Client(port_).send("GET", evil);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << evil << " -> " << r.status;
    EXPECT_EQ(r.body.find("TOP SECRET"), std::string::npos) << evil;
  }
  EXPECT_EQ(c.send("POST", "/index.html", "x").status, 405);
}

TEST_F(ServerTest, UnknownRoutesAndMethods) {
  Client c(port_);
  Reply unknown = c.send("GET", "/api/nothing-here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find(R"("code":"not_found")"), std::string::npos);
  EXPECT_EQ(c.send("PATCH", "/api/health").status, 405);
}

TEST_F(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  Client c(port_);
  for (int i = 0; i < 20; ++i) ASSERT_EQ(c.send("GET", "/api/health").status, 200);
}

TEST_F(ServerTest, IdleConnectionsAreClosed) {
  Client c(port_);
  ASSERT_EQ(c.send("GET", "/api/health").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  Reply after = c.send("GET", "/api/health");
  EXPECT_TRUE(after.closed);
}

TEST_F(ServerTest, TransitsThroughTheApi) {
  auto imported = services_->transits().import_table(
      service::Actor::command_line(),
      open_file_stream(escudo::testing::source_dir() + "/data/official/darien_transits_by_nationality.csv")
          .value());
  ASSERT_TRUE(imported && imported->stored);
  Client c(port_);
  EXPECT_EQ(c.send("GET", "/api/transits/yearly").status, 401);
  Session s = login(c, "ana", "analyst password");
  Reply years = c.send("GET", "/api/transits/yearly", "", {{"Cookie", s.cookie}});
  ASSERT_EQ(years.status, 200);
  EXPECT_NE(years.body.find(R"({"year":2022,"total":248284,)"), std::string::npos);
  EXPECT_NE(years.body.find(R"({"year":2023,"total":520085,)"), std::string::npos);
  EXPECT_NE(years.body.find(R"({"year":2024,"total":302203,)"), std::string::npos);
  Reply monthly = c.send("GET", "/api/transits/monthly?from=2023-01&to=2023-02&nationality=VEN",
                         "", {{"Cookie", s.cookie}});
  ASSERT_EQ(monthly.status, 200);
  EXPECT_NE(monthly.body.find(R"("from":"2023-01","to":"2023-02")"), std::string::npos);
  EXPECT_EQ(monthly.body.find("\"HTI\""), std::string::npos);
  Reply bad = c.send("GET", "/api/transits/monthly?from=2023-13", "", {{"Cookie", s.cookie}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("from"), std::string::npos);
}

TEST_F(ServerTest, StatisticsThroughTheApi) {
  for (const char* name : {"darien_transits_by_nationality.csv", "darien_transits_by_sex_age.csv"}) {
    auto stream = open_file_stream(escudo::testing::source_dir() + "/data/official/" + name).value();
    ASSERT_TRUE(services_->transits().import_table(service::Actor::command_line(), std::move(stream))
                    ->stored);
  }
  Client c(port_);
  EXPECT_EQ(c.send("GET", "/api/stats?by=year").status, 401);
  Session s = login(c, "ana", "analyst password");
  auto get = [&](const std::string& target) { return c.send("GET", target, "", {{"Cookie", s.cookie}}); };
  Reply years = get("/api/stats?by=year");
  ASSERT_EQ(years.status, 200) << years.body;
  EXPECT_NE(years.body.find(R"({"year":"2023","count":520085,)"), std::string::npos);
  Reply children = get("/api/stats?by=year,age_group&from=2023-01&to=2023-12");
  EXPECT_NE(children.body.find(R"({"year":"2023","age_group":"child","count":113180,)"),
            std::string::npos) << children.body;
  Reply csv = get("/api/stats?by=nationality&from=2023-01&to=2023-12&format=csv");
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("VEN,328650,"), std::string::npos);
  Reply compare = get("/api/stats/compare?from=2023-01&to=2023-06");
  EXPECT_NE(compare.body.find(R"("total":196371)"), std::string::npos);
  EXPECT_NE(compare.body.find(R"("total":49452)"), std::string::npos);
  Reply projection = get("/api/projection?year=2023&cutoff=2023-05");
  ASSERT_EQ(projection.status, 200) << projection.body;
  EXPECT_NE(projection.body.find(R"("known_to_date":166649)"), std::string::npos);
  EXPECT_NE(projection.body.find(R"("method":"year_to_date_scaled","point":399957.6)"),
            std::string::npos) << projection.body.substr(0, 600);
  EXPECT_NE(projection.body.find(R"("actual":520085)"), std::string::npos);
  EXPECT_EQ(projection.body.find("backtest_rows"), std::string::npos);
  EXPECT_NE(get("/api/projection?year=2023&cutoff=2023-05&rows=1").body.find("backtest_rows"),
            std::string::npos);
  EXPECT_EQ(get("/api/projection?year=2023&cutoff=2022-05").status, 400);
  EXPECT_EQ(get("/api/projection?year=abc&cutoff=2023-05").status, 400);
  EXPECT_EQ(get("/api/stats?by=nationality,sex").status, 400);
  EXPECT_EQ(get("/api/stats?by=colour").status, 400);
  EXPECT_EQ(get("/api/stats/compare?from=2023-01").status, 400);
}

TEST_F(ServerTest, ImportOverHttpIsAllOrNothing) {
  Client c(port_);
  Session analyst = login(c, "ana", "analyst password");
  std::string good = "month,quarter,demog,count\n2023-01,2023-Q1,boys,5\n";
  Reply denied = c.send("POST", "/api/transits/import", good,
                        {{"Cookie", analyst.cookie}, {"X-CSRF-Token", analyst.csrf},
                         {"Content-Type", "text/csv"}});
  EXPECT_EQ(denied.status, 403);

  Client c2(port_);
  Session reg = login(c2, "reg", "registrar password");
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Cookie", reg.cookie}, {"X-CSRF-Token", reg.csrf}, {"Content-Type", "text/csv"}};
  Reply bad = c2.send("POST", "/api/transits/import",
                      good + "2023-01,2023-Q1,girls,x\n2023-02,2023-Q1,kids,1\n", headers);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find(R"("line":3,"column":23,"field":"count")"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find(R"("line":4)"), std::string::npos);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM transit_demographic_counts"), 0);
  Reply ok = c2.send("POST", "/api/transits/import", good, headers);
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM transit_demographic_counts"), 1);
}

TEST_F(ServerTest, AdminNeedsSecondFactorThenManagesUsers) {
  Client c(port_);
  Reply first = c.send("POST", "/api/session", R"({"username":"boss","password":"admin password"})",
                       {{"Content-Type", "application/json"}});
  EXPECT_EQ(first.status, 401);
  EXPECT_NE(first.body.find(R"("reason":"totp_required")"), std::string::npos);
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch()).count();
  Session s = login(c, "boss", "admin password", crypto::totp_code(admin_totp_, now).value());
  auto with = [&](std::string type = "application/json") {
    return std::vector<std::pair<std::string, std::string>>{
        {"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", type}};
  };
  Reply created = c.send("POST", "/api/users",
                         R"({"username":"tips","display_name":"Tip Desk","agency":"FGN",)"
                         R"("roles":["tip_handler"],"password":"tip desk password"})",
                         with());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_NE(created.body.find("\"totp_secret\""), std::string::npos);
  Reply bad_role = c.send("POST", "/api/users",
                          R"({"username":"x1","display_name":"X","agency":"A","roles":["king"],)"
                          R"("password":"long password!"})",
                          with());
  EXPECT_EQ(bad_role.status, 400);
  Reply list = c.send("GET", "/api/users", "", with());
  EXPECT_NE(list.body.find(R"("username":"tips")"), std::string::npos);
  std::int64_t tips_id = scalar("SELECT id FROM users WHERE username = 'tips'");
  Reply disabled = c.send("PUT", "/api/users/" + std::to_string(tips_id) + "/disabled",
                          R"({"disabled":true})", with());
  EXPECT_EQ(disabled.status, 200);
  EXPECT_NE(disabled.body.find(R"("disabled":true)"), std::string::npos);
  EXPECT_EQ(c.send("PUT", "/api/users/abc/disabled", R"({"disabled":true})", with()).status, 400);
  EXPECT_EQ(c.send("PUT", "/api/users/999/disabled", R"({"disabled":true})", with()).status, 404);
  Reply verify = c.send("GET", "/api/audit/verify", "", with());
  EXPECT_NE(verify.body.find(R"("ok":true)"), std::string::npos) << verify.body;
}

TEST_F(ServerTest, RegistrationThroughTheApi) {
  Client c(port_);
  Session reg = login(c, "reg", "registrar password");
  auto with = [&](const char* type) {
    return std::vector<std::pair<std::string, std::string>>{
        {"Cookie", reg.cookie}, {"X-CSRF-Token", reg.csrf}, {"Content-Type", type}};
  };
  Reply stations = c.send("GET", "/api/stations", "", with("application/json"));
  EXPECT_NE(stations.body.find(R"("code":"lajas-blancas")"), std::string::npos);
  std::string family =
      R"({"station":"bajo-chiquito","registered_on":"2024-03-01","departure_point":"Necoclí",)"
      R"("days_in_jungle":5,"paid_usd":"350","paid_to":"guide","people":[)"
      R"({"given_names":"Yolanda","family_names":"Rivas","sex":"female","birth_date":"1988-07-01","nationality":"VEN","relationship":"head","phone":"+584141234567"},)"
      R"({"given_names":"Mateo","family_names":"Rivas","sex":"male","birth_date":"2019-02-10","nationality":"VEN","relationship":"child"}]})";
  Reply created = c.send("POST", "/api/registrations", family, with("application/json"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.body.find("Yolanda"), std::string::npos);  // identity is not echoed
  EXPECT_NE(created.body.find(R"("unaccompanied":false)"), std::string::npos);

  std::string bad = R"({"station":"bajo-chiquito","registered_on":"2024-03-01","people":[)"
                    R"({"given_names":"","sex":"female","estimated_age":9,"nationality":"ven"}]})";
  Reply refused = c.send("POST", "/api/registrations", bad, with("application/json"));
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find(R"("person":0,"field":"given_names")"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find(R"("person":0,"field":"nationality")"), std::string::npos);
  Reply unreadable = c.send("POST", "/api/registrations",
                            R"({"station":"bajo-chiquito","registered_on":"2024-03-01","paid_usd":"abc","people":[)"
                            R"({"given_names":"Ana","sex":"femme","birth_date":"2001-02-30","nationality":"VEN"}]})",
                            with("application/json"));
  EXPECT_EQ(unreadable.status, 422) << unreadable.body;
  EXPECT_NE(unreadable.body.find(R"("person":-1,"field":"paid_usd")"), std::string::npos);
  EXPECT_NE(unreadable.body.find(R"("person":0,"field":"sex")"), std::string::npos);
  EXPECT_NE(unreadable.body.find(R"("person":0,"field":"birth_date")"), std::string::npos);
  Reply wrong_type = c.send("POST", "/api/registrations",
                            R"({"station":"x","registered_on":"2024-03-01","people":[{"given_names":7}]})",
                            with("application/json"));
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_NE(wrong_type.body.find("people[0].given_names"), std::string::npos);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM persons"), 2);

  std::int64_t id = scalar("SELECT MAX(id) FROM registration_groups");
  Reply back = c.send("GET", "/api/registrations/" + std::to_string(id), "", with("application/json"));
  EXPECT_NE(back.body.find("Yolanda"), std::string::npos);
  Client c2(port_);
  Session analyst = login(c2, "ana", "analyst password");
  EXPECT_EQ(c2.send("GET", "/api/registrations/" + std::to_string(id), "", {{"Cookie", analyst.cookie}}).status, 403);
  Reply stats = c2.send("GET", "/api/stats?source=registered&by=age_group", "", {{"Cookie", analyst.cookie}});
  EXPECT_NE(stats.body.find(R"({"age_group":"child","count":1,)"), std::string::npos) << stats.body;
}

TEST_F(ServerTest, EntitiesThroughTheApi) {
  Client c(port_);
  Session reg = login(c, "reg", "registrar password");
  std::vector<std::pair<std::string, std::string>> json = {
      {"Cookie", reg.cookie}, {"X-CSRF-Token", reg.csrf}, {"Content-Type", "application/json"}};
  auto one = [](const char* given, const char* family, const char* doc, const char* day) {
    return fmt::format(
        R"({{"station":"meteti","registered_on":"{}","people":[{{"given_names":"{}","family_names":"{}",)"
        R"("sex":"male","birth_date":"1984-03-07","nationality":"COL","document_type":"passport",)"
        R"("document_country":"COL","document_number":"{}","relationship":"head"}}]}})",
        day, given, family, doc);
  };
  ASSERT_EQ(c.send("POST", "/api/registrations", one("José Luis", "Mosquera Palacios", "AB123456", "2024-03-01"), json).status, 201);
  ASSERT_EQ(c.send("POST", "/api/registrations", one("Kevin", "Joseph", "HT99", "2024-03-01"), json).status, 201);
  std::int64_t first = scalar("SELECT MIN(id) FROM persons");

  // While the registrar types the same man again, the earlier registration is named, with why.
  std::string typed =
      R"({"registered_on":"2024-09-01","person":{"given_names":"Jose Luis","family_names":"Mosquera",)"
      R"("birth_date":"1984-03-07","nationality":"COL","document_type":"passport","document_number":"AB123456"}})";
  Reply check = c.send("POST", "/api/registrations/check", typed, json);
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_NE(check.body.find("\"record_id\":\"registration:" + std::to_string(first) + "\""), std::string::npos) << check.body;
  EXPECT_NE(check.body.find(R"("field":"document")"), std::string::npos);
  EXPECT_NE(check.body.find(R"("given_names":"José Luis")"), std::string::npos);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM persons"), 2);  // nothing stored
  Reply half = c.send("POST", "/api/registrations/check", R"({"person":{"birth_date":"1984-03"}})", json);
  EXPECT_EQ(half.status, 200) << half.body;  // a half-typed date is no error here
  EXPECT_EQ(c.send("POST", "/api/registrations/check", R"({"person":7})", json).status, 400);

  Reply of = c.send("GET", "/api/entities/of?record=registration:" + std::to_string(first), "", json);
  ASSERT_EQ(of.status, 200) << of.body;
  auto pos = of.body.find("\"entity_id\":") + 12;
  std::string entity = of.body.substr(pos, of.body.find('}', pos) - pos);
  Reply view = c.send("GET", "/api/entities/" + entity, "", json);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_NE(view.body.find(R"("family_names":"Mosquera Palacios")"), std::string::npos);
  EXPECT_EQ(c.send("GET", "/api/entities/999999", "", json).status, 404);
  EXPECT_EQ(c.send("GET", "/api/entities/abc", "", json).status, 400);
  Reply queue = c.send("GET", "/api/entities/review?limit=5", "", json);
  EXPECT_EQ(queue.status, 200) << queue.body;
  Reply bad = c.send("POST", "/api/entities/review", R"({"decision":"perhaps","record_a":"registration:1","record_b":"registration:2"})", json);
  EXPECT_EQ(bad.status, 400) << bad.body;
  std::string second = "registration:" + std::to_string(first + 1);
  Reply decided = c.send("POST", "/api/entities/review",
                         R"({"decision":"different","record_a":"registration:)" + std::to_string(first) +
                             R"(","record_b":")" + second + R"(","reason":"checked documents"})",
                         json);
  EXPECT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM entity_decisions"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'entity.review'"), 1);

  Client c2(port_);
  Session analyst = login(c2, "ana", "analyst password");
  EXPECT_EQ(c2.send("GET", "/api/entities/" + entity, "", {{"Cookie", analyst.cookie}}).status, 403);
  EXPECT_EQ(c2.send("GET", "/api/entities/review", "", {{"Cookie", analyst.cookie}}).status, 403);
}

TEST_F(ServerTest, IntelligenceGraphThroughTheApi) {
  Client c(port_);
  Session ana = login(c, "ana", "analyst password");
  std::vector<std::pair<std::string, std::string>> json = {
      {"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}, {"Content-Type", "application/json"}};
  std::vector<std::pair<std::string, std::string>> csv = {
      {"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}, {"Content-Type", "text/csv"}};
  Reply bad = c.send("POST", "/api/intel/import/calls?filename=calls.csv",
                     "caller_phone,callee_phone,time,duration_s\n+573001112222,+573003334444,yesterday,5\n", csv);
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find(R"("line":2)"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find(R"("field":"time")"), std::string::npos) << bad.body;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM intel_links"), 0);
  Reply good = c.send("POST", "/api/intel/import/calls?filename=calls.csv",
                      "caller_phone,callee_phone,time,duration_s\n"
                      "+573001112222,+573003334444,2024-01-02T10:00:00Z,60\n"
                      "+573003334444,+573005556666,2024-01-03T10:00:00Z,60\n", csv);
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_NE(good.body.find(R"("links":2)"), std::string::npos) << good.body;
  EXPECT_EQ(c.send("POST", "/api/intel/import/faxes", "a\n1\n", csv).status, 400);

  Reply person = c.send("POST", "/api/intel/entities", R"({"kind":"person","label":"El Paisa"})", json);
  ASSERT_EQ(person.status, 201) << person.body;
  std::int64_t paisa = scalar("SELECT id FROM intel_entities WHERE kind = 'person'");
  std::int64_t phone = scalar("SELECT id FROM intel_entities WHERE match_key = '+573003334444'");
  Reply link = c.send("POST", "/api/intel/links",
                      fmt::format(R"({{"type":"uses","source_id":{},"target_id":{},"source_record":"interview 7","confidence_percent":80}})", paisa, phone),
                      json);
  ASSERT_EQ(link.status, 201) << link.body;
  Reply around = c.send("GET", fmt::format("/api/intel/neighbourhood?entity={}", phone), "", json);
  ASSERT_EQ(around.status, 200) << around.body;
  EXPECT_NE(around.body.find(R"("label":"El Paisa")"), std::string::npos) << around.body;
  Reply evidence = c.send("GET", fmt::format("/api/intel/entities/{}", paisa), "", json);
  ASSERT_EQ(evidence.status, 200) << evidence.body;
  EXPECT_NE(evidence.body.find(R"("source_record":"interview 7")"), std::string::npos) << evidence.body;
  EXPECT_NE(evidence.body.find(R"("confidence":0.8)"), std::string::npos) << evidence.body;
  std::int64_t first = scalar("SELECT id FROM intel_entities WHERE match_key = '+573001112222'");
  std::int64_t last = scalar("SELECT id FROM intel_entities WHERE match_key = '+573005556666'");
  Reply path = c.send("GET", fmt::format("/api/intel/path?from={}&to={}", first, last), "", json);
  ASSERT_EQ(path.status, 200) << path.body;
  EXPECT_NE(path.body.find(fmt::format(R"("id":{})", phone)), std::string::npos) << path.body;
  Reply players = c.send("GET", "/api/intel/key-players?limit=5", "", json);
  ASSERT_EQ(players.status, 200) << players.body;
  EXPECT_NE(players.body.find(R"("tiers_are_suggestions":true)"), std::string::npos);
  EXPECT_EQ(c.send("GET", "/api/intel/analysis?measure=betweenness", "", json).status, 200);
  Reply graphml = c.send("GET", "/api/intel/export?format=graphml", "", json);
  ASSERT_EQ(graphml.status, 200);
  EXPECT_NE(graphml.body.find("<graphml"), std::string::npos);
  EXPECT_EQ(c.send("GET", "/api/intel/export?format=pdf", "", json).status, 400);

  // A registrar has no business here.
  Client c2(port_);
  Session reg = login(c2, "reg", "registrar password");
  EXPECT_EQ(c2.send("GET", fmt::format("/api/intel/entities/{}", paisa), "", {{"Cookie", reg.cookie}}).status, 403);
  EXPECT_EQ(c2.send("GET", "/api/intel/key-players", "", {{"Cookie", reg.cookie}}).status, 403);
}

TEST_F(ServerTest, TwoPeriodsOfTheGraphComparedThroughTheApi) {
  Client c(port_);
  Session ana = login(c, "ana", "analyst password");
  std::vector<std::pair<std::string, std::string>> json = {
      {"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}, {"Content-Type", "application/json"}};
  std::vector<std::int64_t> ids;
  for (const char* name : {"Ana", "Beto", "Carla", "Dario"}) {
    ASSERT_EQ(c.send("POST", "/api/intel/entities", fmt::format(R"({{"kind":"person","label":"{}"}})", name), json).status, 201);
    ids.push_back(scalar(fmt::format("SELECT id FROM intel_entities WHERE label = '{}'", name)));
  }
  auto met = [&](std::int64_t a, std::int64_t b, const char* day) {
    Reply r = c.send("POST", "/api/intel/links",
                     fmt::format(R"({{"type":"met","source_id":{},"target_id":{},"source_record":"interview 3","date_from":"{}"}})", a, b, day),
                     json);
    ASSERT_EQ(r.status, 201) << r.body;
  };
  met(ids[0], ids[1], "2024-01-10");  // first period only
  met(ids[1], ids[2], "2024-06-10");  // second period only
  met(ids[2], ids[3], "2023-05-01");  // neither
  const std::string periods = "from1=2024-01-01&to1=2024-03-31&from2=2024-06-01&to2=2024-06-30";
  Reply v = c.send("GET", "/api/intel/slices?" + periods, "", json);
  ASSERT_EQ(v.status, 200) << v.body;
  EXPECT_NE(v.body.find(fmt::format(R"({{"source":{},"target":{},"status":"gone"}})", ids[0], ids[1])), std::string::npos) << v.body;
  EXPECT_NE(v.body.find(fmt::format(R"({{"source":{},"target":{},"status":"new"}})", ids[1], ids[2])), std::string::npos) << v.body;
  EXPECT_EQ(v.body.find(fmt::format(R"("source":{},"target":{})", ids[2], ids[3])), std::string::npos) << "dated outside both periods";
  EXPECT_NE(v.body.find(R"("label":"Beto","status":"kept","degree_before":1,"degree_after":1)"), std::string::npos) << v.body;
  EXPECT_NE(v.body.find(R"("edges_new":1,"edges_gone":1,"edges_kept":0)"), std::string::npos) << v.body;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'intel.slices.read'"), 1);

  Reply missing = c.send("GET", "/api/intel/slices?from1=2024-01-01&to1=2024-03-31&from2=2024-06-01", "", json);
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("to2 is required"), std::string::npos) << missing.body;
  Reply malformed = c.send("GET", "/api/intel/slices?from1=2024-1-1&to1=2024-03-31&from2=2024-06-01&to2=2024-06-30", "", json);
  EXPECT_EQ(malformed.status, 400);
  EXPECT_NE(malformed.body.find("from1: '2024-1-1' is not a date"), std::string::npos) << malformed.body;
  Reply reversed = c.send("GET", "/api/intel/slices?from1=2024-01-01&to1=2024-03-31&from2=2024-06-30&to2=2024-06-01", "", json);
  EXPECT_EQ(reversed.status, 400);
  EXPECT_NE(reversed.body.find("to2: 2024-06-01 is before from2"), std::string::npos) << reversed.body;
  EXPECT_EQ(c.send("GET", "/api/intel/slices?" + periods + "&entities=x", "", json).status, 400);

  // Only for those who read the graph; the rewards committee does, without names.
  Client c2(port_);
  Session reg = login(c2, "reg", "registrar password");
  EXPECT_EQ(c2.send("GET", "/api/intel/slices?" + periods, "", {{"Cookie", reg.cookie}}).status, 403);
  EXPECT_EQ(c2.send("GET", "/api/intel/slices?" + periods, "").status, 401);
}

TEST_F(ServerTest, CasesThroughTheApi) {
  ASSERT_TRUE(services_->access().create_user(service::Actor::command_line(),
      {.username = "luis", .display_name = "Luis", .agency = "DIJIN", .roles = {model::Role::kAnalyst},
       .password = "analyst password"}));
  Client c(port_);
  Session ana = login(c, "ana", "analyst password");
  std::vector<std::pair<std::string, std::string>> json = {
      {"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}, {"Content-Type", "application/json"}};
  Reply created = c.send("POST", "/api/cases", R"({"title":"Ruta Necoclí","agency":"DIJIN","country":"COL"})", json);
  ASSERT_EQ(created.status, 201) << created.body;
  std::int64_t id = scalar("SELECT MAX(id) FROM cases");
  ASSERT_EQ(c.send("POST", "/api/intel/entities", R"({"kind":"person","label":"El Paisa"})", json).status, 201);
  std::int64_t paisa = scalar("SELECT id FROM intel_entities WHERE kind = 'person'");
  EXPECT_EQ(c.send("POST", fmt::format("/api/cases/{}/items", id), fmt::format(R"({{"kind":"entity","id":{}}})", paisa), json).status, 204);
  Reply event = c.send("POST", fmt::format("/api/cases/{}/events", id),
                       fmt::format(R"({{"entity_id":{},"kind":"arrest","date":"2024-03-02","agency":"PNP","country":"PAN"}})", paisa), json);
  ASSERT_EQ(event.status, 201) << event.body;
  Reply view = c.send("GET", fmt::format("/api/cases/{}", id), "", json);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_NE(view.body.find(R"("entity_label":"El Paisa")"), std::string::npos) << view.body;
  Reply held = c.send("GET", fmt::format("/api/cases?entity={}", paisa), "", json);
  ASSERT_EQ(held.status, 200) << held.body;
  EXPECT_NE(held.body.find(R"("title":"Ruta Necoclí")"), std::string::npos) << held.body;
  EXPECT_NE(held.body.find(R"("events":[{)"), std::string::npos) << held.body;
  EXPECT_NE(held.body.find(R"("kind":"arrest","date":"2024-03-02")"), std::string::npos) << held.body;
  EXPECT_EQ(c.send("GET", "/api/cases?entity=abc", "", json).status, 400);
  Reply figures = c.send("GET", "/api/cases/figures?format=csv", "", json);
  ASSERT_EQ(figures.status, 200);
  EXPECT_NE(figures.body.find("2024-03,PNP,PAN,1,0"), std::string::npos) << figures.body;

  Client c2(port_);
  Session luis = login(c2, "luis", "analyst password");
  Reply none = c2.send("GET", fmt::format("/api/cases?entity={}", paisa), "", {{"Cookie", luis.cookie}});
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(none.body, R"({"cases":[]})") << "a case Luis is not a member of stays hidden";
  Reply denied = c2.send("GET", fmt::format("/api/cases/{}", id), "", {{"Cookie", luis.cookie}});
  EXPECT_EQ(denied.status, 403);
  EXPECT_NE(denied.body.find(R"("reason":"not_a_member")"), std::string::npos) << denied.body;
  EXPECT_NE(denied.body.find("(ana)"), std::string::npos) << denied.body;
  Reply reg_view = c2.send("GET", fmt::format("/api/cases/{}", id), "", {{"Cookie", login(c2, "reg", "registrar password").cookie}});
  EXPECT_EQ(reg_view.status, 403);
  EXPECT_EQ(reg_view.body.find("not_a_member"), std::string::npos);
}

TEST_F(ServerTest, OpenApiDescribesEveryRoute) {
  Client c(port_);
  Reply doc = c.send("GET", "/api/openapi.json");
  ASSERT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find(R"("openapi":"3.1.0")"), std::string::npos);
  for (const char* path : {"/api/health", "/api/session", "/api/me", "/api/me/language",
                           "/api/me/totp", "/api/users", "/api/users/{id}/disabled", "/api/audit",
                           "/api/audit/verify", "/api/transits/monthly", "/api/transits/yearly",
                           "/api/transits/import", "/api/openapi.json", "/api/entities/{id}",
                           "/api/entities/review", "/api/registrations/check"}) {
    EXPECT_NE(doc.body.find("\"" + std::string(path) + "\":{"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace escudo::api

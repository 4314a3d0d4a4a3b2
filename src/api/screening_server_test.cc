// Screening, protection and returns over HTTP: permissions, safeguards and overrides, and random
// histories that never execute a forbidden return through the API.
#include <map>
#include <random>

#include "api/server_test_support.h"
#include "crypto/totp.h"

namespace escudo::api {
namespace {

using namespace escudo::api::testing;

class ScreeningServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    auto actor = service::Actor::command_line();
    auto& access = services_->access();
    for (auto [name, role] : {std::pair{"prot", model::Role::kProtectionOfficer},
                              std::pair{"cmd", model::Role::kCommander},
                              std::pair{"reg2", model::Role::kRegistrar}}) {
      ASSERT_TRUE(access.create_user(actor, {.username = name, .display_name = name, .agency = "SNM",
                                             .roles = {role}, .password = "a long enough password"}));
    }
  }

  // A person registered today; `child`: born 2015.
  std::int64_t register_person(bool child) {
    model::RegistrationGroup g;
    g.station_code = "lajas-blancas";
    g.registered_on = CivilDate::parse("2024-10-01").value();
    g.departure_point = "Necoclí";
    model::Person p;
    p.given_names = child ? "Kevin" : "José";
    p.family_names = "Mosquera";
    p.sex = model::PersonSex::kMale;
    p.birth_date = CivilDate::parse(child ? "2015-02-02" : "1984-03-07").value();
    p.nationality_iso3 = "COL";
    p.relationship = child ? model::Relationship::kUnrelated : model::Relationship::kHead;
    g.people = {p};
    auto out = services_->registrations().register_group(service::Actor::command_line(), g).value();
    EXPECT_TRUE(out.stored);
    return out.group.people[0].id.value();
  }

  Reply post(Client& c, const Session& s, const std::string& path, const std::string& body = "") {
    std::vector<std::pair<std::string, std::string>> headers = {{"Cookie", s.cookie},
                                                                {"X-CSRF-Token", s.csrf}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return c.send("POST", path, body, headers);
  }
  Reply get(Client& c, const Session& s, const std::string& path) {
    return c.send("GET", path, "", {{"Cookie", s.cookie}});
  }
  static std::int64_t id_in(const std::string& body) {
    auto pos = body.find("\"id\":");
    return pos == std::string::npos ? 0 : std::stoll(body.substr(pos + 5));
  }
  static std::string decide_body(std::int64_t person, bool voluntary = false) {
    return R"({"person_id":)" + std::to_string(person) +
           R"(,"receiving_country":"COL","reason":"no visa","voluntary":)" +
           (voluntary ? "true" : "false") + "}";
  }
};

TEST_F(ScreeningServerTest, ASafeguardAnswers409WithTheReasonForEveryRole) {
  const auto person = register_person(false);
  Client c(port_);
  Session prot = login(c, "prot", "a long enough password");
  Session reg = login(c, "reg", "registrar password");
  Session ana = login(c, "ana", "analyst password");
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  Session boss = login(c, "boss", "admin password", crypto::totp_code(admin_totp_, now).value());

  Reply claim = post(c, prot, "/api/persons/" + std::to_string(person) + "/claims",
                     R"({"lodged_on":"2024-10-02"})");
  ASSERT_EQ(claim.status, 201) << claim.body;
  EXPECT_EQ(post(c, reg, "/api/persons/" + std::to_string(person) + "/claims",
                 R"({"lodged_on":"2024-10-02"})").status, 403);

  Reply stopped = post(c, reg, "/api/returns", decide_body(person));
  EXPECT_EQ(stopped.status, 409) << stopped.body;
  EXPECT_NE(stopped.body.find("a protection claim is pending"), std::string::npos) << stopped.body;
  EXPECT_NE(stopped.body.find("\"reason\":\"safeguard\""), std::string::npos) << stopped.body;
  EXPECT_EQ(post(c, boss, "/api/returns", decide_body(person)).status, 403);
  EXPECT_EQ(post(c, ana, "/api/returns", decide_body(person)).status, 403);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM return_decisions"), 0);

  Reply check = get(c, reg, "/api/persons/" + std::to_string(person) + "/safeguards");
  EXPECT_EQ(check.status, 200);
  EXPECT_NE(check.body.find("\"allowed\":false"), std::string::npos) << check.body;
  Reply file = get(c, prot, "/api/persons/" + std::to_string(person) + "/file");
  EXPECT_EQ(file.status, 200) << file.body;
  EXPECT_NE(file.body.find("claim_pending"), std::string::npos);
  EXPECT_EQ(get(c, ana, "/api/persons/" + std::to_string(person) + "/file").status, 403);
}

TEST_F(ScreeningServerTest, AVoluntaryOverrideNeedsTwoDifferentOfficers) {
  const auto person = register_person(false);
  Client c(port_);
  Session prot = login(c, "prot", "a long enough password");
  Session reg = login(c, "reg", "registrar password");
  Session reg2 = login(c, "reg2", "a long enough password");
  Session cmd = login(c, "cmd", "a long enough password");
  ASSERT_EQ(post(c, prot, "/api/persons/" + std::to_string(person) + "/claims",
                 R"({"lodged_on":"2024-10-02"})").status, 201);
  Reply decided = post(c, reg, "/api/returns", decide_body(person, true));
  ASSERT_EQ(decided.status, 201) << decided.body;
  const std::string r = "/api/returns/" + std::to_string(id_in(decided.body));
  ASSERT_EQ(post(c, reg, r + "/override", R"({"statement":"I want to go home"})").status, 200);
  Reply same = post(c, reg, r + "/override/approval");
  EXPECT_EQ(same.status, 409);
  EXPECT_NE(same.body.find("same_officer"), std::string::npos) << same.body;
  EXPECT_EQ(post(c, cmd, r + "/override/approval").status, 403);
  Reply approved = post(c, reg2, r + "/override/approval");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_NE(approved.body.find("\"approved_by\":\"reg2\""), std::string::npos);
  Reply executed = post(c, cmd, r + "/execute");
  ASSERT_EQ(executed.status, 200) << executed.body;
  EXPECT_NE(executed.body.find("\"executed\":true"), std::string::npos) << executed.body;
}

TEST_F(ScreeningServerTest, RandomHistoriesNeverExecuteAForbiddenReturn) {
  std::vector<std::int64_t> people;
  std::map<std::int64_t, bool> is_child;
  for (int i = 0; i < 3; ++i) {
    for (bool child : {false, true}) {
      auto id = register_person(child);
      people.push_back(id);
      is_child[id] = child;
    }
  }
  Client c(port_);
  Session prot = login(c, "prot", "a long enough password");
  Session reg = login(c, "reg", "registrar password");
  Session cmd = login(c, "cmd", "a long enough password");
  // What the test knows: open claims (pending or under appeal) and their status, trafficking,
  // and whether a child's assessment recommends return.
  std::map<std::int64_t, std::map<std::int64_t, std::string>> claims;
  std::map<std::int64_t, std::string> trafficking;
  std::map<std::int64_t, bool> bia_return;
  std::map<std::int64_t, std::int64_t> return_person;
  auto forbidden = [&](std::int64_t p) {
    for (const auto& [id, s] : claims[p]) {
      if (s == "pending" || s == "under_appeal" || s == "recognised") return true;
    }
    if (trafficking[p] == "recognised" || trafficking[p] == "suspected") return true;
    return is_child[p] && !bia_return[p];
  };
  const char* next_status[] = {"recognised", "rejected", "under_appeal", "rejected_final", "withdrawn"};
  const char* outcomes[] = {"no_indicators", "suspected", "recognised", "not_a_victim"};
  std::mt19937 rng(99);
  int executed = 0, stopped = 0, refused = 0;
  for (int step = 0; step < 150; ++step) {
    const std::int64_t p = people[rng() % people.size()];
    const std::string base = "/api/persons/" + std::to_string(p);
    switch (rng() % 6) {
      case 0: {
        Reply r = post(c, prot, base + "/claims", R"({"lodged_on":"2024-10-02"})");
        ASSERT_EQ(r.status, 201) << r.body;
        claims[p][id_in(r.body)] = "pending";
        break;
      }
      case 1: {
        if (claims[p].empty()) break;
        auto it = std::next(claims[p].begin(), static_cast<long>(rng() % claims[p].size()));
        std::string to = next_status[rng() % 5];
        Reply r = post(c, prot, "/api/claims/" + std::to_string(it->first),
                       R"({"status":")" + to + R"(","on":"2024-11-01"})");
        if (r.status == 200) it->second = to;
        else EXPECT_EQ(r.status, 409) << r.body;
        break;
      }
      case 2: {
        std::string outcome = outcomes[rng() % 4];
        std::string ticked = outcome == "no_indicators" ? "[]" : R"(["debt_bondage"])";
        Reply r = post(c, prot, base + "/trafficking",
                       R"({"indicators":)" + ticked + R"(,"outcome":")" + outcome +
                           R"(","assessed_on":"2024-10-03"})");
        ASSERT_EQ(r.status, 201) << r.body;
        trafficking[p] = outcome;
        break;
      }
      case 3: {
        if (!is_child[p]) break;
        bool recommend = rng() % 2 == 0;
        Reply r = post(c, prot, base + "/best-interest",
                       std::string(R"({"status":"completed","recommendation":")") +
                           (recommend ? "return" : "stay") + "\"}");
        ASSERT_EQ(r.status, 201) << r.body;
        bia_return[p] = recommend;
        break;
      }
      case 4: {
        Reply r = post(c, reg, "/api/returns", decide_body(p));
        if (r.status == 201) {
          EXPECT_FALSE(forbidden(p)) << r.body;
          return_person[id_in(r.body)] = p;
        } else if (r.body.find("safeguard") != std::string::npos) {
          EXPECT_TRUE(forbidden(p)) << r.body;
          ++refused;
        }
        break;
      }
      default: {
        if (return_person.empty()) break;
        auto it = std::next(return_person.begin(), static_cast<long>(rng() % return_person.size()));
        Reply r = post(c, cmd, "/api/returns/" + std::to_string(it->first) + "/execute");
        ASSERT_EQ(r.status, 200) << r.body;
        const bool went = r.body.find("\"executed\":true") != std::string::npos;
        EXPECT_EQ(went, !forbidden(it->second)) << r.body;
        executed += went ? 1 : 0;
        stopped += went ? 0 : 1;
        return_person.erase(it);
        break;
      }
    }
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM return_decisions WHERE status = 'executed'"), executed);
  // The history went through each path: refused at decision, executed, stopped at execution.
  EXPECT_GT(refused, 0);
  EXPECT_GT(executed, 0);
  EXPECT_GT(stopped, 0);
}

TEST_F(ScreeningServerTest, WatchlistImportAndTheQueue) {
  const auto person = register_person(false);
  Client c(port_);
  Session ana = login(c, "ana", "analyst password");
  Session reg = login(c, "reg", "registrar password");
  Reply bad = c.send("POST", "/api/watchlists/import?name=wanted&kind=wanted&file_name=w.csv",
                     "entry_id,name,dates_of_birth\nW-1,José Mosquera,1984-13-07\n",
                     {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}, {"Content-Type", "text/csv"}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("line 2, column 'dates_of_birth'"), std::string::npos) << bad.body;
  Reply ok = c.send("POST", "/api/watchlists/import?name=wanted&kind=wanted&file_name=w.csv",
                    "entry_id,name,dates_of_birth,nationalities\nW-1,José Mosquera,1984-03-07,COL\n",
                    {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}, {"Content-Type", "text/csv"}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_NE(ok.body.find("\"screened_entries\":1,\"screened_names\":1"), std::string::npos) << ok.body;
  EXPECT_EQ(c.send("POST", "/api/watchlists/import?name=x", "entry_id,name\nA,B\n",
                   {{"Cookie", reg.cookie}, {"X-CSRF-Token", reg.csrf}, {"Content-Type", "text/csv"}})
                .status,
            403);
  Reply screened = post(c, reg, "/api/persons/" + std::to_string(person) + "/screening");
  ASSERT_EQ(screened.status, 200) << screened.body;
  EXPECT_NE(screened.body.find("\"entry_id\":\"W-1\""), std::string::npos) << screened.body;
  Reply queue = get(c, reg, "/api/screening/hits");
  ASSERT_EQ(queue.status, 200);
  const auto hit = id_in(queue.body);
  EXPECT_EQ(get(c, ana, "/api/screening/hits").status, 403);
  Reply dismissed = post(c, reg, "/api/screening/hits/" + std::to_string(hit) + "/decision",
                         R"({"decision":"dismiss","note":"different father's name"})");
  EXPECT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_NE(dismissed.body.find("\"status\":\"dismissed\""), std::string::npos);
  Reply figures = get(c, ana, "/api/screening/figures?from=2000-01&to=2100-12");
  EXPECT_EQ(figures.status, 200) << figures.body;
  EXPECT_NE(figures.body.find("\"measure\":\"screenings\""), std::string::npos) << figures.body;
}

TEST_F(ScreeningServerTest, ARegistrationIsScreenedAsItIsSavedAndTheReplyCountsTheHits) {
  Client c(port_);
  Session ana = login(c, "ana", "analyst password");
  Session reg = login(c, "reg", "registrar password");
  Reply list = c.send("POST", "/api/watchlists/import?name=wanted&kind=wanted&file_name=w.csv",
                      "entry_id,name,aliases,dates_of_birth,nationalities,listed_for\n"
                      "W-1,José Luis Mosquera Palacios,El Mono,1984-03-07,COL,smuggling resulting in death\n",
                      {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}, {"Content-Type", "text/csv"}});
  ASSERT_EQ(list.status, 201) << list.body;
  const std::string body =
      R"({"station":"lajas-blancas","registered_on":"2024-10-01","people":[)"
      R"({"given_names":"Marie","family_names":"Joseph","sex":"female","birth_date":"2001-05-05","nationality":"HTI","document_type":"none","relationship":"head"},)"
      R"({"given_names":"José Luis","family_names":"Mosquera Palacios","sex":"male","birth_date":"1984-03-07","nationality":"COL","document_type":"none","relationship":"spouse"}]})";
  Reply saved = post(c, reg, "/api/registrations", body);
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_NE(saved.body.find("\"screening\":{\"ran\":true"), std::string::npos) << saved.body;
  // Counts only: what the person matched stays with the screening queue.
  EXPECT_EQ(saved.body.find("Mosquera"), std::string::npos) << saved.body;
  EXPECT_EQ(saved.body.find("W-1"), std::string::npos) << saved.body;
  EXPECT_EQ(saved.body.find("smuggling"), std::string::npos) << saved.body;
  const auto people = saved.body.find("\"screening\":");
  const std::string screening = saved.body.substr(people);
  EXPECT_NE(screening.find("\"hits\":0}"), std::string::npos) << screening;  // Marie
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM screenings"), 2);
  const auto hits = scalar("SELECT COUNT(*) FROM screening_hits WHERE status = 'open'");
  EXPECT_GE(hits, 1);
  EXPECT_NE(screening.find(fmt::format("\"hits\":{},", hits)), std::string::npos) << screening;
  Reply queue = get(c, reg, "/api/screening/hits");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("\"entry_id\":\"W-1\""), std::string::npos) << queue.body;
}

TEST_F(ScreeningServerTest, AnImportedFileIsScreenedAndTheReplyCountsTheHitsWithoutNames) {
  Client c(port_);
  Session ana = login(c, "ana", "analyst password");
  Session reg = login(c, "reg", "registrar password");
  ASSERT_EQ(c.send("POST", "/api/watchlists/import?name=wanted&kind=wanted&file_name=w.csv",
                   "entry_id,name,aliases,dates_of_birth,nationalities\n"
                   "W-1,José Luis Mosquera Palacios,El Mono,1984-03-07,COL\n",
                   {{"Cookie", ana.cookie}, {"X-CSRF-Token", ana.csrf}, {"Content-Type", "text/csv"}})
                .status,
            201);
  const std::string file =
      "group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,"
      "nationality,document_type,document_country,document_number,phone,relationship,"
      "departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,"
      "violence_survivor,separated\n"
      "A,lajas-blancas,2024-10-02,José Luis,Mosquera Palacios,male,1984-03-07,,COL,none,,,,head,Turbo,3,,,0,0,0,0,0\n"
      "A,lajas-blancas,2024-10-02,Ana,Mosquera,female,1986-05-01,,COL,none,,,,spouse,Turbo,3,,,0,0,0,0,0\n";
  Reply imported = c.send("POST", "/api/registrations/import", file,
                          {{"Cookie", reg.cookie}, {"X-CSRF-Token", reg.csrf}, {"Content-Type", "text/csv"}});
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_NE(imported.body.find("\"people\":2"), std::string::npos) << imported.body;
  EXPECT_NE(imported.body.find("\"screening\":{\"ran\":true,\"people\":2,"), std::string::npos)
      << imported.body;
  EXPECT_NE(imported.body.find("\"people_with_hits\":1,"), std::string::npos) << imported.body;
  // Counts only: what matched is for a screening officer, in the queue.
  EXPECT_EQ(imported.body.find("W-1"), std::string::npos) << imported.body;
  EXPECT_EQ(imported.body.find("Mosquera"), std::string::npos) << imported.body;
  Reply queue = get(c, reg, "/api/screening/hits?status=open");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("\"entry_id\":\"W-1\""), std::string::npos) << queue.body;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM screenings"), 2);
}

}  // namespace
}  // namespace escudo::api

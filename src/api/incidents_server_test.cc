// Incidents over HTTP: who reads what of a survivor's record through every route that lets
// incidents out (list, one record, map points, counts, hotspots, sectors), and plans and
// operations by role.
#include "api/server_test_support.h"
#include "base/civil_date.h"

namespace escudo::api {
namespace {

using namespace escudo::api::testing;

constexpr std::string_view kSurvivorRecord =
    R"({"type":"sexual_violence","month":"2024-05","occurred_on":"2024-05-03","lat":8.4612,"lon":-77.6831,)"
    R"("location":"second camp after the border","victims":{"women":1},"source":"health_partner",)"
    R"("reliability":"probable","narrative":"NARRATIVE-TEXT","survivor_code":"SV-7731","suspect_entity_ids":[41]})";

class IncidentsServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    auto& access = services_->access();
    auto actor = service::Actor::command_line();
    ASSERT_TRUE(access.create_user(actor, {.username = "olga", .display_name = "Olga", .agency = "UNHCR",
                                           .roles = {model::Role::kProtectionOfficer},
                                           .password = "protection password"}));
    ASSERT_TRUE(access.create_user(actor, {.username = "cmd", .display_name = "Cmd", .agency = "SENAFRONT",
                                           .roles = {model::Role::kCommander},
                                           .password = "commander password"}));
  }

  Reply post(Client& c, const Session& s, const std::string& target, std::string_view body) {
    return c.send("POST", target, std::string(body),
                  {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}});
  }
  Reply get(Client& c, const Session& s, const std::string& target) {
    return c.send("GET", target, "", {{"Cookie", s.cookie}});
  }
};

TEST_F(IncidentsServerTest, SurvivorsRecordsLeaveOnlyAsCounts) {
  Client officer_client(port_), analyst_client(port_), commander_client(port_), registrar_client(port_);
  Session officer = login(officer_client, "olga", "protection password");
  Session analyst = login(analyst_client, "ana", "analyst password");
  Session commander = login(commander_client, "cmd", "commander password");
  Session registrar = login(registrar_client, "reg", "registrar password");

  Reply recorded = post(officer_client, officer, "/api/incidents", kSurvivorRecord);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  std::string id = recorded.body.substr(recorded.body.find(':') + 1);
  id = id.substr(0, id.find('}'));
  Reply robbery = post(officer_client, officer, "/api/incidents",
                       R"({"type":"robbery","month":"2024-05","lat":8.41,"lon":-77.81,"victims":{"men":3}})");
  ASSERT_EQ(robbery.status, 201) << robbery.body;
  // An analyst may not record a survivor's record, and a bad field is named.
  EXPECT_EQ(post(analyst_client, analyst, "/api/incidents", kSurvivorRecord).status, 403);
  Reply bad = post(officer_client, officer, "/api/incidents",
                   R"({"type":"sexual_violence","month":"2024-05","lat":8.4,"lon":-77.6,"survivor_code":"Maria Lopez"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("survivor code"), std::string::npos) << bad.body;

  // The protection officer reads the record whole.
  Reply whole = get(officer_client, officer, "/api/incidents/" + id);
  ASSERT_EQ(whole.status, 200) << whole.body;
  EXPECT_NE(whole.body.find("SV-7731"), std::string::npos);
  EXPECT_NE(whole.body.find("NARRATIVE-TEXT"), std::string::npos);
  EXPECT_NE(whole.body.find(R"("suspect_entity_ids":[41])"), std::string::npos) << whole.body;

  // Every other route and role: nothing of the record but anonymous counts.
  for (auto [client, session] : {std::pair<Client*, Session*>{&analyst_client, &analyst}, {&commander_client, &commander}}) {
    for (const char* target : {"/api/incidents", "/api/incidents/points", "/api/hotspots?cells=1",
                               "/api/sectors", "/api/incidents/counts?by=month"}) {
      Reply r = get(*client, *session, target);
      ASSERT_EQ(r.status, 200) << target << r.body;
      EXPECT_EQ(r.body.find("SV-7731"), std::string::npos) << target;
      EXPECT_EQ(r.body.find("NARRATIVE-TEXT"), std::string::npos) << target;
      EXPECT_EQ(r.body.find("second camp"), std::string::npos) << target;
      EXPECT_EQ(r.body.find("8.4612"), std::string::npos) << target;
      EXPECT_EQ(r.body.find("sexual_violence\",\"month"), std::string::npos) << target;
    }
    Reply one = get(*client, *session, "/api/incidents/" + id);
    EXPECT_EQ(one.status, 403);
    EXPECT_NE(one.body.find("protection officers"), std::string::npos);
    Reply counts = get(*client, *session, "/api/incidents/counts?type=sexual_violence");
    EXPECT_NE(counts.body.find(R"("type":"sexual_violence","incidents":1)"), std::string::npos) << counts.body;
    Reply points = get(*client, *session, "/api/incidents/points");
    EXPECT_NE(points.body.find("\"lon\":[-77.81]"), std::string::npos) << points.body;
  }
  // A registrar reads no incidents at all.
  EXPECT_EQ(get(registrar_client, registrar, "/api/incidents").status, 403);
  EXPECT_EQ(get(registrar_client, registrar, "/api/hotspots").status, 403);
  EXPECT_EQ(get(registrar_client, registrar, "/api/incidents/counts").status, 403);
  // The read of the survivor's record is in the audit log; the audit detail has no code.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'incident.survivor_read'"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%SV-7731%'"), 0);
}

TEST_F(IncidentsServerTest, VictimLinksNeedConsentAndShowOnlyToWhoSeesBoth) {
  model::RegistrationGroup g;
  g.station_code = "lajas-blancas";
  g.registered_on = CivilDate::parse("2024-05-04").value();
  model::Person p;
  p.given_names = "María";
  p.family_names = "Rojas";
  p.sex = model::PersonSex::kFemale;
  p.estimated_age = 30;
  p.nationality_iso3 = "VEN";
  p.relationship = model::Relationship::kHead;
  g.people = {p};
  auto reg = services_->registrations().register_group(service::Actor::command_line(), g);
  ASSERT_TRUE(reg && reg->stored);
  std::string person = std::to_string(reg->group.people[0].id.value());
  std::string body = R"({"person_id":)" + person + "}";

  Client officer_client(port_), analyst_client(port_), commander_client(port_), registrar_client(port_);
  Session officer = login(officer_client, "olga", "protection password");
  Session analyst = login(analyst_client, "ana", "analyst password");
  Session commander = login(commander_client, "cmd", "commander password");
  Session registrar = login(registrar_client, "reg", "registrar password");
  auto id_of = [](const Reply& r) {
    std::string id = r.body.substr(r.body.find(':') + 1);
    return id.substr(0, id.find('}'));
  };
  Reply no_consent = post(officer_client, officer, "/api/incidents", kSurvivorRecord);
  std::string consented_body(kSurvivorRecord);
  consented_body.insert(consented_body.size() - 1, R"(,"consents":{"registration":true})");
  Reply consented = post(officer_client, officer, "/api/incidents", consented_body);
  ASSERT_EQ(no_consent.status, 201);
  ASSERT_EQ(consented.status, 201) << consented.body;
  Reply stored = get(officer_client, officer, "/api/incidents/" + id_of(consented));
  EXPECT_NE(stored.body.find(R"("consents":["registration"])"), std::string::npos) << consented_body << stored.body;

  // Without the survivor's consent: refused, with the reason.
  Reply refused = post(officer_client, officer, "/api/incidents/" + id_of(no_consent) + "/victims", body);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("consent"), std::string::npos) << refused.body;
  Reply linked = post(officer_client, officer, "/api/incidents/" + id_of(consented) + "/victims", body);
  EXPECT_EQ(linked.status, 204) << linked.body;
  Reply bad = post(officer_client, officer, "/api/incidents/" + id_of(consented) + "/victims", R"({"person_id":"x"})");
  EXPECT_EQ(bad.status, 400) << bad.body;

  Reply shown = get(officer_client, officer, "/api/incidents/" + id_of(consented) + "/victims");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_NE(shown.body.find(R"("person_id":)" + person), std::string::npos) << shown.body;
  EXPECT_NE(get(officer_client, officer, "/api/incidents/" + id_of(no_consent) + "/victims").body.find("[]"),
            std::string::npos);

  // Nobody else sees the link, through this route or any other that lets incidents out.
  for (auto [client, session] : {std::pair<Client*, Session*>{&analyst_client, &analyst},
                                 {&commander_client, &commander}, {&registrar_client, &registrar}}) {
    EXPECT_EQ(get(*client, *session, "/api/incidents/" + id_of(consented) + "/victims").status, 403);
    EXPECT_EQ(post(*client, *session, "/api/incidents/" + id_of(consented) + "/victims", body).status, 403);
    for (const char* target : {"/api/incidents", "/api/incidents/points", "/api/hotspots?cells=1",
                               "/api/incidents/counts?by=month", "/api/sectors"}) {
      Reply r = get(*client, *session, target);
      EXPECT_EQ(r.body.find("person_id"), std::string::npos) << target;
    }
  }
  // Nor does the officer's own list: links leave only through their route.
  EXPECT_EQ(get(officer_client, officer, "/api/incidents").body.find("person_id"), std::string::npos);
  EXPECT_EQ(get(officer_client, officer, "/api/incidents/" + id_of(consented)).body.find("person_id"),
            std::string::npos);
}

TEST_F(IncidentsServerTest, PlansAndOperationsByRole) {
  Client commander_client(port_), analyst_client(port_);
  Session commander = login(commander_client, "cmd", "commander password");
  Session analyst = login(analyst_client, "ana", "analyst password");
  Reply plan = post(commander_client, commander, "/api/plan",
                    R"({"units":1200,"air_units":4,"period":"2024-12","fixed":[{"code":"S01","coverage":0.5}]})");
  ASSERT_EQ(plan.status, 200) << plan.body;
  EXPECT_NE(plan.body.find("\"shifts\":["), std::string::npos);
  EXPECT_NE(plan.body.find("fixed by the commander"), std::string::npos);
  EXPECT_EQ(post(analyst_client, analyst, "/api/plan", R"({"units":10})").status, 403);
  Reply no_units = post(commander_client, commander, "/api/plan", R"({"air_units":3})");
  EXPECT_EQ(no_units.status, 400);
  EXPECT_NE(no_units.body.find("units"), std::string::npos);

  Reply op = post(commander_client, commander, "/api/operations",
                  R"({"name":"Chocó","from":"2024-07","to":"2024-12","sectors":["S08","S10"],"ground_units":1200,"air_units":4})");
  ASSERT_EQ(op.status, 201) << op.body;
  EXPECT_EQ(post(analyst_client, analyst, "/api/operations", R"({"name":"x","from":"2024-01","to":"2024-02"})").status, 403);
  Reply results = post(commander_client, commander, "/api/operations/1/results", R"({"arrests":37,"seizures":5,"rescues":112})");
  EXPECT_EQ(results.status, 204) << results.body;
  Reply list = get(analyst_client, analyst, "/api/operations");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("\"arrests\":37"), std::string::npos) << list.body;
}

}  // namespace
}  // namespace escudo::api

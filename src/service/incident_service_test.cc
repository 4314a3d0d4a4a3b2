#include "service/incident_service.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <numeric>
#include <regex>
#include <sstream>

#include "base/civil_date.h"
#include "service/test_support.h"
#include "testing/temp_dir.h"

namespace escudo::service {
namespace {

using model::Consent;
using model::IncidentType;
using model::Role;

std::string mmp_path() { return testing::source_dir() + "/data/incidents/mmp_panama_colombia.csv"; }

// "Dead or missing per year inside the box: 2015 7 · 2016 50 · …" from the shipped SOURCE.md.
std::map<std::string, std::int64_t> source_md_years() {
  std::ifstream in(testing::source_dir() + "/data/incidents/SOURCE.md");
  std::string line;
  std::map<std::string, std::int64_t> out;
  while (std::getline(in, line)) {
    if (line.rfind("Dead or missing per year inside the box:", 0) != 0) continue;
    std::regex pair(R"((20\d\d) (\d+))");
    for (std::sregex_iterator it(line.begin(), line.end(), pair), end; it != end; ++it) {
      out[(*it)[1]] = std::stoll((*it)[2]);
    }
  }
  return out;
}

class IncidentServiceTest : public ::testing::Test {
 protected:
  IncidentService& incidents() { return f_.services().incidents(); }

  void import_mmp() {
    auto report = incidents().import_mmp(Actor::command_line(), open_file_stream(mmp_path()).value());
    ASSERT_TRUE(report) << report.error().message();
    ASSERT_TRUE(report->stored) << (report->errors.empty() ? "" : report->errors[0].message);
  }

  Principal principal(const std::string& name, Role role) {
    f_.add_user(name, {role});
    return f_.services().access().login({name, "a long enough password", std::nullopt, "t"}).value().principal;
  }

  model::Incident survivor_record(std::string code, std::vector<Consent> consents) {
    model::Incident in;
    in.type = IncidentType::kSexualViolence;
    in.month = "2024-05";
    in.occurred_on = "2024-05-03";
    in.lat = 8.4612;
    in.lon = -77.6831;
    in.location = "Bajo Chiquito trail, second camp";
    in.victims.women = 1;
    in.source = model::IncidentSource::kHealthPartner;
    in.reliability = model::Reliability::kProbable;
    in.narrative = "what she told the nurse";
    in.survivor_code = std::move(code);
    in.consents = std::move(consents);
    in.suspect_entity_ids = {41};
    return in;
  }

  ServicesFixture f_;
};

TEST_F(IncidentServiceTest, MissingMigrantsReproduceTheSourceCountsByYear) {
  import_mmp();
  auto expected = source_md_years();
  ASSERT_EQ(expected.size(), 11u) << "SOURCE.md lists 2015 to 2025";
  EXPECT_EQ(expected["2022"], 147);
  EXPECT_EQ(expected["2024"], 177);
  auto counts = incidents().counts(Actor::command_line(), {.within = kDarienBox}, false);
  ASSERT_TRUE(counts);
  std::map<std::string, std::int64_t> dead, rows;
  std::map<std::string, std::int64_t> by_type;
  for (const auto& c : *counts) {
    dead[c.period] += c.dead_or_missing;
    rows[c.period] += c.incidents;
    by_type[c.type] += c.incidents;
  }
  EXPECT_EQ(dead, expected);
  EXPECT_EQ(std::accumulate(rows.begin(), rows.end(), std::int64_t{0},
                            [](std::int64_t s, const auto& kv) { return s + kv.second; }),
            251);
  EXPECT_EQ(std::accumulate(dead.begin(), dead.end(), std::int64_t{0},
                            [](std::int64_t s, const auto& kv) { return s + kv.second; }),
            558);
  // Causes inside the box (SOURCE.md): drowning 80 (+2 listed first among several), mixed or
  // unknown 83, violence 40, sickness 18 + harsh conditions 17, accidental 11.
  EXPECT_EQ(by_type["drowning"], 82);
  EXPECT_EQ(by_type["unknown_cause"], 83);
  EXPECT_EQ(by_type["homicide"], 40);
  EXPECT_EQ(by_type["illness_exhaustion"], 35);
  EXPECT_EQ(by_type["accident"], 11);
  auto all = incidents().list(Actor::command_line(), {});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 349u);
  EXPECT_EQ(all->front().incident.cause_text, "Sickness / lack of access to adequate healthcare");
  EXPECT_EQ(all->front().incident.source, model::IncidentSource::kPublicData);

  // Importing the same file again replaces it rather than doubling it.
  import_mmp();
  EXPECT_EQ(incidents().list(Actor::command_line(), {})->size(), 349u);
}

TEST_F(IncidentServiceTest, AnImportWithABadRowStoresNothingAndNamesLineAndField) {
  std::ifstream in(mmp_path());
  std::stringstream text;
  text << in.rdbuf();
  std::string csv = text.str();
  // Line 3: dead_or_missing "5" becomes "five"; line 5 gets an unknown cause.
  csv.replace(csv.find(",5,\"Drowning\""), 13, ",five,\"Drowning\"");
  csv.replace(csv.find("\"Drowning\",15,"), 14, "\"Shark\",15,");
  auto report = incidents().import_mmp(Actor::command_line(), make_string_stream(csv, "bad.csv"));
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->stored);
  ASSERT_EQ(report->error_count, 2);
  EXPECT_EQ(report->errors[0].line, 3);
  EXPECT_EQ(report->errors[0].field, "dead_or_missing");
  EXPECT_EQ(report->errors[1].line, 5);
  EXPECT_EQ(report->errors[1].field, "cause");
  EXPECT_NE(report->errors[1].message.find("Shark"), std::string::npos);
  EXPECT_TRUE(incidents().list(Actor::command_line(), {})->empty());

  auto wrong = incidents().import_mmp(Actor::command_line(), make_string_stream("a,b\n1,2\n", "x.csv"));
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message().find("line 1"), std::string::npos);
}

TEST_F(IncidentServiceTest, OnlyProtectionOfficersReadSurvivorsRecords) {
  Principal officer = principal("olga", Role::kProtectionOfficer);
  Principal analyst = principal("ana", Role::kAnalyst);
  Principal commander = principal("cmd", Role::kCommander);
  Principal registrar = principal("reg", Role::kRegistrar);
  auto none = incidents().record(officer, survivor_record("SV-0001", {}));
  auto maps = incidents().record(officer, survivor_record("SV-0002", {Consent::kMaps}));
  auto pros = incidents().record(officer, survivor_record("SV-0003", {Consent::kProsecution}));
  ASSERT_TRUE(none && maps && pros) << (none ? "" : none.error().message());
  model::Incident robbery;
  robbery.type = IncidentType::kRobbery;
  robbery.month = "2024-05";
  robbery.lat = 8.41;
  robbery.lon = -77.81;
  robbery.victims.men = 3;
  robbery.narrative = "three men robbed at the river crossing";
  ASSERT_TRUE(incidents().record(officer, robbery));

  // Nobody but protection records a survivor's record.
  EXPECT_EQ(incidents().record(analyst, survivor_record("SV-9", {})).error().code(), ErrorCode::kPermissionDenied);

  // The protection officer reads all of it.
  auto whole = incidents().list(Actor::of(officer), {});
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->size(), 4u);
  EXPECT_EQ(incidents().get(officer, *none)->incident.survivor_code, "SV-0001");
  EXPECT_EQ(incidents().get(officer, *none)->incident.narrative, "what she told the nurse");

  // Analysts, commanders and the command line's exports: no code, no narrative, no record
  // without consent; with `maps` a rounded point, with `prosecution` the id and suspects.
  for (const Actor& reader : {Actor::of(analyst), Actor::of(commander), Actor::command_line()}) {
    auto seen = incidents().list(reader, {});
    ASSERT_TRUE(seen) << reader.name;
    ASSERT_EQ(seen->size(), 3u) << reader.name;
    int redacted = 0;
    for (const auto& v : *seen) {
      EXPECT_TRUE(v.incident.survivor_code.empty());
      if (!v.incident.is_survivor_record()) continue;
      ++redacted;
      EXPECT_TRUE(v.redacted);
      EXPECT_TRUE(v.incident.narrative.empty());
      EXPECT_TRUE(v.incident.location.empty());
      EXPECT_TRUE(v.incident.occurred_on.empty());
      EXPECT_EQ(v.incident.victims.total(), 0);
      EXPECT_NEAR(v.incident.lat, 8.45, 1e-9);
      EXPECT_NEAR(v.incident.lon, -77.70, 1e-9);
      EXPECT_NE(v.incident.id, *none);
      if (v.incident.id == 0) EXPECT_TRUE(v.incident.suspect_entity_ids.empty());
      else EXPECT_EQ(v.incident.suspect_entity_ids, std::vector<std::int64_t>{41});
    }
    EXPECT_EQ(redacted, 2) << reader.name;
  }
  auto denied = incidents().get(analyst, *none);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_NE(denied.error().message().find("protection officers"), std::string::npos);
  EXPECT_FALSE(incidents().get(analyst, *maps));  // a map point is not a record
  EXPECT_TRUE(incidents().get(analyst, *pros)->incident.survivor_code.empty());
  EXPECT_EQ(incidents().list(Actor::of(registrar), {}).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(incidents().counts(Actor::of(registrar), {}, false).error().code(), ErrorCode::kPermissionDenied);

  // Anonymous counts carry all three.
  auto counts = incidents().counts(Actor::of(analyst), {.type = IncidentType::kSexualViolence}, true);
  ASSERT_TRUE(counts);
  ASSERT_EQ(counts->size(), 1u);
  EXPECT_EQ((*counts)[0].incidents, 3);

  // Maps: the record without consent is withheld (counted), not placed.
  auto spots = incidents().hotspots(Actor::of(analyst), {.incidents = {.type = IncidentType::kSexualViolence},
                                                         .density = {.min_weight = 1}});
  ASSERT_TRUE(spots);
  EXPECT_EQ(spots->points, 1);
  EXPECT_EQ(spots->withheld, 2);
  std::string geojson = hotspots_geojson(*spots, true);
  EXPECT_EQ(geojson.find("SV-"), std::string::npos);
  auto points = incidents().points(Actor::of(analyst), {.type = IncidentType::kSexualViolence});
  ASSERT_TRUE(points);
  ASSERT_EQ(points->lon.size(), 1u);
  EXPECT_NEAR(points->lat[0], 8.45, 1e-9);
  EXPECT_EQ(incidents().points(Actor::of(officer), {.type = IncidentType::kSexualViolence})->lon.size(), 3u);
  EXPECT_FALSE(incidents().points(Actor::of(registrar), {}));
  auto officer_spots = incidents().hotspots(Actor::of(officer), {.incidents = {.type = IncidentType::kSexualViolence},
                                                                 .density = {.min_weight = 1}});
  EXPECT_EQ(officer_spots->points, 3);

  // Sector risk counts every record, anonymously.
  auto risk = incidents().sector_risk(Actor::of(commander), {.from = "2024-05", .to = "2024-05"});
  ASSERT_TRUE(risk);
  std::int64_t total = 0;
  for (const auto& r : *risk) total += r.incidents;
  EXPECT_EQ(total, 4);
  EXPECT_EQ(sectors_geojson(*risk).find("SV-"), std::string::npos);
}

TEST_F(IncidentServiceTest, VictimsLinkToRegistrationsOnlyWithConsentAndOnlyForWhoSeesBoth) {
  Principal officer = principal("olga", Role::kProtectionOfficer);
  Principal analyst = principal("ana", Role::kAnalyst);
  Principal commander = principal("cmd", Role::kCommander);
  Principal registrar = principal("reg", Role::kRegistrar);
  model::RegistrationGroup g;
  g.station_code = "lajas-blancas";
  g.registered_on = CivilDate::parse("2024-05-04").value();
  model::Person p;
  p.given_names = "María";
  p.family_names = "Rojas";
  p.sex = model::PersonSex::kFemale;
  p.birth_date = CivilDate::parse("1990-01-01").value();
  p.nationality_iso3 = "VEN";
  p.relationship = model::Relationship::kHead;
  g.people = {p};
  auto reg = f_.services().registrations().register_group(Actor::command_line(), g);
  ASSERT_TRUE(reg && reg->stored);
  std::int64_t person = reg->group.people[0].id.value();

  auto without = incidents().record(officer, survivor_record("SV-0001", {Consent::kMaps, Consent::kProsecution}));
  auto with = incidents().record(officer, survivor_record("SV-0002", {Consent::kRegistration}));
  model::Incident robbery;
  robbery.type = IncidentType::kRobbery;
  robbery.month = "2024-05";
  robbery.lat = 8.41;
  robbery.lon = -77.81;
  robbery.victims.women = 1;
  auto rob = incidents().record(officer, robbery);
  ASSERT_TRUE(without && with && rob);

  // Without the survivor's consent to it, no link is made, whoever asks.
  auto refused = incidents().link_victim(officer, *without, person);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().message().find("consent"), std::string::npos);
  EXPECT_TRUE(incidents().victim_links(officer, *without)->empty());

  // With it, the protection officer links her; other incidents link without a survivor's consent.
  ASSERT_TRUE(incidents().link_victim(officer, *with, person));
  ASSERT_TRUE(incidents().link_victim(officer, *rob, person));
  EXPECT_EQ(incidents().link_victim(officer, *rob, 99999).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(incidents().link_victim(officer, 99999, person).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(incidents().link_victim(officer, *rob, 0).error().code(), ErrorCode::kInvalidArgument);
  auto links = incidents().victim_links(officer, *with);
  ASSERT_TRUE(links);
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].person_id, person);
  EXPECT_EQ((*links)[0].linked_by, "olga");

  // Roles that see only one side see no link, and cannot make one.
  for (const Principal* other : {&analyst, &commander, &registrar}) {
    EXPECT_EQ(incidents().victim_links(*other, *with).error().code(), ErrorCode::kPermissionDenied) << other->username;
    EXPECT_EQ(incidents().victim_links(*other, *rob).error().code(), ErrorCode::kPermissionDenied) << other->username;
    EXPECT_EQ(incidents().link_victim(*other, *rob, person).error().code(), ErrorCode::kPermissionDenied)
        << other->username;
  }
  // The audit log names the person for the robbery, never for the survivor's record.
  auto db = f_.services().pool().acquire();
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'incident.victim_link' AND detail = $1",
                          {fmt::format("person:{}", person)})
                .value()
                .value(),
            1);
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'incident.victim_link' AND object = $1 "
                          "AND detail = ''",
                          {fmt::format("incident:{}", *with)})
                .value()
                .value(),
            1);
}

TEST_F(IncidentServiceTest, DefaultSectorsLieAlongTheRoute) {
  auto sectors = incidents().sectors(Actor::command_line());
  ASSERT_TRUE(sectors);
  EXPECT_GE(sectors->size(), 8u);
  EXPECT_LE(sectors->size(), 12u);
  auto holds = [&](double lon, double lat) {
    return std::any_of(sectors->begin(), sectors->end(),
                       [&](const Sector& s) { return geo::contains(s.polygon, {lon, lat}); });
  };
  EXPECT_TRUE(holds(-77.27719, 8.51158));   // Acandí
  EXPECT_TRUE(holds(-77.678859, 8.457257)); // Bajo Chiquito
  EXPECT_TRUE(holds(-77.80872, 8.415));     // Lajas Blancas

  EXPECT_FALSE(incidents().load_sectors(Actor::command_line(), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"code":"A","name":"a"},"geometry":{"type":"Point","coordinates":[1,2]}}]})"));
  ASSERT_TRUE(incidents().load_sectors(Actor::command_line(), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"code":"A","name":"a","units_to_cover":10},
     "geometry":{"type":"Polygon","coordinates":[[[-78,8],[-77,8],[-77,9],[-78,9],[-78,8]]]}}]})"));
  EXPECT_EQ(incidents().sectors(Actor::command_line())->size(), 1u);
}

TEST_F(IncidentServiceTest, PlansTwelveHundredUnitsWithinTheUnits) {
  import_mmp();
  Principal commander = principal("cmd", Role::kCommander);
  Principal analyst = principal("ana", Role::kAnalyst);
  EXPECT_EQ(incidents().plan(Actor::of(analyst), {.ground_units = 10}).error().code(), ErrorCode::kPermissionDenied);
  auto plan = incidents().plan(Actor::of(commander), {.ground_units = 1000, .air_units = 50, .period = "2024-12"});
  ASSERT_TRUE(plan) << plan.error().message();
  EXPECT_EQ(plan->from, "2024-01");
  EXPECT_DOUBLE_EQ(plan->resources, 1150);
  EXPECT_LE(plan->used, 1150 + 1e-6);
  double used = 0;
  bool some_zero = false;
  for (const auto& s : plan->sectors) {
    EXPECT_GE(s.coverage, 0);
    EXPECT_LE(s.coverage, 1);
    used += s.expected_units;
    EXPECT_FALSE(s.reason.empty());
    if (s.risk == 0) {
      some_zero = true;
      EXPECT_EQ(s.coverage, 0) << s.code;
    }
  }
  EXPECT_TRUE(some_zero);
  EXPECT_LE(used, 1150 + 1e-6);
  ASSERT_EQ(plan->shifts.size(), 14u);
  for (const auto& shift : plan->shifts) {
    std::int64_t ground = 0, air = 0;
    for (const auto& a : shift) {
      ground += a.ground;
      air += a.air;
    }
    EXPECT_LE(ground, 1000);
    EXPECT_LE(air, 50);
  }
  // Bajo Chiquito's sector carries the most risk in 2024 and gets units.
  auto top = std::max_element(plan->sectors.begin(), plan->sectors.end(),
                              [](const auto& a, const auto& b) { return a.risk < b.risk; });
  EXPECT_EQ(top->code, "S08");
  EXPECT_GT(top->coverage, 0.3);

  // Fixing a zero-risk sector costs something and is honoured.
  std::string idle;
  for (const auto& s : plan->sectors) {
    if (s.risk == 0 && s.units_to_cover <= 500) idle = s.code;
  }
  ASSERT_FALSE(idle.empty());
  auto fixed = incidents().plan(Actor::of(commander),
                                {.ground_units = 1000, .air_units = 50, .period = "2024-12", .fixed = {{idle, 1.0}}});
  ASSERT_TRUE(fixed) << fixed.error().message();
  for (const auto& s : fixed->sectors) {
    if (s.code == idle) {
      EXPECT_TRUE(s.fixed);
      EXPECT_DOUBLE_EQ(s.coverage, 1.0);
    }
  }
  EXPECT_GT(fixed->cost_of_fixes, 0);
  EXPECT_FALSE(incidents().plan(Actor::of(commander), {.ground_units = 10, .fixed = {{"NOPE", 1.0}}}));
}

TEST_F(IncidentServiceTest, OperationLogCountsIncidentsBeforeAndDuring) {
  import_mmp();
  Principal commander = principal("cmd", Role::kCommander);
  Principal analyst = principal("ana", Role::kAnalyst);
  auto id = incidents().create_operation(Actor::of(commander), {.name = "Chocó", .from = "2024-07", .to = "2024-12",
                                                                .sectors = {"S08", "S10"},
                                                                .ground_units = 1200, .air_units = 4});
  ASSERT_TRUE(id) << id.error().message();
  EXPECT_FALSE(incidents().create_operation(Actor::of(analyst), {.name = "x", .from = "2024-01", .to = "2024-02"}));
  EXPECT_FALSE(incidents().create_operation(Actor::of(commander), {.name = "x", .from = "2024-01", .to = "2024-02",
                                                                   .sectors = {"S99"}}));
  ASSERT_TRUE(incidents().record_operation_results(Actor::of(commander), *id, 37, 5, 112, "first phase"));
  auto ops = incidents().operations(Actor::of(analyst));
  ASSERT_TRUE(ops);
  ASSERT_EQ(ops->size(), 1u);
  const auto& r = (*ops)[0];
  EXPECT_EQ(r.operation.arrests, 37);
  EXPECT_EQ(r.operation.rescues, 112);
  // Every figure is counted from the stored incidents in S08 and S10.
  auto all = incidents().list(Actor::command_line(), {.from = "2024-01", .to = "2024-12"}).value();
  auto sectors = incidents().sectors(Actor::command_line()).value();
  std::int64_t before = 0, during = 0;
  for (const auto& v : all) {
    bool in = false;
    for (const auto& s : sectors) {
      if ((s.code == "S08" || s.code == "S10") && geo::contains(s.polygon, {v.incident.lon, v.incident.lat})) in = true;
    }
    if (!in) continue;
    (v.incident.month >= "2024-07" ? during : before) += 1;
  }
  EXPECT_EQ(r.incidents_before, before);
  EXPECT_EQ(r.incidents_during, during);
  EXPECT_GT(before + during, 0);
}

}  // namespace
}  // namespace escudo::service

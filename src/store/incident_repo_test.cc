#include "store/incident_repo.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing/temp_dir.h"

namespace escudo::store {
namespace {

using model::Consent;
using model::Incident;
using model::IncidentType;

class IncidentRepoTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = open_sqlite(dir_.file("i.db")).value(); }

  std::int64_t add(IncidentType type, std::string month, double lon, double lat,
                   std::vector<Consent> consents = {}) {
    Incident in;
    in.type = type;
    in.month = std::move(month);
    in.lon = lon;
    in.lat = lat;
    in.victims.women = 1;
    in.dead_or_missing = 2;
    in.narrative = "what happened";
    in.recorded_by = "ana";
    in.recorded_at = 100;
    if (type == IncidentType::kSexualViolence) {
      in.survivor_code = "SV-0001";
      in.consents = std::move(consents);
    }
    in.suspect_entity_ids = {7};
    return IncidentRepo(*db_).insert(in, std::nullopt).value();
  }

  std::int64_t add_person() {
    EXPECT_TRUE(db_->execute("INSERT INTO registration_groups (station_id, registered_on, registered_at, "
                             "registered_by) VALUES (1, '2024-05-02', 100, 'reg')")
                    .has_value());
    std::int64_t group = db_->query_int("SELECT MAX(id) FROM registration_groups").value().value();
    EXPECT_TRUE(db_->execute("INSERT INTO persons (group_id, given_names, family_names, sex, age_group, "
                             "nationality, document_type, relationship) VALUES ($1, 'Ana', 'Pérez', 'female', "
                             "'adult', 'VEN', 'passport', 'head')",
                             {group})
                    .has_value());
    return db_->query_int("SELECT MAX(id) FROM persons").value().value();
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(IncidentRepoTest, RecordsRoundTripWithTheSurvivorsPartApart) {
  std::int64_t robbery = add(IncidentType::kRobbery, "2024-05", -77.7, 8.45);
  std::int64_t sv = add(IncidentType::kSexualViolence, "2024-06", -77.6, 8.5,
                        {Consent::kMaps, Consent::kRegistration});
  IncidentRepo repo(*db_);
  auto found = repo.find(sv).value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->survivor_code, "SV-0001");
  EXPECT_EQ(found->narrative, "what happened");
  EXPECT_EQ(found->consents, (std::vector<Consent>{Consent::kMaps, Consent::kRegistration}));
  EXPECT_EQ(found->suspect_entity_ids, std::vector<std::int64_t>{7});
  // The incidents row itself holds no survivor's narrative: only her record does.
  EXPECT_EQ(db_->query_int("SELECT COUNT(*) FROM incidents WHERE narrative != ''").value().value(), 1);
  EXPECT_FALSE(repo.find(999).value());

  auto listed = repo.list({.from_month = "2024-05", .to_month = "2024-05"}).value();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, robbery);
  EXPECT_EQ(listed[0].victims.women, 1);
  EXPECT_EQ(repo.list({.type = IncidentType::kSexualViolence}).value().size(), 1u);
  EXPECT_EQ(repo.latest_month().value(), "2024-06");
}

TEST_F(IncidentRepoTest, HotspotPointsCarryOnlyPlaceAndTheSurvivorsConsentToMaps) {
  add(IncidentType::kRobbery, "2024-05", -77.7, 8.45);
  add(IncidentType::kRobbery, "2023-01", -77.1, 8.2);
  add(IncidentType::kSexualViolence, "2024-05", -77.6, 8.5, {Consent::kMaps});
  add(IncidentType::kSexualViolence, "2024-05", -77.5, 8.6, {Consent::kProsecution});
  IncidentRepo repo(*db_);
  std::vector<HotspotPoint> points;
  ASSERT_TRUE(repo.for_each_hotspot_point({.from_month = "2024-01", .to_month = "2024-12"},
                                          [&](const HotspotPoint& p) { points.push_back(p); })
                  .has_value());
  ASSERT_EQ(points.size(), 3u);
  std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.lon < b.lon; });
  EXPECT_DOUBLE_EQ(points[0].lon, -77.7);
  EXPECT_FALSE(points[0].survivor_record);
  EXPECT_TRUE(points[1].survivor_record);
  EXPECT_TRUE(points[1].consent_maps);
  EXPECT_TRUE(points[2].survivor_record);
  EXPECT_FALSE(points[2].consent_maps);  // consent to prosecution is not consent to maps

  std::size_t robberies = 0;
  ASSERT_TRUE(repo.for_each_hotspot_point({.type = IncidentType::kRobbery},
                                          [&](const HotspotPoint&) { ++robberies; })
                  .has_value());
  EXPECT_EQ(robberies, 2u);
  // The hotspot query reads the covering index alone, never the table's rows.
  std::string plan;
  ASSERT_TRUE(db_->query("EXPLAIN QUERY PLAN SELECT id, lon, lat, survivor_record FROM incidents "
                         "WHERE month >= $2 AND month <= $3 AND ($1 = '' OR type = $1)",
                         {"", "0000-00", "9999-99"}, [&](const Row& row) {
                           plan += row.get_text(3) + "\n";
                           return ok_status();
                         })
                  .has_value());
  EXPECT_NE(plan.find("COVERING INDEX incidents_points"), std::string::npos) << plan;
}

TEST_F(IncidentRepoTest, VictimLinksNeedAnIncidentAndAPerson) {
  std::int64_t robbery = add(IncidentType::kRobbery, "2024-05", -77.7, 8.45);
  std::int64_t person = add_person();
  IncidentRepo repo(*db_);
  ASSERT_TRUE(repo.link_victim({.incident_id = robbery, .person_id = person, .linked_by = "ana", .linked_at = 5})
                  .has_value());
  ASSERT_TRUE(repo.link_victim({.incident_id = robbery, .person_id = person, .linked_by = "bea", .linked_at = 6})
                  .has_value());  // twice: one link
  auto links = repo.victim_links(robbery).value();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].person_id, person);
  EXPECT_EQ(links[0].linked_by, "ana");
  EXPECT_EQ(repo.link_victim({.incident_id = robbery, .person_id = 999, .linked_by = "ana"}).error().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(repo.link_victim({.incident_id = 999, .person_id = person, .linked_by = "ana"}).error().code(),
            ErrorCode::kNotFound);
  // The whole-record reads carry no links.
  EXPECT_TRUE(repo.victim_links(999).value().empty());
}

TEST_F(IncidentRepoTest, OperationsAndTheirResults) {
  IncidentRepo repo(*db_);
  std::int64_t id = repo.insert_operation({.name = "Chocó", .from_month = "2024-01", .to_month = "2024-03",
                                           .sectors = {"S01", "S02"}, .ground_units = 100, .air_units = 2,
                                           .created_by = "cmd", .created_at = 10})
                        .value();
  ASSERT_TRUE(repo.set_operation_results(id, 3, 1, 12, "river crossing").has_value());
  EXPECT_EQ(repo.set_operation_results(999, 0, 0, 0, "").error().code(), ErrorCode::kNotFound);
  auto ops = repo.operations().value();
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].sectors, (std::vector<std::string>{"S01", "S02"}));
  EXPECT_EQ(ops[0].arrests, 3);
  EXPECT_EQ(ops[0].rescues, 12);
  EXPECT_EQ(ops[0].notes, "river crossing");
}

}  // namespace
}  // namespace escudo::store

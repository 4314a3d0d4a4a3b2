#include "model/incident.h"

#include <gtest/gtest.h>

namespace escudo::model {
namespace {

Incident robbery() {
  Incident in;
  in.type = IncidentType::kRobbery;
  in.month = "2024-03";
  in.occurred_on = "2024-03-14";
  in.lat = 8.45;
  in.lon = -77.68;
  return in;
}

TEST(IncidentTest, NamesRoundTrip) {
  for (IncidentType t : all_incident_types()) EXPECT_EQ(parse_incident_type(incident_type_name(t)).value(), t);
  for (Consent c : all_consents()) EXPECT_EQ(parse_consent(consent_name(c)).value(), c);
  auto bad = parse_incident_type("theft");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message().find("robbery"), std::string::npos);
}

TEST(IncidentTest, ValidRobberyHasNoProblems) { EXPECT_TRUE(validate_incident(robbery()).empty()); }

TEST(IncidentTest, NamesTheFieldOfEachProblem) {
  Incident in = robbery();
  in.occurred_on = "2024-04-01";
  in.lat = 95;
  in.victims.girls = -1;
  auto problems = validate_incident(in);
  std::vector<std::string> fields;
  for (const auto& p : problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"occurred_on", "lat", "victims.girls"}));
}

TEST(IncidentTest, SurvivorRecordsCarryACodeNotAName) {
  Incident in = robbery();
  in.type = IncidentType::kSexualViolence;
  auto problems = validate_incident(in);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "survivor_code");
  in.survivor_code = "Maria Lopez";
  EXPECT_EQ(validate_incident(in).size(), 1u);
  in.survivor_code = "SV-2024-0031";
  EXPECT_TRUE(validate_incident(in).empty());
  Incident other = robbery();
  other.survivor_code = "SV-1";
  other.consents = {Consent::kMaps};
  EXPECT_EQ(validate_incident(other).size(), 2u);
}

TEST(IncidentTest, MapsMissingMigrantsCauses) {
  EXPECT_EQ(incident_type_of_mmp_cause("Drowning").value(), IncidentType::kDrowning);
  EXPECT_EQ(incident_type_of_mmp_cause("Violence").value(), IncidentType::kHomicide);
  EXPECT_EQ(incident_type_of_mmp_cause("Drowning,Violence").value(), IncidentType::kDrowning);
  EXPECT_EQ(incident_type_of_mmp_cause(
                "Harsh environmental conditions / lack of adequate shelter, food, water")
                .value(),
            IncidentType::kIllnessExhaustion);
  EXPECT_EQ(incident_type_of_mmp_cause("Mixed or unknown").value(), IncidentType::kUnknownCause);
  EXPECT_FALSE(incident_type_of_mmp_cause("Shark"));
}

}  // namespace
}  // namespace escudo::model

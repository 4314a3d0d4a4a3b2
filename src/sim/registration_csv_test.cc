#include "sim/registration_csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "sim/official_tables_for_test.h"

namespace escudo::sim {
namespace {

const std::vector<std::string> kColumns = {"group_ref",
                                           "station",
                                           "registered_on",
                                           "given_names",
                                           "family_names",
                                           "sex",
                                           "birth_date",
                                           "estimated_age",
                                           "nationality",
                                           "document_type",
                                           "document_country",
                                           "document_number",
                                           "phone",
                                           "relationship",
                                           "departure_point",
                                           "days_in_jungle",
                                           "paid_usd",
                                           "paid_to",
                                           "pregnant",
                                           "disability",
                                           "injured",
                                           "violence_survivor",
                                           "separated"};

std::vector<CsvRecord> parse(const std::string& text) {
  CsvReader reader(make_string_stream(text, "simulated.csv"));
  std::vector<CsvRecord> rows;
  CsvRecord record;
  while (true) {
    auto more = reader.next(record);
    EXPECT_TRUE(more.has_value()) << more.error().to_string();
    if (!more.has_value() || !*more) break;
    rows.push_back(record);
  }
  return rows;
}

std::optional<int> whole(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

int age_on(CivilDate birth, CivilDate day) {
  int age = day.year() - birth.year();
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day()))
    --age;
  return age;
}

bool is_e164(std::string_view phone) {
  return phone.size() >= 8 && phone.size() <= 16 && phone[0] == '+' && phone[1] >= '1' &&
         phone[1] <= '9' &&
         std::all_of(phone.begin() + 1, phone.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_iso3(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

TEST(RegistrationCsvTest, HeaderIsTheImportLayout) {
  std::ostringstream out;
  write_csv_header(out);
  std::string expected;
  for (const std::string& c : kColumns) expected += (expected.empty() ? "" : ",") + c;
  EXPECT_EQ(out.str(), expected + "\n");
}

TEST(RegistrationCsvTest, QuotesFieldsThatNeedIt) {
  SimGroup g;
  g.index = 42;
  g.station = "san-vicente";
  g.registered_on = CivilDate::parse("2023-08-09").value();
  g.departure_point = "Necoclí";
  g.days_in_jungle = 4;
  g.paid_usd_cents = 35'050;
  g.paid_to = "guide";
  SimPerson p;
  p.given_names = "Ana \"la Negra\", María";
  p.family_names = "Pérez\nGómez";
  p.sex = stats::Sex::kFemale;
  p.birth_date = CivilDate::parse("1990-02-03").value();
  p.nationality_iso3 = "VEN";
  p.document_type = DocumentType::kPassport;
  p.document_country_iso3 = "VEN";
  p.document_number = "123456789";
  p.phone = "+584121234567";
  p.pregnant = true;
  g.people.push_back(p);
  p.given_names = "Luis";
  p.family_names = "Pérez";
  p.sex = stats::Sex::kMale;
  p.birth_date_recorded = false;
  p.estimated_age = 7;
  p.document_type = DocumentType::kNone;
  p.document_country_iso3.clear();
  p.document_number.clear();
  p.phone.clear();
  p.relationship = Relationship::kChild;
  p.pregnant = false;
  p.separated = true;
  g.people.push_back(p);

  std::string text;
  append_csv_group(text, g);
  EXPECT_EQ(text,
            "G000000042,san-vicente,2023-08-09,\"Ana \"\"la Negra\"\", María\",\"Pérez\nGómez\","
            "female,1990-02-03,,VEN,passport,VEN,123456789,+584121234567,head,Necoclí,4,350.50,"
            "guide,1,0,0,0,0\n"
            "G000000042,san-vicente,2023-08-09,Luis,Pérez,male,,7,VEN,none,,,,child,Necoclí,4,"
            "350.50,guide,0,0,0,0,1\n");
  std::vector<CsvRecord> rows = parse(text);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[3], "Ana \"la Negra\", María");
  EXPECT_EQ(rows[0].fields[4], "Pérez\nGómez");

  g.days_in_jungle.reset();
  g.paid_usd_cents.reset();
  g.paid_to = "";
  g.departure_point = "";
  g.people.resize(1);
  text.clear();
  append_csv_group(text, g);
  EXPECT_NE(text.find(",head,,,,,1,0,0,0,0\n"), std::string::npos) << text;
}

// Every row of a large simulated file, read back with escudo's CSV reader, is one an import
// would accept.
TEST(RegistrationCsvTest, EveryRowIsValid) {
  auto tables = load_official_tables();
  ASSERT_TRUE(tables.has_value()) << tables.error().to_string();
  std::ostringstream out;
  write_csv_header(out);
  ASSERT_TRUE(generate({.seed = 77, .people = 40'000}, *tables, [&](const SimGroup& g) -> Status {
                write_csv_group(out, g);
                return ok_status();
              }).has_value());
  std::vector<CsvRecord> rows = parse(out.str());
  ASSERT_EQ(rows.size(), 40'001u);
  ASSERT_EQ(rows[0].fields, kColumns);

  const std::set<std::string> stations(station_codes().begin(), station_codes().end());
  const std::set<std::string> departures(departure_points().begin(), departure_points().end());
  const std::set<std::string> sexes = {"female", "male", "unknown"};
  const std::set<std::string> documents = {"passport", "national_id", "birth_certificate", "other",
                                           "none"};
  const std::set<std::string> relationships = {
      "head", "spouse", "child", "parent", "sibling", "grandparent", "other_relative", "unrelated"};
  const std::map<std::string, std::string> calling_codes = {
      {"VEN", "+58"}, {"COL", "+57"}, {"ECU", "+593"}, {"HTI", "+509"}, {"CUB", "+53"},
      {"CHN", "+86"}, {"IND", "+91"}, {"AFG", "+93"},  {"BGD", "+880"}, {"NPL", "+977"}};
  const CivilDate first_day = CivilDate::parse("2020-01-01").value();
  const CivilDate last_day = CivilDate::parse("2025-04-30").value();

  struct GroupSeen {
    std::string shared;  // the group's own fields
    bool adult_relative = false;
    bool separated_child = false;
    std::size_t last_row = 0;
  };
  std::map<std::string, GroupSeen> groups;
  std::int64_t with_birth_date = 0, with_estimate = 0, with_phone = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& f = rows[i].fields;
    SCOPED_TRACE(::testing::Message() << "line " << rows[i].line);
    ASSERT_EQ(f.size(), kColumns.size());
    ASSERT_EQ(f[0].size(), 10u);
    EXPECT_EQ(f[0][0], 'G');
    EXPECT_TRUE(stations.count(f[1]));
    auto registered = CivilDate::parse(f[2]);
    ASSERT_TRUE(registered.has_value());
    EXPECT_GE(*registered, first_day);
    EXPECT_LE(*registered, last_day);
    EXPECT_FALSE(f[3].empty());
    EXPECT_FALSE(f[4].empty());
    EXPECT_TRUE(sexes.count(f[5]));
    ASSERT_NE(f[6].empty(), f[7].empty()) << "exactly one of birth_date and estimated_age";
    int age = 0;
    if (!f[6].empty()) {
      auto birth = CivilDate::parse(f[6]);
      ASSERT_TRUE(birth.has_value()) << f[6];
      EXPECT_LE(*birth, *registered);
      age = age_on(*birth, *registered);
      ++with_birth_date;
    } else {
      auto estimate = whole(f[7]);
      ASSERT_TRUE(estimate.has_value()) << f[7];
      age = *estimate;
      ++with_estimate;
    }
    EXPECT_GE(age, 0);
    EXPECT_LE(age, 70);
    EXPECT_TRUE(is_iso3(f[8])) << f[8];
    EXPECT_TRUE(documents.count(f[9])) << f[9];
    EXPECT_TRUE(f[10].empty() || is_iso3(f[10])) << f[10];
    EXPECT_EQ(f[9] == "none", f[11].empty()) << f[9] << " " << f[11];
    if (f[9] == "birth_certificate") {
      EXPECT_LT(age, 18);
    }
    if (!f[12].empty()) {
      ++with_phone;
      EXPECT_TRUE(is_e164(f[12])) << f[12];
      auto code = calling_codes.find(f[8]);
      if (code != calling_codes.end()) {
        EXPECT_TRUE(f[12].starts_with(code->second) || f[12].starts_with("+57"))
            << f[8] << " " << f[12];
      }
      EXPECT_GE(age, 14);
    }
    EXPECT_TRUE(relationships.count(f[13])) << f[13];
    EXPECT_TRUE(f[14].empty() || departures.count(f[14])) << f[14];
    if (!f[15].empty()) {
      auto days = whole(f[15]);
      ASSERT_TRUE(days.has_value());
      EXPECT_GE(*days, 2);
      EXPECT_LE(*days, 10);
    }
    if (!f[16].empty()) {
      const std::string& paid = f[16];
      std::size_t dot = paid.find('.');
      ASSERT_NE(dot, std::string::npos) << paid;
      EXPECT_EQ(paid.size() - dot, 3u) << paid;
      EXPECT_TRUE(whole(paid.substr(0, dot)).has_value()) << paid;
    }
    for (std::size_t c = 18; c < 23; ++c) EXPECT_TRUE(f[c] == "0" || f[c] == "1") << kColumns[c];
    if (f[18] == "1") {
      EXPECT_EQ(f[5], "female");
      EXPECT_GE(age, 18);
    }
    if (f[22] == "1") {
      EXPECT_LT(age, 18);
    }

    GroupSeen& g = groups[f[0]];
    std::string shared = f[1] + "," + f[2] + "," + f[14] + "," + f[15] + "," + f[16] + "," + f[17];
    if (g.last_row == 0) {
      g.shared = shared;
      EXPECT_EQ(f[13], "head") << "a group starts with its head";
    } else {
      EXPECT_EQ(g.last_row, i - 1) << "a group's rows are together";
      EXPECT_EQ(g.shared, shared);
      EXPECT_NE(f[13], "head");
    }
    g.last_row = i;
    g.adult_relative |= age >= 18 && f[13] != "unrelated";
    g.separated_child |= f[22] == "1";
  }
  for (const auto& [ref, g] : groups) {
    if (g.separated_child) {
      EXPECT_TRUE(g.adult_relative) << ref << ": a separated child has an adult relative";
    }
  }
  EXPECT_GT(with_birth_date, 30'000);
  EXPECT_GT(with_estimate, 1'000);
  EXPECT_GT(with_phone, 10'000);
}

}  // namespace
}  // namespace escudo::sim

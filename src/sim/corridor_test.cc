#include "sim/corridor.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "sim/official_tables_for_test.h"
#include "sim/registration_csv.h"
#include "stats/cube.h"

namespace escudo::sim {
namespace {

constexpr int kAdultAge = 18;

// The official tables, read once for the whole binary.
const OfficialTables& official() {
  static const OfficialTables tables = [] {
    auto loaded = load_official_tables();
    EXPECT_TRUE(loaded.has_value()) << loaded.error().to_string();
    return loaded.has_value() ? std::move(*loaded) : OfficialTables{};
  }();
  return tables;
}

std::vector<SimGroup> generate_all(const SimConfig& config, const OfficialTables& tables) {
  std::vector<SimGroup> groups;
  auto status = generate(config, tables, [&](const SimGroup& g) -> Status {
    groups.push_back(g);
    return ok_status();
  });
  EXPECT_TRUE(status.has_value()) << status.error().to_string();
  return groups;
}

std::string csv_of(const SimConfig& config, const OfficialTables& tables) {
  std::string out;
  append_csv_header(out);
  auto status = generate(config, tables, [&](const SimGroup& g) -> Status {
    append_csv_group(out, g);
    return ok_status();
  });
  EXPECT_TRUE(status.has_value()) << status.error().to_string();
  return out;
}

std::int64_t people_in(const std::vector<SimGroup>& groups) {
  std::int64_t n = 0;
  for (const SimGroup& g : groups) n += static_cast<std::int64_t>(g.people.size());
  return n;
}

TEST(CorridorTest, SameSeedGivesTheSameCsv) {
  SimConfig config{.seed = 2024, .people = 20'000};
  std::string first = csv_of(config, official());
  std::string second = csv_of(config, official());
  EXPECT_GT(first.size(), 20'000u * 60);
  EXPECT_TRUE(first == second) << "two runs with one seed differ";
}

TEST(CorridorTest, DifferentSeedGivesADifferentCsv) {
  std::string a = csv_of({.seed = 1, .people = 2'000}, official());
  std::string b = csv_of({.seed = 2, .people = 2'000}, official());
  EXPECT_NE(a, b);
}

TEST(CorridorTest, ProducesExactlyThePeopleAskedFor) {
  for (std::int64_t n : {0, 1, 2, 7, 1'000, 12'345}) {
    std::vector<SimGroup> groups = generate_all({.seed = 5, .people = n}, small_tables());
    EXPECT_EQ(people_in(groups), n);
    for (std::size_t i = 0; i < groups.size(); ++i) {
      EXPECT_EQ(groups[i].index, static_cast<std::int64_t>(i));
      EXPECT_FALSE(groups[i].people.empty());
    }
  }
}

TEST(CorridorTest, FactsAreThePeopleGenerated) {
  const SimConfig config{.seed = 99, .people = 30'000};
  stats::FactTable facts(stats::FactTable::Resolution::kDay);
  ASSERT_TRUE(generate_facts(config, official(), facts).has_value());
  ASSERT_EQ(facts.size(), 30'000u);
  std::size_t row = 0;
  bool same = true;
  for (const SimGroup& g : generate_all(config, official())) {
    for (const SimPerson& p : g.people) {
      auto age_group = p.age >= kAdultAge ? stats::AgeGroup::kAdult : stats::AgeGroup::kChild;
      same = same && facts.day()[row] == g.registered_on.days_since_epoch() &&
             facts.nationality_label(facts.nationality()[row]) == p.nationality_iso3 &&
             facts.station_label(facts.station()[row]) == g.station &&
             facts.sex()[row] == static_cast<std::uint8_t>(p.sex) &&
             facts.age_group()[row] == static_cast<std::uint8_t>(age_group) &&
             facts.source()[row] == static_cast<std::uint8_t>(stats::Source::kRegistered) &&
             facts.weight()[row] == 1;
      ASSERT_TRUE(same) << "row " << row << " differs";
      ++row;
    }
  }
  EXPECT_EQ(row, facts.size());
}

// The official shares, from the tables themselves.
struct OfficialShares {
  std::map<int, double> year;  // share of all monthly people
  std::map<std::string, double> nationality_2023;
  double children_2023 = 0;
  double women_among_adults_2023 = 0;
};

OfficialShares official_shares(const OfficialTables& t) {
  OfficialShares s;
  std::map<int, std::int64_t> by_year;
  std::int64_t total = 0;
  std::int64_t in_2023 = 0;
  std::map<std::string, std::int64_t> nat_2023;
  for (const auto& r : t.by_nationality) {
    if (r.annual_total) continue;
    by_year[r.month.year()] += r.count;
    total += r.count;
    if (r.month.year() == 2023) {
      nat_2023[r.nationality_iso3] += r.count;
      in_2023 += r.count;
    }
  }
  for (auto [year, n] : by_year) s.year[year] = static_cast<double>(n) / static_cast<double>(total);
  for (auto& [code, n] : nat_2023)
    s.nationality_2023[code] = static_cast<double>(n) / static_cast<double>(in_2023);
  std::int64_t children = 0, women = 0, adults = 0, all = 0;
  for (const auto& r : t.by_sex_age) {
    if (r.month.year() != 2023) continue;
    all += r.count;
    if (r.group == model::DemographicGroup::kBoys || r.group == model::DemographicGroup::kGirls) {
      children += r.count;
    } else {
      adults += r.count;
      if (r.group == model::DemographicGroup::kWomen) women += r.count;
    }
  }
  s.children_2023 = static_cast<double>(children) / static_cast<double>(all);
  s.women_among_adults_2023 = static_cast<double>(women) / static_cast<double>(adults);
  return s;
}

class SharesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    groups_ =
        new std::vector<SimGroup>(generate_all({.seed = 20231, .people = 200'000}, official()));
  }
  static void TearDownTestSuite() {
    delete groups_;
    groups_ = nullptr;
  }
  static std::vector<SimGroup>* groups_;
};
std::vector<SimGroup>* SharesTest::groups_ = nullptr;

TEST_F(SharesTest, TheOfficialFiguresAreTheOnesExpected) {
  OfficialShares s = official_shares(official());
  EXPECT_NEAR(s.year.at(2023), 520'085.0 / 1'213'667.0, 1e-9);
  EXPECT_NEAR(s.nationality_2023.at("VEN"), 0.632, 0.001);
  EXPECT_NEAR(s.children_2023, 0.218, 0.001);
}

TEST_F(SharesTest, FollowTheOfficialTables) {
  OfficialShares expected = official_shares(official());
  std::map<int, std::int64_t> by_year;
  std::map<std::string, std::int64_t> nat_2023;
  std::int64_t in_2023 = 0, children_2023 = 0, adults_2023 = 0, women_2023 = 0, total = 0;
  for (const SimGroup& g : *groups_) {
    for (const SimPerson& p : g.people) {
      ++total;
      ++by_year[g.registered_on.year()];
      if (g.registered_on.year() != 2023) continue;
      ++in_2023;
      ++nat_2023[p.nationality_iso3];
      if (p.age < kAdultAge) {
        ++children_2023;
      } else {
        ++adults_2023;
        if (p.sex == stats::Sex::kFemale) ++women_2023;
      }
    }
  }
  ASSERT_EQ(total, 200'000);
  for (auto [year, share] : expected.year) {
    EXPECT_NEAR(static_cast<double>(by_year[year]) / static_cast<double>(total), share, 0.008)
        << "year " << year;
  }
  for (const char* code : {"VEN", "ECU", "HTI", "CHN", "COL"}) {
    double share = static_cast<double>(nat_2023[code]) / static_cast<double>(in_2023);
    EXPECT_NEAR(share, expected.nationality_2023.at(code), 0.012) << code << " in 2023";
  }
  EXPECT_NEAR(static_cast<double>(children_2023) / static_cast<double>(in_2023),
              expected.children_2023, 0.01);
  EXPECT_NEAR(static_cast<double>(women_2023) / static_cast<double>(adults_2023),
              expected.women_among_adults_2023, 0.012);
}

TEST_F(SharesTest, GroupsLookLikeTheCorridor) {
  std::map<GroupKind, std::int64_t> kinds;
  std::int64_t children = 0, unaccompanied = 0, separated = 0;
  std::size_t largest = 0;
  for (const SimGroup& g : *groups_) {
    ++kinds[g.kind];
    largest = std::max(largest, g.people.size());
    for (const SimPerson& p : g.people) {
      if (p.age >= kAdultAge) continue;
      ++children;
      unaccompanied += p.unaccompanied;
      separated += p.separated;
    }
  }
  const double groups = static_cast<double>(groups_->size());
  EXPECT_NEAR(static_cast<double>(kinds[GroupKind::kSingle]) / groups, 0.48, 0.02);
  EXPECT_GT(kinds[GroupKind::kFamily], 0);
  EXPECT_GT(kinds[GroupKind::kCouple], 0);
  EXPECT_GT(kinds[GroupKind::kUnrelatedAdults], 0);
  EXPECT_LE(largest, 8u);
  const double unaccompanied_share =
      static_cast<double>(unaccompanied) / static_cast<double>(children);
  EXPECT_GT(unaccompanied_share, 0.01);
  EXPECT_LT(unaccompanied_share, 0.02);
  const double separated_share = static_cast<double>(separated) / static_cast<double>(children);
  EXPECT_GT(separated_share, 0.01);
  EXPECT_LT(separated_share, 0.02);
}

// escudo's rule: a child is unaccompanied when no adult of the group has a relationship
// other than "unrelated". The ground truth must agree with it, and with the households.
TEST_F(SharesTest, UnaccompaniedChildrenHaveNoAdultRelative) {
  std::int64_t checked = 0;
  for (const SimGroup& g : *groups_) {
    bool adult_relative_by_rule = false;
    for (const SimPerson& p : g.people) {
      if (p.age >= kAdultAge && p.relationship != Relationship::kUnrelated)
        adult_relative_by_rule = true;
    }
    for (const SimPerson& p : g.people) {
      const bool child = p.age < kAdultAge;
      ASSERT_EQ(p.unaccompanied, child && !adult_relative_by_rule)
          << group_ref(g.index) << " (" << group_kind_name(g.kind) << ")";
      if (!p.unaccompanied) continue;
      ++checked;
      for (const SimPerson& other : g.people) {
        ASSERT_FALSE(other.age >= kAdultAge && other.household == p.household)
            << group_ref(g.index) << ": an adult of the child's family is in the group";
      }
      EXPECT_FALSE(p.separated);
    }
  }
  EXPECT_GT(checked, 100);
}

TEST_F(SharesTest, SeparatedChildrenTravelWithARelativeWhoIsNotAParent) {
  for (const SimGroup& g : *groups_) {
    for (const SimPerson& p : g.people) {
      if (!p.separated) continue;
      ASSERT_LT(p.age, kAdultAge);
      EXPECT_NE(p.relationship, Relationship::kChild);
      bool adult_relative = false;
      for (const SimPerson& other : g.people) {
        adult_relative |= other.age >= kAdultAge && other.household == p.household;
      }
      EXPECT_TRUE(adult_relative) << group_ref(g.index);
    }
  }
}

TEST_F(SharesTest, FamiliesAreConsistent) {
  std::int64_t spanish_children = 0;
  for (const SimGroup& g : *groups_) {
    const SimPerson& head = g.people.front();
    EXPECT_EQ(head.relationship, Relationship::kHead);
    for (std::size_t i = 0; i < g.people.size(); ++i) {
      const SimPerson& p = g.people[i];
      EXPECT_EQ(p.nationality_iso3, head.nationality_iso3);
      EXPECT_LE(p.age, 70);
      if (i > 0) {
        EXPECT_NE(p.relationship, Relationship::kHead);
      }
      if (p.relationship == Relationship::kChild) {
        EXPECT_GE(head.age - p.age, 16) << group_ref(g.index);
      }
      if (p.relationship == Relationship::kParent) {
        EXPECT_GE(p.age - head.age, 16);
      }
      if (p.pregnant) {
        EXPECT_EQ(p.sex, stats::Sex::kFemale);
        EXPECT_GE(p.age, kAdultAge);
      }
    }
    // Venezuelan children of two parents carry their father's first family name first.
    if (g.kind != GroupKind::kFamily || head.nationality_iso3 != "VEN" || g.people.size() < 3 ||
        g.people[1].relationship != Relationship::kSpouse) {
      continue;
    }
    const SimPerson& father = head.sex == stats::Sex::kMale ? head : g.people[1];
    auto first_name = [](const std::string& names) { return names.substr(0, names.find(' ')); };
    for (const SimPerson& p : g.people) {
      if (p.relationship != Relationship::kChild) continue;
      EXPECT_EQ(first_name(p.family_names), first_name(father.family_names));
      ++spanish_children;
    }
  }
  EXPECT_GT(spanish_children, 1000);
}

TEST(CorridorTest, KeepsToTheMonthsAsked) {
  SimConfig config{.seed = 3,
                   .people = 5'000,
                   .first_month = YearMonth(2023, 10),
                   .last_month = YearMonth(2023, 10)};
  for (const SimGroup& g : generate_all(config, official())) {
    ASSERT_EQ(g.registered_on.year_month(), YearMonth(2023, 10));
  }
}

TEST(CorridorTest, MonthsWithoutTheirOwnDemographicsTakeTheOverallShares) {
  // December 2022 has men and women only (children among them): the simulated share of children
  // there is the overall share of the months that count children apart (here 80/400 and
  // 160/800, so 20%).
  SimConfig config{.seed = 11, .people = 60'000, .last_month = YearMonth(2022, 12)};
  std::int64_t children = 0;
  std::int64_t female = 0;
  for (const SimGroup& g : generate_all(config, small_tables())) {
    for (const SimPerson& p : g.people) {
      children += p.age < kAdultAge;
      female += p.sex == stats::Sex::kFemale;
    }
  }
  EXPECT_NEAR(static_cast<double>(children) / 60'000, 0.20, 0.01);
  EXPECT_NEAR(static_cast<double>(female) / 60'000, 300.0 / 800.0, 0.012);
}

TEST(CorridorTest, RefusesWhatItCannotSimulate) {
  auto ignore = [](const SimGroup&) -> Status { return ok_status(); };
  auto code = [](const Status& s) { return s.has_value() ? ErrorCode{} : s.error().code(); };
  EXPECT_EQ(code(generate({.people = -1}, small_tables(), ignore)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(code(generate({.people = 10}, OfficialTables{}, ignore)), ErrorCode::kInvalidArgument);
  OfficialTables negative = small_tables();
  negative.by_nationality[1].count = -5;
  EXPECT_EQ(code(generate({.people = 10}, negative, ignore)), ErrorCode::kInvalidArgument);
  OfficialTables bad_code = small_tables();
  bad_code.by_nationality[1].nationality_iso3 = "ve";
  EXPECT_EQ(code(generate({.people = 10}, bad_code, ignore)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      code(generate({.people = 10, .first_month = YearMonth(2024, 1)}, small_tables(), ignore)),
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(code(generate(
                {.people = 10, .first_month = YearMonth(2023, 2), .last_month = YearMonth(2023, 1)},
                small_tables(), ignore)),
            ErrorCode::kInvalidArgument);
  stats::FactTable monthly(stats::FactTable::Resolution::kMonth);
  EXPECT_EQ(code(generate_facts({.people = 10}, small_tables(), monthly)),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(monthly.size(), 0u);
}

TEST(CorridorTest, StopsAtTheFirstErrorOfTheCallback) {
  int calls = 0;
  Status s = generate({.people = 1'000}, small_tables(), [&](const SimGroup&) -> Status {
    if (++calls == 3) return make_error(ErrorCode::kUnavailable, "disk full");
    return ok_status();
  });
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(calls, 3);
}

TEST(CorridorTest, FactsBuildACube) {
  stats::FactTable facts(stats::FactTable::Resolution::kDay);
  ASSERT_TRUE(generate_facts({.seed = 8, .people = 10'000}, small_tables(), facts).has_value());
  auto cube =
      stats::build_cube(facts, {.by = {stats::Dimension::kMonth, stats::Dimension::kNationality}});
  ASSERT_TRUE(cube.has_value());
  EXPECT_EQ(cube->total, 10'000);
  std::set<std::string> months;
  for (const auto& labels : cube->labels) months.insert(labels[0]);
  EXPECT_EQ(months, (std::set<std::string>{"2022-12", "2023-01", "2023-02"}));
  for (std::size_t i = 0; i < cube->counts.size(); ++i) {
    // No nationality appears in a month where the table has none of it.
    EXPECT_FALSE(cube->labels[i][0] == "2023-01" && cube->labels[i][1] == "HTI");
  }
}

}  // namespace
}  // namespace escudo::sim

#include "stats/cube.h"

#include <gtest/gtest.h>

#include "stats/compare.h"
#include "stats/region.h"

namespace escudo::stats {
namespace {

std::int32_t day_of(const char* iso) { return CivilDate::parse(iso).value().days_since_epoch(); }

class CubeTest : public ::testing::Test {
 protected:
  CubeTest() : facts_(FactTable::Resolution::kDay) {
    std::uint16_t ven = facts_.intern_nationality("VEN");
    std::uint16_t hti = facts_.intern_nationality("HTI");
    std::uint16_t bajo = facts_.intern_station("Bajo Chiquito");
    std::uint16_t lajas = facts_.intern_station("Lajas Blancas");
    add("2022-01-03", ven, Sex::kMale, AgeGroup::kAdult, bajo, 2);
    add("2022-05-31", hti, Sex::kFemale, AgeGroup::kChild, lajas, 1);
    add("2023-01-02", ven, Sex::kFemale, AgeGroup::kChild, bajo, 3);
    add("2023-01-08", ven, Sex::kMale, AgeGroup::kAdult, lajas, 4);
    add("2023-02-28", hti, Sex::kMale, AgeGroup::kAdult, bajo, 5);
    add("2023-06-01", hti, Sex::kUnknown, AgeGroup::kUnknown, lajas, 6);
  }
  void add(const char* day, std::uint16_t nat, Sex sex, AgeGroup age, std::uint16_t station,
           std::int64_t weight) {
    facts_.add({day_of(day), nat, sex, age, station, Source::kRegistered, weight});
  }
  FactTable facts_;
};

TEST_F(CubeTest, TotalsByYearAndMonth) {
  Cube by_year = build_cube(facts_, {.by = {Dimension::kYear}}).value();
  ASSERT_EQ(by_year.counts.size(), 2u);
  EXPECT_EQ(by_year.labels[0][0], "2022");
  EXPECT_EQ(by_year.counts[0], 3);
  EXPECT_EQ(by_year.counts[1], 18);
  EXPECT_EQ(by_year.total, 21);
  Cube by_month = build_cube(facts_, {.by = {Dimension::kMonth}}).value();
  ASSERT_EQ(by_month.counts.size(), 5u);  // only non-empty months
  EXPECT_EQ(by_month.labels[2][0], "2023-01");
  EXPECT_EQ(by_month.counts[2], 7);
}

TEST_F(CubeTest, CrossesAnyDimensions) {
  Cube c = build_cube(facts_, {.by = {Dimension::kQuarter, Dimension::kNationality,
                                      Dimension::kAgeGroup}}).value();
  // 2023-Q1 VEN child = 3, 2023-Q1 VEN adult = 4, 2023-Q1 HTI adult = 5, …
  bool found = false;
  for (std::size_t i = 0; i < c.counts.size(); ++i) {
    if (c.labels[i] == std::vector<std::string>{"2023-Q1", "VEN", "child"}) {
      EXPECT_EQ(c.counts[i], 3);
      found = true;
    }
  }
  EXPECT_TRUE(found);
  Cube by_station = build_cube(facts_, {.by = {Dimension::kStation, Dimension::kSex}}).value();
  EXPECT_EQ(by_station.labels.front(), (std::vector<std::string>{"Bajo Chiquito", "female"}));
  EXPECT_EQ(by_station.total, 21);
}

TEST_F(CubeTest, RegionsOfOrigin) {
  Cube c = build_cube(facts_, {.by = {Dimension::kRegion}}).value();
  ASSERT_EQ(c.counts.size(), 2u);
  EXPECT_EQ(c.labels[0][0], "South America");  // VEN
  EXPECT_EQ(c.counts[0], 9);
  EXPECT_EQ(c.labels[1][0], "Caribbean");  // HTI
  EXPECT_EQ(c.counts[1], 12);
  EXPECT_EQ(region_of("NPL"), "Southern Asia");
  EXPECT_EQ(region_of("ZZZ"), "Unknown");
}

TEST_F(CubeTest, IsoWeeksAndDays) {
  // 2023-01-02 is Monday of ISO week 1; 2023-01-08 is its Sunday; 2022-01-03 is 2022-W01.
  Cube weeks = build_cube(facts_, {.by = {Dimension::kWeek}}).value();
  EXPECT_EQ(weeks.labels[0][0], "2022-W01");
  bool week1 = false;
  for (std::size_t i = 0; i < weeks.counts.size(); ++i) {
    if (weeks.labels[i][0] == "2023-W01") {
      EXPECT_EQ(weeks.counts[i], 7);
      week1 = true;
    }
  }
  EXPECT_TRUE(week1);
  Cube days = build_cube(facts_, {.by = {Dimension::kDay}, .from = CivilDate::parse("2023-02-01").value()}).value();
  EXPECT_EQ(days.labels[0][0], "2023-02-28");
  EXPECT_EQ(days.total, 11);
}

TEST_F(CubeTest, FiltersAndRefusals) {
  Cube ven = build_cube(facts_, {.by = {Dimension::kYear}, .nationality = "VEN"}).value();
  EXPECT_EQ(ven.total, 9);
  Cube none = build_cube(facts_, {.by = {Dimension::kYear}, .nationality = "CHN"}).value();
  EXPECT_EQ(none.total, 0);
  EXPECT_FALSE(build_cube(facts_, {.from = CivilDate::parse("2023-02-01").value(),
                                   .to = CivilDate::parse("2023-01-01").value()}).has_value());
  FactTable monthly(FactTable::Resolution::kMonth, {.sex = false, .age_group = false, .station = false});
  monthly.add({day_of("2023-01-01"), monthly.intern_nationality("VEN"), Sex::kUnknown,
               AgeGroup::kUnknown, 0, Source::kOfficial, 100});
  auto by_week = build_cube(monthly, {.by = {Dimension::kWeek}});
  ASSERT_FALSE(by_week.has_value());
  EXPECT_NE(by_week.error().message().find("monthly"), std::string::npos);
  auto by_sex = build_cube(monthly, {.by = {Dimension::kSex}});
  ASSERT_FALSE(by_sex.has_value());
  EXPECT_NE(by_sex.error().message().find("sex"), std::string::npos);
}

TEST_F(CubeTest, ParsesDimensionLists) {
  auto dims = parse_dimensions("year, month,nationality").value();
  EXPECT_EQ(dims, (std::vector<Dimension>{Dimension::kYear, Dimension::kMonth, Dimension::kNationality}));
  EXPECT_FALSE(parse_dimensions("year,year").has_value());
  EXPECT_FALSE(parse_dimensions("colour").has_value());
}

TEST_F(CubeTest, SamePeriodComparisonsAndYearOnYear) {
  Period jan_may_2023{CivilDate::parse("2023-01-01").value(), CivilDate::parse("2023-05-31").value()};
  auto cmp = compare_with_year_before(facts_, jan_may_2023).value();
  EXPECT_EQ(cmp.previous.from.to_string(), "2022-01-01");
  EXPECT_EQ(cmp.current_total, 12);
  EXPECT_EQ(cmp.previous_total, 3);
  EXPECT_DOUBLE_EQ(*cmp.ratio, 4.0);
  EXPECT_DOUBLE_EQ(*cmp.change_percent, 300.0);
  Period leap{CivilDate::parse("2024-02-29").value(), CivilDate::parse("2024-02-29").value()};
  EXPECT_EQ(compare_with_year_before(facts_, leap).value().previous.from.to_string(), "2023-02-28");
  EXPECT_FALSE(compare_periods(facts_, leap, leap).value().ratio.has_value());  // 0 before

  auto yoy = year_on_year(facts_).value();
  ASSERT_EQ(yoy.size(), 2u);
  EXPECT_FALSE(yoy[0].change_percent.has_value());
  EXPECT_DOUBLE_EQ(*yoy[1].change_percent, 500.0);
}

TEST_F(CubeTest, SharesAndRunningTotals) {
  Cube c = build_cube(facts_, {.by = {Dimension::kMonth, Dimension::kNationality}}).value();
  auto shares = shares_percent(c);
  double sum = 0;
  for (double s : shares) sum += s;
  EXPECT_NEAR(sum, 100.0, 1e-9);
  auto running = running_totals(c);
  // The last VEN cell runs to VEN's total (9), the last HTI cell to HTI's (12).
  std::int64_t last_ven = 0;
  std::int64_t last_hti = 0;
  for (std::size_t i = 0; i < c.counts.size(); ++i) {
    if (c.labels[i][1] == "VEN") last_ven = running[i];
    if (c.labels[i][1] == "HTI") last_hti = running[i];
  }
  EXPECT_EQ(last_ven, 9);
  EXPECT_EQ(last_hti, 12);
}

}  // namespace
}  // namespace escudo::stats

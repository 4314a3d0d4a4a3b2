#include "service/stats_service.h"

#include <gtest/gtest.h>

#include "base/input_stream.h"
#include "service/test_support.h"

namespace escudo::service {
namespace {

using stats::Dimension;

class StatsServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  void SetUp() override {
    for (const char* name : {"darien_transits_by_nationality.csv", "darien_transits_by_sex_age.csv"}) {
      auto stream = open_file_stream(testing::source_dir() + "/data/official/" + name).value();
      ASSERT_TRUE(services().transits().import_table(Actor::command_line(), std::move(stream))->stored);
    }
  }
  std::map<std::string, std::int64_t> by_label(const stats::Cube& cube) {
    std::map<std::string, std::int64_t> out;
    for (std::size_t i = 0; i < cube.counts.size(); ++i) {
      std::string key;
      for (const auto& l : cube.labels[i]) key += (key.empty() ? "" : "|") + l;
      out[key] = cube.counts[i];
    }
    return out;
  }
};

TEST_F(StatsServiceTest, OfficialTotalsByYearReproduceTheSource) {
  auto cube = services().stats().cube(nullptr, {.by = {Dimension::kYear}}).value();
  auto years = by_label(cube);
  EXPECT_EQ(years["2010"], 559);
  EXPECT_EQ(years["2019"], 22'102);
  EXPECT_EQ(years["2021"], 133'726);
  EXPECT_EQ(years["2022"], 248'284);
  EXPECT_EQ(years["2023"], 520'085);
  EXPECT_EQ(years["2024"], 302'203);
  EXPECT_EQ(years["2025"], 2'904);
}

TEST_F(StatsServiceTest, NationalityAndChildren) {
  auto ven = services().stats().cube(nullptr, {.by = {Dimension::kYear},
                                               .from = YearMonth(2023, 1),
                                               .to = YearMonth(2023, 12),
                                               .nationality = "VEN"}).value();
  EXPECT_EQ(ven.total, 328'650);
  auto ages = by_label(services().stats().cube(nullptr, {.by = {Dimension::kYear, Dimension::kAgeGroup}}).value());
  EXPECT_EQ(ages["2023|child"], 113'180);  // UNICEF's "113,000 children"
  EXPECT_EQ(ages["2021|unknown"], 133'726);  // men and women include children before 2023
  auto months = services().stats().cube(nullptr, {.by = {Dimension::kAgeGroup},
                                                  .from = YearMonth(2024, 1),
                                                  .to = YearMonth(2024, 10)}).value();
  EXPECT_EQ(by_label(months)["child"], 61'145);
}

TEST_F(StatsServiceTest, MonthlyViewsLeaveOutYearlyOnlyTotals) {
  auto months = services().stats().cube(nullptr, {.by = {Dimension::kMonth}}).value();
  EXPECT_EQ(months.labels.front()[0], "2020-01");
  EXPECT_EQ(months.total, 6'465 + 133'726 + 248'284 + 520'085 + 302'203 + 2'904);
}

TEST_F(StatsServiceTest, SamePeriodComparison) {
  auto cmp = services().stats().compare_with_year_before(nullptr, YearMonth(2023, 1),
                                                         YearMonth(2023, 6), std::nullopt).value();
  EXPECT_EQ(cmp.current_total, 196'371);  // IOM DTM quotes these two figures
  EXPECT_EQ(cmp.previous_total, 49'452);
  EXPECT_NEAR(*cmp.ratio, 3.971, 0.001);
  auto jan_may = services().stats().compare_with_year_before(nullptr, YearMonth(2023, 1),
                                                             YearMonth(2023, 5), std::nullopt).value();
  EXPECT_EQ(jan_may.current_total, 166'649);
}

TEST_F(StatsServiceTest, RefusesWhatTheTablesCannotSay) {
  auto crossed = services().stats().cube(nullptr, {.by = {Dimension::kNationality, Dimension::kSex}});
  ASSERT_FALSE(crossed.has_value());
  EXPECT_EQ(crossed.error().code(), ErrorCode::kInvalidArgument);
  auto weekly = services().stats().cube(nullptr, {.by = {Dimension::kWeek}});
  EXPECT_FALSE(weekly.has_value());
  auto source = services().stats().cube(nullptr, {.by = {Dimension::kYear}, .source = "rumour"});
  EXPECT_FALSE(source.has_value());
}

}  // namespace
}  // namespace escudo::service

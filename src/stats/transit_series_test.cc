#include "stats/transit_series.h"

#include <gtest/gtest.h>

namespace escudo::stats {
namespace {

using model::NationalityCount;

TEST(TransitSeriesTest, MonthlyTotalsFillClosedMonthsWithZero) {
  std::vector<NationalityCount> rows = {
      {YearMonth(2019, 1), true, "CUB", 100},  // annual: skipped
      {YearMonth(2020, 3), false, "HTI", 5},
      {YearMonth(2020, 3), false, "CUB", 2},
      {YearMonth(2020, 6), false, "HTI", 1},
  };
  auto series = monthly_totals(rows);
  ASSERT_EQ(series.size(), 4u);
  EXPECT_EQ(series[0].month, YearMonth(2020, 3));
  EXPECT_EQ(series[0].total, 7);
  EXPECT_EQ(series[1].total, 0);  // 2020-04
  EXPECT_EQ(series[2].total, 0);  // 2020-05
  EXPECT_EQ(series[3].total, 1);
}

TEST(TransitSeriesTest, YearlyTotalsMarkAnnualOnlyYears) {
  std::vector<NationalityCount> rows = {
      {YearMonth(2019, 1), true, "CUB", 100},
      {YearMonth(2019, 1), true, "HTI", 20},
      {YearMonth(2020, 1), false, "HTI", 5},
      {YearMonth(2020, 2), false, "HTI", 6},
  };
  auto years = yearly_totals(rows);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2019);
  EXPECT_EQ(years[0].total, 120);
  EXPECT_TRUE(years[0].annual_only);
  EXPECT_EQ(years[1].total, 11);
  EXPECT_EQ(years[1].months, 2);
  EXPECT_FALSE(years[1].annual_only);
}

TEST(TransitSeriesTest, NationalityTotalsLargestFirst) {
  std::vector<NationalityCount> rows = {{YearMonth(2023, 1), false, "HTI", 5},
                                        {YearMonth(2023, 1), false, "VEN", 9},
                                        {YearMonth(2023, 2), false, "HTI", 6}};
  auto totals = nationality_totals(rows);
  ASSERT_EQ(totals.size(), 2u);
  EXPECT_EQ(totals[0].nationality_iso3, "HTI");
  EXPECT_EQ(totals[0].total, 11);
}

}  // namespace
}  // namespace escudo::stats

#include "stats/projection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace escudo::stats {
namespace {

using M = ProjectionMethod;

// Months from `first` on, one per value.
std::vector<MonthlyTotal> series_from(YearMonth first, const std::vector<std::int64_t>& values) {
  std::vector<MonthlyTotal> out;
  YearMonth m = first;
  for (std::int64_t v : values) {
    out.push_back({m, v});
    m = m.next();
  }
  return out;
}

std::vector<MonthlyTotal> flat(int first_year, int last_year, std::int64_t level) {
  return series_from(YearMonth(first_year, 1),
                     std::vector<std::int64_t>(12 * (last_year - first_year + 1), level));
}

void expect_sane(const Projection& p) {
  EXPECT_TRUE(std::isfinite(p.point));
  EXPECT_TRUE(std::isfinite(p.low80));
  EXPECT_TRUE(std::isfinite(p.high80));
  EXPECT_LE(p.low80, p.point);
  EXPECT_GE(p.high80, p.point);
  EXPECT_GE(p.point, 0);
}

TEST(ProjectionTest, FlatSeriesGivesTwelveTimesTheLevelByEveryMethod) {
  auto series = flat(2020, 2023, 1000);
  for (int month = 1; month <= 11; ++month) {
    for (M method : base_projection_methods()) {
      auto p = project_year(series, 2023, YearMonth(2023, month), method);
      ASSERT_TRUE(p.has_value()) << method_name(method) << ": " << p.error().to_string();
      EXPECT_NEAR(p->point, 12000, 1e-6) << method_name(method) << " at month " << month;
      EXPECT_EQ(p->known_to_date, 1000.0 * month);
      EXPECT_EQ(p->method, method);
      expect_sane(*p);
    }
    auto p = project_year_auto(series, 2023, YearMonth(2023, month));
    ASSERT_TRUE(p.has_value());
    EXPECT_NEAR(p->point, 12000, 1e-6);
    // Every method exact in every earlier year: a tie, won by the first in the list (last
    // year's total, scored on 2021 and 2022), and the interval collapses onto the point.
    EXPECT_EQ(p->method, M::kLastYearTotal);
    EXPECT_EQ(p->interval_years, 2);
    EXPECT_NEAR(p->low80, 12000, 1e-6);
    EXPECT_NEAR(p->high80, 12000, 1e-6);
  }
}

TEST(ProjectionTest, DoublingSeries) {
  // 1000, 2000, 4000, ... : the year-to-date at month k is 1000 · (2^k − 1).
  std::vector<std::int64_t> values;
  for (int m = 0; m < 12; ++m) values.push_back(1000LL << m);
  auto series = series_from(YearMonth(2023, 1), values);
  const int k = 5;
  const double known = 1000.0 * 31;

  auto scaled = project_year(series, 2023, YearMonth(2023, k), M::kYearToDateScaled);
  ASSERT_TRUE(scaled.has_value());
  EXPECT_DOUBLE_EQ(scaled->point, known * 12 / k);
  EXPECT_EQ(scaled->known_to_date, known);

  auto recent = project_year(series, 2023, YearMonth(2023, k), M::kRecentLevel);
  ASSERT_TRUE(recent.has_value());
  EXPECT_DOUBLE_EQ(recent->point, known + (4000.0 + 8000 + 16000) / 3 * 7);

  // The damped trend follows the growth, though less than all the way to 4,095,000.
  auto damped = project_year(series, 2023, YearMonth(2023, k), M::kDampedTrend);
  ASSERT_TRUE(damped.has_value());
  EXPECT_GT(damped->point, recent->point);
  EXPECT_LT(damped->point, 4095000);

  auto mix = project_year(series, 2023, YearMonth(2023, k), M::kMix);
  ASSERT_TRUE(mix.has_value());
  EXPECT_NEAR(mix->point, std::sqrt(scaled->point * damped->point), 1e-6);

  // No earlier year: nothing to choose on, the fallback and its conventional interval.
  auto chosen = project_year_auto(series, 2023, YearMonth(2023, k));
  ASSERT_TRUE(chosen.has_value());
  EXPECT_EQ(chosen->method, M::kDampedTrend);
  EXPECT_EQ(chosen->interval_years, 0);
  EXPECT_DOUBLE_EQ(chosen->high80, chosen->point * 3);
  EXPECT_DOUBLE_EQ(chosen->low80, chosen->point / 3);
}

TEST(ProjectionTest, RecentLevelReachesBackIntoLastYear) {
  // December 600, January 300: the last three months at a January cut-off are Nov, Dec, Jan.
  std::vector<std::int64_t> values(10, 0);
  values.push_back(0);
  values.push_back(600);
  values.push_back(300);
  auto series = series_from(YearMonth(2022, 1), values);
  auto p = project_year(series, 2023, YearMonth(2023, 1), M::kRecentLevel);
  ASSERT_TRUE(p.has_value());
  EXPECT_DOUBLE_EQ(p->point, 300 + 300.0 * 11);
}

TEST(ProjectionTest, SeasonalProfileDividesByTheMeanShare) {
  // 2021: 300 of 1,200 by March (a quarter); 2022: 900 of 1,800 (half); 2023: 600 by March.
  std::vector<std::int64_t> values(12, 100);
  for (std::int64_t v : {300, 300, 300, 100, 100, 100, 100, 100, 100, 100, 100, 100}) {
    values.push_back(v);
  }
  for (std::int64_t v : {200, 200, 200}) values.push_back(v);
  auto series = series_from(YearMonth(2021, 1), values);
  auto p = project_year(series, 2023, YearMonth(2023, 3), M::kSeasonalProfile);
  ASSERT_TRUE(p.has_value()) << p.error().to_string();
  EXPECT_DOUBLE_EQ(p->point, 600 / ((0.25 + 0.5) / 2));  // 1,600
  auto last = project_year(series, 2023, YearMonth(2023, 3), M::kLastYearTotal);
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->point, 1800);
}

TEST(ProjectionTest, ZeroMonthsGiveZeroNotNaN) {
  auto series = flat(2022, 2023, 0);
  for (int month = 1; month <= 11; ++month) {
    for (M method : base_projection_methods()) {
      auto p = project_year(series, 2023, YearMonth(2023, month), method);
      if (method == M::kSeasonalProfile) {
        // Nobody counted in 2022: no profile to divide by.
        ASSERT_FALSE(p.has_value());
        EXPECT_EQ(p.error().code(), ErrorCode::kFailedPrecondition);
        continue;
      }
      ASSERT_TRUE(p.has_value()) << method_name(method) << ": " << p.error().to_string();
      EXPECT_EQ(p->point, 0) << method_name(method);
      EXPECT_EQ(p->low80, 0);
      EXPECT_EQ(p->high80, 0);
    }
    auto p = project_year_auto(series, 2023, YearMonth(2023, month));
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->point, 0);
  }
}

TEST(ProjectionTest, ClosedBorderMonthsStayFinite) {
  // The shape of 2020: crossings, then months at 0, then a slow return; then a surge.
  auto series =
      series_from(YearMonth(2020, 1),
                  {1538, 1825, 1099, 0,    0,     182,   0,     6,     108,   371,  365,  971, 1071,
                   1857, 2694, 5865, 4462, 10267, 18813, 25332, 25505, 25904, 7762, 4194, 4702});
  for (YearMonth cutoff = YearMonth(2020, 1); cutoff <= YearMonth(2022, 1);
       cutoff = cutoff.next()) {
    if (cutoff.month() == 12) continue;
    for (M method :
         {M::kYearToDateScaled, M::kRecentLevel, M::kDampedTrend, M::kMix, M::kRecommended}) {
      auto p = project_year(series, cutoff.year(), cutoff, method);
      ASSERT_TRUE(p.has_value()) << cutoff.to_string() << " " << method_name(method);
      expect_sane(*p);
      EXPECT_GE(p->low80, p->known_to_date);
    }
  }
}

TEST(ProjectionTest, IgnoresEveryMonthAfterTheCutoff) {
  // A volatile made-up series over five years.
  std::vector<std::int64_t> values;
  for (int i = 0; i < 60; ++i) {
    values.push_back(static_cast<std::int64_t>(1000 + 800 * std::sin(i * 0.7) + 40 * i * (i % 7)));
  }
  auto series = series_from(YearMonth(2019, 1), values);
  for (int year = 2019; year <= 2023; ++year) {
    for (int month = 1; month <= 11; ++month) {
      YearMonth cutoff(year, month);
      auto perturbed = series;
      for (MonthlyTotal& m : perturbed) {
        if (m.month > cutoff) m.total *= 1000;
      }
      for (M method : {M::kLastYearTotal, M::kYearToDateScaled, M::kSeasonalProfile,
                       M::kRecentLevel, M::kDampedTrend, M::kMix, M::kRecommended}) {
        auto a = project_year(series, year, cutoff, method);
        auto b = project_year(perturbed, year, cutoff, method);
        ASSERT_EQ(a.has_value(), b.has_value());
        if (!a) continue;
        EXPECT_EQ(a->point, b->point) << cutoff.to_string() << " " << method_name(method);
        EXPECT_EQ(a->low80, b->low80);
        EXPECT_EQ(a->high80, b->high80);
        EXPECT_EQ(a->method, b->method);
        EXPECT_EQ(a->interval_years, b->interval_years);
      }
    }
  }
}

TEST(ProjectionTest, IntervalHoldsThePointAndWhatIsAlreadyCounted) {
  // Growth so steep that every past projection was far too low: the interval lies above the
  // point, and its low end is the point itself.
  std::vector<std::int64_t> values;
  for (int i = 0; i < 48; ++i) values.push_back(100 + (i % 12) * (i % 12) * (i % 12) * 50);
  auto series = series_from(YearMonth(2020, 1), values);
  auto p = project_year(series, 2023, YearMonth(2023, 3), M::kYearToDateScaled);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->interval_years, 3);
  EXPECT_EQ(p->low80, p->point);
  EXPECT_GT(p->high80, p->point);
  // Last year's total can fall below what is known: the interval then starts at the point.
  auto last = project_year(series, 2023, YearMonth(2023, 11), M::kLastYearTotal);
  ASSERT_TRUE(last.has_value());
  expect_sane(*last);
}

TEST(ProjectionTest, RejectsBadRequests) {
  auto series = flat(2022, 2023, 10);
  auto code = [](const Result<Projection>& r) {
    return r.has_value() ? ErrorCode::kInternal : r.error().code();
  };
  EXPECT_EQ(code(project_year({}, 2023, YearMonth(2023, 3), M::kYearToDateScaled)),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(code(project_year(series, 2023, YearMonth(2022, 3), M::kYearToDateScaled)),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(code(project_year(series, 2023, YearMonth(2023, 12), M::kYearToDateScaled)),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(code(project_year(series, 2024, YearMonth(2024, 1), M::kYearToDateScaled)),
            ErrorCode::kInvalidArgument);  // the series ends before the cut-off
  EXPECT_EQ(code(project_year(series, 2021, YearMonth(2021, 5), M::kYearToDateScaled)),
            ErrorCode::kInvalidArgument);  // no data for January 2021
  EXPECT_EQ(code(project_year(series, 2023, YearMonth(2023, 3), static_cast<M>(42))),
            ErrorCode::kInvalidArgument);

  auto gap = series;
  gap.erase(gap.begin() + 5);
  EXPECT_EQ(code(project_year(gap, 2023, YearMonth(2023, 3), M::kYearToDateScaled)),
            ErrorCode::kInvalidArgument);
  auto unordered = series;
  std::swap(unordered[2], unordered[3]);
  EXPECT_EQ(code(project_year(unordered, 2023, YearMonth(2023, 3), M::kYearToDateScaled)),
            ErrorCode::kInvalidArgument);
  auto negative = series;
  negative[4].total = -1;
  EXPECT_EQ(code(project_year(negative, 2023, YearMonth(2023, 3), M::kYearToDateScaled)),
            ErrorCode::kInvalidArgument);

  // 2022 has no year before it in the series.
  EXPECT_EQ(code(project_year(series, 2022, YearMonth(2022, 3), M::kLastYearTotal)),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(code(project_year(series, 2022, YearMonth(2022, 3), M::kSeasonalProfile)),
            ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(project_year_auto(series, 2022, YearMonth(2022, 3)).has_value());
}

TEST(ProjectionTest, MethodNamesAreStable) {
  EXPECT_EQ(method_name(M::kLastYearTotal), "last_year_total");
  EXPECT_EQ(method_name(M::kYearToDateScaled), "year_to_date_scaled");
  EXPECT_EQ(method_name(M::kRecommended), "recommended");
  EXPECT_EQ(base_projection_methods().size(), 6u);
}

}  // namespace
}  // namespace escudo::stats

#include "stats/backtest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "model/transit.h"
#include "stats/projection.h"
#include "testing/temp_dir.h"

namespace escudo::stats {
namespace {

using M = ProjectionMethod;

// Panama's official monthly totals, 2020-01 .. 2025-04, from the table by nationality.
Result<std::vector<MonthlyTotal>> load_official_series() {
  const std::string path =
      escudo::testing::source_dir() + "/data/official/darien_transits_by_nationality.csv";
  ESCUDO_ASSIGN_OR_RETURN(auto stream, open_file_stream(path));
  CsvReader reader(std::move(stream));
  CsvRecord record;
  std::vector<model::NationalityCount> counts;
  bool header = true;
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    if (std::exchange(header, false)) continue;
    if (record.fields.size() != 5) {
      return errorf(ErrorCode::kDataLoss, "line {}: expected 5 fields", record.line);
    }
    ESCUDO_ASSIGN_OR_RETURN(YearMonth month, YearMonth::parse(record.fields[0]));
    std::int64_t count = 0;
    const std::string& text = record.fields[4];
    if (std::from_chars(text.data(), text.data() + text.size(), count).ec != std::errc()) {
      return errorf(ErrorCode::kDataLoss, "line {}: bad count '{}'", record.line, text);
    }
    counts.push_back({month, record.fields[1] == "annual_total", record.fields[3], count});
  }
  return monthly_totals(counts);
}

class OfficialBacktestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = load_official_series();
    ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
    series_ = std::move(*loaded);
  }
  std::vector<MonthlyTotal> series_;
};

double overall_mape(std::span<const BacktestRow> rows, M method) {
  for (const BacktestSummary& s : summarize_overall(rows)) {
    if (s.method == method) return s.mean_absolute_percentage_error;
  }
  ADD_FAILURE() << "no rows for " << method_name(method);
  return 0;
}

TEST_F(OfficialBacktestTest, SeriesMatchesThePublishedTotals) {
  ASSERT_EQ(series_.front().month, YearMonth(2020, 1));
  ASSERT_EQ(series_.back().month, YearMonth(2025, 4));
  std::int64_t by_may_2023 = 0;
  std::int64_t year_2023 = 0;
  for (const MonthlyTotal& m : series_) {
    if (m.month.year() == 2023) year_2023 += m.total;
    if (m.month.year() == 2023 && m.month.month() <= 5) by_may_2023 += m.total;
  }
  EXPECT_EQ(by_may_2023, 166649);
  EXPECT_EQ(year_2023, 520085);
}

TEST_F(OfficialBacktestTest, TheAnnounced400000For2023) {
  auto p = project_year(series_, 2023, YearMonth(2023, 5), M::kYearToDateScaled);
  ASSERT_TRUE(p.has_value()) << p.error().to_string();
  EXPECT_DOUBLE_EQ(p->known_to_date, 166649);
  EXPECT_NEAR(p->point, 399957.6, 1e-6);
  EXPECT_NEAR((p->point - 520085) / 520085, -0.231, 0.0005);

  auto last = project_year(series_, 2023, YearMonth(2023, 5), M::kLastYearTotal);
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->point, 248284);

  std::array methods = {M::kYearToDateScaled};
  auto rows = backtest(series_, methods);
  ASSERT_TRUE(rows.has_value());
  auto row = std::find_if(rows->begin(), rows->end(), [](const BacktestRow& r) {
    return r.year == 2023 && r.cutoff_month == 5;
  });
  ASSERT_NE(row, rows->end());
  EXPECT_NEAR(row->projected, 399957.6, 1e-6);
  EXPECT_EQ(row->actual, 520085);
  EXPECT_NEAR(row->error, 399957.6 - 520085, 1e-6);
  EXPECT_NEAR(row->relative_error, -0.231, 0.0005);
}

TEST_F(OfficialBacktestTest, RecommendedBeatsBothNaiveBaselines) {
  std::array methods = {M::kLastYearTotal, M::kYearToDateScaled, M::kRecommended};
  auto rows = backtest(series_, methods);
  ASSERT_TRUE(rows.has_value()) << rows.error().to_string();
  // Complete years 2020–2024; last year's total cannot be scored on 2020.
  auto common = restrict_to_common_years(*rows);
  ASSERT_EQ(common.size(), 4u * 11 * 3);
  EXPECT_EQ(common.front().year, 2021);

  double recommended = overall_mape(common, M::kRecommended);
  double scaled = overall_mape(common, M::kYearToDateScaled);
  double last_year = overall_mape(common, M::kLastYearTotal);
  EXPECT_LT(recommended, scaled);
  EXPECT_LT(recommended, last_year);
  // The figures quoted in projection.h.
  EXPECT_NEAR(recommended, 33.6, 0.05);
  EXPECT_NEAR(scaled, 37.4, 0.05);
  EXPECT_NEAR(last_year, 66.4, 0.05);
  EXPECT_NEAR(overall_mape(*rows, M::kRecommended), 40.7, 0.05);
  EXPECT_NEAR(overall_mape(*rows, M::kYearToDateScaled), 45.1, 0.05);

  // Where year-to-date × 12/k is clearly better, and how little anyone knows in January–March.
  auto at = [&](M method, int month) {
    for (const BacktestSummary& s : summarize(common)) {
      if (s.method == method && s.cutoff_month == month) return s.mean_absolute_percentage_error;
    }
    ADD_FAILURE() << "no summary for " << method_name(method) << " at " << month;
    return 0.0;
  };
  EXPECT_NEAR(at(M::kYearToDateScaled, 9), 11.0, 0.05);
  EXPECT_NEAR(at(M::kYearToDateScaled, 10), 7.7, 0.05);
  EXPECT_NEAR(at(M::kRecommended, 9), 17.6, 0.05);
  EXPECT_NEAR(at(M::kRecommended, 10), 17.1, 0.05);
  std::array all = {M::kLastYearTotal, M::kYearToDateScaled, M::kSeasonalProfile,
                    M::kRecentLevel,   M::kDampedTrend,      M::kMix};
  auto every = backtest(series_, all);
  ASSERT_TRUE(every.has_value());
  auto every_common = restrict_to_common_years(*every);
  for (const BacktestSummary& s : summarize(every_common)) {
    if (s.cutoff_month > 3) continue;
    EXPECT_GE(s.mean_absolute_percentage_error, 55) << method_name(s.method);
    EXPECT_LE(s.mean_absolute_percentage_error, 71) << method_name(s.method);
  }

  // The choice, made for each year from the years before it.
  for (const BacktestRow& r : *rows) {
    if (r.method != M::kRecommended) continue;
    M expected = r.year == 2022 ? M::kMix : M::kDampedTrend;  // 2020, 2021: the fallback
    EXPECT_EQ(r.used, expected) << r.year;
  }

  int covered = 0;
  int with_evidence = 0;
  for (const BacktestRow& r : *rows) {
    if (r.method != M::kRecommended || r.interval_years < 2) continue;
    ++with_evidence;
    if (r.low80 <= r.actual && r.actual <= r.high80) ++covered;
  }
  EXPECT_EQ(with_evidence, 33);
  EXPECT_EQ(covered, 27);

  auto p2025 = project_year_auto(series_, 2025, YearMonth(2025, 4));
  ASSERT_TRUE(p2025.has_value());
  EXPECT_EQ(p2025->method, M::kDampedTrend);
  EXPECT_EQ(p2025->known_to_date, 2904);
  EXPECT_GE(p2025->low80, 2904);
}

TEST_F(OfficialBacktestTest, RowsAreWhatProjectYearGives) {
  std::array methods = {M::kLastYearTotal, M::kSeasonalProfile, M::kMix, M::kRecommended};
  auto rows = backtest(series_, methods);
  ASSERT_TRUE(rows.has_value());
  int checked = 0;
  for (const BacktestRow& r : *rows) {
    if (r.cutoff_month != 1 && r.cutoff_month != 6 && r.cutoff_month != 11) continue;
    auto p = project_year(series_, r.year, YearMonth(r.year, r.cutoff_month), r.method);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->point, r.projected);
    EXPECT_EQ(p->low80, r.low80);
    EXPECT_EQ(p->high80, r.high80);
    EXPECT_EQ(p->method, r.used);
    EXPECT_EQ(p->known_to_date, r.known_to_date);
    EXPECT_EQ(p->interval_years, r.interval_years);
    ++checked;
  }
  EXPECT_EQ(checked, 3 * (4 + 4 + 5 + 5));
}

TEST_F(OfficialBacktestTest, NothingAfterTheCutoffIsUsed) {
  std::array methods = {M::kLastYearTotal, M::kYearToDateScaled, M::kSeasonalProfile,
                        M::kRecentLevel,   M::kDampedTrend,      M::kMix,
                        M::kRecommended};
  auto rows = backtest(series_, methods);
  ASSERT_TRUE(rows.has_value());
  for (YearMonth cutoff : {YearMonth(2020, 6), YearMonth(2021, 3), YearMonth(2022, 8),
                           YearMonth(2023, 5), YearMonth(2024, 11)}) {
    auto perturbed = series_;
    for (MonthlyTotal& m : perturbed) {
      if (m.month > cutoff) m.total *= 1000;
    }
    auto perturbed_rows = backtest(perturbed, methods);
    ASSERT_TRUE(perturbed_rows.has_value());
    ASSERT_EQ(perturbed_rows->size(), rows->size());
    int compared = 0;
    for (std::size_t i = 0; i < rows->size(); ++i) {
      const BacktestRow& a = (*rows)[i];
      const BacktestRow& b = (*perturbed_rows)[i];
      ASSERT_EQ(a.year, b.year);
      ASSERT_EQ(a.cutoff_month, b.cutoff_month);
      ASSERT_EQ(a.method, b.method);
      if (YearMonth(a.year, a.cutoff_month) > cutoff) continue;
      // What was projected then; the actual total of the cut-off's own year may differ.
      EXPECT_EQ(a.projected, b.projected) << a.year << "-" << a.cutoff_month;
      EXPECT_EQ(a.low80, b.low80);
      EXPECT_EQ(a.high80, b.high80);
      EXPECT_EQ(a.used, b.used);
      EXPECT_EQ(a.known_to_date, b.known_to_date);
      ++compared;
    }
    EXPECT_GT(compared, 0);
    for (M method : methods) {
      auto a = project_year(series_, cutoff.year(), cutoff, method);
      auto b = project_year(perturbed, cutoff.year(), cutoff, method);
      ASSERT_EQ(a.has_value(), b.has_value());
      if (!a) continue;
      EXPECT_EQ(a->point, b->point) << cutoff.to_string() << " " << method_name(method);
      EXPECT_EQ(a->low80, b->low80);
      EXPECT_EQ(a->high80, b->high80);
      EXPECT_EQ(a->method, b->method);
    }
  }
}

TEST(BacktestTest, SummariesAndCommonYears) {
  std::vector<BacktestRow> rows = {
      {.year = 2021,
       .cutoff_month = 1,
       .method = M::kYearToDateScaled,
       .low80 = 80,
       .high80 = 120,
       .actual = 100,
       .relative_error = -0.1},
      {.year = 2022,
       .cutoff_month = 1,
       .method = M::kYearToDateScaled,
       .low80 = 80,
       .high80 = 90,
       .actual = 100,
       .relative_error = 0.3},
      {.year = 2022,
       .cutoff_month = 1,
       .method = M::kLastYearTotal,
       .low80 = 0,
       .high80 = 200,
       .actual = 100,
       .relative_error = -0.5},
  };
  auto by_cutoff = summarize(rows);
  ASSERT_EQ(by_cutoff.size(), 2u);
  EXPECT_EQ(by_cutoff[0].method, M::kLastYearTotal);
  EXPECT_EQ(by_cutoff[1].method, M::kYearToDateScaled);
  EXPECT_NEAR(by_cutoff[1].mean_absolute_percentage_error, 20, 1e-9);
  EXPECT_EQ(by_cutoff[1].coverage80, 0.5);
  EXPECT_EQ(by_cutoff[1].years, 2);

  auto common = restrict_to_common_years(rows);
  ASSERT_EQ(common.size(), 2u);
  EXPECT_EQ(common[0].year, 2022);
  auto overall = summarize_overall(common);
  ASSERT_EQ(overall.size(), 2u);
  EXPECT_EQ(overall[0].cutoff_month, 0);
  EXPECT_NEAR(overall[1].mean_absolute_percentage_error, 30, 1e-9);
}

TEST(BacktestTest, RejectsBadInput) {
  std::array methods = {M::kYearToDateScaled};
  EXPECT_EQ(backtest({}, methods).error().code(), ErrorCode::kInvalidArgument);
  std::vector<MonthlyTotal> series = {{YearMonth(2023, 1), 5}, {YearMonth(2023, 3), 5}};
  EXPECT_EQ(backtest(series, methods).error().code(), ErrorCode::kInvalidArgument);
  series[1].month = YearMonth(2023, 2);
  std::array unknown = {static_cast<M>(99)};
  EXPECT_EQ(backtest(series, unknown).error().code(), ErrorCode::kInvalidArgument);
  // No complete year: no rows, not an error.
  auto rows = backtest(series, methods);
  ASSERT_TRUE(rows.has_value());
  EXPECT_TRUE(rows->empty());
}

}  // namespace
}  // namespace escudo::stats

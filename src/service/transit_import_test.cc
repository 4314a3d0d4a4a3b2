#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/input_stream.h"
#include "service/test_support.h"
#include "service/transit_service.h"

namespace escudo::service {
namespace {

namespace fs = std::filesystem;

class TransitImportTest : public ::testing::Test, public ServicesFixture {
 protected:
  Result<ImportReport> import_file(const std::string& path) {
    auto stream = open_file_stream(path);
    if (!stream) return std::unexpected(stream.error());
    return services().transits().import_table(Actor::command_line(), std::move(*stream));
  }
  std::int64_t stored_rows() {
    auto db = services().pool().acquire();
    return db->query_int("SELECT (SELECT COUNT(*) FROM transit_nationality_counts) + "
                         "(SELECT COUNT(*) FROM transit_demographic_counts)")
        .value()
        .value_or(0);
  }
  Principal analyst() {
    add_user("ana", {model::Role::kAnalyst});
    return services().access().login({"ana", "a long enough password", {}, "x"}).value().principal;
  }
  std::string official(const std::string& name) {
    return testing::source_dir() + "/data/official/" + name;
  }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// tests/import/*.csv with their .expected: see tests/import/README.md.
TEST_F(TransitImportTest, GoldenCases) {
  fs::path dir = fs::path(testing::source_dir()) / "tests" / "import";
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".csv") continue;
    ++cases;
    SCOPED_TRACE(entry.path().filename().string());
    ServicesFixture fresh;
    std::string expected = slurp(fs::path(entry.path()).replace_extension(".expected"));
    std::string contents = slurp(entry.path());
    auto report = fresh.services().transits().import_table(
        Actor::command_line(),
        make_string_stream(contents, entry.path().filename().string()));
    std::string actual;
    if (!report) {
      actual = "refused: " + report.error().message() + "\n";
    } else if (report->stored) {
      actual = fmt::format("stored rows={} total={}\n", report->rows, report->total);
    } else {
      for (const auto& e : report->errors) {
        actual += fmt::format("{}:{}:{}: {}\n", e.line, e.column, e.field, e.message);
      }
      auto db = fresh.services().pool().acquire();
      EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM transit_nationality_counts").value(), 0);
      EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM transit_imports").value(), 0);
    }
    EXPECT_EQ(actual, expected);
  }
  EXPECT_GE(cases, 6);
}

TEST_F(TransitImportTest, OfficialTablesGiveThePublishedTotals) {
  auto nat = import_file(official("darien_transits_by_nationality.csv"));
  ASSERT_TRUE(nat.has_value()) << nat.error().message();
  ASSERT_TRUE(nat->stored) << (nat->errors.empty() ? "" : nat->errors[0].message);
  EXPECT_EQ(nat->rows, 2387);
  auto demo = import_file(official("darien_transits_by_sex_age.csv"));
  ASSERT_TRUE(demo.has_value() && demo->stored);
  EXPECT_EQ(demo->rows, 160);

  Principal p = analyst();
  auto years = services().transits().yearly(p).value();
  std::map<int, std::int64_t> by_year;
  for (const auto& y : years) by_year[y.year] = y.total;
  EXPECT_EQ(by_year[2021], 133'726);
  EXPECT_EQ(by_year[2022], 248'284);
  EXPECT_EQ(by_year[2023], 520'085);
  EXPECT_EQ(by_year[2024], 302'203);
  EXPECT_EQ(by_year[2010], 559);
  EXPECT_TRUE(years.front().annual_only);

  auto flows = services().transits().monthly(p, {.from = YearMonth(2023, 1),
                                                 .to = YearMonth(2023, 6)}).value();
  std::int64_t h1 = 0;
  for (const auto& m : flows.series) h1 += m.total;
  EXPECT_EQ(h1, 196'371);  // IOM DTM quotes exactly this for January-June 2023
  auto venezuela = services().transits().monthly(p, {.from = YearMonth(2023, 1),
                                                     .to = YearMonth(2023, 12),
                                                     .nationality = "VEN"}).value();
  std::int64_t ven = 0;
  for (const auto& m : venezuela.series) ven += m.total;
  EXPECT_EQ(ven, 328'650);

  // Minors in 2023 (boys + girls), the UNICEF "113,000".
  auto db = services().pool().acquire();
  EXPECT_EQ(db->query_int("SELECT SUM(count) FROM transit_demographic_counts WHERE month LIKE "
                          "'2023-%' AND demog IN ('boys', 'girls')").value(),
            113'180);
}

TEST_F(TransitImportTest, BadFileChangesNothingAlreadyStored) {
  ASSERT_TRUE(import_file(official("darien_transits_by_nationality.csv"))->stored);
  std::int64_t before = stored_rows();
  std::string text = slurp(official("darien_transits_by_nationality.csv"));
  text += "2025-05,month,2025-Q2,VEN,not-a-number\n";
  auto report = services().transits().import_table(Actor::command_line(),
                                                   make_string_stream(text, "edited.csv"));
  ASSERT_TRUE(report.has_value());
  EXPECT_FALSE(report->stored);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].line, 2389);
  EXPECT_EQ(report->errors[0].field, "count");
  EXPECT_EQ(stored_rows(), before);
}

TEST_F(TransitImportTest, ImportNeedsThePermissionAndIsAudited) {
  Principal p = analyst();
  auto denied = services().transits().import_table(
      Actor::of(p), make_string_stream("month,quarter,demog,count\n2023-01,2023-Q1,men,1\n"));
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code(), ErrorCode::kPermissionDenied);
  ASSERT_TRUE(import_file(testing::source_dir() + "/tests/import/good_nationality.csv")->stored);
  auto db = services().pool().acquire();
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'transits.import'")
                .value(),
            1);
}

TEST_F(TransitImportTest, MonthlyQueryValidatesInput) {
  Principal p = analyst();
  EXPECT_FALSE(services().transits().monthly(p, {.nationality = "'; --"}).has_value());
  EXPECT_FALSE(services().transits().monthly(p, {.from = YearMonth(2024, 1),
                                                 .to = YearMonth(2023, 1)}).has_value());
}

}  // namespace
}  // namespace escudo::service

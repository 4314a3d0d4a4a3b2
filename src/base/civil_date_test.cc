#include "base/civil_date.h"

#include <gtest/gtest.h>

namespace escudo {
namespace {

TEST(YearMonthTest, ParsesAndPrints) {
  auto m = YearMonth::parse("2023-10");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->year(), 2023);
  EXPECT_EQ(m->month(), 10);
  EXPECT_EQ(m->to_string(), "2023-10");
  EXPECT_EQ(YearMonth(2023, 12).next(), YearMonth(2024, 1));
  EXPECT_EQ(YearMonth(2024, 2).months_since(YearMonth(2023, 12)), 2);
}

TEST(YearMonthTest, RejectsMalformed) {
  for (const char* bad : {"2023-13", "2023-00", "2023-1", "23-10", "2023/10", "", "2023-10x",
                          "1800-01", "２０２３-10"}) {
    auto m = YearMonth::parse(bad);
    ASSERT_FALSE(m.has_value()) << bad;
    EXPECT_EQ(m.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(CivilDateTest, RealDaysOnly) {
  EXPECT_TRUE(CivilDate::parse("2024-02-29").has_value());
  EXPECT_FALSE(CivilDate::parse("2023-02-29").has_value());
  EXPECT_FALSE(CivilDate::parse("2023-04-31").has_value());
  auto d = CivilDate::parse("2023-01-31").value();
  EXPECT_EQ(d.to_string(), "2023-01-31");
  EXPECT_EQ(d.year_month(), YearMonth(2023, 1));
  EXPECT_EQ(CivilDate::from_days(d.days_since_epoch() + 1).to_string(), "2023-02-01");
}

TEST(CivilDateTest, FromUnixSecondsIsUtcCalendarDay) {
  // 2023-06-30T23:59:59Z and one second later.
  EXPECT_EQ(civil_date_from_unix_seconds(1688169599).to_string(), "2023-06-30");
  EXPECT_EQ(civil_date_from_unix_seconds(1688169600).to_string(), "2023-07-01");
  EXPECT_EQ(civil_date_from_unix_seconds(-1).to_string(), "1969-12-31");
}

}  // namespace
}  // namespace escudo

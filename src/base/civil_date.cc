#include "base/civil_date.h"

#include <charconv>
#include <chrono>

namespace escudo {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

// Parses exactly `width` ASCII digits.
bool parse_digits(std::string_view text, std::size_t width, int& out) {
  if (text.size() != width) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

std::chrono::year_month_day ymd_of(std::int32_t days) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}

}  // namespace

Result<YearMonth> YearMonth::parse(std::string_view text) {
  int year = 0;
  int month = 0;
  if (text.size() != 7 || text[4] != '-' || !parse_digits(text.substr(0, 4), 4, year) ||
      !parse_digits(text.substr(5, 2), 2, month)) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a month; expected YYYY-MM", text);
  }
  if (month < 1 || month > 12) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' has month {}; expected 01 to 12", text,
                  month);
  }
  if (year < kMinYear || year > kMaxYear) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' has year {}; expected {} to {}", text, year,
                  kMinYear, kMaxYear);
  }
  return YearMonth(year, month);
}

std::string YearMonth::to_string() const { return fmt::format("{:04}-{:02}", year(), month()); }

Result<CivilDate> CivilDate::from_ymd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) {
    return errorf(ErrorCode::kInvalidArgument, "year {} is outside {} to {}", year, kMinYear,
                  kMaxYear);
  }
  std::chrono::year_month_day ymd{std::chrono::year{year},
                                  std::chrono::month{static_cast<unsigned>(month)},
                                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) {
    return errorf(ErrorCode::kInvalidArgument, "{:04}-{:02}-{:02} is not a calendar day", year,
                  month, day);
  }
  CivilDate date;
  date.days_ = std::chrono::sys_days{ymd}.time_since_epoch().count();
  return date;
}

Result<CivilDate> CivilDate::parse(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !parse_digits(text.substr(0, 4), 4, year) || !parse_digits(text.substr(5, 2), 2, month) ||
      !parse_digits(text.substr(8, 2), 2, day)) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a date; expected YYYY-MM-DD", text);
  }
  return from_ymd(year, month, day);
}

CivilDate CivilDate::from_days(std::int32_t days_since_epoch) {
  CivilDate date;
  date.days_ = days_since_epoch;
  return date;
}

int CivilDate::year() const { return static_cast<int>(ymd_of(days_).year()); }
int CivilDate::month() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).month())); }
int CivilDate::day() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).day())); }

std::string CivilDate::to_string() const {
  // Written by hand: imports and exports format millions of dates.
  int y = year();
  if (y < 0 || y > 9999) return fmt::format("{:04}-{:02}-{:02}", y, month(), day());
  std::string out(10, '-');
  auto put = [&](std::size_t at, int value, int digits) {
    for (int i = digits - 1; i >= 0; --i) {
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(0, y, 4);
  put(5, month(), 2);
  put(8, day(), 2);
  return out;
}

CivilDate civil_date_from_unix_seconds(std::int64_t unix_seconds) {
  std::int64_t days = unix_seconds / 86400;
  if (unix_seconds % 86400 < 0) --days;
  return CivilDate::from_days(static_cast<std::int32_t>(days));
}

}  // namespace escudo

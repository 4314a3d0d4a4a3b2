// Civil dates and months: calendar values with no time zone, so 2023-01-31 is the same day in
// Panama City, Bogotá and on a server set to UTC. Official tables are monthly (`YearMonth`);
// registrations and incidents carry a `CivilDate`. Both convert to and from ISO 8601 text.
//
//   ESCUDO_ASSIGN_OR_RETURN(YearMonth m, YearMonth::parse("2023-10"));
//   m.year() == 2023; m.to_string() == "2023-10"; m.next() == YearMonth(2023, 11)
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace escudo {

class YearMonth {
 public:
  constexpr YearMonth() = default;
  // Precondition: 1 <= month <= 12. Use parse() for untrusted text.
  constexpr YearMonth(int year, int month) : index_(year * 12 + (month - 1)) {}

  // Accepts exactly "YYYY-MM" with a year in [1900, 2200]. kInvalidArgument otherwise.
  static Result<YearMonth> parse(std::string_view text);

  constexpr int year() const { return index_ / 12; }
  constexpr int month() const { return index_ % 12 + 1; }
  constexpr YearMonth next() const { return from_index(index_ + 1); }
  // Months from `other` to this one (negative when this is earlier).
  constexpr int months_since(YearMonth other) const { return index_ - other.index_; }
  std::string to_string() const;

  friend constexpr auto operator<=>(YearMonth, YearMonth) = default;

 private:
  static constexpr YearMonth from_index(int index) {
    YearMonth m;
    m.index_ = index;
    return m;
  }
  int index_ = 0;
};

class CivilDate {
 public:
  constexpr CivilDate() = default;

  // Accepts exactly "YYYY-MM-DD" naming a real day (no 2023-02-29). kInvalidArgument otherwise.
  static Result<CivilDate> parse(std::string_view text);
  // kInvalidArgument when the three do not name a real day.
  static Result<CivilDate> from_ymd(int year, int month, int day);
  // Days since 1970-01-01 (negative before).
  static CivilDate from_days(std::int32_t days_since_epoch);

  int year() const;
  int month() const;
  int day() const;
  YearMonth year_month() const { return YearMonth(year(), month()); }
  std::int32_t days_since_epoch() const { return days_; }
  std::string to_string() const;

  friend constexpr auto operator<=>(CivilDate, CivilDate) = default;

 private:
  std::int32_t days_ = 0;
};

// The UTC calendar day of a Unix time in seconds.
CivilDate civil_date_from_unix_seconds(std::int64_t unix_seconds);

}  // namespace escudo

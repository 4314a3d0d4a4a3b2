// Partial dates of birth (record.h).
#include <charconv>

#include "resolve/record.h"

namespace escudo::resolve {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool read_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && text[0] != '-' &&
         text[0] != '+';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view format_name(DateFormat f) {
  switch (f) {
    case DateFormat::kIso: return "YYYY-MM-DD";
    case DateFormat::kYyyymmdd: return "YYYYMMDD";
    case DateFormat::kDdMmYyyy: return "DD/MM/YYYY";
    case DateFormat::kMmDdYyyy: return "MM/DD/YYYY";
    case DateFormat::kYear: return "YYYY";
  }
  return "?";
}

// Splits "a/b/c" (or with '-' or '.') into three parts.
bool split3(std::string_view s, std::string_view& a, std::string_view& b, std::string_view& c) {
  std::size_t p1 = s.find_first_of("/-.");
  if (p1 == std::string_view::npos) return false;
  std::size_t p2 = s.find_first_of("/-.", p1 + 1);
  if (p2 == std::string_view::npos) return false;
  a = s.substr(0, p1);
  b = s.substr(p1 + 1, p2 - p1 - 1);
  c = s.substr(p2 + 1);
  return c.find_first_of("/-.") == std::string_view::npos;
}

}  // namespace

Result<DateFormat> parse_date_format(std::string_view name) {
  if (name == "YYYY-MM-DD" || name == "ISO" || name == "iso") return DateFormat::kIso;
  if (name == "YYYYMMDD") return DateFormat::kYyyymmdd;
  if (name == "DD/MM/YYYY" || name == "DD-MM-YYYY" || name == "DD.MM.YYYY") {
    return DateFormat::kDdMmYyyy;
  }
  if (name == "MM/DD/YYYY" || name == "MM-DD-YYYY") return DateFormat::kMmDdYyyy;
  if (name == "YYYY") return DateFormat::kYear;
  return errorf(ErrorCode::kInvalidArgument,
                "unknown date format '{}'; use YYYY-MM-DD, YYYYMMDD, DD/MM/YYYY, MM/DD/YYYY or "
                "YYYY",
                name);
}

Result<PartialDate> parse_partial_date(std::string_view text, DateFormat format) {
  std::string_view s = trim(text);
  PartialDate d;
  if (s.empty()) return d;
  for (std::string_view mark : {"~", "ca.", "c.", "approx."}) {
    if (s.substr(0, mark.size()) == mark) {
      d.estimated = true;
      s = trim(s.substr(mark.size()));
      break;
    }
  }
  auto bad = [&]() -> Result<PartialDate> {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a date in the format {}", text,
                  format_name(format));
  };
  int y = 0, m = 0, day = 0;
  if (s.size() == 4) {  // a bare year, in every layout
    if (!read_int(s, y)) return bad();
  } else {
    std::string_view a, b, c;
    switch (format) {
      case DateFormat::kYear:
        return bad();
      case DateFormat::kYyyymmdd:
        if (s.size() != 8 || !read_int(s.substr(0, 4), y) || !read_int(s.substr(4, 2), m) ||
            !read_int(s.substr(6, 2), day)) {
          return bad();
        }
        break;
      case DateFormat::kIso:
        if (s.size() == 7 && s[4] == '-') {
          if (!read_int(s.substr(0, 4), y) || !read_int(s.substr(5, 2), m)) return bad();
        } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
          if (!read_int(s.substr(0, 4), y) || !read_int(s.substr(5, 2), m) ||
              !read_int(s.substr(8, 2), day)) {
            return bad();
          }
        } else {
          return bad();
        }
        break;
      case DateFormat::kDdMmYyyy:
      case DateFormat::kMmDdYyyy:
        if (!split3(s, a, b, c) || c.size() != 4 || a.size() > 2 || b.size() > 2) return bad();
        if (format == DateFormat::kMmDdYyyy) std::swap(a, b);
        if (!read_int(a, day) || !read_int(b, m) || !read_int(c, y)) return bad();
        break;
    }
  }
  if (y < 1850 || y > 2200) return bad();
  if (m != 0 && (m < 1 || m > 12)) return bad();
  if (day != 0 && (m == 0 || day < 1 || day > days_in_month(y, m))) return bad();
  d.year = static_cast<std::int16_t>(y);
  d.month = static_cast<std::int8_t>(m);
  d.day = static_cast<std::int8_t>(day);
  return d;
}

PartialDate parse_partial_date_lenient(std::string_view text, DateFormat format) {
  if (auto strict = parse_partial_date(text, format)) return *strict;
  std::string_view s = trim(text);
  PartialDate d;
  if (!s.empty() && s[0] == '~') {
    d.estimated = true;
    s.remove_prefix(1);
  }
  int y = 0, m = 0, day = 0;
  std::string_view a, b, c;
  if (format == DateFormat::kYyyymmdd && s.size() == 8) {
    read_int(s.substr(0, 4), y);
    read_int(s.substr(4, 2), m);
    read_int(s.substr(6, 2), day);
  } else if (split3(s, a, b, c)) {
    if (format == DateFormat::kIso) {
      read_int(a, y);
      read_int(b, m);
      read_int(c, day);
    } else {
      if (format == DateFormat::kMmDdYyyy) std::swap(a, b);
      read_int(a, day);
      read_int(b, m);
      read_int(c, y);
    }
  } else if (s.size() >= 4) {
    read_int(s.substr(0, 4), y);
  }
  if (y < 1850 || y > 2200) return PartialDate{};
  d.year = static_cast<std::int16_t>(y);
  if (m >= 1 && m <= 12) {
    d.month = static_cast<std::int8_t>(m);
    if (day >= 1 && day <= days_in_month(y, m)) d.day = static_cast<std::int8_t>(day);
  }
  return d;
}

std::string partial_date_to_string(const PartialDate& d) {
  if (!d.known()) return "";
  std::string out = d.estimated ? "~" : "";
  if (d.day != 0) return out + fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
  if (d.month != 0) return out + fmt::format("{:04}-{:02}", d.year, d.month);
  return out + fmt::format("{:04}", d.year);
}

}  // namespace escudo::resolve

#include "service/transit_csv.h"

#include <charconv>
#include <map>
#include <optional>
#include <set>

#include <sodium.h>

#include "base/csv_reader.h"

namespace escudo::service {
namespace {

// Hashes what passes through, so the import records exactly which bytes it stored.
class HashingStream final : public InputStream {
 public:
  explicit HashingStream(std::unique_ptr<InputStream> inner) : inner_(std::move(inner)) {
    crypto_hash_sha256_init(&state_);
  }
  Result<std::size_t> read(char* buffer, std::size_t size) override {
    ESCUDO_ASSIGN_OR_RETURN(std::size_t n, inner_->read(buffer, size));
    crypto_hash_sha256_update(&state_, reinterpret_cast<unsigned char*>(buffer), n);
    return n;
  }
  const std::string& name() const override { return inner_->name(); }
  std::string hex() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
  }

 private:
  std::unique_ptr<InputStream> inner_;
  crypto_hash_sha256_state state_;
};

const std::vector<std::string> kNationalityColumns = {"month", "period_type", "quarter",
                                                      "nationality_iso3", "count"};
const std::vector<std::string> kDemographicColumns = {"month", "quarter", "demog", "count"};

Result<std::int64_t> parse_count(std::string_view text) {
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() ||
      text.front() == '-' || text.front() == '+') {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a whole number of people", text);
  }
  if (value > 100'000'000) {
    return errorf(ErrorCode::kInvalidArgument, "{} is more people than a month can hold", value);
  }
  return value;
}

std::string expected_quarter(YearMonth m) {
  return fmt::format("{}-Q{}", m.year(), (m.month() - 1) / 3 + 1);
}

class RowChecker {
 public:
  RowChecker(TransitTable& table, const CsvRecord& record, const std::map<std::string, int>& cols)
      : table_(table), record_(record), cols_(cols) {}

  std::string_view field(const std::string& name) const {
    return record_.fields[static_cast<std::size_t>(cols_.at(name))];
  }
  void fail(const std::string& name, std::string message) {
    ok_ = false;
    std::int64_t column = name.empty() ? 0 : record_.columns[static_cast<std::size_t>(cols_.at(name))];
    add_error(table_, {record_.line, column, name, std::move(message)});
  }
  template <typename T>
  std::optional<T> check(const std::string& name, Result<T> result) {
    if (!result) {
      fail(name, result.error().message());
      return std::nullopt;
    }
    return std::move(*result);
  }
  bool ok() const { return ok_; }

  static void add_error(TransitTable& table, RowError error) {
    ++table.error_count;
    if (table.errors.size() < kMaxReportedErrors) table.errors.push_back(std::move(error));
  }

 private:
  TransitTable& table_;
  const CsvRecord& record_;
  const std::map<std::string, int>& cols_;
  bool ok_ = true;
};

}  // namespace

std::string_view table_kind_name(TransitTable::Kind kind) {
  return kind == TransitTable::Kind::kNationality ? "nationality" : "demographic";
}

Result<TransitTable> read_transit_table(std::unique_ptr<InputStream> input) {
  auto hashing = std::make_unique<HashingStream>(std::move(input));
  HashingStream* hasher = hashing.get();
  const std::string source = hashing->name();
  CsvReader reader(std::move(hashing));
  TransitTable table;
  CsvRecord record;

  ESCUDO_ASSIGN_OR_RETURN(bool has_header, reader.next(record));
  if (!has_header) return errorf(ErrorCode::kInvalidArgument, "{} is empty", source);
  std::set<std::string> header(record.fields.begin(), record.fields.end());
  std::map<std::string, int> cols;
  for (std::size_t i = 0; i < record.fields.size(); ++i) cols[record.fields[i]] = static_cast<int>(i);
  if (header == std::set<std::string>(kNationalityColumns.begin(), kNationalityColumns.end()) &&
      cols.size() == kNationalityColumns.size()) {
    table.kind = TransitTable::Kind::kNationality;
  } else if (header == std::set<std::string>(kDemographicColumns.begin(),
                                             kDemographicColumns.end()) &&
             cols.size() == kDemographicColumns.size()) {
    table.kind = TransitTable::Kind::kDemographic;
  } else {
    return errorf(ErrorCode::kInvalidArgument,
                  "{}: line 1: the header does not match an official transit table; expected "
                  "'month,period_type,quarter,nationality_iso3,count' (by nationality) or "
                  "'month,quarter,demog,count' (by sex and age)",
                  source);
  }
  const std::size_t width = cols.size();

  std::set<std::pair<YearMonth, std::string>> seen_nationality;
  std::set<std::pair<YearMonth, model::DemographicGroup>> seen_demographic;
  while (true) {
    auto more = reader.next(record);
    if (!more) {
      if (more.error().code() != ErrorCode::kInvalidArgument &&
          more.error().code() != ErrorCode::kResourceExhausted) {
        return std::unexpected(more.error());  // the stream failed: nothing is trustworthy
      }
      RowChecker::add_error(table, {reader.error_line(), reader.error_column(), "",
                                    more.error().message()});
      if (more.error().code() == ErrorCode::kResourceExhausted) break;
      continue;
    }
    if (!*more) break;
    if (record.fields.size() != width) {
      RowChecker::add_error(table, {record.line, 0, "",
                                    fmt::format("the row has {} fields; the header has {}",
                                                record.fields.size(), width)});
      continue;
    }
    RowChecker row(table, record, cols);
    auto month = row.check("month", YearMonth::parse(row.field("month")));
    auto count = row.check("count", parse_count(row.field("count")));
    std::string_view quarter = row.field("quarter");

    if (table.kind == TransitTable::Kind::kNationality) {
      std::string_view period = row.field("period_type");
      bool annual = period == "annual_total";
      if (!annual && period != "month") {
        row.fail("period_type", fmt::format("'{}' is not a period; expected 'month' or "
                                            "'annual_total'", period));
      }
      std::string code(row.field("nationality_iso3"));
      row.check("nationality_iso3", [&]() -> Result<bool> {
        ESCUDO_TRY(model::validate_iso3(code));
        return true;
      }());
      if (month && annual && month->month() != 1) {
        row.fail("month", "a yearly total is filed under January of its year (YYYY-01)");
      }
      if (month && annual && !quarter.empty()) {
        row.fail("quarter", "a yearly total has no quarter");
      }
      if (month && !annual && period == "month" && quarter != expected_quarter(*month)) {
        row.fail("quarter", fmt::format("'{}' does not match the month; expected {}", quarter,
                                        expected_quarter(*month)));
      }
      if (month && row.ok() && !seen_nationality.emplace(*month, code).second) {
        row.fail("nationality_iso3",
                 fmt::format("{} appears twice for {}", code, month->to_string()));
      }
      if (row.ok()) table.nationality.push_back({*month, annual, code, *count});
    } else {
      auto group = row.check("demog", model::parse_demographic(row.field("demog")));
      if (month && quarter != expected_quarter(*month)) {
        row.fail("quarter", fmt::format("'{}' does not match the month; expected {}", quarter,
                                        expected_quarter(*month)));
      }
      if (month && group && row.ok() && !seen_demographic.emplace(*month, *group).second) {
        row.fail("demog", fmt::format("{} appears twice for {}", model::demographic_name(*group),
                                      month->to_string()));
      }
      if (row.ok()) table.demographic.push_back({*month, *group, *count});
    }
  }
  table.sha256 = hasher->hex();
  return table;
}

}  // namespace escudo::service

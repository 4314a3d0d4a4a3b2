#include "sim/official_tables_for_test.h"

#include <charconv>
#include <utility>

#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "testing/temp_dir.h"

namespace escudo::sim {
namespace {

Result<std::vector<CsvRecord>> read_rows(const std::string& name, std::size_t fields) {
  const std::string path = escudo::testing::source_dir() + "/data/official/" + name;
  ESCUDO_ASSIGN_OR_RETURN(auto stream, open_file_stream(path));
  CsvReader reader(std::move(stream));
  std::vector<CsvRecord> rows;
  CsvRecord record;
  bool header = true;
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    if (std::exchange(header, false)) continue;
    if (record.fields.size() != fields) {
      return errorf(ErrorCode::kDataLoss, "{}: line {}: expected {} fields", name, record.line,
                    fields);
    }
    rows.push_back(record);
  }
  return rows;
}

Result<std::int64_t> count_of(const CsvRecord& r, const std::string& text) {
  std::int64_t count = 0;
  if (std::from_chars(text.data(), text.data() + text.size(), count).ec != std::errc()) {
    return errorf(ErrorCode::kDataLoss, "line {}: bad count '{}'", r.line, text);
  }
  return count;
}

}  // namespace

Result<OfficialTables> load_official_tables() {
  OfficialTables tables;
  ESCUDO_ASSIGN_OR_RETURN(auto nat, read_rows("darien_transits_by_nationality.csv", 5));
  for (const CsvRecord& r : nat) {
    ESCUDO_ASSIGN_OR_RETURN(YearMonth month, YearMonth::parse(r.fields[0]));
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t count, count_of(r, r.fields[4]));
    tables.by_nationality.push_back({month, r.fields[1] == "annual_total", r.fields[3], count});
  }
  ESCUDO_ASSIGN_OR_RETURN(auto demog, read_rows("darien_transits_by_sex_age.csv", 4));
  for (const CsvRecord& r : demog) {
    ESCUDO_ASSIGN_OR_RETURN(YearMonth month, YearMonth::parse(r.fields[0]));
    ESCUDO_ASSIGN_OR_RETURN(model::DemographicGroup group, model::parse_demographic(r.fields[2]));
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t count, count_of(r, r.fields[3]));
    tables.by_sex_age.push_back({month, group, count});
  }
  return tables;
}

OfficialTables small_tables() {
  using model::DemographicGroup;
  OfficialTables t;
  t.by_nationality = {
      {YearMonth(2019, 1), true, "CUB", 500},  // annual: ignored
      {YearMonth(2022, 12), false, "VEN", 600}, {YearMonth(2022, 12), false, "HTI", 200},
      {YearMonth(2023, 1), false, "VEN", 300},  {YearMonth(2023, 1), false, "CHN", 100},
      {YearMonth(2023, 2), false, "HTI", 400},  {YearMonth(2023, 2), false, "CHN", 400},
  };
  t.by_sex_age = {
      {YearMonth(2022, 12), DemographicGroup::kMen, 500},
      {YearMonth(2022, 12), DemographicGroup::kWomen, 300},
      {YearMonth(2023, 1), DemographicGroup::kMen, 200},
      {YearMonth(2023, 1), DemographicGroup::kWomen, 120},
      {YearMonth(2023, 1), DemographicGroup::kBoys, 40},
      {YearMonth(2023, 1), DemographicGroup::kGirls, 40},
      {YearMonth(2023, 2), DemographicGroup::kMen, 400},
      {YearMonth(2023, 2), DemographicGroup::kWomen, 240},
      {YearMonth(2023, 2), DemographicGroup::kBoys, 80},
      {YearMonth(2023, 2), DemographicGroup::kGirls, 80},
  };
  return t;
}

}  // namespace escudo::sim

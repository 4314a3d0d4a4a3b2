#include "store/transit_repo.h"

#include <set>

namespace escudo::store {

Result<ImportId> TransitRepo::record_import(const TransitImport& import) {
  std::optional<std::int64_t> id;
  ESCUDO_TRY(db_.query("INSERT INTO transit_imports (kind, source_name, sha256, row_count, "
                       "imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                       {import.kind, import.source_name, import.sha256, import.row_count,
                        import.imported_at, import.imported_by},
                       [&](const Row& row) {
                         id = row.get_int(0);
                         return ok_status();
                       }));
  return ImportId(id.value_or(0));
}

Status TransitRepo::replace_nationality_months(ImportId import,
                                               std::span<const model::NationalityCount> rows) {
  std::set<YearMonth> months;
  for (const auto& r : rows) months.insert(r.month);
  for (YearMonth m : months) {
    std::string text = m.to_string();
    ESCUDO_TRY(db_.execute("DELETE FROM transit_nationality_counts WHERE month = $1", {text}));
  }
  for (const auto& r : rows) {
    std::string month = r.month.to_string();
    ESCUDO_TRY(db_.execute(
        "INSERT INTO transit_nationality_counts (month, annual_total, nationality, count, "
        "import_id) VALUES ($1, $2, $3, $4, $5)",
        {month, std::int64_t{r.annual_total ? 1 : 0}, r.nationality_iso3, r.count, import.value()}));
  }
  return ok_status();
}

Status TransitRepo::replace_demographic_months(ImportId import,
                                               std::span<const model::DemographicCount> rows) {
  std::set<YearMonth> months;
  for (const auto& r : rows) months.insert(r.month);
  for (YearMonth m : months) {
    std::string text = m.to_string();
    ESCUDO_TRY(db_.execute("DELETE FROM transit_demographic_counts WHERE month = $1", {text}));
  }
  for (const auto& r : rows) {
    std::string month = r.month.to_string();
    ESCUDO_TRY(db_.execute("INSERT INTO transit_demographic_counts (month, demog, count, "
                           "import_id) VALUES ($1, $2, $3, $4)",
                           {month, model::demographic_name(r.group), r.count, import.value()}));
  }
  return ok_status();
}

Result<std::vector<model::NationalityCount>> TransitRepo::nationality_counts(
    const NationalityFilter& filter) {
  std::string from = filter.from ? filter.from->to_string() : "0000-00";
  std::string to = filter.to ? filter.to->to_string() : "9999-99";
  std::string nationality = filter.nationality.value_or("");
  std::vector<model::NationalityCount> out;
  ESCUDO_TRY(db_.query(
      "SELECT month, annual_total, nationality, count FROM transit_nationality_counts "
      "WHERE month >= $1 AND month <= $2 AND ($3 = '' OR nationality = $3) "
      "AND (annual_total = 0 OR $4 = 1) ORDER BY month, nationality",
      {from, to, nationality, std::int64_t{filter.include_annual_totals ? 1 : 0}},
      [&](const Row& row) -> Status {
        ESCUDO_ASSIGN_OR_RETURN(YearMonth month, YearMonth::parse(row.get_text_view(0)));
        out.push_back({month, row.get_int(1) != 0, row.get_text(2), row.get_int(3)});
        return ok_status();
      }));
  return out;
}

Result<std::vector<model::DemographicCount>> TransitRepo::demographic_counts() {
  std::vector<model::DemographicCount> out;
  ESCUDO_TRY(db_.query("SELECT month, demog, count FROM transit_demographic_counts "
                       "ORDER BY month, demog",
                       {}, [&](const Row& row) -> Status {
                         ESCUDO_ASSIGN_OR_RETURN(YearMonth month,
                                                 YearMonth::parse(row.get_text_view(0)));
                         ESCUDO_ASSIGN_OR_RETURN(auto group,
                                                 model::parse_demographic(row.get_text_view(1)));
                         out.push_back({month, group, row.get_int(2)});
                         return ok_status();
                       }));
  return out;
}

}  // namespace escudo::store

#include "service/transit_service.h"

#include "base/log.h"
#include "service/audit_service.h"

namespace escudo::service {

Result<ImportReport> TransitService::import_table(const Actor& actor,
                                                  std::unique_ptr<InputStream> input) {
  if (actor.principal != nullptr) {
    ESCUDO_TRY(require(*actor.principal, model::Permission::kTransitsImport));
  }
  const std::string source = input->name();
  ESCUDO_ASSIGN_OR_RETURN(TransitTable table, read_transit_table(std::move(input)));
  ImportReport report;
  report.kind = std::string(table_kind_name(table.kind));
  if (table.error_count > 0) {
    report.errors = std::move(table.errors);
    report.error_count = table.error_count;
    log::warn("transits.import_refused", {{"file", source}, {"bad_rows", std::to_string(report.error_count)}});
    return report;
  }
  bool by_nationality = table.kind == TransitTable::Kind::kNationality;
  report.rows = static_cast<std::int64_t>(by_nationality ? table.nationality.size()
                                                         : table.demographic.size());
  if (report.rows == 0) {
    return errorf(ErrorCode::kInvalidArgument, "{} has a header but no rows", source);
  }
  for (const auto& r : table.nationality) report.total += r.count;
  for (const auto& r : table.demographic) report.total += r.count;

  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::TransitRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(ImportId id, repo.record_import({report.kind, source, table.sha256,
                                                           report.rows,
                                                           clock_.now_unix_seconds(), actor.name}));
  if (by_nationality) {
    ESCUDO_TRY(repo.replace_nationality_months(id, table.nationality));
  } else {
    ESCUDO_TRY(repo.replace_demographic_months(id, table.demographic));
  }
  ESCUDO_TRY(append_audit(*db, clock_, actor, "transits.import", fmt::format("import:{}", id.value()),
                          fmt::format("kind={} rows={} total={} sha256={} file={}", report.kind,
                                      report.rows, report.total, table.sha256, source)));
  ESCUDO_TRY(tx.commit());
  report.stored = true;
  report.import_id = id.value();
  log::info("transits.import", {{"file", source}, {"rows", std::to_string(report.rows)}});
  return report;
}

Result<MonthlyFlows> TransitService::monthly(const Principal& principal,
                                             const MonthlyQuery& query) {
  ESCUDO_TRY(require(principal, model::Permission::kTransitsRead));
  if (query.nationality) ESCUDO_TRY(model::validate_iso3(*query.nationality));
  if (query.from && query.to && *query.from > *query.to) {
    return make_error(ErrorCode::kInvalidArgument, "'from' is after 'to'");
  }
  auto db = pool_.acquire();
  MonthlyFlows out;
  ESCUDO_ASSIGN_OR_RETURN(out.rows, store::TransitRepo(*db).nationality_counts(
                                        {.from = query.from,
                                         .to = query.to,
                                         .nationality = query.nationality,
                                         .include_annual_totals = false}));
  out.series = stats::monthly_totals(out.rows);
  return out;
}

Result<std::vector<stats::YearlyTotal>> TransitService::yearly(const Principal& principal) {
  ESCUDO_TRY(require(principal, model::Permission::kTransitsRead));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto rows, store::TransitRepo(*db).nationality_counts({}));
  return stats::yearly_totals(rows);
}

}  // namespace escudo::service

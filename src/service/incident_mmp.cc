// The IOM Missing Migrants Project CSV (data/incidents/mmp_panama_colombia.csv) as incidents.
#include <charconv>
#include <filesystem>
#include <map>

#include "base/civil_date.h"
#include "base/csv_reader.h"
#include "crypto/crypto.h"
#include "service/audit_service.h"
#include "service/incident_service.h"

namespace escudo::service {
namespace {

constexpr std::array<std::string_view, 13> kColumns = {
    "date", "month", "type", "route", "country_iso3", "dead_or_missing", "cause", "survivors",
    "origin_iso3", "location", "lat", "lon", "in_darien_bbox"};

std::optional<std::int64_t> parse_count(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < 0) return std::nullopt;
  return v;
}

std::optional<double> parse_number(std::string_view text) {
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

struct MmpRows {
  std::vector<model::Incident> incidents;
  std::vector<RowError> errors;
  std::int64_t error_count = 0;
  void error(RowError e) {
    ++error_count;
    if (errors.size() < kMaxReportedErrors) errors.push_back(std::move(e));
  }
};

Result<MmpRows> read_mmp(const std::string& text, const std::string& file_name) {
  MmpRows out;
  CsvReader reader(make_string_stream(text, file_name));
  CsvRecord record;
  std::map<std::string, std::size_t> column;
  bool header = true;
  while (true) {
    auto more = reader.next(record);
    if (!more) {
      if (more.error().code() != ErrorCode::kInvalidArgument) return std::unexpected(more.error());
      out.error({reader.error_line(), reader.error_column(), "", more.error().message()});
      continue;
    }
    if (!*more) break;
    if (header) {
      header = false;
      for (std::size_t i = 0; i < record.fields.size(); ++i) column[record.fields[i]] = i;
      for (std::string_view name : kColumns) {
        if (!column.contains(std::string(name))) {
          return errorf(ErrorCode::kInvalidArgument,
                        "{}: line 1: the header has no column '{}'; this is not the IOM Missing "
                        "Migrants layout (date,month,type,route,country_iso3,dead_or_missing,cause,"
                        "survivors,origin_iso3,location,lat,lon,in_darien_bbox)",
                        file_name, name);
        }
      }
      if (record.fields.size() != kColumns.size()) {
        return errorf(ErrorCode::kInvalidArgument, "{}: line 1: the header has {} columns, expected {}",
                      file_name, record.fields.size(), kColumns.size());
      }
      continue;
    }
    if (record.fields.size() != kColumns.size()) {
      out.error({record.line, 0, "", fmt::format("the row has {} fields, expected {}",
                                                 record.fields.size(), kColumns.size())});
      continue;
    }
    auto field = [&](std::string_view name) -> const std::string& { return record.fields[column[std::string(name)]]; };
    auto bad = [&](std::string_view name, std::string message) {
      std::size_t i = column[std::string(name)];
      out.error({record.line, record.columns[i], std::string(name), std::move(message)});
    };
    std::int64_t before = out.error_count;
    model::Incident in;
    in.occurred_on = field("date");
    in.month = field("month");
    auto date = CivilDate::parse(in.occurred_on);
    if (!date) bad("date", fmt::format("'{}' is not a date (YYYY-MM-DD)", in.occurred_on));
    if (!YearMonth::parse(in.month)) bad("month", fmt::format("'{}' is not a month (YYYY-MM)", in.month));
    else if (date && in.occurred_on.substr(0, 7) != in.month) bad("month", "the month is not the date's month");
    const std::string& kind = field("type");
    if (kind != "Incident" && kind != "Split Incident" && kind != "Cumulative Incident" &&
        kind != "Incident,Split Incident") {
      bad("type", fmt::format("'{}' is not an MMP record type (Incident, Split Incident, Cumulative Incident)", kind));
    }
    auto dead = parse_count(field("dead_or_missing"));
    if (!dead) bad("dead_or_missing", "must be a whole number, zero or more");
    in.dead_or_missing = dead.value_or(0);
    in.cause_text = field("cause");
    auto type = model::incident_type_of_mmp_cause(in.cause_text);
    if (!type) bad("cause", type.error().message());
    else in.type = *type;
    if (!field("survivors").empty()) {
      auto survivors = parse_count(field("survivors"));
      if (!survivors) bad("survivors", "must be empty or a whole number, zero or more");
      in.survivors = survivors;
    }
    auto lat = parse_number(field("lat"));
    auto lon = parse_number(field("lon"));
    if (!lat || *lat < -90 || *lat > 90) bad("lat", "must be a latitude between -90 and 90");
    if (!lon || *lon < -180 || *lon > 180) bad("lon", "must be a longitude between -180 and 180");
    in.lat = lat.value_or(0);
    in.lon = lon.value_or(0);
    const std::string& flag = field("in_darien_bbox");
    if (flag != "0" && flag != "1") {
      bad("in_darien_bbox", "must be 0 or 1");
    } else if (lat && lon && (flag == "1") != kDarienBox.contains({*lon, *lat})) {
      bad("in_darien_bbox", fmt::format("says {} but the point ({}, {}) is {} the Darién box", flag,
                                        *lat, *lon, flag == "1" ? "outside" : "inside"));
    }
    in.country_iso3 = field("country_iso3");
    if (in.country_iso3.size() != 3) bad("country_iso3", "must be a three-letter code");
    in.origin = field("origin_iso3");
    in.location = field("location");
    in.victims.unknown = in.dead_or_missing;
    in.source = model::IncidentSource::kPublicData;
    in.reliability = model::Reliability::kConfirmed;
    in.source_ref = fmt::format("{}:{} ({}, {})", file_name, record.line, kind, field("route"));
    if (out.error_count == before) {
      for (const auto& p : model::validate_incident(in)) bad(p.field == "cause_text" ? "cause" : p.field, p.message);
    }
    if (out.error_count == before) out.incidents.push_back(std::move(in));
  }
  if (header) return errorf(ErrorCode::kInvalidArgument, "{}: the file is empty", file_name);
  return out;
}

}  // namespace

Result<MmpImportReport> IncidentService::import_mmp(const Actor& actor, std::unique_ptr<InputStream> input) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, model::Permission::kIncidentsWrite));
  std::string text;
  char buffer[1 << 16];
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(std::size_t n, input->read(buffer, sizeof buffer));
    if (n == 0) break;
    text.append(buffer, n);
    if (text.size() > (256u << 20)) {
      return make_error(ErrorCode::kResourceExhausted, "the file is larger than 256 MiB");
    }
  }
  std::string file_name = std::filesystem::path(input->name()).filename().string();
  ESCUDO_ASSIGN_OR_RETURN(MmpRows rows, read_mmp(text, file_name));
  MmpImportReport report;
  report.errors = std::move(rows.errors);
  report.error_count = rows.error_count;
  if (rows.error_count > 0) return report;
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::IncidentRepo repo(*db);
  ESCUDO_TRY(repo.delete_imports_named(file_name));
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(report.import_id,
                          repo.record_import({.source_name = file_name,
                                              .sha256 = crypto::sha256_hex(text),
                                              .row_count = static_cast<std::int64_t>(rows.incidents.size()),
                                              .imported_at = now,
                                              .imported_by = actor.name}));
  for (auto& in : rows.incidents) {
    in.recorded_by = actor.name;
    in.recorded_at = now;
    ESCUDO_TRY(repo.insert(in, report.import_id));
    report.dead_or_missing += in.dead_or_missing;
  }
  report.rows = static_cast<std::int64_t>(rows.incidents.size());
  ESCUDO_TRY(append_audit(*db, clock_, actor, "incident.import", fmt::format("incident_import:{}", report.import_id),
                          fmt::format("{} rows={} dead_or_missing={}", file_name, report.rows,
                                      report.dead_or_missing)));
  ESCUDO_TRY(tx.commit());
  report.stored = true;
  return report;
}

}  // namespace escudo::service

// `escudo incidents …`, `escudo hotspots`, `escudo sectors`, `escudo plan`, `escudo operations …`.
#include <cstdio>
#include <map>
#include <sstream>

#include "base/csv_writer.h"
#include "base/input_stream.h"
#include "base/json.h"
#include "cli/command_support.h"
#include "cli/commands.h"

namespace escudo::cli {
namespace {

Result<service::IncidentQuery> query_of(const std::string& type, const std::string& from,
                                        const std::string& to, bool darien) {
  service::IncidentQuery q{.from = from, .to = to};
  if (!type.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(q.type, model::parse_incident_type(type));
  }
  for (const auto& [flag, month] : {std::pair<const char*, const std::string*>{"--from", &from}, {"--to", &to}}) {
    if (!month->empty() && !YearMonth::parse(*month)) {
      return errorf(ErrorCode::kInvalidArgument, "{} must be a month (YYYY-MM), not '{}'", flag, *month);
    }
  }
  if (darien) q.within = service::kDarienBox;
  return q;
}

int bad_format(const char* allowed) {
  std::fprintf(stderr, "escudo: --format must be %s\n", allowed);
  return kFailed;
}

}  // namespace

int run_incidents_import_mmp(const std::string& db, const std::string& file) {
  auto stream = open_file_stream(file);
  if (!stream) return fail(stream.error());
  auto services = open_services(db);
  if (!services) return kFailed;
  auto report = services->incidents().import_mmp(service::Actor::command_line(), std::move(*stream));
  if (!report) return fail(report.error());
  if (!report->stored) {
    for (const auto& e : report->errors) {
      if (e.field.empty()) {
        std::fprintf(stderr, "%s:%lld: %s\n", file.c_str(), static_cast<long long>(e.line), e.message.c_str());
      } else {
        std::fprintf(stderr, "%s:%lld:%lld: %s: %s\n", file.c_str(), static_cast<long long>(e.line),
                     static_cast<long long>(e.column), e.field.c_str(), e.message.c_str());
      }
    }
    if (report->error_count > static_cast<std::int64_t>(report->errors.size())) {
      std::fprintf(stderr, "… and %lld more\n",
                   static_cast<long long>(report->error_count - static_cast<std::int64_t>(report->errors.size())));
    }
    std::fprintf(stderr, "escudo: %lld bad row(s) in %s; nothing was stored\n",
                 static_cast<long long>(report->error_count), file.c_str());
    return kFailed;
  }
  std::printf("imported %s: %lld incidents, %lld dead or missing\n", file.c_str(),
              static_cast<long long>(report->rows), static_cast<long long>(report->dead_or_missing));
  return kOk;
}

int run_incidents_counts(const IncidentCountsArgs& args) {
  if (args.format != "csv" && args.format != "json") return bad_format("csv or json");
  if (args.by != "year" && args.by != "month") {
    std::fprintf(stderr, "escudo: --by must be year or month\n");
    return kFailed;
  }
  auto query = query_of(args.type, args.from, args.to, args.darien);
  if (!query) return fail(query.error());
  auto services = open_services(args.db);
  if (!services) return kFailed;
  auto counts = services->incidents().counts(service::Actor::command_line(), *query, args.by == "month");
  if (!counts) return fail(counts.error());
  if (args.format == "json") {
    JsonWriter w;
    w.begin_object().key("rows").begin_array();
    for (const auto& c : *counts) {
      w.begin_object().key(args.by).value(c.period).key("type").value(c.type).key("incidents").value(c.incidents)
          .key("dead_or_missing").value(c.dead_or_missing).key("victims").value(c.victims).end_object();
    }
    w.end_array().end_object();
    std::printf("%s\n", w.str().c_str());
    return kOk;
  }
  std::string out = args.by + ",type,incidents,dead_or_missing,victims\n";
  for (const auto& c : *counts) {
    out += c.period + ',' + c.type + ',' + std::to_string(c.incidents) + ',' +
           std::to_string(c.dead_or_missing) + ',' + std::to_string(c.victims) + '\n';
  }
  std::fputs(out.c_str(), stdout);
  return kOk;
}

int run_hotspots(const HotspotsArgs& args) {
  if (args.format != "geojson") return bad_format("geojson");
  auto query = query_of(args.type, args.from, args.to, false);
  if (!query) return fail(query.error());
  service::HotspotQuery q{.incidents = *query};
  q.density.cell_km = args.cell_km;
  q.density.bandwidth_km = args.bandwidth_km;
  q.density.threshold = args.threshold;
  q.density.min_weight = args.min_incidents;
  if (!args.compare_from.empty() || !args.compare_to.empty()) {
    auto other = query_of(args.type, args.compare_from, args.compare_to, false);
    if (!other) return fail(other.error());
    q.compare_to = *other;
  }
  auto services = open_services(args.db);
  if (!services) return kFailed;
  auto report = services->incidents().hotspots(service::Actor::command_line(), q);
  if (!report) return fail(report.error());
  std::printf("%s\n", service::hotspots_geojson(*report, args.cells).c_str());
  return kOk;
}

int run_sectors(const SectorsArgs& args) {
  auto services = open_services(args.db);
  if (!services) return kFailed;
  if (!args.load.empty()) {
    auto text = read_file(args.load);
    if (!text) return fail(text.error());
    auto st = services->incidents().load_sectors(service::Actor::command_line(), *text);
    if (!st) return fail(Error(st.error().code(), args.load + ": " + st.error().message()));
    std::printf("loaded the sectors of %s\n", args.load.c_str());
    return kOk;
  }
  auto query = query_of(args.type, args.from, args.to, false);
  if (!query) return fail(query.error());
  auto risk = services->incidents().sector_risk(service::Actor::command_line(), *query);
  if (!risk) return fail(risk.error());
  std::printf("%s\n", service::sectors_geojson(*risk).c_str());
  return kOk;
}

int run_plan(const PlanArgs& args) {
  if (args.format != "json") return bad_format("json");
  service::PlanRequest request{.ground_units = args.units, .air_units = args.air_units,
                               .air_weight = args.air_weight, .period = args.period,
                               .shifts = args.shifts, .seed = args.seed};
  for (const auto& fix : args.fix) {
    auto eq = fix.find('=');
    double coverage = 0;
    std::istringstream value(eq == std::string::npos ? "" : fix.substr(eq + 1));
    if (eq == std::string::npos || !(value >> coverage) || !value.eof()) {
      std::fprintf(stderr, "escudo: --fix takes SECTOR=COVERAGE (0 to 1), not '%s'\n", fix.c_str());
      return kFailed;
    }
    request.fixed[fix.substr(0, eq)] = coverage;
  }
  auto services = open_services(args.db);
  if (!services) return kFailed;
  auto plan = services->incidents().plan(service::Actor::command_line(), request);
  if (!plan) return fail(plan.error());
  std::printf("%s\n", service::plan_json(*plan).c_str());
  return kOk;
}

int run_operations_add(const OperationAddArgs& args) {
  auto services = open_services(args.db);
  if (!services) return kFailed;
  std::vector<std::string> sectors;
  std::stringstream codes(args.sectors);
  for (std::string code; std::getline(codes, code, ',');) {
    if (!code.empty()) sectors.push_back(code);
  }
  auto id = services->incidents().create_operation(
      service::Actor::command_line(), {.name = args.name, .from = args.from, .to = args.to, .sectors = sectors,
                                       .ground_units = args.ground_units, .air_units = args.air_units});
  if (!id) return fail(id.error());
  std::printf("operation %lld recorded\n", static_cast<long long>(*id));
  return kOk;
}

int run_operations_results(const OperationResultsArgs& args) {
  auto services = open_services(args.db);
  if (!services) return kFailed;
  auto st = services->incidents().record_operation_results(service::Actor::command_line(), args.id, args.arrests,
                                                           args.seizures, args.rescues, args.notes);
  if (!st) return fail(st.error());
  std::printf("results of operation %lld recorded\n", static_cast<long long>(args.id));
  return kOk;
}

int run_operations_list(const std::string& db) {
  auto services = open_services(db);
  if (!services) return kFailed;
  auto ops = services->incidents().operations(service::Actor::command_line());
  if (!ops) return fail(ops.error());
  std::string out = "id,name,from,to,sectors,ground_units,air_units,arrests,seizures,rescues,"
                    "incidents_before,incidents_during,dead_or_missing_before,dead_or_missing_during\n";
  for (const auto& r : *ops) {
    const auto& op = r.operation;
    std::string sectors;
    for (const auto& s : op.sectors) sectors += (sectors.empty() ? "" : " ") + s;
    out += std::to_string(op.id) + ',';
    append_csv_field(out, op.name);
    out += ',' + op.from_month + ',' + op.to_month + ',' + sectors + ',' + std::to_string(op.ground_units) + ',' +
           std::to_string(op.air_units) + ',' + std::to_string(op.arrests) + ',' + std::to_string(op.seizures) +
           ',' + std::to_string(op.rescues) + ',' + std::to_string(r.incidents_before) + ',' +
           std::to_string(r.incidents_during) + ',' + std::to_string(r.dead_or_missing_before) + ',' +
           std::to_string(r.dead_or_missing_during) + '\n';
  }
  std::fputs(out.c_str(), stdout);
  return kOk;
}

}  // namespace escudo::cli

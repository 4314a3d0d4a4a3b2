// `escudo intel …` and `escudo cases figures`: the intelligence graph and the cases' figures
// from the command line, through the service layer as the operator of the server.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "base/input_stream.h"
#include "base/json.h"
#include "cli/commands.h"
#include "service/services.h"

namespace escudo::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;

int fail(const Error& error) {
  std::fprintf(stderr, "escudo: %s\n", error.message().c_str());
  return kFailed;
}

std::unique_ptr<service::Services> open(const std::string& db) {
  if (db.empty()) {
    std::fprintf(stderr, "escudo: give the database with --db PATH\n");
    return nullptr;
  }
  auto services = service::Services::open_sqlite(db);
  if (!services) {
    fail(services.error());
    return nullptr;
  }
  return std::move(*services);
}

}  // namespace

int run_intel_import(const IntelImportArgs& args) {
  auto kind = service::parse_intel_import_kind(args.kind);
  if (!kind) return fail(kind.error());
  auto services = open(args.db);
  if (!services) return kFailed;
  int status = kOk;
  for (const auto& path : args.files) {
    auto stream = open_file_stream(path);
    if (!stream) return fail(stream.error());
    auto report = services->intel().import_csv(service::Actor::command_line(), *kind, std::move(*stream));
    if (!report) return fail(report.error());
    if (!report->stored) {
      for (const auto& e : report->errors) {
        std::fprintf(stderr, "%s:%lld:%lld: %s%s%s\n", path.c_str(), static_cast<long long>(e.line),
                     static_cast<long long>(e.column), e.field.c_str(), e.field.empty() ? "" : ": ",
                     e.message.c_str());
      }
      std::fprintf(stderr, "escudo: %lld bad row(s) in %s; nothing was stored\n",
                   static_cast<long long>(report->error_count), path.c_str());
      status = kFailed;
      continue;
    }
    std::printf("imported %s: %lld rows, %lld links, %lld entities (%s)\n", path.c_str(),
                static_cast<long long>(report->rows), static_cast<long long>(report->links),
                static_cast<long long>(report->entities), report->kind.c_str());
  }
  return status;
}

int run_intel_key_players(const IntelKeyPlayersArgs& args) {
  if (args.format != "csv" && args.format != "json") {
    std::fprintf(stderr, "escudo: --format is csv or json\n");
    return kFailed;
  }
  auto services = open(args.db);
  if (!services) return kFailed;
  auto players = services->intel().key_players(service::Actor::command_line(), static_cast<std::size_t>(args.limit));
  if (!players) return fail(players.error());
  if (args.format == "json") {
    JsonWriter w;
    w.begin_object().key("players").begin_array();
    for (const auto& k : *players) {
      w.begin_object().key("id").value(k.node.entity_id).key("kind").value(k.node.kind)
          .key("label").value(k.node.label).key("score").value(k.score).key("reasons").begin_array();
      for (const auto& r : k.reasons) w.value(r);
      w.end_array().key("suggested_tiers").begin_array();
      for (const auto& t : k.suggested_tiers) w.value(t);
      w.end_array().end_object();
    }
    w.end_array().end_object();
    std::printf("%s\n", std::move(w).take().c_str());
    return kOk;
  }
  std::printf("rank,id,kind,label,score,betweenness,pagerank,links,suggested_tiers\n");
  int rank = 0;
  for (const auto& k : *players) {
    std::string tiers;
    for (const auto& t : k.suggested_tiers) tiers += (tiers.empty() ? "" : ";") + t;
    std::string label = k.node.label;
    if (label.find_first_of(",\"\n") != std::string::npos) {
      std::string quoted = "\"";
      for (char c : label) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      label = quoted + "\"";
    }
    std::printf("%d,%lld,%s,%s,%.4f,%.6f,%.6f,%lld,%s\n", ++rank, static_cast<long long>(k.node.entity_id),
                k.node.kind.c_str(), label.c_str(), k.score, k.betweenness, k.pagerank,
                static_cast<long long>(k.links), tiers.c_str());
  }
  std::fprintf(stderr, "suggested tiers are suggestions for the rewards committee, not decisions\n");
  return kOk;
}

int run_intel_export(const IntelExportArgs& args) {
  auto format = service::parse_export_format(args.format);
  if (!format) return fail(format.error());
  auto services = open(args.db);
  if (!services) return kFailed;
  auto text = services->intel().export_graph(service::Actor::command_line(), *format);
  if (!text) return fail(text.error());
  if (args.out.empty() || args.out == "-") {
    std::fwrite(text->data(), 1, text->size(), stdout);
    return kOk;
  }
  std::ofstream out(args.out, std::ios::binary);
  out.write(text->data(), static_cast<std::streamsize>(text->size()));
  if (!out.flush()) {
    std::fprintf(stderr, "escudo: cannot write %s\n", args.out.c_str());
    return kFailed;
  }
  std::printf("wrote %s\n", args.out.c_str());
  return kOk;
}

int run_cases_figures(const CasesFiguresArgs& args) {
  if (args.format != "csv" && args.format != "json") {
    std::fprintf(stderr, "escudo: --format is csv or json\n");
    return kFailed;
  }
  if (args.by != "month" && args.by != "year") {
    std::fprintf(stderr, "escudo: --by is month or year\n");
    return kFailed;
  }
  auto services = open(args.db);
  if (!services) return kFailed;
  service::FiguresQuery q;
  q.by_year = args.by == "year";
  if (!args.from.empty()) q.from = args.from;
  if (!args.to.empty()) q.to = args.to;
  auto rows = services->cases().figures(service::Actor::command_line(), q);
  if (!rows) return fail(rows.error());
  if (args.format == "json") {
    JsonWriter w;
    w.begin_object().key("rows").begin_array();
    for (const auto& r : *rows) {
      w.begin_object().key("period").value(r.period).key("agency").value(r.agency)
          .key("country").value(r.country).key("arrests").value(r.arrests)
          .key("convictions").value(r.convictions).end_object();
    }
    w.end_array().end_object();
    std::printf("%s\n", std::move(w).take().c_str());
    return kOk;
  }
  std::printf("period,agency,country,arrests,convictions\n");
  for (const auto& r : *rows) {
    std::printf("%s,%s,%s,%lld,%lld\n", r.period.c_str(), r.agency.c_str(), r.country.c_str(),
                static_cast<long long>(r.arrests), static_cast<long long>(r.convictions));
  }
  return kOk;
}

}  // namespace escudo::cli

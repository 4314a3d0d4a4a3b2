// `escudo intel …` and `escudo cases figures`: the intelligence graph and the cases' figures
// from the command line, through the service layer as the operator of the server.
#include <algorithm>
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

int run_intel_slices(const IntelSlicesArgs& args) {
  if (args.format != "csv" && args.format != "json") {
    std::fprintf(stderr, "escudo: --format is csv or json\n");
    return kFailed;
  }
  if (args.limit < 1 || args.limit > 5000) {
    std::fprintf(stderr, "escudo: --limit is 1 to 5000\n");
    return kFailed;
  }
  service::SliceQuery q{.from1 = args.from1, .to1 = args.to1, .from2 = args.from2, .to2 = args.to2};
  std::size_t start = 0;
  while (start < args.types.size()) {
    std::size_t comma = std::min(args.types.find(',', start), args.types.size());
    if (comma > start) q.types.insert(args.types.substr(start, comma - start));
    start = comma + 1;
  }
  q.limit = static_cast<std::size_t>(args.limit);
  auto services = open(args.db);
  if (!services) return kFailed;
  auto v = services->intel().compare_periods(service::Actor::command_line(), q);
  if (!v) return fail(v.error());
  if (args.format == "json") {
    JsonWriter w;
    w.begin_object().key("links_new").value(v->edges_new).key("links_gone").value(v->edges_gone)
        .key("links_kept").value(v->edges_kept).key("entities_new").value(v->nodes_new)
        .key("entities_gone").value(v->nodes_gone).key("entities_kept").value(v->nodes_kept)
        .key("entities").begin_array();
    for (const auto& n : v->nodes) {
      w.begin_object().key("id").value(n.node.entity_id).key("kind").value(n.node.kind)
          .key("label").value(n.node.label).key("status").value(n.status)
          .key("degree_before").value(n.degree_before).key("degree_after").value(n.degree_after)
          .key("betweenness_before").value(n.betweenness_before)
          .key("betweenness_after").value(n.betweenness_after).end_object();
    }
    w.end_array().key("links").begin_array();
    for (const auto& e : v->edges) {
      w.begin_object().key("source").value(e.source).key("target").value(e.target)
          .key("status").value(e.status).end_object();
    }
    w.end_array().key("truncated").value(v->truncated).end_object();
    std::printf("%s\n", std::move(w).take().c_str());
    return kOk;
  }
  // One row per entity, then one per link: what,id,other,status,degree_before,degree_after,…
  std::printf("row,id,other,status,degree_before,degree_after,betweenness_before,betweenness_after\n");
  for (const auto& n : v->nodes) {
    std::printf("entity,%lld,,%s,%lld,%lld,%.6f,%.6f\n", static_cast<long long>(n.node.entity_id),
                n.status.c_str(), static_cast<long long>(n.degree_before),
                static_cast<long long>(n.degree_after), n.betweenness_before, n.betweenness_after);
  }
  for (const auto& e : v->edges) {
    std::printf("link,%lld,%lld,%s,,,,\n", static_cast<long long>(e.source),
                static_cast<long long>(e.target), e.status.c_str());
  }
  std::fprintf(stderr, "links: %lld new, %lld gone, %lld kept; entities: %lld new, %lld gone, %lld kept%s\n",
               static_cast<long long>(v->edges_new), static_cast<long long>(v->edges_gone),
               static_cast<long long>(v->edges_kept), static_cast<long long>(v->nodes_new),
               static_cast<long long>(v->nodes_gone), static_cast<long long>(v->nodes_kept),
               v->truncated ? " (the list is cut at --limit)" : "");
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

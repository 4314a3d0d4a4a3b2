// `escudo network …`: network analysis of a file of links (see commands.h).
#include <cstdio>
#include <fstream>
#include <iostream>

#include "base/csv_writer.h"
#include "base/json.h"
#include "cli/commands.h"
#include "cli/network_input.h"
#include "graph/communities.h"
#include "graph/disrupt.h"
#include "graph/export.h"
#include "graph/measures.h"
#include "graph/paths.h"

namespace escudo::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;

int fail(const std::string& message) {
  std::fprintf(stderr, "escudo: %s\n", message.c_str());
  return kFailed;
}

NetworkSource source_of(const NetworkInputArgs& in) {
  return {.path = in.edges,
          .matrix = in.matrix,
          .two_mode = in.two_mode,
          .directed = in.directed,
          .source_column = in.source_column,
          .target_column = in.target_column,
          .weight_column = in.weight_column};
}

Result<graph::EdgeLength> parse_length(const std::string& word) {
  if (word == "hops") return graph::EdgeLength::kHops;
  if (word == "weight") return graph::EdgeLength::kWeight;
  if (word == "inverse") return graph::EdgeLength::kInverseWeight;
  return errorf(ErrorCode::kInvalidArgument,
                "--length '{}': use hops, weight (the weight is a distance) or inverse (the "
                "weight is a strength: length 1/weight)",
                word);
}

Status check_format(const std::string& format) {
  if (format == "csv" || format == "json") return ok_status();
  return errorf(ErrorCode::kInvalidArgument, "--format '{}': use csv or json", format);
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text) {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item += c;
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

// Numbers as scripts read them: whole numbers without a decimal point, others to 10
// significant digits.
std::string number(double x) { return fmt::format("{:.10g}", x); }

void print_summary(const Network& n) {
  std::fprintf(stderr, "%s: %u nodes, %u %s\n", "network", n.graph.node_count(),
               n.graph.edge_count(), n.graph.directed() ? "arcs" : "edges");
}

void emit(const std::string& out) { std::fwrite(out.data(), 1, out.size(), stdout); }

Result<graph::NodeIndex> node_named(const Network& n, const std::string& name, std::string_view option) {
  graph::NodeIndex v = n.names.find(name);
  if (v == graph::kNoNode) {
    return errorf(ErrorCode::kNotFound, "{} '{}': no such node in the file", option, name);
  }
  return v;
}

}  // namespace

int run_network_analyze(const NetworkAnalyzeArgs& args) {
  if (auto s = check_format(args.format); !s) return fail(s.error().message());
  auto length = parse_length(args.length);
  if (!length) return fail(length.error().message());
  std::vector<graph::Measure> measures;
  for (const auto& word : split_commas(args.measures)) {
    auto m = graph::parse_measure(word);
    if (!m) return fail("--measures: " + m.error().message());
    measures.push_back(*m);
  }
  if (measures.empty()) return fail("--measures names no measure");
  auto network = load_network(source_of(args.input));
  if (!network) return fail(network.error().message());
  print_summary(*network);

  std::vector<std::vector<double>> values;
  for (graph::Measure m : measures) {
    auto v = graph::compute_measure(network->graph, m,
                                    {.length = *length, .pivots = args.pivots, .path_samples = args.paths, .seed = args.seed});
    if (!v) return fail(v.error().message());
    values.push_back(std::move(*v));
  }
  const auto& names = network->names;
  std::string out;
  if (args.format == "csv") {
    out += "node";
    for (graph::Measure m : measures) fmt::format_to(std::back_inserter(out), ",{}", graph::measure_name(m));
    out += '\n';
    for (graph::NodeIndex v = 0; v < names.size(); ++v) {
      append_csv_field(out, names.name(v));
      for (const auto& column : values) fmt::format_to(std::back_inserter(out), ",{}", number(column[v]));
      out += '\n';
    }
  } else {
    JsonWriter w;
    w.begin_object().key("directed").value(network->graph.directed());
    w.key("nodes").begin_array();
    for (graph::NodeIndex v = 0; v < names.size(); ++v) {
      w.begin_object().key("node").value(names.name(v));
      for (std::size_t i = 0; i < measures.size(); ++i) {
        w.key(graph::measure_name(measures[i])).value(values[i][v]);
      }
      w.end_object();
    }
    w.end_array().end_object();
    out = std::move(w).take();
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kOk;
}

}  // namespace escudo::cli

namespace escudo::cli {

int run_network_communities(const NetworkCommunitiesArgs& args) {
  if (auto s = check_format(args.format); !s) return fail(s.error().message());
  auto network = load_network(source_of(args.input));
  if (!network) return fail(network.error().message());
  print_summary(*network);
  auto p = graph::leiden(network->graph, {.resolution = args.resolution, .seed = args.seed});
  if (!p) return fail(p.error().message());
  std::fprintf(stderr, "%u communities, modularity %.4f (resolution %g, seed %llu)\n", p->count,
               p->modularity, args.resolution, static_cast<unsigned long long>(args.seed));
  const auto& names = network->names;
  std::string out;
  if (args.format == "csv") {
    out = "node,community\n";
    for (graph::NodeIndex v = 0; v < names.size(); ++v) {
      append_csv_field(out, names.name(v));
      fmt::format_to(std::back_inserter(out), ",{}\n", p->community[v]);
    }
  } else {
    JsonWriter w;
    w.begin_object().key("communities").value(static_cast<std::int64_t>(p->count));
    w.key("modularity").value(p->modularity);
    w.key("nodes").begin_array();
    for (graph::NodeIndex v = 0; v < names.size(); ++v) {
      w.begin_object().key("node").value(names.name(v));
      w.key("community").value(static_cast<std::int64_t>(p->community[v])).end_object();
    }
    w.end_array().end_object();
    out = std::move(w).take() + "\n";
  }
  emit(out);
  return kOk;
}

int run_network_disrupt(const NetworkDisruptArgs& args) {
  if (auto s = check_format(args.format); !s) return fail(s.error().message());
  auto measure = graph::parse_measure(args.by);
  if (!measure) return fail("--by: " + measure.error().message());
  if (args.steps < 1) return fail("--steps must be at least 1");
  auto network = load_network(source_of(args.input));
  if (!network) return fail(network.error().message());
  print_summary(*network);
  auto d = graph::disrupt(network->graph,
                          {.by = *measure, .steps = args.steps, .recompute = !args.no_recompute});
  if (!d) return fail(d.error().message());
  const auto& names = network->names;
  std::string out;
  if (args.format == "csv") {
    out = fmt::format("step,removed,{},largest_component,components\n0,,,{},{}\n",
                      graph::measure_name(*measure), d->initial_largest, d->initial_components);
    int step = 1;
    for (const auto& s : d->steps) {
      fmt::format_to(std::back_inserter(out), "{},", step++);
      append_csv_field(out, names.name(s.removed));
      fmt::format_to(std::back_inserter(out), ",{},{},{}\n", number(s.score), s.largest_component,
                     s.components);
    }
  } else {
    JsonWriter w;
    w.begin_object().key("by").value(graph::measure_name(*measure));
    w.key("recomputed").value(!args.no_recompute);
    w.key("initial_largest_component").value(static_cast<std::int64_t>(d->initial_largest));
    w.key("steps").begin_array();
    for (const auto& s : d->steps) {
      w.begin_object().key("removed").value(names.name(s.removed)).key("score").value(s.score);
      w.key("largest_component").value(static_cast<std::int64_t>(s.largest_component));
      w.key("components").value(static_cast<std::int64_t>(s.components)).end_object();
    }
    w.end_array().end_object();
    out = std::move(w).take() + "\n";
  }
  emit(out);
  return kOk;
}

int run_network_path(const NetworkPathArgs& args) {
  if (auto s = check_format(args.format); !s) return fail(s.error().message());
  auto length = parse_length(args.length);
  if (!length) return fail(length.error().message());
  if (args.k < 1) return fail("--k must be at least 1");
  auto network = load_network(source_of(args.input));
  if (!network) return fail(network.error().message());
  auto from = node_named(*network, args.from, "--from");
  if (!from) return fail(from.error().message());
  auto to = node_named(*network, args.to, "--to");
  if (!to) return fail(to.error().message());
  auto paths = graph::k_shortest_paths(network->graph, *from, *to, static_cast<std::size_t>(args.k), *length);
  if (!paths) return fail(paths.error().message());
  if (paths->empty()) {
    std::fprintf(stderr, "escudo: no path from %s to %s\n", args.from.c_str(), args.to.c_str());
    return kFailed;
  }
  const auto& names = network->names;
  std::string out;
  if (args.format == "csv") {
    out = "rank,length,hops,path\n";
    int rank = 1;
    for (const auto& p : *paths) {
      std::string joined;
      for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        if (i > 0) joined += " > ";
        joined += names.name(p.nodes[i]);
      }
      fmt::format_to(std::back_inserter(out), "{},{},{},", rank++, number(p.length), p.edges.size());
      append_csv_field(out, joined);
      out += '\n';
    }
  } else {
    JsonWriter w;
    w.begin_object().key("paths").begin_array();
    for (const auto& p : *paths) {
      w.begin_object().key("length").value(p.length).key("nodes").begin_array();
      for (graph::NodeIndex v : p.nodes) w.value(names.name(v));
      w.end_array().end_object();
    }
    w.end_array().end_object();
    out = std::move(w).take() + "\n";
  }
  emit(out);
  return kOk;
}

int run_network_export(const NetworkExportArgs& args) {
  if (args.format != "graphml" && args.format != "gexf") {
    return fail("--format '" + args.format + "': use graphml or gexf");
  }
  auto network = load_network(source_of(args.input));
  if (!network) return fail(network.error().message());
  auto xml = args.format == "graphml" ? graph::to_graphml(network->graph, network->names, {}, {})
                                      : graph::to_gexf(network->graph, network->names, {}, {});
  if (!xml) return fail(xml.error().message());
  if (args.out.empty()) {
    emit(*xml);
    return kOk;
  }
  std::ofstream file(args.out, std::ios::binary | std::ios::trunc);
  if (!file) return fail("cannot write " + args.out);
  file << *xml;
  file.close();
  if (!file) return fail("writing " + args.out + " failed (disk full?)");
  std::fprintf(stderr, "wrote %s\n", args.out.c_str());
  return kOk;
}

}  // namespace escudo::cli

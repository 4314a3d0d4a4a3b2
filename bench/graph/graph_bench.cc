// The network-analysis engine on heavy-tailed graphs: speed, memory and the accuracy of
// sampled betweenness.
//
//   bench_graph generate --nodes N --links M --seed S --out FILE.csv
//                                  writes a heavy-tailed graph (graph_gen.h) as source,target
//   bench_graph run --edges FILE.csv [--pivots K] [--threads T]
//                                  load, PageRank, sampled betweenness, Leiden, one-hop views,
//                                  peak memory
//   bench_graph agree --nodes N --links M --seed S --pivots K [--top 100]
//                                  exact against sampled betweenness: time and the share of
//                                  the exact top 100 found in the sampled top 100
//   bench_graph compare --edges FILE.csv --pivots K
//                                  one line of timings (key=seconds) to set beside NetworkX's
// Exits 0 when it ran, 1 when something failed, 2 for bad arguments.
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <numeric>
#include <string>

#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "graph/communities.h"
#include "graph/graph.h"
#include "graph/measures.h"
#include "graph/neighbourhood.h"
#include "graph/tabular.h"
#include "graph_gen.h"

namespace {

using namespace escudo;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU seconds of this process (all threads): less disturbed than wall time on a busy machine.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

using Args = std::map<std::string, std::string>;

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 2; i + 1 < argc; i += 2) a[argv[i]] = argv[i + 1];
  return a;
}

std::string get(const Args& a, const std::string& key, const std::string& fallback = "") {
  auto it = a.find(key);
  return it == a.end() ? fallback : it->second;
}

struct Loaded {
  graph::NodeNames names;
  graph::Graph graph;
};

// The same path as `escudo network analyze --edges FILE`: the CSV reader, the edge-list
// reader, then the CSR build.
Result<Loaded> load(const std::string& path) {
  ESCUDO_ASSIGN_OR_RETURN(auto stream, open_file_stream(path));
  CsvReader reader(std::move(stream));
  CsvRecord row;
  ESCUDO_ASSIGN_OR_RETURN(bool has_header, reader.next(row));
  if (!has_header) return make_error(ErrorCode::kInvalidArgument, path + " is empty");
  ESCUDO_ASSIGN_OR_RETURN(auto edges, graph::EdgeListReader::create(row.fields, {}));
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(bool more, reader.next(row));
    if (!more) break;
    ESCUDO_TRY(edges.add(row.fields, row.line, row.columns));
  }
  Loaded out;
  ESCUDO_ASSIGN_OR_RETURN(out.graph, graph::Graph::build(edges.names().size(), edges.edges()));
  out.names = std::move(edges.names());
  return out;
}

std::vector<graph::NodeIndex> top_k(const std::vector<double>& score, std::size_t k) {
  std::vector<graph::NodeIndex> order(score.size());
  std::iota(order.begin(), order.end(), 0u);
  k = std::min(k, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                    [&](auto a, auto b) { return score[a] != score[b] ? score[a] > score[b] : a < b; });
  order.resize(k);
  return order;
}

int generate(const Args& a) {
  auto nodes = static_cast<std::uint32_t>(std::stoul(get(a, "--nodes", "1000000")));
  auto links = std::stoull(get(a, "--links", "5000000"));
  auto seed = std::stoull(get(a, "--seed", "1"));
  std::string out = get(a, "--out");
  if (out.empty()) return 2;
  auto g = bench::generate_heavy_tailed(nodes, links, seed);
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  std::string buffer = "source,target\n";
  for (std::size_t i = 0; i < g.source.size(); ++i) {
    buffer += bench::node_name(g.source[i]);
    buffer += ',';
    buffer += bench::node_name(g.target[i]);
    buffer += '\n';
    if (buffer.size() > (1 << 20)) {
      file << buffer;
      buffer.clear();
    }
  }
  file << buffer;
  file.close();
  if (!file) return 1;
  std::printf("wrote %s: %u nodes, %zu links (seed %llu)\n", out.c_str(), nodes, g.source.size(),
              static_cast<unsigned long long>(seed));
  return 0;
}

// How betweenness was estimated, for the printed lines.
std::string sampling_words(std::uint32_t pivots, std::uint64_t paths) {
  char buf[96];
  if (paths > 0) {
    std::snprintf(buf, sizeof buf, "sampled from %llu shortest paths", static_cast<unsigned long long>(paths));
  } else {
    std::snprintf(buf, sizeof buf, "sampled from %u sources", pivots);
  }
  return buf;
}

int run(const Args& a) {
  const auto pivots = static_cast<std::uint32_t>(std::stoul(get(a, "--pivots", "1000")));
  const auto paths = std::stoull(get(a, "--paths", "0"));
  const int threads = std::stoi(get(a, "--threads", "0"));
  auto t = Clock::now();
  double load_cpu = cpu_seconds();
  auto loaded = load(get(a, "--edges"));
  load_cpu = cpu_seconds() - load_cpu;
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().message().c_str());
    return 1;
  }
  const graph::Graph& g = loaded->graph;
  std::printf("load         %7.2f s   %u nodes, %u edges (CSV read, names interned, CSR built; "
              "graph arrays %.0f MB; %.1f s of CPU)\n",
              seconds_since(t), g.node_count(), g.edge_count(), g.memory_bytes() / 1e6, load_cpu);
  std::fflush(stdout);

  t = Clock::now();
  double pr_cpu = cpu_seconds();
  auto pr = graph::pagerank(g, {.tolerance = 1e-9, .threads = threads});
  std::printf("pagerank     %7.2f s   damping 0.85, L1 change < 1e-9 (%.1f s of CPU)\n", seconds_since(t),
              cpu_seconds() - pr_cpu);
  std::fflush(stdout);

  t = Clock::now();
  double cpu = cpu_seconds();
  auto bc = graph::betweenness(g, {.pivots = pivots, .path_samples = paths, .seed = 7, .threads = threads});
  std::printf("betweenness  %7.2f s   %s (%.1f s of CPU)\n", seconds_since(t),
              sampling_words(pivots, paths).c_str(), cpu_seconds() - cpu);
  std::fflush(stdout);

  t = Clock::now();
  cpu = cpu_seconds();
  auto p = graph::leiden(g, {.seed = 1});
  if (!p) return 1;
  std::printf("leiden       %7.2f s   %u communities, modularity %.4f (%.1f s of CPU)\n", seconds_since(t),
              p->count, p->modularity, cpu_seconds() - cpu);
  std::fflush(stdout);

  // One-hop views: the biggest hub, and 1,000 nodes drawn at random.
  auto deg = graph::degree(g);
  graph::NodeIndex hub = top_k(deg, 1)[0];
  t = Clock::now();
  auto hub_view = graph::neighbourhood(g, hub);
  double hub_ms = seconds_since(t) * 1000;
  std::vector<double> ms;
  std::uint64_t x = 12345;
  for (int i = 0; i < 1000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    auto v = static_cast<graph::NodeIndex>((x >> 33) % g.node_count());
    auto s = Clock::now();
    auto view = graph::neighbourhood(g, v);
    ms.push_back(seconds_since(s) * 1000);
    if (!view) return 1;
  }
  std::sort(ms.begin(), ms.end());
  std::printf("one-hop view %7.2f ms  the largest hub (%zu neighbours, %zu edges among them); "
              "random nodes: median %.3f ms, max %.3f ms\n",
              hub_ms, hub_view->nodes.size() - 1, hub_view->edges.size(), ms[ms.size() / 2], ms.back());
  std::printf("peak memory  %7.0f MB\n", peak_rss_mb());
  std::printf("top by pagerank: %s; by sampled betweenness: %s\n",
              loaded->names.name(top_k(pr, 1)[0]).c_str(), loaded->names.name(top_k(bc, 1)[0]).c_str());
  return 0;
}

int agree(const Args& a) {
  auto nodes = static_cast<std::uint32_t>(std::stoul(get(a, "--nodes", "20000")));
  auto links = std::stoull(get(a, "--links", "100000"));
  auto seed = std::stoull(get(a, "--seed", "1"));
  const auto pivots = static_cast<std::uint32_t>(std::stoul(get(a, "--pivots", "1000")));
  const auto paths = std::stoull(get(a, "--paths", "0"));
  const std::size_t top = std::stoul(get(a, "--top", "100"));
  auto gen = bench::generate_heavy_tailed(nodes, links, seed);
  graph::EdgeTable t;
  t.source = gen.source;
  t.target = gen.target;
  auto g = graph::Graph::build(nodes, t).value();
  auto start = Clock::now();
  double cpu = cpu_seconds();
  auto exact = graph::betweenness(g);
  double exact_s = seconds_since(start);
  double exact_cpu = cpu_seconds() - cpu;
  start = Clock::now();
  cpu = cpu_seconds();
  auto sampled = graph::betweenness(g, {.pivots = pivots, .path_samples = paths, .seed = 7});
  double sampled_s = seconds_since(start);
  double sampled_cpu = cpu_seconds() - cpu;
  auto te = top_k(exact, top), ts = top_k(sampled, top);
  std::sort(te.begin(), te.end());
  std::sort(ts.begin(), ts.end());
  std::vector<graph::NodeIndex> both;
  std::set_intersection(te.begin(), te.end(), ts.begin(), ts.end(), std::back_inserter(both));
  std::printf("agreement    %zu of the exact top %zu in the sampled top %zu (%.0f%%), %u nodes, "
              "%u edges, %s\n",
              both.size(), top, top, 100.0 * static_cast<double>(both.size()) / static_cast<double>(top), nodes,
              g.edge_count(), sampling_words(pivots, paths).c_str());
  std::printf("             exact betweenness %.2f s (%.2f s of CPU), sampled %.2f s (%.2f s of CPU)\n",
              exact_s, exact_cpu, sampled_s, sampled_cpu);
  return 0;
}

int compare(const Args& a) {
  const auto pivots = static_cast<std::uint32_t>(std::stoul(get(a, "--pivots", "500")));
  auto t = Clock::now();
  auto loaded = load(get(a, "--edges"));
  if (!loaded) return 1;
  double load_s = seconds_since(t);
  const graph::Graph& g = loaded->graph;
  t = Clock::now();
  auto pr = graph::pagerank(g, {.tolerance = 1e-9});
  double pr_s = seconds_since(t);
  t = Clock::now();
  auto bc = graph::betweenness(g, {.pivots = pivots, .seed = 7});
  double bc_s = seconds_since(t);
  t = Clock::now();
  auto p = graph::leiden(g, {.seed = 1});
  double cd_s = seconds_since(t);
  std::printf("load=%.4f pagerank=%.4f betweenness=%.4f communities=%.4f modularity=%.4f\n", load_s,
              pr_s, bc_s, cd_s, p ? p->modularity : 0.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_graph generate|run|agree|compare [--option value]…\n");
    return 2;
  }
  std::string mode = argv[1];
  Args args = parse(argc, argv);
  if (mode == "generate") return generate(args);
  if (mode == "run") return run(args);
  if (mode == "agree") return agree(args);
  if (mode == "compare") return compare(args);
  std::fprintf(stderr, "bench_graph: unknown mode '%s'\n", mode.c_str());
  return 2;
}

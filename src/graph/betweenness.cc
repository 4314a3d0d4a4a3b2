// Brandes' algorithm (2001): one shortest-path search per source, then the dependencies
// accumulated back from the farthest node. Predecessors are not stored but found again (a
// node's in-edges tested with ShortestPaths::is_predecessor; for hops, successors by level in
// HopsKernel), which keeps the memory per thread at a few arrays of n, whatever m is. Sampling sources (Brandes & Pich 2007) gives an
// unbiased estimate once scaled by n / k.
#include <algorithm>
#include <numeric>

#include "base/random.h"
#include "graph/internal/parallel.h"
#include "graph/internal/sampled_paths.h"
#include "graph/internal/sssp.h"
#include "graph/measures.h"

namespace escudo::graph {
namespace {

std::vector<NodeIndex> pick_sources(NodeIndex n, std::uint32_t pivots, std::uint64_t seed) {
  std::vector<NodeIndex> all(n);
  std::iota(all.begin(), all.end(), NodeIndex{0});
  if (pivots == 0 || pivots >= n) return all;
  // A partial Fisher–Yates shuffle: the first `pivots` entries are a uniform sample.
  Xoshiro256 rng(seed);
  for (std::uint32_t i = 0; i < pivots; ++i) {
    std::swap(all[i], all[i + rng.below(n - i)]);
  }
  all.resize(pivots);
  std::sort(all.begin(), all.end());
  return all;
}

// The unweighted case, which sampled betweenness on large graphs lives in. Memory, not
// arithmetic, is what costs on a large graph, so:
//   - the adjacency is copied relabelled by decreasing degree: the hubs, which most shortest
//     paths cross, share a few cache lines;
//   - each arc is first tested against a node's BFS level alone (4 bytes a node, an array that
//     stays in cache), and the path counts are read only for arcs of the shortest-path DAG;
//   - dependencies are pulled from successors along out-arcs (δ(v) = σ(v) Σ_w (1+δ(w))/σ(w)),
//     so a directed graph needs no in-adjacency and each node is written once.
class HopsKernel {
 public:
  explicit HopsKernel(const Graph& g) : n_(g.node_count()) {
    old_of_.resize(n_);
    std::iota(old_of_.begin(), old_of_.end(), NodeIndex{0});
    std::stable_sort(old_of_.begin(), old_of_.end(), [&](NodeIndex a, NodeIndex b) {
      return g.out_degree(a) + g.in_degree(a) > g.out_degree(b) + g.in_degree(b);
    });
    new_of_.resize(n_);
    for (NodeIndex i = 0; i < n_; ++i) new_of_[old_of_[i]] = i;
    offset_.assign(static_cast<std::size_t>(n_) + 1, 0);
    for (NodeIndex v = 0; v < n_; ++v) offset_[v + 1] = offset_[v] + g.out_degree(old_of_[v]);
    adj_.resize(offset_[n_]);
    for (NodeIndex v = 0; v < n_; ++v) {
      std::uint64_t p = offset_[v];
      for (NodeIndex u : g.out_neighbors(old_of_[v])) adj_[p++] = new_of_[u];
      std::sort(adj_.begin() + static_cast<std::ptrdiff_t>(offset_[v]), adj_.begin() + static_cast<std::ptrdiff_t>(p));
    }
  }

  NodeIndex new_of(NodeIndex old) const { return new_of_[old]; }
  NodeIndex old_of(NodeIndex v) const { return old_of_[v]; }

  // Per-thread search state. Levels are stored modulo 3 in one byte when the graph is
  // undirected: a neighbour's level differs from a node's by at most one, and those three
  // levels stay distinct modulo 3, so a million nodes' levels fit in a megabyte of cache. A
  // directed graph's arcs may lead back any number of levels, so it keeps whole levels.
  template <typename Level>
  struct Workspace {
    static constexpr Level kUnvisited = static_cast<Level>(-1);
    explicit Workspace(NodeIndex n) : level(n, kUnvisited), sigma(n), coef(n) { order.reserve(n); }
    std::vector<Level> level;
    std::vector<double> sigma;
    std::vector<double> coef;  // (1 + δ) / σ
    std::vector<NodeIndex> order;
  };

  // Adds the dependencies of source s (new label) to acc (new labels). `kModulus` is 3 for
  // byte levels (undirected graphs only), 0 for whole levels.
  template <typename Level, unsigned kModulus>
  void accumulate(NodeIndex s, Workspace<Level>& ws, std::vector<double>& acc) const {
    constexpr Level kUnvisited = Workspace<Level>::kUnvisited;
    auto after = [](Level l) -> Level {
      if constexpr (kModulus != 0) {
        return static_cast<Level>(l + 1 == kModulus ? 0 : l + 1);
      } else {
        return static_cast<Level>(l + 1);
      }
    };
    auto& level = ws.level;
    auto& sigma = ws.sigma;
    auto& order = ws.order;
    order.clear();
    level[s] = 0;
    sigma[s] = 1.0;
    order.push_back(s);
    for (std::size_t head = 0; head < order.size(); ++head) {
      const NodeIndex v = order[head];
      const Level next = after(level[v]);
      const double sv = sigma[v];
      for (std::uint64_t i = offset_[v]; i < offset_[v + 1]; ++i) {
        const NodeIndex w = adj_[i];
        const Level lw = level[w];
        if (lw == kUnvisited) {
          level[w] = next;
          sigma[w] = sv;
          order.push_back(w);
        } else if (lw == next) {
          sigma[w] += sv;
        }
      }
    }
    for (std::size_t k = order.size(); k-- > 0;) {
      const NodeIndex v = order[k];
      const Level next = after(level[v]);
      double sum = 0;
      for (std::uint64_t i = offset_[v]; i < offset_[v + 1]; ++i) {
        const NodeIndex w = adj_[i];
        if (level[w] == next) sum += ws.coef[w];
      }
      const double delta = sigma[v] * sum;
      if (k > 0) acc[v] += delta;
      ws.coef[v] = (1.0 + delta) / sigma[v];
    }
    for (NodeIndex v : order) level[v] = kUnvisited;
  }

 private:
  NodeIndex n_;
  std::vector<NodeIndex> old_of_, new_of_;
  std::vector<std::uint64_t> offset_;
  std::vector<NodeIndex> adj_;
};
using Partials = std::vector<std::vector<double>>;

void hops_partials(const Graph& g, const std::vector<NodeIndex>& sources, Partials& partial) {
  const NodeIndex n = g.node_count();
  const int threads = static_cast<int>(partial.size());
  const HopsKernel kernel(g);
  internal::run_on_threads(threads, [&](int t) {
    std::vector<double> acc(n, 0.0);
    // Sources are dealt round-robin, so each thread gets a fixed share whatever the timing.
    auto each_source = [&](auto&& run) {
      for (std::size_t i = static_cast<std::size_t>(t); i < sources.size();
           i += static_cast<std::size_t>(threads)) {
        run(kernel.new_of(sources[i]));
      }
    };
    if (g.directed()) {
      HopsKernel::Workspace<std::uint32_t> ws(n);
      each_source([&](NodeIndex s) { kernel.accumulate<std::uint32_t, 0>(s, ws, acc); });
    } else {
      HopsKernel::Workspace<std::uint8_t> ws(n);
      each_source([&](NodeIndex s) { kernel.accumulate<std::uint8_t, 3>(s, ws, acc); });
    }
    auto& mine = partial[static_cast<std::size_t>(t)];
    mine.assign(n, 0.0);
    for (NodeIndex v = 0; v < n; ++v) mine[kernel.old_of(v)] = acc[v];
  });
}

// Weighted lengths: Dijkstra per source, predecessors found again by testing in-edges.
void weighted_partials(const Graph& g, const std::vector<NodeIndex>& sources, EdgeLength length,
                       Partials& partial) {
  const NodeIndex n = g.node_count();
  const int threads = static_cast<int>(partial.size());
  internal::run_on_threads(threads, [&](int t) {
    std::vector<double>& acc = partial[static_cast<std::size_t>(t)];
    acc.assign(n, 0.0);
    internal::ShortestPaths sp(n);
    std::vector<double> delta(n, 0.0);
    for (std::size_t i = static_cast<std::size_t>(t); i < sources.size();
         i += static_cast<std::size_t>(threads)) {
      sp.run(g, sources[i], length);
      const auto& order = sp.order();
      for (std::size_t k = order.size(); k-- > 1;) {
        const NodeIndex w = order[k];
        const double coefficient = (1.0 + delta[w]) / sp.sigma(w);
        auto preds = g.in_neighbors(w);
        auto wts = g.in_weights(w);
        for (std::size_t j = 0; j < preds.size(); ++j) {
          const NodeIndex v = preds[j];
          if (sp.is_predecessor(v, w, internal::edge_length(length, wts[j]), /*hops=*/false)) {
            delta[v] += sp.sigma(v) * coefficient;
          }
        }
        acc[w] += delta[w];
      }
      for (NodeIndex v : order) delta[v] = 0.0;
    }
  });
}

// Multiplies sums over ordered pairs by `factor`, halved on an undirected graph (each
// unordered pair was counted from both ends), and divided by the pairs that can pass through
// a node when normalised.
void scale_betweenness(const Graph& g, bool normalized, double factor, std::vector<double>& values) {
  const double n = g.node_count();
  double scale = factor;
  if (!g.directed()) scale *= 0.5;
  if (normalized) {
    double pairs = (n - 1) * (n - 2);
    if (!g.directed()) pairs *= 0.5;
    scale /= pairs;
  }
  for (double& b : values) b *= scale;
}

}  // namespace

std::vector<double> betweenness(const Graph& g, const BetweennessOptions& options) {
  const NodeIndex n = g.node_count();
  std::vector<double> total(n, 0.0);
  if (n < 3) return total;
  const EdgeLength length = g.weighted() ? options.length : EdgeLength::kHops;
  std::uint32_t pivots = options.pivots;
  if (options.path_samples > 0) {
    if (length == EdgeLength::kHops) {
      total = internal::sampled_path_shares(g, options.path_samples, options.seed, options.threads);
      // The shares estimate betweenness over n(n-1) ordered pairs.
      scale_betweenness(g, options.normalized,
                        static_cast<double>(n) * static_cast<double>(n - 1), total);
      return total;
    }
    const std::uint64_t per_source = n - 1;
    pivots = static_cast<std::uint32_t>(
        std::min<std::uint64_t>(n, (options.path_samples + per_source - 1) / per_source));
  }
  const std::vector<NodeIndex> sources = pick_sources(n, pivots, options.seed);
  Partials partial(static_cast<std::size_t>(internal::thread_count(options.threads, sources.size())));
  if (length == EdgeLength::kHops) {
    hops_partials(g, sources, partial);
  } else {
    weighted_partials(g, sources, length, partial);
  }
  for (const auto& acc : partial) {
    for (NodeIndex v = 0; v < n; ++v) total[v] += acc[v];
  }
  scale_betweenness(g, options.normalized,
                    static_cast<double>(n) / static_cast<double>(sources.size()), total);
  return total;
}

}  // namespace escudo::graph

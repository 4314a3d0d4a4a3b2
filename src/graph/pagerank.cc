// PageRank by power iteration, pulling along in-edges so each thread writes only its own
// range of nodes (no atomics). The ranges split the in-edges, not the nodes, evenly.
#include <cmath>

#include "graph/internal/parallel.h"
#include "graph/measures.h"

namespace escudo::graph {

std::vector<double> pagerank(const Graph& g, const PageRankOptions& options) {
  const NodeIndex n = g.node_count();
  if (n == 0) return {};
  const bool weighted = options.weighted && g.weighted();
  const double d = options.damping;

  // What a node sends along each unit of out-weight; 0 for dangling nodes.
  std::vector<double> inv_out(n, 0.0);
  for (NodeIndex u = 0; u < n; ++u) {
    double s = 0;
    if (weighted) {
      for (double w : g.out_weights(u)) s += w;
    } else {
      s = g.out_degree(u);
    }
    inv_out[u] = s > 0 ? 1.0 / s : 0.0;
  }

  const int threads = internal::thread_count(options.threads, n / 4096 + 1);
  std::vector<NodeIndex> bounds(static_cast<std::size_t>(threads) + 1, n);
  bounds[0] = 0;
  {
    std::uint64_t total = 0;
    for (NodeIndex v = 0; v < n; ++v) total += g.in_neighbors(v).size() + 1;
    std::uint64_t acc = 0;
    int next = 1;
    for (NodeIndex v = 0; v < n && next < threads; ++v) {
      acc += g.in_neighbors(v).size() + 1;
      if (acc * static_cast<std::uint64_t>(threads) >= total * static_cast<std::uint64_t>(next)) {
        bounds[static_cast<std::size_t>(next++)] = v + 1;
      }
    }
  }

  std::vector<double> rank(n, 1.0 / n), next(n), contrib(n);
  std::vector<double> diff(static_cast<std::size_t>(threads));
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    double dangling = 0;
    for (NodeIndex u = 0; u < n; ++u) {
      contrib[u] = rank[u] * inv_out[u];
      if (inv_out[u] == 0.0) dangling += rank[u];
    }
    const double base = (1.0 - d) / n + d * dangling / n;
    internal::run_on_threads(threads, [&](int t) {
      double change = 0;
      for (NodeIndex v = bounds[static_cast<std::size_t>(t)];
           v < bounds[static_cast<std::size_t>(t) + 1]; ++v) {
        auto in = g.in_neighbors(v);
        double sum = 0;
        if (weighted) {
          auto w = g.in_weights(v);
          for (std::size_t i = 0; i < in.size(); ++i) sum += contrib[in[i]] * w[i];
        } else {
          for (NodeIndex u : in) sum += contrib[u];
        }
        double r = base + d * sum;
        change += std::fabs(r - rank[v]);
        next[v] = r;
      }
      diff[static_cast<std::size_t>(t)] = change;
    });
    rank.swap(next);
    double change = 0;
    for (double c : diff) change += c;
    if (change < options.tolerance) break;
  }
  // Rounding drifts the sum a little over many iterations; give back exactly 1.
  double sum = 0;
  for (double r : rank) sum += r;
  for (double& r : rank) r /= sum;
  return rank;
}

}  // namespace escudo::graph

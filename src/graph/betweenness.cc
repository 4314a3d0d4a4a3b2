// Brandes' algorithm (2001): one shortest-path search per source, then the dependencies
// accumulated back from the farthest node. Predecessors are not stored: a node's in-edges are
// scanned again and each tested (ShortestPaths::is_predecessor), which keeps the memory per
// thread at a few arrays of n, whatever m is. Sampling sources (Brandes & Pich 2007) gives an
// unbiased estimate once scaled by n / k.
#include <algorithm>
#include <numeric>

#include "graph/internal/parallel.h"
#include "graph/internal/random.h"
#include "graph/internal/sssp.h"
#include "graph/measures.h"

namespace escudo::graph {
namespace {

std::vector<NodeIndex> pick_sources(NodeIndex n, std::uint32_t pivots, std::uint64_t seed) {
  std::vector<NodeIndex> all(n);
  std::iota(all.begin(), all.end(), NodeIndex{0});
  if (pivots == 0 || pivots >= n) return all;
  // A partial Fisher–Yates shuffle: the first `pivots` entries are a uniform sample.
  internal::Random rng(seed);
  for (std::uint32_t i = 0; i < pivots; ++i) {
    std::swap(all[i], all[i + rng.below(n - i)]);
  }
  all.resize(pivots);
  std::sort(all.begin(), all.end());
  return all;
}

}  // namespace

std::vector<double> betweenness(const Graph& g, const BetweennessOptions& options) {
  const NodeIndex n = g.node_count();
  std::vector<double> total(n, 0.0);
  if (n < 3) return total;
  const EdgeLength length = g.weighted() ? options.length : EdgeLength::kHops;
  const bool hops = length == EdgeLength::kHops;
  const std::vector<NodeIndex> sources = pick_sources(n, options.pivots, options.seed);
  const int threads = internal::thread_count(options.threads, sources.size());
  std::vector<std::vector<double>> partial(static_cast<std::size_t>(threads));

  internal::run_on_threads(threads, [&](int t) {
    std::vector<double>& acc = partial[static_cast<std::size_t>(t)];
    acc.assign(n, 0.0);
    internal::ShortestPaths sp(n);
    std::vector<double> delta(n, 0.0);
    // Sources are dealt round-robin, so each thread gets a fixed share whatever the timing.
    for (std::size_t i = static_cast<std::size_t>(t); i < sources.size();
         i += static_cast<std::size_t>(threads)) {
      const NodeIndex s = sources[i];
      sp.run(g, s, length);
      const auto& order = sp.order();
      for (std::size_t k = order.size(); k-- > 1;) {
        const NodeIndex w = order[k];
        const double coefficient = (1.0 + delta[w]) / sp.sigma(w);
        auto preds = g.in_neighbors(w);
        auto wts = g.in_weights(w);
        for (std::size_t j = 0; j < preds.size(); ++j) {
          const NodeIndex v = preds[j];
          const double len = hops ? 1.0 : internal::edge_length(length, wts[j]);
          if (sp.is_predecessor(v, w, len, hops)) delta[v] += sp.sigma(v) * coefficient;
        }
        acc[w] += delta[w];
      }
      for (NodeIndex v : order) delta[v] = 0.0;
    }
  });

  for (const auto& acc : partial) {
    for (NodeIndex v = 0; v < n; ++v) total[v] += acc[v];
  }
  double scale = static_cast<double>(n) / static_cast<double>(sources.size());
  // Each unordered pair was counted from both ends in an undirected graph.
  if (!g.directed()) scale *= 0.5;
  if (options.normalized) {
    double pairs = static_cast<double>(n - 1) * static_cast<double>(n - 2);
    if (!g.directed()) pairs *= 0.5;
    scale /= pairs;
  }
  for (double& b : total) b *= scale;
  return total;
}

}  // namespace escudo::graph

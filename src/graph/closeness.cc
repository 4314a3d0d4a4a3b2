#include "graph/internal/parallel.h"
#include "graph/internal/sssp.h"
#include "graph/measures.h"

namespace escudo::graph {

std::vector<double> closeness(const Graph& g, const ClosenessOptions& options) {
  const NodeIndex n = g.node_count();
  std::vector<double> out(n, 0.0);
  if (n < 2) return out;
  const EdgeLength length = g.weighted() ? options.length : EdgeLength::kHops;
  const int threads = internal::thread_count(options.threads, n);
  internal::run_on_threads(threads, [&](int t) {
    internal::ShortestPaths sp(n);
    for (NodeIndex v = static_cast<NodeIndex>(t); v < n; v += static_cast<NodeIndex>(threads)) {
      sp.run(g, v, length);
      double h = 0;
      for (NodeIndex u : sp.order()) {
        double d = sp.dist(u);
        if (u != v && d > 0) h += 1.0 / d;
      }
      out[v] = h / static_cast<double>(n - 1);
    }
  });
  return out;
}

}  // namespace escudo::graph

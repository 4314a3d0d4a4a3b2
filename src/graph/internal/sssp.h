// Single-source shortest paths over a Graph, with the path counts Brandes' algorithm needs.
// One workspace per thread, reused across sources: only what a search touched is reset.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "graph/graph.h"

namespace escudo::graph::internal {

inline constexpr double kUnreached = std::numeric_limits<double>::infinity();

// The length of an edge of weight w; infinity for an unusable edge (weight 0 under
// kInverseWeight).
inline double edge_length(EdgeLength mode, double w) {
  switch (mode) {
    case EdgeLength::kHops: return 1.0;
    case EdgeLength::kWeight: return w;
    case EdgeLength::kInverseWeight: return w > 0 ? 1.0 / w : kUnreached;
  }
  return 1.0;
}

// Two path lengths are equal when within this relative tolerance (sums of the same weights
// in another order differ in the last bits).
inline bool same_length(double a, double b) {
  double scale = a > 1.0 ? a : 1.0;
  return (a > b ? a - b : b - a) <= 1e-9 * scale;
}

class ShortestPaths {
 public:
  explicit ShortestPaths(NodeIndex n)
      : dist_(n, kUnreached), sigma_(n, 0.0), rank_(n, kNoNode) {
    order_.reserve(n);
  }

  // Searches from `source` along out-edges. Afterwards order() lists the reached nodes by
  // non-decreasing distance (source first), with dist(), sigma() (number of shortest paths
  // from the source) and rank() (position in order()) set for them.
  void run(const Graph& g, NodeIndex source, EdgeLength length);

  const std::vector<NodeIndex>& order() const { return order_; }
  double dist(NodeIndex v) const { return dist_[v]; }
  double sigma(NodeIndex v) const { return sigma_[v]; }
  // True when the edge u → v of length `len` lies on a shortest path to v from the source.
  bool is_predecessor(NodeIndex u, NodeIndex v, double len, bool hops) const {
    if (rank_[u] == kNoNode || rank_[u] >= rank_[v]) return false;
    return hops ? dist_[u] + 1.0 == dist_[v] : same_length(dist_[u] + len, dist_[v]);
  }

 private:
  void reset();
  void bfs(const Graph& g, NodeIndex source);
  void dijkstra(const Graph& g, NodeIndex source, EdgeLength length);

  std::vector<double> dist_;
  std::vector<double> sigma_;
  std::vector<NodeIndex> rank_;
  std::vector<NodeIndex> order_;
  std::vector<std::pair<double, NodeIndex>> heap_;
};

}  // namespace escudo::graph::internal

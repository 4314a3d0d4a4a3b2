#include "graph/internal/sssp.h"

#include <algorithm>
#include <functional>

namespace escudo::graph::internal {

void ShortestPaths::reset() {
  for (NodeIndex v : order_) {
    dist_[v] = kUnreached;
    sigma_[v] = 0.0;
    rank_[v] = kNoNode;
  }
  order_.clear();
}

void ShortestPaths::run(const Graph& g, NodeIndex source, EdgeLength length) {
  reset();
  if (length == EdgeLength::kHops) {
    bfs(g, source);
  } else {
    dijkstra(g, source, length);
  }
}

void ShortestPaths::bfs(const Graph& g, NodeIndex source) {
  dist_[source] = 0.0;
  sigma_[source] = 1.0;
  rank_[source] = 0;
  order_.push_back(source);
  // order_ doubles as the queue: nodes are appended when first reached.
  for (std::size_t head = 0; head < order_.size(); ++head) {
    NodeIndex v = order_[head];
    const double next = dist_[v] + 1.0;
    const double sv = sigma_[v];
    for (NodeIndex w : g.out_neighbors(v)) {
      if (rank_[w] == kNoNode) {
        rank_[w] = static_cast<NodeIndex>(order_.size());
        order_.push_back(w);
        dist_[w] = next;
        sigma_[w] = sv;
      } else if (dist_[w] == next) {
        sigma_[w] += sv;
      }
    }
  }
}

void ShortestPaths::dijkstra(const Graph& g, NodeIndex source, EdgeLength length) {
  // rank_ marks settled nodes; dist_ holds tentative distances of reached ones, which are
  // remembered in `touched` so reset() also clears those never settled (none: a reached node
  // is always settled eventually, since the heap is drained).
  heap_.clear();
  dist_[source] = 0.0;
  sigma_[source] = 1.0;
  heap_.emplace_back(0.0, source);
  auto cmp = std::greater<>{};
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), cmp);
    auto [d, v] = heap_.back();
    heap_.pop_back();
    if (rank_[v] != kNoNode || d > dist_[v]) continue;
    rank_[v] = static_cast<NodeIndex>(order_.size());
    order_.push_back(v);
    auto nbrs = g.out_neighbors(v);
    auto wts = g.out_weights(v);
    for (std::size_t i = 0; i < nbrs.size(); ++i) {
      NodeIndex w = nbrs[i];
      if (rank_[w] != kNoNode) continue;
      double len = edge_length(length, wts[i]);
      if (len == kUnreached) continue;
      double nd = d + len;
      if (dist_[w] == kUnreached || (nd < dist_[w] && !same_length(nd, dist_[w]))) {
        dist_[w] = nd;
        sigma_[w] = sigma_[v];
        heap_.emplace_back(nd, w);
        std::push_heap(heap_.begin(), heap_.end(), cmp);
      } else if (same_length(nd, dist_[w])) {
        sigma_[w] += sigma_[v];
      }
    }
  }
}

}  // namespace escudo::graph::internal

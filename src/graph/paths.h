// Paths between two nodes: the shortest, and the k shortest without loops (Yen's algorithm),
// so an analyst sees not only how A reaches B but by which other routes.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto paths, graph::k_shortest_paths(g, a, b, 3, graph::EdgeLength::kHops));
//   for (const auto& p : paths) p.nodes;   // a … b
//
// Directed graphs are followed along their directions. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"

namespace escudo::graph {

struct Path {
  std::vector<NodeIndex> nodes;  // from … to
  std::vector<EdgeIndex> edges;  // one fewer than nodes
  double length = 0;
};

// Up to k loopless paths from `from` to `to`, shortest first (ties by fewer hops, then by node
// indices), with lengths as `length` says. Fewer than k when there are no more; none when `to`
// is unreachable. kInvalidArgument for a node out of range or from == to.
Result<std::vector<Path>> k_shortest_paths(const Graph& g, NodeIndex from, NodeIndex to,
                                           std::size_t k, EdgeLength length = EdgeLength::kHops);

// The same with a cost for every edge (by EdgeIndex; ≥ 0, infinity: unusable), for callers
// with their own notion of length (flows.h). kInvalidArgument also when `edge_cost` does not
// have one entry per edge or holds a negative or NaN cost.
Result<std::vector<Path>> k_shortest_paths(const Graph& g, NodeIndex from, NodeIndex to,
                                           std::size_t k, std::span<const double> edge_cost);

// The shortest path, or an empty vector when there is none. Errors as above.
inline Result<std::vector<Path>> shortest_path(const Graph& g, NodeIndex from, NodeIndex to,
                                               EdgeLength length = EdgeLength::kHops) {
  return k_shortest_paths(g, from, to, 1, length);
}

}  // namespace escudo::graph

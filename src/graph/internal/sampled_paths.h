// Betweenness shares estimated from sampled shortest paths (betweenness_paths.cc).
#pragma once

#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace escudo::graph::internal {

// For each node, the share of `samples` ordered pairs of distinct nodes, drawn uniformly with
// `seed`, whose one uniformly drawn shortest path (counted in hops, along the edges' directions)
// passes through the node; an unreachable pair counts with no node. Its expectation is the
// node's betweenness over n(n-1) ordered pairs. The same inputs give the same result whatever
// `threads` is (0: one per core).
std::vector<double> sampled_path_shares(const Graph& g, std::uint64_t samples, std::uint64_t seed,
                                        int threads);

}  // namespace escudo::graph::internal

// A node's neighbourhood, for a one-hop view: the node, its neighbours (in and out) and every
// edge among them. Meant to answer interactively on graphs of millions of nodes.
#pragma once

#include <cstddef>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"

namespace escudo::graph {

struct Neighbourhood {
  std::vector<NodeIndex> nodes;  // the centre first, then its neighbours by index
  std::vector<EdgeIndex> edges;  // every edge between two of `nodes`, by index
  std::size_t neighbours_total = 0;  // before any cut by max_neighbours
};

// With max_neighbours > 0 and more neighbours than that, keeps those joined to the centre by
// the heaviest edges (ties by index). kInvalidArgument for a centre out of range. Costs the
// sum of the kept nodes' degrees.
Result<Neighbourhood> neighbourhood(const Graph& g, NodeIndex centre, std::size_t max_neighbours = 0);

}  // namespace escudo::graph

// Money flows over a directed graph whose edge weights are amounts (transfers summed per pair
// of accounts or people): what reaches a node and leaves it, and the routes that carry the most
// of what leaves a source towards a target.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto s, graph::flow_summary(g, node, 5));   // s.amount_in, s.senders
//   ESCUDO_ASSIGN_OR_RETURN(auto routes, graph::top_flow_paths(g, src, dst, 3));
//
// Pure and thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"
#include "graph/paths.h"

namespace escudo::graph {

struct Counterparty {
  NodeIndex node = kNoNode;
  double amount = 0;
};

struct FlowSummary {
  double amount_in = 0;
  double amount_out = 0;
  std::size_t sender_count = 0;
  std::size_t receiver_count = 0;
  std::vector<Counterparty> top_senders;    // largest first, at most `top`
  std::vector<Counterparty> top_receivers;
};

// kInvalidArgument for a node out of range. On an undirected graph every edge counts both in
// and out.
Result<FlowSummary> flow_summary(const Graph& g, NodeIndex node, std::size_t top = 10);

struct FlowPath {
  Path path;
  // The share of what leaves `source` that follows this route if, at every node, money leaves
  // in proportion to the amounts that node sent each way: the product of the shares along it.
  double share = 0;
  // The smallest amount on the route: at most this much can have gone all the way.
  double bottleneck = 0;
};

// Up to k routes from `source` to `target`, by decreasing share. The share objective (costs
// −log share, summed by Yen's k shortest paths) favours routes that are where the money mostly
// goes at each step, rather than the widest pipe, which a single large payment would dominate;
// the bottleneck of each route is reported beside it. kInvalidArgument for an undirected
// graph, and as k_shortest_paths().
Result<std::vector<FlowPath>> top_flow_paths(const Graph& g, NodeIndex source, NodeIndex target,
                                             std::size_t k);

}  // namespace escudo::graph

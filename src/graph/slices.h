// Change over time: the graph of the links whose period (a day number, a month as YYYYMM, a
// phase: any whole number the caller keeps per row of the edge table) falls in a range, and
// what changed between two such slices.
//
//   auto keep = graph::rows_in_period(periods, 202301, 202306);
//   ESCUDO_ASSIGN_OR_RETURN(auto first, graph::Graph::build(names.size(), links, {.keep = keep}));
//   ... the same for the second half, then
//   ESCUDO_ASSIGN_OR_RETURN(auto diff, graph::compare_slices(first, second, graph::Measure::kDegree));
//
// Both slices are built on the same nodes (the whole name table), so a node's index means the
// same person in each. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"
#include "graph/measures.h"

namespace escudo::graph {

// A flag per row: 1 when from ≤ period ≤ to (both ends included).
std::vector<std::uint8_t> rows_in_period(std::span<const std::int64_t> period, std::int64_t from,
                                         std::int64_t to);

struct MeasureChange {
  NodeIndex node = kNoNode;
  double before = 0;
  double after = 0;
};

struct SliceComparison {
  // A node is present in a slice when it has at least one link there.
  std::vector<NodeIndex> nodes_added, nodes_removed;
  std::vector<std::pair<NodeIndex, NodeIndex>> edges_added, edges_removed;  // (source, target)
  std::size_t nodes_before = 0, nodes_after = 0;
  std::size_t edges_before = 0, edges_after = 0;
  // Every node present in either slice, largest absolute change first (ties by index).
  std::vector<MeasureChange> changes;
};

// kInvalidArgument when the slices differ in node count or directedness; errors of the measure.
Result<SliceComparison> compare_slices(const Graph& before, const Graph& after, Measure measure,
                                       const MeasureOptions& options = {});

}  // namespace escudo::graph

// Disruption analysis: which arrests would break a network apart. The node scoring highest on
// a measure is removed, then the next, and after each removal the size of the largest
// connected group left is reported.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto d, graph::disrupt(g, {.by = graph::Measure::kBetweenness, .steps = 5}));
//   for (const auto& s : d.steps) s.removed, s.largest_component;
//
// Pure and thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"
#include "graph/measures.h"

namespace escudo::graph {

struct DisruptOptions {
  Measure by = Measure::kBetweenness;
  int steps = 5;
  // True (the default): the measure is computed again on what is left after each removal, as
  // a network reorganises around a loss ("adaptive" removal; costs one computation per step).
  // False: the ranking of the intact network is followed throughout.
  bool recompute = true;
  MeasureOptions measure;
};

struct DisruptStep {
  NodeIndex removed = kNoNode;
  double score = 0;                 // its measure when it was removed
  NodeIndex largest_component = 0;  // nodes in the largest connected group left (weak
                                    // components: directions ignored)
  std::size_t components = 0;       // connected groups left (isolated nodes count)
};

struct Disruption {
  NodeIndex initial_largest = 0;
  std::size_t initial_components = 0;
  std::vector<DisruptStep> steps;  // fewer than asked when the nodes run out
};

// Ties in the measure go to the lower node index. kInvalidArgument for steps < 0; errors of
// the measure.
Result<Disruption> disrupt(const Graph& g, const DisruptOptions& options = {});

}  // namespace escudo::graph

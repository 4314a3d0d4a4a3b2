// Communities: groups of nodes more linked among themselves than chance would make them
// (organisations, cells), found by the Leiden algorithm, and measures to compare two
// partitions (a partition found against a known one, or two time slices).
//
//   auto p = graph::leiden(g, {.resolution = 1.0, .seed = 7});
//   p.community[v];   // 0 … p.count-1, numbered by their first node
//   auto agree = graph::compare_partitions(p.community, known);   // agree.nmi, agree.ari
//
// Pure and thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"

namespace escudo::graph {

struct LeidenOptions {
  // γ in the modularity objective Q = 1/2m Σ_ij (A_ij - γ k_i k_j / 2m) δ(c_i, c_j): above 1
  // gives more, smaller communities; below 1 fewer, larger ones.
  double resolution = 1.0;
  // The order in which nodes are visited is drawn from the seed: the same seed on the same
  // graph gives the same partition on every machine.
  std::uint64_t seed = 1;
  bool weighted = true;
  // Rounds of the whole algorithm, each starting from the previous result (it never lowers
  // the quality); stops early when a round changes nothing.
  int rounds = 2;
};

struct Partition {
  std::vector<std::uint32_t> community;  // per node
  std::uint32_t count = 0;
  double modularity = 0;  // with the resolution used
};

// Leiden (Traag, Waltman & van Eck 2019): moves nodes between communities while modularity
// rises, refines each community into well-connected parts (so no community is internally
// disconnected), aggregates the parts into nodes and repeats on the smaller graph. Directed
// graphs are read as undirected, the weights of u → v and v → u summed. Isolated nodes are
// communities of their own. kInvalidArgument for a resolution ≤ 0 or not finite.
Result<Partition> leiden(const Graph& g, const LeidenOptions& options = {});

// Modularity of any partition (one entry per node), as in LeidenOptions. kInvalidArgument
// when `community` does not have one entry per node.
Result<double> modularity(const Graph& g, std::span<const std::uint32_t> community,
                          double resolution = 1.0, bool weighted = true);

struct PartitionAgreement {
  double nmi = 0;  // normalised mutual information, arithmetic mean of the entropies: 0 … 1
  double ari = 0;  // adjusted Rand index: 0 for chance, 1 for identical, may be negative
};
// Compares two labelings of the same items (labels are arbitrary numbers). kInvalidArgument
// when their lengths differ.
Result<PartitionAgreement> compare_partitions(std::span<const std::uint32_t> a,
                                              std::span<const std::uint32_t> b);

}  // namespace escudo::graph

// Node measures: who is central, who brokers. Each takes a Graph (graph.h) and returns one
// value per node, indexed like the nodes.
//
//   auto pr = graph::pagerank(g);                                 // sums to 1
//   auto bc = graph::betweenness(g, {.length = graph::EdgeLength::kHops});
//   auto est = graph::betweenness(g, {.pivots = 1000, .seed = 7});  // estimated from 1,000 sources
//
// Undirected graphs are read as such; a directed graph is read along its directions except
// where a function says otherwise (coreness, components). All functions are pure and
// thread-safe; those taking `threads` run on that many threads (0: one per core) and give the
// same result for the same inputs and thread count.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"

namespace escudo::graph {

enum class Direction : std::uint8_t { kOut, kIn, kAll };

// Degree: the number of neighbours along `direction` (kAll: in + out; for an undirected graph
// every direction gives the same). With `weighted`, the sum of the edge weights (strength).
std::vector<double> degree(const Graph& g, Direction direction = Direction::kAll,
                           bool weighted = false);

struct BetweennessOptions {
  EdgeLength length = EdgeLength::kHops;
  // Divided by the number of pairs that can pass through a node: (n-1)(n-2) ordered pairs
  // when directed, half that when undirected (as NetworkX and UCINET normalise).
  bool normalized = true;
  // 0: exact (Brandes, every node a source). k > 0: estimated from k sources drawn at random
  // with `seed` (Brandes–Pich), scaled by n / k; k ≥ n is exact.
  std::uint32_t pivots = 0;
  // k > 0 (takes precedence over `pivots`): estimated from k random ordered pairs, one
  // uniformly drawn shortest path each (Riondato–Kornaropoulos), found by a bidirectional
  // search that meets in the middle; far cheaper than sources on large graphs, with an error
  // of about √(b/k) for a node of normalised betweenness b. Hop lengths only: under a weighted
  // length it falls back to ⌈k / (n-1)⌉ sampled sources (the same number of pairs).
  std::uint64_t path_samples = 0;
  std::uint64_t seed = 1;
  int threads = 0;
};

// Shortest-path betweenness: for each node, the share of shortest paths between other pairs
// that pass through it, summed over pairs. Paths of equal length (within a relative 1e-9 for
// weighted lengths) share the pair's unit equally. An edge of weight 0 under kInverseWeight
// is unusable (infinitely long). O(n·m) exact (O(n·m + n² log n) weighted).
std::vector<double> betweenness(const Graph& g, const BetweennessOptions& options = {});

struct PageRankOptions {
  double damping = 0.85;
  bool weighted = true;  // a node passes its rank along its out-edges in proportion to weight
  // Stops when the L1 change of one iteration is below this (or after max_iterations).
  double tolerance = 1e-10;
  int max_iterations = 1000;
  int threads = 0;
};

// PageRank by power iteration. Nodes with no out-edges (or only zero-weight ones) spread
// their rank evenly over all nodes, as does the teleport. Sums to 1 (an empty graph: empty).
std::vector<double> pagerank(const Graph& g, const PageRankOptions& options = {});

struct ClosenessOptions {
  EdgeLength length = EdgeLength::kHops;
  int threads = 0;
};

// Harmonic closeness: H(v) = 1/(n-1) · Σ_{u≠v} 1/d(v, u), where an unreachable u adds 0. Unlike
// the classic inverse of the mean distance it is defined on disconnected graphs and does not
// reward a node for sitting in a small component. Distances run from v along out-edges when
// directed. O(n·m).
std::vector<double> closeness(const Graph& g, const ClosenessOptions& options = {});

// k-core number (coreness): the largest k such that the node belongs to a subgraph where every
// node has at least k neighbours. Directions and weights are ignored (a pair linked both ways
// counts once). O(m), computed by igraph. kInternal if igraph fails (out of memory).
Result<std::vector<double>> coreness(const Graph& g);

// Gould–Fernandez brokerage roles. For every two-step path a → b → c with no edge a → c
// (a ≠ c), b is a broker, in the role given by the groups of a, b and c:
enum class BrokerRole : std::uint8_t {
  kCoordinator,     // a, b, c in one group
  kItinerant,       // a and c in one group, b in another (also called consultant)
  kGatekeeper,      // b and c in one group, a outside: b lets outsiders in
  kRepresentative,  // a and b in one group, c outside: b speaks for the group
  kLiaison,         // three different groups
};
inline constexpr std::size_t kBrokerRoles = 5;
std::string_view broker_role_name(BrokerRole role);  // "coordinator", "itinerant", …

// Counts, per node, of the two-step paths it brokers in each role (indexed by BrokerRole).
// An undirected graph is read as every edge going both ways. kInvalidArgument when `group`
// does not have one entry per node. O(Σ in-degree · out-degree).
Result<std::vector<std::array<std::int64_t, kBrokerRoles>>> brokerage(
    const Graph& g, std::span<const std::uint32_t> group);

// Weakly connected components (directions ignored): a label per node (0, 1, … by smallest
// node) and their sizes. O(n + m).
struct Components {
  std::vector<std::uint32_t> label;
  std::vector<NodeIndex> size;
  NodeIndex largest() const;
  std::size_t count() const { return size.size(); }
};
Components connected_components(const Graph& g);

// The measures by name, for front ends that let the user pick.
enum class Measure : std::uint8_t {
  kDegree,
  kWeightedDegree,
  kInDegree,
  kOutDegree,
  kBetweenness,
  kPageRank,
  kCloseness,
  kCoreness,
};
// "degree", "strength", "in_degree", "out_degree", "betweenness", "pagerank", "closeness",
// "kcore".
std::string_view measure_name(Measure m);
// Also accepts "weighted_degree" for strength and "coreness" for kcore. kInvalidArgument
// naming the accepted words otherwise.
Result<Measure> parse_measure(std::string_view word);

struct MeasureOptions {
  EdgeLength length = EdgeLength::kHops;  // betweenness and closeness
  std::uint32_t pivots = 0;               // betweenness: 0 exact, else sampled sources
  std::uint64_t path_samples = 0;         // betweenness: > 0 sampled paths (see above)
  std::uint64_t seed = 1;
  int threads = 0;
};
// Errors as the function computing `m`.
Result<std::vector<double>> compute_measure(const Graph& g, Measure m,
                                            const MeasureOptions& options = {});

}  // namespace escudo::graph

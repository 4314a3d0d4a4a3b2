// A compact graph for network analysis: compressed sparse rows (CSR) with 32-bit node indices,
// optional weights, directed or not. It is built once from an edge table the caller owns and
// is read-only afterwards, so every measure can read it from several threads.
//
//   graph::NodeNames names;
//   graph::EdgeTable links;
//   links.add(names.intern("Ana"), names.intern("Luis"), 3.0);
//   ESCUDO_ASSIGN_OR_RETURN(graph::Graph g,
//       graph::Graph::build(names.size(), links, {.directed = true}));
//   for (graph::NodeIndex v : g.out_neighbors(0)) ...
//
// Node names live apart (NodeNames); node and edge attributes (entity types, link types, dates)
// are parallel arrays the caller keeps, indexed like the nodes and like the rows of the edge
// table. `BuildOptions::keep` selects the rows to use (a link type, a time slice: slices.h),
// so one edge table serves every view. After aggregation several rows may map to one edge;
// `Graph::row_edge()` says which.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace escudo::graph {

using NodeIndex = std::uint32_t;
using EdgeIndex = std::uint32_t;
inline constexpr NodeIndex kNoNode = std::numeric_limits<NodeIndex>::max();
inline constexpr EdgeIndex kNoEdge = std::numeric_limits<EdgeIndex>::max();

// How an edge's weight becomes a length for shortest paths (betweenness, closeness, paths).
// Weights of intelligence links are usually strengths (calls, meetings, amounts): the
// stronger the tie, the shorter, hence kInverseWeight.
enum class EdgeLength : std::uint8_t {
  kHops,           // every edge has length 1; weights ignored
  kWeight,         // the weight is the length
  kInverseWeight,  // length 1 / weight
};

// Interned node names: index i ↔ name. An open-addressing table of indices with part of each
// name's hash beside it, so a lookup touches one slot and, on a match, one string. Not thread-safe for
// writes.
class NodeNames {
 public:
  // The index of `name`, added at the end when new.
  NodeIndex intern(std::string_view name);
  // The index of `name`, or kNoNode.
  NodeIndex find(std::string_view name) const;
  const std::string& name(NodeIndex i) const { return names_[i]; }
  const std::vector<std::string>& all() const { return names_; }
  NodeIndex size() const { return static_cast<NodeIndex>(names_.size()); }
  void reserve(std::size_t n);

 private:
  static std::uint64_t hash(std::string_view name);
  // The slot holding `name` (hash h), or the empty slot where it would go.
  std::size_t slot_of(std::string_view name, std::uint64_t h) const;
  void grow(std::size_t capacity);

  struct Slot {
    NodeIndex index = kNoNode;  // kNoNode: empty
    std::uint32_t hash = 0;     // low bits of the name's hash, to skip most string compares
  };
  std::vector<std::string> names_;
  std::vector<Slot> slots_;  // size a power of two, at most half full
};

// The links as given: one row per link, struct of arrays. `weight` is empty when every link
// weighs 1, otherwise as long as `source`.
struct EdgeTable {
  std::vector<NodeIndex> source;
  std::vector<NodeIndex> target;
  std::vector<double> weight;

  void add(NodeIndex from, NodeIndex to) {
    source.push_back(from);
    target.push_back(to);
    if (!weight.empty()) weight.push_back(1.0);
  }
  void add(NodeIndex from, NodeIndex to, double w);
  std::size_t size() const { return source.size(); }
};

struct BuildOptions {
  bool directed = false;
  // Rows joining the same pair (the same ordered pair when directed) become one edge whose
  // weight is their sum. When false, every row is its own edge (a multigraph).
  bool aggregate_parallel = true;
  // When not empty, as long as the edge table: only rows whose flag is non-zero are used.
  std::span<const std::uint8_t> keep;
};

class Graph {
 public:
  Graph() = default;

  // Builds the graph on nodes 0 … node_count-1. Self-loops are dropped (counted in
  // dropped_self_loops()). kInvalidArgument when a row names a node ≥ node_count, a weight is
  // not finite or is negative, the columns differ in length, or there are 2^32-1 edges or more.
  // Thread-safe (shares nothing).
  static Result<Graph> build(NodeIndex node_count, const EdgeTable& edges,
                             const BuildOptions& options = {});

  NodeIndex node_count() const { return node_count_; }
  // Distinct edges after aggregation; an undirected edge counts once.
  EdgeIndex edge_count() const { return static_cast<EdgeIndex>(edge_source_.size()); }
  bool directed() const { return directed_; }
  // False when every edge weighs 1 (no weight column, or all weights 1 with no aggregation).
  bool weighted() const { return weighted_; }
  std::int64_t dropped_self_loops() const { return dropped_self_loops_; }

  // Out-neighbours (all neighbours when undirected), sorted by index, and the weight and edge
  // index of each. Precondition: v < node_count().
  std::span<const NodeIndex> out_neighbors(NodeIndex v) const {
    return {out_targets_.data() + out_offsets_[v], out_offsets_[v + 1] - out_offsets_[v]};
  }
  std::span<const double> out_weights(NodeIndex v) const {
    return {out_weights_.data() + out_offsets_[v], out_offsets_[v + 1] - out_offsets_[v]};
  }
  std::span<const EdgeIndex> out_edges(NodeIndex v) const {
    return {out_edge_ids_.data() + out_offsets_[v], out_offsets_[v + 1] - out_offsets_[v]};
  }
  // In-neighbours; for an undirected graph the same as out_neighbors().
  std::span<const NodeIndex> in_neighbors(NodeIndex v) const;
  std::span<const double> in_weights(NodeIndex v) const;
  std::span<const EdgeIndex> in_edges(NodeIndex v) const;
  std::uint32_t out_degree(NodeIndex v) const {
    return static_cast<std::uint32_t>(out_offsets_[v + 1] - out_offsets_[v]);
  }
  std::uint32_t in_degree(NodeIndex v) const { return static_cast<std::uint32_t>(in_neighbors(v).size()); }

  // The edge's ends (source < target when undirected) and weight.
  NodeIndex edge_source(EdgeIndex e) const { return edge_source_[e]; }
  NodeIndex edge_target(EdgeIndex e) const { return edge_target_[e]; }
  double edge_weight(EdgeIndex e) const { return edge_weight_[e]; }
  // The edge a row of the edge table became, or kNoEdge (filtered out, a self-loop).
  EdgeIndex row_edge(std::size_t row) const {
    return row < row_edge_.size() ? row_edge_[row] : kNoEdge;
  }
  // The edge from u to v (either way when undirected), or kNoEdge. O(log degree).
  EdgeIndex find_edge(NodeIndex u, NodeIndex v) const;

  // The same nodes with the edges whose flag in `keep_edge` (by EdgeIndex) is non-zero.
  Graph subgraph(std::span<const std::uint8_t> keep_edge) const;
  // The same nodes (indices unchanged) without any edge touching a removed node.
  Graph without_nodes(std::span<const std::uint8_t> removed) const;

  // Bytes held by the arrays.
  std::size_t memory_bytes() const;

 private:
  NodeIndex node_count_ = 0;
  bool directed_ = false;
  bool weighted_ = false;
  std::int64_t dropped_self_loops_ = 0;
  std::vector<NodeIndex> edge_source_, edge_target_;
  std::vector<double> edge_weight_;
  std::vector<EdgeIndex> row_edge_;
  std::vector<std::uint64_t> out_offsets_, in_offsets_;
  std::vector<NodeIndex> out_targets_, in_sources_;
  std::vector<double> out_weights_, in_weights_;
  std::vector<EdgeIndex> out_edge_ids_, in_edge_ids_;

  void index_adjacency();
};

}  // namespace escudo::graph

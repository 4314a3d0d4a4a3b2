#include "graph/graph.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace escudo::graph {

std::uint64_t NodeNames::hash(std::string_view name) {
  // 8 bytes at a time, each word mixed in with a multiply-xorshift (splitmix64's finaliser).
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ name.size();
  auto mix = [](std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  };
  std::size_t i = 0;
  for (; i + 8 <= name.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, name.data() + i, 8);
    h = mix(h ^ word);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, name.data() + i, name.size() - i);
  return mix(h ^ tail ^ (static_cast<std::uint64_t>(name.size() - i) << 56));
}

std::size_t NodeNames::slot_of(std::string_view name, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  const auto short_hash = static_cast<std::uint32_t>(h);
  for (std::size_t s = (h >> 32) & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.index == kNoNode || (slot.hash == short_hash && names_[slot.index] == name)) return s;
  }
}

void NodeNames::grow(std::size_t capacity) {
  std::size_t size = 16;
  while (size < capacity * 2) size *= 2;
  if (size <= slots_.size()) return;
  slots_.assign(size, Slot{});
  const std::size_t mask = size - 1;
  for (NodeIndex i = 0; i < names_.size(); ++i) {
    const std::uint64_t h = hash(names_[i]);
    std::size_t s = (h >> 32) & mask;
    while (slots_[s].index != kNoNode) s = (s + 1) & mask;
    slots_[s] = {i, static_cast<std::uint32_t>(h)};
  }
}

NodeIndex NodeNames::intern(std::string_view name) {
  if ((names_.size() + 1) * 2 > slots_.size()) grow(std::max<std::size_t>(names_.size() + 1, names_.size() * 2));
  const std::uint64_t h = hash(name);
  const std::size_t s = slot_of(name, h);
  if (slots_[s].index != kNoNode) return slots_[s].index;
  const auto i = static_cast<NodeIndex>(names_.size());
  names_.emplace_back(name);
  slots_[s] = {i, static_cast<std::uint32_t>(h)};
  return i;
}

NodeIndex NodeNames::find(std::string_view name) const {
  if (slots_.empty()) return kNoNode;
  return slots_[slot_of(name, hash(name))].index;
}

void NodeNames::reserve(std::size_t n) {
  names_.reserve(n);
  grow(n);
}

void EdgeTable::add(NodeIndex from, NodeIndex to, double w) {
  // The weight column starts with the first weight other than 1, the earlier rows weighing 1.
  const bool weighted = !weight.empty() || w != 1.0;
  if (weighted && weight.size() != source.size()) weight.resize(source.size(), 1.0);
  source.push_back(from);
  target.push_back(to);
  if (weighted) weight.push_back(w);
}

Result<Graph> Graph::build(NodeIndex node_count, const EdgeTable& edges,
                           const BuildOptions& options) {
  const std::size_t rows = edges.source.size();
  if (edges.target.size() != rows || (!edges.weight.empty() && edges.weight.size() != rows)) {
    return errorf(ErrorCode::kInvalidArgument,
                  "the edge table's columns differ in length ({} sources, {} targets, {} weights)",
                  rows, edges.target.size(), edges.weight.size());
  }
  if (!options.keep.empty() && options.keep.size() != rows) {
    return errorf(ErrorCode::kInvalidArgument, "the row filter has {} flags for {} rows",
                  options.keep.size(), rows);
  }
  if (node_count == kNoNode) {
    return make_error(ErrorCode::kInvalidArgument, "too many nodes (at most 2^32-2)");
  }
  Graph g;
  g.node_count_ = node_count;
  g.directed_ = options.directed;
  g.row_edge_.assign(rows, kNoEdge);

  // Bucket the kept rows by their (canonical) source: a counting sort, then each bucket by
  // target, so equal pairs are adjacent.
  std::vector<std::uint64_t> start(static_cast<std::size_t>(node_count) + 1, 0);
  auto ends = [&](std::size_t r) {
    NodeIndex u = edges.source[r], v = edges.target[r];
    if (!options.directed && v < u) std::swap(u, v);
    return std::pair{u, v};
  };
  std::size_t kept = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    if (!options.keep.empty() && options.keep[r] == 0) continue;
    NodeIndex u = edges.source[r], v = edges.target[r];
    if (u >= node_count || v >= node_count) {
      return errorf(ErrorCode::kInvalidArgument, "row {} names node {}, but there are {} nodes",
                    r + 1, std::max(u, v), node_count);
    }
    if (!edges.weight.empty()) {
      double w = edges.weight[r];
      if (!std::isfinite(w) || w < 0) {
        return errorf(ErrorCode::kInvalidArgument,
                      "row {}: a weight must be a finite number ≥ 0, got {}", r + 1, w);
      }
    }
    if (u == v) {
      ++g.dropped_self_loops_;
      continue;
    }
    ++start[ends(r).first + 1];
    ++kept;
  }
  for (std::size_t i = 0; i < node_count; ++i) start[i + 1] += start[i];
  std::vector<std::uint32_t> order(kept);
  {
    std::vector<std::uint64_t> fill(start.begin(), start.end() - 1);
    for (std::size_t r = 0; r < rows; ++r) {
      if (!options.keep.empty() && options.keep[r] == 0) continue;
      if (edges.source[r] == edges.target[r]) continue;
      order[fill[ends(r).first]++] = static_cast<std::uint32_t>(r);
    }
  }
  for (std::size_t u = 0; u < node_count; ++u) {
    auto first = order.begin() + static_cast<std::ptrdiff_t>(start[u]);
    auto last = order.begin() + static_cast<std::ptrdiff_t>(start[u + 1]);
    if (last - first > 1) {
      std::stable_sort(first, last, [&](std::uint32_t a, std::uint32_t b) {
        return ends(a).second < ends(b).second;
      });
    }
  }

  g.edge_source_.reserve(kept);
  g.edge_target_.reserve(kept);
  g.edge_weight_.reserve(kept);
  for (std::size_t i = 0; i < kept; ++i) {
    std::uint32_t r = order[i];
    auto [u, v] = ends(r);
    double w = edges.weight.empty() ? 1.0 : edges.weight[r];
    if (options.aggregate_parallel && !g.edge_source_.empty() && g.edge_source_.back() == u &&
        g.edge_target_.back() == v) {
      g.edge_weight_.back() += w;
    } else {
      if (g.edge_source_.size() >= kNoEdge) {
        return make_error(ErrorCode::kResourceExhausted, "too many edges (at most 2^32-2)");
      }
      g.edge_source_.push_back(u);
      g.edge_target_.push_back(v);
      g.edge_weight_.push_back(w);
    }
    g.row_edge_[r] = static_cast<EdgeIndex>(g.edge_source_.size() - 1);
  }
  g.weighted_ = std::any_of(g.edge_weight_.begin(), g.edge_weight_.end(),
                            [](double w) { return w != 1.0; });
  g.index_adjacency();
  return g;
}

// Fills the CSR arrays from the edges, which are sorted by (source, target): one pass in that
// order leaves every row sorted by neighbour (see the comment in the undirected branch).
void Graph::index_adjacency() {
  const std::size_t n = node_count_;
  const std::size_t m = edge_source_.size();
  auto fill_rows = [&](std::vector<std::uint64_t>& offsets, std::vector<NodeIndex>& nbr,
                       std::vector<double>& wts, std::vector<EdgeIndex>& ids, bool from_source,
                       bool from_target) {
    offsets.assign(n + 1, 0);
    for (std::size_t e = 0; e < m; ++e) {
      if (from_source) ++offsets[edge_source_[e] + 1];
      if (from_target) ++offsets[edge_target_[e] + 1];
    }
    for (std::size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
    nbr.resize(offsets[n]);
    wts.resize(offsets[n]);
    ids.resize(offsets[n]);
    std::vector<std::uint64_t> pos(offsets.begin(), offsets.end() - 1);
    for (std::size_t e = 0; e < m; ++e) {
      NodeIndex s = edge_source_[e], t = edge_target_[e];
      if (from_source) {
        auto p = pos[s]++;
        nbr[p] = t;
        wts[p] = edge_weight_[e];
        ids[p] = static_cast<EdgeIndex>(e);
      }
      if (from_target) {
        auto p = pos[t]++;
        nbr[p] = s;
        wts[p] = edge_weight_[e];
        ids[p] = static_cast<EdgeIndex>(e);
      }
    }
  };
  if (directed_) {
    fill_rows(out_offsets_, out_targets_, out_weights_, out_edge_ids_, true, false);
    // In-rows: edges come by ascending source, so each in-row is sorted too.
    fill_rows(in_offsets_, in_sources_, in_weights_, in_edge_ids_, false, true);
  } else {
    // Row v receives its smaller neighbours u (edge (u, v), met while scanning u's block,
    // u < v) before its larger ones (edges (v, w), met in v's own block): sorted.
    fill_rows(out_offsets_, out_targets_, out_weights_, out_edge_ids_, true, true);
    in_offsets_.clear();
  }
}

std::span<const NodeIndex> Graph::in_neighbors(NodeIndex v) const {
  if (!directed_) return out_neighbors(v);
  return {in_sources_.data() + in_offsets_[v], in_offsets_[v + 1] - in_offsets_[v]};
}
std::span<const double> Graph::in_weights(NodeIndex v) const {
  if (!directed_) return out_weights(v);
  return {in_weights_.data() + in_offsets_[v], in_offsets_[v + 1] - in_offsets_[v]};
}
std::span<const EdgeIndex> Graph::in_edges(NodeIndex v) const {
  if (!directed_) return out_edges(v);
  return {in_edge_ids_.data() + in_offsets_[v], in_offsets_[v + 1] - in_offsets_[v]};
}

EdgeIndex Graph::find_edge(NodeIndex u, NodeIndex v) const {
  if (u >= node_count_ || v >= node_count_) return kNoEdge;
  auto nbrs = out_neighbors(u);
  auto it = std::lower_bound(nbrs.begin(), nbrs.end(), v);
  if (it == nbrs.end() || *it != v) return kNoEdge;
  return out_edges(u)[static_cast<std::size_t>(it - nbrs.begin())];
}

Graph Graph::subgraph(std::span<const std::uint8_t> keep_edge) const {
  Graph g;
  g.node_count_ = node_count_;
  g.directed_ = directed_;
  for (std::size_t e = 0; e < edge_source_.size(); ++e) {
    if (e < keep_edge.size() && keep_edge[e] == 0) continue;
    g.edge_source_.push_back(edge_source_[e]);
    g.edge_target_.push_back(edge_target_[e]);
    g.edge_weight_.push_back(edge_weight_[e]);
  }
  g.weighted_ = std::any_of(g.edge_weight_.begin(), g.edge_weight_.end(),
                            [](double w) { return w != 1.0; });
  g.index_adjacency();
  return g;
}

Graph Graph::without_nodes(std::span<const std::uint8_t> removed) const {
  std::vector<std::uint8_t> keep(edge_source_.size(), 1);
  auto gone = [&](NodeIndex v) { return v < removed.size() && removed[v] != 0; };
  for (std::size_t e = 0; e < edge_source_.size(); ++e) {
    if (gone(edge_source_[e]) || gone(edge_target_[e])) keep[e] = 0;
  }
  return subgraph(keep);
}

std::size_t Graph::memory_bytes() const {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return bytes(edge_source_) + bytes(edge_target_) + bytes(edge_weight_) + bytes(row_edge_) +
         bytes(out_offsets_) + bytes(in_offsets_) + bytes(out_targets_) + bytes(in_sources_) +
         bytes(out_weights_) + bytes(in_weights_) + bytes(out_edge_ids_) + bytes(in_edge_ids_);
}

}  // namespace escudo::graph

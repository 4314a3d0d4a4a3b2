// Yen (1971): the k-th shortest path deviates from one of the k-1 found at some spur node;
// for each spur node the root so far is fixed, the edges that earlier paths with the same
// root took next are banned, the root's nodes are banned, and Dijkstra finds the rest.
#include "graph/paths.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

#include "graph/internal/sssp.h"

namespace escudo::graph {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Search {
  const Graph& g;
  std::span<const double> cost;
  std::vector<double> dist;
  std::vector<EdgeIndex> via;  // the edge a node was reached by
  std::vector<NodeIndex> prev;
  std::vector<std::uint8_t> banned_node;
  std::vector<std::uint8_t> banned_edge;
  std::vector<NodeIndex> touched;

  Search(const Graph& graph, std::span<const double> c)
      : g(graph), cost(c), dist(graph.node_count(), kInf), via(graph.node_count(), kNoEdge),
        prev(graph.node_count(), kNoNode), banned_node(graph.node_count(), 0),
        banned_edge(graph.edge_count(), 0) {}

  // Dijkstra from `from` to `to`; appends the path (from … to) to `out` and returns its length,
  // or infinity. Among equally short paths it prefers fewer hops (then lower node indices).
  double run(NodeIndex from, NodeIndex to, Path& out) {
    for (NodeIndex v : touched) {
      dist[v] = kInf;
      via[v] = kNoEdge;
      prev[v] = kNoNode;
    }
    touched.clear();
    using Item = std::tuple<double, std::uint32_t, NodeIndex>;  // length, hops, node
    std::vector<Item> heap;
    std::vector<std::uint32_t>& hops = hop_count();
    dist[from] = 0;
    hops[from] = 0;
    touched.push_back(from);
    heap.emplace_back(0.0, 0u, from);
    auto cmp = std::greater<>{};
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), cmp);
      auto [d, h, v] = heap.back();
      heap.pop_back();
      if (d > dist[v] || (d == dist[v] && h > hops[v])) continue;
      if (v == to) break;
      auto nbrs = g.out_neighbors(v);
      auto eids = g.out_edges(v);
      for (std::size_t i = 0; i < nbrs.size(); ++i) {
        NodeIndex w = nbrs[i];
        EdgeIndex e = eids[i];
        if (banned_node[w] || banned_edge[e] || cost[e] == kInf) continue;
        double nd = d + cost[e];
        std::uint32_t nh = h + 1;
        bool better = nd < dist[w] && !internal::same_length(nd, dist[w]);
        bool tie = dist[w] != kInf && internal::same_length(nd, dist[w]) &&
                   (nh < hops[w] || (nh == hops[w] && v < prev[w]));
        if (better || tie) {
          if (dist[w] == kInf) touched.push_back(w);
          dist[w] = nd;
          hops[w] = nh;
          via[w] = e;
          prev[w] = v;
          heap.emplace_back(nd, nh, w);
          std::push_heap(heap.begin(), heap.end(), cmp);
        }
      }
    }
    if (dist[to] == kInf) return kInf;
    std::vector<NodeIndex> nodes;
    std::vector<EdgeIndex> edges;
    for (NodeIndex v = to; v != from; v = prev[v]) {
      nodes.push_back(v);
      edges.push_back(via[v]);
    }
    nodes.push_back(from);
    std::reverse(nodes.begin(), nodes.end());
    std::reverse(edges.begin(), edges.end());
    out.nodes.insert(out.nodes.end(), nodes.begin() + (out.nodes.empty() ? 0 : 1), nodes.end());
    out.edges.insert(out.edges.end(), edges.begin(), edges.end());
    return dist[to];
  }

  std::vector<std::uint32_t>& hop_count() {
    if (hops_.size() != g.node_count()) hops_.assign(g.node_count(), 0);
    return hops_;
  }
  std::vector<std::uint32_t> hops_;
};

double path_cost(const Path& p, std::span<const double> cost) {
  double total = 0;
  for (EdgeIndex e : p.edges) total += cost[e];
  return total;
}

}  // namespace

Result<std::vector<Path>> k_shortest_paths(const Graph& g, NodeIndex from, NodeIndex to,
                                           std::size_t k, std::span<const double> edge_cost) {
  const NodeIndex n = g.node_count();
  if (from >= n || to >= n) {
    return errorf(ErrorCode::kInvalidArgument, "node {} is not in the graph ({} nodes)",
                  std::max(from, to), n);
  }
  if (from == to) return make_error(ErrorCode::kInvalidArgument, "a path needs two different nodes");
  if (edge_cost.size() != g.edge_count()) {
    return errorf(ErrorCode::kInvalidArgument, "{} edge costs for {} edges", edge_cost.size(), g.edge_count());
  }
  for (double c : edge_cost) {
    if (std::isnan(c) || c < 0) return make_error(ErrorCode::kInvalidArgument, "edge costs must be ≥ 0");
  }
  std::vector<Path> found;
  if (k == 0) return found;
  Search search(g, edge_cost);
  Path first;
  first.length = search.run(from, to, first);
  if (first.length == kInf) return found;
  found.push_back(std::move(first));

  // Candidates ordered by (length, hops, nodes); the set also removes duplicates.
  auto less = [](const Path& a, const Path& b) {
    if (a.length != b.length && !internal::same_length(a.length, b.length)) return a.length < b.length;
    if (a.nodes.size() != b.nodes.size()) return a.nodes.size() < b.nodes.size();
    return a.nodes < b.nodes;
  };
  std::set<Path, decltype(less)> candidates(less);
  while (found.size() < k) {
    const Path& last = found.back();
    for (std::size_t i = 0; i + 1 < last.nodes.size(); ++i) {
      const NodeIndex spur = last.nodes[i];
      std::fill(search.banned_node.begin(), search.banned_node.end(), 0);
      std::fill(search.banned_edge.begin(), search.banned_edge.end(), 0);
      for (const Path& p : found) {
        if (p.nodes.size() > i + 1 && std::equal(p.nodes.begin(), p.nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1, last.nodes.begin())) {
          search.banned_edge[p.edges[i]] = 1;
        }
      }
      for (std::size_t j = 0; j < i; ++j) search.banned_node[last.nodes[j]] = 1;
      Path candidate;
      candidate.nodes.assign(last.nodes.begin(), last.nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      candidate.edges.assign(last.edges.begin(), last.edges.begin() + static_cast<std::ptrdiff_t>(i));
      if (search.run(spur, to, candidate) == kInf) continue;
      candidate.length = path_cost(candidate, edge_cost);
      candidates.insert(std::move(candidate));
    }
    // The best candidate not found already.
    bool added = false;
    while (!candidates.empty() && !added) {
      Path best = *candidates.begin();
      candidates.erase(candidates.begin());
      bool known = std::any_of(found.begin(), found.end(),
                               [&](const Path& p) { return p.nodes == best.nodes && p.edges == best.edges; });
      if (!known) {
        found.push_back(std::move(best));
        added = true;
      }
    }
    if (!added) break;
  }
  return found;
}

Result<std::vector<Path>> k_shortest_paths(const Graph& g, NodeIndex from, NodeIndex to,
                                           std::size_t k, EdgeLength length) {
  std::vector<double> cost(g.edge_count());
  for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
    cost[e] = internal::edge_length(g.weighted() ? length : EdgeLength::kHops, g.edge_weight(e));
  }
  return k_shortest_paths(g, from, to, k, cost);
}

}  // namespace escudo::graph

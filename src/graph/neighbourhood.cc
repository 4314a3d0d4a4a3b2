#include "graph/neighbourhood.h"

#include <algorithm>

namespace escudo::graph {

Result<Neighbourhood> neighbourhood(const Graph& g, NodeIndex centre, std::size_t max_neighbours) {
  if (centre >= g.node_count()) {
    return errorf(ErrorCode::kInvalidArgument, "node {} is not in the graph ({} nodes)", centre, g.node_count());
  }
  // Neighbour → heaviest edge weight to the centre (either direction).
  std::vector<std::pair<NodeIndex, double>> around;
  auto collect = [&](std::span<const NodeIndex> nbrs, std::span<const double> w) {
    for (std::size_t i = 0; i < nbrs.size(); ++i) around.emplace_back(nbrs[i], w[i]);
  };
  collect(g.out_neighbors(centre), g.out_weights(centre));
  if (g.directed()) collect(g.in_neighbors(centre), g.in_weights(centre));
  std::sort(around.begin(), around.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  around.erase(std::unique(around.begin(), around.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               around.end());
  Neighbourhood out;
  out.neighbours_total = around.size();
  if (max_neighbours > 0 && around.size() > max_neighbours) {
    std::partial_sort(around.begin(), around.begin() + static_cast<std::ptrdiff_t>(max_neighbours), around.end(),
                      [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    around.resize(max_neighbours);
    std::sort(around.begin(), around.end());
  }
  out.nodes.reserve(around.size() + 1);
  out.nodes.push_back(centre);
  for (const auto& [v, w] : around) out.nodes.push_back(v);
  // A flag per node of the graph: clearing a million bytes costs less than hashing the
  // neighbours of a hub's neighbours.
  std::vector<std::uint8_t> member(g.node_count(), 0);
  for (NodeIndex v : out.nodes) member[v] = 1;
  for (NodeIndex v : out.nodes) {
    auto nbrs = g.out_neighbors(v);
    auto ids = g.out_edges(v);
    for (std::size_t i = 0; i < nbrs.size(); ++i) {
      // Each undirected edge once: from its smaller end.
      if (!g.directed() && nbrs[i] < v) continue;
      if (member[nbrs[i]]) out.edges.push_back(ids[i]);
    }
  }
  std::sort(out.edges.begin(), out.edges.end());
  return out;
}

}  // namespace escudo::graph

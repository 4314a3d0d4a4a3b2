#include "graph/internal/igraph_bridge.h"

#include <igraph/igraph.h>

namespace escudo::graph::internal {
namespace {

// igraph's default error handler aborts the program; ours returns the code to the caller.
// The handler is igraph's own (thread-local) state, set before every call.
void quiet() {
  igraph_set_error_handler(igraph_error_handler_ignore);
  igraph_set_warning_handler(igraph_warning_handler_ignore);
}

std::unexpected<Error> igraph_failed(const char* what, igraph_error_t code) {
  return errorf(ErrorCode::kInternal, "igraph {} failed: {}", what, igraph_strerror(code));
}

// An igraph copy of a Graph, freed on destruction.
class IgraphGraph {
 public:
  explicit IgraphGraph(const Graph& g, bool directed) {
    quiet();
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 2 * static_cast<igraph_integer_t>(g.edge_count()));
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
      VECTOR(edges)[2 * e] = g.edge_source(e);
      VECTOR(edges)[2 * e + 1] = g.edge_target(e);
    }
    status_ = igraph_create(&graph_, &edges, g.node_count(), directed && g.directed());
    igraph_vector_int_destroy(&edges);
    igraph_vector_init(&weights_, g.edge_count());
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) VECTOR(weights_)[e] = g.edge_weight(e);
  }
  ~IgraphGraph() {
    if (status_ == IGRAPH_SUCCESS) igraph_destroy(&graph_);
    igraph_vector_destroy(&weights_);
  }
  IgraphGraph(const IgraphGraph&) = delete;
  IgraphGraph& operator=(const IgraphGraph&) = delete;

  bool ok() const { return status_ == IGRAPH_SUCCESS; }
  igraph_error_t status() const { return status_; }
  const igraph_t* get() const { return &graph_; }
  const igraph_vector_t* weights(bool weighted) const { return weighted ? &weights_ : nullptr; }

 private:
  igraph_t graph_;
  igraph_vector_t weights_;
  igraph_error_t status_ = IGRAPH_FAILURE;
};

std::vector<double> to_vector(const igraph_vector_t& v) {
  std::vector<double> out(static_cast<std::size_t>(igraph_vector_size(&v)));
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = VECTOR(v)[i];
  return out;
}

}  // namespace

Result<std::vector<double>> igraph_coreness_of(const Graph& g) {
  IgraphGraph ig(g, /*directed=*/false);
  if (!ig.ok()) return igraph_failed("create", ig.status());
  // Parallel edges would count twice; a simple graph is what coreness is defined on.
  igraph_t simple;
  if (auto rc = igraph_copy(&simple, ig.get()); rc != IGRAPH_SUCCESS) return igraph_failed("copy", rc);
  igraph_vector_int_t cores;
  igraph_vector_int_init(&cores, 0);
  igraph_error_t rc = igraph_simplify(&simple, true, true, nullptr);
  if (rc == IGRAPH_SUCCESS) rc = igraph_coreness(&simple, &cores, IGRAPH_ALL);
  std::vector<double> out;
  if (rc == IGRAPH_SUCCESS) {
    out.resize(static_cast<std::size_t>(igraph_vector_int_size(&cores)));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<double>(VECTOR(cores)[i]);
  }
  igraph_vector_int_destroy(&cores);
  igraph_destroy(&simple);
  if (rc != IGRAPH_SUCCESS) return igraph_failed("coreness", rc);
  return out;
}

Result<std::vector<double>> igraph_betweenness_of(const Graph& g, bool weighted) {
  IgraphGraph ig(g, true);
  if (!ig.ok()) return igraph_failed("create", ig.status());
  igraph_vector_t res;
  igraph_vector_init(&res, 0);
  auto rc = igraph_betweenness(ig.get(), &res, igraph_vss_all(), true, ig.weights(weighted));
  std::vector<double> out = to_vector(res);
  igraph_vector_destroy(&res);
  if (rc != IGRAPH_SUCCESS) return igraph_failed("betweenness", rc);
  return out;
}

Result<std::vector<double>> igraph_pagerank_of(const Graph& g, bool weighted) {
  IgraphGraph ig(g, true);
  if (!ig.ok()) return igraph_failed("create", ig.status());
  igraph_vector_t res;
  igraph_vector_init(&res, 0);
  igraph_real_t value = 0;
  auto rc = igraph_pagerank(ig.get(), IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
                            true, 0.85, ig.weights(weighted), nullptr);
  std::vector<double> out = to_vector(res);
  igraph_vector_destroy(&res);
  if (rc != IGRAPH_SUCCESS) return igraph_failed("pagerank", rc);
  return out;
}

Result<double> igraph_modularity_of(const Graph& g, std::span<const std::uint32_t> membership,
                                    double resolution, bool weighted) {
  IgraphGraph ig(g, false);
  if (!ig.ok()) return igraph_failed("create", ig.status());
  igraph_vector_int_t m;
  igraph_vector_int_init(&m, static_cast<igraph_integer_t>(membership.size()));
  for (std::size_t i = 0; i < membership.size(); ++i) VECTOR(m)[i] = membership[i];
  igraph_real_t q = 0;
  auto rc = igraph_modularity(ig.get(), &m, ig.weights(weighted), resolution, false, &q);
  igraph_vector_int_destroy(&m);
  if (rc != IGRAPH_SUCCESS) return igraph_failed("modularity", rc);
  return q;
}

Result<std::vector<std::uint32_t>> igraph_multilevel_of(const Graph& g, double resolution,
                                                        bool weighted) {
  IgraphGraph ig(g, false);
  if (!ig.ok()) return igraph_failed("create", ig.status());
  igraph_vector_int_t m;
  igraph_vector_int_init(&m, 0);
  auto rc = igraph_community_multilevel(ig.get(), ig.weights(weighted), resolution, &m, nullptr,
                                        nullptr);
  std::vector<std::uint32_t> out(static_cast<std::size_t>(igraph_vector_int_size(&m)));
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::uint32_t>(VECTOR(m)[i]);
  igraph_vector_int_destroy(&m);
  if (rc != IGRAPH_SUCCESS) return igraph_failed("multilevel", rc);
  return out;
}

Result<std::vector<double>> igraph_harmonic_of(const Graph& g) {
  IgraphGraph ig(g, true);
  if (!ig.ok()) return igraph_failed("create", ig.status());
  igraph_vector_t res;
  igraph_vector_init(&res, 0);
  auto rc = igraph_harmonic_centrality(ig.get(), &res, igraph_vss_all(), IGRAPH_OUT, nullptr, true);
  std::vector<double> out = to_vector(res);
  igraph_vector_destroy(&res);
  if (rc != IGRAPH_SUCCESS) return igraph_failed("harmonic centrality", rc);
  return out;
}

}  // namespace escudo::graph::internal

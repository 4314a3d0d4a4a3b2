// The igraph C library behind one small interface: the engine uses it for k-cores, and the
// tests use it as an independent reference for the engine's own kernels. igraph types never
// leave this file's .cc.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"

namespace escudo::graph::internal {

// Coreness with directions ignored and each neighbour counted once.
Result<std::vector<double>> igraph_coreness_of(const Graph& g);
// Betweenness (not normalised; igraph counts each unordered pair once when undirected), with
// the weights as lengths when `weighted`.
Result<std::vector<double>> igraph_betweenness_of(const Graph& g, bool weighted);
// PageRank (PRPACK), damping 0.85, weighted when `weighted`.
Result<std::vector<double>> igraph_pagerank_of(const Graph& g, bool weighted);
// Newman–Girvan modularity of a partition (undirected reading, weighted when `weighted`).
Result<double> igraph_modularity_of(const Graph& g, std::span<const std::uint32_t> membership,
                                    double resolution, bool weighted);
// Louvain (multilevel) partition, for comparing the quality of the engine's Leiden.
Result<std::vector<std::uint32_t>> igraph_multilevel_of(const Graph& g, double resolution,
                                                        bool weighted);
// Harmonic closeness normalised by n - 1, along out-edges, hop distances.
Result<std::vector<double>> igraph_harmonic_of(const Graph& g);

}  // namespace escudo::graph::internal

// Loading the networks shipped in data/networks/ for the graph tests.
#pragma once

#include <string>

#include "base/status.h"
#include "graph/graph.h"

namespace escudo::graph::testing {

struct Loaded {
  NodeNames names;
  Graph graph;
  EdgeTable edges;
};

// data/networks/<relative> under the source tree.
std::string network_path(const std::string& relative);
// An adjacency matrix CSV (tabular.h), directed or not.
Result<Loaded> load_matrix(const std::string& path, bool directed);
// An edge list CSV with a weight column (empty: none).
Result<Loaded> load_edge_list(const std::string& path, bool directed, const std::string& weight);
// The rows of a CSV file (header included).
Result<std::vector<std::vector<std::string>>> read_csv(const std::string& path);
// Builds a graph from "a-b a-c b-c" (or "a>b" when directed), nodes named by the tokens.
Loaded parse_graph(const std::string& spec, bool directed);

}  // namespace escudo::graph::testing

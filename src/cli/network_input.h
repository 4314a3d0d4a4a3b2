// Reading a network from a file for `escudo network …`: an edge list, an adjacency matrix or a
// two-mode table projected onto its people (graph/tabular.h does the checking; this adds the
// file and its name to every message: "calls.csv:7:12: weight: 'abc' is not a number").
#pragma once

#include <string>

#include "base/status.h"
#include "graph/graph.h"

namespace escudo::cli {

struct NetworkSource {
  std::string path;
  bool matrix = false;    // an adjacency matrix instead of an edge list
  bool two_mode = false;  // people × events (matrix, or person,event rows), projected onto people
  bool directed = false;
  std::string source_column, target_column, weight_column;
};

struct Network {
  graph::NodeNames names;
  graph::EdgeTable edges;
  graph::Graph graph;
};

Result<Network> load_network(const NetworkSource& source);

}  // namespace escudo::cli

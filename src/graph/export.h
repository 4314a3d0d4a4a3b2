// Writing a graph for other tools: GraphML (yEd, Gephi, Cytoscape, igraph, NetworkX) and GEXF
// (Gephi), with node and edge attributes. Text is escaped for XML; characters XML 1.0 cannot
// hold (control characters other than tab and line breaks) become U+FFFD.
//
//   std::vector<graph::Attribute> node_attrs = {graph::Attribute::text("type", types)};
//   std::string xml = graph::to_graphml(g, names, node_attrs, {});
//
// Pure and thread-safe.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"

namespace escudo::graph {

// One column of values, per node or per edge (by EdgeIndex), text or numbers.
struct Attribute {
  std::string name;
  std::vector<std::string> texts;  // when text
  std::vector<double> numbers;     // when numeric
  bool numeric = false;

  static Attribute text(std::string name, std::vector<std::string> values) {
    return {std::move(name), std::move(values), {}, false};
  }
  static Attribute number(std::string name, std::vector<double> values) {
    return {std::move(name), {}, std::move(values), true};
  }
};

// Each node carries its name (`name` in GraphML, the label in GEXF); each edge its weight.
// kInvalidArgument when an attribute does not have one value per node (per edge), or is named
// "name" or "weight" (written already), or two share a name.
Result<std::string> to_graphml(const Graph& g, const NodeNames& names,
                               std::span<const Attribute> node_attributes,
                               std::span<const Attribute> edge_attributes);
Result<std::string> to_gexf(const Graph& g, const NodeNames& names,
                            std::span<const Attribute> node_attributes,
                            std::span<const Attribute> edge_attributes);

// Appends `text` escaped for XML character data and attribute values.
void append_xml_escaped(std::string& out, std::string_view text);

}  // namespace escudo::graph

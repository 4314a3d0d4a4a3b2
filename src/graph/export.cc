#include "graph/export.h"

#include <set>

namespace escudo::graph {
namespace {

std::string number(double x) { return fmt::format("{}", x); }

Status check(std::span<const Attribute> attrs, std::size_t count, std::string_view what) {
  std::set<std::string> seen = {"name", "weight"};
  for (const auto& a : attrs) {
    std::size_t size = a.numeric ? a.numbers.size() : a.texts.size();
    if (size != count) {
      return errorf(ErrorCode::kInvalidArgument, "{} attribute '{}' has {} values for {} {}s", what,
                    a.name, size, count, what);
    }
    if (!seen.insert(a.name).second) {
      return errorf(ErrorCode::kInvalidArgument, "{} attribute '{}' is named twice or is reserved", what, a.name);
    }
  }
  return ok_status();
}

std::string value_of(const Attribute& a, std::size_t i) {
  return a.numeric ? number(a.numbers[i]) : a.texts[i];
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
}

Result<std::string> to_graphml(const Graph& g, const NodeNames& names,
                               std::span<const Attribute> node_attributes,
                               std::span<const Attribute> edge_attributes) {
  ESCUDO_TRY(check(node_attributes, g.node_count(), "node"));
  ESCUDO_TRY(check(edge_attributes, g.edge_count(), "edge"));
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";
  auto key = [&](const Attribute& a, std::string_view prefix, std::size_t i, std::string_view target) {
    out += fmt::format("  <key id=\"{}{}\" for=\"{}\" attr.name=\"", prefix, i, target);
    append_xml_escaped(out, a.name);
    out += fmt::format("\" attr.type=\"{}\"/>\n", a.numeric ? "double" : "string");
  };
  for (std::size_t i = 0; i < node_attributes.size(); ++i) key(node_attributes[i], "v", i, "node");
  for (std::size_t i = 0; i < edge_attributes.size(); ++i) key(edge_attributes[i], "e", i, "edge");
  out += fmt::format("  <graph id=\"G\" edgedefault=\"{}\">\n", g.directed() ? "directed" : "undirected");
  for (NodeIndex v = 0; v < g.node_count(); ++v) {
    out += fmt::format("    <node id=\"n{}\"><data key=\"name\">", v);
    append_xml_escaped(out, v < names.size() ? names.name(v) : std::to_string(v));
    out += "</data>";
    for (std::size_t i = 0; i < node_attributes.size(); ++i) {
      out += fmt::format("<data key=\"v{}\">", i);
      append_xml_escaped(out, value_of(node_attributes[i], v));
      out += "</data>";
    }
    out += "</node>\n";
  }
  for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
    out += fmt::format("    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\"><data key=\"weight\">{}</data>", e,
                       g.edge_source(e), g.edge_target(e), number(g.edge_weight(e)));
    for (std::size_t i = 0; i < edge_attributes.size(); ++i) {
      out += fmt::format("<data key=\"e{}\">", i);
      append_xml_escaped(out, value_of(edge_attributes[i], e));
      out += "</data>";
    }
    out += "</edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

Result<std::string> to_gexf(const Graph& g, const NodeNames& names,
                            std::span<const Attribute> node_attributes,
                            std::span<const Attribute> edge_attributes) {
  ESCUDO_TRY(check(node_attributes, g.node_count(), "node"));
  ESCUDO_TRY(check(edge_attributes, g.edge_count(), "edge"));
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
      "  <meta><creator>escudo</creator></meta>\n";
  out += fmt::format("  <graph mode=\"static\" defaultedgetype=\"{}\">\n",
                     g.directed() ? "directed" : "undirected");
  auto declare = [&](std::span<const Attribute> attrs, std::string_view cls) {
    if (attrs.empty()) return;
    out += fmt::format("    <attributes class=\"{}\">\n", cls);
    for (std::size_t i = 0; i < attrs.size(); ++i) {
      out += fmt::format("      <attribute id=\"{}\" title=\"", i);
      append_xml_escaped(out, attrs[i].name);
      out += fmt::format("\" type=\"{}\"/>\n", attrs[i].numeric ? "double" : "string");
    }
    out += "    </attributes>\n";
  };
  declare(node_attributes, "node");
  declare(edge_attributes, "edge");
  auto values = [&](std::span<const Attribute> attrs, std::size_t item) {
    if (attrs.empty()) return;
    out += "<attvalues>";
    for (std::size_t i = 0; i < attrs.size(); ++i) {
      out += fmt::format("<attvalue for=\"{}\" value=\"", i);
      append_xml_escaped(out, value_of(attrs[i], item));
      out += "\"/>";
    }
    out += "</attvalues>";
  };
  out += "    <nodes>\n";
  for (NodeIndex v = 0; v < g.node_count(); ++v) {
    out += fmt::format("      <node id=\"{}\" label=\"", v);
    append_xml_escaped(out, v < names.size() ? names.name(v) : std::to_string(v));
    out += "\">";
    values(node_attributes, v);
    out += "</node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
    out += fmt::format("      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\">", e,
                       g.edge_source(e), g.edge_target(e), number(g.edge_weight(e)));
    values(edge_attributes, e);
    out += "</edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace escudo::graph

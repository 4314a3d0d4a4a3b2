#include "graph/export.h"

#include <gtest/gtest.h>

#include <map>

#include "graph/test_util.h"

namespace escudo::graph {
namespace {

// A small XML reader, enough to check that the writers' output is well formed: every tag
// closed in order, attributes quoted, only the five predefined entities, no stray '<' or '&'.
// It collects each element's name, attributes and text (entities decoded).
struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;
};

std::string decode(std::string_view s, bool& ok) {
  static const std::map<std::string, std::string> entities = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') ok = false;
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    auto end = s.find(';', i);
    if (end == std::string_view::npos) {
      ok = false;
      return out;
    }
    auto it = entities.find(std::string(s.substr(i + 1, end - i - 1)));
    if (it == entities.end()) ok = false;
    else out += it->second;
    i = end;
  }
  return out;
}

bool parse_xml(const std::string& xml, std::vector<Element>& elements) {
  std::vector<std::size_t> open;
  std::size_t i = 0;
  bool ok = true;
  if (xml.rfind("<?xml", 0) == 0) i = xml.find("?>") + 2;
  while (i < xml.size()) {
    std::size_t lt = xml.find('<', i);
    std::string_view text(xml.data() + i, (lt == std::string::npos ? xml.size() : lt) - i);
    std::string decoded = decode(text, ok);
    if (!open.empty()) elements[open.back()].text += decoded;
    else if (decoded.find_first_not_of(" \n") != std::string::npos) return false;
    if (lt == std::string::npos) break;
    std::size_t gt = lt;
    char quote = 0;
    for (; gt < xml.size(); ++gt) {
      if (quote) {
        if (xml[gt] == quote) quote = 0;
      } else if (xml[gt] == '"' || xml[gt] == '\'') {
        quote = xml[gt];
      } else if (xml[gt] == '>') {
        break;
      }
    }
    if (gt >= xml.size()) return false;
    std::string_view tag(xml.data() + lt + 1, gt - lt - 1);
    i = gt + 1;
    if (tag.starts_with('/')) {
      if (open.empty() || elements[open.back()].name != tag.substr(1)) return false;
      open.pop_back();
      continue;
    }
    bool self_closing = tag.ends_with('/');
    if (self_closing) tag.remove_suffix(1);
    Element e;
    std::size_t p = tag.find_first_of(" \n");
    e.name = std::string(tag.substr(0, p));
    while (p != std::string_view::npos && p < tag.size()) {
      p = tag.find_first_not_of(" \n", p);
      if (p == std::string_view::npos) break;
      std::size_t eq = tag.find('=', p);
      if (eq == std::string_view::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') return false;
      std::size_t close = tag.find('"', eq + 2);
      if (close == std::string_view::npos) return false;
      e.attributes[std::string(tag.substr(p, eq - p))] = decode(tag.substr(eq + 2, close - eq - 2), ok);
      p = close + 1;
    }
    elements.push_back(std::move(e));
    if (!self_closing) open.push_back(elements.size() - 1);
  }
  return ok && open.empty();
}

std::vector<const Element*> named(const std::vector<Element>& all, const std::string& name) {
  std::vector<const Element*> out;
  for (const auto& e : all) {
    if (e.name == name) out.push_back(&e);
  }
  return out;
}

TEST(ExportTest, GraphmlIsWellFormedAndEscapesNames) {
  NodeNames names;
  EdgeTable t;
  NodeIndex amp = names.intern("A&B <x>");
  NodeIndex oneil = names.intern("O'Neil");
  NodeIndex quoted = names.intern("\"quoted\"");
  t.add(amp, oneil, 2.5);
  t.add(oneil, quoted, 1);
  auto graph = Graph::build(names.size(), t).value();
  struct {
    NodeNames& names;
    Graph& graph;
  } g{names, graph};
  std::vector<Attribute> node_attrs = {Attribute::text("type", {"person", "phone & co", "org"})};
  std::vector<Attribute> edge_attrs = {Attribute::number("calls", {3, 4})};
  std::string xml = to_graphml(g.graph, g.names, node_attrs, edge_attrs).value();
  std::vector<Element> elements;
  ASSERT_TRUE(parse_xml(xml, elements)) << xml;
  EXPECT_EQ(named(elements, "node").size(), 3u);
  EXPECT_EQ(named(elements, "edge").size(), 2u);
  EXPECT_EQ(named(elements, "graph")[0]->attributes.at("edgedefault"), "undirected");
  std::vector<std::string> texts;
  for (const Element* d : named(elements, "data")) texts.push_back(d->text);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "A&B <x>"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "\"quoted\""), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "phone & co"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "2.5"), texts.end());
  EXPECT_EQ(xml.find("A&B"), std::string::npos);  // only escaped
}

TEST(ExportTest, GexfIsWellFormedWithLabelsAndWeights) {
  NodeNames names;
  EdgeTable t;
  NodeIndex amp = names.intern("A&B <x>");
  NodeIndex bell = names.intern("bell\x07");
  t.add(amp, bell, 7);
  auto g = Graph::build(names.size(), t, {.directed = true}).value();
  std::string xml = to_gexf(g, names, {}, {}).value();
  std::vector<Element> elements;
  ASSERT_TRUE(parse_xml(xml, elements)) << xml;
  auto nodes = named(elements, "node");
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_EQ(nodes[0]->attributes.at("label"), "A&B <x>");
  EXPECT_EQ(nodes[1]->attributes.at("label"), "bell\xEF\xBF\xBD");  // the control character replaced
  auto edges = named(elements, "edge");
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0]->attributes.at("weight"), "7");
  EXPECT_EQ(named(elements, "graph")[0]->attributes.at("defaultedgetype"), "directed");
}

TEST(ExportTest, RefusesAttributesOfTheWrongLength) {
  auto g = testing::parse_graph("a-b", false);
  std::vector<Attribute> bad = {Attribute::text("type", {"x"})};
  auto r = to_graphml(g.graph, g.names, bad, {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("has 1 values for 2 nodes"), std::string::npos);
  std::vector<Attribute> reserved = {Attribute::number("weight", {1, 2})};
  EXPECT_FALSE(to_gexf(g.graph, g.names, reserved, {}));
}

}  // namespace
}  // namespace escudo::graph

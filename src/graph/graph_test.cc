#include "graph/graph.h"

#include <gtest/gtest.h>

#include "graph/tabular.h"
#include "graph/test_util.h"

namespace escudo::graph {
namespace {

TEST(NodeNamesTest, InternsAndFindsAcrossGrowth) {
  NodeNames names;
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(names.intern("n" + std::to_string(i)), static_cast<NodeIndex>(i));
  EXPECT_EQ(names.intern("n7"), 7u);
  EXPECT_EQ(names.find("n999"), 999u);
  EXPECT_EQ(names.find("nobody"), kNoNode);
  NodeNames copy = names;
  EXPECT_EQ(copy.find("n500"), 500u);
  EXPECT_EQ(copy.name(3), "n3");
}

TEST(GraphTest, AggregatesParallelEdgesAndDropsSelfLoops) {
  EdgeTable t;
  t.add(0, 1, 2.0);
  t.add(1, 0, 3.0);  // the same pair undirected
  t.add(1, 2, 1.0);
  t.add(2, 2, 5.0);  // self-loop
  auto g = Graph::build(3, t).value();
  EXPECT_EQ(g.edge_count(), 2u);
  EXPECT_EQ(g.dropped_self_loops(), 1);
  EXPECT_TRUE(g.weighted());
  EdgeIndex e = g.find_edge(1, 0);
  ASSERT_NE(e, kNoEdge);
  EXPECT_DOUBLE_EQ(g.edge_weight(e), 5.0);
  EXPECT_EQ(g.row_edge(0), e);
  EXPECT_EQ(g.row_edge(1), e);
  EXPECT_EQ(g.row_edge(3), kNoEdge);
  ASSERT_EQ(g.out_neighbors(1).size(), 2u);
  EXPECT_EQ(g.out_neighbors(1)[0], 0u);
  EXPECT_EQ(g.out_neighbors(1)[1], 2u);

  auto d = Graph::build(3, t, {.directed = true}).value();
  EXPECT_EQ(d.edge_count(), 3u);
  EXPECT_EQ(d.find_edge(2, 1), kNoEdge);
  EXPECT_EQ(d.in_neighbors(0).size(), 1u);
  EXPECT_EQ(d.in_neighbors(0)[0], 1u);

  auto multi = Graph::build(3, t, {.aggregate_parallel = false}).value();
  EXPECT_EQ(multi.edge_count(), 3u);
}

TEST(GraphTest, KeepsOnlySelectedRows) {
  EdgeTable t;
  t.add(0, 1);
  t.add(1, 2);
  t.add(2, 3);
  std::vector<std::uint8_t> keep = {1, 0, 1};
  auto g = Graph::build(4, t, {.keep = keep}).value();
  EXPECT_EQ(g.edge_count(), 2u);
  EXPECT_EQ(g.find_edge(1, 2), kNoEdge);
  EXPECT_FALSE(g.weighted());
  std::vector<std::uint8_t> removed = {0, 0, 1, 0};
  auto h = g.without_nodes(removed);
  EXPECT_EQ(h.edge_count(), 1u);
  EXPECT_EQ(h.node_count(), 4u);
}

TEST(GraphTest, RefusesBadInput) {
  EdgeTable t;
  t.add(0, 5);
  auto g = Graph::build(3, t);
  ASSERT_FALSE(g);
  EXPECT_NE(g.error().message().find("row 1 names node 5"), std::string::npos);
  EdgeTable w;
  w.add(0, 1, -2.0);
  auto neg = Graph::build(2, w);
  ASSERT_FALSE(neg);
  EXPECT_NE(neg.error().message().find("finite number ≥ 0"), std::string::npos);
  EdgeTable ragged;
  ragged.source = {0, 1};
  ragged.target = {1};
  EXPECT_FALSE(Graph::build(2, ragged));
}

TEST(TabularTest, EdgeListErrorsNameLineColumnAndField) {
  auto r = EdgeListReader::create({"from", "to", "calls"}, {.weight = "calls"}).value();
  ASSERT_TRUE(r.add({"a", "b", "3"}, 2, {1, 3, 5}));
  auto bad = r.add({"a", "c", "abc"}, 3, {1, 3, 5});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "line 3, column 5: calls: 'abc' is not a number");
  auto empty = r.add({"", "c", "1"}, 4, {1, 2, 4});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message(), "line 4, column 1: from: empty node name");
  auto missing = EdgeListReader::create({"from", "to"}, {.weight = "amount"});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("no column 'amount'"), std::string::npos);
  EXPECT_EQ(r.edges().size(), 1u);
  EXPECT_EQ(r.names().size(), 2u);
}

TEST(TabularTest, MatrixChecksShape) {
  auto m = MatrixReader::create({"", "a", "b", "c"}, 1, MatrixReader::Shape::kAdjacency).value();
  ASSERT_TRUE(m.add({"a", "0", "2", "0"}, 2));
  auto ragged = m.add({"b", "2", "0"}, 3);
  ASSERT_FALSE(ragged);
  EXPECT_NE(ragged.error().message().find("line 3: the row has 3 cells, the header (line 1) has 4"),
            std::string::npos);
  auto stranger = m.add({"z", "0", "0", "0"}, 4);
  ASSERT_FALSE(stranger);
  EXPECT_NE(stranger.error().message().find("row 'z' is not among the header's column names"),
            std::string::npos);
  auto nan = m.add({"b", "2", "0", "x1"}, 5, {1, 3, 5, 7});
  ASSERT_FALSE(nan);
  EXPECT_EQ(nan.error().message(), "line 5, column 7: c: 'x1' is not a number");
  ASSERT_TRUE(m.add({"b", "1", "0", "0"}, 6));
  auto incomplete = m.adjacency_edges(false);
  ASSERT_FALSE(incomplete);
  EXPECT_NE(incomplete.error().message().find("names 'c' but no row does"), std::string::npos);
  ASSERT_TRUE(m.add({"c", "0", "0", "0"}, 7));
  auto undirected = m.adjacency_edges(false).value();
  ASSERT_EQ(undirected.size(), 1u);
  EXPECT_DOUBLE_EQ(undirected.weight[0], 2.0);  // the larger of a→b = 2 and b→a = 1
  EXPECT_EQ(m.adjacency_edges(true).value().size(), 2u);
}

TEST(TabularTest, TwoModeProjectionCountsSharedEvents) {
  // ana and luis met twice, luis and eva once.
  std::vector<NodeIndex> person = {0, 1, 0, 1, 1, 2, 0};
  std::vector<NodeIndex> event = {0, 0, 1, 1, 2, 2, 0};  // the last repeats ana at meeting 0
  auto pairs = project_two_mode(person, event);
  auto g = Graph::build(3, pairs).value();
  EXPECT_EQ(g.edge_count(), 2u);
  EXPECT_DOUBLE_EQ(g.edge_weight(g.find_edge(0, 1)), 2.0);
  EXPECT_DOUBLE_EQ(g.edge_weight(g.find_edge(1, 2)), 1.0);
  EXPECT_EQ(g.find_edge(0, 2), kNoEdge);
}

}  // namespace
}  // namespace escudo::graph

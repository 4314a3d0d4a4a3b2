// The networks shipped in data/networks/: they load with the sizes their SOURCE.md files state,
// and the measures find the people the investigations found.
#include <gtest/gtest.h>

#include <algorithm>

#include "graph/measures.h"
#include "graph/test_util.h"

namespace escudo::graph {
namespace {

using testing::load_edge_list;
using testing::load_matrix;
using testing::network_path;

NodeIndex top(const std::vector<double>& score) {
  return static_cast<NodeIndex>(std::max_element(score.begin(), score.end()) - score.begin());
}

// The node holding the k-th highest score (0: the highest).
std::vector<NodeIndex> ranking(const std::vector<double>& score) {
  std::vector<NodeIndex> order(score.size());
  for (NodeIndex i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](NodeIndex a, NodeIndex b) { return score[a] > score[b]; });
  return order;
}

TEST(NetworksTest, CaviarAggregateSizesAndKeyPlayer) {
  auto directed = load_matrix(network_path("caviar/caviar_aggregate_adj.csv"), true).value();
  EXPECT_EQ(directed.graph.node_count(), 110u);
  EXPECT_EQ(directed.graph.edge_count(), 295u);
  auto undirected = load_matrix(network_path("caviar/caviar_aggregate_adj.csv"), false).value();
  EXPECT_EQ(undirected.graph.edge_count(), 205u);
  EXPECT_EQ(connected_components(undirected.graph).count(), 1u);

  const NodeIndex n1 = undirected.names.find("1");
  ASSERT_NE(n1, kNoNode);
  auto deg = degree(undirected.graph);
  auto bc = betweenness(undirected.graph);
  EXPECT_EQ(top(deg), n1);
  EXPECT_EQ(top(bc), n1);
  // SOURCE.md, computed with NetworkX (unweighted, undirected): n1 degree 60, betweenness 0.637;
  // then n12 0.292.
  EXPECT_EQ(deg[n1], 60);
  EXPECT_NEAR(bc[n1], 0.637, 0.0005);
  EXPECT_EQ(ranking(bc)[1], undirected.names.find("12"));
  EXPECT_NEAR(bc[undirected.names.find("12")], 0.292, 0.0005);
  // Along the calls' directions too, n1 is the first broker and the most called.
  EXPECT_EQ(top(betweenness(directed.graph)), directed.names.find("1"));
  EXPECT_EQ(top(pagerank(directed.graph)), directed.names.find("1"));
}

TEST(NetworksTest, CaviarPhasesSizes) {
  // SOURCE.md: nodes / undirected edges per phase.
  const std::pair<NodeIndex, EdgeIndex> sizes[] = {{15, 18}, {24, 28}, {33, 56}, {33, 48},
                                                   {32, 39}, {27, 47}, {36, 49}, {42, 58},
                                                   {34, 44}, {42, 50}, {41, 50}};
  for (int p = 1; p <= 11; ++p) {
    auto loaded = load_matrix(network_path("caviar/phases/phase" + std::to_string(p) + ".csv"), false);
    ASSERT_TRUE(loaded) << p << ": " << loaded.error().message();
    EXPECT_EQ(loaded->graph.node_count(), sizes[p - 1].first) << "phase " << p;
    EXPECT_EQ(loaded->graph.edge_count(), sizes[p - 1].second) << "phase " << p;
    // SOURCE.md: the top-betweenness node is n1 in phases 1–8 and 10, n3 in 9, n41 in 11.
    auto bc = betweenness(loaded->graph);
    std::string expected = p == 9 ? "3" : p == 11 ? "41" : "1";
    EXPECT_EQ(loaded->names.name(top(bc)), expected) << "phase " << p;
  }
}

TEST(NetworksTest, LondonGangRankOneLeadsByDegreeAndBetweenness) {
  auto gang = load_matrix(network_path("london_gang/london_gang_adj.csv"), false).value();
  EXPECT_EQ(gang.graph.node_count(), 54u);
  EXPECT_EQ(gang.graph.edge_count(), 315u);
  EXPECT_EQ(connected_components(gang.graph).count(), 1u);
  // london_gang_attr.csv: the one member with Ranking 1.
  auto attr = testing::read_csv(network_path("london_gang/london_gang_attr.csv")).value();
  auto ranking_col = std::find(attr[0].begin(), attr[0].end(), "Ranking") - attr[0].begin();
  std::string leader;
  int rank_one = 0;
  for (std::size_t i = 1; i < attr.size(); ++i) {
    if (attr[i][static_cast<std::size_t>(ranking_col)] == "1") {
      leader = attr[i][0];
      ++rank_one;
    }
  }
  ASSERT_EQ(rank_one, 1);
  NodeIndex l = gang.names.find(leader);
  auto deg = degree(gang.graph);
  auto bc = betweenness(gang.graph);
  EXPECT_EQ(top(deg), l);  // degree 25
  EXPECT_EQ(deg[l], 25);
  EXPECT_EQ(top(bc), l);
  EXPECT_NEAR(bc[l], 0.109, 0.0005);
}

TEST(NetworksTest, MontrealGangsSizes) {
  auto gangs = load_matrix(network_path("montreal_gangs/montreal_gangs_adj.csv"), false).value();
  EXPECT_EQ(gangs.graph.node_count(), 35u);
  EXPECT_EQ(gangs.graph.edge_count(), 78u);
  EXPECT_EQ(connected_components(gangs.graph).count(), 4u);
  auto deg = degree(gangs.graph);
  EXPECT_EQ(gangs.names.name(top(deg)), "BMF");
  EXPECT_EQ(deg[gangs.names.find("BMF")], 18);
}

TEST(NetworksTest, CocaineStar) {
  auto ring = load_matrix(network_path("natarajan_cocaine/cocaine_adj.csv"), true).value();
  EXPECT_EQ(ring.graph.node_count(), 28u);
  EXPECT_EQ(ring.graph.edge_count(), 40u);
  auto und = load_matrix(network_path("natarajan_cocaine/cocaine_adj.csv"), false).value();
  NodeIndex kay = und.names.find("Kay");
  auto deg = degree(und.graph);
  EXPECT_EQ(deg[kay], 24);
  EXPECT_NEAR(betweenness(und.graph)[kay], 0.887, 0.0005);
}

TEST(NetworksTest, MadridEdgeList) {
  auto madrid = load_edge_list(network_path("madrid_bombing/ties.csv"), false, "weight").value();
  EXPECT_EQ(madrid.graph.node_count(), 64u);
  EXPECT_EQ(madrid.graph.edge_count(), 243u);
  EXPECT_EQ(connected_components(madrid.graph).count(), 1u);
  // SOURCE.md: top degree Zougam (id 1, 29), top betweenness Semaan Gaby Eid (id 57, 0.230).
  auto deg = degree(madrid.graph);
  EXPECT_EQ(madrid.names.name(top(deg)), "1");
  EXPECT_EQ(deg[madrid.names.find("1")], 29);
  auto bc = betweenness(madrid.graph);
  EXPECT_EQ(madrid.names.name(top(bc)), "57");
  EXPECT_NEAR(bc[madrid.names.find("57")], 0.230, 0.0005);
}

}  // namespace
}  // namespace escudo::graph

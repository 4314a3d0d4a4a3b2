#include "graph/measures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "base/random.h"
#include "graph/internal/igraph_bridge.h"
#include "graph/test_util.h"

namespace escudo::graph {
namespace {

using testing::parse_graph;

// A random graph with integer weights 1…5 (sums of integers are exact, so ties are ties).
Graph random_graph(NodeIndex n, std::size_t m, bool directed, std::uint64_t seed) {
  Xoshiro256 rng(seed);
  EdgeTable t;
  for (std::size_t i = 0; i < m; ++i) {
    t.add(static_cast<NodeIndex>(rng.below(n)), static_cast<NodeIndex>(rng.below(n)),
          static_cast<double>(1 + rng.below(5)));
  }
  return Graph::build(n, t, {.directed = directed}).value();
}

TEST(DegreeTest, CountsAndStrengths) {
  auto d = parse_graph("a>b:2 a>c:3 c>a:1", true);
  auto out = degree(d.graph, Direction::kOut);
  auto in = degree(d.graph, Direction::kIn);
  auto all = degree(d.graph, Direction::kAll);
  auto strength = degree(d.graph, Direction::kOut, true);
  NodeIndex a = d.names.find("a");
  EXPECT_EQ(out[a], 2);
  EXPECT_EQ(in[a], 1);
  EXPECT_EQ(all[a], 3);
  EXPECT_EQ(strength[a], 5);
}

TEST(BetweennessTest, HandComputedPathAndStar) {
  // a-b-c-d: b lies on a–c and a–d, c on a–d and b–d.
  auto path = parse_graph("a-b b-c c-d", false);
  auto raw = betweenness(path.graph, {.normalized = false});
  EXPECT_DOUBLE_EQ(raw[path.names.find("a")], 0.0);
  EXPECT_DOUBLE_EQ(raw[path.names.find("b")], 2.0);
  EXPECT_DOUBLE_EQ(raw[path.names.find("c")], 2.0);
  auto norm = betweenness(path.graph);
  EXPECT_NEAR(norm[path.names.find("b")], 2.0 / 3.0, 1e-12);
  // A square a-b-c-d-a: the pair a–c has two shortest paths, through b and through d.
  auto square = parse_graph("a-b b-c c-d d-a", false);
  auto sq = betweenness(square.graph, {.normalized = false});
  for (double b : sq) EXPECT_DOUBLE_EQ(b, 0.5);
  // Weighted: a-b-c costs 2, a-c costs 5, so b carries the pair a–c.
  auto w = parse_graph("a-b:1 b-c:1 a-c:5", false);
  auto bw = betweenness(w.graph, {.length = EdgeLength::kWeight, .normalized = false});
  EXPECT_DOUBLE_EQ(bw[w.names.find("b")], 1.0);
  auto hops = betweenness(w.graph, {.length = EdgeLength::kHops, .normalized = false});
  EXPECT_DOUBLE_EQ(hops[w.names.find("b")], 0.0);
  // Strong ties are short under kInverseWeight: 1/5 < 1/1 + 1/1.
  auto inv = betweenness(w.graph, {.length = EdgeLength::kInverseWeight, .normalized = false});
  EXPECT_DOUBLE_EQ(inv[w.names.find("b")], 0.0);
}

TEST(BetweennessTest, MatchesIgraph) {
  for (bool directed : {false, true}) {
    for (bool weighted : {false, true}) {
      Graph g = random_graph(80, 260, directed, 11 + directed * 2 + weighted);
      auto ours = betweenness(g, {.length = weighted ? EdgeLength::kWeight : EdgeLength::kHops,
                                  .normalized = false});
      auto theirs = internal::igraph_betweenness_of(g, weighted).value();
      ASSERT_EQ(ours.size(), theirs.size());
      for (std::size_t v = 0; v < ours.size(); ++v) {
        EXPECT_NEAR(ours[v], theirs[v], 1e-7 * (1 + theirs[v]))
            << "node " << v << " directed " << directed << " weighted " << weighted;
      }
    }
  }
}

TEST(BetweennessTest, SamplingEveryNodeIsExactAndSamplingIsSeeded) {
  Graph g = random_graph(120, 400, false, 5);
  auto exact = betweenness(g);
  auto all = betweenness(g, {.pivots = 120, .seed = 3});
  for (std::size_t v = 0; v < exact.size(); ++v) EXPECT_NEAR(all[v], exact[v], 1e-12);
  auto a = betweenness(g, {.pivots = 30, .seed = 9, .threads = 2});
  auto b = betweenness(g, {.pivots = 30, .seed = 9, .threads = 2});
  auto c = betweenness(g, {.pivots = 30, .seed = 10, .threads = 2});
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  // The estimate is in the right range: its total is close to the exact total.
  double ea = std::accumulate(a.begin(), a.end(), 0.0);
  double ee = std::accumulate(exact.begin(), exact.end(), 0.0);
  EXPECT_NEAR(ea / ee, 1.0, 0.25);
}

TEST(BetweennessTest, ThreadsGiveTheSameResult) {
  Graph g = random_graph(200, 700, true, 21);
  auto one = betweenness(g, {.threads = 1});
  auto two = betweenness(g, {.threads = 2});
  for (std::size_t v = 0; v < one.size(); ++v) EXPECT_NEAR(one[v], two[v], 1e-12);
}

TEST(BetweennessTest, SampledPathsFindTheStarsCentreAndFollowDirections) {
  // Every pair of leaves passes through the centre, which has normalised betweenness 1; a
  // sample either draws the centre as an end (no credit) or two leaves (one credit).
  auto star = parse_graph("c-a c-b c-d c-e c-f c-g", false);
  auto bc = betweenness(star.graph, {.path_samples = 20'000, .seed = 4});
  EXPECT_NEAR(bc[star.names.find("c")], 1.0, 0.04);
  EXPECT_DOUBLE_EQ(bc[star.names.find("a")], 0.0);
  // a→b→c: only the pair (a, c) passes through b, one of the 2 ordered pairs b could be inside.
  // Read as undirected, (c, a) would pass too and b would score 1.
  auto chain = parse_graph("a>b b>c", true);
  auto directed = betweenness(chain.graph, {.path_samples = 20'000, .seed = 4});
  EXPECT_NEAR(directed[chain.names.find("b")], 0.5, 0.05);
  auto raw = betweenness(chain.graph, {.normalized = false, .path_samples = 20'000, .seed = 4});
  EXPECT_NEAR(raw[chain.names.find("b")], 1.0, 0.1);
}

TEST(BetweennessTest, SampledPathsApproachExactAndDoNotDependOnThreads) {
  for (bool directed : {false, true}) {
    Graph g = random_graph(150, 600, directed, 31 + directed);
    auto exact = betweenness(g);
    auto one = betweenness(g, {.path_samples = 50'000, .seed = 5, .threads = 1});
    auto two = betweenness(g, {.path_samples = 50'000, .seed = 5, .threads = 2});
    EXPECT_EQ(one, two) << "directed " << directed;
    auto other_seed = betweenness(g, {.path_samples = 50'000, .seed = 6, .threads = 2});
    EXPECT_NE(one, other_seed);
    double worst = 0;
    for (std::size_t v = 0; v < exact.size(); ++v) worst = std::max(worst, std::abs(one[v] - exact[v]));
    // The standard error of a share p ≤ 0.1 from 50,000 samples is under 0.0014.
    EXPECT_LT(worst, 0.012) << "directed " << directed;
    // The exact top node is among the estimate's top three.
    const auto top = std::max_element(exact.begin(), exact.end()) - exact.begin();
    std::size_t above = 0;
    for (double b : one) above += b > one[static_cast<std::size_t>(top)] ? 1 : 0;
    EXPECT_LT(above, 3u) << "directed " << directed;
  }
}

TEST(BetweennessTest, SampledPathsUnderAWeightedLengthUseAsManyPairsFromSources) {
  Graph g = random_graph(100, 300, false, 41);
  ASSERT_TRUE(g.weighted());
  // 250 pairs are three sources' worth on 100 nodes (99 pairs a source).
  auto paths = betweenness(g, {.length = EdgeLength::kWeight, .path_samples = 250, .seed = 8});
  auto sources = betweenness(g, {.length = EdgeLength::kWeight, .pivots = 3, .seed = 8});
  EXPECT_EQ(paths, sources);
}

TEST(PageRankTest, SumsToOneAndMatchesIgraph) {
  for (bool directed : {true, false}) {
    for (bool weighted : {false, true}) {
      // Directed random graphs have dangling nodes (no out-edges): the hard case.
      Graph g = random_graph(50, 120, directed, 31 + directed + 2 * weighted);
      auto ours = pagerank(g, {.weighted = weighted, .tolerance = 1e-14});
      double sum = std::accumulate(ours.begin(), ours.end(), 0.0);
      EXPECT_NEAR(sum, 1.0, 1e-12);
      auto theirs = internal::igraph_pagerank_of(g, weighted).value();
      for (std::size_t v = 0; v < ours.size(); ++v) {
        EXPECT_NEAR(ours[v], theirs[v], 1e-9) << "node " << v;
      }
    }
  }
  auto star = parse_graph("hub-a hub-b hub-c hub-d", false);
  auto pr = pagerank(star.graph);
  NodeIndex hub = star.names.find("hub");
  for (NodeIndex v = 0; v < 5; ++v) {
    if (v != hub) {
      EXPECT_GT(pr[hub], pr[v]);
    }
  }
}

TEST(ClosenessTest, HarmonicMatchesIgraphAndHandlesComponents) {
  Graph g = random_graph(60, 90, false, 41);  // sparse: several components
  auto ours = closeness(g);
  auto theirs = internal::igraph_harmonic_of(g).value();
  for (std::size_t v = 0; v < ours.size(); ++v) EXPECT_NEAR(ours[v], theirs[v], 1e-12);
  // a-b-c plus an isolated pair d-e: b reaches 2 of 4 others at distance 1.
  auto two = parse_graph("a-b b-c d-e", false);
  auto h = closeness(two.graph);
  EXPECT_DOUBLE_EQ(h[two.names.find("b")], 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(h[two.names.find("a")], (1.0 + 0.5) / 4.0);
  EXPECT_DOUBLE_EQ(h[two.names.find("d")], 1.0 / 4.0);
}

TEST(CorenessTest, TriangleWithTail) {
  auto g = parse_graph("a-b b-c c-a c-d d-e", false);
  auto k = coreness(g.graph).value();
  EXPECT_EQ(k[g.names.find("a")], 2);
  EXPECT_EQ(k[g.names.find("c")], 2);
  EXPECT_EQ(k[g.names.find("d")], 1);
  EXPECT_EQ(k[g.names.find("e")], 1);
}

TEST(BrokerageTest, GouldFernandezRoles) {
  // Groups: x = {a, b, c}, y = {d, e}, z = {f}.
  auto g = parse_graph("a>b b>c d>b b>d e>d d>f", true);
  std::vector<std::uint32_t> group(g.names.size());
  for (const char* n : {"a", "b", "c"}) group[g.names.find(n)] = 0;
  for (const char* n : {"d", "e"}) group[g.names.find(n)] = 1;
  group[g.names.find("f")] = 2;
  auto roles = brokerage(g.graph, group).value();
  auto b = roles[g.names.find("b")];
  // a→b→c: coordinator; d→b→c: gatekeeper; a→b→d: representative; d→b→d is no path.
  EXPECT_EQ(b[static_cast<int>(BrokerRole::kCoordinator)], 1);
  EXPECT_EQ(b[static_cast<int>(BrokerRole::kGatekeeper)], 1);
  EXPECT_EQ(b[static_cast<int>(BrokerRole::kRepresentative)], 1);
  auto d = roles[g.names.find("d")];
  // b→d→f: liaison (x, y, z); e→d→b: representative (y, y, x); e→d→f: representative;
  // b→d→b is no path.
  EXPECT_EQ(d[static_cast<int>(BrokerRole::kLiaison)], 1);
  EXPECT_EQ(d[static_cast<int>(BrokerRole::kRepresentative)], 2);
  EXPECT_EQ(d[static_cast<int>(BrokerRole::kItinerant)], 0);
  // An itinerant: x → y → x.
  auto it = parse_graph("a>d d>c", true);
  std::vector<std::uint32_t> g2 = {0, 1, 0};
  auto r2 = brokerage(it.graph, g2).value();
  EXPECT_EQ(r2[it.names.find("d")][static_cast<int>(BrokerRole::kItinerant)], 1);
  EXPECT_FALSE(brokerage(it.graph, std::vector<std::uint32_t>{0}));
}

TEST(ComponentsTest, WeakComponentsAndLargest) {
  auto g = parse_graph("a>b c>b d-e", true);
  auto c = connected_components(g.graph);
  EXPECT_EQ(c.count(), 2u);
  EXPECT_EQ(c.largest(), 3u);
  EXPECT_EQ(c.label[g.names.find("a")], c.label[g.names.find("c")]);
}

TEST(MeasureNamesTest, ParseAndRefuse) {
  EXPECT_EQ(parse_measure("pagerank").value(), Measure::kPageRank);
  EXPECT_EQ(parse_measure("coreness").value(), Measure::kCoreness);
  auto bad = parse_measure("influence");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message().find("'influence' is not a measure"), std::string::npos);
}

}  // namespace
}  // namespace escudo::graph

// The simulated organisation: deterministic, its files well formed, and its leaders found by
// network analysis once calls and transfers are projected onto people through the truth's
// phone and account ownership.
#include "sim/network.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "graph/graph.h"
#include "graph/measures.h"

namespace escudo::sim {
namespace {

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

TEST(SimNetworkTest, DeterministicAndWellFormed) {
  auto a = simulate_network({.seed = 5}).value();
  auto b = simulate_network({.seed = 5}).value();
  auto c = simulate_network({.seed = 6}).value();
  EXPECT_EQ(calls_csv(a), calls_csv(b));
  EXPECT_EQ(network_truth_csv(a), network_truth_csv(b));
  EXPECT_NE(calls_csv(a), calls_csv(c));
  std::string calls = calls_csv(a);
  EXPECT_EQ(calls.substr(0, calls.find('\n')), "caller_phone,callee_phone,time,duration_s");
  EXPECT_EQ(lines(calls), a.calls.size() + 1);
  EXPECT_EQ(lines(transfers_csv(a)), a.transfers.size() + 1);
  EXPECT_EQ(lines(mentions_csv(a)), a.mentions.size() + 1);
  EXPECT_GT(a.calls.size(), 5000u);
  EXPECT_GT(a.transfers.size(), 500u);
  EXPECT_GT(a.mentions.size(), 100u);
  std::map<NetworkRole, int> roles;
  for (const auto& p : a.people) ++roles[p.role];
  EXPECT_EQ(roles[NetworkRole::kRegionalLeader], 3);
  EXPECT_EQ(roles[NetworkRole::kCoordinator], 12);
  EXPECT_EQ(roles[NetworkRole::kCorruptOfficial], 1);
  EXPECT_GT(roles[NetworkRole::kGuide], 0);
  EXPECT_GT(roles[NetworkRole::kBoatOperator], 0);
  EXPECT_GT(roles[NetworkRole::kMoneyCollector], 0);
  // Burner phones: a coordinator has several over six months.
  for (const auto& p : a.people) {
    if (p.role == NetworkRole::kCoordinator) {
      EXPECT_GE(p.phones.size(), 4u);
    }
  }
  // Mentions are written with slips: not every mention of a person is written alike.
  std::map<std::int64_t, std::set<std::string>> forms;
  for (const auto& m : a.mentions) forms[m.person_id].insert(m.name_as_written);
  EXPECT_TRUE(std::any_of(forms.begin(), forms.end(), [](const auto& f) { return f.second.size() >= 3; }));
  EXPECT_FALSE(simulate_network({.regional_leaders = 0}));
  EXPECT_FALSE(simulate_network({.days = 0}));
}

// Calls and transfers between people: each phone or account stands for every person who owns
// it, as an analyst holding the ownership records would read them.
graph::Graph people_graph(const SimulatedNetwork& net) {
  std::map<std::string, std::vector<graph::NodeIndex>> owners;
  for (const auto& p : net.people) {
    for (const auto& x : p.phones) owners[x].push_back(static_cast<graph::NodeIndex>(p.person_id));
    for (const auto& x : p.accounts) owners[x].push_back(static_cast<graph::NodeIndex>(p.person_id));
  }
  graph::EdgeTable t;
  auto link = [&](const std::string& a, const std::string& b) {
    for (auto u : owners[a]) {
      for (auto v : owners[b]) {
        if (u != v) t.add(u, v);
      }
    }
  };
  for (const auto& c : net.calls) link(c.caller_phone, c.callee_phone);
  for (const auto& x : net.transfers) link(x.sender_account, x.receiver_account);
  return graph::Graph::build(static_cast<graph::NodeIndex>(net.people.size()), t).value();
}

// The rank (0 = first) of every node by `score`.
std::vector<std::size_t> ranks(const std::vector<double>& score) {
  std::vector<std::size_t> order(score.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return score[a] > score[b]; });
  std::vector<std::size_t> rank(score.size());
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  return rank;
}

TEST(SimNetworkTest, LeadersRankHighestOnceProjectedOntoPeople) {
  for (std::uint64_t seed : {1, 2, 3}) {
    auto net = simulate_network({.seed = seed}).value();
    graph::Graph g = people_graph(net);
    // Betweenness on hops; PageRank weighted by the number of calls and transfers.
    auto bc = ranks(graph::betweenness(g));
    auto pr = ranks(graph::pagerank(g));
    const std::size_t top_tenth = net.people.size() / 10;
    const std::size_t top_twentieth = net.people.size() / 20;
    for (const auto& p : net.people) {
      auto v = static_cast<std::size_t>(p.person_id);
      if (p.role == NetworkRole::kRegionalLeader) {
        EXPECT_LT(bc[v], top_tenth) << "seed " << seed << ", leader " << p.person_id << ": betweenness rank " << bc[v];
        EXPECT_LT(pr[v], top_twentieth) << "seed " << seed << ", leader " << p.person_id << ": PageRank rank " << pr[v];
      }
      // Coordinators call their cells and their leader all the time: PageRank finds every one.
      // (By betweenness on hops some fall behind guides whom many migrants call.)
      if (p.role == NetworkRole::kCoordinator) {
        EXPECT_LT(pr[v], top_twentieth) << "seed " << seed << ", coordinator " << p.person_id << ": PageRank rank " << pr[v];
      }
    }
  }
}

}  // namespace
}  // namespace escudo::sim

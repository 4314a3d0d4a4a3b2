#include "resolve/cluster.h"

#include <gtest/gtest.h>

#include <map>

namespace escudo::resolve {
namespace {

// Probabilities of a handful of pairs; every other pair is a clear non-match.
PairScorer table(std::map<std::pair<std::uint32_t, std::uint32_t>, double> p) {
  return [p = std::move(p)](std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    auto it = p.find({a, b});
    return it == p.end() ? 0.0001 : it->second;
  };
}

TEST(Cluster, DoesNotChainThroughOneWeakLink) {
  // 0~1 and 1~2 are strong links, but 0 and 2 clearly differ: plain connected components
  // would put all three together.
  auto scorer = table({{{0, 1}, 0.99}, {{1, 2}, 0.95}, {{0, 2}, 0.0001}});
  LinkageClusterer c(3, {.linkage_threshold = 0.5}, scorer, nullptr);
  std::vector<Link> links = {{1, 2, 0.95f}, {0, 1, 0.99f}};
  sort_links(links);
  EXPECT_EQ(links[0].a, 0u);
  for (const auto& l : links) c.try_link(l.a, l.b);
  EXPECT_EQ(c.group_of(0), c.group_of(1));
  EXPECT_NE(c.group_of(0), c.group_of(2));
}

TEST(Cluster, MergesGroupsWhoseEvidenceHolds) {
  auto scorer = table({{{0, 1}, 0.99}, {{1, 2}, 0.95}, {{0, 2}, 0.7}, {{2, 3}, 0.97},
                       {{0, 3}, 0.8}, {{1, 3}, 0.9}});
  LinkageClusterer c(4, {.linkage_threshold = 0.5}, scorer, nullptr);
  std::vector<Link> links = {{0, 1, 0.99f}, {2, 3, 0.97f}, {1, 2, 0.95f}};
  sort_links(links);
  for (const auto& l : links) EXPECT_TRUE(c.try_link(l.a, l.b));
  EXPECT_EQ(c.members(c.group_of(3)).size(), 4u);
}

TEST(Cluster, PairsWithoutEvidenceNeitherHelpNorHurt) {
  // 2 shares nothing with 0 (an alias-only tip against a registration): -1, no evidence.
  auto scorer = table({{{0, 1}, 0.99}, {{1, 2}, 0.97}, {{0, 2}, -1}});
  LinkageClusterer c(3, {.linkage_threshold = 0.8}, scorer, nullptr);
  c.try_link(0, 1);
  EXPECT_TRUE(c.try_link(1, 2));
  EXPECT_DOUBLE_EQ(mean_linkage({0}, {2}, scorer, 10), 1.0);
}

TEST(Cluster, ReviewedDifferenceIsNeverMergedOver) {
  auto scorer = table({{{0, 1}, 0.99}, {{1, 2}, 0.99}, {{0, 2}, 0.99}});
  Constraints constraints;
  constraints.add_cannot_link(0, 2);
  LinkageClusterer c(3, {.linkage_threshold = 0.5}, scorer, &constraints);
  c.try_link(0, 1);
  EXPECT_FALSE(c.try_link(1, 2));
  EXPECT_FALSE(c.force_link(2, 0));
  EXPECT_NE(c.group_of(0), c.group_of(2));
}

TEST(Cluster, ReviewedSameIsMergedWhateverTheScore) {
  Constraints constraints;
  constraints.add_must_link(0, 2);
  LinkageClusterer c(3, {}, table({}), &constraints);
  c.apply_must_links();
  EXPECT_EQ(c.group_of(0), c.group_of(2));
  EXPECT_NE(c.group_of(0), c.group_of(1));
}

TEST(Cluster, MeanLinkageSamplesLargeGroups) {
  std::vector<std::uint32_t> a(100), b(100);
  for (std::uint32_t i = 0; i < 100; ++i) {
    a[i] = i;
    b[i] = 100 + i;
  }
  int calls = 0;
  double mean = mean_linkage(a, b, [&](std::uint32_t, std::uint32_t) {
    ++calls;
    return 0.5;
  }, 400);
  EXPECT_DOUBLE_EQ(mean, 0.5);
  EXPECT_LE(calls, 401);
}

}  // namespace
}  // namespace escudo::resolve

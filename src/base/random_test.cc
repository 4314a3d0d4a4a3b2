#include "base/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <vector>

namespace escudo {
namespace {

TEST(Xoshiro256, TheSameSeedGivesTheSameSequenceAndAnotherSeedAnother) {
  Xoshiro256 a(7), b(7), c(8);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    EXPECT_EQ(x, b.next());
    differs |= x != c.next();
  }
  EXPECT_TRUE(differs);
}

TEST(Xoshiro256, BelowStaysInRangeAndReachesEveryValue) {
  Xoshiro256 rng(1);
  std::array<int, 7> seen{};
  for (int i = 0; i < 7000; ++i) {
    const auto v = rng.below(7);
    ASSERT_LT(v, 7u);
    ++seen[v];
  }
  // 1,000 expected each; a fair generator is far inside these bounds.
  for (int n : seen) {
    EXPECT_GT(n, 850);
    EXPECT_LT(n, 1150);
  }
  for (int i = 0; i < 1000; ++i) {
    const double u = rng.unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

TEST(Xoshiro256, ShuffleKeepsEveryElement) {
  Xoshiro256 rng(3);
  std::vector<int> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  rng.shuffle(v);
  std::vector<int> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_NE(v, sorted);
}

}  // namespace
}  // namespace escudo

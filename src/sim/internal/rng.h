// The simulator's pseudo-random numbers (base/random.h) with streams, and weighted choices
// computed from the raw 64-bit output, so a seed gives the same simulation on every compiler
// and machine.
//
//   Rng rng(seed, /*stream=*/0);
//   int age = rng.between(18, 70);
//   if (rng.chance(0.05)) ...;
//   WeightedIndex pick({5, 3, 2});   // 50%, 30%, 20%
//   std::size_t i = pick(rng);
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <vector>

#include "base/random.h"

namespace escudo::sim::internal {

// The simulator's generator: one seed, many independent streams.
class Rng : public Xoshiro256 {
 public:
  // Different `stream`s of one seed are independent sequences.
  Rng(std::uint64_t seed, std::uint64_t stream) : Xoshiro256(seed ^ (stream * 0xd1b54a32d192ed03ULL)) {}

  // Uniform in [lo, hi]. Precondition: lo <= hi.
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // True with probability p (p <= 0 never, p >= 1 always).
  bool chance(double p) { return unit() < p; }
};

// A choice among n outcomes with fixed non-negative integer weights, by binary search over
// the running totals. Precondition for operator(): the weights add up to more than zero.
class WeightedIndex {
 public:
  WeightedIndex() = default;
  WeightedIndex(std::initializer_list<std::uint64_t> weights)
      : WeightedIndex(std::span<const std::uint64_t>(weights.begin(), weights.size())) {}
  explicit WeightedIndex(std::span<const std::uint64_t> weights) {
    cumulative_.reserve(weights.size());
    std::uint64_t total = 0;
    for (std::uint64_t w : weights) cumulative_.push_back(total += w);
  }
  // Weights given as non-negative reals, turned into integers once (about 2^52 in all) so
  // that every draw is integer arithmetic.
  static WeightedIndex from_reals(std::span<const double> weights);

  std::size_t size() const { return cumulative_.size(); }
  std::uint64_t total() const { return cumulative_.empty() ? 0 : cumulative_.back(); }

  std::size_t operator()(Rng& rng) const {
    const std::uint64_t x = rng.below(total());
    std::size_t lo = 0;
    std::size_t hi = cumulative_.size() - 1;
    while (lo < hi) {  // the first running total above x
      std::size_t mid = (lo + hi) / 2;
      if (cumulative_[mid] > x)
        hi = mid;
      else
        lo = mid + 1;
    }
    return lo;
  }

 private:
  std::vector<std::uint64_t> cumulative_;
};

inline WeightedIndex WeightedIndex::from_reals(std::span<const double> weights) {
  double sum = 0;
  for (double w : weights) sum += w > 0 ? w : 0;
  std::vector<std::uint64_t> scaled;
  scaled.reserve(weights.size());
  for (double w : weights) {
    scaled.push_back(sum > 0 && w > 0 ? static_cast<std::uint64_t>(w / sum * 0x1.0p52 + 0.5) : 0);
  }
  return WeightedIndex(scaled);
}

}  // namespace escudo::sim::internal

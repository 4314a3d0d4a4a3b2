// The simulator's own pseudo-random numbers: xoshiro256** seeded through splitmix64, with
// uniform and weighted choices computed here from the raw 64-bit output. The standard
// library's distributions are not specified bit for bit and differ between implementations;
// these give the same sequence for a seed on every compiler and machine.
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

namespace escudo::sim::internal {

// One step of splitmix64: advances `state` and returns a well-mixed 64-bit value.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  // Different `stream`s of one seed are independent sequences.
  Rng(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t s = seed ^ (stream * 0xd1b54a32d192ed03ULL);
    for (auto& word : state_) word = splitmix64(s);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n). Precondition: n > 0. Lemire's multiply-and-reject, so no value is
  // favoured whatever n is.
  std::uint64_t below(std::uint64_t n) {
    __extension__ using U128 = unsigned __int128;
    U128 m = static_cast<U128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<U128>(next()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

  // Uniform in [lo, hi]. Precondition: lo <= hi.
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // True with probability p (p <= 0 never, p >= 1 always).
  bool chance(double p) { return unit() < p; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
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

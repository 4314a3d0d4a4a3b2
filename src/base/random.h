// Seeded pseudo-random numbers: xoshiro256** seeded through splitmix64, with uniform choices
// computed here from the raw 64-bit output. The standard library's distributions are not
// specified bit for bit and differ between implementations; these give the same sequence for
// a seed on every compiler and machine, so simulations and sampled estimates can be repeated.
//
//   Xoshiro256 rng(seed);
//   std::uint64_t i = rng.below(n);   // uniform in [0, n)
//   if (rng.unit() < 0.05) ...;       // uniform in [0, 1)
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace escudo {

// One step of splitmix64: advances `state` and returns a well-mixed 64-bit value.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Xoshiro256 {
 public:
  explicit Xoshiro256(std::uint64_t seed) {
    for (auto& word : state_) word = splitmix64(seed);
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

  // Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Fisher–Yates.
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

}  // namespace escudo

// A keyed bijection of [0, size): record ids that look random and say nothing about the order
// in which records were made. A four-round Feistel network on the smallest even number of
// bits that covers `size`, walking the cycle until the value falls inside the range (fewer
// than four steps on average).
//
//   IdPermutation ids(key, 1'000'000);
//   std::uint64_t id = ids(42);   // in [0, 1'000'000), different for every input
#pragma once

#include <cstdint>

#include "sim/internal/rng.h"

namespace escudo::sim::internal {

class IdPermutation {
 public:
  IdPermutation(std::uint64_t key, std::uint64_t size) : size_(size) {
    int bits = 2;
    while (bits < 64 && (std::uint64_t{1} << bits) < size) bits += 2;
    half_bits_ = bits / 2;
    mask_ = (std::uint64_t{1} << half_bits_) - 1;
    for (auto& k : keys_) k = splitmix64(key);
  }

  // Precondition: i < size.
  std::uint64_t operator()(std::uint64_t i) const {
    std::uint64_t x = i;
    do {
      x = encrypt(x);
    } while (x >= size_);
    return x;
  }

 private:
  std::uint64_t encrypt(std::uint64_t x) const {
    std::uint64_t left = x >> half_bits_;
    std::uint64_t right = x & mask_;
    for (std::uint64_t key : keys_) {
      std::uint64_t state = right ^ key;
      const std::uint64_t next = left ^ (splitmix64(state) & mask_);
      left = right;
      right = next;
    }
    return (left << half_bits_) | right;
  }

  std::uint64_t size_;
  int half_bits_ = 1;
  std::uint64_t mask_ = 1;
  std::uint64_t keys_[4] = {};
};

}  // namespace escudo::sim::internal

// An open-addressing hash map from non-zero 64-bit keys to 32-bit values: one flat array,
// linear probing, no allocation per entry. Holds the block keys of millions of records in a
// few tens of megabytes.
#pragma once

#include <cstdint>
#include <vector>

namespace escudo::resolve::internal {

inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

class FlatMap {
 public:
  explicit FlatMap(std::size_t expected = 16) { rehash(capacity_for(expected)); }

  // The value of `key`, or nullptr. Precondition: key != 0.
  const std::uint32_t* find(std::uint64_t key) const {
    std::size_t i = mix64(key) & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }

  // Inserts `key` with `value` unless present; returns the stored value either way.
  std::uint32_t insert(std::uint64_t key, std::uint32_t value) {
    if ((size_ + 1) * 10 > slots_.size() * 7) rehash(slots_.size() * 2);
    std::size_t i = mix64(key) & mask_;
    while (true) {
      Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) {
        s.key = key;
        s.value = value;
        ++size_;
        return value;
      }
      i = (i + 1) & mask_;
    }
  }

  std::size_t size() const { return size_; }
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = 0;
  };
  static std::size_t capacity_for(std::size_t n) {
    std::size_t c = 16;
    while (c * 7 < n * 10) c *= 2;
    return c;
  }
  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.key != 0) insert(s.key, s.value);
    }
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace escudo::resolve::internal

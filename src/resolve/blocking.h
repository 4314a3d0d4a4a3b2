// Blocking: which pairs of records are worth comparing. Each record yields a few keys; records
// sharing a key are candidates. The keys:
//
//   surname+year     phonetic key of each surname (and married name) with the birth year
//   surname+given    phonetic keys of a surname and of the first given name, in either order
//                    (no date needed; a given name written as the surname still meets)
//   given+birth_date first letter of the given name with the birth date, day and month in
//                    either order (catches swapped day and month)
//   document         the normalised document number, whatever its type or country
//   phone            the last 9 digits (the same number with or without its country code)
//   alias            the alias ("mono")
//   postcode         postcode with the first letter of the surname, and of the given name
//   birth_date+postcode  the full birth date with the postcode
//   address          the first two words of the address ("12 boldrewood")
//
// A key shared by more records than its cap is not a way to find the same person (a phone used
// by everyone on one boat; "García" born in 1990 among a million records): its block is not
// expanded, and it is reported with its kind and count. Each pair is produced once however many
// keys it shares.
//
//   BlockIndex blocks = BlockIndex::build(store, {}, /*threads=*/2);
//   std::vector<std::uint32_t> stamp(store.size(), 0);
//   blocks.for_each_candidate(i, stamp, [&](std::uint32_t j) { compare(i, j); });  // j > i
//   for (const OverShared& o : blocks.over_shared(store)) report(o.kind, o.value, o.count);
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "resolve/internal/flat_map.h"
#include "resolve/normalize.h"

namespace escudo::resolve {

enum class BlockKind : std::uint8_t {
  kSurnameYear,
  kSurnameGiven,
  kGivenBirthDate,
  kDocument,
  kPhone,
  kAlias,
  kPostcode,
  kBirthDatePlace,
  kAddress,
};
inline constexpr int kBlockKindCount = 9;
std::string_view block_kind_name(BlockKind kind);

struct BlockKey {
  std::uint64_t key = 0;  // never 0
  BlockKind kind = BlockKind::kSurnameYear;
};

// The keys of one record (deterministic, without duplicates).
void block_keys(const RecordStore& store, std::uint32_t record, std::vector<BlockKey>& out);

struct BlockingOptions {
  // Name-based keys: blocks larger than this are not expanded.
  std::uint32_t max_block_size = 100;
  // Identifying values (phone, document, alias) held by more records than this are over-shared.
  std::uint32_t over_shared_cap = 20;
};

struct OverShared {
  BlockKind kind = BlockKind::kPhone;
  std::string value;  // "+573001234567", "surname MSKR, born 1990"
  std::int64_t count = 0;
};

class BlockIndex {
 public:
  BlockIndex() = default;
  // Blocks over every record of `store`, built with up to `threads` threads.
  static BlockIndex build(const RecordStore& store, const BlockingOptions& options, int threads);

  // Calls fn(j) once for each candidate j > i of record i. `stamp` has one slot per record,
  // all different from i + 1 on entry (zeroes will do when i goes up); reusable across calls.
  template <typename Fn>
  void for_each_candidate(std::uint32_t i, std::vector<std::uint32_t>& stamp, Fn&& fn) const;

  // Calls fn(j, kind) for each member j > i of each of record i's expandable blocks: a pair
  // sharing two keys comes twice, once per key (to learn from each key's pairs apart).
  template <typename Fn>
  void for_each_block_member(std::uint32_t i, Fn&& fn) const {
    if (i + 1 >= record_begin_.size()) return;
    for (std::uint64_t k = record_begin_[i]; k < record_begin_[i + 1]; ++k) {
      const std::uint32_t block = record_blocks_[k];
      const std::uint32_t* begin = members_.data() + block_begin_[block];
      const std::uint32_t* end = members_.data() + block_begin_[block + 1];
      for (const std::uint32_t* it = std::upper_bound(begin, end, i); it != end; ++it) {
        fn(*it, kinds_[block]);
      }
    }
  }

  // The records sharing a key with `keys`' record, excluding `self`, each once (blocks over
  // their cap are left out). For a record not yet added (incremental resolution).
  void candidates(const std::vector<BlockKey>& keys, std::uint32_t self,
                  std::vector<std::uint32_t>& out) const;
  // Adds a record appended to the store after build() to the blocks of `keys`.
  void add(std::uint32_t record, const std::vector<BlockKey>& keys);

  // Blocks over their cap, largest first.
  std::vector<OverShared> over_shared(const RecordStore& store) const;
  std::size_t block_count() const { return kinds_.size(); }
  std::size_t memory_bytes() const;
  const BlockingOptions& options() const { return options_; }

 private:
  std::uint32_t cap(BlockKind kind) const;
  std::uint32_t size_of(std::uint32_t block) const;
  template <typename Fn>
  void for_members(std::uint32_t block, Fn&& fn) const;

  BlockingOptions options_;
  internal::FlatMap ids_;                       // key → block
  std::vector<BlockKind> kinds_;                // by block
  std::vector<std::uint32_t> first_record_;     // by block: a member, to describe the value
  std::vector<std::uint64_t> block_begin_;      // CSR of the blocks built at once
  std::vector<std::uint32_t> members_;
  std::vector<std::uint64_t> record_begin_;     // CSR: record → its expandable blocks
  std::vector<std::uint32_t> record_blocks_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> added_;  // members added later
};

template <typename Fn>
void BlockIndex::for_members(std::uint32_t block, Fn&& fn) const {
  if (block + 1 < block_begin_.size()) {
    for (std::uint64_t k = block_begin_[block]; k < block_begin_[block + 1]; ++k) fn(members_[k]);
  }
  if (!added_.empty()) {
    if (auto it = added_.find(block); it != added_.end()) {
      for (std::uint32_t r : it->second) fn(r);
    }
  }
}

template <typename Fn>
void BlockIndex::for_each_candidate(std::uint32_t i, std::vector<std::uint32_t>& stamp,
                                    Fn&& fn) const {
  if (i + 1 >= record_begin_.size()) return;
  for (std::uint64_t k = record_begin_[i]; k < record_begin_[i + 1]; ++k) {
    const std::uint32_t block = record_blocks_[k];
    const std::uint32_t* begin = members_.data() + block_begin_[block];
    const std::uint32_t* end = members_.data() + block_begin_[block + 1];
    // Members are in ascending order: start after i.
    const std::uint32_t* it = std::upper_bound(begin, end, i);
    for (; it != end; ++it) {
      const std::uint32_t j = *it;
      if (stamp[j] == i + 1) continue;
      stamp[j] = i + 1;
      fn(j);
    }
  }
}

}  // namespace escudo::resolve

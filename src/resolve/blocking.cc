#include "resolve/blocking.h"

#include <algorithm>
#include <thread>

#include "resolve/phonetic.h"

namespace escudo::resolve {
namespace {

using internal::mix64;

std::uint64_t make_key(BlockKind kind, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t h = mix64(mix64(static_cast<std::uint64_t>(kind) + 0x9e3779b97f4a7c15ULL) ^ a);
  h = mix64(h ^ (b + 0x632be59bd9b4e019ULL));
  return h == 0 ? 1 : h;
}

void push(std::vector<BlockKey>& out, BlockKind kind, std::uint64_t a, std::uint64_t b = 0) {
  BlockKey k{make_key(kind, a, b), kind};
  for (const auto& existing : out) {
    if (existing.key == k.key) return;
  }
  out.push_back(k);
}

// Describes a phonetic code back as letters.
std::string code_letters(std::uint64_t code) {
  int count = static_cast<int>(code & 0xF);
  std::uint64_t symbols = code >> 4;
  std::string out(static_cast<std::size_t>(count), '?');
  for (int i = count - 1; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>('A' - 1 + (symbols & 0x1F));
    symbols >>= 5;
  }
  return out;
}

}  // namespace

std::string_view block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::kSurnameYear: return "surname+year";
    case BlockKind::kSurnameGiven: return "surname+given";
    case BlockKind::kGivenBirthDate: return "given+birth_date";
    case BlockKind::kDocument: return "document";
    case BlockKind::kPhone: return "phone";
    case BlockKind::kAlias: return "alias";
    case BlockKind::kPostcode: return "postcode";
    case BlockKind::kBirthDatePlace: return "birth_date+postcode";
    case BlockKind::kAddress: return "address";
  }
  return "?";
}

void block_keys(const RecordStore& store, std::uint32_t index, std::vector<BlockKey>& out) {
  out.clear();
  const NormalizedRecord& r = store.record(index);
  const PartialDate& dob = r.date_of_birth;
  std::uint64_t given_code = 0;
  char given_initial = 0;
  if (r.given_canonical[0] != 0) {
    std::string_view g = store.token(r.given_canonical[0]);
    given_initial = g[0];
    if (g.size() > 1) given_code = store.phonetic(r.given_canonical[0]);
  }
  std::array<std::uint32_t, kMaxSurnames + 1> surnames{};
  std::copy(r.surname.begin(), r.surname.end(), surnames.begin());
  surnames[kMaxSurnames] = r.married;
  for (std::uint32_t s : surnames) {
    if (s == 0) continue;
    std::uint64_t code = store.phonetic(s);
    if (code == 0) continue;
    if (dob.known()) push(out, BlockKind::kSurnameYear, code, static_cast<std::uint64_t>(dob.year));
    // Symmetric, so a given name and surname written in each other's place still meet.
    if (given_code != 0) {
      push(out, BlockKind::kSurnameGiven, std::min(code, given_code), std::max(code, given_code));
    }
  }
  if (dob.day != 0 && given_initial != 0 && !dob.estimated) {
    int lo = std::min<int>(dob.day, dob.month), hi = std::max<int>(dob.day, dob.month);
    push(out, BlockKind::kGivenBirthDate, static_cast<std::uint64_t>(given_initial),
         static_cast<std::uint64_t>(dob.year * 10000 + lo * 100 + hi));
  }
  for (const auto& d : r.document) {
    if (d.number != 0) push(out, BlockKind::kDocument, d.number);
  }
  for (std::uint64_t p : r.phone) {
    if (p != 0) push(out, BlockKind::kPhone, (p & ~kLocalPhoneFlag) % 1'000'000'000ULL);
  }
  for (std::uint32_t a : r.alias) {
    if (a != 0) push(out, BlockKind::kAlias, a);
  }
  if (r.postcode != 0 && dob.day != 0) {
    push(out, BlockKind::kBirthDatePlace, r.postcode,
         static_cast<std::uint64_t>(dob.year * 10000 + dob.month * 100 + dob.day));
  }
  if (r.postcode != 0 && r.surname[0] != 0) {
    push(out, BlockKind::kPostcode, r.postcode,
         static_cast<std::uint64_t>(store.token(r.surname[0])[0]));
  }
  if (r.postcode != 0 && given_initial != 0) {
    push(out, BlockKind::kPostcode, r.postcode, static_cast<std::uint64_t>(given_initial));
  }
  if (auto address = store.address(r); address.size() >= 2) {
    push(out, BlockKind::kAddress, address[0], address[1]);
  }
}

std::uint32_t BlockIndex::cap(BlockKind kind) const {
  switch (kind) {
    case BlockKind::kDocument:
    case BlockKind::kPhone:
    case BlockKind::kAlias:
      return options_.over_shared_cap;
    default:
      return options_.max_block_size;
  }
}

std::uint32_t BlockIndex::size_of(std::uint32_t block) const {
  std::uint32_t n = 0;
  if (block + 1 < block_begin_.size()) {
    n = static_cast<std::uint32_t>(block_begin_[block + 1] - block_begin_[block]);
  }
  if (!added_.empty()) {
    if (auto it = added_.find(block); it != added_.end()) {
      n += static_cast<std::uint32_t>(it->second.size());
    }
  }
  return n;
}

BlockIndex BlockIndex::build(const RecordStore& store, const BlockingOptions& options,
                             int threads) {
  BlockIndex index;
  index.options_ = options;
  const auto n = static_cast<std::uint32_t>(store.size());
  threads = std::max(1, threads);
  struct Entry {
    std::uint64_t key;
    std::uint32_t record;
    BlockKind kind;
  };
  // Keys of every record, in parallel slices, each slice sorted; then merged.
  std::vector<std::vector<Entry>> parts(static_cast<std::size_t>(threads));
  {
    std::vector<std::jthread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        std::uint32_t begin = static_cast<std::uint32_t>(std::uint64_t{n} * t / threads);
        std::uint32_t end = static_cast<std::uint32_t>(std::uint64_t{n} * (t + 1) / threads);
        std::vector<BlockKey> keys;
        auto& part = parts[static_cast<std::size_t>(t)];
        part.reserve((end - begin) * 7ULL);
        for (std::uint32_t i = begin; i < end; ++i) {
          block_keys(store, i, keys);
          for (const auto& k : keys) part.push_back({k.key, i, k.kind});
        }
        std::sort(part.begin(), part.end(), [](const Entry& a, const Entry& b) {
          return a.key != b.key ? a.key < b.key : a.record < b.record;
        });
      });
    }
  }
  std::vector<Entry> all;
  if (parts.size() == 1) {
    all = std::move(parts[0]);
  } else {
    std::size_t total = 0;
    for (const auto& p : parts) total += p.size();
    all.reserve(total);
    for (auto& p : parts) {
      std::size_t middle = all.size();
      all.insert(all.end(), p.begin(), p.end());
      std::vector<Entry>().swap(p);
      std::inplace_merge(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(middle), all.end(),
                         [](const Entry& a, const Entry& b) {
                           return a.key != b.key ? a.key < b.key : a.record < b.record;
                         });
    }
  }
  // Blocks in key order; members ascending.
  index.ids_ = internal::FlatMap(all.size() / 2 + 16);
  index.members_.reserve(all.size());
  index.block_begin_.reserve(all.size() / 2 + 2);
  std::vector<std::uint32_t> per_record(static_cast<std::size_t>(n) + 1, 0);
  for (std::size_t k = 0; k < all.size();) {
    std::size_t e = k;
    while (e < all.size() && all[e].key == all[k].key) ++e;
    auto block = static_cast<std::uint32_t>(index.kinds_.size());
    index.ids_.insert(all[k].key, block);
    index.kinds_.push_back(all[k].kind);
    index.first_record_.push_back(all[k].record);
    index.block_begin_.push_back(index.members_.size());
    for (std::size_t x = k; x < e; ++x) index.members_.push_back(all[x].record);
    const std::size_t size = e - k;
    if (size >= 2 && size <= index.cap(all[k].kind)) {
      for (std::size_t x = k; x < e; ++x) ++per_record[all[x].record];
    }
    k = e;
  }
  index.block_begin_.push_back(index.members_.size());
  // Record → expandable blocks.
  index.record_begin_.assign(static_cast<std::size_t>(n) + 1, 0);
  for (std::uint32_t i = 0; i < n; ++i) index.record_begin_[i + 1] = index.record_begin_[i] + per_record[i];
  index.record_blocks_.resize(index.record_begin_[n]);
  std::vector<std::uint64_t> fill(index.record_begin_.begin(), index.record_begin_.end() - 1);
  for (std::uint32_t b = 0; b < index.kinds_.size(); ++b) {
    std::uint64_t size = index.block_begin_[b + 1] - index.block_begin_[b];
    if (size < 2 || size > index.cap(index.kinds_[b])) continue;
    for (std::uint64_t k = index.block_begin_[b]; k < index.block_begin_[b + 1]; ++k) {
      index.record_blocks_[fill[index.members_[k]]++] = b;
    }
  }
  return index;
}

void BlockIndex::candidates(const std::vector<BlockKey>& keys, std::uint32_t self,
                            std::vector<std::uint32_t>& out) const {
  out.clear();
  for (const auto& k : keys) {
    const std::uint32_t* block = ids_.find(k.key);
    if (block == nullptr) continue;
    if (size_of(*block) > cap(k.kind)) continue;
    for_members(*block, [&](std::uint32_t r) {
      if (r != self) out.push_back(r);
    });
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void BlockIndex::add(std::uint32_t record, const std::vector<BlockKey>& keys) {
  for (const auto& k : keys) {
    auto next = static_cast<std::uint32_t>(kinds_.size());
    std::uint32_t block = ids_.insert(k.key, next);
    if (block == next) {
      kinds_.push_back(k.kind);
      first_record_.push_back(record);
    }
    added_[block].push_back(record);
  }
}

std::vector<OverShared> BlockIndex::over_shared(const RecordStore& store) const {
  std::vector<OverShared> out;
  for (std::uint32_t b = 0; b < kinds_.size(); ++b) {
    const std::uint32_t size = size_of(b);
    if (size <= cap(kinds_[b])) continue;
    OverShared o{.kind = kinds_[b], .count = size};
    const NormalizedRecord& r = store.record(first_record_[b]);
    switch (kinds_[b]) {
      case BlockKind::kPhone:
        o.value = phone_to_string(r.phone[0]);
        for (auto p : r.phone) {
          if (p != 0 && store.phone_count(p) > options_.over_shared_cap) o.value = phone_to_string(p);
        }
        break;
      case BlockKind::kDocument:
        o.value = std::string(store.token(r.document[0].number));
        for (const auto& d : r.document) {
          if (d.number != 0 && store.document_count(d.number) > options_.over_shared_cap) {
            o.value = std::string(store.token(d.number));
          }
        }
        break;
      case BlockKind::kAlias:
        o.value = std::string(store.token(r.alias[0]));
        break;
      case BlockKind::kSurnameYear:
        o.value = fmt::format("surname {} born {}", code_letters(store.phonetic(r.surname[0])),
                              r.date_of_birth.year);
        break;
      case BlockKind::kSurnameGiven:
        o.value = fmt::format("surname {} given {}", code_letters(store.phonetic(r.surname[0])),
                              code_letters(store.phonetic(r.given_canonical[0])));
        break;
      case BlockKind::kGivenBirthDate:
        o.value = fmt::format("given {} born {}", store.token(r.given_canonical[0]).substr(0, 1),
                              partial_date_to_string(r.date_of_birth));
        break;
      case BlockKind::kPostcode:
        o.value = std::string(store.token(r.postcode));
        break;
      case BlockKind::kAddress:
        o.value = fmt::format("{} {}", store.token(store.address(r)[0]),
                              store.token(store.address(r)[1]));
        break;
      case BlockKind::kBirthDatePlace:
        o.value = fmt::format("born {} at {}", partial_date_to_string(r.date_of_birth),
                              store.token(r.postcode));
        break;
    }
    out.push_back(std::move(o));
  }
  std::sort(out.begin(), out.end(), [](const OverShared& a, const OverShared& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return out;
}

std::size_t BlockIndex::memory_bytes() const {
  return ids_.memory_bytes() + kinds_.capacity() + first_record_.capacity() * 4 +
         block_begin_.capacity() * 8 + members_.capacity() * 4 + record_begin_.capacity() * 8 +
         record_blocks_.capacity() * 4 + added_.size() * 64;
}

}  // namespace escudo::resolve

// Normalisation: a PersonRecord becomes a compact NormalizedRecord of integers (interned token
// ids, phonetic codes, E.164 numbers, country numbers), held in a RecordStore with the strings
// they stand for and the term frequencies the scoring model needs. Each record is normalised
// once; every comparison afterwards reads only integers and, for fuzzy levels, short ASCII
// tokens.
//
//   Normalizer normalizer(nicknames);                    // one per thread (ICU state)
//   NormalizedText text = normalizer.normalize(record);  // pure, parallelisable
//   RecordStore store;
//   std::uint32_t index = store.add(record.record_id, std::move(text));   // sequential
//   store.record(index).surname[0]; store.token(id) == "mosquera"
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "resolve/internal/flat_map.h"
#include "resolve/name.h"
#include "resolve/nicknames.h"
#include "resolve/phone.h"
#include "resolve/record.h"

namespace escudo::resolve {

namespace internal {
class TextFolder;
}

inline constexpr int kMaxGiven = 3;
inline constexpr int kMaxSurnames = 3;
inline constexpr int kMaxAliases = 2;
inline constexpr int kMaxPhones = 2;
inline constexpr int kMaxDocuments = 2;

enum class Sex : std::uint8_t { kUnknown, kFemale, kMale };
enum class DocumentType : std::uint8_t { kUnknown, kPassport, kNationalId, kOther };

// "passport"/"pasaporte"/"pp" → kPassport; "national_id"/"cedula"/"dni"/"ci"/"cc" →
// kNationalId; "" → kUnknown; anything else → kOther.
DocumentType parse_document_type(std::string_view folded);
// Upper-case letters and digits only; a number made only of digits loses its leading zeros
// ("0912-345.678" → "912345678", "ab 12345" → "AB12345").
std::string normalize_document_number(std::string_view text);
Sex parse_sex(std::string_view folded);

// The record as normalised text, before interning (what the parallel phase produces).
struct NormalizedText {
  ParsedName name;
  PartialDate date_of_birth;
  Sex sex = Sex::kUnknown;
  std::uint16_t nationality = 0;
  std::vector<std::uint64_t> phones;
  struct Doc {
    DocumentType type = DocumentType::kUnknown;
    std::uint16_t country = 0;
    std::string number;
  };
  std::vector<Doc> documents;
  std::vector<std::string> address;  // folded words
  std::string postcode;
  std::string city;
};

class Normalizer {
 public:
  // `nicknames` must outlive the normaliser.
  explicit Normalizer(const NicknameTable& nicknames);
  ~Normalizer();
  Normalizer(Normalizer&&) noexcept;

  // Never fails: what cannot be read (a phone without digits) is left out. Not thread-safe:
  // use one normaliser per thread.
  NormalizedText normalize(const PersonRecord& record) const;
  // Folds any text as names are folded (lower-case ASCII; see internal/text_fold.h).
  std::string fold(std::string_view text) const;

 private:
  const NicknameTable* nicknames_;
  std::unique_ptr<internal::TextFolder> folder_;
  PhoneNormalizer phones_;
};

struct DocumentKey {
  std::uint32_t number = 0;  // interned id of the normalised number; 0: none
  std::uint16_t country = 0;
  DocumentType type = DocumentType::kUnknown;
};

// 0 in an id slot means "none".
struct NormalizedRecord {
  std::array<std::uint32_t, kMaxGiven> given{};
  std::array<std::uint32_t, kMaxGiven> given_canonical{};
  std::array<std::uint32_t, kMaxSurnames> surname{};
  std::uint32_t married = 0;
  std::array<std::uint32_t, kMaxAliases> alias{};
  std::uint32_t postcode = 0;
  std::uint32_t city = 0;
  std::uint32_t address_begin = 0;  // into RecordStore::address_tokens()
  std::uint16_t address_count = 0;
  std::uint16_t nationality = 0;
  PartialDate date_of_birth;
  Sex sex = Sex::kUnknown;
  std::array<std::uint64_t, kMaxPhones> phone{};
  std::array<DocumentKey, kMaxDocuments> document{};
};

// Interned strings: id 0 is the empty string.
class StringPool {
 public:
  StringPool();
  std::uint32_t intern(std::string_view text);
  // 0 when `text` was never interned.
  std::uint32_t find(std::string_view text) const;
  std::string_view view(std::uint32_t id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }

 private:
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

class RecordStore {
 public:
  // Interns `text` and appends the record; returns its index (0, 1, 2, …). Not thread-safe.
  std::uint32_t add(std::string record_id, NormalizedText&& text);

  // Takes back the last record added (its term frequencies too; interned words stay). For a
  // record compared against the store without joining it.
  void remove_last();

  std::size_t size() const { return records_.size(); }
  const NormalizedRecord& record(std::uint32_t index) const { return records_[index]; }
  const std::string& record_id(std::uint32_t index) const { return record_ids_[index]; }
  // The index of a caller's record id, or -1.
  std::int64_t find(std::string_view record_id) const;

  std::string_view token(std::uint32_t id) const { return pool_.view(id); }
  std::uint64_t phonetic(std::uint32_t id) const { return id < phonetic_.size() ? phonetic_[id] : 0; }
  std::span<const std::uint32_t> address(const NormalizedRecord& r) const {
    return {address_tokens_.data() + r.address_begin, r.address_count};
  }

  // Term frequencies: how many records hold a value, and how many records hold a value of that
  // kind at all.
  std::uint32_t given_count(std::uint32_t token) const { return at(given_counts_, token); }
  std::uint32_t surname_count(std::uint32_t token) const { return at(surname_counts_, token); }
  std::uint32_t postcode_count(std::uint32_t token) const { return at(postcode_counts_, token); }
  std::uint32_t city_count(std::uint32_t token) const { return at(city_counts_, token); }
  std::uint32_t phone_count(std::uint64_t phone) const;
  std::uint32_t document_count(std::uint32_t number) const { return at(document_counts_, number); }
  std::uint32_t records_with_given() const { return with_given_; }
  std::uint32_t records_with_surname() const { return with_surname_; }
  std::uint32_t records_with_phone() const { return with_phone_; }
  std::uint32_t records_with_postcode() const { return with_postcode_; }
  std::uint32_t records_with_city() const { return with_city_; }
  // The same within one nationality: "Jean-Baptiste" is rare among all records and common
  // among Haitians. `nationality` is NormalizedRecord::nationality (0: unknown).
  std::uint32_t given_count_within(std::uint16_t nationality, std::uint32_t token) const {
    return local_count(kLocalGiven, nationality, token);
  }
  std::uint32_t surname_count_within(std::uint16_t nationality, std::uint32_t token) const {
    return local_count(kLocalSurname, nationality, token);
  }
  std::uint32_t records_with_given_within(std::uint16_t nationality) const {
    return at(with_given_within_, nationality);
  }
  std::uint32_t records_with_surname_within(std::uint16_t nationality) const {
    return at(with_surname_within_, nationality);
  }

  std::size_t memory_bytes() const;

 private:
  static std::uint32_t at(const std::vector<std::uint32_t>& v, std::uint32_t i) {
    return i < v.size() ? v[i] : 0;
  }
  static void bump(std::vector<std::uint32_t>& v, std::uint32_t i) {
    if (i >= v.size()) v.resize(std::max<std::size_t>(i + 1, v.size() * 2), 0);
    ++v[i];
  }
  std::uint32_t intern_word(std::string_view word);
  static constexpr std::uint64_t kLocalGiven = 1, kLocalSurname = 2;
  static std::uint64_t local_key(std::uint64_t kind, std::uint16_t nationality, std::uint32_t token) {
    return (kind << 60) | (std::uint64_t{nationality} << 32) | token;
  }
  std::uint32_t local_count(std::uint64_t kind, std::uint16_t nationality, std::uint32_t token) const;
  void bump_local(std::uint64_t kind, std::uint16_t nationality, std::uint32_t token, int by);

  StringPool pool_;
  std::vector<std::uint64_t> phonetic_;  // by token id
  std::vector<NormalizedRecord> records_;
  std::deque<std::string> record_ids_;  // a deque: index_of_ keeps views into it
  std::unordered_map<std::string_view, std::uint32_t> index_of_;
  std::vector<std::uint32_t> address_tokens_;
  std::vector<std::uint32_t> given_counts_, surname_counts_, postcode_counts_, city_counts_,
      document_counts_;
  internal::FlatMap phone_index_;               // phone → slot in phone_counts_
  std::vector<std::uint32_t> phone_counts_;
  internal::FlatMap local_index_;  // (kind, nationality, token) → slot in local_counts_
  std::vector<std::uint32_t> local_counts_;
  std::vector<std::uint32_t> with_given_within_, with_surname_within_;  // by nationality
  std::uint32_t with_given_ = 0, with_surname_ = 0, with_phone_ = 0, with_postcode_ = 0,
                with_city_ = 0;
};

}  // namespace escudo::resolve

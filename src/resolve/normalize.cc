#include "resolve/normalize.h"

#include <algorithm>

#include "resolve/internal/text_fold.h"
#include "resolve/phonetic.h"

namespace escudo::resolve {
namespace {

std::vector<std::string> words(std::string_view folded) {
  std::vector<std::string> out;
  std::string current;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      current += c;
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string joined_words(std::string_view folded) {
  std::string out;
  for (auto& w : words(folded)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

DocumentType parse_document_type(std::string_view t) {
  std::string s = joined_words(t);
  if (s.empty()) return DocumentType::kUnknown;
  if (s == "passport" || s == "pasaporte" || s == "pp" || s == "p" || s == "passeport" ||
      s == "passaporte") {
    return DocumentType::kPassport;
  }
  if (s == "national id" || s == "national_id" || s == "cedula" || s == "dni" || s == "ci" ||
      s == "cc" || s == "id" || s == "cedula de identidad" || s == "nationalid" ||
      s == "cedula de ciudadania" || s == "dui" || s == "ine") {
    return DocumentType::kNationalId;
  }
  if (s == "none" || s == "ninguno" || s == "sin documento") return DocumentType::kUnknown;
  return DocumentType::kOther;
}

std::string normalize_document_number(std::string_view text) {
  std::string out;
  bool digits_only = true;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      if (c > '9') digits_only = false;
      out += c;
    }
  }
  if (digits_only) {
    std::size_t first = out.find_first_not_of('0');
    out.erase(0, first == std::string::npos ? out.size() : first);
  }
  return out;
}

Sex parse_sex(std::string_view folded) {
  std::string s = joined_words(folded);
  if (s == "f" || s == "female" || s == "mujer" || s == "femenino" || s == "w" || s == "feminin" ||
      s == "femme") {
    return Sex::kFemale;
  }
  if (s == "m" || s == "male" || s == "hombre" || s == "masculino" || s == "h" || s == "homme" ||
      s == "masculin" || s == "varon") {
    return Sex::kMale;
  }
  return Sex::kUnknown;
}

Normalizer::Normalizer(const NicknameTable& nicknames)
    : nicknames_(&nicknames), folder_(std::make_unique<internal::TextFolder>()) {}
Normalizer::~Normalizer() = default;
Normalizer::Normalizer(Normalizer&&) noexcept = default;

std::string Normalizer::fold(std::string_view text) const { return folder_->fold(text); }

NormalizedText Normalizer::normalize(const PersonRecord& r) const {
  NormalizedText t;
  std::string given = folder_->fold(r.given_name);
  std::string surname = folder_->fold(r.surname);
  std::string full = folder_->fold(r.full_name);
  t.name = parse_name({.given = given, .surname = surname, .full = full}, *nicknames_);
  for (const auto& alias : r.aliases) {
    std::string a = normalize_alias(folder_->fold(alias));
    if (!a.empty() && std::find(t.name.aliases.begin(), t.name.aliases.end(), a) ==
                          t.name.aliases.end()) {
      t.name.aliases.push_back(std::move(a));
    }
  }
  t.date_of_birth = r.date_of_birth;
  t.sex = parse_sex(folder_->fold(r.sex));
  t.nationality = country_number(r.nationality);
  std::string region = country_alpha2(r.phone_region);
  if (region.empty()) region = country_alpha2(r.nationality);
  for (const auto& phone : r.phones) {
    if (auto p = phones_.e164(phone, region)) {
      if (std::find(t.phones.begin(), t.phones.end(), *p) == t.phones.end()) t.phones.push_back(*p);
    }
  }
  for (const auto& d : r.documents) {
    std::string number = normalize_document_number(d.number);
    if (number.empty()) continue;
    t.documents.push_back({.type = parse_document_type(folder_->fold(d.type)),
                           .country = country_number(d.country),
                           .number = std::move(number)});
  }
  t.address = words(folder_->fold(r.address));
  t.postcode = normalize_document_number(r.postcode);
  t.city = joined_words(folder_->fold(r.city));
  return t;
}

StringPool::StringPool() {
  strings_.emplace_back();
  ids_.emplace(std::string_view(strings_.back()), 0);
}

std::uint32_t StringPool::intern(std::string_view text) {
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(text);
  ids_.emplace(std::string_view(strings_.back()), id);
  return id;
}

std::uint32_t StringPool::find(std::string_view text) const {
  auto it = ids_.find(text);
  return it == ids_.end() ? 0 : it->second;
}

std::uint32_t RecordStore::intern_word(std::string_view word) {
  std::uint32_t id = pool_.intern(word);
  if (id >= phonetic_.size()) {
    phonetic_.resize(std::max<std::size_t>(id + 1, phonetic_.size() * 2), 0);
  }
  if (phonetic_[id] == 0 && !word.empty()) phonetic_[id] = phonetic_code(word);
  return id;
}

std::uint32_t RecordStore::add(std::string record_id, NormalizedText&& t) {
  NormalizedRecord r;
  for (std::size_t i = 0; i < t.name.given.size() && i < kMaxGiven; ++i) {
    r.given[i] = intern_word(t.name.given[i]);
  }
  for (std::size_t i = 0; i < t.name.given_canonical.size() && i < kMaxGiven; ++i) {
    r.given_canonical[i] = intern_word(t.name.given_canonical[i]);
  }
  for (std::size_t i = 0; i < t.name.surnames.size() && i < kMaxSurnames; ++i) {
    r.surname[i] = intern_word(t.name.surnames[i]);
  }
  if (!t.name.married.empty()) r.married = intern_word(t.name.married);
  for (std::size_t i = 0; i < t.name.aliases.size() && i < kMaxAliases; ++i) {
    r.alias[i] = pool_.intern(t.name.aliases[i]);
  }
  r.date_of_birth = t.date_of_birth;
  r.sex = t.sex;
  r.nationality = t.nationality;
  for (std::size_t i = 0; i < t.phones.size() && i < kMaxPhones; ++i) r.phone[i] = t.phones[i];
  for (std::size_t i = 0; i < t.documents.size() && i < kMaxDocuments; ++i) {
    r.document[i] = {.number = pool_.intern(t.documents[i].number),
                     .country = t.documents[i].country,
                     .type = t.documents[i].type};
  }
  r.address_begin = static_cast<std::uint32_t>(address_tokens_.size());
  for (const auto& w : t.address) {
    if (r.address_count == 64) break;
    address_tokens_.push_back(pool_.intern(w));
    ++r.address_count;
  }
  if (!t.postcode.empty()) r.postcode = pool_.intern(t.postcode);
  if (!t.city.empty()) r.city = intern_word(t.city);

  // Term frequencies.
  if (r.given_canonical[0] != 0) {
    bump(given_counts_, r.given_canonical[0]);
    ++with_given_;
  }
  if (r.surname[0] != 0 || r.married != 0) ++with_surname_;
  for (std::uint32_t s : r.surname) {
    if (s != 0) bump(surname_counts_, s);
  }
  if (r.married != 0) bump(surname_counts_, r.married);
  if (r.nationality != 0) {
    if (r.given_canonical[0] != 0) {
      bump_local(kLocalGiven, r.nationality, r.given_canonical[0], 1);
      bump(with_given_within_, r.nationality);
    }
    if (r.surname[0] != 0 || r.married != 0) bump(with_surname_within_, r.nationality);
    for (std::uint32_t s : r.surname) {
      if (s != 0) bump_local(kLocalSurname, r.nationality, s, 1);
    }
    if (r.married != 0) bump_local(kLocalSurname, r.nationality, r.married, 1);
  }
  if (r.postcode != 0) {
    bump(postcode_counts_, r.postcode);
    ++with_postcode_;
  }
  if (r.city != 0) {
    bump(city_counts_, r.city);
    ++with_city_;
  }
  if (r.phone[0] != 0) ++with_phone_;
  for (std::uint64_t p : r.phone) {
    if (p == 0) continue;
    std::uint32_t slot = phone_index_.insert(p, static_cast<std::uint32_t>(phone_counts_.size()));
    if (slot == phone_counts_.size()) phone_counts_.push_back(0);
    ++phone_counts_[slot];
  }
  for (const auto& d : r.document) {
    if (d.number != 0) bump(document_counts_, d.number);
  }

  auto index = static_cast<std::uint32_t>(records_.size());
  records_.push_back(r);
  record_ids_.push_back(std::move(record_id));
  index_of_.emplace(std::string_view(record_ids_.back()), index);
  return index;
}

void RecordStore::remove_last() {
  if (records_.empty()) return;
  const NormalizedRecord& r = records_.back();
  auto drop = [](std::vector<std::uint32_t>& v, std::uint32_t i) {
    if (i < v.size() && v[i] > 0) --v[i];
  };
  if (r.given_canonical[0] != 0) {
    drop(given_counts_, r.given_canonical[0]);
    --with_given_;
  }
  if (r.surname[0] != 0 || r.married != 0) --with_surname_;
  for (std::uint32_t s : r.surname) {
    if (s != 0) drop(surname_counts_, s);
  }
  if (r.married != 0) drop(surname_counts_, r.married);
  if (r.nationality != 0) {
    if (r.given_canonical[0] != 0) {
      bump_local(kLocalGiven, r.nationality, r.given_canonical[0], -1);
      drop(with_given_within_, r.nationality);
    }
    if (r.surname[0] != 0 || r.married != 0) drop(with_surname_within_, r.nationality);
    for (std::uint32_t s : r.surname) {
      if (s != 0) bump_local(kLocalSurname, r.nationality, s, -1);
    }
    if (r.married != 0) bump_local(kLocalSurname, r.nationality, r.married, -1);
  }
  if (r.postcode != 0) {
    drop(postcode_counts_, r.postcode);
    --with_postcode_;
  }
  if (r.city != 0) {
    drop(city_counts_, r.city);
    --with_city_;
  }
  if (r.phone[0] != 0) --with_phone_;
  for (std::uint64_t p : r.phone) {
    if (p == 0) continue;
    // The slot stays (the index has no removal); its count goes back down.
    if (const std::uint32_t* slot = phone_index_.find(p); slot != nullptr && phone_counts_[*slot] > 0) {
      --phone_counts_[*slot];
    }
  }
  for (const auto& d : r.document) {
    if (d.number != 0) drop(document_counts_, d.number);
  }
  address_tokens_.resize(r.address_begin);
  index_of_.erase(std::string_view(record_ids_.back()));
  record_ids_.pop_back();
  records_.pop_back();
}

std::int64_t RecordStore::find(std::string_view record_id) const {
  auto it = index_of_.find(record_id);
  return it == index_of_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

std::uint32_t RecordStore::phone_count(std::uint64_t phone) const {
  const std::uint32_t* slot = phone_index_.find(phone);
  return slot == nullptr ? 0 : phone_counts_[*slot];
}

std::uint32_t RecordStore::local_count(std::uint64_t kind, std::uint16_t nationality,
                                       std::uint32_t token) const {
  const std::uint32_t* slot = local_index_.find(local_key(kind, nationality, token));
  return slot == nullptr ? 0 : local_counts_[*slot];
}

void RecordStore::bump_local(std::uint64_t kind, std::uint16_t nationality, std::uint32_t token,
                             int by) {
  const std::uint32_t slot = local_index_.insert(local_key(kind, nationality, token),
                                                 static_cast<std::uint32_t>(local_counts_.size()));
  if (slot == local_counts_.size()) local_counts_.push_back(0);
  if (by > 0 || local_counts_[slot] > 0) local_counts_[slot] += static_cast<std::uint32_t>(by);
}

std::size_t RecordStore::memory_bytes() const {
  return records_.capacity() * sizeof(NormalizedRecord) +
         address_tokens_.capacity() * sizeof(std::uint32_t) +
         phonetic_.capacity() * sizeof(std::uint64_t) + pool_.size() * 48 +
         record_ids_.size() * 56 + phone_index_.memory_bytes() + phone_counts_.capacity() * 4 +
         local_index_.memory_bytes() + local_counts_.capacity() * 4;
}

}  // namespace escudo::resolve

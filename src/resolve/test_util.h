// Helpers shared by the resolve tests (linked only into resolve_test).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "resolve/nicknames.h"
#include "resolve/normalize.h"
#include "resolve/record.h"

namespace escudo::resolve::testing {

inline const NicknameTable& nicknames() {
  static const NicknameTable table = NicknameTable::parse(default_nicknames_text()).value();
  return table;
}

inline PartialDate date(std::string_view iso) { return parse_partial_date(iso, DateFormat::kIso).value(); }

inline PersonRecord person(std::string id, std::string given, std::string surname,
                           std::string dob = "", std::string phone = "",
                           std::string nationality = "") {
  PersonRecord r;
  r.record_id = std::move(id);
  r.given_name = std::move(given);
  r.surname = std::move(surname);
  r.date_of_birth = date(dob);
  if (!phone.empty()) r.phones.push_back(std::move(phone));
  r.nationality = std::move(nationality);
  return r;
}

// A store holding `records`, normalised in order.
struct Store {
  explicit Store(const std::vector<PersonRecord>& records) : normalizer(nicknames()) {
    for (const auto& r : records) store.add(r.record_id, normalizer.normalize(r));
  }
  Normalizer normalizer;
  RecordStore store;
};

}  // namespace escudo::resolve::testing

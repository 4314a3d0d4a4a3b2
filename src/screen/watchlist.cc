#include "screen/watchlist.h"

#include <string_view>

namespace escudo::screen {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

void split_aliases(std::string_view cell, std::vector<std::string>& out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    if (i == cell.size() || cell[i] == ';' || cell[i] == '|') {
      std::string_view part = trim(cell.substr(start, i - start));
      if (!part.empty()) out.emplace_back(part);
      start = i + 1;
    }
  }
}

}  // namespace

WatchlistEntry entry_from_record(const resolve::PersonRecord& record) {
  WatchlistEntry e;
  e.entry_id = record.record_id;
  e.given_name = record.given_name;
  e.surname = record.surname;
  if (!record.full_name.empty()) {
    e.names.push_back(record.full_name);
  } else if (!record.given_name.empty() || !record.surname.empty()) {
    e.names.push_back(record.given_name.empty() ? record.surname
                      : record.surname.empty()  ? record.given_name
                                                : record.given_name + " " + record.surname);
  }
  for (const auto& alias : record.aliases) split_aliases(alias, e.names);
  if (record.date_of_birth.known()) e.dates_of_birth.push_back(record.date_of_birth);
  if (!record.nationality.empty()) e.nationalities.push_back(record.nationality);
  e.documents = record.documents;
  e.sex = record.sex;
  return e;
}

}  // namespace escudo::screen

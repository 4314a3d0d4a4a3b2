// A watchlist as the screening engine takes it: entries (a wanted smuggler, a sanctioned
// person) each with a primary name, any number of aliases (other names the person is known by,
// other spellings), dates of birth, nationalities and documents. Plain text, not normalised.
//
//   WatchlistEntry e;
//   e.entry_id = "UN-QDi.123";
//   e.names = {"José Luis Mosquera Palacios", "El Mono", "Jose Mosquera"};  // first: primary
//   e.dates_of_birth = {{.year = 1984, .month = 3, .day = 7}};
//   e.nationalities = {"COL"};
#pragma once

#include <string>
#include <vector>

#include "resolve/record.h"

namespace escudo::screen {

struct WatchlistEntry {
  std::string entry_id;  // unique within one screener
  // Whole names, the primary first, then every alias; at least one.
  std::vector<std::string> names;
  // When the list keeps given names and surnames apart (the primary name only).
  std::string given_name;
  std::string surname;
  std::vector<resolve::PartialDate> dates_of_birth;
  std::vector<std::string> nationalities;
  std::vector<resolve::Document> documents;
  std::string sex;
};

// One entry from a person record mapped from a CSV row (resolve::RecordMapping): the record's
// name is the primary one, and each of its aliases (a column mapped with `alias`; several in
// one cell may be separated by ';' or '|') becomes another name of the entry.
WatchlistEntry entry_from_record(const resolve::PersonRecord& record);

}  // namespace escudo::screen

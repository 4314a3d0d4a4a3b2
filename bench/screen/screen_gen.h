// A simulated watchlist and registrations with planted hits, for the screening bench:
//   watchlist.csv      entry_id,given_name,surname,date_of_birth,nationality,document,aliases
//                      (aliases: other whole names separated by ';')
//   registrations.csv  id,given_name,surname,date_of_birth,nationality
//   truth.csv          id,entry_id: the registrations that are a listed person, and which
// A planted hit is written the ways a registrar meets a listed person: the list's name exact, a
// typing slip, the two surnames swapped, the second surname dropped, a nickname for the given
// name, an alias instead of the name, the day and month of birth swapped, or no birth date.
// Deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>

namespace escudo::bench {

struct ScreenGenOptions {
  std::int64_t entries = 100'000;
  std::int64_t registrations = 100'000;
  double hit_share = 0.02;  // of registrations that are a listed person
  std::uint64_t seed = 1;
};

// Writes the three files into `dir` (which must exist). Returns an error message, empty on
// success.
std::string generate_screening(const ScreenGenOptions& options, const std::string& dir);

}  // namespace escudo::bench

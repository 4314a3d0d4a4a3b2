// A simulated watchlist (wanted smugglers, sanctioned people) with aliases, and registrations
// of which a share are listed people written the ways a registrar meets them, with the truth
// (which registration is which entry) apart: the data the screening benchmark and tests measure
// recall on.
//
//   sim::WatchlistSimConfig config{.seed = 7, .entries = 1000, .registrations = 500};
//   ESCUDO_ASSIGN_OR_RETURN(auto summary, sim::simulate_watchlist(config,
//       [&](sim::WatchlistSimFile file, std::string_view line) -> Status {
//         files[static_cast<int>(file)] << line;   // each line ends with '\n'
//         return ok_status();
//       }));
//
// The three files, each with its header line first:
//   watchlist      entry_id,given_name,surname,date_of_birth,nationality,document,aliases
//                  (aliases: other whole names or monikers, separated by ';'). Names are drawn
//                  with falling weights from Latin American, Haitian, Chinese, West African and
//                  Afghan lists, with two surnames; up to three aliases each: a moniker ("El
//                  Mono"), another whole name as on a second document, or the name with its
//                  first surname only. 30% carry a document number.
//   registrations  id,given_name,surname,date_of_birth,nationality
//   truth          id,entry_id: the planted registrations (`hit_share` of them, drawn at
//                  random) and the entry each one is.
// A planted registration is written, with equal odds, as listed, with a typing slip in the
// surnames, with the two surnames swapped, with the second surname dropped, with a nickname
// for the given name (José → Pepe) and a slip, under a whole-name alias, with the day and month
// of birth swapped, or with no birth date. The other registrations are people drawn from the
// same lists, so namesakes of listed people occur as they do in life.
//
// Deterministic: one seed gives the same lines everywhere. Pure: no I/O, no globals;
// thread-safe. Memory grows with `entries` (the list is kept to plant hits), not with
// `registrations`.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "base/status.h"

namespace escudo::sim {

struct WatchlistSimConfig {
  std::uint64_t seed = 1;
  std::int64_t entries = 100'000;        // 1 to 10,000,000
  std::int64_t registrations = 100'000;  // 0 to 100,000,000
  double hit_share = 0.02;               // of registrations that are a listed person, 0 to 1
};

enum class WatchlistSimFile : std::uint8_t { kWatchlist, kRegistrations, kTruth };

struct WatchlistSimSummary {
  std::int64_t entries = 0;
  std::int64_t registrations = 0;
  std::int64_t planted = 0;  // registrations that are a listed person (rows of truth)
};

// Calls `write` with every line of the three files, each ending with '\n': the watchlist's
// lines first, then registrations and truth lines interleaved. Stops at the first error
// `write` returns and returns it. kInvalidArgument for a configuration out of range, naming
// the field.
Result<WatchlistSimSummary> simulate_watchlist(
    const WatchlistSimConfig& config,
    const std::function<Status(WatchlistSimFile, std::string_view)>& write);

}  // namespace escudo::sim

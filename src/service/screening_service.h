// Screening of registered people against watchlists and earlier records, and the entry
// requirements in force.
//
// Watchlists (wanted smugglers, sanctions lists) are imported from CSV in the shape of the
// public consolidated sanctions lists: one entry a row with its names, aliases, dates of birth,
// nationalities and documents (several in a cell separated by ';'). Each import of a list is a
// new version; earlier versions are kept, and a hit names the version it came from. A person is
// screened against the latest version of every list (screen::Screener, with the
// entity-resolution comparators and an explanation for every hit) and against earlier records:
// registrations that entity resolution joined to theirs, and whether those people were returned.
// An officer confirms or dismisses each hit; both are audited.
//
// Entry requirements are versions of one JSON document with an effective day; a return
// decision records the version in force (rules_on()).
//
// Thread-safe; the screener is built on first use and rebuilt after an import.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/clock.h"
#include "service/principal.h"
#include "store/entity_repo.h"
#include "store/pool.h"
#include "store/screening_repo.h"

namespace escudo::screen {
class Screener;
}

namespace escudo::service {

struct WatchlistImport {
  std::string name;         // "UN consolidated", "wanted-smugglers"
  std::string kind = "other";  // wanted, sanctions, other
  std::string file_name;
  std::string text;         // the CSV
};

struct WatchlistImportReport {
  std::int64_t version_id = 0;
  std::int64_t version = 0;
  std::int64_t entries = 0;
  // The screener is rebuilt as part of the import, so that no registration waits for it: the
  // entries and name variants (names and aliases) it now holds, over the latest version of
  // every list. Zero when building it failed (the list is stored; it is built on next use).
  std::int64_t screened_entries = 0;
  std::int64_t screened_names = 0;
};

// How the screening of one stored person went: counts only.
struct PersonScreening {
  std::int64_t person_id = 0;
  std::int64_t hits = 0;  // hits of this screening (open, or decided at an earlier one)
};

struct ScreeningSettings {
  double min_score = 0.5;
  std::size_t max_hits = 10;
};

class ScreeningService {
 public:
  ScreeningService(store::DatabasePool& pool, const Clock& clock, ScreeningSettings settings = {});
  ~ScreeningService();

  // watchlists.manage (or the command line). All rows or none: kInvalidArgument listing every
  // bad row as "line N, column 'C': reason" (at most 50, then how many more). Once stored, the
  // screener is rebuilt before this returns (seconds for 100,000 entries).
  Result<WatchlistImportReport> import_watchlist(const Actor& actor, const WatchlistImport& file);
  // watchlists.manage or screening.read: every version, newest first.
  Result<std::vector<store::WatchlistVersionRecord>> versions(const Actor& actor);

  // screening.read or registrations.create (or the command line): screens a registered person,
  // stores the new hits and the screening, and returns every hit of this screening.
  Result<std::vector<store::HitRecord>> screen_person(const Actor& actor, std::int64_t person_id);
  // The same for many people at once (a group, an imported file): each is screened against the
  // watchlists and earlier records and gets a stored screening. They are stored
  // kPeoplePerTransaction at a time, each such part in one transaction with one audit entry
  // that names no one; between parts, single screenings go on. Returns the people in the order
  // of `person_ids`; kNotFound when one of them is not registered (nothing is screened then).
  Result<std::vector<PersonScreening>> screen_people(const Actor& actor,
                                                     std::span<const std::int64_t> person_ids);
  static constexpr std::size_t kPeoplePerTransaction = 2000;
  // screening.read: `status` "open", "confirmed", "dismissed" or "" for all; best first.
  Result<std::vector<store::HitRecord>> hits(const Principal& principal, const std::string& status,
                                             std::optional<std::int64_t> person_id, int limit);
  // screening.decide. kFailedPrecondition when the hit was decided already; a dismissal needs
  // a note saying why.
  Result<store::HitRecord> decide_hit(const Principal& principal, std::int64_t hit_id, bool confirm,
                                      const std::string& note);

  // rules.manage (or the command line). `rules` is a JSON object with any of "documents"
  // (array of accepted document types), "visa_required" (array of ISO-3 nationalities),
  // "visa_exempt" (array), "min_age_alone" (integer), "notes" (string). kInvalidArgument naming
  // what is wrong.
  Result<store::RuleVersionRecord> add_rules(const Actor& actor, const std::string& effective_on,
                                             const std::string& rules, const std::string& note);
  // Any signed-in user may read the rules; newest version first.
  Result<std::vector<store::RuleVersionRecord>> rules(const Actor& actor);
  // The version in force on `day`; nullopt before the first.
  Result<std::optional<store::RuleVersionRecord>> rules_on(const std::string& day);

 private:
  // Screens `people` (at most kPeoplePerTransaction), stores their hits and screenings in one
  // transaction with one audit entry, and returns the hits by person, in their order.
  Result<std::vector<std::vector<store::HitRecord>>> screen_part(
      const Actor& actor, std::span<const store::RegisteredPersonSummary> people);
  // The screener over the current versions (built when the versions changed); mutex_ held.
  Result<screen::Screener*> current_screener(store::ScreeningRepo& repo);

  store::DatabasePool& pool_;
  const Clock& clock_;
  ScreeningSettings settings_;
  std::mutex mutex_;
  std::string screener_key_;
  std::unique_ptr<screen::Screener> screener_;
  std::vector<std::int64_t> entry_versions_;  // by entry of the screener: its version id
};

}  // namespace escudo::service

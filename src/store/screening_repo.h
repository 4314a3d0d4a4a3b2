// The tables of watchlists, screening hits and entry requirements (migration 0009). Storage
// only: ScreeningService reads files, checks rows and decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace escudo::store {

struct WatchlistVersionRecord {
  std::int64_t id = 0;
  std::int64_t watchlist_id = 0;
  std::string watchlist;  // its name
  std::string kind;
  std::int64_t version = 0;
  std::string file_name;
  std::string file_sha256;
  std::int64_t entries = 0;
  std::int64_t imported_at = 0;
  std::string imported_by;
};

struct WatchlistEntryRecord {
  std::int64_t version_id = 0;
  std::string entry_id;
  std::string given_name;
  std::string surname;
  std::vector<std::string> names;
  std::vector<std::string> dates_of_birth;
  std::vector<std::string> nationalities;
  std::vector<std::string> documents;  // "type|country|number"
  std::string listed_for;
};

struct HitRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string source;  // watchlist, earlier_record, earlier_return
  std::optional<std::int64_t> version_id;
  std::string entry_id;
  std::string matched_name;
  double score = 0;
  std::vector<std::string> reasons;
  std::string status;  // open, confirmed, dismissed
  std::string decided_by;
  std::optional<std::int64_t> decided_at;
  std::string decision_note;
  std::int64_t created_at = 0;
  std::string watchlist;  // the list's name, for watchlist hits
  std::string nationality;  // of the person
};

struct RuleVersionRecord {
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::string effective_on;
  std::string rules;  // JSON
  std::string note;
  std::int64_t created_at = 0;
  std::string created_by;
};

class ScreeningRepo {
 public:
  explicit ScreeningRepo(Database& db) : db_(db) {}

  // The watchlist's id, creating it with `kind` when new.
  Result<std::int64_t> watchlist_id(const std::string& name, const std::string& kind,
                                    std::int64_t now, const std::string& by);
  Result<std::int64_t> insert_version(const WatchlistVersionRecord& v);  // version = last + 1
  Status insert_entries(std::int64_t version_id, const std::vector<WatchlistEntryRecord>& entries);
  // Every version, newest first.
  Result<std::vector<WatchlistVersionRecord>> versions();
  // The entries of the latest version of every watchlist.
  Result<std::vector<WatchlistEntryRecord>> current_entries();
  // The id of the latest version of every list, for cache checks ("3,7").
  Result<std::string> current_versions_key();

  // Inserts a hit not stored yet (same person, source, version, entry; an earlier record's hit
  // has no version) and sets its id. A hit stored already keeps its row: `h` takes that row's id
  // and status, and `inserted` says which happened when given.
  Status insert_hit(HitRecord& h, bool* inserted = nullptr);
  Status insert_screening(std::int64_t person_id, std::int64_t hits, std::int64_t at,
                          const std::string& by);
  Result<HitRecord> hit(std::int64_t id);  // kNotFound naming the id
  // `status` empty: any. Newest first, at most `limit`.
  Result<std::vector<HitRecord>> hits(const std::string& status, std::optional<std::int64_t> person_id,
                                      int limit);
  Status decide_hit(std::int64_t id, const std::string& status, const std::string& by,
                    std::int64_t at, const std::string& note);

  Result<std::int64_t> insert_rules(RuleVersionRecord& r);  // version = last + 1
  Result<std::vector<RuleVersionRecord>> rules();           // newest version first
  // The version in force on `day` (the latest effective on or before it).
  Result<std::optional<RuleVersionRecord>> rules_on(const std::string& day);

  // Registration records in the same entity as the person (entity resolution), and whether each
  // of those people was returned.
  struct EarlierRecord {
    std::int64_t person_id = 0;
    double probability = 1;
    bool returned = false;
  };
  Result<std::vector<EarlierRecord>> earlier_records(std::int64_t person_id);

 private:
  Database& db_;
};

}  // namespace escudo::store

#include "store/screening_repo.h"

#include <fmt/format.h>

#include "store/internal/lines.h"

namespace escudo::store {
namespace {

using internal::join_lines;
using internal::split_lines;

constexpr std::string_view kHitColumns =
    "h.id, h.person_id, h.source, h.version_id, h.entry_id, h.matched_name, h.score, h.reasons, "
    "h.status, h.decided_by, h.decided_at, h.decision_note, h.created_at, "
    "COALESCE(w.name, ''), p.nationality";
constexpr std::string_view kHitFrom =
    " FROM screening_hits h JOIN persons p ON p.id = h.person_id "
    "LEFT JOIN watchlist_versions v ON v.id = h.version_id "
    "LEFT JOIN watchlists w ON w.id = v.watchlist_id ";

HitRecord read_hit(const Row& row) {
  HitRecord h;
  h.id = row.get_int(0);
  h.person_id = row.get_int(1);
  h.source = row.get_text(2);
  if (!row.is_null(3)) h.version_id = row.get_int(3);
  h.entry_id = row.get_text(4);
  h.matched_name = row.get_text(5);
  h.score = row.get_double(6);
  h.reasons = split_lines(row.get_text_view(7));
  h.status = row.get_text(8);
  h.decided_by = row.get_optional_text(9).value_or("");
  if (!row.is_null(10)) h.decided_at = row.get_int(10);
  h.decision_note = row.get_text(11);
  h.created_at = row.get_int(12);
  h.watchlist = row.get_text(13);
  h.nationality = row.get_text(14);
  return h;
}

RuleVersionRecord read_rules(const Row& row) {
  return {row.get_int(0),  row.get_int(1), row.get_text(2), row.get_text(3),
          row.get_text(4), row.get_int(5), row.get_text(6)};
}
constexpr std::string_view kRuleColumns =
    "id, version, effective_on, rules, note, created_at, created_by";

}  // namespace

Result<std::int64_t> ScreeningRepo::watchlist_id(const std::string& name, const std::string& kind,
                                                 std::int64_t now, const std::string& by) {
  ESCUDO_ASSIGN_OR_RETURN(auto id, db_.query_int("SELECT id FROM watchlists WHERE name = $1", {name}));
  if (id) return *id;
  std::int64_t out = 0;
  ESCUDO_TRY(db_.query("INSERT INTO watchlists (name, kind, created_at, created_by) VALUES "
                       "($1, $2, $3, $4) RETURNING id",
                       {name, kind, now, by}, [&](const Row& row) {
                         out = row.get_int(0);
                         return ok_status();
                       }));
  return out;
}

Result<std::int64_t> ScreeningRepo::insert_version(const WatchlistVersionRecord& v) {
  ESCUDO_ASSIGN_OR_RETURN(auto last, db_.query_int("SELECT MAX(version) FROM watchlist_versions "
                                                   "WHERE watchlist_id = $1",
                                                   {v.watchlist_id}));
  std::int64_t out = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO watchlist_versions (watchlist_id, version, file_name, file_sha256, entries, "
      "imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {v.watchlist_id, last.value_or(0) + 1, v.file_name, v.file_sha256, v.entries, v.imported_at,
       v.imported_by},
      [&](const Row& row) {
        out = row.get_int(0);
        return ok_status();
      }));
  return out;
}

Status ScreeningRepo::insert_entries(std::int64_t version_id,
                                     const std::vector<WatchlistEntryRecord>& entries) {
  for (const auto& e : entries) {
    ESCUDO_TRY(db_.execute(
        "INSERT INTO watchlist_entries (version_id, entry_id, given_name, surname, names, "
        "dates_of_birth, nationalities, documents, listed_for) VALUES ($1, $2, $3, $4, $5, $6, "
        "$7, $8, $9)",
        {version_id, e.entry_id, e.given_name, e.surname, join_lines(e.names), join_lines(e.dates_of_birth),
         join_lines(e.nationalities), join_lines(e.documents), e.listed_for}));
  }
  return ok_status();
}

Result<std::vector<WatchlistVersionRecord>> ScreeningRepo::versions() {
  std::vector<WatchlistVersionRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT v.id, v.watchlist_id, w.name, w.kind, v.version, v.file_name, v.file_sha256, "
      "v.entries, v.imported_at, v.imported_by FROM watchlist_versions v JOIN watchlists w ON "
      "w.id = v.watchlist_id ORDER BY v.id DESC",
      {}, [&](const Row& row) {
        out.push_back({row.get_int(0), row.get_int(1), row.get_text(2), row.get_text(3),
                       row.get_int(4), row.get_text(5), row.get_text(6), row.get_int(7),
                       row.get_int(8), row.get_text(9)});
        return ok_status();
      }));
  return out;
}

Result<std::vector<WatchlistEntryRecord>> ScreeningRepo::current_entries() {
  std::vector<WatchlistEntryRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT e.version_id, e.entry_id, e.given_name, e.surname, e.names, e.dates_of_birth, "
      "e.nationalities, e.documents, e.listed_for FROM watchlist_entries e WHERE e.version_id IN "
      "(SELECT MAX(id) FROM watchlist_versions GROUP BY watchlist_id) ORDER BY e.id",
      {}, [&](const Row& row) {
        out.push_back({row.get_int(0), row.get_text(1), row.get_text(2), row.get_text(3),
                       split_lines(row.get_text_view(4)), split_lines(row.get_text_view(5)),
                       split_lines(row.get_text_view(6)), split_lines(row.get_text_view(7)),
                       row.get_text(8)});
        return ok_status();
      }));
  return out;
}

Result<std::string> ScreeningRepo::current_versions_key() {
  std::string key;
  ESCUDO_TRY(db_.query("SELECT MAX(id) FROM watchlist_versions GROUP BY watchlist_id ORDER BY 1", {},
                       [&](const Row& row) {
                         key += std::to_string(row.get_int(0)) + ",";
                         return ok_status();
                       }));
  return key;
}

Status ScreeningRepo::insert_hit(HitRecord& h, bool* inserted) {
  const std::string reasons = join_lines(h.reasons);
  const SqlValue version = h.version_id ? SqlValue(*h.version_id) : SqlValue(nullptr);
  // Looked up first: the unique key cannot tell two hits without a version apart (NULLs differ).
  h.id = 0;
  ESCUDO_TRY(db_.query(
      "SELECT id, status FROM screening_hits WHERE person_id = $1 AND source = $2 AND "
      "version_id IS NOT DISTINCT FROM $3 AND entry_id = $4",
      {h.person_id, h.source, version, h.entry_id}, [&](const Row& row) {
        h.id = row.get_int(0);
        h.status = row.get_text(1);
        return ok_status();
      }));
  if (inserted != nullptr) *inserted = h.id == 0;
  if (h.id != 0) return ok_status();
  ESCUDO_TRY(db_.query(
      "INSERT INTO screening_hits (person_id, source, version_id, entry_id, matched_name, score, "
      "reasons, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8) RETURNING id",
      {h.person_id, h.source, version, h.entry_id, h.matched_name, h.score, reasons, h.created_at},
      [&](const Row& row) {
        h.id = row.get_int(0);
        return ok_status();
      }));
  return ok_status();
}

Status ScreeningRepo::insert_screening(std::int64_t person_id, std::int64_t hits, std::int64_t at,
                                       const std::string& by) {
  return db_.execute(
      "INSERT INTO screenings (person_id, hits, screened_at, screened_by) VALUES ($1, $2, $3, $4)",
      {person_id, hits, at, by});
}

Result<HitRecord> ScreeningRepo::hit(std::int64_t id) {
  std::optional<HitRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kHitColumns) + std::string(kHitFrom) + "WHERE h.id = $1",
                       {id}, [&](const Row& row) {
                         out = read_hit(row);
                         return ok_status();
                       }));
  if (!out) return errorf(ErrorCode::kNotFound, "there is no screening hit {}", id);
  return *out;
}

Result<std::vector<HitRecord>> ScreeningRepo::hits(const std::string& status,
                                                   std::optional<std::int64_t> person_id, int limit) {
  std::vector<HitRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT " + std::string(kHitColumns) + std::string(kHitFrom) +
          "WHERE ($1 = '' OR h.status = $1) AND ($2 = 0 OR h.person_id = $2) "
          "ORDER BY h.score DESC, h.id DESC LIMIT $3",
      {status, person_id.value_or(0), std::int64_t{limit}}, [&](const Row& row) {
        out.push_back(read_hit(row));
        return ok_status();
      }));
  return out;
}

Status ScreeningRepo::decide_hit(std::int64_t id, const std::string& status, const std::string& by,
                                 std::int64_t at, const std::string& note) {
  return db_.execute(
      "UPDATE screening_hits SET status = $1, decided_by = $2, decided_at = $3, decision_note = $4 "
      "WHERE id = $5",
      {status, by, at, note, id});
}

Result<std::int64_t> ScreeningRepo::insert_rules(RuleVersionRecord& r) {
  ESCUDO_ASSIGN_OR_RETURN(auto last, db_.query_int("SELECT MAX(version) FROM entry_rule_versions"));
  r.version = last.value_or(0) + 1;
  ESCUDO_TRY(db_.query(
      "INSERT INTO entry_rule_versions (version, effective_on, rules, note, created_at, "
      "created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {r.version, r.effective_on, r.rules, r.note, r.created_at, r.created_by}, [&](const Row& row) {
        r.id = row.get_int(0);
        return ok_status();
      }));
  return r.id;
}

Result<std::vector<RuleVersionRecord>> ScreeningRepo::rules() {
  std::vector<RuleVersionRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kRuleColumns) +
                           " FROM entry_rule_versions ORDER BY version DESC",
                       {}, [&](const Row& row) {
                         out.push_back(read_rules(row));
                         return ok_status();
                       }));
  return out;
}

Result<std::optional<RuleVersionRecord>> ScreeningRepo::rules_on(const std::string& day) {
  std::optional<RuleVersionRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kRuleColumns) +
                           " FROM entry_rule_versions WHERE effective_on <= $1 "
                           "ORDER BY effective_on DESC, version DESC LIMIT 1",
                       {day}, [&](const Row& row) {
                         out = read_rules(row);
                         return ok_status();
                       }));
  return out;
}

Result<std::vector<ScreeningRepo::EarlierRecord>> ScreeningRepo::earlier_records(
    std::int64_t person_id) {
  std::vector<EarlierRecord> out;
  const std::string record = fmt::format("registration:{}", person_id);
  ESCUDO_TRY(db_.query(
      "SELECT o.record_id, o.probability, EXISTS (SELECT 1 FROM return_decisions r WHERE "
      "r.status = 'executed' AND 'registration:' || r.person_id = o.record_id) "
      "FROM entity_records me JOIN entity_records o ON o.entity_id = me.entity_id "
      "WHERE me.record_id = $1 AND o.record_id <> $1 AND o.record_id LIKE 'registration:%'",
      {record}, [&](const Row& row) {
        std::string id = row.get_text(0).substr(13);
        out.push_back({std::stoll(id), row.get_double(1), row.get_int(2) != 0});
        return ok_status();
      }));
  return out;
}

}  // namespace escudo::store

#include "store/protection_repo.h"

#include <fmt/format.h>

#include <ctime>
#include <map>
#include <tuple>

#include "store/internal/lines.h"

namespace escudo::store {
namespace {

SqlValue optional_text(const std::optional<std::string>& v) {
  return v ? SqlValue(std::string_view(*v)) : SqlValue(nullptr);
}
SqlValue optional_int(const std::optional<std::int64_t>& v) {
  return v ? SqlValue(*v) : SqlValue(nullptr);
}
std::optional<std::int64_t> get_optional_int(const Row& row, int c) {
  return row.is_null(c) ? std::nullopt : std::optional<std::int64_t>(row.get_int(c));
}

using internal::split_lines;

std::string month_of(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04d}-{:02d}", tm.tm_year + 1900, tm.tm_mon + 1);
}

constexpr std::string_view kClaimColumns =
    "id, person_id, lodged_on, status, decided_on, decision_note, appealed_on, updated_at, "
    "updated_by";
ClaimRecord read_claim(const Row& row) {
  return {row.get_int(0),          row.get_int(1),          row.get_text(2),
          row.get_text(3),         row.get_optional_text(4), row.get_text(5),
          row.get_optional_text(6), row.get_int(7),          row.get_text(8)};
}

constexpr std::string_view kReturnColumns =
    "id, person_id, receiving_country, reason, rule_version, voluntary, status, manifest_id, "
    "decided_at, decided_by, executed_at, executed_by, stopped_reason";
ReturnRecord read_return(const Row& row) {
  ReturnRecord r;
  r.id = row.get_int(0);
  r.person_id = row.get_int(1);
  r.receiving_country = row.get_text(2);
  r.reason = row.get_text(3);
  r.rule_version = get_optional_int(row, 4);
  r.voluntary = row.get_int(5) != 0;
  r.status = row.get_text(6);
  r.manifest_id = get_optional_int(row, 7);
  r.decided_at = row.get_int(8);
  r.decided_by = row.get_text(9);
  r.executed_at = get_optional_int(row, 10);
  r.executed_by = row.get_optional_text(11).value_or("");
  r.stopped_reason = row.get_text(12);
  return r;
}

constexpr std::string_view kManifestColumns =
    "id, mode, receiving_country, departs_on, escort, status, created_at, created_by";
ManifestRecord read_manifest(const Row& row) {
  return {row.get_int(0),  row.get_text(1), row.get_text(2), row.get_text(3),
          row.get_text(4), row.get_text(5), row.get_int(6),  row.get_text(7)};
}

Result<std::int64_t> insert_returning(Database& db, std::string_view sql,
                                      std::initializer_list<SqlValue> params) {
  std::int64_t id = 0;
  ESCUDO_TRY(db.query(sql, params, [&](const Row& row) {
    id = row.get_int(0);
    return ok_status();
  }));
  return id;
}

}  // namespace

Result<std::optional<PersonFacts>> ProtectionRepo::person(std::int64_t person_id) {
  std::optional<PersonFacts> out;
  ESCUDO_TRY(db_.query(
      "SELECT p.id, p.nationality, p.age_group, p.birth_date, g.registered_on FROM persons p "
      "JOIN registration_groups g ON g.id = p.group_id WHERE p.id = $1",
      {person_id}, [&](const Row& row) {
        out = PersonFacts{row.get_int(0), row.get_text(1), row.get_text(2),
                          row.get_optional_text(3), row.get_text(4)};
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> ProtectionRepo::insert_claim(const ClaimRecord& c) {
  return insert_returning(
      db_,
      "INSERT INTO protection_claims (person_id, lodged_on, status, decided_on, decision_note, "
      "appealed_on, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {c.person_id, c.lodged_on, c.status, optional_text(c.decided_on), c.decision_note,
       optional_text(c.appealed_on), c.updated_at, c.updated_by});
}

Result<ClaimRecord> ProtectionRepo::claim(std::int64_t id) {
  std::optional<ClaimRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kClaimColumns) + " FROM protection_claims WHERE id = $1",
                       {id}, [&](const Row& row) {
                         out = read_claim(row);
                         return ok_status();
                       }));
  if (!out) return errorf(ErrorCode::kNotFound, "there is no protection claim {}", id);
  return *out;
}

Result<std::vector<ClaimRecord>> ProtectionRepo::claims_of(std::int64_t person_id) {
  std::vector<ClaimRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kClaimColumns) +
                           " FROM protection_claims WHERE person_id = $1 ORDER BY id",
                       {person_id}, [&](const Row& row) {
                         out.push_back(read_claim(row));
                         return ok_status();
                       }));
  return out;
}

Status ProtectionRepo::update_claim(const ClaimRecord& c) {
  return db_.execute(
      "UPDATE protection_claims SET status = $1, decided_on = $2, decision_note = $3, "
      "appealed_on = $4, updated_at = $5, updated_by = $6 WHERE id = $7",
      {c.status, optional_text(c.decided_on), c.decision_note, optional_text(c.appealed_on),
       c.updated_at, c.updated_by, c.id});
}

Result<std::int64_t> ProtectionRepo::insert_trafficking(const TraffickingRecord& t) {
  const std::string indicators = internal::join_lines(t.indicators);
  return insert_returning(
      db_,
      "INSERT INTO trafficking_assessments (person_id, indicators, outcome, assessed_on, "
      "assessed_at, assessed_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {t.person_id, indicators, t.outcome, t.assessed_on, t.assessed_at, t.assessed_by});
}

Result<std::vector<TraffickingRecord>> ProtectionRepo::trafficking_of(std::int64_t person_id) {
  std::vector<TraffickingRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, person_id, indicators, outcome, assessed_on, assessed_at, assessed_by FROM "
      "trafficking_assessments WHERE person_id = $1 ORDER BY id DESC",
      {person_id}, [&](const Row& row) {
        out.push_back({row.get_int(0), row.get_int(1), split_lines(row.get_text_view(2)),
                       row.get_text(3), row.get_text(4), row.get_int(5), row.get_text(6)});
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> ProtectionRepo::insert_best_interest(const BestInterestRecord& b) {
  return insert_returning(
      db_,
      "INSERT INTO best_interest_assessments (person_id, status, recommendation, note, "
      "updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {b.person_id, b.status, b.recommendation, b.note, b.updated_at, b.updated_by});
}

Result<std::vector<BestInterestRecord>> ProtectionRepo::best_interest_of(std::int64_t person_id) {
  std::vector<BestInterestRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, person_id, status, recommendation, note, updated_at, updated_by FROM "
      "best_interest_assessments WHERE person_id = $1 ORDER BY id DESC",
      {person_id}, [&](const Row& row) {
        out.push_back({row.get_int(0), row.get_int(1), row.get_text(2), row.get_text(3),
                       row.get_text(4), row.get_int(5), row.get_text(6)});
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> ProtectionRepo::insert_referral(const ReferralRecord& r) {
  return insert_returning(
      db_,
      "INSERT INTO protection_referrals (person_id, partner, service, consent, consent_note, "
      "referred_at, referred_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {r.person_id, r.partner, r.service, std::int64_t{r.consent ? 1 : 0}, r.consent_note,
       r.referred_at, r.referred_by});
}

Result<std::vector<ReferralRecord>> ProtectionRepo::referrals_of(std::int64_t person_id) {
  std::vector<ReferralRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, person_id, partner, service, consent, consent_note, referred_at, referred_by "
      "FROM protection_referrals WHERE person_id = $1 ORDER BY id",
      {person_id}, [&](const Row& row) {
        out.push_back({row.get_int(0), row.get_int(1), row.get_text(2), row.get_text(3),
                       row.get_int(4) != 0, row.get_text(5), row.get_int(6), row.get_text(7)});
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> ProtectionRepo::insert_return(const ReturnRecord& r) {
  return insert_returning(
      db_,
      "INSERT INTO return_decisions (person_id, receiving_country, reason, rule_version, "
      "voluntary, status, manifest_id, decided_at, decided_by, stopped_reason) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      {r.person_id, r.receiving_country, r.reason, optional_int(r.rule_version),
       std::int64_t{r.voluntary ? 1 : 0}, r.status, optional_int(r.manifest_id), r.decided_at,
       r.decided_by, r.stopped_reason});
}

Result<ReturnRecord> ProtectionRepo::return_decision(std::int64_t id) {
  std::optional<ReturnRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kReturnColumns) + " FROM return_decisions WHERE id = $1",
                       {id}, [&](const Row& row) {
                         out = read_return(row);
                         return ok_status();
                       }));
  if (!out) return errorf(ErrorCode::kNotFound, "there is no return decision {}", id);
  return *out;
}

Result<std::vector<ReturnRecord>> ProtectionRepo::returns_of(std::int64_t person_id) {
  std::vector<ReturnRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kReturnColumns) +
                           " FROM return_decisions WHERE person_id = $1 ORDER BY id",
                       {person_id}, [&](const Row& row) {
                         out.push_back(read_return(row));
                         return ok_status();
                       }));
  return out;
}

Result<std::vector<ReturnRecord>> ProtectionRepo::returns_on_manifest(std::int64_t manifest_id) {
  std::vector<ReturnRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kReturnColumns) +
                           " FROM return_decisions WHERE manifest_id = $1 ORDER BY id",
                       {manifest_id}, [&](const Row& row) {
                         out.push_back(read_return(row));
                         return ok_status();
                       }));
  return out;
}

Status ProtectionRepo::update_return(const ReturnRecord& r) {
  return db_.execute(
      "UPDATE return_decisions SET status = $1, manifest_id = $2, executed_at = $3, "
      "executed_by = $4, stopped_reason = $5, voluntary = $6 WHERE id = $7",
      {r.status, optional_int(r.manifest_id), optional_int(r.executed_at),
       r.executed_by.empty() ? SqlValue(nullptr) : SqlValue(std::string_view(r.executed_by)),
       r.stopped_reason, std::int64_t{r.voluntary ? 1 : 0}, r.id});
}

Result<std::int64_t> ProtectionRepo::insert_override(const OverrideRecord& o) {
  return insert_returning(
      db_,
      "INSERT INTO return_overrides (return_id, ground, statement, requested_by, requested_at) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {o.return_id, o.ground, o.statement, o.requested_by, o.requested_at});
}

Result<std::vector<OverrideRecord>> ProtectionRepo::overrides_of(std::int64_t return_id) {
  std::vector<OverrideRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, return_id, ground, statement, requested_by, requested_at, approved_by, "
      "approved_at FROM return_overrides WHERE return_id = $1 ORDER BY id",
      {return_id}, [&](const Row& row) {
        out.push_back({row.get_int(0), row.get_int(1), row.get_text(2), row.get_text(3),
                       row.get_text(4), row.get_int(5), row.get_optional_text(6).value_or(""),
                       get_optional_int(row, 7)});
        return ok_status();
      }));
  return out;
}

Status ProtectionRepo::approve_override(std::int64_t id, const std::string& by, std::int64_t at) {
  return db_.execute(
      "UPDATE return_overrides SET approved_by = $1, approved_at = $2 WHERE id = $3 AND "
      "approved_by IS NULL",
      {by, at, id});
}

Result<std::int64_t> ProtectionRepo::insert_manifest(const ManifestRecord& m) {
  return insert_returning(
      db_,
      "INSERT INTO return_manifests (mode, receiving_country, departs_on, escort, status, "
      "created_at, created_by) VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING id",
      {m.mode, m.receiving_country, m.departs_on, m.escort, m.created_at, m.created_by});
}

Result<ManifestRecord> ProtectionRepo::manifest(std::int64_t id) {
  std::optional<ManifestRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kManifestColumns) + " FROM return_manifests WHERE id = $1",
                       {id}, [&](const Row& row) {
                         out = read_manifest(row);
                         return ok_status();
                       }));
  if (!out) return errorf(ErrorCode::kNotFound, "there is no return manifest {}", id);
  return *out;
}

Result<std::vector<ManifestRecord>> ProtectionRepo::manifests() {
  std::vector<ManifestRecord> out;
  ESCUDO_TRY(db_.query("SELECT " + std::string(kManifestColumns) +
                           " FROM return_manifests ORDER BY id DESC LIMIT 200",
                       {}, [&](const Row& row) {
                         out.push_back(read_manifest(row));
                         return ok_status();
                       }));
  return out;
}

Status ProtectionRepo::set_manifest_status(std::int64_t id, const std::string& status) {
  return db_.execute("UPDATE return_manifests SET status = $1 WHERE id = $2", {status, id});
}

Status ProtectionRepo::insert_stop(std::int64_t person_id, std::optional<std::int64_t> return_id,
                                   const std::string& safeguard, const std::string& stage,
                                   std::int64_t at, const std::string& by) {
  return db_.execute(
      "INSERT INTO safeguard_stops (person_id, return_id, safeguard, stage, at, by_user) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {person_id, optional_int(return_id), safeguard, stage, at, by});
}

Result<std::vector<FigureRow>> ProtectionRepo::figures(const std::string& from_month,
                                                       const std::string& to_month) {
  std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> counts;
  auto add = [&](std::string measure, std::string nationality, std::string month) {
    if (month < from_month || month > to_month) return;
    ++counts[{std::move(measure), std::move(nationality), std::move(month)}];
  };
  // Times (unix seconds) become months here rather than in SQL, which SQLite and PostgreSQL
  // spell differently.
  ESCUDO_TRY(db_.query(
      "SELECT p.nationality, s.screened_at, s.hits FROM screenings s JOIN persons p ON p.id = "
      "s.person_id",
      {}, [&](const Row& row) {
        std::string month = month_of(row.get_int(1));
        add("screenings", row.get_text(0), month);
        for (std::int64_t i = 0; i < row.get_int(2); ++i) add("hits", row.get_text(0), month);
        return ok_status();
      }));
  ESCUDO_TRY(db_.query(
      "SELECT p.nationality, c.lodged_on, c.status, c.decided_on FROM protection_claims c JOIN "
      "persons p ON p.id = c.person_id",
      {}, [&](const Row& row) {
        add("claims", row.get_text(0), row.get_text(1).substr(0, 7));
        if (!row.is_null(3)) {
          add("decisions:" + row.get_text(2), row.get_text(0), row.get_text(3).substr(0, 7));
        }
        return ok_status();
      }));
  ESCUDO_TRY(db_.query(
      "SELECT p.nationality, r.status, r.decided_at, r.executed_at FROM return_decisions r JOIN "
      "persons p ON p.id = r.person_id",
      {}, [&](const Row& row) {
        add("return_decisions", row.get_text(0), month_of(row.get_int(2)));
        if (!row.is_null(3)) add("returns", row.get_text(0), month_of(row.get_int(3)));
        return ok_status();
      }));
  ESCUDO_TRY(db_.query(
      "SELECT p.nationality, s.safeguard, s.at FROM safeguard_stops s JOIN persons p ON p.id = "
      "s.person_id",
      {}, [&](const Row& row) {
        add("stopped:" + row.get_text(1), row.get_text(0), month_of(row.get_int(2)));
        return ok_status();
      }));
  std::vector<FigureRow> out;
  for (const auto& [key, n] : counts) {
    out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n});
  }
  return out;
}

}  // namespace escudo::store

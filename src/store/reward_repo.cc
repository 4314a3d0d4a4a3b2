#include "store/reward_repo.h"

namespace escudo::store {
namespace {

constexpr std::string_view kSelectNomination =
    "SELECT n.id, n.tip_id, n.tier, n.outcome_kind, n.outcome_on, n.case_event_id, "
    "n.outcome_reference, n.amount_usd_cents, n.justification, n.status, n.nominated_by, "
    "u.username, n.nominated_at, n.decided_at FROM reward_nominations n "
    "JOIN users u ON u.id = n.nominated_by ";

NominationRecord read_nomination(const Row& row) {
  NominationRecord n;
  n.id = row.get_int(0);
  n.tip_id = row.get_int(1);
  n.tier = row.get_text(2);
  n.outcome_kind = row.get_text(3);
  n.outcome_on = row.get_text(4);
  if (!row.is_null(5)) n.case_event_id = row.get_int(5);
  n.outcome_reference = row.get_text(6);
  n.amount_usd_cents = row.get_int(7);
  n.justification = row.get_text(8);
  n.status = row.get_text(9);
  n.nominated_by = row.get_int(10);
  n.nominator = row.get_text(11);
  n.nominated_at = row.get_int(12);
  if (!row.is_null(13)) n.decided_at = row.get_int(13);
  return n;
}

}  // namespace

Result<std::vector<model::RewardTier>> RewardRepo::tiers() {
  std::vector<model::RewardTier> out;
  ESCUDO_TRY(db_.query("SELECT code, name, ceiling_usd_cents FROM reward_tiers ORDER BY code", {},
                       [&](const Row& row) {
                         out.push_back({row.get_text(0), row.get_text(1), row.get_int(2)});
                         return ok_status();
                       }));
  return out;
}

Result<model::RewardTier> RewardRepo::tier(std::string_view code) {
  ESCUDO_ASSIGN_OR_RETURN(auto all, tiers());
  std::string codes;
  for (auto& t : all) {
    if (t.code == code) return t;
    codes += (codes.empty() ? "" : ", ") + t.code;
  }
  return errorf(ErrorCode::kNotFound, "'{}' is not a reward tier; the tiers are {}",
                code.substr(0, 60), codes);
}

Status RewardRepo::set_tier(const model::RewardTier& t, std::int64_t now) {
  return db_.execute(
      "INSERT INTO reward_tiers (code, name, ceiling_usd_cents, updated_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
      "ceiling_usd_cents = excluded.ceiling_usd_cents, updated_at = excluded.updated_at",
      {t.code, t.name, t.ceiling_usd_cents, now});
}

Result<std::int64_t> RewardRepo::insert(const NewNomination& n) {
  std::int64_t id = 0;
  SqlValue event = n.case_event_id ? SqlValue(*n.case_event_id) : SqlValue(nullptr);
  ESCUDO_TRY(db_.query(
      "INSERT INTO reward_nominations (tip_id, tier, outcome_kind, outcome_on, case_event_id, "
      "outcome_reference, amount_usd_cents, justification, nominated_by, nominated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      {n.tip_id, n.tier, n.outcome_kind, n.outcome_on, event, n.outcome_reference,
       n.amount_usd_cents, n.justification, n.nominated_by, n.nominated_at},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<NominationRecord> RewardRepo::find(std::int64_t id) {
  std::optional<NominationRecord> out;
  ESCUDO_TRY(db_.query(std::string(kSelectNomination) + "WHERE n.id = $1", {id}, [&](const Row& row) {
    out = read_nomination(row);
    return ok_status();
  }));
  if (!out) return errorf(ErrorCode::kNotFound, "there is no reward nomination {}", id);
  ESCUDO_TRY(db_.query(
      "SELECT r.reviewer_id, u.username, r.decision, r.reason, r.at FROM reward_reviews r "
      "JOIN users u ON u.id = r.reviewer_id WHERE r.nomination_id = $1 ORDER BY r.at, u.username",
      {id}, [&](const Row& row) {
        out->reviews.push_back({row.get_int(0), row.get_text(1), row.get_text(2), row.get_text(3),
                                row.get_int(4)});
        return ok_status();
      }));
  ESCUDO_TRY(db_.query(
      "SELECT p.amount_usd_cents, p.paid_on, p.reference, u.username, p.recorded_at "
      "FROM reward_payments p JOIN users u ON u.id = p.recorded_by WHERE p.nomination_id = $1",
      {id}, [&](const Row& row) {
        out->payment = RewardPayment{row.get_int(0), row.get_text(1), row.get_text(2),
                                     row.get_text(3), row.get_int(4)};
        return ok_status();
      }));
  return std::move(*out);
}

Result<std::vector<NominationRecord>> RewardRepo::list(std::optional<std::string> status, bool full) {
  std::vector<NominationRecord> out;
  auto collect = [&](const Row& row) {
    out.push_back(read_nomination(row));
    return ok_status();
  };
  if (status) {
    ESCUDO_TRY(db_.query(std::string(kSelectNomination) + "WHERE n.status = $1 ORDER BY n.id DESC",
                         {std::string_view(*status)}, collect));
  } else {
    ESCUDO_TRY(db_.query(std::string(kSelectNomination) + "ORDER BY n.id DESC", {}, collect));
  }
  if (full) {
    for (auto& n : out) {
      ESCUDO_ASSIGN_OR_RETURN(n, find(n.id));
    }
  }
  return out;
}

Status RewardRepo::set_status(std::int64_t id, std::string_view status,
                              std::optional<std::int64_t> decided_at) {
  SqlValue at = decided_at ? SqlValue(*decided_at) : SqlValue(nullptr);
  return db_.execute(
      "UPDATE reward_nominations SET status = $1, decided_at = COALESCE($2, decided_at) "
      "WHERE id = $3",
      {status, at, id});
}

Status RewardRepo::add_review(std::int64_t nomination_id, std::int64_t reviewer_id,
                              std::string_view decision, std::string_view reason, std::int64_t at) {
  return db_.execute(
      "INSERT INTO reward_reviews (nomination_id, reviewer_id, decision, reason, at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {nomination_id, reviewer_id, decision, reason, at});
}

Status RewardRepo::add_payment(std::int64_t nomination_id, const RewardPayment& p,
                               std::int64_t recorded_by) {
  return db_.execute(
      "INSERT INTO reward_payments (nomination_id, amount_usd_cents, paid_on, reference, "
      "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
      {nomination_id, p.amount_usd_cents, p.paid_on, p.reference, recorded_by, p.recorded_at});
}

Result<std::vector<RewardReportRow>> RewardRepo::report() {
  std::vector<RewardReportRow> out;
  ESCUDO_TRY(db_.query(
      "SELECT n.tier, n.status, COUNT(*), SUM(n.amount_usd_cents), "
      "COALESCE(SUM(p.amount_usd_cents), 0) FROM reward_nominations n "
      "LEFT JOIN reward_payments p ON p.nomination_id = n.id GROUP BY n.tier, n.status "
      "ORDER BY n.tier, n.status",
      {}, [&](const Row& row) {
        out.push_back({row.get_text(0), row.get_text(1), row.get_int(2), row.get_int(3),
                       row.get_int(4)});
        return ok_status();
      }));
  return out;
}

}  // namespace escudo::store

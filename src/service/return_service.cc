#include "service/return_service.h"

#include <fmt/format.h>

#include "base/ascii.h"
#include "base/civil_date.h"
#include "service/audit_service.h"
#include "service/protection_service.h"
#include "store/screening_repo.h"

namespace escudo::service {
namespace {

constexpr std::string_view kVoluntary = "voluntary_return";

std::string return_object(std::int64_t id) { return fmt::format("return:{}", id); }

Status check_country(std::string_view field, std::string_view code) {
  if (is_capital_code(code)) return ok_status();
  return errorf(ErrorCode::kInvalidArgument,
                "'{}': '{}' is not an ISO 3166 alpha-3 country code (three capital letters, "
                "such as COL)",
                field, code.substr(0, 20));
}

Status check_text(std::string_view field, std::string_view text, std::size_t max, bool required) {
  if (required && text.empty()) return errorf(ErrorCode::kInvalidArgument, "'{}' is required", field);
  if (text.size() > max) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is longer than {} characters", field, max);
  }
  return ok_status();
}

// The safeguards for the person now, with what an approved override of `return_id` lifts.
Result<SafeguardCheck> check_in(store::ProtectionRepo& repo, std::int64_t person_id,
                                std::optional<std::int64_t> return_id, std::int64_t now) {
  ESCUDO_ASSIGN_OR_RETURN(model::ProtectionState state, protection_state(repo, person_id, now));
  SafeguardCheck c;
  c.blocks = model::return_blocks(state);
  bool override_approved = false;
  if (return_id) {
    ESCUDO_ASSIGN_OR_RETURN(auto overrides, repo.overrides_of(*return_id));
    for (const auto& o : overrides) {
      // Two different officers, checked again here and not only when it was approved.
      if (o.ground == kVoluntary && !o.approved_by.empty() && o.approved_by != o.requested_by) {
        override_approved = true;
      }
    }
  }
  for (const auto& b : c.blocks) {
    c.lifted.push_back(override_approved && model::voluntary_return_lifts(b.safeguard));
  }
  return c;
}

Status record_stops(store::ProtectionRepo& repo, const SafeguardCheck& c, std::int64_t person_id,
                    std::optional<std::int64_t> return_id, std::string_view stage,
                    std::int64_t now, const Actor& actor) {
  for (std::size_t i = 0; i < c.blocks.size(); ++i) {
    if (c.lifted[i]) continue;
    ESCUDO_TRY(repo.insert_stop(person_id, return_id,
                                std::string(model::safeguard_name(c.blocks[i].safeguard)),
                                std::string(stage), now, actor.name));
  }
  return ok_status();
}

}  // namespace

bool SafeguardCheck::allowed() const {
  for (bool l : lifted) {
    if (!l) return false;
  }
  return true;
}

std::string SafeguardCheck::reasons() const {
  std::string out;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (lifted[i]) continue;
    if (!out.empty()) out += "; ";
    out += blocks[i].reason;
  }
  return out;
}

Result<SafeguardCheck> ReturnService::check(const Actor& actor, std::int64_t person_id) {
  if (actor.principal != nullptr && !actor.principal->can(model::Permission::kReturnsExecute) &&
      !actor.principal->can(model::Permission::kProtectionManage)) {
    ESCUDO_TRY(require(*actor.principal, model::Permission::kReturnsDecide));
  }
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db, false));
  store::ProtectionRepo repo(*db);
  return check_in(repo, person_id, std::nullopt, clock_.now_unix_seconds());
}

Result<store::ReturnRecord> ReturnService::decide(const Actor& actor, const ReturnRequest& request) {
  ESCUDO_TRY(allowed(actor, model::Permission::kReturnsDecide));
  ESCUDO_TRY(check_country("receiving_country", request.receiving_country));
  ESCUDO_TRY(check_text("reason", request.reason, 2000, true));
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(SafeguardCheck c, check_in(repo, request.person_id, std::nullopt, now));
  bool liftable = request.voluntary;
  for (const auto& b : c.blocks) liftable = liftable && model::voluntary_return_lifts(b.safeguard);
  if (!c.blocks.empty() && !liftable) {
    ESCUDO_TRY(record_stops(repo, c, request.person_id, std::nullopt, "decision", now, actor));
    const std::string reasons = c.reasons();
    ESCUDO_TRY(append_audit(*db, clock_, actor, "return.stopped",
                            fmt::format("person:{}", request.person_id),
                            fmt::format("stage=decision {}", reasons)));
    ESCUDO_TRY(tx.commit());
    return make_error(ErrorCode::kFailedPrecondition,
                      fmt::format("no return for person {}: {}", request.person_id, reasons),
                      "safeguard");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto earlier, repo.returns_of(request.person_id));
  for (const auto& e : earlier) {
    if (e.status == "decided") {
      return errorf(ErrorCode::kAlreadyExists,
                    "person {} already has return decision {} waiting; cancel it first",
                    request.person_id, e.id);
    }
  }
  std::optional<std::int64_t> rule_version = request.rule_version;
  if (!rule_version) {
    // The entry requirements in force today, so the decision says which rules it applied.
    store::ScreeningRepo rules(*db);
    const std::string today = CivilDate::from_days(static_cast<std::int32_t>(now / 86'400)).to_string();
    ESCUDO_ASSIGN_OR_RETURN(auto in_force, rules.rules_on(today));
    if (in_force) rule_version = in_force->version;
  }
  store::ReturnRecord r{.person_id = request.person_id,
                        .receiving_country = request.receiving_country,
                        .reason = request.reason,
                        .rule_version = rule_version,
                        .voluntary = request.voluntary,
                        .status = "decided",
                        .decided_at = now,
                        .decided_by = actor.name};
  ESCUDO_ASSIGN_OR_RETURN(r.id, repo.insert_return(r));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "return.decide", return_object(r.id),
                          fmt::format("person={} to={} voluntary={} rule_version={}", r.person_id,
                                      r.receiving_country, r.voluntary ? 1 : 0,
                                      r.rule_version ? std::to_string(*r.rule_version) : "-")));
  ESCUDO_TRY(tx.commit());
  return r;
}

Result<store::OverrideRecord> ReturnService::request_override(const Principal& officer,
                                                              std::int64_t return_id,
                                                              const std::string& statement) {
  ESCUDO_TRY(require(officer, model::Permission::kReturnsDecide));
  ESCUDO_TRY(check_text("statement", statement, 4000, true));
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::ReturnRecord r, repo.return_decision(return_id));
  if (r.status != "decided") {
    return errorf(ErrorCode::kFailedPrecondition, "return {} is {}, not waiting", return_id, r.status);
  }
  if (!r.voluntary) {
    return errorf(ErrorCode::kFailedPrecondition,
                  "return {} was not decided as a voluntary return; only the person's own request "
                  "allows an override",
                  return_id);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto existing, repo.overrides_of(return_id));
  if (!existing.empty()) {
    return errorf(ErrorCode::kAlreadyExists, "return {} already has an override requested by {}",
                  return_id, existing.front().requested_by);
  }
  store::OverrideRecord o{.return_id = return_id, .ground = std::string(kVoluntary),
                          .statement = statement, .requested_by = officer.username,
                          .requested_at = now};
  ESCUDO_ASSIGN_OR_RETURN(o.id, repo.insert_override(o));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(officer), "return.override.request",
                          return_object(return_id), "ground=voluntary_return"));
  ESCUDO_TRY(tx.commit());
  return o;
}

Result<store::OverrideRecord> ReturnService::approve_override(const Principal& officer,
                                                              std::int64_t return_id) {
  ESCUDO_TRY(require(officer, model::Permission::kReturnsDecide));
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::ReturnRecord r, repo.return_decision(return_id));
  if (r.status != "decided") {
    return errorf(ErrorCode::kFailedPrecondition, "return {} is {}, not waiting", return_id, r.status);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto overrides, repo.overrides_of(return_id));
  if (overrides.empty()) {
    return errorf(ErrorCode::kFailedPrecondition,
                  "no override was requested for return {}; an officer records the person's "
                  "request first",
                  return_id);
  }
  store::OverrideRecord o = overrides.front();
  if (!o.approved_by.empty()) {
    return errorf(ErrorCode::kAlreadyExists, "the override of return {} was approved by {}",
                  return_id, o.approved_by);
  }
  if (o.requested_by == officer.username) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "you requested this override; a second, different officer must approve it",
                      "same_officer");
  }
  ESCUDO_TRY(repo.approve_override(o.id, officer.username, now));
  o.approved_by = officer.username;
  o.approved_at = now;
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(officer), "return.override.approve",
                          return_object(return_id),
                          fmt::format("ground={} requested_by={}", o.ground, o.requested_by)));
  ESCUDO_TRY(tx.commit());
  return o;
}

Result<store::ManifestRecord> ReturnService::create_manifest(const Actor& actor,
                                                             const ManifestRequest& m) {
  ESCUDO_TRY(allowed(actor, model::Permission::kReturnsExecute));
  if (m.mode != "bus" && m.mode != "flight") {
    return errorf(ErrorCode::kInvalidArgument, "'mode': '{}' is not bus or flight", m.mode.substr(0, 20));
  }
  ESCUDO_TRY(check_country("receiving_country", m.receiving_country));
  if (!CivilDate::parse(m.departs_on)) {
    return errorf(ErrorCode::kInvalidArgument, "'departs_on': '{}' is not a day (YYYY-MM-DD)",
                  m.departs_on.substr(0, 20));
  }
  ESCUDO_TRY(check_text("escort", m.escort, 500, false));
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  store::ManifestRecord rec{.mode = m.mode, .receiving_country = m.receiving_country,
                            .departs_on = m.departs_on, .escort = m.escort, .status = "open",
                            .created_at = now, .created_by = actor.name};
  ESCUDO_ASSIGN_OR_RETURN(rec.id, repo.insert_manifest(rec));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "return.manifest.create",
                          fmt::format("manifest:{}", rec.id),
                          fmt::format("{} to {} on {}", m.mode, m.receiving_country, m.departs_on)));
  ESCUDO_TRY(tx.commit());
  return rec;
}

Result<store::ReturnRecord> ReturnService::add_to_manifest(const Actor& actor,
                                                           std::int64_t manifest_id,
                                                           std::int64_t return_id) {
  ESCUDO_TRY(allowed(actor, model::Permission::kReturnsExecute));
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::ManifestRecord m, repo.manifest(manifest_id));
  ESCUDO_ASSIGN_OR_RETURN(store::ReturnRecord r, repo.return_decision(return_id));
  if (m.status != "open") {
    return errorf(ErrorCode::kFailedPrecondition, "manifest {} was executed already", manifest_id);
  }
  if (r.status != "decided") {
    return errorf(ErrorCode::kFailedPrecondition, "return {} is {}, not waiting", return_id, r.status);
  }
  if (r.receiving_country != m.receiving_country) {
    return errorf(ErrorCode::kInvalidArgument,
                  "return {} goes to {}, manifest {} to {}", return_id, r.receiving_country,
                  manifest_id, m.receiving_country);
  }
  // The builder refuses who may not go now, with the reason; execution checks again.
  ESCUDO_ASSIGN_OR_RETURN(SafeguardCheck c, check_in(repo, r.person_id, r.id, now));
  if (!c.allowed()) {
    return make_error(ErrorCode::kFailedPrecondition,
                      fmt::format("return {} cannot go on a manifest: {}", return_id, c.reasons()),
                      "safeguard");
  }
  r.manifest_id = manifest_id;
  ESCUDO_TRY(repo.update_return(r));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "return.manifest.add", return_object(return_id),
                          fmt::format("manifest={}", manifest_id)));
  ESCUDO_TRY(tx.commit());
  return r;
}

Result<std::vector<store::ManifestRecord>> ReturnService::manifests(const Actor& actor) {
  ESCUDO_TRY(allowed(actor, model::Permission::kReturnsExecute));
  auto db = pool_.acquire();
  store::ProtectionRepo repo(*db);
  return repo.manifests();
}

Result<std::vector<store::ReturnRecord>> ReturnService::manifest_returns(const Actor& actor,
                                                                         std::int64_t manifest_id) {
  ESCUDO_TRY(allowed(actor, model::Permission::kReturnsExecute));
  auto db = pool_.acquire();
  store::ProtectionRepo repo(*db);
  ESCUDO_TRY(repo.manifest(manifest_id));
  return repo.returns_on_manifest(manifest_id);
}

Result<ExecutionOutcome> ReturnService::execute_in(store::Database& db, const Actor& actor,
                                                   store::ReturnRecord r, std::int64_t now) {
  if (r.status != "decided") {
    return errorf(ErrorCode::kFailedPrecondition, "return {} is {}; only a decided return is executed",
                  r.id, r.status);
  }
  store::ProtectionRepo repo(db);
  ESCUDO_ASSIGN_OR_RETURN(SafeguardCheck c, check_in(repo, r.person_id, r.id, now));
  ExecutionOutcome out;
  if (!c.allowed()) {
    r.status = "stopped";
    r.stopped_reason = c.reasons();
    ESCUDO_TRY(repo.update_return(r));
    ESCUDO_TRY(record_stops(repo, c, r.person_id, r.id, "execution", now, actor));
    ESCUDO_TRY(append_audit(db, clock_, actor, "return.stopped", return_object(r.id),
                            fmt::format("stage=execution {}", r.stopped_reason)));
    out.stopped_reason = r.stopped_reason;
  } else {
    r.status = "executed";
    r.executed_at = now;
    r.executed_by = actor.name;
    ESCUDO_TRY(repo.update_return(r));
    std::string lifted;
    for (std::size_t i = 0; i < c.blocks.size(); ++i) {
      lifted += (lifted.empty() ? " lifted=" : ",") + std::string(model::safeguard_name(c.blocks[i].safeguard));
    }
    ESCUDO_TRY(append_audit(db, clock_, actor, "return.execute", return_object(r.id),
                            fmt::format("person={} to={}{}", r.person_id, r.receiving_country, lifted)));
    out.executed = true;
  }
  out.decision = std::move(r);
  return out;
}

Result<ExecutionOutcome> ReturnService::execute(const Actor& actor, std::int64_t return_id) {
  ESCUDO_TRY(allowed(actor, model::Permission::kReturnsExecute));
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::ReturnRecord r, repo.return_decision(return_id));
  ESCUDO_ASSIGN_OR_RETURN(ExecutionOutcome out, execute_in(*db, actor, std::move(r), now));
  ESCUDO_TRY(tx.commit());
  return out;
}

Result<std::vector<ExecutionOutcome>> ReturnService::execute_manifest(const Actor& actor,
                                                                      std::int64_t manifest_id) {
  ESCUDO_TRY(allowed(actor, model::Permission::kReturnsExecute));
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::ManifestRecord m, repo.manifest(manifest_id));
  if (m.status != "open") {
    return errorf(ErrorCode::kFailedPrecondition, "manifest {} was executed already", manifest_id);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto returns, repo.returns_on_manifest(manifest_id));
  std::vector<ExecutionOutcome> out;
  for (auto& r : returns) {
    if (r.status != "decided") continue;
    ESCUDO_ASSIGN_OR_RETURN(ExecutionOutcome o, execute_in(*db, actor, std::move(r), now));
    out.push_back(std::move(o));
  }
  ESCUDO_TRY(repo.set_manifest_status(manifest_id, "executed"));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "return.manifest.execute",
                          fmt::format("manifest:{}", manifest_id),
                          fmt::format("returns={}", out.size())));
  ESCUDO_TRY(tx.commit());
  return out;
}

Result<store::ReturnRecord> ReturnService::cancel(const Actor& actor, std::int64_t return_id,
                                                  const std::string& why) {
  ESCUDO_TRY(allowed(actor, model::Permission::kReturnsDecide));
  ESCUDO_TRY(check_text("why", why, 2000, true));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::ReturnRecord r, repo.return_decision(return_id));
  if (r.status != "decided") {
    return errorf(ErrorCode::kFailedPrecondition, "return {} is {}; only a waiting return is cancelled",
                  return_id, r.status);
  }
  r.status = "cancelled";
  r.stopped_reason = why;
  r.manifest_id.reset();
  ESCUDO_TRY(repo.update_return(r));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "return.cancel", return_object(return_id), why));
  ESCUDO_TRY(tx.commit());
  return r;
}

Result<std::vector<store::FigureRow>> ReturnService::figures(const Actor& actor,
                                                             const std::string& from_month,
                                                             const std::string& to_month) {
  ESCUDO_TRY(allowed(actor, model::Permission::kScreeningFigures));
  for (const auto* m : {&from_month, &to_month}) {
    if (!YearMonth::parse(*m)) {
      return errorf(ErrorCode::kInvalidArgument, "'{}' is not a month (YYYY-MM)", m->substr(0, 20));
    }
  }
  auto db = pool_.acquire();
  store::ProtectionRepo repo(*db);
  return repo.figures(from_month, to_month);
}

}  // namespace escudo::service

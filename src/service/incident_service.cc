#include "service/incident_service.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "base/civil_date.h"
#include "service/audit_service.h"

namespace escudo::service {
namespace {

using model::Permission;

enum class Access { kRecords, kSurvivor };

// Who may read incidents, and how much of a survivor's record. The command line reads as an
// export does: what leaves a server obeys the survivor's consent.
Result<Access> access_of(const Actor& actor) {
  if (actor.principal == nullptr) return Access::kRecords;
  const Principal& p = *actor.principal;
  if (p.can(Permission::kIncidentsSurvivor) && !p.must_enrol_totp) return Access::kSurvivor;
  if (!p.can(Permission::kIncidentsRead) && p.can(Permission::kOperationsPlan) && !p.must_enrol_totp) {
    return Access::kRecords;
  }
  ESCUDO_TRY(require(p, Permission::kIncidentsRead));
  return Access::kRecords;
}

double round_to(double v, double step) { return std::round(v / step) * step; }

// What of `in` leaves for a reader without incidents.survivor, or nothing.
std::optional<IncidentView> view_for(model::Incident in, Access access) {
  if (access == Access::kSurvivor || !in.is_survivor_record()) return IncidentView{std::move(in), false};
  bool maps = in.has_consent(model::Consent::kMaps);
  bool prosecution = in.has_consent(model::Consent::kProsecution);
  if (!maps && !prosecution) return std::nullopt;
  model::Incident out;
  out.type = in.type;
  out.month = in.month;
  out.lat = round_to(in.lat, 0.05);
  out.lon = round_to(in.lon, 0.05);
  out.source = in.source;
  out.reliability = in.reliability;
  if (prosecution) {
    out.id = in.id;
    out.suspect_entity_ids = in.suspect_entity_ids;
  }
  return IncidentView{std::move(out), true};
}

Status check_month(std::string_view field, const std::string& month) {
  if (!month.empty() && !YearMonth::parse(month)) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' must be a month (YYYY-MM)", field);
  }
  return ok_status();
}

}  // namespace

namespace internal_incidents {

// Every incident matching `query` (whole records), for the service's own use.
Result<std::vector<model::Incident>> load(store::DatabasePool& pool, const IncidentQuery& query) {
  ESCUDO_TRY(check_month("from", query.from));
  ESCUDO_TRY(check_month("to", query.to));
  auto db = pool.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto all, store::IncidentRepo(*db).list(
                                        {.type = query.type, .from_month = query.from, .to_month = query.to}));
  if (query.within) {
    std::erase_if(all, [&](const model::Incident& in) { return !query.within->contains({in.lon, in.lat}); });
  }
  return all;
}

Result<bool> may_see_survivors(const Actor& actor) {
  ESCUDO_ASSIGN_OR_RETURN(Access a, access_of(actor));
  return a == Access::kSurvivor;
}

std::optional<IncidentView> view(model::Incident in, bool survivor_access) {
  return view_for(std::move(in), survivor_access ? Access::kSurvivor : Access::kRecords);
}

}  // namespace internal_incidents

double incident_weight(model::IncidentType type, std::int64_t victims, std::int64_t dead_or_missing) {
  using enum model::IncidentType;
  double severity = 1;
  switch (type) {
    case kHomicide: case kSexualViolence: severity = 5; break;
    case kKidnapping: case kDisappearance: severity = 4; break;
    case kAssault: case kDrowning: case kUnknownCause: severity = 3; break;
    case kRobbery: case kExtortion: case kIllnessExhaustion: case kAccident: severity = 2; break;
    case kRescue: severity = 1; break;
  }
  return severity * static_cast<double>(std::max<std::int64_t>({1, victims, dead_or_missing}));
}

double incident_weight(const model::Incident& in) {
  return incident_weight(in.type, in.victims.total(), in.dead_or_missing);
}

Result<std::int64_t> IncidentService::record(const Principal& principal, model::Incident in) {
  ESCUDO_TRY(require(principal, Permission::kIncidentsWrite));
  if (in.is_survivor_record()) ESCUDO_TRY(require(principal, Permission::kIncidentsSurvivor));
  auto problems = model::validate_incident(in);
  if (!problems.empty()) {
    std::string message;
    for (const auto& p : problems) message += (message.empty() ? "" : "; ") + p.message;
    return make_error(ErrorCode::kInvalidArgument, message, problems.front().field);
  }
  if (!in.occurred_on.empty()) {
    auto date = CivilDate::parse(in.occurred_on);
    if (date && *date > civil_date_from_unix_seconds(clock_.now_unix_seconds())) {
      return make_error(ErrorCode::kInvalidArgument, "'occurred_on' cannot be in the future", "occurred_on");
    }
  }
  in.recorded_by = principal.username;
  in.recorded_at = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, store::IncidentRepo(*db).insert(in, std::nullopt));
  // The audit detail names the type and month only: never a survivor's code.
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "incident.record", fmt::format("incident:{}", id),
                          fmt::format("type={} month={}", model::incident_type_name(in.type), in.month)));
  ESCUDO_TRY(tx.commit());
  return id;
}

Result<std::vector<IncidentView>> IncidentService::list(const Actor& actor, const IncidentQuery& query) {
  ESCUDO_ASSIGN_OR_RETURN(Access access, access_of(actor));
  ESCUDO_ASSIGN_OR_RETURN(auto all, internal_incidents::load(pool_, query));
  std::vector<IncidentView> out;
  out.reserve(all.size());
  std::int64_t survivor_records = 0;
  for (auto& in : all) {
    if (in.is_survivor_record()) ++survivor_records;
    if (auto v = view_for(std::move(in), access)) out.push_back(std::move(*v));
  }
  if (access == Access::kSurvivor && survivor_records > 0) {
    auto db = pool_.acquire();
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
    ESCUDO_TRY(append_audit(*db, clock_, actor, "incident.survivor_read", "incidents",
                            fmt::format("list of {} survivors' records", survivor_records)));
    ESCUDO_TRY(tx.commit());
  }
  return out;
}

Result<IncidentView> IncidentService::get(const Principal& principal, std::int64_t id) {
  Actor actor = Actor::of(principal);
  ESCUDO_ASSIGN_OR_RETURN(Access access, access_of(actor));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto found, store::IncidentRepo(*db).find(id));
  if (!found) return errorf(ErrorCode::kNotFound, "there is no incident {}", id);
  if (found->is_survivor_record()) {
    if (access != Access::kSurvivor) {
      auto v = view_for(std::move(*found), access);
      if (v && v->incident.id == id) return std::move(*v);
      return errorf(ErrorCode::kPermissionDenied,
                    "incident {} is a survivor's record; only protection officers read it (ask "
                    "them, with the survivor's consent)",
                    id);
    }
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
    ESCUDO_TRY(append_audit(*db, clock_, actor, "incident.survivor_read", fmt::format("incident:{}", id), ""));
    ESCUDO_TRY(tx.commit());
  }
  return IncidentView{std::move(*found), false};
}

Result<std::vector<IncidentCount>> IncidentService::counts(const Actor& actor, const IncidentQuery& query,
                                                           bool by_month) {
  ESCUDO_TRY(access_of(actor));
  ESCUDO_ASSIGN_OR_RETURN(auto all, internal_incidents::load(pool_, query));
  std::map<std::pair<std::string, std::string>, IncidentCount> rows;
  for (const auto& in : all) {
    std::string period = by_month ? in.month : in.month.substr(0, 4);
    std::string type(model::incident_type_name(in.type));
    IncidentCount& c = rows[{period, type}];
    c.period = period;
    c.type = type;
    ++c.incidents;
    c.dead_or_missing += in.dead_or_missing;
    c.victims += in.victims.total();
  }
  std::vector<IncidentCount> out;
  for (auto& [key, c] : rows) out.push_back(std::move(c));
  return out;
}

namespace {

// Whether `principal` may see incident `in` whole and the persons linked to it.
Status require_sees_links(const Principal& principal, const model::Incident& in) {
  if (principal.must_enrol_totp) {
    return make_error(ErrorCode::kPermissionDenied, "enrol a second factor before reading victims' registrations");
  }
  if (!principal.can(Permission::kIdentityRead)) {
    return make_error(ErrorCode::kPermissionDenied,
                      "victims' registrations are shown only to roles that read identities (ask a protection officer)");
  }
  if (in.is_survivor_record() && !principal.can(Permission::kIncidentsSurvivor)) {
    return errorf(ErrorCode::kPermissionDenied,
                  "incident {} is a survivor's record; only protection officers see her registration", in.id);
  }
  if (!in.is_survivor_record() && !principal.can(Permission::kIncidentsRead) &&
      !principal.can(Permission::kIncidentsSurvivor)) {
    return make_error(ErrorCode::kPermissionDenied, "reading incidents needs incidents.read");
  }
  return ok_status();
}

}  // namespace

Status IncidentService::link_victim(const Principal& principal, std::int64_t id, std::int64_t person_id) {
  ESCUDO_TRY(require(principal, Permission::kIncidentsWrite));
  if (person_id <= 0) {
    return make_error(ErrorCode::kInvalidArgument, "'person_id' must be a positive whole number", "person_id");
  }
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::IncidentRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(auto found, repo.find(id));
  if (!found) return errorf(ErrorCode::kNotFound, "there is no incident {}", id);
  ESCUDO_TRY(require_sees_links(principal, *found));
  if (found->is_survivor_record() && !found->has_consent(model::Consent::kRegistration)) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "the survivor has not consented to linking her record to her registration "
                      "(consent 'registration'); nothing was linked",
                      "person_id");
  }
  ESCUDO_TRY(repo.link_victim({.incident_id = id, .person_id = person_id, .linked_by = principal.username,
                               .linked_at = clock_.now_unix_seconds()}));
  // A survivor's link stays out of the audit detail: the log must not tie her record to a name.
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "incident.victim_link", fmt::format("incident:{}", id),
                          found->is_survivor_record() ? std::string() : fmt::format("person:{}", person_id)));
  return tx.commit();
}

Result<std::vector<store::VictimLink>> IncidentService::victim_links(const Principal& principal, std::int64_t id) {
  auto db = pool_.acquire();
  store::IncidentRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(auto found, repo.find(id));
  if (!found) return errorf(ErrorCode::kNotFound, "there is no incident {}", id);
  ESCUDO_TRY(require_sees_links(principal, *found));
  ESCUDO_ASSIGN_OR_RETURN(auto links, repo.victim_links(id));
  if (found->is_survivor_record() && !links.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
    ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "incident.survivor_read",
                            fmt::format("incident:{}", id), "victims' registrations"));
    ESCUDO_TRY(tx.commit());
  }
  return links;
}

Result<std::int64_t> IncidentService::create_operation(const Actor& actor, const OperationInput& in) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, Permission::kOperationsPlan));
  if (in.name.empty() || in.name.size() > 200) {
    return make_error(ErrorCode::kInvalidArgument, "'name' is required (at most 200 bytes)", "name");
  }
  auto from = YearMonth::parse(in.from);
  auto to = YearMonth::parse(in.to);
  if (!from) return make_error(ErrorCode::kInvalidArgument, "'from' must be a month (YYYY-MM)", "from");
  if (!to || *to < *from) return make_error(ErrorCode::kInvalidArgument, "'to' must be a month (YYYY-MM), not before 'from'", "to");
  if (in.ground_units < 0 || in.air_units < 0) {
    return make_error(ErrorCode::kInvalidArgument, "units cannot be negative", "ground_units");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto known, sectors(actor));
  for (const auto& code : in.sectors) {
    if (std::none_of(known.begin(), known.end(), [&](const Sector& s) { return s.code == code; })) {
      return errorf(ErrorCode::kInvalidArgument, "'sectors': there is no sector '{}'", code);
    }
  }
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, store::IncidentRepo(*db).insert_operation(
                                               {.name = in.name, .from_month = in.from, .to_month = in.to,
                                                .sectors = in.sectors, .ground_units = in.ground_units,
                                                .air_units = in.air_units, .created_by = actor.name,
                                                .created_at = clock_.now_unix_seconds()}));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "operation.create", fmt::format("operation:{}", id), in.name));
  ESCUDO_TRY(tx.commit());
  return id;
}

Status IncidentService::record_operation_results(const Actor& actor, std::int64_t id, std::int64_t arrests,
                                                 std::int64_t seizures, std::int64_t rescues,
                                                 std::string_view notes) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, Permission::kOperationsPlan));
  if (arrests < 0 || seizures < 0 || rescues < 0) {
    return make_error(ErrorCode::kInvalidArgument, "arrests, seizures and rescues cannot be negative");
  }
  if (notes.size() > 4000) return make_error(ErrorCode::kInvalidArgument, "'notes' is longer than 4000 bytes", "notes");
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(store::IncidentRepo(*db).set_operation_results(id, arrests, seizures, rescues, notes));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "operation.results", fmt::format("operation:{}", id),
                          fmt::format("arrests={} seizures={} rescues={}", arrests, seizures, rescues)));
  return tx.commit();
}

Result<std::vector<OperationReport>> IncidentService::operations(const Actor& actor) {
  ESCUDO_TRY(access_of(actor));
  std::vector<store::OperationRecord> ops;
  {
    auto db = pool_.acquire();
    ESCUDO_ASSIGN_OR_RETURN(ops, store::IncidentRepo(*db).operations());
  }
  ESCUDO_ASSIGN_OR_RETURN(auto known, sectors(actor));
  ESCUDO_ASSIGN_OR_RETURN(auto all, internal_incidents::load(pool_, {}));
  std::vector<OperationReport> out;
  for (auto& op : ops) {
    OperationReport r;
    YearMonth from = YearMonth::parse(op.from_month).value();
    YearMonth to = YearMonth::parse(op.to_month).value();
    int months = to.months_since(from) + 1;
    YearMonth before_from = from;
    for (int i = 0; i < months; ++i) before_from = YearMonth(before_from.year() - (before_from.month() == 1 ? 1 : 0),
                                                           before_from.month() == 1 ? 12 : before_from.month() - 1);
    std::vector<const Sector*> in_op;
    for (const auto& s : known) {
      if (std::find(op.sectors.begin(), op.sectors.end(), s.code) != op.sectors.end()) in_op.push_back(&s);
    }
    for (const auto& in : all) {
      bool inside = std::any_of(in_op.begin(), in_op.end(),
                                [&](const Sector* s) { return geo::contains(s->polygon, {in.lon, in.lat}); });
      if (!inside) continue;
      YearMonth m = YearMonth::parse(in.month).value();
      if (m >= from && m <= to) {
        ++r.incidents_during;
        r.dead_or_missing_during += in.dead_or_missing;
      } else if (m >= before_from && m < from) {
        ++r.incidents_before;
        r.dead_or_missing_before += in.dead_or_missing;
      }
    }
    r.operation = std::move(op);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace escudo::service

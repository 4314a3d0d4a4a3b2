#include "service/case_service.h"

#include <algorithm>
#include <map>

#include "base/ascii.h"
#include "base/civil_date.h"
#include "service/audit_service.h"
#include "store/intel_repo.h"
#include "store/user_repo.h"

namespace escudo::service {
namespace {

constexpr std::array kStatuses = {"open", "suspended", "closed"};
constexpr std::array kEventKinds = {"arrest",      "charge",        "conviction",  "acquittal",
                                    "extradition", "asset_seizure", "death_linked"};
constexpr std::array kItemKinds = {"entity", "link", "tip", "incident"};

bool is_iso3(std::string_view text) { return is_capital_code(text); }

template <typename Words>
bool is_one_of(const Words& words, std::string_view word) {
  return std::ranges::any_of(words, [&](std::string_view w) { return w == word; });
}

Status check_text(std::string_view value, std::string_view what) {
  if (value.empty() || value.size() > 300) {
    return errorf(ErrorCode::kInvalidArgument, "{} must have 1 to 300 bytes", what);
  }
  return ok_status();
}

bool may(const Actor& actor, model::Permission permission) {
  return actor.principal == nullptr || actor.principal->can(permission);
}

// "YYYY-MM" → its first or last day; a day stays itself.
Result<std::string> bound_day(const std::optional<std::string>& text, bool last, std::string_view what) {
  if (!text || text->empty()) return std::string();
  if (text->size() == 7) {
    auto first = CivilDate::parse(*text + "-01");
    if (!first) return errorf(ErrorCode::kInvalidArgument, "{}: '{}' is not a month (YYYY-MM)", what, *text);
    if (!last) return first->to_string();
    return *text + "-31";  // text comparison: every day of the month sorts before it
  }
  auto day = CivilDate::parse(*text);
  if (!day) return errorf(ErrorCode::kInvalidArgument, "{}: '{}' is not a month (YYYY-MM)", what, *text);
  return day->to_string();
}

}  // namespace

Result<store::CaseRow> CaseService::open_case(store::Database& db, const Actor& actor, std::int64_t id) {
  store::CaseRepo repo(db);
  const bool knows = may(actor, model::Permission::kCasesRead) || may(actor, model::Permission::kCasesAll);
  ESCUDO_ASSIGN_OR_RETURN(auto found, repo.find(id));
  if (!found || !knows) {
    if (actor.principal != nullptr && !knows) {
      ESCUDO_TRY(require(*actor.principal, model::Permission::kCasesRead));
    }
    return errorf(ErrorCode::kNotFound, "there is no case {}", id);
  }
  if (may(actor, model::Permission::kCasesAll)) return *found;
  ESCUDO_ASSIGN_OR_RETURN(bool member, repo.is_member(id, actor.principal->user_id.value()));
  if (member) return *found;
  return make_error(ErrorCode::kPermissionDenied,
                    fmt::format("case {} exists but you are not a member; ask its lead, {} ({}), to "
                                "add you",
                                id, found->lead_display_name, found->lead_username),
                    "not_a_member");
}

Result<std::int64_t> CaseService::create(const Actor& actor, const NewCase& c) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, model::Permission::kCasesManage));
  ESCUDO_TRY(check_text(c.title, "the title"));
  ESCUDO_TRY(check_text(c.agency, "the agency"));
  if (!is_iso3(c.country)) return errorf(ErrorCode::kInvalidArgument, "'{}' is not a country code (ISO 3166 alpha-3, e.g. PAN)", c.country);
  if (!is_one_of(kStatuses, c.status)) return errorf(ErrorCode::kInvalidArgument, "'{}' is not a status; use open, suspended or closed", c.status);
  std::string lead = c.lead.empty() && actor.principal != nullptr ? actor.principal->username : c.lead;
  if (lead.empty()) return make_error(ErrorCode::kInvalidArgument, "name the case's lead");
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_ASSIGN_OR_RETURN(auto user, store::UserRepo(*db).find_by_username(lead));
  const std::int64_t now = clock_.now_unix_seconds();
  store::CaseRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, repo.add_case({.title = c.title, .agency = c.agency,
                                                          .country = c.country, .status = c.status,
                                                          .lead_user_id = user.user.id.value(),
                                                          .created_at = now}));
  ESCUDO_TRY(repo.add_member(id, user.user.id.value(), actor.name, now));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "case.create", fmt::format("case:{}", id),
                          fmt::format("agency={} country={} lead={}", c.agency, c.country, lead)));
  ESCUDO_TRY(tx.commit());
  return id;
}

Result<std::vector<CaseSummary>> CaseService::list(const Actor& actor) {
  if (!may(actor, model::Permission::kCasesAll)) ESCUDO_TRY(require(*actor.principal, model::Permission::kCasesRead));
  auto db = pool_.acquire();
  store::CaseRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(auto all, repo.list());
  std::vector<std::int64_t> mine;
  if (actor.principal != nullptr) {
    ESCUDO_ASSIGN_OR_RETURN(mine, repo.cases_of(actor.principal->user_id.value()));
  }
  std::vector<CaseSummary> out;
  for (auto& row : all) {
    bool member = std::ranges::find(mine, row.id) != mine.end();
    if (member || may(actor, model::Permission::kCasesAll)) out.push_back({std::move(row), member});
  }
  return out;
}

Result<CaseView> CaseService::get(const Actor& actor, std::int64_t id) {
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto row, open_case(*db, actor, id));
  store::CaseRepo repo(*db);
  store::IntelRepo intel(*db);
  const bool names = shows_names(actor);
  CaseView view;
  view.row = std::move(row);
  ESCUDO_ASSIGN_OR_RETURN(view.members, repo.members(id));
  ESCUDO_ASSIGN_OR_RETURN(auto items, repo.items(id));
  auto label_of = [&](std::int64_t entity_id) -> Result<std::pair<std::string, std::string>> {
    ESCUDO_ASSIGN_OR_RETURN(auto e, intel.entity(entity_id));
    if (!e) return std::pair<std::string, std::string>{"", ""};
    if (e->kind == "person" && !names) return std::pair{fmt::format("person {}", e->id), e->kind};
    return std::pair{e->label, e->kind};
  };
  for (auto& item : items) {
    CaseItemView v;
    if (item.kind == "entity") {
      ESCUDO_ASSIGN_OR_RETURN(auto lk, label_of(item.item_id));
      v.label = lk.first;
      v.kind = lk.second;
    } else if (item.kind == "link") {
      ESCUDO_ASSIGN_OR_RETURN(auto link, intel.link(item.item_id));
      if (link) v.label = fmt::format("{} {} → {} ({})", link->type, link->source_id, link->target_id, link->source_record);
    }
    v.item = std::move(item);
    view.items.push_back(std::move(v));
  }
  ESCUDO_ASSIGN_OR_RETURN(auto events, repo.events_of_case(id));
  for (auto& e : events) {
    ESCUDO_ASSIGN_OR_RETURN(auto lk, label_of(e.entity_id));
    view.events.push_back({std::move(e), lk.first});
  }
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "case.read", fmt::format("case:{}", id), ""));
  ESCUDO_TRY(tx.commit());
  return view;
}

Result<std::vector<EntityCase>> CaseService::cases_of_entity(const Actor& actor, std::int64_t entity_id) {
  ESCUDO_ASSIGN_OR_RETURN(auto visible, list(actor));
  auto db = pool_.acquire();
  store::CaseRepo repo(*db);
  std::vector<EntityCase> out;
  for (auto& summary : visible) {
    ESCUDO_ASSIGN_OR_RETURN(auto items, repo.items(summary.row.id));
    ESCUDO_ASSIGN_OR_RETURN(auto events, repo.events_of_case(summary.row.id));
    EntityCase c;
    bool holds = false;
    for (const auto& item : items) {
      holds = holds || (item.kind == "entity" && item.item_id == entity_id);
      if (item.kind == "tip") c.tips.push_back(item.item_id);
    }
    for (auto& e : events) {
      if (e.entity_id == entity_id) c.events.push_back(std::move(e));
    }
    if (!holds && c.events.empty()) continue;
    c.summary = std::move(summary);
    out.push_back(std::move(c));
  }
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "case.entity.read", fmt::format("intel_entity:{}", entity_id),
                          fmt::format("cases={}", out.size())));
  ESCUDO_TRY(tx.commit());
  return out;
}

Status CaseService::add_member(const Actor& actor, std::int64_t case_id, const std::string& username) {
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto row, open_case(*db, actor, case_id));
  if (actor.principal != nullptr && actor.principal->user_id.value() != row.lead_user_id) {
    return errorf(ErrorCode::kPermissionDenied, "only the case's lead, {} ({}), adds members",
                  row.lead_display_name, row.lead_username);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_ASSIGN_OR_RETURN(auto user, store::UserRepo(*db).find_by_username(username));
  auto added = store::CaseRepo(*db).add_member(case_id, user.user.id.value(), actor.name, clock_.now_unix_seconds());
  if (!added && added.error().code() == ErrorCode::kAlreadyExists) {
    return errorf(ErrorCode::kAlreadyExists, "{} is a member of case {} already", username, case_id);
  }
  ESCUDO_TRY(added);
  ESCUDO_TRY(append_audit(*db, clock_, actor, "case.member.add", fmt::format("case:{}", case_id),
                          fmt::format("user={}", username)));
  return tx.commit();
}

Status CaseService::add_item(const Actor& actor, std::int64_t case_id, const std::string& kind,
                             std::int64_t item_id) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, model::Permission::kCasesManage));
  if (!is_one_of(kItemKinds, kind)) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not an item kind; use entity, link, tip or incident", kind);
  }
  if (item_id <= 0) return make_error(ErrorCode::kInvalidArgument, "an item id is a positive number");
  auto db = pool_.acquire();
  ESCUDO_TRY(open_case(*db, actor, case_id));
  store::IntelRepo intel(*db);
  if (kind == "entity") {
    ESCUDO_ASSIGN_OR_RETURN(auto e, intel.entity(item_id));
    if (!e) return errorf(ErrorCode::kNotFound, "there is no entity {}", item_id);
  } else if (kind == "link") {
    ESCUDO_ASSIGN_OR_RETURN(auto l, intel.link(item_id));
    if (!l) return errorf(ErrorCode::kNotFound, "there is no link {}", item_id);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  auto added = store::CaseRepo(*db).add_item(case_id, {kind, item_id, actor.name, clock_.now_unix_seconds()});
  if (!added && added.error().code() == ErrorCode::kAlreadyExists) {
    return errorf(ErrorCode::kAlreadyExists, "case {} holds {} {} already", case_id, kind, item_id);
  }
  ESCUDO_TRY(added);
  ESCUDO_TRY(append_audit(*db, clock_, actor, "case.item.add", fmt::format("case:{}", case_id),
                          fmt::format("{}={}", kind, item_id)));
  return tx.commit();
}

Result<std::int64_t> CaseService::add_event(const Actor& actor, std::int64_t case_id, const NewCaseEvent& e) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, model::Permission::kCasesManage));
  if (!is_one_of(kEventKinds, e.kind)) {
    return errorf(ErrorCode::kInvalidArgument,
                  "'{}' is not an event; use arrest, charge, conviction, acquittal, extradition, "
                  "asset_seizure or death_linked",
                  e.kind);
  }
  auto day = CivilDate::parse(e.date);
  if (!day || e.date.size() != 10) return errorf(ErrorCode::kInvalidArgument, "'{}' is not a date (YYYY-MM-DD)", e.date);
  ESCUDO_TRY(check_text(e.agency, "the agency"));
  if (!is_iso3(e.country)) return errorf(ErrorCode::kInvalidArgument, "'{}' is not a country code (ISO 3166 alpha-3, e.g. PAN)", e.country);
  if (e.note.size() > 2000) return make_error(ErrorCode::kInvalidArgument, "the note is longer than 2000 bytes");
  auto db = pool_.acquire();
  ESCUDO_TRY(open_case(*db, actor, case_id));
  ESCUDO_ASSIGN_OR_RETURN(auto entity, store::IntelRepo(*db).entity(e.entity_id));
  if (!entity) return errorf(ErrorCode::kNotFound, "there is no entity {}", e.entity_id);
  if (entity->kind != "person" && entity->kind != "organisation") {
    return errorf(ErrorCode::kInvalidArgument, "events are about people and organisations, not a {}", entity->kind);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::CaseEventRow row{.case_id = case_id, .entity_id = e.entity_id, .kind = e.kind,
                          .happened_on = e.date, .agency = e.agency, .country = e.country,
                          .note = e.note, .entered_by = actor.name,
                          .entered_at = clock_.now_unix_seconds()};
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, store::CaseRepo(*db).add_event(row));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "case.event.add", fmt::format("case:{}", case_id),
                          fmt::format("event={} kind={} entity={} date={}", id, e.kind, e.entity_id, e.date)));
  ESCUDO_TRY(tx.commit());
  intel_.invalidate();  // key players read the events
  return id;
}

Result<std::vector<FigureRow>> CaseService::figures(const Actor& actor, const FiguresQuery& q) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, model::Permission::kCasesFigures));
  ESCUDO_ASSIGN_OR_RETURN(std::string from, bound_day(q.from, false, "from"));
  ESCUDO_ASSIGN_OR_RETURN(std::string to, bound_day(q.to, true, "to"));
  if (!from.empty() && !to.empty() && from > to) return make_error(ErrorCode::kInvalidArgument, "'from' is after 'to'");
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto counts, store::CaseRepo(*db).count_events(q.by_year, from, to));
  std::map<std::tuple<std::string, std::string, std::string>, FigureRow> rows;
  for (const auto& c : counts) {
    if (c.kind != "arrest" && c.kind != "conviction") continue;
    auto& row = rows[{c.period, c.agency, c.country}];
    row.period = c.period;
    row.agency = c.agency;
    row.country = c.country;
    (c.kind == "arrest" ? row.arrests : row.convictions) += c.count;
  }
  std::vector<FigureRow> out;
  for (auto& [key, row] : rows) out.push_back(std::move(row));
  return out;
}

}  // namespace escudo::service

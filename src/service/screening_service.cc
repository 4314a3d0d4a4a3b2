#include "service/screening_service.h"

#include <fmt/format.h>

#include <set>
#include <unordered_map>

#include "base/ascii.h"
#include "base/civil_date.h"
#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "base/json.h"
#include "base/log.h"
#include "crypto/crypto.h"
#include "resolve/nicknames.h"
#include "resolve/record.h"
#include "screen/screener.h"
#include "service/audit_service.h"
#include "service/protection_service.h"
#include "service/resolve_service.h"
#include "store/entity_repo.h"

namespace escudo::service {
namespace {

constexpr int kMaxErrorsListed = 50;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_cell(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    if (i == cell.size() || cell[i] == ';') {
      std::string_view part = trim(cell.substr(start, i - start));
      if (!part.empty()) out.emplace_back(part);
      start = i + 1;
    }
  }
  return out;
}

// The columns a watchlist file may have.
struct Columns {
  int entry_id = -1, name = -1, given_name = -1, surname = -1, aliases = -1, dates_of_birth = -1,
      nationalities = -1, documents = -1, listed_for = -1;
};

Result<Columns> find_columns(const std::vector<std::string>& header) {
  Columns c;
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    std::string_view h = trim(header[static_cast<std::size_t>(i)]);
    if (h == "entry_id") c.entry_id = i;
    else if (h == "name") c.name = i;
    else if (h == "given_name") c.given_name = i;
    else if (h == "surname") c.surname = i;
    else if (h == "aliases") c.aliases = i;
    else if (h == "dates_of_birth") c.dates_of_birth = i;
    else if (h == "nationalities") c.nationalities = i;
    else if (h == "documents") c.documents = i;
    else if (h == "listed_for") c.listed_for = i;
  }
  if (c.entry_id < 0) {
    return make_error(ErrorCode::kInvalidArgument,
                      "line 1: no column 'entry_id'; a watchlist has entry_id and name (or "
                      "given_name and surname), and may have aliases, dates_of_birth, "
                      "nationalities, documents, listed_for");
  }
  if (c.name < 0 && c.given_name < 0 && c.surname < 0) {
    return make_error(ErrorCode::kInvalidArgument,
                      "line 1: no column 'name' (or 'given_name' and 'surname')");
  }
  return c;
}

std::string cell(const std::vector<std::string>& row, int column) {
  return column < 0 || column >= static_cast<int>(row.size())
             ? std::string()
             : std::string(trim(row[static_cast<std::size_t>(column)]));
}

Status check_country_code(std::string_view code) {
  if (is_capital_code(code)) return ok_status();
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not an ISO 3166 alpha-3 code", code.substr(0, 20));
}

screen::WatchlistEntry to_entry(const store::WatchlistEntryRecord& e) {
  screen::WatchlistEntry w;
  w.entry_id = fmt::format("{}/{}", e.version_id, e.entry_id);
  w.names = e.names;
  w.given_name = e.given_name;
  w.surname = e.surname;
  for (const auto& d : e.dates_of_birth) {
    auto date = resolve::parse_partial_date(d, resolve::DateFormat::kIso);
    if (date && date->known()) w.dates_of_birth.push_back(*date);
  }
  w.nationalities = e.nationalities;
  for (const auto& d : e.documents) {
    // "type|country|number"
    auto a = d.find('|');
    auto b = a == std::string::npos ? a : d.find('|', a + 1);
    if (b == std::string::npos) {
      w.documents.push_back({"", "", d});
    } else {
      w.documents.push_back({d.substr(0, a), d.substr(a + 1, b - a - 1), d.substr(b + 1)});
    }
  }
  return w;
}

std::string person_object(std::int64_t id) { return fmt::format("person:{}", id); }

// Registrars screen the people they register; screening officers anyone.
Status allowed_to_screen(const Actor& actor) {
  if (actor.principal != nullptr && !actor.principal->can(model::Permission::kRegistrationsCreate)) {
    return require(*actor.principal, model::Permission::kScreeningRead);
  }
  return ok_status();
}

}  // namespace

ScreeningService::ScreeningService(store::DatabasePool& pool, const Clock& clock,
                                   ScreeningSettings settings)
    : pool_(pool), clock_(clock), settings_(settings) {}

ScreeningService::~ScreeningService() = default;

Result<WatchlistImportReport> ScreeningService::import_watchlist(const Actor& actor,
                                                                 const WatchlistImport& file) {
  ESCUDO_TRY(allowed(actor, model::Permission::kWatchlistsManage));
  if (trim(file.name).empty() || file.name.size() > 200) {
    return make_error(ErrorCode::kInvalidArgument, "'name': give the watchlist a name (up to 200 characters)");
  }
  if (file.kind != "wanted" && file.kind != "sanctions" && file.kind != "other") {
    return errorf(ErrorCode::kInvalidArgument, "'kind': '{}' is not wanted, sanctions or other",
                  file.kind.substr(0, 20));
  }
  CsvReader reader(make_string_stream(file.text));
  CsvRecord row;
  ESCUDO_ASSIGN_OR_RETURN(bool has_header, reader.next(row));
  if (!has_header) return errorf(ErrorCode::kInvalidArgument, "{} is empty", file.file_name);
  auto columns = find_columns(row.fields);
  if (!columns) return std::unexpected(columns.error().with_context(file.file_name));
  const Columns c = *columns;
  std::vector<store::WatchlistEntryRecord> entries;
  std::vector<std::string> errors;
  std::set<std::string> seen;
  std::set<std::int64_t> bad_lines;
  auto bad = [&](std::int64_t line, std::string_view column, std::string_view why) {
    errors.push_back(fmt::format("line {}, column '{}': {}", line, column, why));
    bad_lines.insert(line);
  };
  while (true) {
    auto more = reader.next(row);
    if (!more) {
      if (more.error().code() != ErrorCode::kInvalidArgument) return std::unexpected(more.error());
      errors.push_back(more.error().message());
      bad_lines.insert(-static_cast<std::int64_t>(errors.size()));  // a line the reader could not split
      continue;
    }
    if (!*more) break;
    const std::int64_t line = row.line;
    store::WatchlistEntryRecord e;
    e.entry_id = cell(row.fields, c.entry_id);
    if (e.entry_id.empty()) bad(line, "entry_id", "empty");
    else if (!seen.insert(e.entry_id).second) bad(line, "entry_id", fmt::format("'{}' appears twice", e.entry_id));
    e.given_name = cell(row.fields, c.given_name);
    e.surname = cell(row.fields, c.surname);
    std::string name = cell(row.fields, c.name);
    if (name.empty() && (!e.given_name.empty() || !e.surname.empty())) {
      name = e.given_name.empty() ? e.surname : e.surname.empty() ? e.given_name : e.given_name + " " + e.surname;
    }
    if (name.empty()) bad(line, c.name >= 0 ? "name" : "surname", "no name");
    else e.names.push_back(name);
    for (auto& a : split_cell(cell(row.fields, c.aliases))) e.names.push_back(std::move(a));
    for (auto& d : split_cell(cell(row.fields, c.dates_of_birth))) {
      auto date = resolve::parse_partial_date(d, resolve::DateFormat::kIso);
      if (!date) bad(line, "dates_of_birth", fmt::format("'{}' is not YYYY-MM-DD, YYYY-MM or YYYY", d));
      else e.dates_of_birth.push_back(resolve::partial_date_to_string(*date));
    }
    for (auto& n : split_cell(cell(row.fields, c.nationalities))) {
      auto ok = check_country_code(n);
      if (!ok) bad(line, "nationalities", ok.error().message());
      else e.nationalities.push_back(n);
    }
    for (auto& d : split_cell(cell(row.fields, c.documents))) {
      // "number" or "type:country:number"
      auto parts = std::count(d.begin(), d.end(), ':');
      if (parts == 0) {
        e.documents.push_back("||" + d);
      } else if (parts == 2) {
        auto a = d.find(':');
        auto b = d.find(':', a + 1);
        e.documents.push_back(d.substr(0, a) + "|" + d.substr(a + 1, b - a - 1) + "|" + d.substr(b + 1));
      } else {
        bad(line, "documents", fmt::format("'{}' is not NUMBER or TYPE:COUNTRY:NUMBER", d));
      }
    }
    e.listed_for = cell(row.fields, c.listed_for);
    entries.push_back(std::move(e));
  }
  if (!errors.empty()) {
    std::string message = fmt::format("{}: {} bad row(s); nothing was imported", file.file_name,
                                      bad_lines.size());
    for (std::size_t i = 0; i < errors.size() && i < kMaxErrorsListed; ++i) message += "\n" + errors[i];
    if (errors.size() > kMaxErrorsListed) {
      message += fmt::format("\n… and {} more", errors.size() - kMaxErrorsListed);
    }
    return make_error(ErrorCode::kInvalidArgument, message);
  }
  if (entries.empty()) return errorf(ErrorCode::kInvalidArgument, "{} has no entries", file.file_name);

  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ScreeningRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t list_id, repo.watchlist_id(file.name, file.kind, now, actor.name));
  store::WatchlistVersionRecord v{.watchlist_id = list_id, .file_name = file.file_name,
                                  .file_sha256 = crypto::sha256_hex(file.text),
                                  .entries = static_cast<std::int64_t>(entries.size()),
                                  .imported_at = now, .imported_by = actor.name};
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t version_id, repo.insert_version(v));
  ESCUDO_TRY(repo.insert_entries(version_id, entries));
  ESCUDO_ASSIGN_OR_RETURN(auto version, db->query_int("SELECT version FROM watchlist_versions WHERE id = $1",
                                                      {version_id}));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "watchlist.import", fmt::format("watchlist:{}", list_id),
                          fmt::format("version={} entries={} sha256={}", version.value_or(0),
                                      entries.size(), v.file_sha256)));
  ESCUDO_TRY(tx.commit());
  WatchlistImportReport report{version_id, version.value_or(0), static_cast<std::int64_t>(entries.size())};
  // The importer waits for the new screener, rather than the next registrar to screen someone.
  std::lock_guard lock(mutex_);
  if (auto built = current_screener(repo); !built) {
    log::warn("screening.build_failed", {{"why", built.error().message()}});
  } else if (*built != nullptr) {
    report.screened_entries = static_cast<std::int64_t>((*built)->entries());
    report.screened_names = static_cast<std::int64_t>((*built)->name_variants());
  }
  return report;
}

Result<std::vector<store::WatchlistVersionRecord>> ScreeningService::versions(const Actor& actor) {
  if (actor.principal != nullptr && !actor.principal->can(model::Permission::kScreeningRead)) {
    ESCUDO_TRY(require(*actor.principal, model::Permission::kWatchlistsManage));
  }
  auto db = pool_.acquire();
  store::ScreeningRepo repo(*db);
  return repo.versions();
}

Result<screen::Screener*> ScreeningService::current_screener(store::ScreeningRepo& repo) {
  ESCUDO_ASSIGN_OR_RETURN(std::string key, repo.current_versions_key());
  if (screener_ && key == screener_key_) return screener_.get();
  ESCUDO_ASSIGN_OR_RETURN(auto records, repo.current_entries());
  std::vector<screen::WatchlistEntry> entries;
  entries.reserve(records.size());
  for (const auto& r : records) entries.push_back(to_entry(r));
  static const resolve::NicknameTable nicknames =
      resolve::NicknameTable::parse(resolve::default_nicknames_text()).value();
  screen::ScreenOptions options;
  options.min_score = settings_.min_score;
  options.max_hits = settings_.max_hits;
  if (entries.empty()) {
    screener_.reset();
    screener_key_ = key;
    return nullptr;
  }
  ESCUDO_ASSIGN_OR_RETURN(screener_, screen::Screener::build(std::move(entries), nicknames, options));
  screener_key_ = key;
  return screener_.get();
}

Result<std::vector<store::HitRecord>> ScreeningService::screen_person(const Actor& actor,
                                                                      std::int64_t person_id) {
  ESCUDO_TRY(allowed_to_screen(actor));
  std::vector<store::RegisteredPersonSummary> people;
  {
    auto db = pool_.acquire();
    const std::int64_t ids[] = {person_id};
    ESCUDO_ASSIGN_OR_RETURN(people, store::EntityRepo(*db).registered_people(ids));
  }
  if (people.empty()) return errorf(ErrorCode::kNotFound, "there is no registered person {}", person_id);
  ESCUDO_ASSIGN_OR_RETURN(auto hits, screen_part(actor, people));
  return std::move(hits.front());
}

Result<std::vector<PersonScreening>> ScreeningService::screen_people(
    const Actor& actor, std::span<const std::int64_t> person_ids) {
  ESCUDO_TRY(allowed_to_screen(actor));
  std::vector<PersonScreening> out;
  out.reserve(person_ids.size());
  for (std::size_t begin = 0; begin < person_ids.size(); begin += kPeoplePerTransaction) {
    auto ids = person_ids.subspan(begin, std::min(kPeoplePerTransaction, person_ids.size() - begin));
    std::vector<store::RegisteredPersonSummary> people;
    {
      auto db = pool_.acquire();
      ESCUDO_ASSIGN_OR_RETURN(people, store::EntityRepo(*db).registered_people(ids));
    }
    // registered_people answers sorted by id, without the ids it does not know.
    std::unordered_map<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < people.size(); ++i) at.emplace(people[i].person_id, i);
    std::vector<store::RegisteredPersonSummary> ordered;
    ordered.reserve(ids.size());
    for (std::int64_t id : ids) {
      auto found = at.find(id);
      if (found == at.end()) return errorf(ErrorCode::kNotFound, "there is no registered person {}", id);
      ordered.push_back(people[found->second]);
    }
    ESCUDO_ASSIGN_OR_RETURN(auto hits, screen_part(actor, ordered));
    for (std::size_t i = 0; i < ordered.size(); ++i) {
      out.push_back({ordered[i].person_id, static_cast<std::int64_t>(hits[i].size())});
    }
  }
  return out;
}

Result<std::vector<std::vector<store::HitRecord>>> ScreeningService::screen_part(
    const Actor& actor, std::span<const store::RegisteredPersonSummary> people) {
  const std::int64_t now = clock_.now_unix_seconds();
  std::vector<std::vector<store::HitRecord>> out(people.size());
  auto db = pool_.acquire();
  store::ScreeningRepo repo(*db);
  {
    std::lock_guard lock(mutex_);
    ESCUDO_ASSIGN_OR_RETURN(screen::Screener* screener, current_screener(repo));
    for (std::size_t i = 0; screener != nullptr && i < people.size(); ++i) {
      const auto& p = people[i];
      resolve::PersonRecord record;
      record.record_id = registration_record_id(p.person_id);
      record.given_name = p.given_names;
      record.surname = p.family_names;
      record.date_of_birth = resolve::parse_partial_date_lenient(p.birth_date, resolve::DateFormat::kIso);
      record.nationality = p.nationality;
      record.sex = p.sex;
      if (!p.document_number.empty()) {
        record.documents.push_back({p.document_type, p.document_country, p.document_number});
      }
      for (auto& h : screener->screen(record)) {
        store::HitRecord hit;
        hit.person_id = p.person_id;
        hit.source = "watchlist";
        auto slash = h.entry_id.find('/');
        hit.version_id = std::stoll(h.entry_id.substr(0, slash));
        hit.entry_id = h.entry_id.substr(slash + 1);
        hit.matched_name = h.matched_name;
        hit.score = h.score;
        hit.reasons = h.reasons;
        hit.status = "open";
        hit.created_at = now;
        out[i].push_back(std::move(hit));
      }
    }
  }
  // The hits are stored in one transaction; the screener (which may take seconds to build
  // after an import) was used before it, so no writer waits on it.
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  std::int64_t total = 0;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const std::int64_t person_id = people[i].person_id;
    ESCUDO_ASSIGN_OR_RETURN(auto earlier, repo.earlier_records(person_id));
    for (const auto& e : earlier) {
      store::HitRecord hit;
      hit.person_id = person_id;
      hit.source = e.returned ? "earlier_return" : "earlier_record";
      hit.entry_id = std::to_string(e.person_id);
      hit.score = e.probability;
      hit.reasons = {e.returned ? fmt::format("the same person as registration {}, who was returned",
                                              e.person_id)
                                : fmt::format("the same person as registration {} (entity resolution)",
                                              e.person_id)};
      hit.status = "open";
      hit.created_at = now;
      out[i].push_back(std::move(hit));
    }
    for (auto& h : out[i]) ESCUDO_TRY(repo.insert_hit(h));
    ESCUDO_TRY(repo.insert_screening(person_id, static_cast<std::int64_t>(out[i].size()), now, actor.name));
    total += static_cast<std::int64_t>(out[i].size());
  }
  // One entry for the part; it names no one, only which records were screened.
  const std::int64_t first = people.front().person_id;
  const std::int64_t last = people.back().person_id;
  ESCUDO_TRY(append_audit(*db, clock_, actor, "screening.screen",
                          people.size() == 1 ? person_object(first)
                                             : fmt::format("people:{}-{}", first, last),
                          fmt::format("people={} hits={}", people.size(), total)));
  ESCUDO_TRY(tx.commit());
  return out;
}

Result<std::vector<store::HitRecord>> ScreeningService::hits(const Principal& principal,
                                                             const std::string& status,
                                                             std::optional<std::int64_t> person_id,
                                                             int limit) {
  ESCUDO_TRY(require(principal, model::Permission::kScreeningRead));
  if (!status.empty() && status != "open" && status != "confirmed" && status != "dismissed") {
    return errorf(ErrorCode::kInvalidArgument, "'status': '{}' is not open, confirmed or dismissed",
                  status.substr(0, 20));
  }
  auto db = pool_.acquire();
  store::ScreeningRepo repo(*db);
  return repo.hits(status, person_id, std::clamp(limit, 1, 500));
}

Result<store::HitRecord> ScreeningService::decide_hit(const Principal& principal, std::int64_t hit_id,
                                                      bool confirm, const std::string& note) {
  ESCUDO_TRY(require(principal, model::Permission::kScreeningDecide));
  if (!confirm && trim(note).empty()) {
    return make_error(ErrorCode::kInvalidArgument, "'note': say why the hit is dismissed");
  }
  if (note.size() > 2000) return make_error(ErrorCode::kInvalidArgument, "'note' is longer than 2000 characters");
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ScreeningRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::HitRecord h, repo.hit(hit_id));
  if (h.status != "open") {
    return errorf(ErrorCode::kFailedPrecondition, "hit {} was {} by {} already", hit_id, h.status,
                  h.decided_by);
  }
  const std::string status = confirm ? "confirmed" : "dismissed";
  ESCUDO_TRY(repo.decide_hit(hit_id, status, principal.username, now, note));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal),
                          confirm ? "screening.hit.confirm" : "screening.hit.dismiss",
                          fmt::format("hit:{}", hit_id),
                          fmt::format("person={} source={} entry={}", h.person_id, h.source, h.entry_id)));
  ESCUDO_ASSIGN_OR_RETURN(store::HitRecord out, repo.hit(hit_id));
  ESCUDO_TRY(tx.commit());
  return out;
}

Result<store::RuleVersionRecord> ScreeningService::add_rules(const Actor& actor,
                                                             const std::string& effective_on,
                                                             const std::string& rules,
                                                             const std::string& note) {
  ESCUDO_TRY(allowed(actor, model::Permission::kRulesManage));
  if (!CivilDate::parse(effective_on)) {
    return errorf(ErrorCode::kInvalidArgument, "'effective_on': '{}' is not a day (YYYY-MM-DD)",
                  effective_on.substr(0, 20));
  }
  auto doc = parse_json(rules);
  if (!doc) return std::unexpected(doc.error().with_context("'rules'"));
  if (doc->type() != JsonValue::Type::kObject) {
    return make_error(ErrorCode::kInvalidArgument, "'rules' is one JSON object");
  }
  for (const char* key : {"documents", "visa_required", "visa_exempt"}) {
    auto items = doc->get_array(key);
    if (!items) return std::unexpected(items.error().with_context("'rules'"));
    for (const JsonValue* v : *items) {
      if (v->type() != JsonValue::Type::kString) {
        return errorf(ErrorCode::kInvalidArgument, "'rules': every item of '{}' is a string", key);
      }
    }
  }
  if (auto age = doc->get_optional_int("min_age_alone"); !age) {
    return std::unexpected(age.error().with_context("'rules'"));
  }
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ScreeningRepo repo(*db);
  store::RuleVersionRecord r{.effective_on = effective_on, .rules = rules, .note = note,
                             .created_at = now, .created_by = actor.name};
  ESCUDO_TRY(repo.insert_rules(r));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "rules.add", fmt::format("rules:{}", r.version),
                          fmt::format("effective_on={}", effective_on)));
  ESCUDO_TRY(tx.commit());
  return r;
}

Result<std::vector<store::RuleVersionRecord>> ScreeningService::rules(const Actor&) {
  auto db = pool_.acquire();
  store::ScreeningRepo repo(*db);
  return repo.rules();
}

Result<std::optional<store::RuleVersionRecord>> ScreeningService::rules_on(const std::string& day) {
  auto db = pool_.acquire();
  store::ScreeningRepo repo(*db);
  return repo.rules_on(day);
}

}  // namespace escudo::service

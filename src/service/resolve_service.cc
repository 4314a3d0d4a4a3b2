#include "service/resolve_service.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>

#include "base/check.h"
#include "base/log.h"
#include "service/audit_service.h"
#include "store/database.h"
#include "store/intel_repo.h"

namespace escudo::service {
namespace {

constexpr std::string_view kRegistrationPrefix = "registration:";

std::optional<std::int64_t> person_id_of(std::string_view record_id) {
  if (!record_id.starts_with(kRegistrationPrefix)) return std::nullopt;
  std::string_view digits = record_id.substr(kRegistrationPrefix.size());
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || id <= 0) return std::nullopt;
  return id;
}

resolve::PersonRecord record_of(const store::RegisteredPersonView& v) {
  resolve::PersonRecord r;
  r.record_id = registration_record_id(v.person_id);
  r.given_name = v.given_names;
  r.surname = v.family_names;
  r.sex = v.sex == "unknown" ? "" : std::string(v.sex);
  r.nationality = v.nationality;
  r.phone_region = v.nationality;
  if (!v.birth_date.empty()) {
    if (auto d = resolve::parse_partial_date(v.birth_date, resolve::DateFormat::kIso)) {
      r.date_of_birth = *d;
    }
  } else if (v.estimated_age && v.registered_on.size() >= 4) {
    int year = 0;
    std::from_chars(v.registered_on.data(), v.registered_on.data() + 4, year);
    r.date_of_birth = {.year = static_cast<std::int16_t>(year - *v.estimated_age), .estimated = true};
  }
  if (!v.document_number.empty()) {
    r.documents.push_back({std::string(v.document_type), std::string(v.document_country),
                           std::string(v.document_number)});
  }
  if (!v.phone.empty()) r.phones.emplace_back(v.phone);
  return r;
}

resolve::PersonRecord source_record(const store::PersonRecordRow& row) {
  resolve::PersonRecord r;
  r.record_id = row.record_id;
  r.full_name = row.full_name;
  if (!row.phone.empty()) r.phones.push_back(row.phone);
  return r;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

Result<resolve::Decision> parse_decision(std::string_view text) {
  if (text == "same") return resolve::Decision::kSame;
  if (text == "different") return resolve::Decision::kDifferent;
  if (text == "split") return resolve::Decision::kSplit;
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not a decision; use same, different or split",
                text);
}

}  // namespace

std::string registration_record_id(std::int64_t person_id) {
  return fmt::format("{}{}", kRegistrationPrefix, person_id);
}

resolve::PersonRecord person_record(std::string record_id, const model::Person& person,
                                    CivilDate registered_on) {
  std::string birth = person.birth_date ? person.birth_date->to_string() : "";
  std::string day = registered_on.to_string();
  store::RegisteredPersonView v;
  v.given_names = person.given_names;
  v.family_names = person.family_names;
  v.sex = model::person_sex_name(person.sex);
  v.birth_date = birth;
  if (person.estimated_age) v.estimated_age = *person.estimated_age;
  v.registered_on = day;
  v.nationality = person.nationality_iso3;
  v.document_type = model::document_type_name(person.document_type);
  v.document_country = person.document_country_iso3;
  v.document_number = person.document_number;
  v.phone = person.phone;
  resolve::PersonRecord r = record_of(v);
  r.record_id = std::move(record_id);
  return r;
}

struct ResolveService::Loaded {
  resolve::NicknameTable nicknames;
  std::unique_ptr<resolve::EntityIndex> index;
  std::unordered_map<std::uint64_t, std::int64_t> stable_of;  // engine entity → stable id
  std::int64_t next_stable = 1;
};

ResolveService::ResolveService(store::DatabasePool& pool, const Clock& clock,
                               ResolveSettings settings)
    : pool_(pool), clock_(clock), settings_(settings) {}

ResolveService::~ResolveService() = default;

void ResolveService::invalidate() {
  std::unique_lock lock(mutex_);
  loaded_.reset();
  pending_.clear();
  ++generation_;
}

Status ResolveService::ensure_resolved() {
  std::unique_lock lock(mutex_);
  return ensure_loaded(lock);
}

std::optional<resolve::ResolveStats> ResolveService::last_build_stats() {
  std::unique_lock lock(mutex_);
  if (!loaded_) return std::nullopt;
  return loaded_->index->stats();
}

std::int64_t ResolveService::stable_id(Loaded& loaded, resolve::EntityId engine_id) {
  auto [it, fresh] = loaded.stable_of.try_emplace(engine_id.value(), 0);
  if (fresh) it->second = loaded.next_stable++;
  return it->second;
}

Status ResolveService::ensure_loaded(std::unique_lock<std::mutex>& lock) {
  while (!loaded_) {
    if (loading_) {
      built_.wait(lock);
      continue;
    }
    loading_ = true;
    const std::uint64_t generation = generation_;
    lock.unlock();
    auto built = build();
    lock.lock();
    loading_ = false;
    built_.notify_all();
    if (!built) return std::unexpected(built.error());
    if (generation != generation_) continue;  // an import came in meanwhile: build again
    loaded_ = std::move(*built);
    // People registered while it was built: those it did not read join now.
    auto pending = std::exchange(pending_, {});
    for (const auto& [actor, group] : pending) ESCUDO_TRY(add_group(actor, group));
  }
  return ok_status();
}

Result<std::unique_ptr<ResolveService::Loaded>> ResolveService::build() {
  auto loaded = std::make_unique<Loaded>();
  ESCUDO_ASSIGN_OR_RETURN(loaded->nicknames,
                          resolve::NicknameTable::parse(resolve::default_nicknames_text()));
  auto db = pool_.acquire();
  store::EntityRepo repo(*db);
  std::vector<resolve::PersonRecord> records;
  ESCUDO_TRY(repo.for_each_registered_person([&](const store::RegisteredPersonView& v) {
    records.push_back(record_of(v));
    return ok_status();
  }));
  ESCUDO_TRY(store::PersonRecordRepo(*db).for_each([&](const store::PersonRecordRow& r) {
    records.push_back(source_record(r));
    return ok_status();
  }));
  std::optional<resolve::Model> model;
  ESCUDO_ASSIGN_OR_RETURN(auto stored_model, repo.model_parameters());
  if (stored_model) {
    ESCUDO_ASSIGN_OR_RETURN(model, resolve::Model::from_json(*stored_model));
  }
  std::vector<resolve::ReviewDecision> decisions;
  ESCUDO_ASSIGN_OR_RETURN(auto stored_decisions, repo.decisions());
  for (const auto& d : stored_decisions) {
    ESCUDO_ASSIGN_OR_RETURN(auto kind, parse_decision(d.decision));
    decisions.push_back({.decision = kind, .record_a = d.record_a, .record_b = d.record_b,
                         .reason = d.reason});
  }
  resolve::ResolveOptions options;
  options.match_threshold = settings_.match_threshold;
  const std::size_t count = records.size();
  ESCUDO_ASSIGN_OR_RETURN(loaded->index, resolve::EntityIndex::build(std::move(records),
                                                                     loaded->nicknames, options,
                                                                     model, decisions));
  const auto& index = *loaded->index;

  // Each engine entity takes the stable id most of its records had; the rest get new ones.
  std::unordered_map<std::string, std::int64_t> stored;
  ESCUDO_TRY(repo.for_each_assignment([&](const store::EntityAssignment& a) {
    stored.emplace(a.record_id, a.entity_id);
    return ok_status();
  }));
  auto assignments = index.assignments();
  std::map<std::uint64_t, std::map<std::int64_t, int>> votes;
  std::map<std::uint64_t, int> sizes;
  for (const auto& [record, entity] : assignments) {
    ++sizes[entity.value()];
    if (auto it = stored.find(record); it != stored.end()) ++votes[entity.value()][it->second];
  }
  std::vector<std::uint64_t> by_size;
  for (const auto& [entity, size] : sizes) by_size.push_back(entity);
  std::ranges::stable_sort(by_size, [&](auto a, auto b) { return sizes[a] > sizes[b]; });
  std::unordered_map<std::int64_t, std::uint64_t> claimed;
  for (std::uint64_t entity : by_size) {
    std::int64_t best = 0;
    int best_votes = 0;
    for (const auto& [stable, n] : votes[entity]) {
      if (!claimed.contains(stable) && n > best_votes) {
        best = stable;
        best_votes = n;
      }
    }
    if (best != 0) {
      claimed.emplace(best, entity);
      loaded->stable_of.emplace(entity, best);
    }
  }
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t max_id, repo.max_entity_id());
  loaded->next_stable = max_id + 1;
  std::vector<store::EntityAssignment> changed;
  for (const auto& [record, entity] : assignments) {
    std::int64_t id = stable_id(*loaded, entity);
    auto it = stored.find(record);
    if (it != stored.end() && it->second == id) continue;
    auto [probability, linked_to] = index.joining_link(record);
    changed.push_back({record, id, probability, linked_to});
  }
  // A stored entity whose records all went elsewhere now leads to where most of them went.
  std::map<std::int64_t, std::map<std::int64_t, int>> moved_to;
  for (const auto& a : changed) {
    if (auto it = stored.find(a.record_id); it != stored.end() && !claimed.contains(it->second)) {
      ++moved_to[it->second][a.entity_id];
    }
  }
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(repo.save_assignments(changed, clock_.now_unix_seconds()));
  for (const auto& [old_id, targets] : moved_to) {
    auto best = std::ranges::max_element(targets, {}, [](const auto& t) { return t.second; });
    ESCUDO_TRY(repo.add_alias(old_id, best->first));
  }
  if (!stored_model && index.stats().trained) {
    ESCUDO_TRY(repo.save_model_parameters(index.model().to_json(), clock_.now_unix_seconds()));
  }
  ESCUDO_TRY(tx.commit());
  log::info("resolve.loaded", {{"records", std::to_string(count)},
                               {"entities", std::to_string(index.entity_count())},
                               {"pairs", std::to_string(index.stats().candidate_pairs)}});
  return loaded;
}

Result<PairView> ResolveService::pair_view(const resolve::PairExplanation& e) const {
  PairView v;
  v.record_a = e.record_a;
  v.record_b = e.record_b;
  v.prior = e.prior_log2_odds;
  v.log2_odds = e.log2_odds;
  v.probability = e.probability;
  v.held = e.held;
  for (const auto& f : e.fields) {
    if (f.level == resolve::kMissing) continue;
    v.fields.push_back({std::string(resolve::field_name(f.field)), f.level_label, f.values, f.total()});
  }
  v.lines = e.lines();
  return v;
}

Result<std::optional<store::RegisteredPersonSummary>> ResolveService::person_of(
    store::Database& db, std::string_view record_id) {
  auto id = person_id_of(record_id);
  if (!id) return std::optional<store::RegisteredPersonSummary>();
  std::int64_t ids[] = {*id};
  ESCUDO_ASSIGN_OR_RETURN(auto people, store::EntityRepo(db).registered_people(ids));
  if (people.empty()) return std::optional<store::RegisteredPersonSummary>();
  return std::optional<store::RegisteredPersonSummary>(std::move(people.front()));
}

Status ResolveService::persist_events(store::Database& db,
                                      const std::vector<resolve::EntityEvent>& events,
                                      const std::string& actor) {
  store::EntityRepo repo(db);
  const std::int64_t now = clock_.now_unix_seconds();
  std::vector<std::string> touched;
  for (const auto& e : events) {
    store::EntityEventRow row;
    row.at = now;
    row.actor = actor;
    row.kind = resolve::event_kind_name(e.kind);
    row.entity_id = stable_id(*loaded_, e.entity);
    if (e.kind == resolve::EntityEvent::Kind::kMerged) {
      // The entity merged away keeps leading to the survivor.
      std::int64_t absorbed = stable_id(*loaded_, e.other);
      row.other_entity_id = absorbed;
      ESCUDO_TRY(repo.add_alias(absorbed, row.entity_id));
      loaded_->stable_of.erase(e.other.value());
    } else if (e.kind == resolve::EntityEvent::Kind::kSplit) {
      row.other_entity_id = stable_id(*loaded_, e.other);
    }
    row.records = joined(e.records);
    if (e.probability > 0) row.probability = e.probability;
    row.reason = e.reason;
    ESCUDO_TRY(repo.append_event(row));
    touched.insert(touched.end(), e.records.begin(), e.records.end());
  }
  std::vector<store::EntityAssignment> rows;
  for (const auto& record : touched) {
    auto entity = loaded_->index->entity_of(record);
    if (!entity) continue;
    auto [probability, linked_to] = loaded_->index->joining_link(record);
    rows.push_back({record, stable_id(*loaded_, *entity), probability, linked_to});
  }
  return repo.save_assignments(rows, now);
}

Status ResolveService::on_registered(const Actor& actor, const model::RegistrationGroup& group) {
  std::unique_lock lock(mutex_);
  if (loading_) {
    pending_.emplace_back(actor.name, group);
    return ok_status();
  }
  if (!loaded_) return ok_status();  // the next build reads them from the store
  return add_group(actor.name, group);
}

Status ResolveService::add_group(const std::string& actor, const model::RegistrationGroup& group) {
  std::vector<resolve::EntityEvent> events;
  for (const auto& p : group.people) {
    std::string record = registration_record_id(p.id.value());
    if (loaded_->index->entity_of(record)) continue;  // the build read it already
    auto before = loaded_->index->history().size();
    auto added = loaded_->index->add(person_record(std::move(record), p, group.registered_on));
    if (!added) {
      loaded_.reset();  // rebuilt from the store on next use
      return std::unexpected(added.error());
    }
    const auto& history = loaded_->index->history();
    events.insert(events.end(), history.begin() + static_cast<std::ptrdiff_t>(before), history.end());
  }
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(persist_events(*db, events, actor));
  return tx.commit();
}

Result<std::vector<std::int64_t>> ResolveService::add_source_records(
    const Actor& actor, std::vector<SourcePersonRecord> records) {
  std::unique_lock lock(mutex_);
  ESCUDO_TRY(ensure_loaded(lock));
  std::vector<resolve::EntityEvent> events;
  for (const auto& r : records) {
    if (loaded_->index->entity_of(r.record_id)) continue;  // stored before
    auto before = loaded_->index->history().size();
    auto added = loaded_->index->add(source_record({r.record_id, r.full_name, r.phone}));
    if (!added) {
      loaded_.reset();  // rebuilt from the store on next use
      return std::unexpected(added.error());
    }
    const auto& history = loaded_->index->history();
    events.insert(events.end(), history.begin() + static_cast<std::ptrdiff_t>(before), history.end());
  }
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::PersonRecordRepo repo(*db);
  const std::int64_t now = clock_.now_unix_seconds();
  for (const auto& r : records) ESCUDO_TRY(repo.save({r.record_id, r.full_name, r.phone}, now));
  ESCUDO_TRY(persist_events(*db, events, actor.name));
  ESCUDO_TRY(tx.commit());
  std::vector<std::int64_t> ids;
  ids.reserve(records.size());
  for (const auto& r : records) {
    auto entity = loaded_->index->entity_of(r.record_id);
    ESCUDO_CHECK(entity.has_value()) << "a record just added has no entity";
    ids.push_back(stable_id(*loaded_, *entity));
  }
  return ids;
}

Result<EntityView> ResolveService::entity(const Principal& principal, std::int64_t entity_id) {
  ESCUDO_TRY(require(principal, model::Permission::kIdentityRead));
  std::unique_lock lock(mutex_);
  ESCUDO_TRY(ensure_loaded(lock));
  auto db = pool_.acquire();
  store::EntityRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t current, repo.current_entity(entity_id));
  ESCUDO_ASSIGN_OR_RETURN(auto rows, repo.records_of(current));
  if (rows.empty()) return errorf(ErrorCode::kNotFound, "no entity {}", entity_id);
  EntityView view;
  view.id = current;
  for (const auto& row : rows) {
    EntityRecordView r{row.record_id, row.probability, row.linked_to, std::nullopt};
    ESCUDO_ASSIGN_OR_RETURN(r.person, person_of(*db, row.record_id));
    view.records.push_back(std::move(r));
  }
  if (auto engine = loaded_->index->entity_of(rows.front().record_id)) {
    if (auto why = loaded_->index->explain_entity(*engine)) {
      for (const auto& link : why->links) {
        ESCUDO_ASSIGN_OR_RETURN(auto pv, pair_view(link));
        view.links.push_back(std::move(pv));
      }
    }
  }
  ESCUDO_ASSIGN_OR_RETURN(view.history, repo.events_of(current));
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "identity.read",
                          fmt::format("entity:{}", current),
                          fmt::format("records={}", view.records.size())));
  ESCUDO_TRY(tx.commit());
  return view;
}

Result<std::optional<std::int64_t>> ResolveService::entity_of(const Principal& principal,
                                                              std::string_view record_id) {
  ESCUDO_TRY(require(principal, model::Permission::kIdentityRead));
  std::unique_lock lock(mutex_);
  ESCUDO_TRY(ensure_loaded(lock));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto row, store::EntityRepo(*db).assignment(record_id));
  if (!row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(row->entity_id);
}

Result<PairView> ResolveService::explain(const Principal& principal, std::string_view record_a,
                                         std::string_view record_b) {
  ESCUDO_TRY(require(principal, model::Permission::kIdentityRead));
  std::unique_lock lock(mutex_);
  ESCUDO_TRY(ensure_loaded(lock));
  ESCUDO_ASSIGN_OR_RETURN(auto e, loaded_->index->explain_pair(record_a, record_b));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "identity.read",
                          fmt::format("pair:{}~{}", record_a, record_b), "explanation"));
  ESCUDO_TRY(tx.commit());
  return pair_view(e);
}

Result<std::vector<ReviewItem>> ResolveService::review_queue(const Principal& principal,
                                                             std::size_t limit) {
  ESCUDO_TRY(require(principal, model::Permission::kEntitiesReview));
  ESCUDO_TRY(require(principal, model::Permission::kIdentityRead));
  std::unique_lock lock(mutex_);
  ESCUDO_TRY(ensure_loaded(lock));
  auto pairs = loaded_->index->uncertain_pairs(settings_.review_lower, settings_.review_upper);
  if (pairs.size() > limit) pairs.resize(limit);
  auto db = pool_.acquire();
  store::EntityRepo repo(*db);
  std::vector<ReviewItem> out;
  for (const auto& p : pairs) {
    ReviewItem item;
    ESCUDO_ASSIGN_OR_RETURN(auto e, loaded_->index->explain_pair(p.record_a, p.record_b));
    ESCUDO_ASSIGN_OR_RETURN(item.pair, pair_view(e));
    item.same_entity = p.same_entity;
    ESCUDO_ASSIGN_OR_RETURN(auto a, repo.assignment(p.record_a));
    ESCUDO_ASSIGN_OR_RETURN(auto b, repo.assignment(p.record_b));
    if (a) item.entity_a = a->entity_id;
    if (b) item.entity_b = b->entity_id;
    ESCUDO_ASSIGN_OR_RETURN(item.person_a, person_of(*db, p.record_a));
    ESCUDO_ASSIGN_OR_RETURN(item.person_b, person_of(*db, p.record_b));
    out.push_back(std::move(item));
  }
  if (!out.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
    ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "identity.read", "entities:review",
                            fmt::format("pairs={}", out.size())));
    ESCUDO_TRY(tx.commit());
  }
  return out;
}

Result<std::vector<std::int64_t>> ResolveService::decide(const Principal& principal,
                                                         const ReviewInput& input) {
  ESCUDO_TRY(require(principal, model::Permission::kEntitiesReview));
  ESCUDO_ASSIGN_OR_RETURN(auto kind, parse_decision(input.decision));
  if (input.record_a.empty()) return make_error(ErrorCode::kInvalidArgument, "record_a is required");
  if (kind != resolve::Decision::kSplit && input.record_b.empty()) {
    return make_error(ErrorCode::kInvalidArgument, "record_b is required");
  }
  if (kind == resolve::Decision::kSplit && !input.entity_id) {
    return make_error(ErrorCode::kInvalidArgument, "entity_id is required to split");
  }
  std::unique_lock lock(mutex_);
  ESCUDO_TRY(ensure_loaded(lock));
  auto db = pool_.acquire();
  store::EntityRepo repo(*db);
  resolve::ReviewDecision decision{.decision = kind, .record_a = input.record_a,
                                   .record_b = input.record_b, .reason = input.reason};
  if (kind == resolve::Decision::kSplit) {
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t current, repo.current_entity(*input.entity_id));
    auto engine = std::ranges::find_if(loaded_->stable_of, [&](const auto& kv) { return kv.second == current; });
    if (engine == loaded_->stable_of.end()) {
      return errorf(ErrorCode::kNotFound, "no entity {}", *input.entity_id);
    }
    decision.entity = resolve::EntityId(engine->first);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto events, loaded_->index->apply(decision));
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(repo.append_decision({.at = clock_.now_unix_seconds(), .actor = principal.username,
                                   .decision = input.decision, .record_a = input.record_a,
                                   .record_b = input.record_b, .entity_id = input.entity_id,
                                   .reason = input.reason}));
  ESCUDO_TRY(persist_events(*db, events, principal.username));
  std::vector<std::int64_t> entities;
  for (const auto& record : {input.record_a, input.record_b}) {
    if (record.empty()) continue;
    if (auto e = loaded_->index->entity_of(record)) entities.push_back(stable_id(*loaded_, *e));
  }
  // Record ids and entity ids only: the reviewer's note may name people, so it stays in the
  // decision row, out of the audit text.
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "entity.review",
                          fmt::format("pair:{}~{}", input.record_a, input.record_b),
                          fmt::format("decision={} events={}", input.decision, events.size())));
  auto committed = tx.commit();
  if (!committed) {
    loaded_.reset();  // the index moved ahead of the store: rebuild it from the store
    return std::unexpected(committed.error());
  }
  return entities;
}

Result<std::vector<ProbableMatch>> ResolveService::probable_matches(const Principal& principal,
                                                                    const model::Person& person,
                                                                    CivilDate registered_on,
                                                                    std::size_t limit) {
  ESCUDO_TRY(require(principal, model::Permission::kRegistrationsCreate));
  ESCUDO_TRY(require(principal, model::Permission::kIdentityRead));
  std::unique_lock lock(mutex_);
  ESCUDO_TRY(ensure_loaded(lock));
  auto matches = loaded_->index->probe(person_record("typed", person, registered_on),
                                       settings_.warn_threshold, limit);
  std::vector<ProbableMatch> out;
  auto db = pool_.acquire();
  for (const auto& m : matches) {
    ProbableMatch pm;
    pm.record_id = m.record_id;
    pm.entity_id = stable_id(*loaded_, m.entity);
    ESCUDO_ASSIGN_OR_RETURN(pm.why, pair_view(m.explanation));
    ESCUDO_ASSIGN_OR_RETURN(pm.person, person_of(*db, m.record_id));
    out.push_back(std::move(pm));
  }
  if (!out.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
    std::string ids;
    for (const auto& m : out) ids += (ids.empty() ? "" : ",") + m.record_id;
    ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "identity.read",
                            "registration:check", fmt::format("matches={}", ids)));
    ESCUDO_TRY(tx.commit());
  }
  return out;
}

}  // namespace escudo::service

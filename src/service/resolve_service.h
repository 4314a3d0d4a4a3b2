// Entity resolution as users meet it: every registered person is a record of some entity (one
// real person), with stable entity ids that survive restarts, merges and splits; an entity's
// records and why they were joined; a review queue of uncertain pairs whose decisions are
// audited and constrain the clustering; and, while a registrar types, the probable earlier
// registrations of the person in front of them.
//
// The engine (resolve/entity_index.h) lives in memory. It is built on first use from the
// registered people, the stored model and the stored decisions; the entity ids it numbers are
// mapped to the stored, stable ones (each engine entity takes the stored id most of its records
// had). Registrations made one by one join it at once; an import rebuilds it on next use.
//
//   auto entity = services.resolve().entity(principal, 42);        // identity.read, audited
//   auto queue = services.resolve().review_queue(principal, 20);   // entities.review
//   services.resolve().decide(principal, {.decision = "different", .record_a = ..., ...});
//
// Thread-safe: one call at a time uses the index. Building it (seconds for a million people)
// happens outside the lock, so registrations go on meanwhile and join it when it is ready.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <condition_variable>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "model/registration.h"
#include "resolve/entity_index.h"
#include "service/principal.h"
#include "store/entity_repo.h"
#include "store/pool.h"

namespace escudo::service {

// "registration:42" for the registered person 42.
std::string registration_record_id(std::int64_t person_id);

// One field's part in a match: its level and its weight in log2 odds.
struct ContributionView {
  std::string field;
  std::string level;
  std::string values;  // the two values compared (identity: shown to identity.read only)
  double weight = 0;
};

struct PairView {
  std::string record_a;
  std::string record_b;
  double prior = 0;
  std::vector<ContributionView> fields;  // compared fields only
  double log2_odds = 0;
  double probability = 0;
  // Why the probability is held for review below what the fields add up to ("names alone
  // agree", "the given names differ (twins?)"); empty when it is not.
  std::string held;
  std::vector<std::string> lines;
};

struct EntityRecordView {
  std::string record_id;
  double probability = 1;  // of the link that joined it
  std::string linked_to;
  std::optional<store::RegisteredPersonSummary> person;  // for registration records
};

struct EntityView {
  std::int64_t id = 0;
  std::vector<EntityRecordView> records;
  std::vector<PairView> links;  // what holds the entity together
  std::vector<store::EntityEventRow> history;
};

struct ReviewItem {
  PairView pair;
  bool same_entity = false;
  std::optional<std::int64_t> entity_a;
  std::optional<std::int64_t> entity_b;
  std::optional<store::RegisteredPersonSummary> person_a;
  std::optional<store::RegisteredPersonSummary> person_b;
};

struct ReviewInput {
  std::string decision;  // same | different | split
  std::string record_a;
  std::string record_b;                  // for same and different
  std::optional<std::int64_t> entity_id;  // for split: the entity record_a leaves
  std::string reason;
};

struct ProbableMatch {
  std::string record_id;
  std::int64_t entity_id = 0;
  PairView why;
  std::optional<store::RegisteredPersonSummary> person;
};

// A person record from another source than the registrations: an interview's mention, a
// meeting's attendance list. Its id names the source ("mention:<interview>:<n>").
struct SourcePersonRecord {
  std::string record_id;
  std::string full_name;  // as written
  std::string phone;      // may be empty
};

struct ResolveSettings {
  // Measured on a million simulated records (bench/resolve): 0.99 gives F1 0.970, 0.9 only
  // 0.958, because relatives and namesakes share surnames, phones and nationality.
  double match_threshold = 0.99;
  // Pairs between these probabilities wait for a reviewer.
  double review_lower = 0.5;
  double review_upper = 0.99;
  // A registrar is warned of an earlier registration from this probability up.
  double warn_threshold = 0.5;
};

class ResolveService {
 public:
  ResolveService(store::DatabasePool& pool, const Clock& clock, ResolveSettings settings = {});
  ~ResolveService();

  // identity.read; the read is audited.
  Result<EntityView> entity(const Principal& principal, std::int64_t entity_id);
  // identity.read. nullopt for a record no entity holds.
  Result<std::optional<std::int64_t>> entity_of(const Principal& principal,
                                                std::string_view record_id);
  // identity.read; audited.
  Result<PairView> explain(const Principal& principal, std::string_view record_a,
                           std::string_view record_b);
  // entities.review and identity.read; most uncertain first.
  Result<std::vector<ReviewItem>> review_queue(const Principal& principal, std::size_t limit);
  // entities.review; the decision, its events and an audit entry are stored together. Returns
  // the entity ids of record_a (and record_b) after it.
  Result<std::vector<std::int64_t>> decide(const Principal& principal, const ReviewInput& input);
  // registrations.create and identity.read: earlier registrations that are probably this
  // person (nothing is stored). Audited when any is found, since it shows who they were.
  Result<std::vector<ProbableMatch>> probable_matches(const Principal& principal,
                                                      const model::Person& person,
                                                      CivilDate registered_on, std::size_t limit);

  // After a group is stored: its people join the index (when it is loaded).
  Status on_registered(const Actor& actor, const model::RegistrationGroup& group);
  // After an import: the index is rebuilt on next use.
  void invalidate();
  // Builds the index now if it is not loaded, so that every stored record (an import's people
  // among them) has its stored entity when this returns.
  Status ensure_resolved();

  // Stores the records (replacing those with the same ids) and resolves them with every other
  // record: the same person named in two interviews, or also registered, becomes one entity.
  // Returns each record's stable entity id, in order. The joins and merges are written to the
  // entity history under `actor`. The caller checks the permission to add them.
  Result<std::vector<std::int64_t>> add_source_records(const Actor& actor,
                                                       std::vector<SourcePersonRecord> records);

  // The engine's figures for the last build (records, pairs compared, over-shared values).
  std::optional<resolve::ResolveStats> last_build_stats();

 private:
  struct Loaded;
  // Waits for or builds the index; `lock` holds mutex_ on entry and on return.
  Status ensure_loaded(std::unique_lock<std::mutex>& lock);
  // Reads the store and builds an index with its stable ids (no member is touched).
  Result<std::unique_ptr<Loaded>> build();
  // Adds a stored group's people to the loaded index and persists what that changed.
  Status add_group(const std::string& actor, const model::RegistrationGroup& group);
  Result<PairView> pair_view(const resolve::PairExplanation& e) const;
  // Stable id for an engine entity, minting a new one when it has none.
  static std::int64_t stable_id(Loaded& loaded, resolve::EntityId engine_id);
  // Persists the events and the records they moved.
  Status persist_events(store::Database& db, const std::vector<resolve::EntityEvent>& events,
                        const std::string& actor);
  Result<std::optional<store::RegisteredPersonSummary>> person_of(store::Database& db,
                                                                  std::string_view record_id);

  store::DatabasePool& pool_;
  const Clock& clock_;
  ResolveSettings settings_;
  std::mutex mutex_;
  std::condition_variable built_;
  bool loading_ = false;
  std::uint64_t generation_ = 0;  // bumped by invalidate(): a build begun before is stale
  std::vector<std::pair<std::string, model::RegistrationGroup>> pending_;  // while building
  std::unique_ptr<Loaded> loaded_;
};

// The engine's record for a registered person (also for a person being typed).
resolve::PersonRecord person_record(std::string record_id, const model::Person& person,
                                    CivilDate registered_on);

}  // namespace escudo::service

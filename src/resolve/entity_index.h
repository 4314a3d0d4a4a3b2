// The entity index: person records resolved into entities with stable ids. This is what a
// service calls: build it from a batch of records (normalise → block → compare → train the
// model → score → cluster), add new records one at a time (each joins an existing entity or
// starts one, in milliseconds against millions), look up a record's entity in O(1), explain
// any pair or entity, list the uncertain pairs for review and apply the reviewers' decisions.
// Every change after the build is kept in the history (joins, merges, splits: the ids
// involved and why), and an entity id that was merged away still leads to its survivor.
//
//   ESCUDO_ASSIGN_OR_RETURN(NicknameTable nicknames,
//                           NicknameTable::parse(default_nicknames_text()));
//   ESCUDO_ASSIGN_OR_RETURN(auto index, EntityIndex::build(std::move(records), nicknames, {}));
//   index.entity_of("tip-88");                        // EntityId, O(1)
//   ESCUDO_ASSIGN_OR_RETURN(AddResult added, index.add(new_record));
//   ESCUDO_ASSIGN_OR_RETURN(PairExplanation why, index.explain_pair("tip-88", "int-17"));
//   for (const ReviewPair& p : index.uncertain_pairs(0.5, 0.9)) queue(p);
//   ESCUDO_TRY(index.apply({.decision = Decision::kDifferent, .record_a = "a", .record_b = "b"}));
//   std::string stored = index.model().to_json();
//
// Const members are thread-safe; add() and apply() are not (one writer at a time).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/ids.h"
#include "base/status.h"
#include "resolve/blocking.h"
#include "resolve/cluster.h"
#include "resolve/compare.h"
#include "resolve/explain.h"
#include "resolve/model.h"
#include "resolve/nicknames.h"
#include "resolve/normalize.h"
#include "resolve/record.h"

namespace escudo::resolve {

struct EntityIdTag {};
using EntityId = Id<EntityIdTag>;

struct ResolveOptions {
  // A pair at or above this match probability is a link.
  double match_threshold = 0.9;
  // Two groups merge only when the mean probability over all their cross pairs reaches this.
  double linkage_threshold = 0.9;
  int max_linkage_pairs = 400;
  // Pairs from this probability up are kept, for review and explanations.
  double keep_threshold = 0.2;
  // The highest probability of a pair the score alone must not link (Model::Hold: names alone
  // agree, or the given names differ outright without a shared document). Below the match
  // threshold, such pairs wait for review; 1 turns the holds off.
  double hold_ceiling = 0.85;
  BlockingOptions blocking;
  std::uint32_t tf_min_records = 1000;
  // Train the model on the records (u from random pairs, m and the prior by EM), unless a
  // model is given or there are too few candidate pairs to learn from.
  bool train = true;
  std::int64_t min_training_pairs = 1000;
  // Weight of the default m in the trained m (0: EM alone, 1: defaults alone).
  double default_weight = 0.0;
  // Score with the prior EM learns instead of the model's (see train() for why not by default).
  bool learn_prior = false;
  std::int64_t em_sample_pairs = 500'000;
  std::int64_t u_sample_pairs = 200'000;
  std::uint64_t seed = 20'240'501;
  int threads = 2;
};

struct ResolveStats {
  std::int64_t records = 0;
  std::int64_t candidate_pairs = 0;  // pairs compared
  std::int64_t links = 0;            // pairs at or above the match threshold
  std::int64_t entities = 0;
  std::vector<OverShared> over_shared;
  bool trained = false;  // false: the given or default model was used as is
  EmReport em;
  // Wall time of each phase of build(), for benchmarks and progress reports.
  double normalize_ms = 0, blocking_ms = 0, training_ms = 0, scoring_ms = 0, clustering_ms = 0;
};

struct AddResult {
  EntityId entity;
  // Probability of the link that joined the record to its entity; 1 when it started one.
  double probability = 1;
  std::vector<std::string> linked_to;  // record that link went to (empty when new)
};

enum class Decision : std::uint8_t {
  kSame,       // record_a and record_b are the same person
  kDifferent,  // they are not: never merged again
  kSplit,      // take record_a out of `entity`
};

struct ReviewDecision {
  Decision decision = Decision::kSame;
  std::string record_a;
  std::string record_b;
  EntityId entity;  // for kSplit
  std::string reason;  // the reviewer's note, kept in the history
};

struct ReviewPair {
  std::string record_a;
  std::string record_b;
  double probability = 0;
  bool same_entity = false;
};

struct EntityEvent {
  enum class Kind : std::uint8_t { kCreated, kJoined, kMerged, kSplit };
  std::int64_t sequence = 0;
  Kind kind = Kind::kCreated;
  EntityId entity;  // created / joined / the survivor of a merge / the entity split
  EntityId other;   // the entity merged away, or the new entity of a split
  std::vector<std::string> records;  // the records that moved
  double probability = 0;            // of the link, when a link caused it
  std::string reason;
};
std::string_view event_kind_name(EntityEvent::Kind kind);

struct EntityExplanation {
  EntityId entity;
  std::vector<std::string> records;
  // The links that hold the entity together: a strongest-link spanning tree, each with its
  // explanation.
  std::vector<PairExplanation> links;
  std::vector<std::string> lines() const;
};

// A record of the index that a probed record probably is.
struct ProbeMatch {
  std::string record_id;
  EntityId entity;
  double probability = 0;
  PairExplanation explanation;  // record_a: the indexed record, record_b: the probe
};

class EntityIndex {
 public:
  // kInvalidArgument for an empty or repeated record id (naming it). `model`: score with these
  // parameters instead of training. `decisions`: earlier reviews, honoured by the clustering.
  static Result<std::unique_ptr<EntityIndex>> build(
      std::vector<PersonRecord> records, const NicknameTable& nicknames, ResolveOptions options,
      std::optional<Model> model = std::nullopt, const std::vector<ReviewDecision>& decisions = {});

  // Resolves one more record against the index. kAlreadyExists for a known record id,
  // kInvalidArgument for an empty one.
  Result<AddResult> add(const PersonRecord& record);

  // Compares a record with the index without adding it: the indexed records it matches with
  // at least `min_probability`, best first, at most `limit`, each explained. Changes nothing
  // that a later call can see (not const: it borrows the store's scratch space).
  std::vector<ProbeMatch> probe(const PersonRecord& record, double min_probability,
                                std::size_t limit);

  // The record's current entity; nullopt for an unknown record.
  std::optional<EntityId> entity_of(std::string_view record_id) const;
  // An entity id as it is now: the survivor when it was merged away; nullopt if never issued.
  std::optional<EntityId> current(EntityId entity) const;
  // Record ids of the entity (after following merges); empty when unknown.
  std::vector<std::string> records_of(EntityId entity) const;
  // Every record's entity, in record order (the order of build() then add()).
  std::vector<std::pair<std::string, EntityId>> assignments() const;

  // kNotFound naming an unknown record.
  Result<PairExplanation> explain_pair(std::string_view a, std::string_view b) const;
  Result<EntityExplanation> explain_entity(EntityId entity) const;
  // The probability of the link that joined each record to its entity (1 for the first record
  // of an entity, or one not joined by a link), and the record it links to.
  std::pair<double, std::string> joining_link(std::string_view record_id) const;

  // Kept pairs with lower <= probability < upper and no decision yet, most uncertain first.
  std::vector<ReviewPair> uncertain_pairs(double lower, double upper) const;
  // Applies a review; returns the events it caused. kNotFound for an unknown record or entity,
  // kFailedPrecondition for a split of a record that is not in the entity named.
  Result<std::vector<EntityEvent>> apply(const ReviewDecision& decision);
  // Reviewed pairs with their comparison vectors, to train the model further
  // (Model::train_from_labels).
  std::vector<LabelledVector> labelled_pairs() const;

  const Model& model() const { return model_; }
  const ResolveStats& stats() const { return stats_; }
  const std::vector<EntityEvent>& history() const { return history_; }
  std::size_t size() const { return store_.size(); }
  std::size_t entity_count() const;
  std::size_t memory_bytes() const;

 private:
  EntityIndex(const NicknameTable& nicknames, ResolveOptions options);
  double score(std::uint32_t a, std::uint32_t b) const;
  // score(), or -1 when the pair shares no informative field (see PairScorer).
  double linkage_score(std::uint32_t a, std::uint32_t b) const;
  Status ingest(std::vector<PersonRecord>&& records);
  void train();
  void score_candidates();
  void cluster_batch(const std::vector<ReviewDecision>& decisions);
  Result<std::uint32_t> index_of(std::string_view record_id) const;
  EntityId resolve_id(EntityId id) const;
  EntityEvent& log(EntityEvent::Kind kind, EntityId entity, EntityId other,
                   std::vector<std::string> records, double probability, std::string reason);
  EntityId new_entity();
  // Moves `records` into entity `to`.
  void move_records(const std::vector<std::uint32_t>& records, EntityId to);
  // Re-clusters an entity's members under the current constraints; splits off what no longer
  // holds together.
  std::vector<EntityEvent> recluster(EntityId entity, const std::string& reason);

  const NicknameTable* nicknames_;
  ResolveOptions options_;
  Normalizer normalizer_;
  RecordStore store_;
  Comparator comparator_;
  Model model_;
  BlockIndex blocks_;
  ResolveStats stats_;
  std::vector<Link> kept_;  // pairs at or above keep_threshold
  std::vector<float> joined_probability_;   // by record
  std::vector<std::uint32_t> joined_to_;    // by record (itself when none)
  std::vector<std::uint32_t> entity_of_;    // by record: entity id value
  std::vector<std::vector<std::uint32_t>> members_;  // by entity id value
  std::vector<std::uint32_t> merged_into_;           // by entity id value: 0 when alive
  Constraints constraints_;
  std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, bool>> labelled_;
  std::vector<EntityEvent> history_;
  std::vector<BlockKey> keys_scratch_;
  std::vector<std::uint32_t> candidates_scratch_;
};

}  // namespace escudo::resolve

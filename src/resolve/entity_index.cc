#include "resolve/entity_index.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>
#include <unordered_set>

namespace escudo::resolve {
namespace {

constexpr std::size_t kChunk = 1 << 15;
constexpr std::size_t kMaxJoinCandidates = 50;

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (std::uint64_t{a} << 32) | b;
}

CompareOptions compare_options(const ResolveOptions& o) {
  return {.tf_min_records = o.tf_min_records, .over_shared_cap = o.blocking.over_shared_cap};
}

}  // namespace

std::string_view event_kind_name(EntityEvent::Kind kind) {
  switch (kind) {
    case EntityEvent::Kind::kCreated: return "created";
    case EntityEvent::Kind::kJoined: return "joined";
    case EntityEvent::Kind::kMerged: return "merged";
    case EntityEvent::Kind::kSplit: return "split";
  }
  return "?";
}

std::vector<std::string> EntityExplanation::lines() const {
  std::vector<std::string> out;
  out.push_back(fmt::format("entity {}: {} records", entity.value(), records.size()));
  for (const auto& link : links) {
    for (auto& line : link.lines()) out.push_back("  " + line);
  }
  return out;
}

EntityIndex::EntityIndex(const NicknameTable& nicknames, ResolveOptions options)
    : nicknames_(&nicknames),
      options_(options),
      normalizer_(nicknames),
      comparator_(store_, compare_options(options)),
      model_(Model::defaults()),
      members_(1),
      merged_into_(1, 0) {}

double EntityIndex::score(std::uint32_t a, std::uint32_t b) const {
  return model_.probability(comparator_.compare(a, b));
}

double EntityIndex::linkage_score(std::uint32_t a, std::uint32_t b) const {
  ComparisonVector v = comparator_.compare(a, b);
  bool informative = false;
  for (int f = 0; f < kFieldCount; ++f) {
    if (f == field_index(Field::kSex) || f == field_index(Field::kNationality)) continue;
    informative = informative || v.level[f] != kMissing;
  }
  return informative ? model_.probability(v) : -1.0;
}

Status EntityIndex::ingest(std::vector<PersonRecord>&& records) {
  const int threads = std::max(1, options_.threads);
  std::vector<Normalizer> normalizers;
  for (int t = 1; t < threads; ++t) normalizers.emplace_back(*nicknames_);
  std::vector<NormalizedText> texts;
  for (std::size_t begin = 0; begin < records.size(); begin += kChunk) {
    const std::size_t end = std::min(records.size(), begin + kChunk);
    texts.assign(end - begin, NormalizedText{});
    {
      std::vector<std::jthread> workers;
      for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
          const Normalizer& n = t == 0 ? normalizer_ : normalizers[static_cast<std::size_t>(t - 1)];
          for (std::size_t i = begin + static_cast<std::size_t>(t); i < end;
               i += static_cast<std::size_t>(threads)) {
            texts[i - begin] = n.normalize(records[i]);
          }
        });
      }
    }
    for (std::size_t i = begin; i < end; ++i) {
      std::string& id = records[i].record_id;
      if (id.empty()) {
        return errorf(ErrorCode::kInvalidArgument, "record {} has an empty record id", i + 1);
      }
      if (store_.find(id) >= 0) {
        return errorf(ErrorCode::kInvalidArgument, "record id '{}' appears more than once", id);
      }
      store_.add(std::move(id), std::move(texts[i - begin]));
    }
    for (std::size_t i = begin; i < end; ++i) records[i] = PersonRecord{};
  }
  return ok_status();
}

// The fields each blocking key makes agree: among that key's pairs they say nothing about
// matches, so EM over those pairs leaves them out (as Splink trains per blocking rule).
std::array<bool, kFieldCount> held_fields(BlockKind kind) {
  std::array<bool, kFieldCount> held{};
  auto hold = [&](Field f) { held[field_index(f)] = true; };
  switch (kind) {
    case BlockKind::kSurnameYear: hold(Field::kSurname); hold(Field::kDateOfBirth); break;
    case BlockKind::kSurnameGiven: hold(Field::kSurname); hold(Field::kGivenName); break;
    case BlockKind::kGivenBirthDate: hold(Field::kGivenName); hold(Field::kDateOfBirth); break;
    case BlockKind::kDocument: hold(Field::kDocument); break;
    case BlockKind::kPhone: hold(Field::kPhone); break;
    case BlockKind::kAlias: hold(Field::kAlias); break;
    case BlockKind::kPostcode: hold(Field::kPostcode); break;
    case BlockKind::kBirthDatePlace: hold(Field::kDateOfBirth); hold(Field::kPostcode); break;
    case BlockKind::kAddress: hold(Field::kAddress); break;
  }
  return held;
}

void EntityIndex::train() {
  const auto n = static_cast<std::uint32_t>(store_.size());
  if (n < 2) return;
  // A sample of the candidate pairs (every stride-th record's), counted by pattern: all of them
  // once, and by the key that found them.
  std::vector<std::uint32_t> stamp(n, 0);
  std::int64_t total = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    blocks_.for_each_candidate(i, stamp, [&](std::uint32_t) { ++total; });
  }
  if (total < options_.min_training_pairs) return;
  const std::int64_t stride = std::max<std::int64_t>(1, (total + options_.em_sample_pairs - 1) /
                                                            options_.em_sample_pairs);
  std::fill(stamp.begin(), stamp.end(), 0);
  PatternCounts patterns;
  std::array<PatternCounts, kBlockKindCount> by_key;
  for (std::uint32_t i = 0; i < n; i += static_cast<std::uint32_t>(stride)) {
    blocks_.for_each_candidate(i, stamp, [&](std::uint32_t j) {
      ++patterns[comparator_.compare(i, j).pattern()];
    });
    blocks_.for_each_block_member(i, [&](std::uint32_t j, BlockKind kind) {
      ++by_key[static_cast<std::size_t>(kind)][comparator_.compare(i, j).pattern()];
    });
  }
  // u from random pairs: nearly all of them are different people.
  std::mt19937_64 rng(options_.seed);
  const std::uint64_t all_pairs = std::uint64_t{n} * (n - 1) / 2;
  std::vector<ComparisonVector> random;
  if (all_pairs <= static_cast<std::uint64_t>(options_.u_sample_pairs)) {
    for (std::uint32_t i = 0; i < n; ++i) {
      for (std::uint32_t j = i + 1; j < n; ++j) random.push_back(comparator_.compare(i, j));
    }
  } else {
    std::uniform_int_distribution<std::uint32_t> pick(0, n - 1);
    random.reserve(static_cast<std::size_t>(options_.u_sample_pairs));
    while (random.size() < static_cast<std::size_t>(options_.u_sample_pairs)) {
      std::uint32_t a = pick(rng), b = pick(rng);
      if (a != b) random.push_back(comparator_.compare(a, b));
    }
  }
  Model base = model_;
  base.estimate_u(random);
  // Families share surnames, a phone and an address far more often than random pairs do; the
  // random pairs' u of those fields would make a brother look like a duplicate, so their u stays
  // at least at the defaults'. A level the random pairs never reach (initials, where no record
  // has one) keeps a tenth of its default u rather than a near-zero count that would make it
  // overwhelming.
  const Model floors = Model::defaults();
  for (int fi = 0; fi < kFieldCount; ++fi) {
    const auto f = static_cast<Field>(fi);
    const bool household = f == Field::kSurname || f == Field::kPhone || f == Field::kAddress;
    std::int64_t observed = 0;
    for (const auto& v : random) observed += v.level[fi] != kMissing ? 1 : 0;
    for (int l = 0; l < static_cast<int>(field_levels(f).size()); ++l) {
      LevelParams p = base.params(f, l);
      const double u_default = floors.params(f, l).u;
      if (observed < 100) {
        p.u = u_default;  // too few random pairs hold this field to say anything
      } else if (household && l + 1 < static_cast<int>(field_levels(f).size())) {
        p.u = std::max(p.u, u_default);
      } else {
        p.u = std::max(p.u, u_default / 10);
      }
      base.set_params(f, l, p);
    }
  }
  // m per key, from that key's pairs with its own fields held out; each field's m is the
  // average over the keys that estimated it, weighted by the matches each found.
  std::array<std::vector<double>, kFieldCount> m_sum;
  std::array<double, kFieldCount> weight{};
  for (int f = 0; f < kFieldCount; ++f) {
    m_sum[f].assign(field_levels(static_cast<Field>(f)).size(), 0.0);
  }
  int iterations = 0;
  for (int k = 0; k < kBlockKindCount; ++k) {
    std::int64_t pairs = 0;
    for (const auto& [p, c] : by_key[static_cast<std::size_t>(k)]) pairs += c;
    if (pairs < options_.min_training_pairs / 4) continue;
    const auto held = held_fields(static_cast<BlockKind>(k));
    Model m = base;
    EmReport em = m.estimate_m(by_key[static_cast<std::size_t>(k)], 100, 1e-6, false, held);
    iterations += em.iterations;
    if (em.prior >= 0.95) continue;  // nothing learnt from a key whose pairs all look alike
    const double found = em.prior * static_cast<double>(em.pairs);
    for (int f = 0; f < kFieldCount; ++f) {
      if (held[f]) continue;
      for (std::size_t l = 0; l < m_sum[f].size(); ++l) {
        m_sum[f][l] += found * m.params(static_cast<Field>(f), static_cast<int>(l)).m;
      }
      weight[f] += found;
    }
  }
  // The estimate is shrunk towards the defaults (a Dirichlet prior on m): EM over blocked pairs
  // mistakes relatives and namesakes for matches, and how much depends on the blocking.
  Model trained = base;
  const double a = std::clamp(options_.default_weight, 0.0, 1.0);
  for (int f = 0; f < kFieldCount; ++f) {
    if (weight[f] <= 0) continue;
    for (std::size_t l = 0; l < m_sum[f].size(); ++l) {
      const auto field = static_cast<Field>(f);
      const auto level = static_cast<int>(l);
      const double m = (1 - a) * m_sum[f][l] / weight[f] + a * floors.params(field, level).m;
      trained.set_params(field, level, {m, trained.params(field, level).u});
    }
  }
  // The prior. EM's own estimate counts relatives and namesakes among the matches: they agree on
  // more fields than a model taking fields as independent expects, and the model is sure of
  // itself accordingly. So EM's prior is reported, and the configured prior scores unless the
  // caller asks for the learnt one.
  EmReport em = trained.estimate_prior(patterns);
  em.iterations += iterations;
  if (!options_.learn_prior) trained.set_prior(model_.prior());
  stats_.em = em;
  // A fit that calls most candidates matches, or where agreeing on a name or a birth date counts
  // against a match, is degenerate: keep the defaults then.
  const bool sane = em.prior < 0.5 && trained.log2_bayes_factor(Field::kSurname, 0) > 0 &&
                    trained.log2_bayes_factor(Field::kGivenName, 0) > 0 &&
                    trained.log2_bayes_factor(Field::kDateOfBirth, 0) > 0;
  if (sane) {
    model_ = std::move(trained);
    stats_.trained = true;
  }
}

void EntityIndex::score_candidates() {
  const auto n = static_cast<std::uint32_t>(store_.size());
  const int threads = std::max(1, options_.threads);
  std::vector<std::vector<Link>> kept(static_cast<std::size_t>(threads));
  std::vector<std::int64_t> pairs(static_cast<std::size_t>(threads), 0);
  {
    std::vector<std::jthread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        std::vector<std::uint32_t> stamp(n, 0);
        auto& out = kept[static_cast<std::size_t>(t)];
        std::int64_t count = 0;
        const double floor = options_.keep_threshold;
        for (std::uint32_t i = static_cast<std::uint32_t>(t); i < n;
             i += static_cast<std::uint32_t>(threads)) {
          blocks_.for_each_candidate(i, stamp, [&](std::uint32_t j) {
            ++count;
            double p = score(i, j);
            if (p >= floor) out.push_back({i, j, static_cast<float>(p)});
          });
        }
        pairs[static_cast<std::size_t>(t)] = count;
      });
    }
  }
  for (int t = 0; t < threads; ++t) {
    stats_.candidate_pairs += pairs[static_cast<std::size_t>(t)];
    kept_.insert(kept_.end(), kept[static_cast<std::size_t>(t)].begin(),
                 kept[static_cast<std::size_t>(t)].end());
  }
}

EntityId EntityIndex::new_entity() {
  members_.emplace_back();
  merged_into_.push_back(0);
  return EntityId(static_cast<std::int64_t>(members_.size() - 1));
}

void EntityIndex::cluster_batch(const std::vector<ReviewDecision>& decisions) {
  const auto n = static_cast<std::uint32_t>(store_.size());
  for (const auto& d : decisions) {
    std::int64_t a = store_.find(d.record_a), b = store_.find(d.record_b);
    if (a < 0 || b < 0 || d.decision == Decision::kSplit) continue;
    auto ia = static_cast<std::uint32_t>(a), ib = static_cast<std::uint32_t>(b);
    if (d.decision == Decision::kSame) {
      constraints_.add_must_link(ia, ib);
    } else {
      constraints_.add_cannot_link(ia, ib);
    }
    labelled_.push_back({{ia, ib}, d.decision == Decision::kSame});
  }
  std::vector<Link> links;
  for (const Link& l : kept_) {
    if (l.probability >= options_.match_threshold) links.push_back(l);
  }
  stats_.links = static_cast<std::int64_t>(links.size());
  sort_links(links);
  LinkageClusterer clusterer(
      n, {.linkage_threshold = options_.linkage_threshold, .max_linkage_pairs = options_.max_linkage_pairs},
      [this](std::uint32_t a, std::uint32_t b) { return linkage_score(a, b); }, &constraints_);
  clusterer.apply_must_links();
  for (const Link& l : links) clusterer.try_link(l.a, l.b);
  entity_of_.assign(n, 0);
  std::vector<std::uint32_t> id_of_group(n, 0);
  for (std::uint32_t r = 0; r < n; ++r) {
    std::uint32_t g = clusterer.group_of(r);
    if (id_of_group[g] == 0) id_of_group[g] = static_cast<std::uint32_t>(new_entity().value());
    entity_of_[r] = id_of_group[g];
    members_[id_of_group[g]].push_back(r);
  }
  joined_probability_.assign(n, 1.0f);
  joined_to_.resize(n);
  for (std::uint32_t r = 0; r < n; ++r) joined_to_[r] = r;
  for (std::size_t e = 1; e < members_.size(); ++e) {
    const auto& m = members_[e];
    for (std::size_t k = 1; k < m.size(); ++k) {
      float best = -1;
      for (std::size_t x = 0; x < k && x < kMaxJoinCandidates; ++x) {
        auto p = static_cast<float>(score(m[k], m[x]));
        if (p > best) {
          best = p;
          joined_to_[m[k]] = m[x];
        }
      }
      joined_probability_[m[k]] = best;
    }
  }
}

Result<std::unique_ptr<EntityIndex>> EntityIndex::build(std::vector<PersonRecord> records,
                                                        const NicknameTable& nicknames,
                                                        ResolveOptions options,
                                                        std::optional<Model> model,
                                                        const std::vector<ReviewDecision>& decisions) {
  std::unique_ptr<EntityIndex> index(new EntityIndex(nicknames, options));
  auto& s = index->stats_;
  auto lap = [t = std::chrono::steady_clock::now()]() mutable {
    auto now = std::chrono::steady_clock::now();
    double ms = std::chrono::duration<double, std::milli>(now - t).count();
    t = now;
    return ms;
  };
  ESCUDO_TRY(index->ingest(std::move(records)));
  s.normalize_ms = lap();
  index->blocks_ = BlockIndex::build(index->store_, options.blocking, options.threads);
  s.blocking_ms = lap();
  if (model) {
    index->model_ = *model;
  } else if (options.train) {
    index->train();
  }
  index->model_.set_hold_ceiling(options.hold_ceiling);
  s.training_ms = lap();
  index->score_candidates();
  s.scoring_ms = lap();
  index->cluster_batch(decisions);
  s.clustering_ms = lap();
  s.records = static_cast<std::int64_t>(index->store_.size());
  s.entities = static_cast<std::int64_t>(index->entity_count());
  s.over_shared = index->blocks_.over_shared(index->store_);
  return index;
}

EntityEvent& EntityIndex::log(EntityEvent::Kind kind, EntityId entity, EntityId other,
                              std::vector<std::string> records, double probability,
                              std::string reason) {
  EntityEvent e;
  e.sequence = static_cast<std::int64_t>(history_.size()) + 1;
  e.kind = kind;
  e.entity = entity;
  e.other = other;
  e.records = std::move(records);
  e.probability = probability;
  e.reason = std::move(reason);
  history_.push_back(std::move(e));
  return history_.back();
}

void EntityIndex::move_records(const std::vector<std::uint32_t>& records, EntityId to) {
  const auto target = static_cast<std::uint32_t>(to.value());
  for (std::uint32_t r : records) {
    auto& from = members_[entity_of_[r]];
    from.erase(std::remove(from.begin(), from.end(), r), from.end());
    members_[target].push_back(r);
    entity_of_[r] = target;
  }
  std::sort(members_[target].begin(), members_[target].end());
}

Result<AddResult> EntityIndex::add(const PersonRecord& record) {
  if (record.record_id.empty()) {
    return make_error(ErrorCode::kInvalidArgument, "the record has an empty record id");
  }
  if (store_.find(record.record_id) >= 0) {
    return errorf(ErrorCode::kAlreadyExists, "record '{}' is already in the index", record.record_id);
  }
  const std::uint32_t r = store_.add(record.record_id, normalizer_.normalize(record));
  block_keys(store_, r, keys_scratch_);
  blocks_.candidates(keys_scratch_, r, candidates_scratch_);
  blocks_.add(r, keys_scratch_);
  stats_.candidate_pairs += static_cast<std::int64_t>(candidates_scratch_.size());
  stats_.records += 1;

  std::vector<Link> links;
  for (std::uint32_t x : candidates_scratch_) {
    double p = score(r, x);
    if (p >= options_.keep_threshold) kept_.push_back({x, r, static_cast<float>(p)});
    if (p >= options_.match_threshold) links.push_back({x, r, static_cast<float>(p)});
  }
  sort_links(links);
  stats_.links += static_cast<std::int64_t>(links.size());
  entity_of_.push_back(0);
  joined_probability_.push_back(1.0f);
  joined_to_.push_back(r);
  AddResult result;
  std::uint32_t mine = 0;  // the entity r is in so far
  for (const Link& l : links) {
    const std::uint32_t theirs = entity_of_[l.a];
    if (theirs == mine) continue;
    std::vector<std::uint32_t> group = mine == 0 ? std::vector<std::uint32_t>{r} : members_[mine];
    const auto& other = members_[theirs];
    bool allowed = true;
    if (!constraints_.empty()) {
      for (std::uint32_t x : group) {
        for (std::uint32_t y : other) allowed = allowed && !constraints_.cannot_link(x, y);
      }
    }
    if (!allowed) continue;
    if (group.size() > 1 || other.size() > 1) {
      double linkage = mean_linkage(group, other, [this](std::uint32_t a, std::uint32_t b) {
        return linkage_score(a, b);
      }, options_.max_linkage_pairs);
      if (linkage < options_.linkage_threshold) continue;
    }
    if (mine == 0) {
      mine = theirs;
      members_[mine].push_back(r);
      entity_of_[r] = mine;
      joined_probability_[r] = l.probability;
      joined_to_[r] = l.a;
      result.probability = l.probability;
      result.linked_to.push_back(store_.record_id(l.a));
      log(EntityEvent::Kind::kJoined, EntityId(mine), EntityId(), {record.record_id},
          l.probability, fmt::format("linked to {}", store_.record_id(l.a)));
    } else {
      // r bridges two entities whose members hold together: the older id survives.
      std::uint32_t survivor = std::min(mine, theirs), absorbed = std::max(mine, theirs);
      std::vector<std::uint32_t> moving = members_[absorbed];
      std::vector<std::string> ids;
      for (std::uint32_t x : moving) ids.push_back(store_.record_id(x));
      move_records(moving, EntityId(survivor));
      merged_into_[absorbed] = survivor;
      mine = survivor;
      result.linked_to.push_back(store_.record_id(l.a));
      log(EntityEvent::Kind::kMerged, EntityId(survivor), EntityId(absorbed), std::move(ids),
          l.probability,
          fmt::format("{} links to both (to {} with {:.4f})", record.record_id,
                      store_.record_id(l.a), l.probability));
    }
  }
  if (mine == 0) {
    EntityId id = new_entity();
    mine = static_cast<std::uint32_t>(id.value());
    members_[mine].push_back(r);
    entity_of_[r] = mine;
    log(EntityEvent::Kind::kCreated, id, EntityId(), {record.record_id}, 1.0, "no link");
  }
  result.entity = EntityId(mine);
  return result;
}

EntityId EntityIndex::resolve_id(EntityId id) const {
  auto v = static_cast<std::size_t>(id.value());
  while (v < merged_into_.size() && merged_into_[v] != 0) v = merged_into_[v];
  return EntityId(static_cast<std::int64_t>(v));
}

std::optional<EntityId> EntityIndex::current(EntityId entity) const {
  if (entity.value() <= 0 || static_cast<std::size_t>(entity.value()) >= members_.size()) {
    return std::nullopt;
  }
  return resolve_id(entity);
}

std::optional<EntityId> EntityIndex::entity_of(std::string_view record_id) const {
  std::int64_t i = store_.find(record_id);
  if (i < 0) return std::nullopt;
  return EntityId(entity_of_[static_cast<std::size_t>(i)]);
}

std::vector<std::string> EntityIndex::records_of(EntityId entity) const {
  std::vector<std::string> out;
  auto id = current(entity);
  if (!id) return out;
  for (std::uint32_t r : members_[static_cast<std::size_t>(id->value())]) out.push_back(store_.record_id(r));
  return out;
}

std::vector<std::pair<std::string, EntityId>> EntityIndex::assignments() const {
  std::vector<std::pair<std::string, EntityId>> out;
  out.reserve(store_.size());
  for (std::uint32_t r = 0; r < store_.size(); ++r) out.emplace_back(store_.record_id(r), EntityId(entity_of_[r]));
  return out;
}

std::size_t EntityIndex::entity_count() const {
  std::size_t n = 0;
  for (std::size_t e = 1; e < members_.size(); ++e) n += members_[e].empty() ? 0 : 1;
  return n;
}

Result<std::uint32_t> EntityIndex::index_of(std::string_view record_id) const {
  std::int64_t i = store_.find(record_id);
  if (i < 0) return errorf(ErrorCode::kNotFound, "no record '{}' in the index", record_id);
  return static_cast<std::uint32_t>(i);
}

std::vector<ProbeMatch> EntityIndex::probe(const PersonRecord& record, double min_probability,
                                           std::size_t limit) {
  // The probe is appended to the store so the comparator can see it, and taken back before
  // returning; it never enters the blocks.
  std::string probe_id = record.record_id.empty() ? std::string("probe") : record.record_id;
  while (store_.find(probe_id) >= 0) probe_id += "'";
  const std::uint32_t r = store_.add(probe_id, normalizer_.normalize(record));
  block_keys(store_, r, keys_scratch_);
  blocks_.candidates(keys_scratch_, r, candidates_scratch_);
  std::vector<std::pair<double, std::uint32_t>> scored;
  for (std::uint32_t x : candidates_scratch_) {
    double p = score(x, r);
    if (p >= min_probability) scored.emplace_back(p, x);
  }
  std::ranges::sort(scored, [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (scored.size() > limit) scored.resize(limit);
  std::vector<ProbeMatch> out;
  for (const auto& [p, x] : scored) {
    ProbeMatch m;
    m.record_id = store_.record_id(x);
    m.entity = EntityId(entity_of_[x]);
    m.probability = p;
    m.explanation = resolve::explain_pair(comparator_, model_, x, r);
    m.explanation.record_a = m.record_id;
    m.explanation.record_b = probe_id;
    out.push_back(std::move(m));
  }
  store_.remove_last();
  return out;
}

Result<PairExplanation> EntityIndex::explain_pair(std::string_view a, std::string_view b) const {
  ESCUDO_ASSIGN_OR_RETURN(std::uint32_t ia, index_of(a));
  ESCUDO_ASSIGN_OR_RETURN(std::uint32_t ib, index_of(b));
  PairExplanation e = resolve::explain_pair(comparator_, model_, ia, ib);
  e.record_a = std::string(a);
  e.record_b = std::string(b);
  return e;
}

Result<EntityExplanation> EntityIndex::explain_entity(EntityId entity) const {
  auto id = current(entity);
  if (!id || members_[static_cast<std::size_t>(id->value())].empty()) {
    return errorf(ErrorCode::kNotFound, "no entity {}", entity.value());
  }
  EntityExplanation out;
  out.entity = *id;
  const auto& m = members_[static_cast<std::size_t>(id->value())];
  for (std::uint32_t r : m) out.records.push_back(store_.record_id(r));
  // Prim's algorithm on probabilities: the strongest links that hold the entity together.
  const std::size_t k = std::min<std::size_t>(m.size(), 200);
  std::vector<bool> in_tree(k, false);
  std::vector<double> best(k, -1);
  std::vector<std::size_t> from(k, 0);
  in_tree[0] = true;
  for (std::size_t j = 1; j < k; ++j) {
    best[j] = score(m[0], m[j]);
  }
  for (std::size_t step = 1; step < k; ++step) {
    std::size_t pick = 0;
    double top = -2;
    for (std::size_t j = 0; j < k; ++j) {
      if (!in_tree[j] && best[j] > top) {
        top = best[j];
        pick = j;
      }
    }
    in_tree[pick] = true;
    PairExplanation e = resolve::explain_pair(comparator_, model_, m[from[pick]], m[pick]);
    e.record_a = store_.record_id(m[from[pick]]);
    e.record_b = store_.record_id(m[pick]);
    out.links.push_back(std::move(e));
    for (std::size_t j = 0; j < k; ++j) {
      if (in_tree[j]) continue;
      double p = score(m[pick], m[j]);
      if (p > best[j]) {
        best[j] = p;
        from[j] = pick;
      }
    }
  }
  return out;
}

std::pair<double, std::string> EntityIndex::joining_link(std::string_view record_id) const {
  std::int64_t i = store_.find(record_id);
  if (i < 0) return {0, ""};
  auto r = static_cast<std::size_t>(i);
  if (joined_to_[r] == r) return {1.0, ""};
  return {joined_probability_[r], store_.record_id(joined_to_[r])};
}

std::vector<ReviewPair> EntityIndex::uncertain_pairs(double lower, double upper) const {
  std::unordered_set<std::uint64_t> decided;
  for (const auto& [pair, match] : labelled_) decided.insert(pair_key(pair.first, pair.second));
  std::vector<std::pair<double, const Link*>> chosen;
  for (const Link& l : kept_) {
    if (l.probability < lower || l.probability >= upper) continue;
    if (decided.contains(pair_key(l.a, l.b))) continue;
    chosen.emplace_back(std::abs(l.probability - 0.5), &l);
  }
  std::sort(chosen.begin(), chosen.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return pair_key(x.second->a, x.second->b) < pair_key(y.second->a, y.second->b);
  });
  std::vector<ReviewPair> out;
  for (const auto& [distance, l] : chosen) {
    out.push_back({store_.record_id(l->a), store_.record_id(l->b), l->probability,
                   entity_of_[l->a] == entity_of_[l->b]});
  }
  return out;
}

std::vector<EntityEvent> EntityIndex::recluster(EntityId entity, const std::string& reason) {
  std::vector<EntityEvent> events;
  const auto e = static_cast<std::uint32_t>(entity.value());
  std::vector<std::uint32_t> m = members_[e];
  if (m.size() < 2) return events;
  const auto k = static_cast<std::uint32_t>(m.size());
  Constraints local;
  for (std::uint32_t x = 0; x < k; ++x) {
    for (std::uint32_t y = x + 1; y < k; ++y) {
      if (constraints_.cannot_link(m[x], m[y])) local.add_cannot_link(x, y);
    }
  }
  for (auto [a, b] : constraints_.must_links()) {
    auto ia = std::find(m.begin(), m.end(), a), ib = std::find(m.begin(), m.end(), b);
    if (ia != m.end() && ib != m.end()) {
      local.add_must_link(static_cast<std::uint32_t>(ia - m.begin()),
                          static_cast<std::uint32_t>(ib - m.begin()));
    }
  }
  auto local_score = [&](std::uint32_t x, std::uint32_t y) { return linkage_score(m[x], m[y]); };
  std::vector<Link> links;
  for (std::uint32_t x = 0; x < k; ++x) {
    for (std::uint32_t y = x + 1; y < k; ++y) {
      double p = local_score(x, y);
      if (p >= options_.match_threshold) links.push_back({x, y, static_cast<float>(p)});
    }
  }
  sort_links(links);
  LinkageClusterer c(k, {.linkage_threshold = options_.linkage_threshold,
                         .max_linkage_pairs = options_.max_linkage_pairs},
                     local_score, &local);
  c.apply_must_links();
  for (const Link& l : links) c.try_link(l.a, l.b);
  // Groups in order of their first member; the largest keeps the entity's id.
  std::vector<std::vector<std::uint32_t>> groups;
  std::unordered_map<std::uint32_t, std::size_t> slot;
  for (std::uint32_t x = 0; x < k; ++x) {
    auto [it, inserted] = slot.try_emplace(c.group_of(x), groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(m[x]);
  }
  if (groups.size() == 1) return events;
  std::size_t keep = 0;
  for (std::size_t g = 1; g < groups.size(); ++g) {
    if (groups[g].size() > groups[keep].size()) keep = g;
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (g == keep) continue;
    EntityId fresh = new_entity();
    move_records(groups[g], fresh);
    std::vector<std::string> ids;
    for (std::uint32_t r : groups[g]) ids.push_back(store_.record_id(r));
    events.push_back(log(EntityEvent::Kind::kSplit, entity, fresh, std::move(ids), 0, reason));
  }
  return events;
}

Result<std::vector<EntityEvent>> EntityIndex::apply(const ReviewDecision& d) {
  ESCUDO_ASSIGN_OR_RETURN(std::uint32_t a, index_of(d.record_a));
  std::string note = d.reason.empty() ? std::string() : ": " + d.reason;
  std::vector<EntityEvent> events;
  if (d.decision == Decision::kSplit) {
    auto entity = current(d.entity);
    if (!entity) return errorf(ErrorCode::kNotFound, "no entity {}", d.entity.value());
    const auto e = static_cast<std::uint32_t>(entity->value());
    if (entity_of_[a] != e) {
      return errorf(ErrorCode::kFailedPrecondition, "record '{}' is not in entity {}", d.record_a,
                    entity->value());
    }
    std::vector<std::uint32_t> others = members_[e];
    std::size_t labelled = 0;
    for (std::uint32_t x : others) {
      if (x == a) continue;
      constraints_.add_cannot_link(a, x);
      if (labelled++ < 20) labelled_.push_back({{a, x}, false});
    }
    if (others.size() < 2) return events;
    EntityId fresh = new_entity();
    move_records({a}, fresh);
    joined_probability_[a] = 1.0f;
    joined_to_[a] = a;
    events.push_back(log(EntityEvent::Kind::kSplit, *entity, fresh, {d.record_a}, 0,
                         "review: split out" + note));
    for (auto& ev : recluster(*entity, "review: no longer held together after a split" + note)) {
      events.push_back(std::move(ev));
    }
    return events;
  }
  ESCUDO_ASSIGN_OR_RETURN(std::uint32_t b, index_of(d.record_b));
  if (a == b) return make_error(ErrorCode::kInvalidArgument, "a review needs two different records");
  if (d.decision == Decision::kSame) {
    if (constraints_.cannot_link(a, b)) {
      return errorf(ErrorCode::kFailedPrecondition,
                    "'{}' and '{}' were reviewed as different people before", d.record_a, d.record_b);
    }
    const std::uint32_t ea = entity_of_[a], eb = entity_of_[b];
    if (ea != eb && !constraints_.empty()) {
      for (std::uint32_t x : members_[ea]) {
        for (std::uint32_t y : members_[eb]) {
          if (constraints_.cannot_link(x, y)) {
            return errorf(ErrorCode::kFailedPrecondition,
                          "entities {} and {} hold records reviewed as different ('{}', '{}')",
                          ea, eb, store_.record_id(x), store_.record_id(y));
          }
        }
      }
    }
    constraints_.add_must_link(a, b);
    labelled_.push_back({{a, b}, true});
    if (ea != eb) {
      std::uint32_t survivor = std::min(ea, eb), absorbed = std::max(ea, eb);
      std::vector<std::uint32_t> moving = members_[absorbed];
      std::vector<std::string> ids;
      for (std::uint32_t x : moving) ids.push_back(store_.record_id(x));
      move_records(moving, EntityId(survivor));
      merged_into_[absorbed] = survivor;
      events.push_back(log(EntityEvent::Kind::kMerged, EntityId(survivor), EntityId(absorbed),
                           std::move(ids), score(a, b), "review: same person" + note));
    }
    return events;
  }
  constraints_.add_cannot_link(a, b);
  labelled_.push_back({{a, b}, false});
  if (entity_of_[a] == entity_of_[b]) {
    return recluster(EntityId(entity_of_[a]), "review: different people" + note);
  }
  return events;
}

std::vector<LabelledVector> EntityIndex::labelled_pairs() const {
  std::vector<LabelledVector> out;
  for (const auto& [pair, match] : labelled_) {
    out.push_back({comparator_.compare(pair.first, pair.second), match});
  }
  return out;
}

std::size_t EntityIndex::memory_bytes() const {
  std::size_t entity_bytes = 0;
  for (const auto& m : members_) entity_bytes += sizeof(m) + m.capacity() * 4;
  return store_.memory_bytes() + blocks_.memory_bytes() + kept_.capacity() * sizeof(Link) +
         entity_of_.capacity() * 4 + joined_probability_.capacity() * 4 +
         joined_to_.capacity() * 4 + entity_bytes;
}

}  // namespace escudo::resolve

// The scoring model: Fellegi–Sunter. For each field and level, m = P(level | same person) and
// u = P(level | different people); a pair's evidence is the prior log-odds plus, per field,
// log2(m/u) (its Bayes factor), adjusted by term frequency where the level agrees on a value
// (a shared rare surname says more than a shared "García"). A missing field adds nothing.
//
// Parameters are learnt without labels: u from random pairs (almost all of them different
// people), then m and the prior by expectation–maximisation over the candidate pairs that
// blocking found; reviewed pairs refine both. The model serialises to JSON so a service can
// store it and score later records the same way.
//
//   Model model = Model::defaults();
//   model.estimate_u(random_pair_vectors);
//   EmReport em = model.estimate_m(candidate_pattern_counts);
//   double p = model.probability(comparator.compare(a, b));
//   std::string json = model.to_json();
//   ESCUDO_ASSIGN_OR_RETURN(Model again, Model::from_json(json));
//
// Const members are thread-safe; training is not.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "resolve/compare.h"

namespace escudo::resolve {

struct LevelParams {
  double m = 0.5;
  double u = 0.5;
};

// How many candidate pairs share each comparison pattern (ComparisonVector::pattern()).
using PatternCounts = std::unordered_map<std::uint64_t, std::int64_t>;

struct EmReport {
  int iterations = 0;
  bool converged = false;
  double prior = 0;  // estimated share of matches among the candidate pairs
  std::int64_t pairs = 0;
};

struct LabelledVector {
  ComparisonVector vector;
  bool match = false;
};

class Model {
 public:
  // Parameters that work before any training (from experience with civil-registry data);
  // EM starts from them.
  static Model defaults();

  // Probability that a candidate pair is a match before looking at its fields.
  double prior() const { return prior_; }
  void set_prior(double prior);
  const LevelParams& params(Field f, int level) const { return levels_[field_index(f)][level]; }
  void set_params(Field f, int level, LevelParams p);

  // log2(m/u) of a level, and its term-frequency adjustment log2(u / tf) (0 when tf is 0),
  // bounded to [-kMaxTfAdjustment, kMaxTfBoost]: a common value loses its full weight, a rare
  // one gains little, as a rare surname or phone is often a family's.
  double log2_bayes_factor(Field f, int level) const { return weights_[field_index(f)][level]; }
  double tf_adjustment(Field f, int level, float tf) const;
  double prior_log2_odds() const;
  // Prior log-odds plus every field's contribution.
  double log2_odds(const ComparisonVector& v) const;
  // Whether a field's evidence is set aside for this pair: when the given name or the birth
  // date disagrees outright, a shared phone says "same household" (brothers, a mother and her
  // son), not "same person", and counts nothing.
  static bool household_only(const ComparisonVector& v, Field f);
  // Pairs that the score alone must not link, however high it is; an analyst decides:
  //   kNamesAlone        nothing but names agrees (given name, surname, alias, with sex and
  //                      nationality): no birth date (exact, swapped, one digit, or the year of a
  //                      partial date), document, phone (other than a household's) or address.
  //                      Namesakes are common in any large population.
  //   kGivenNameDiffers  the given names disagree outright and no document agrees: twins share
  //                      surnames, a birth date and often a phone, never a document.
  enum class Hold : std::uint8_t { kNone, kNamesAlone, kGivenNameDiffers };
  static Hold hold(const ComparisonVector& v);
  static std::string_view hold_reason(Hold hold);  // "" for kNone
  // A held pair's probability is at most this ceiling (0.85 by default: below a match, in the
  // review band).
  double hold_ceiling() const { return hold_ceiling_; }
  void set_hold_ceiling(double ceiling) { hold_ceiling_ = ceiling; }
  double probability(const ComparisonVector& v) const {
    const double p = probability_of(log2_odds(v));
    return hold(v) != Hold::kNone ? std::min(p, hold_ceiling_) : p;
  }
  static double probability_of(double log2_odds);

  // u from comparison vectors of random pairs (Laplace-smoothed counts). Needs at least one
  // vector; does nothing otherwise.
  void estimate_u(const std::vector<ComparisonVector>& random_pairs);
  // m and the prior by EM over candidate pairs; u too when `update_u` (then u describes the
  // different people among candidate pairs, who agree more often than random pairs do: blocking
  // put them together). The share of matches that disagree completely on a given name, a
  // surname, a birth date or a document is bounded (max_disagreement): without that bound EM
  // takes families (brothers: same surnames, same phone) for one person who changes his name.
  // Stops after `max_iterations` or when no parameter moves by more than
  // `tolerance`.
  // Fields in `held` are left out: neither counted in the likelihood nor updated (the fields a
  // blocking key made agree say nothing about matches among that key's pairs).
  EmReport estimate_m(const PatternCounts& candidates, int max_iterations = 100,
                      double tolerance = 1e-6, bool update_u = false,
                      std::array<bool, kFieldCount> held = {});
  // The prior alone by EM, m and u fixed.
  EmReport estimate_prior(const PatternCounts& candidates, int max_iterations = 100,
                          double tolerance = 1e-7);
  // Refines m (from pairs marked match) and u (from pairs marked different) with the reviewed
  // pairs, each counting `weight` times against a pseudo-count of `prior_strength` for the
  // current parameters.
  void train_from_labels(const std::vector<LabelledVector>& labelled, double weight = 1,
                         double prior_strength = 50);

  // {"format":"escudo-resolve-model","version":1,"prior":…,"fields":{"surname":{"exact":
  // {"m":…,"u":…},…},…}}
  std::string to_json() const;
  // kInvalidArgument naming what is wrong (not JSON, unknown field or level, a probability
  // outside (0, 1)). Fields or levels left out keep their defaults.
  static Result<Model> from_json(std::string_view json);

  static constexpr double kMaxTfAdjustment = 8;
  static constexpr double kMaxTfBoost = 3;
  // Upper bound EM keeps on m of a field's last level ("other"); 1 means no bound.
  double max_disagreement(Field f) const { return max_disagreement_[field_index(f)]; }
  void set_max_disagreement(Field f, double bound) { max_disagreement_[field_index(f)] = bound; }

 private:
  void refresh(int field);
  double prior_ = 1e-3;
  double hold_ceiling_ = 0.85;
  std::array<std::vector<LevelParams>, kFieldCount> levels_;
  std::array<std::vector<double>, kFieldCount> weights_;
  std::array<double, kFieldCount> max_disagreement_ = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
};

}  // namespace escudo::resolve

// Why two records are (or are not) the same person: a waterfall from the prior log-odds
// through each field's contribution (the level it reached, log2 of its Bayes factor, the
// term-frequency adjustment) to the final log-odds and match probability. The contributions
// sum to the score exactly.
//
//   PairExplanation e = explain_pair(comparator, model, a, b);
//   for (const std::string& line : e.lines()) std::puts(line.c_str());
//     prior                                       -6.64
//     given_name     nickname  pepe | jose         +5.32
//     surname        swapped   mosquera palacios | palacios mosquera  +8.97
//     ...
//     total log2 odds +14.2 → match probability 0.99995
//
// Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "resolve/compare.h"
#include "resolve/model.h"

namespace escudo::resolve {

struct FieldContribution {
  Field field = Field::kGivenName;
  int level = kMissing;  // kMissing: not compared, contributes 0
  std::string level_label;  // "swapped", or "missing"
  double log2_bayes_factor = 0;
  double tf_adjustment = 0;
  std::string values;  // "mosquera palacios | palacios mosquera"
  double total() const { return log2_bayes_factor + tf_adjustment; }
};

struct PairExplanation {
  std::string record_a;
  std::string record_b;
  double prior_log2_odds = 0;
  std::vector<FieldContribution> fields;  // every field, missing ones included
  double log2_odds = 0;
  double probability = 0;
  // Why the probability is held at the model's ceiling, below the log-odds' (Model::Hold);
  // empty when it is not.
  std::string held;

  // Human-readable lines: the records, the prior, one line per compared field, the total.
  std::vector<std::string> lines() const;
};

PairExplanation explain_pair(const Comparator& comparator, const Model& model, std::uint32_t a,
                             std::uint32_t b);

}  // namespace escudo::resolve

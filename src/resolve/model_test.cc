#include "resolve/model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace escudo::resolve {
namespace {

// Draws a level from a distribution.
int draw(std::mt19937_64& rng, const std::vector<double>& p) {
  std::uniform_real_distribution<double> u(0, 1);
  double x = u(rng), acc = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    acc += p[i];
    if (x < acc) return static_cast<int>(i);
  }
  return static_cast<int>(p.size() - 1);
}

struct Truth {
  std::array<std::vector<double>, kFieldCount> m, u;
  double prior = 0.2;
};

Truth truth() {
  Truth t;
  for (int f = 0; f < kFieldCount; ++f) {
    const std::size_t levels = field_levels(static_cast<Field>(f)).size();
    t.m[f].assign(levels, 0.0);
    t.u[f].assign(levels, 0.0);
    // Matches mostly agree; non-matches mostly disagree.
    for (std::size_t l = 0; l < levels; ++l) {
      t.m[f][l] = l == 0 ? 0.7 : 0.3 / static_cast<double>(levels - 1);
      t.u[f][l] = l + 1 == levels ? 0.8 : 0.2 / static_cast<double>(levels - 1);
    }
  }
  return t;
}

ComparisonVector sample(std::mt19937_64& rng, const Truth& t, bool match) {
  ComparisonVector v;
  std::uniform_real_distribution<double> u(0, 1);
  for (int f = 0; f < kFieldCount; ++f) {
    if (u(rng) < 0.1) continue;  // missing
    v.level[f] = static_cast<std::int8_t>(draw(rng, match ? t.m[f] : t.u[f]));
  }
  return v;
}

TEST(Model, BirthDatesAYearApartAreNoEvidenceOfAMatch) {
  // In this data matches fall a year apart more often than non-matches (as namesakes born a
  // year apart make it look); with the domain bounds on, the "near" level still weighs nothing.
  Truth t = truth();
  std::mt19937_64 rng(11);
  std::vector<ComparisonVector> random;
  for (int i = 0; i < 20000; ++i) random.push_back(sample(rng, t, false));
  PatternCounts candidates;
  std::bernoulli_distribution is_match(t.prior);
  for (int i = 0; i < 40000; ++i) ++candidates[sample(rng, t, is_match(rng)).pattern()];
  Model model = Model::defaults();
  model.estimate_u(random);
  model.estimate_m(candidates);
  EXPECT_LE(model.log2_bayes_factor(Field::kDateOfBirth, 5), 1e-9);
  double total = 0;
  for (std::size_t l = 0; l < field_levels(Field::kDateOfBirth).size(); ++l) {
    total += model.params(Field::kDateOfBirth, static_cast<int>(l)).m;
  }
  EXPECT_NEAR(total, 1.0, 1e-6);
  EXPECT_GT(model.log2_bayes_factor(Field::kDateOfBirth, 0), 0);  // an exact date still counts
}

TEST(Model, EmRecoversParametersOfSyntheticData) {
  Truth t = truth();
  std::mt19937_64 rng(7);
  std::vector<ComparisonVector> random;
  for (int i = 0; i < 50000; ++i) random.push_back(sample(rng, t, false));
  PatternCounts candidates;
  std::bernoulli_distribution is_match(t.prior);
  for (int i = 0; i < 100000; ++i) ++candidates[sample(rng, t, is_match(rng)).pattern()];

  Model model = Model::defaults();
  // These synthetic matches disagree more often than people do: lift the domain bound.
  for (int f = 0; f < kFieldCount; ++f) model.set_max_disagreement(static_cast<Field>(f), 1);
  model.estimate_u(random);
  EmReport report = model.estimate_m(candidates);
  EXPECT_TRUE(report.converged);
  EXPECT_EQ(report.pairs, 100000);
  EXPECT_NEAR(model.prior(), t.prior, 0.02);
  for (int f = 0; f < kFieldCount; ++f) {
    const std::size_t levels = field_levels(static_cast<Field>(f)).size();
    for (std::size_t l = 0; l < levels; ++l) {
      EXPECT_NEAR(model.params(static_cast<Field>(f), static_cast<int>(l)).m, t.m[f][l], 0.03)
          << field_name(static_cast<Field>(f)) << " level " << l;
      EXPECT_NEAR(model.params(static_cast<Field>(f), static_cast<int>(l)).u, t.u[f][l], 0.02);
    }
  }
}

TEST(Model, EmKeepsTheBoundOnCompleteDisagreement) {
  Truth t = truth();
  std::mt19937_64 rng(11);
  PatternCounts candidates;
  std::bernoulli_distribution is_match(t.prior);
  for (int i = 0; i < 20000; ++i) ++candidates[sample(rng, t, is_match(rng)).pattern()];
  Model model = Model::defaults();
  model.estimate_m(candidates, 30);
  const int last = static_cast<int>(field_levels(Field::kGivenName).size()) - 1;
  EXPECT_LE(model.params(Field::kGivenName, last).m, model.max_disagreement(Field::kGivenName) + 1e-12);
  double sum = 0;
  for (int l = 0; l <= last; ++l) sum += model.params(Field::kGivenName, l).m;
  EXPECT_NEAR(sum, 1.0, 1e-6);
}

TEST(Model, NamesAloneOrDifferentGivenNamesAreHeldForReview) {
  Model model = Model::defaults();
  auto at = [](Field f, const char* label) {
    const auto& levels = field_levels(f);
    return static_cast<std::int8_t>(std::find(levels.begin(), levels.end(), label) - levels.begin());
  };
  ComparisonVector names;
  names.level[field_index(Field::kGivenName)] = at(Field::kGivenName, "exact");
  names.level[field_index(Field::kSurname)] = at(Field::kSurname, "exact");
  names.level[field_index(Field::kSex)] = 0;
  names.level[field_index(Field::kNationality)] = 0;
  names.tf[field_index(Field::kSurname)] = 1e-7f;  // a very rare surname
  EXPECT_EQ(Model::hold(names), Model::Hold::kNamesAlone);
  EXPECT_GT(Model::probability_of(model.log2_odds(names)), 0.99);
  EXPECT_DOUBLE_EQ(model.probability(names), model.hold_ceiling());
  // A disagreeing birth date or document does not lift the hold; an agreeing one does.
  names.level[field_index(Field::kDocument)] = at(Field::kDocument, "other");
  EXPECT_EQ(Model::hold(names), Model::Hold::kNamesAlone);
  ComparisonVector with_year = names;
  with_year.level[field_index(Field::kDateOfBirth)] = at(Field::kDateOfBirth, "partial");
  EXPECT_EQ(Model::hold(with_year), Model::Hold::kNone);
  EXPECT_GT(model.probability(with_year), model.hold_ceiling());
  // Twins: everything agrees but the given name.
  ComparisonVector twins = with_year;
  twins.level[field_index(Field::kDateOfBirth)] = at(Field::kDateOfBirth, "exact");
  twins.level[field_index(Field::kGivenName)] = at(Field::kGivenName, "other");
  twins.level[field_index(Field::kPhone)] = at(Field::kPhone, "exact");
  EXPECT_EQ(Model::hold(twins), Model::Hold::kGivenNameDiffers);
  EXPECT_LE(model.probability(twins), model.hold_ceiling());
  // The same document is one person, whatever the given names say.
  ComparisonVector same_document = twins;
  same_document.level[field_index(Field::kDocument)] = at(Field::kDocument, "exact");
  EXPECT_EQ(Model::hold(same_document), Model::Hold::kNone);
  model.set_hold_ceiling(0.5);
  EXPECT_LE(model.probability(twins), 0.5);
}

TEST(Model, MissingFieldsContributeNothing) {
  Model model = Model::defaults();
  ComparisonVector none;
  EXPECT_DOUBLE_EQ(model.log2_odds(none), model.prior_log2_odds());
  ComparisonVector one;
  one.level[field_index(Field::kSurname)] = 0;
  EXPECT_DOUBLE_EQ(model.log2_odds(one),
                   model.prior_log2_odds() + model.log2_bayes_factor(Field::kSurname, 0));
  EXPECT_GT(model.probability(one), model.probability(none));
}

TEST(Model, TermFrequencyMakesRareValuesWeighMore) {
  Model model = Model::defaults();
  ComparisonVector common, rare;
  common.level[field_index(Field::kSurname)] = 0;
  rare.level[field_index(Field::kSurname)] = 0;
  common.tf[field_index(Field::kSurname)] = 0.05f;   // "García"
  rare.tf[field_index(Field::kSurname)] = 0.00001f;  // "Zuleta"
  EXPECT_GT(model.log2_odds(rare), model.log2_odds(common) + 5);
  EXPECT_LE(model.tf_adjustment(Field::kSurname, 0, 1e-20f), Model::kMaxTfBoost);
  EXPECT_GE(model.tf_adjustment(Field::kSurname, 0, 1.0f), -Model::kMaxTfAdjustment);
}

TEST(Model, JsonRoundTripAndErrors) {
  Model model = Model::defaults();
  model.set_prior(0.0123);
  model.set_params(Field::kPhone, 0, {0.61, 0.0002});
  auto again = Model::from_json(model.to_json());
  ASSERT_TRUE(again.has_value()) << again.error().message();
  EXPECT_NEAR(again->prior(), 0.0123, 1e-12);
  EXPECT_NEAR(again->params(Field::kPhone, 0).m, 0.61, 1e-12);
  EXPECT_NEAR(again->params(Field::kPhone, 0).u, 0.0002, 1e-12);
  EXPECT_EQ(again->to_json(), model.to_json());

  auto not_json = Model::from_json("{");
  ASSERT_FALSE(not_json.has_value());
  EXPECT_EQ(not_json.error().code(), ErrorCode::kInvalidArgument);
  auto bad_field = Model::from_json(
      R"({"format":"escudo-resolve-model","version":1,"prior":0.1,"fields":{"shoe":{}}})");
  ASSERT_FALSE(bad_field.has_value());
  EXPECT_NE(bad_field.error().message().find("shoe"), std::string::npos);
  auto bad_p = Model::from_json(
      R"({"format":"escudo-resolve-model","version":1,"prior":0.1,"fields":{"phone":{"exact":{"m":1.5,"u":0.1}}}})");
  ASSERT_FALSE(bad_p.has_value());
  EXPECT_FALSE(Model::from_json(R"({"format":"other","version":1,"prior":0.1})").has_value());
}

TEST(Model, LabelsMoveTheParameters) {
  Model model = Model::defaults();
  const double before = model.params(Field::kSex, 1).m;
  std::vector<LabelledVector> labelled;
  for (int i = 0; i < 100; ++i) {
    LabelledVector lv;
    lv.vector.level[field_index(Field::kSex)] = 1;  // matches that disagree on sex
    lv.match = true;
    labelled.push_back(lv);
  }
  model.train_from_labels(labelled);
  EXPECT_GT(model.params(Field::kSex, 1).m, before + 0.3);
  EXPECT_NEAR(model.params(Field::kSex, 0).m + model.params(Field::kSex, 1).m, 1.0, 1e-9);
}

}  // namespace
}  // namespace escudo::resolve

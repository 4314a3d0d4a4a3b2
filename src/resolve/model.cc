#include "resolve/model.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace escudo::resolve {
namespace {

constexpr double kMinProbability = 1e-9;
// The "near" level of the birth date (compare.h: exact, swapped, typo, partial, year, near, other).
constexpr int kDateNearLevel = 5;

double clamp_probability(double p) { return std::clamp(p, kMinProbability, 1 - kMinProbability); }

int level_count(int f) { return static_cast<int>(field_levels(static_cast<Field>(f)).size()); }

}  // namespace

Model Model::defaults() {
  Model model;
  // {m, u} per level, strongest first (compare.h lists the levels).
  const std::array<std::vector<LevelParams>, kFieldCount> table = {{
      {{0.75, 0.02}, {0.08, 0.002}, {0.07, 0.01}, {0.05, 0.01}, {0.03, 0.02}, {0.02, 0.938}},
      {{0.70, 0.002}, {0.05, 0.0001}, {0.15, 0.02}, {0.04, 0.005}, {0.03, 0.01}, {0.03, 0.9629}},
      {{0.80, 0.01}, {0.20, 0.99}},
      {{0.81, 0.0001}, {0.02, 0.0001}, {0.05, 0.001}, {0.05, 0.01}, {0.03, 0.02}, {0.03, 0.05},
       {0.01, 0.9188}},
      {{0.97, 0.5}, {0.03, 0.5}},
      {{0.95, 0.3}, {0.05, 0.7}},
      {{0.85, 0.00001}, {0.05, 0.00001}, {0.05, 0.0001}, {0.05, 0.99988}},
      {{0.70, 0.001}, {0.05, 0.0005}, {0.25, 0.9985}},
      {{0.60, 0.001}, {0.25, 0.02}, {0.15, 0.979}},
      {{0.80, 0.01}, {0.10, 0.03}, {0.10, 0.96}},
      {{0.80, 0.02}, {0.10, 0.01}, {0.10, 0.97}},
  }};
  for (int f = 0; f < kFieldCount; ++f) {
    model.levels_[f] = table[f];
    model.refresh(f);
  }
  model.prior_ = 0.001;
  model.max_disagreement_[field_index(Field::kGivenName)] = 0.01;
  model.max_disagreement_[field_index(Field::kSurname)] = 0.05;
  model.max_disagreement_[field_index(Field::kDateOfBirth)] = 0.003;
  model.max_disagreement_[field_index(Field::kDocument)] = 0.1;
  return model;
}

void Model::set_prior(double prior) { prior_ = clamp_probability(prior); }

void Model::set_params(Field f, int level, LevelParams p) {
  levels_[field_index(f)][level] = {clamp_probability(p.m), clamp_probability(p.u)};
  refresh(field_index(f));
}

void Model::refresh(int f) {
  weights_[f].resize(levels_[f].size());
  for (std::size_t l = 0; l < levels_[f].size(); ++l) {
    weights_[f][l] = std::log2(clamp_probability(levels_[f][l].m) /
                               clamp_probability(levels_[f][l].u));
  }
}

double Model::tf_adjustment(Field f, int level, float tf) const {
  if (tf <= 0 || level < 0) return 0;
  double u = levels_[field_index(f)][level].u;
  double adjustment = std::log2(u / std::max<double>(tf, 1e-9));
  return std::clamp(adjustment, -kMaxTfAdjustment, kMaxTfBoost);
}

double Model::prior_log2_odds() const { return std::log2(prior_ / (1 - prior_)); }

bool Model::household_only(const ComparisonVector& v, Field f) {
  if (f != Field::kPhone) return false;
  const int given = v.level[field_index(Field::kGivenName)];
  const int dob = v.level[field_index(Field::kDateOfBirth)];
  return given == static_cast<int>(field_levels(Field::kGivenName).size()) - 1 ||
         dob == static_cast<int>(field_levels(Field::kDateOfBirth).size()) - 1;
}

Model::Hold Model::hold(const ComparisonVector& v) {
  auto agrees = [&](Field f, int weakest_agreeing_level) {
    const int l = v.level[field_index(f)];
    return l != kMissing && l <= weakest_agreeing_level && !household_only(v, f);
  };
  const int given = v.level[field_index(Field::kGivenName)];
  if (given == static_cast<int>(field_levels(Field::kGivenName).size()) - 1 &&
      !agrees(Field::kDocument, 2)) {
    return Hold::kGivenNameDiffers;
  }
  if (!agrees(Field::kDateOfBirth, 3) && !agrees(Field::kDocument, 2) &&
      !agrees(Field::kPhone, 1) && !agrees(Field::kAddress, 1) && !agrees(Field::kPostcode, 0)) {
    return Hold::kNamesAlone;
  }
  return Hold::kNone;
}

std::string_view Model::hold_reason(Hold hold) {
  switch (hold) {
    case Hold::kNone: return "";
    case Hold::kNamesAlone: return "names alone agree";
    case Hold::kGivenNameDiffers: return "the given names differ (twins?)";
  }
  return "";
}

double Model::log2_odds(const ComparisonVector& v) const {
  double total = prior_log2_odds();
  for (int f = 0; f < kFieldCount; ++f) {
    const int l = v.level[f];
    if (l == kMissing || household_only(v, static_cast<Field>(f))) continue;
    total += weights_[f][l];
    if (v.tf[f] > 0) total += tf_adjustment(static_cast<Field>(f), l, v.tf[f]);
  }
  return total;
}

double Model::probability_of(double log2_odds) {
  if (log2_odds > 60) return 1.0;
  if (log2_odds < -60) return 0.0;
  double odds = std::exp2(log2_odds);
  return odds / (1 + odds);
}

void Model::estimate_u(const std::vector<ComparisonVector>& random_pairs) {
  if (random_pairs.empty()) return;
  for (int f = 0; f < kFieldCount; ++f) {
    const int levels = level_count(f);
    std::vector<double> counts(levels, 1.0);  // Laplace smoothing
    double total = levels;
    for (const auto& v : random_pairs) {
      if (v.level[f] == kMissing) continue;
      counts[v.level[f]] += 1;
      total += 1;
    }
    for (int l = 0; l < levels; ++l) levels_[f][l].u = clamp_probability(counts[l] / total);
    refresh(f);
  }
}

EmReport Model::estimate_prior(const PatternCounts& candidates, int max_iterations,
                               double tolerance) {
  EmReport report;
  std::vector<std::pair<double, double>> rows;  // (log2 Bayes factor sum, count)
  for (const auto& [pattern, count] : candidates) {
    double w = 0;
    for (int f = 0; f < kFieldCount; ++f) {
      int l = static_cast<int>((pattern >> (4 * f)) & 0xF) - 1;
      if (l >= 0) w += weights_[f][l];
    }
    rows.emplace_back(w, static_cast<double>(count));
    report.pairs += count;
  }
  for (int it = 0; it < max_iterations && !rows.empty(); ++it) {
    double odds_prior = std::log2(prior_ / (1 - prior_));
    double matches = 0, total = 0;
    for (auto [w, c] : rows) {
      matches += c * probability_of(odds_prior + w);
      total += c;
    }
    double prior = clamp_probability(matches / total);
    report.iterations = it + 1;
    bool done = std::abs(prior - prior_) < tolerance;
    prior_ = prior;
    if (done) {
      report.converged = true;
      break;
    }
  }
  report.prior = prior_;
  return report;
}

EmReport Model::estimate_m(const PatternCounts& candidates, int max_iterations, double tolerance,
                           bool update_u, std::array<bool, kFieldCount> held) {
  EmReport report;
  struct Row {
    std::array<std::int8_t, kFieldCount> level;
    double count;
  };
  std::vector<Row> rows;
  rows.reserve(candidates.size());
  for (const auto& [pattern, count] : candidates) {
    Row r{};
    for (int f = 0; f < kFieldCount; ++f) {
      r.level[f] = static_cast<std::int8_t>(((pattern >> (4 * f)) & 0xF)) - 1;
    }
    for (int f = 0; f < kFieldCount; ++f) {
      if (held[f]) r.level[f] = kMissing;
    }
    r.count = static_cast<double>(count);
    report.pairs += count;
    rows.push_back(r);
  }
  if (rows.empty()) return report;
  for (int it = 0; it < max_iterations; ++it) {
    std::array<std::vector<double>, kFieldCount> m_num, u_num;
    std::array<double, kFieldCount> m_den{}, u_den{};
    for (int f = 0; f < kFieldCount; ++f) {
      m_num[f].assign(level_count(f), 0.0);
      u_num[f].assign(level_count(f), 0.0);
    }
    double matches = 0, total = 0;
    const double log_prior = std::log(prior_), log_not = std::log(1 - prior_);
    for (const Row& r : rows) {
      double lm = log_prior, lu = log_not;
      for (int f = 0; f < kFieldCount; ++f) {
        if (r.level[f] == kMissing) continue;
        lm += std::log(levels_[f][r.level[f]].m);
        lu += std::log(levels_[f][r.level[f]].u);
      }
      double w = 1 / (1 + std::exp(std::clamp(lu - lm, -700.0, 700.0)));
      double wc = w * r.count;
      matches += wc;
      total += r.count;
      const double uc = (1 - w) * r.count;
      for (int f = 0; f < kFieldCount; ++f) {
        if (r.level[f] == kMissing) continue;
        m_num[f][r.level[f]] += wc;
        m_den[f] += wc;
        u_num[f][r.level[f]] += uc;
        u_den[f] += uc;
      }
    }
    double change = 0;
    for (int f = 0; f < kFieldCount; ++f) {
      const int levels = level_count(f);
      if (m_den[f] <= 0) continue;
      for (int l = 0; l < levels; ++l) {
        double m = clamp_probability((m_num[f][l] + 1e-3) / (m_den[f] + 1e-3 * levels));
        change = std::max(change, std::abs(m - levels_[f][l].m));
        levels_[f][l].m = m;
        if (update_u && u_den[f] > 0) {
          double u = clamp_probability((u_num[f][l] + 1e-3) / (u_den[f] + 1e-3 * levels));
          change = std::max(change, std::abs(u - levels_[f][l].u));
          levels_[f][l].u = u;
        }
      }
    }
    // The bound on complete disagreement: the excess goes to the other levels in proportion.
    for (int f = 0; f < kFieldCount; ++f) {
      const int last = level_count(f) - 1;
      double& m_last = levels_[f][last].m;
      if (held[f] || m_last <= max_disagreement_[f]) continue;
      double rest = 1 - m_last;
      double scale = rest > 0 ? (1 - max_disagreement_[f]) / rest : 0;
      for (int l = 0; l < last; ++l) {
        levels_[f][l].m = clamp_probability(rest > 0 ? levels_[f][l].m * scale
                                                     : (1 - max_disagreement_[f]) / last);
      }
      m_last = max_disagreement_[f];
    }
    // Birth dates a year or two apart (not a typo, not an estimate of the same year) are no
    // evidence for a match: namesakes born a year apart would otherwise teach EM that they are.
    // A domain bound like max_disagreement, lifted with it.
    if (!held[field_index(Field::kDateOfBirth)] && max_disagreement_[field_index(Field::kDateOfBirth)] < 1) {
      const int dob = field_index(Field::kDateOfBirth);
      auto& near = levels_[dob][kDateNearLevel];
      if (near.m > near.u) {
        double excess = near.m - near.u;
        near.m = near.u;
        double agreeing = 0;
        for (int l = 0; l < kDateNearLevel; ++l) agreeing += levels_[dob][l].m;
        for (int l = 0; l < kDateNearLevel && agreeing > 0; ++l) {
          levels_[dob][l].m += excess * levels_[dob][l].m / agreeing;
        }
      }
    }
    double prior = clamp_probability(matches / total);
    change = std::max(change, std::abs(prior - prior_));
    prior_ = prior;
    report.iterations = it + 1;
    if (change < tolerance) {
      report.converged = true;
      break;
    }
  }
  for (int f = 0; f < kFieldCount; ++f) refresh(f);
  report.prior = prior_;
  return report;
}

void Model::train_from_labels(const std::vector<LabelledVector>& labelled, double weight,
                              double prior_strength) {
  for (int f = 0; f < kFieldCount; ++f) {
    const int levels = level_count(f);
    std::vector<double> match(levels, 0.0), other(levels, 0.0);
    double n_match = 0, n_other = 0;
    for (const auto& lv : labelled) {
      const int l = lv.vector.level[f];
      if (l == kMissing) continue;
      (lv.match ? match : other)[l] += weight;
      (lv.match ? n_match : n_other) += weight;
    }
    for (int l = 0; l < levels; ++l) {
      auto& p = levels_[f][l];
      if (n_match > 0) p.m = clamp_probability((prior_strength * p.m + match[l]) / (prior_strength + n_match));
      if (n_other > 0) p.u = clamp_probability((prior_strength * p.u + other[l]) / (prior_strength + n_other));
    }
    refresh(f);
  }
}

std::string Model::to_json() const {
  nlohmann::ordered_json j;
  j["format"] = "escudo-resolve-model";
  j["version"] = 1;
  j["prior"] = prior_;
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();
  for (int f = 0; f < kFieldCount; ++f) {
    nlohmann::ordered_json levels = nlohmann::ordered_json::object();
    const auto& labels = field_levels(static_cast<Field>(f));
    for (std::size_t l = 0; l < labels.size(); ++l) {
      levels[std::string(labels[l])] = {{"m", levels_[f][l].m}, {"u", levels_[f][l].u}};
    }
    fields[std::string(field_name(static_cast<Field>(f)))] = std::move(levels);
  }
  j["fields"] = std::move(fields);
  return j.dump(2);
}

Result<Model> Model::from_json(std::string_view text) {
  Model model = defaults();
  try {
    auto j = nlohmann::json::parse(text);
    if (!j.is_object() || j.value("format", "") != "escudo-resolve-model") {
      return make_error(ErrorCode::kInvalidArgument,
                        "not an escudo resolve model (\"format\" must be \"escudo-resolve-model\")");
    }
    if (j.value("version", 0) != 1) {
      return make_error(ErrorCode::kInvalidArgument, "unsupported model version (expected 1)");
    }
    auto valid = [](double p) { return p > 0 && p < 1; };
    double prior = j.at("prior").get<double>();
    if (!valid(prior)) {
      return errorf(ErrorCode::kInvalidArgument, "prior {} is not a probability in (0, 1)", prior);
    }
    model.prior_ = prior;
    if (j.contains("fields")) {
      for (const auto& [name, levels] : j.at("fields").items()) {
        int f = -1;
        for (int i = 0; i < kFieldCount; ++i) {
          if (field_name(static_cast<Field>(i)) == name) f = i;
        }
        if (f < 0) return errorf(ErrorCode::kInvalidArgument, "unknown field '{}' in the model", name);
        const auto& labels = field_levels(static_cast<Field>(f));
        for (const auto& [label, params] : levels.items()) {
          auto it = std::find(labels.begin(), labels.end(), label);
          if (it == labels.end()) {
            return errorf(ErrorCode::kInvalidArgument, "unknown level '{}' of field '{}'", label, name);
          }
          double m = params.at("m").get<double>();
          double u = params.at("u").get<double>();
          if (!valid(m) || !valid(u)) {
            return errorf(ErrorCode::kInvalidArgument,
                          "{}.{}: m and u must be probabilities in (0, 1)", name, label);
          }
          model.levels_[f][static_cast<std::size_t>(it - labels.begin())] = {m, u};
        }
        model.refresh(f);
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return errorf(ErrorCode::kInvalidArgument, "reading the model JSON: {}", e.what());
  }
  return model;
}

}  // namespace escudo::resolve

#include "resolve/explain.h"

namespace escudo::resolve {

PairExplanation explain_pair(const Comparator& comparator, const Model& model, std::uint32_t a,
                             std::uint32_t b) {
  PairExplanation e;
  ComparisonVector v = comparator.compare(a, b);
  e.prior_log2_odds = model.prior_log2_odds();
  double total = e.prior_log2_odds;
  for (int f = 0; f < kFieldCount; ++f) {
    FieldContribution c;
    c.field = static_cast<Field>(f);
    c.level = v.level[f];
    if (c.level == kMissing) {
      c.level_label = "missing";
    } else if (Model::household_only(v, c.field)) {
      c.level_label = std::string(field_levels(c.field)[static_cast<std::size_t>(c.level)]) +
                      ", same household only (given name or birth date disagrees)";
      c.values = comparator.describe(c.field, a, b);
    } else {
      c.level_label = std::string(field_levels(c.field)[static_cast<std::size_t>(c.level)]);
      c.log2_bayes_factor = model.log2_bayes_factor(c.field, c.level);
      c.tf_adjustment = model.tf_adjustment(c.field, c.level, v.tf[f]);
      c.values = comparator.describe(c.field, a, b);
    }
    total += c.total();
    e.fields.push_back(std::move(c));
  }
  e.log2_odds = total;
  e.probability = model.probability(v);
  if (e.probability < Model::probability_of(total)) e.held = Model::hold_reason(Model::hold(v));
  return e;
}

std::vector<std::string> PairExplanation::lines() const {
  std::vector<std::string> out;
  out.push_back(fmt::format("{} ~ {}", record_a, record_b));
  out.push_back(fmt::format("  prior: {:+.2f}", prior_log2_odds));
  for (const auto& c : fields) {
    if (c.level == kMissing) continue;
    std::string tf = c.tf_adjustment != 0 ? fmt::format(" (term frequency {:+.2f})", c.tf_adjustment)
                                          : std::string();
    out.push_back(fmt::format("  {}: {} [{}] {:+.2f}{}", field_name(c.field), c.level_label,
                              c.values, c.total(), tf));
  }
  if (!held.empty()) {
    out.push_back(fmt::format("  total: {:+.2f}, {} -> probability held at {:.4f}", log2_odds,
                              held, probability));
  } else {
    out.push_back(fmt::format("  total: {:+.2f} -> probability {:.4f}", log2_odds, probability));
  }
  return out;
}

}  // namespace escudo::resolve

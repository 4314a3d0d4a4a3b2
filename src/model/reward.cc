#include "model/reward.h"

namespace escudo::model {
namespace {

constexpr std::string_view kOutcomes[] = {"arrest", "conviction", "asset_seizure",
                                          "finance_disruption", "death_link"};
constexpr std::string_view kStatuses[] = {"proposed", "approved", "rejected", "paid"};

}  // namespace

std::string_view outcome_kind_name(OutcomeKind kind) { return kOutcomes[static_cast<int>(kind)]; }

Result<OutcomeKind> parse_outcome_kind(std::string_view name) {
  for (int i = 0; i < 5; ++i) {
    if (kOutcomes[i] == name) return static_cast<OutcomeKind>(i);
  }
  return errorf(ErrorCode::kInvalidArgument,
                "'outcome_kind' must be arrest, conviction, asset_seizure, finance_disruption or "
                "death_link, not '{}'",
                name.substr(0, 60));
}

std::string_view nomination_status_name(NominationStatus status) {
  return kStatuses[static_cast<int>(status)];
}

Result<NominationStatus> parse_nomination_status(std::string_view name) {
  for (int i = 0; i < 4; ++i) {
    if (kStatuses[i] == name) return static_cast<NominationStatus>(i);
  }
  return errorf(ErrorCode::kInvalidArgument,
                "'status' must be proposed, approved, rejected or paid, not '{}'", name.substr(0, 60));
}

std::string format_usd(std::int64_t cents) {
  bool negative = cents < 0;
  std::uint64_t v = negative ? static_cast<std::uint64_t>(-(cents + 1)) + 1 : static_cast<std::uint64_t>(cents);
  std::string whole = std::to_string(v / 100);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(whole[i]);
  }
  return fmt::format("{}${}.{:02}", negative ? "-" : "", grouped, v % 100);
}

Result<std::int64_t> parse_usd(std::string_view field, std::string_view text) {
  auto bad = [&] {
    return errorf(ErrorCode::kInvalidArgument,
                  "'{}' must be an amount in US dollars such as 250000 or 250,000.00", field);
  };
  if (!text.empty() && text.front() == '$') text.remove_prefix(1);
  if (text.empty() || text.size() > 20) return bad();
  std::int64_t whole = 0;
  std::int64_t cents = 0;
  int decimals = -1;
  bool digits = false;
  for (char c : text) {
    if (c == ',' && decimals < 0) continue;
    if (c == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return bad();
    digits = true;
    if (decimals < 0) {
      whole = whole * 10 + (c - '0');
      if (whole > 1'000'000'000'000) return bad();
    } else {
      if (++decimals > 2) return bad();
      cents = cents * 10 + (c - '0');
    }
  }
  if (!digits) return bad();
  if (decimals == 1) cents *= 10;
  return whole * 100 + cents;
}

}  // namespace escudo::model

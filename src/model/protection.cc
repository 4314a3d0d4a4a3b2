#include "model/protection.h"

#include <array>

namespace escudo::model {
namespace {

template <typename E, std::size_t N>
Result<E> parse_named(std::string_view text, const std::array<std::pair<E, std::string_view>, N>& names,
                      std::string_view what) {
  std::string valid;
  for (const auto& [value, name] : names) {
    if (name == text) return value;
    if (!name.empty()) valid += (valid.empty() ? "" : ", ") + std::string(name);
  }
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not a {}; use one of {}",
                text.substr(0, 40), what, valid);
}

constexpr std::array kClaimNames = {
    std::pair{ClaimStatus::kPending, std::string_view("pending")},
    std::pair{ClaimStatus::kRecognised, std::string_view("recognised")},
    std::pair{ClaimStatus::kRejected, std::string_view("rejected")},
    std::pair{ClaimStatus::kUnderAppeal, std::string_view("under_appeal")},
    std::pair{ClaimStatus::kRejectedFinal, std::string_view("rejected_final")},
    std::pair{ClaimStatus::kWithdrawn, std::string_view("withdrawn")}};
constexpr std::array kTraffickingNames = {
    std::pair{TraffickingOutcome::kNoIndicators, std::string_view("no_indicators")},
    std::pair{TraffickingOutcome::kSuspected, std::string_view("suspected")},
    std::pair{TraffickingOutcome::kRecognised, std::string_view("recognised")},
    std::pair{TraffickingOutcome::kNotAVictim, std::string_view("not_a_victim")}};
constexpr std::array kBestInterestNames = {
    std::pair{BestInterestStatus::kNone, std::string_view("none")},
    std::pair{BestInterestStatus::kOpen, std::string_view("open")},
    std::pair{BestInterestStatus::kCompleted, std::string_view("completed")}};
constexpr std::array kRecommendationNames = {
    std::pair{BestInterestRecommendation::kNone, std::string_view("")},
    std::pair{BestInterestRecommendation::kReturn, std::string_view("return")},
    std::pair{BestInterestRecommendation::kStay, std::string_view("stay")},
    std::pair{BestInterestRecommendation::kOtherSolution, std::string_view("other_solution")}};

template <typename E, std::size_t N>
std::string_view name_of(E value, const std::array<std::pair<E, std::string_view>, N>& names) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "unknown";
}

}  // namespace

std::string_view claim_status_name(ClaimStatus status) { return name_of(status, kClaimNames); }
Result<ClaimStatus> parse_claim_status(std::string_view text) {
  return parse_named(text, kClaimNames, "claim status");
}

Status check_claim_transition(ClaimStatus from, ClaimStatus to) {
  using enum ClaimStatus;
  bool ok = false;
  switch (from) {
    case kPending: ok = to == kRecognised || to == kRejected || to == kWithdrawn; break;
    case kRejected: ok = to == kUnderAppeal || to == kRejectedFinal; break;
    case kUnderAppeal: ok = to == kRecognised || to == kRejectedFinal || to == kWithdrawn; break;
    case kRecognised:
    case kRejectedFinal:
    case kWithdrawn: ok = false; break;
  }
  if (ok) return ok_status();
  return errorf(ErrorCode::kFailedPrecondition, "a claim that is {} cannot become {}",
                claim_status_name(from), claim_status_name(to));
}

std::string_view trafficking_outcome_name(TraffickingOutcome outcome) {
  return name_of(outcome, kTraffickingNames);
}
Result<TraffickingOutcome> parse_trafficking_outcome(std::string_view text) {
  return parse_named(text, kTraffickingNames, "trafficking outcome");
}

const std::vector<TraffickingIndicator>& trafficking_indicators() {
  static const std::vector<TraffickingIndicator> kList = {
      {"deceptive_recruitment", "recruited by deception about the work, its conditions or pay"},
      {"debt_bondage", "owes a debt to the smuggler or recruiter that keeps growing"},
      {"documents_withheld", "identity or travel documents kept by someone else"},
      {"movement_restricted", "not free to leave, move or contact family"},
      {"threats_or_violence", "threatened, beaten or harmed, or family threatened"},
      {"sexual_exploitation", "forced into sex or sexual services"},
      {"forced_labour", "made to work without pay or against their will"},
      {"controlled_by_others", "someone else speaks for them or keeps their money"},
      {"excessive_work", "excessive hours, no rest, degrading conditions"},
      {"child_exploited", "a child working, begging or exploited"},
      {"unaware_of_destination", "does not know where they are going or who waits there"},
  };
  return kList;
}

Status check_trafficking_indicator(std::string_view code) {
  std::string valid;
  for (const auto& i : trafficking_indicators()) {
    if (i.code == code) return ok_status();
    valid += (valid.empty() ? "" : ", ") + std::string(i.code);
  }
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not a trafficking indicator; use one of {}",
                code.substr(0, 40), valid);
}

std::string_view best_interest_status_name(BestInterestStatus status) {
  return name_of(status, kBestInterestNames);
}
Result<BestInterestStatus> parse_best_interest_status(std::string_view text) {
  return parse_named(text, kBestInterestNames, "best-interest assessment status");
}
std::string_view best_interest_recommendation_name(BestInterestRecommendation r) {
  return name_of(r, kRecommendationNames);
}
Result<BestInterestRecommendation> parse_best_interest_recommendation(std::string_view text) {
  return parse_named(text, kRecommendationNames, "best-interest recommendation");
}

std::string_view safeguard_name(Safeguard safeguard) {
  switch (safeguard) {
    case Safeguard::kClaimPending: return "claim_pending";
    case Safeguard::kClaimUnderAppeal: return "claim_under_appeal";
    case Safeguard::kRecognisedRefugee: return "recognised_refugee";
    case Safeguard::kChildWithoutBestInterest: return "child_without_best_interest";
    case Safeguard::kTraffickingVictim: return "trafficking_victim";
    case Safeguard::kTraffickingSuspected: return "trafficking_suspected";
  }
  return "unknown";
}

std::vector<SafeguardBlock> return_blocks(const ProtectionState& s) {
  std::vector<SafeguardBlock> out;
  auto has = [&](ClaimStatus c) {
    for (ClaimStatus x : s.claims) {
      if (x == c) return true;
    }
    return false;
  };
  if (has(ClaimStatus::kPending)) {
    out.push_back({Safeguard::kClaimPending,
                   "a protection claim is pending: no return until it is decided"});
  }
  if (has(ClaimStatus::kUnderAppeal)) {
    out.push_back({Safeguard::kClaimUnderAppeal,
                   "a protection claim is under appeal: no return until the appeal is decided"});
  }
  if (has(ClaimStatus::kRecognised)) {
    out.push_back({Safeguard::kRecognisedRefugee,
                   "recognised as in need of international protection: returning them would be "
                   "refoulement"});
  }
  if (s.child && !(s.best_interest == BestInterestStatus::kCompleted &&
                   s.recommendation == BestInterestRecommendation::kReturn)) {
    out.push_back({Safeguard::kChildWithoutBestInterest,
                   s.best_interest == BestInterestStatus::kCompleted
                       ? "a child whose best-interest assessment does not recommend return"
                       : "a child without a completed best-interest assessment recommending "
                         "return"});
  }
  if (s.trafficking == TraffickingOutcome::kRecognised) {
    out.push_back({Safeguard::kTraffickingVictim, "a recognised victim of trafficking"});
  }
  if (s.trafficking == TraffickingOutcome::kSuspected) {
    out.push_back({Safeguard::kTraffickingSuspected,
                   "trafficking indicators were found and the assessment is not finished"});
  }
  return out;
}

bool voluntary_return_lifts(Safeguard safeguard) {
  return safeguard != Safeguard::kChildWithoutBestInterest;
}

}  // namespace escudo::model

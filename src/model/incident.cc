#include "model/incident.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "base/civil_date.h"
#include "base/utf8.h"

namespace escudo::model {
namespace {

using enum IncidentType;

constexpr std::array kTypes = {kRobbery,   kAssault,    kSexualViolence, kExtortion,
                               kKidnapping, kHomicide,   kDisappearance,  kDrowning,
                               kIllnessExhaustion, kRescue, kAccident,    kUnknownCause};
constexpr std::array kConsents = {Consent::kMaps, Consent::kReferral, Consent::kProsecution,
                                   Consent::kRegistration};

template <typename T, std::size_t N, typename NameOf>
Result<T> parse_among(std::string_view what, std::string_view name, const std::array<T, N>& all,
                      NameOf name_of) {
  std::string valid;
  for (T v : all) {
    if (name_of(v) == name) return v;
    if (!valid.empty()) valid += ", ";
    valid += name_of(v);
  }
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not {}; use one of {}", name, what, valid);
}

void problem(std::vector<FieldProblem>& out, std::string field, std::string code, std::string message) {
  out.push_back({std::move(field), std::move(code), std::move(message)});
}

void check_text(std::vector<FieldProblem>& out, std::string_view field, std::string_view text,
                std::size_t max) {
  if (text.size() > max) {
    problem(out, std::string(field), "too_long", fmt::format("'{}' is longer than {} bytes", field, max));
  } else if (find_invalid_utf8(text)) {
    problem(out, std::string(field), "not_text", fmt::format("'{}' is not valid UTF-8 text", field));
  }
}

}  // namespace

std::span<const IncidentType> all_incident_types() { return kTypes; }

std::string_view incident_type_name(IncidentType type) {
  switch (type) {
    case kRobbery: return "robbery";
    case kAssault: return "assault";
    case kSexualViolence: return "sexual_violence";
    case kExtortion: return "extortion";
    case kKidnapping: return "kidnapping";
    case kHomicide: return "homicide";
    case kDisappearance: return "disappearance";
    case kDrowning: return "drowning";
    case kIllnessExhaustion: return "illness_exhaustion";
    case kRescue: return "rescue";
    case kAccident: return "accident";
    case kUnknownCause: return "unknown_cause";
  }
  return "unknown";
}

Result<IncidentType> parse_incident_type(std::string_view name) {
  return parse_among("an incident type", name, kTypes, incident_type_name);
}

std::string_view incident_source_name(IncidentSource source) {
  switch (source) {
    case IncidentSource::kRegistrationInterview: return "registration_interview";
    case IncidentSource::kHealthPartner: return "health_partner";
    case IncidentSource::kPatrol: return "patrol";
    case IncidentSource::kTip: return "tip";
    case IncidentSource::kPublicData: return "public_data";
  }
  return "unknown";
}

Result<IncidentSource> parse_incident_source(std::string_view name) {
  constexpr std::array all = {IncidentSource::kRegistrationInterview, IncidentSource::kHealthPartner,
                              IncidentSource::kPatrol, IncidentSource::kTip, IncidentSource::kPublicData};
  return parse_among("a source", name, all, incident_source_name);
}

std::string_view reliability_name(Reliability reliability) {
  switch (reliability) {
    case Reliability::kConfirmed: return "confirmed";
    case Reliability::kProbable: return "probable";
    case Reliability::kUnverified: return "unverified";
  }
  return "unknown";
}

Result<Reliability> parse_reliability(std::string_view name) {
  constexpr std::array all = {Reliability::kConfirmed, Reliability::kProbable, Reliability::kUnverified};
  return parse_among("a reliability", name, all, reliability_name);
}

std::span<const Consent> all_consents() { return kConsents; }

std::string_view consent_name(Consent consent) {
  switch (consent) {
    case Consent::kMaps: return "maps";
    case Consent::kReferral: return "referral";
    case Consent::kProsecution: return "prosecution";
    case Consent::kRegistration: return "registration";
  }
  return "unknown";
}

Result<Consent> parse_consent(std::string_view name) {
  return parse_among("a kind of consent", name, kConsents, consent_name);
}

bool Incident::has_consent(Consent c) const {
  return std::find(consents.begin(), consents.end(), c) != consents.end();
}

std::vector<FieldProblem> validate_incident(const Incident& in) {
  std::vector<FieldProblem> out;
  if (!YearMonth::parse(in.month)) problem(out, "month", "invalid", "'month' must be YYYY-MM");
  if (!in.occurred_on.empty()) {
    auto date = CivilDate::parse(in.occurred_on);
    if (!date) {
      problem(out, "occurred_on", "invalid", "'occurred_on' must be a date (YYYY-MM-DD)");
    } else if (in.occurred_on.substr(0, 7) != in.month) {
      problem(out, "occurred_on", "invalid", "'occurred_on' is not in 'month'");
    }
  }
  if (!in.period_end_month.empty()) {
    auto end = YearMonth::parse(in.period_end_month);
    auto start = YearMonth::parse(in.month);
    if (!end) problem(out, "period_end_month", "invalid", "'period_end_month' must be YYYY-MM");
    else if (start && *end < *start) problem(out, "period_end_month", "invalid", "'period_end_month' is before 'month'");
  }
  auto check_point = [&](std::string_view lat_field, double lat, std::string_view lon_field, double lon) {
    if (!std::isfinite(lat) || lat < -90 || lat > 90) {
      problem(out, std::string(lat_field), "invalid", fmt::format("'{}' must be a latitude between -90 and 90", lat_field));
    }
    if (!std::isfinite(lon) || lon < -180 || lon > 180) {
      problem(out, std::string(lon_field), "invalid", fmt::format("'{}' must be a longitude between -180 and 180", lon_field));
    }
  };
  check_point("lat", in.lat, "lon", in.lon);
  if (in.segment_end_lat.has_value() != in.segment_end_lon.has_value()) {
    problem(out, "segment_end_lat", "invalid", "a segment's end needs both latitude and longitude");
  } else if (in.segment_end_lat) {
    check_point("segment_end_lat", *in.segment_end_lat, "segment_end_lon", *in.segment_end_lon);
  }
  for (auto [field, n] : {std::pair<std::string_view, std::int64_t>{"victims.women", in.victims.women},
                          {"victims.men", in.victims.men}, {"victims.girls", in.victims.girls},
                          {"victims.boys", in.victims.boys}, {"victims.unknown", in.victims.unknown},
                          {"dead_or_missing", in.dead_or_missing}}) {
    if (n < 0) problem(out, std::string(field), "invalid", fmt::format("'{}' cannot be negative", field));
  }
  if (in.survivors && *in.survivors < 0) problem(out, "survivors", "invalid", "'survivors' cannot be negative");
  check_text(out, "cause_text", in.cause_text, 500);
  check_text(out, "location", in.location, 500);
  check_text(out, "origin", in.origin, 200);
  check_text(out, "source_ref", in.source_ref, 500);
  check_text(out, "narrative", in.narrative, 20'000);
  if (!in.country_iso3.empty() && in.country_iso3.size() != 3) {
    problem(out, "country_iso3", "invalid", "'country_iso3' must be a three-letter code");
  }
  if (in.is_survivor_record()) {
    bool code_ok = in.survivor_code.size() >= 3 && in.survivor_code.size() <= 40;
    for (char c : in.survivor_code) {
      code_ok = code_ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-');
    }
    if (!code_ok) {
      problem(out, "survivor_code", "invalid",
              "a sexual-violence record needs a survivor code of 3 to 40 capital letters, digits "
              "and '-' (a code, never a name)");
    }
  } else {
    if (!in.survivor_code.empty()) {
      problem(out, "survivor_code", "invalid", "only a sexual-violence record carries a survivor code");
    }
    if (!in.consents.empty()) {
      problem(out, "consents", "invalid", "consents are recorded only on a sexual-violence record");
    }
  }
  return out;
}

Result<IncidentType> incident_type_of_mmp_cause(std::string_view cause) {
  // Causes in a list are joined by a bare comma; a comma inside one cause is followed by a space.
  std::size_t cut = 0;
  while (cut < cause.size() && !(cause[cut] == ',' && (cut + 1 == cause.size() || cause[cut + 1] != ' '))) ++cut;
  std::string_view first = cause.substr(0, cut);
  if (first == "Drowning") return kDrowning;
  if (first == "Violence") return kHomicide;
  if (first == "Sickness / lack of access to adequate healthcare") return kIllnessExhaustion;
  if (first == "Harsh environmental conditions / lack of adequate shelter, food, water") {
    return kIllnessExhaustion;
  }
  if (first == "Vehicle accident / death linked to hazardous transport") return kAccident;
  if (first == "Accidental death") return kAccident;
  if (first == "Mixed or unknown") return kUnknownCause;
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not a cause of the Missing Migrants Project", first);
}

}  // namespace escudo::model

// Protection incidents: crimes against people crossing the corridor and deaths along it, with
// place, time, victims, source and reliability. A sexual-violence incident is a survivor's
// record: it carries a survivor code, never a name, and the survivor's consent for each kind
// of sharing (see docs/security.md, "Survivor-centred records").
//
//   ESCUDO_ASSIGN_OR_RETURN(auto type, model::parse_incident_type("robbery"));
//   std::vector<FieldProblem> problems = model::validate_incident(incident);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/tip.h"

namespace escudo::model {

enum class IncidentType : std::uint8_t {
  kRobbery,
  kAssault,
  kSexualViolence,
  kExtortion,
  kKidnapping,
  kHomicide,
  kDisappearance,
  kDrowning,
  kIllnessExhaustion,  // death by illness, exhaustion or exposure
  kRescue,
  kAccident,           // a fall, a vehicle, an accident on the way
  kUnknownCause,       // a death whose cause is mixed or unknown
};
std::span<const IncidentType> all_incident_types();
std::string_view incident_type_name(IncidentType type);  // "robbery", "sexual_violence", …
Result<IncidentType> parse_incident_type(std::string_view name);

enum class IncidentSource : std::uint8_t {
  kRegistrationInterview,
  kHealthPartner,
  kPatrol,
  kTip,
  kPublicData,
};
std::string_view incident_source_name(IncidentSource source);
Result<IncidentSource> parse_incident_source(std::string_view name);

enum class Reliability : std::uint8_t { kConfirmed, kProbable, kUnverified };
std::string_view reliability_name(Reliability reliability);
Result<Reliability> parse_reliability(std::string_view name);

// What a survivor agreed to share, each on its own: anonymous statistics always leave, the
// rest only with consent.
enum class Consent : std::uint8_t {
  kMaps,         // the place (rounded) and month may appear as a point on maps and hotspots
  kReferral,     // the survivor code may be passed to a health or legal partner
  kProsecution,  // the record may join a case, with its suspects, for investigators
  kRegistration,  // the record may be linked to the survivor's registration (her person id)
};
std::span<const Consent> all_consents();
std::string_view consent_name(Consent consent);
Result<Consent> parse_consent(std::string_view name);

struct Victims {
  std::int64_t women = 0;
  std::int64_t men = 0;
  std::int64_t girls = 0;
  std::int64_t boys = 0;
  std::int64_t unknown = 0;
  std::int64_t total() const { return women + men + girls + boys + unknown; }
};

struct Incident {
  std::int64_t id = 0;
  IncidentType type = IncidentType::kRobbery;
  std::string cause_text;        // the source's own words for the cause, kept as given
  std::string occurred_on;       // YYYY-MM-DD, or empty when only the month is known
  std::string month;             // YYYY-MM
  std::string period_end_month;  // YYYY-MM for a total over a period, else empty
  double lat = 0;
  double lon = 0;
  // Along-route segment: the far end, when the incident happened somewhere between two points.
  std::optional<double> segment_end_lat;
  std::optional<double> segment_end_lon;
  std::string location;   // free text: "Río Turquesa, near Bajo Chiquito"
  std::string country_iso3;
  Victims victims;
  std::int64_t dead_or_missing = 0;
  std::optional<std::int64_t> survivors;
  std::string origin;     // nationalities, e.g. "HTI,VEN"
  IncidentSource source = IncidentSource::kPatrol;
  std::string source_ref;  // where it came from: "mmp_panama_colombia.csv:17"
  Reliability reliability = Reliability::kUnverified;
  std::string narrative;   // what happened; for a survivor's record, protection staff only
  // Survivor-centred fields (sexual violence only).
  std::string survivor_code;
  std::vector<Consent> consents;
  std::vector<std::int64_t> suspect_entity_ids;
  std::string recorded_by;
  std::int64_t recorded_at = 0;

  bool is_survivor_record() const { return type == IncidentType::kSexualViolence; }
  bool has_consent(Consent c) const;
};

// Every problem with the incident (the field and why). A sexual-violence incident needs a
// survivor code (letters, digits and '-', no spaces: a code, not a name); other incidents may
// not carry one or any consent.
std::vector<FieldProblem> validate_incident(const Incident& incident);

// The incident types the IOM Missing Migrants Project's causes of death map to. A list of
// causes ("Drowning,Violence") takes the first. kInvalidArgument for an unknown cause.
Result<IncidentType> incident_type_of_mmp_cause(std::string_view cause);

}  // namespace escudo::model

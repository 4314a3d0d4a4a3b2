// The corridor simulator: synthetic registrations of people arriving at the Darién reception
// stations, realistic enough to exercise escudo at national scale, with the ground truth kept
// apart from what a registrar would have written down.
//
// The official monthly tables drive it: a group's month is drawn in proportion to the month's
// total, its nationality in proportion to the month's counts, and the share of children and of
// women and girls follows the month's table by sex and age (months without one take the overall
// shares of the months that have one). People travel in groups: about half alone, then couples,
// families with children, adult relatives, unrelated adults travelling together, and a small
// share of children without their parents (about 1.5% of children have no adult relative with
// them; about as many again travel with a relative who is not a parent). Each person has names
// plausible for their nationality (Spanish double surnames passed from both parents), a date
// of birth or only an estimated age, a document and a phone in their country's formats, and
// vulnerability flags; each group has a station, a day, a departure point, days in the jungle
// and what it paid.
//
//   sim::OfficialTables tables{.by_nationality = nat_rows, .by_sex_age = demog_rows};
//   sim::SimConfig config{.seed = 7, .people = 100'000};
//   ESCUDO_TRY(sim::generate(config, tables, [&](const sim::SimGroup& g) -> Status {
//     sim::write_csv_group(out, g);   // registration_csv.h
//     return ok_status();
//   }));
//
// Deterministic: one seed gives the same groups on every machine (the generator uses its own
// PRNG and sampling). Pure: plain data in and out, no I/O, no globals; thread-safe (concurrent
// calls share nothing).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/civil_date.h"
#include "base/status.h"
#include "model/transit.h"
#include "stats/fact_table.h"

namespace escudo::sim {

// The official tables as read by the caller (model/transit.h). Annual rows of the table by
// nationality are ignored: only months with monthly rows are simulated.
struct OfficialTables {
  std::vector<model::NationalityCount> by_nationality;
  std::vector<model::DemographicCount> by_sex_age;
};

struct SimConfig {
  std::uint64_t seed = 1;
  // How many people to produce, exactly: whole groups are drawn until the next one would pass
  // this number, then groups are drawn again until one fits.
  std::int64_t people = 0;
  // Keep only the months in [first_month, last_month] (inclusive) of the tables.
  std::optional<YearMonth> first_month;
  std::optional<YearMonth> last_month;
};

enum class Relationship : std::uint8_t {
  kHead,
  kSpouse,
  kChild,
  kParent,
  kSibling,
  kGrandparent,
  kOtherRelative,
  kUnrelated,
};

enum class DocumentType : std::uint8_t {
  kNone,
  kPassport,
  kNationalId,
  kBirthCertificate,
  kOther,
};

// How a group is made up (ground truth; a registrar does not write it down).
enum class GroupKind : std::uint8_t {
  kSingle,                    // one adult
  kCouple,                    // head and spouse
  kAdultRelatives,            // adults of one family, no children
  kUnrelatedAdults,           // adults who met on the way
  kFamily,                    // one or two parents with children, perhaps another adult
  kKinshipCare,               // children with an adult relative who is not their parent
  kUnaccompaniedChildren,     // one child alone, or minor siblings
  kChildWithUnrelatedAdults,  // a child travelling with adults who are not family
};

// Lower-case words: "other_relative", "birth_certificate" (as in the CSV), "kinship_care".
std::string_view relationship_name(Relationship relationship);
std::string_view document_type_name(DocumentType type);
std::string_view group_kind_name(GroupKind kind);

// The station codes the simulator uses, in a fixed order, and the departure points.
const std::vector<std::string_view>& station_codes();
const std::vector<std::string_view>& departure_points();

struct SimPerson {
  // --- As registered (what the CSV holds) ---
  std::string given_names;
  std::string family_names;
  stats::Sex sex = stats::Sex::kUnknown;
  // Whether the registrar wrote down the date of birth; when not, `estimated_age` is set.
  bool birth_date_recorded = true;
  std::optional<int> estimated_age;
  std::string nationality_iso3;
  DocumentType document_type = DocumentType::kNone;
  std::string document_country_iso3;  // empty when there is no document or the country is unknown
  std::string document_number;
  std::string phone;                                // E.164 ("+584121234567") or empty
  Relationship relationship = Relationship::kHead;  // to the group's head
  bool pregnant = false;
  bool disability = false;
  bool injured = false;
  bool violence_survivor = false;
  // A child travelling with an adult relative who is not their parent (a grandparent, an aunt,
  // an adult brother). Children with no adult relative at all are `unaccompanied` instead.
  bool separated = false;

  // --- Ground truth ---
  CivilDate birth_date;  // always set; the CSV shows it only when `birth_date_recorded`
  int age = 0;           // whole years on the registration day
  // People of a group with the same number are family; the number means nothing else.
  int household = 0;
  // A child with no adult relative in the group. The simulator keeps escudo's rule true:
  // such a child's group has no adult whose relationship is other than "unrelated".
  bool unaccompanied = false;
};

struct SimGroup {
  std::int64_t index = 0;  // 0, 1, 2, … in the order generated
  GroupKind kind = GroupKind::kSingle;
  std::string_view station;  // one of station_codes()
  CivilDate registered_on;
  std::string_view departure_point;  // one of departure_points(), or empty when not told
  std::optional<int> days_in_jungle;
  std::optional<std::int64_t> paid_usd_cents;  // what the whole group paid; none when not told
  std::string_view paid_to;  // "guide", "boat operator", "unknown", …; empty when nobody
  std::vector<SimPerson> people;
};

// Calls `on_group` for each group, in order, until exactly `config.people` people have been
// produced, and stops at the first error `on_group` returns (which is returned). Memory stays
// bounded by one group. kInvalidArgument when `people` is negative, when first_month is after
// last_month, when a count in the tables is negative or a nationality is not three capital
// letters, or when no month with monthly rows falls in the configured range.
Status generate(const SimConfig& config, const OfficialTables& tables,
                const std::function<Status(const SimGroup&)>& on_group);

// The statistical attributes only (day, nationality, sex, age group, station), one row of
// weight 1 per person appended to `out` with Source::kRegistered. For the same config and tables
// these are exactly the people generate() produces, in the same order, many times faster.
// kInvalidArgument as generate(), and when `out` is not of day resolution.
Status generate_facts(const SimConfig& config, const OfficialTables& tables, stats::FactTable& out);

}  // namespace escudo::sim

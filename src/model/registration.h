// People registered on arrival at a reception station, in the group they travel with.
//
// A registrar records a group (one person alone, or a family registered together): where and
// when, the route as told (departure point, days in the jungle, what was paid and to whom), and
// each person: names as given, sex, date of birth or an estimated age, nationality, a document,
// a phone, their relationship in the group and vulnerability flags. A child with no adult
// relative in the group is flagged unaccompanied automatically (flag_unaccompanied()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "base/ids.h"
#include "base/status.h"

namespace escudo::model {

struct StationIdTag {};
struct GroupIdTag {};
struct PersonIdTag {};
using StationId = Id<StationIdTag>;
using GroupId = Id<GroupIdTag>;
using PersonId = Id<PersonIdTag>;

struct Station {
  StationId id;
  std::string code;  // "bajo-chiquito"
  std::string name;  // "Bajo Chiquito"
  std::string country_iso3;
  double lat = 0;
  double lon = 0;
  bool active = true;
};

enum class PersonSex : std::uint8_t { kFemale, kMale, kUnknown };
enum class DocumentType : std::uint8_t { kPassport, kNationalId, kBirthCertificate, kOther, kNone };
enum class Relationship : std::uint8_t {
  kHead, kSpouse, kChild, kParent, kSibling, kGrandparent, kOtherRelative, kUnrelated,
};

std::string_view person_sex_name(PersonSex sex);
Result<PersonSex> parse_person_sex(std::string_view text);
std::string_view document_type_name(DocumentType type);
Result<DocumentType> parse_document_type(std::string_view text);
std::string_view relationship_name(Relationship relationship);
Result<Relationship> parse_relationship(std::string_view text);

inline constexpr int kAdultAge = 18;

struct Person {
  PersonId id;
  std::string given_names;
  std::string family_names;
  PersonSex sex = PersonSex::kUnknown;
  std::optional<CivilDate> birth_date;
  std::optional<int> estimated_age;  // whole years, when no date of birth is known
  std::string nationality_iso3;
  DocumentType document_type = DocumentType::kNone;
  std::string document_country_iso3;
  std::string document_number;
  std::string phone;  // E.164, or empty
  Relationship relationship = Relationship::kHead;
  bool pregnant = false;
  bool disability = false;
  bool injured = false;
  bool violence_survivor = false;
  bool separated = false;      // a child with adults who are not their usual caregivers
  bool unaccompanied = false;  // set by flag_unaccompanied(), never by hand
};

struct RegistrationGroup {
  GroupId id;
  std::string station_code;
  CivilDate registered_on;
  std::string departure_point;
  std::optional<int> days_in_jungle;
  std::optional<std::int64_t> paid_usd_cents;
  std::string paid_to;
  std::vector<Person> people;
};

// A problem with one field: `person` is the index in the group, or -1 for the group itself.
struct FieldError {
  int person = -1;
  std::string field;
  std::string message;
};

// The person's age in whole years on `day`: from the date of birth, else the estimate.
std::optional<int> age_on(const Person& person, CivilDate day);

// Checks every field of the group and returns every problem (empty when it is valid). `today`
// bounds dates: no registration or birth in the future.
std::vector<FieldError> validate_group(const RegistrationGroup& group, CivilDate today);

// Marks each child (under 18 on the registration day) who has no adult relative in the group
// (an adult whose relationship is not "unrelated") as unaccompanied; clears it otherwise.
void flag_unaccompanied(RegistrationGroup& group);

// "+" then 7 to 15 digits, the first not 0 (ITU-T E.164).
bool is_e164_phone(std::string_view phone);

// Parses "350", "350.5" or "350.00" US dollars into cents. kInvalidArgument otherwise.
Result<std::int64_t> parse_usd_cents(std::string_view text);

}  // namespace escudo::model

#include "model/registration.h"

#include <array>
#include <charconv>

#include "base/utf8.h"
#include "model/transit.h"

namespace escudo::model {
namespace {

template <typename E, std::size_t N>
Result<E> parse_named(std::string_view text, const std::array<std::string_view, N>& names,
                      std::string_view what) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  std::string list;
  for (auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not a {}; use {}", text, what, list);
}

constexpr std::array<std::string_view, 3> kSexNames = {"female", "male", "unknown"};
constexpr std::array<std::string_view, 5> kDocumentNames = {"passport", "national_id",
                                                            "birth_certificate", "other", "none"};
constexpr std::array<std::string_view, 8> kRelationshipNames = {
    "head", "spouse", "child", "parent", "sibling", "grandparent", "other_relative", "unrelated"};

void check_text(std::vector<FieldError>& errors, int person, std::string_view field,
                std::string_view text, bool required, std::size_t max_bytes) {
  if (required && text.empty()) {
    errors.push_back({person, std::string(field), "is required"});
    return;
  }
  if (text.size() > max_bytes) {
    errors.push_back({person, std::string(field), fmt::format("is longer than {} bytes", max_bytes)});
  } else if (find_invalid_utf8(text)) {
    errors.push_back({person, std::string(field), "is not valid UTF-8 text"});
  } else {
    for (unsigned char c : text) {
      if (c < 0x20 || c == 0x7f) {
        errors.push_back({person, std::string(field), "holds a control character"});
        break;
      }
    }
  }
}

}  // namespace

std::string_view person_sex_name(PersonSex sex) { return kSexNames[static_cast<std::size_t>(sex)]; }
Result<PersonSex> parse_person_sex(std::string_view text) {
  return parse_named<PersonSex>(text, kSexNames, "sex");
}
std::string_view document_type_name(DocumentType type) {
  return kDocumentNames[static_cast<std::size_t>(type)];
}
Result<DocumentType> parse_document_type(std::string_view text) {
  return parse_named<DocumentType>(text, kDocumentNames, "document type");
}
std::string_view relationship_name(Relationship relationship) {
  return kRelationshipNames[static_cast<std::size_t>(relationship)];
}
Result<Relationship> parse_relationship(std::string_view text) {
  return parse_named<Relationship>(text, kRelationshipNames, "relationship");
}

std::optional<int> age_on(const Person& person, CivilDate day) {
  if (person.birth_date) {
    const CivilDate& b = *person.birth_date;
    int age = day.year() - b.year();
    if (day.month() < b.month() || (day.month() == b.month() && day.day() < b.day())) --age;
    return age;
  }
  return person.estimated_age;
}

bool is_e164_phone(std::string_view phone) {
  if (phone.size() < 8 || phone.size() > 16 || phone[0] != '+' || phone[1] == '0') return false;
  for (std::size_t i = 1; i < phone.size(); ++i) {
    if (phone[i] < '0' || phone[i] > '9') return false;
  }
  return true;
}

Result<std::int64_t> parse_usd_cents(std::string_view text) {
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view cents = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (!digits(whole) || whole.size() > 9 || (dot != std::string_view::npos && (!digits(cents) || cents.size() > 2))) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not an amount in dollars such as 350 or 350.50", text);
  }
  std::int64_t value = 0;
  std::from_chars(whole.data(), whole.data() + whole.size(), value);
  std::int64_t c = 0;
  if (!cents.empty()) {
    std::from_chars(cents.data(), cents.data() + cents.size(), c);
    if (cents.size() == 1) c *= 10;
  }
  return value * 100 + c;
}

std::vector<FieldError> validate_group(const RegistrationGroup& g, CivilDate today) {
  std::vector<FieldError> errors;
  check_text(errors, -1, "station", g.station_code, true, 64);
  if (g.registered_on > today) errors.push_back({-1, "registered_on", "is in the future"});
  check_text(errors, -1, "departure_point", g.departure_point, false, 200);
  check_text(errors, -1, "paid_to", g.paid_to, false, 200);
  if (g.days_in_jungle && (*g.days_in_jungle < 0 || *g.days_in_jungle > 60)) {
    errors.push_back({-1, "days_in_jungle", "must be between 0 and 60"});
  }
  if (g.paid_usd_cents && *g.paid_usd_cents < 0) {
    errors.push_back({-1, "paid_usd", "cannot be negative"});
  }
  if (g.people.empty()) errors.push_back({-1, "people", "a group has at least one person"});
  if (g.people.size() > 40) errors.push_back({-1, "people", "a group has at most 40 people"});
  for (std::size_t i = 0; i < g.people.size(); ++i) {
    const Person& p = g.people[i];
    int n = static_cast<int>(i);
    check_text(errors, n, "given_names", p.given_names, true, 200);
    check_text(errors, n, "family_names", p.family_names, false, 200);
    if (!validate_iso3(p.nationality_iso3)) {
      errors.push_back({n, "nationality", "must be three capital letters (ISO 3166 alpha-3, e.g. VEN)"});
    }
    if (!p.birth_date && !p.estimated_age) {
      errors.push_back({n, "birth_date", "give a date of birth or an estimated age"});
    }
    if (p.birth_date) {
      if (*p.birth_date > g.registered_on) {
        errors.push_back({n, "birth_date", "is after the registration day"});
      } else if (g.registered_on.year() - p.birth_date->year() > 110) {
        errors.push_back({n, "birth_date", "makes the person older than 110"});
      }
    }
    if (p.estimated_age && (*p.estimated_age < 0 || *p.estimated_age > 110)) {
      errors.push_back({n, "estimated_age", "must be between 0 and 110"});
    }
    if (p.document_type != DocumentType::kNone) {
      check_text(errors, n, "document_number", p.document_number, true, 64);
      if (!p.document_country_iso3.empty() && !validate_iso3(p.document_country_iso3)) {
        errors.push_back({n, "document_country", "must be three capital letters (ISO 3166 alpha-3)"});
      }
    } else if (!p.document_number.empty()) {
      errors.push_back({n, "document_number", "is given but the document type is 'none'"});
    }
    if (!p.phone.empty() && !is_e164_phone(p.phone)) {
      errors.push_back({n, "phone", "must be in international form, e.g. +584121234567"});
    }
    auto age = age_on(p, g.registered_on);
    if (p.pregnant && (p.sex == PersonSex::kMale || (age && *age < 10))) {
      errors.push_back({n, "pregnant", "does not fit the person's sex or age"});
    }
    if (p.separated && age && *age >= kAdultAge) {
      errors.push_back({n, "separated", "applies to children only"});
    }
  }
  return errors;
}

void flag_unaccompanied(RegistrationGroup& g) {
  bool adult_relative = false;
  for (const Person& p : g.people) {
    auto age = age_on(p, g.registered_on);
    if (age && *age >= kAdultAge && p.relationship != Relationship::kUnrelated) adult_relative = true;
  }
  for (Person& p : g.people) {
    auto age = age_on(p, g.registered_on);
    p.unaccompanied = age && *age < kAdultAge && !adult_relative;
  }
}

}  // namespace escudo::model

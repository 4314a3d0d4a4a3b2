// A person record as the resolution engine takes it: plain text fields, one per kind, as a
// registrar, an interview or a tip wrote them. Nothing here is normalised yet; normalize.h
// turns a record into the compact form the engine compares.
//
//   PersonRecord r;
//   r.record_id = "interview-17";
//   r.full_name = "José Luis Mosquera Palacios alias El Mono";
//   r.date_of_birth = PartialDate{.year = 1984, .month = 3};   // day unknown
//   r.phones = {"+57 300 123 4567"};
//   r.nationality = "COL";
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace escudo::resolve {

// A date that may be known only in part: year only, year and month, or a full day; and that
// may be an estimate ("about 30 years old"). 0 means "not known" for each part.
struct PartialDate {
  std::int16_t year = 0;
  std::int8_t month = 0;
  std::int8_t day = 0;
  bool estimated = false;

  bool known() const { return year != 0; }
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// The layouts `parse_partial_date` understands. kIso accepts "YYYY-MM-DD", "YYYY-MM" and
// "YYYY"; the others accept their full form and a bare year. A leading "~", "c." or "ca." marks
// an estimate in every layout.
enum class DateFormat : std::uint8_t { kIso, kYyyymmdd, kDdMmYyyy, kMmDdYyyy, kYear };

// "YYYY-MM-DD", "YYYYMMDD", "DD/MM/YYYY" (also "DD-MM-YYYY", "DD.MM.YYYY"), "MM/DD/YYYY",
// "YYYY". kInvalidArgument listing them otherwise.
Result<DateFormat> parse_date_format(std::string_view name);

// Empty text gives an unknown date. kInvalidArgument naming the text and the layout when it
// does not match, or names no real day (2023-02-30). Thread-safe.
Result<PartialDate> parse_partial_date(std::string_view text, DateFormat format);

// Like parse_partial_date, but keeps what is valid of a date that is not ("19371233" → 1937-12,
// the day dropped; "abc" → unknown). For sources known to hold typing errors. Thread-safe.
PartialDate parse_partial_date_lenient(std::string_view text, DateFormat format);

// "1984-03-07", "1984-03", "1984", "~1984"; "" when unknown.
std::string partial_date_to_string(const PartialDate& date);

struct Document {
  std::string type;     // "passport", "national_id", "cedula", … (free text, normalised)
  std::string country;  // issuing country, ISO 3166 alpha-2 or alpha-3; may be empty
  std::string number;
};

struct PersonRecord {
  std::string record_id;  // the caller's id; unique within one index
  std::string given_name;
  std::string surname;
  // A whole name when given name and surname are not kept apart ("Jose L. Mosquera", "El Mono",
  // "Mosquera Palacios, José Luis"); parsed by the corridor's customs.
  std::string full_name;
  std::vector<std::string> aliases;  // nicknames known apart from the name
  PartialDate date_of_birth;
  std::string sex;          // "f", "female", "mujer", "m", "male", "hombre", …
  std::string nationality;  // ISO 3166 alpha-2 or alpha-3; the phones' default region
  std::vector<Document> documents;
  std::vector<std::string> phones;
  std::string phone_region;  // ISO alpha-2/3 region for local phone numbers, when known
  std::string address;
  std::string postcode;
  std::string city;
};

}  // namespace escudo::resolve

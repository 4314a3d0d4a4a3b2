// From rows of any table of people (a CSV of registrations, interviews, tips) to PersonRecords:
// the user maps columns to field kinds, with a date format where needed.
//
//   ESCUDO_ASSIGN_OR_RETURN(FieldSpec dob, parse_field_spec("date_of_birth=dob:YYYYMMDD"));
//   ESCUDO_ASSIGN_OR_RETURN(RecordMapping mapping,
//                           RecordMapping::create(header, "rec_id", {given, surname, dob}));
//   ESCUDO_ASSIGN_OR_RETURN(PersonRecord r, mapping.map(row.fields));
//
// Kinds: given_name, surname, full_name, alias, date_of_birth (with :FORMAT, default
// YYYY-MM-DD), sex, nationality, document (its number), document_type, document_country,
// phone, address, postcode, city, text (kept out of matching). Several columns may map to one
// kind: names, address and city are joined with spaces; phones, documents and aliases are kept
// apart. Values are trimmed. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "resolve/record.h"

namespace escudo::resolve {

enum class FieldKind : std::uint8_t {
  kGivenName,
  kSurname,
  kFullName,
  kAlias,
  kDateOfBirth,
  kSex,
  kNationality,
  kDocument,
  kDocumentType,
  kDocumentCountry,
  kPhone,
  kAddress,
  kPostcode,
  kCity,
  kText,
};

struct FieldSpec {
  FieldKind kind = FieldKind::kText;
  std::string column;
  DateFormat date_format = DateFormat::kIso;
};

// "KIND=COLUMN[:FORMAT]". kInvalidArgument naming the unknown kind or format; a format is
// accepted only for date_of_birth.
Result<FieldSpec> parse_field_spec(std::string_view spec);

class RecordMapping {
 public:
  // kInvalidArgument naming a column the header lacks.
  // `lenient_dates`: a date that does not parse keeps its valid parts instead of being an
  // error (parse_partial_date_lenient).
  static Result<RecordMapping> create(const std::vector<std::string>& header,
                                      std::string_view id_column,
                                      const std::vector<FieldSpec>& specs,
                                      bool lenient_dates = false);

  // kInvalidArgument naming the column and the reason ("column 'dob': '1984-13-01' is not a
  // date in the format YYYYMMDD"; "has 3 fields, the header 5"; "empty id").
  Result<PersonRecord> map(const std::vector<std::string>& fields) const;

 private:
  bool lenient_dates_ = false;
  std::size_t id_index_ = 0;
  std::size_t width_ = 0;
  std::vector<std::pair<std::size_t, FieldSpec>> columns_;
};

}  // namespace escudo::resolve

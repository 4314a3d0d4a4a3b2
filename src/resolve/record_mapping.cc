#include "resolve/record_mapping.h"

#include <algorithm>
#include <array>

namespace escudo::resolve {
namespace {

constexpr std::array<std::pair<std::string_view, FieldKind>, 15> kKinds = {{
    {"given_name", FieldKind::kGivenName},
    {"surname", FieldKind::kSurname},
    {"full_name", FieldKind::kFullName},
    {"alias", FieldKind::kAlias},
    {"date_of_birth", FieldKind::kDateOfBirth},
    {"sex", FieldKind::kSex},
    {"nationality", FieldKind::kNationality},
    {"document", FieldKind::kDocument},
    {"document_type", FieldKind::kDocumentType},
    {"document_country", FieldKind::kDocumentCountry},
    {"phone", FieldKind::kPhone},
    {"address", FieldKind::kAddress},
    {"postcode", FieldKind::kPostcode},
    {"city", FieldKind::kCity},
    {"text", FieldKind::kText},
}};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void append(std::string& to, std::string_view value) {
  if (value.empty()) return;
  if (!to.empty()) to += ' ';
  to += value;
}

}  // namespace

Result<FieldSpec> parse_field_spec(std::string_view spec) {
  std::size_t eq = spec.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size()) {
    return errorf(ErrorCode::kInvalidArgument,
                  "field mapping '{}' should read KIND=COLUMN or KIND=COLUMN:FORMAT", spec);
  }
  std::string_view kind = spec.substr(0, eq);
  std::string_view rest = spec.substr(eq + 1);
  FieldSpec out;
  auto it = std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& k) { return k.first == kind; });
  if (it == kKinds.end()) {
    std::string names;
    for (const auto& k : kKinds) append(names, k.first);
    return errorf(ErrorCode::kInvalidArgument, "unknown field kind '{}'; use one of: {}", kind, names);
  }
  out.kind = it->second;
  std::size_t colon = rest.rfind(':');
  if (colon != std::string_view::npos && out.kind == FieldKind::kDateOfBirth) {
    ESCUDO_ASSIGN_OR_RETURN(out.date_format, parse_date_format(rest.substr(colon + 1)));
    rest = rest.substr(0, colon);
  } else if (colon != std::string_view::npos && colon + 1 < rest.size() &&
             rest.substr(colon + 1).find_first_of("YMD") == 0) {
    return errorf(ErrorCode::kInvalidArgument, "only date_of_birth takes a format, not {}", kind);
  }
  if (rest.empty()) return errorf(ErrorCode::kInvalidArgument, "field mapping '{}' names no column", spec);
  out.column = std::string(rest);
  return out;
}

Result<RecordMapping> RecordMapping::create(const std::vector<std::string>& header,
                                            std::string_view id_column,
                                            const std::vector<FieldSpec>& specs,
                                            bool lenient_dates) {
  RecordMapping m;
  m.lenient_dates_ = lenient_dates;
  m.width_ = header.size();
  auto find = [&](std::string_view name) -> Result<std::size_t> {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (trim(header[i]) == name) return i;
    }
    std::string names;
    for (const auto& h : header) append(names, "'" + std::string(trim(h)) + "'");
    return errorf(ErrorCode::kInvalidArgument, "the header has no column '{}' (it has {})", name,
                  names);
  };
  ESCUDO_ASSIGN_OR_RETURN(m.id_index_, find(id_column));
  for (const auto& spec : specs) {
    ESCUDO_ASSIGN_OR_RETURN(std::size_t index, find(spec.column));
    m.columns_.emplace_back(index, spec);
  }
  return m;
}

Result<PersonRecord> RecordMapping::map(const std::vector<std::string>& fields) const {
  if (fields.size() != width_) {
    return errorf(ErrorCode::kInvalidArgument, "has {} fields, the header {}", fields.size(), width_);
  }
  PersonRecord r;
  r.record_id = std::string(trim(fields[id_index_]));
  if (r.record_id.empty()) return make_error(ErrorCode::kInvalidArgument, "the id is empty");
  std::string doc_type, doc_country;
  std::vector<std::string> numbers;
  for (const auto& [index, spec] : columns_) {
    std::string_view value = trim(fields[index]);
    switch (spec.kind) {
      case FieldKind::kGivenName: append(r.given_name, value); break;
      case FieldKind::kSurname: append(r.surname, value); break;
      case FieldKind::kFullName: append(r.full_name, value); break;
      case FieldKind::kAlias:
        if (!value.empty()) r.aliases.emplace_back(value);
        break;
      case FieldKind::kDateOfBirth: {
        if (lenient_dates_) {
          PartialDate date = parse_partial_date_lenient(value, spec.date_format);
          if (date.known()) r.date_of_birth = date;
          break;
        }
        auto date = parse_partial_date(value, spec.date_format);
        if (!date) return std::unexpected(date.error().with_context(fmt::format("column '{}'", spec.column)));
        if (date->known()) r.date_of_birth = *date;
        break;
      }
      case FieldKind::kSex: append(r.sex, value); break;
      case FieldKind::kNationality: append(r.nationality, value); break;
      case FieldKind::kDocument:
        if (!value.empty()) numbers.emplace_back(value);
        break;
      case FieldKind::kDocumentType: append(doc_type, value); break;
      case FieldKind::kDocumentCountry: append(doc_country, value); break;
      case FieldKind::kPhone:
        if (!value.empty()) r.phones.emplace_back(value);
        break;
      case FieldKind::kAddress: append(r.address, value); break;
      case FieldKind::kPostcode: append(r.postcode, value); break;
      case FieldKind::kCity: append(r.city, value); break;
      case FieldKind::kText: break;
    }
  }
  for (auto& n : numbers) r.documents.push_back({doc_type, doc_country, std::move(n)});
  return r;
}

}  // namespace escudo::resolve

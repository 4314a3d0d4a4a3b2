#include "sim/people_csv.h"

#include <fmt/format.h>

#include <iterator>

#include "base/csv_writer.h"

namespace escudo::sim {
namespace {

void append_id(std::string& out, char prefix, std::int64_t id, int width) {
  out += prefix;
  fmt::format_to(std::back_inserter(out), "{:0{}}", id, width);
}

std::string_view sex_letter(stats::Sex sex) {
  switch (sex) {
    case stats::Sex::kFemale:
      return "F";
    case stats::Sex::kMale:
      return "M";
    case stats::Sex::kUnknown:
      break;
  }
  return "";
}

}  // namespace

int id_width(std::int64_t records) {
  int digits = 1;
  for (std::int64_t largest = records - 1; largest >= 10; largest /= 10) ++digits;
  return std::max(7, digits);
}

std::string record_ref(std::int64_t record_id, int width) {
  std::string out;
  append_id(out, 'r', record_id, width);
  return out;
}

std::string person_ref(std::int64_t person_id, int width) {
  std::string out;
  append_id(out, 'p', person_id, width);
  return out;
}

void append_people_header(std::string& out) {
  out +=
      "record_id,given_name,surname,sex,date_of_birth,nationality,document_type,"
      "document_country,document_number,phone\n";
}

void append_person_record(std::string& out, const PersonRecord& r, int width) {
  append_id(out, 'r', r.record_id, width);
  out += ',';
  append_csv_field(out, r.given_name);
  out += ',';
  append_csv_field(out, r.surname);
  out += ',';
  out += sex_letter(r.sex);
  out += ',';
  out += r.date_of_birth;
  out += ',';
  append_csv_field(out, r.nationality);
  out += ',';
  if (r.document_type != DocumentType::kNone) out += document_type_name(r.document_type);
  out += ',';
  append_csv_field(out, r.document_country);
  out += ',';
  append_csv_field(out, r.document_number);
  out += ',';
  append_csv_field(out, r.phone);
  out += '\n';
}

void append_truth_header(std::string& out) { out += "record_id,person_id\n"; }

void append_truth_row(std::string& out, const PersonRecord& r, int width) {
  append_id(out, 'r', r.record_id, width);
  out += ',';
  append_id(out, 'p', r.person_id, width);
  out += '\n';
}

}  // namespace escudo::sim

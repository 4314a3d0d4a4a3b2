// The person records of generate_people() as two CSV files: the records as written, and the
// truth that says which person each record is.
//
//   record_id,given_name,surname,sex,date_of_birth,nationality,document_type,document_country,
//   document_number,phone
//   r0841270,María José,Mosquera Palacios,F,1994-03-07,COL,national_id,COL,1034567890,+573101234567
//
//   record_id,person_id
//   r0841270,p0000123
//
// Ids are zero-padded to the width of the largest one (at least seven digits), so that they
// sort as text. Fields are quoted only when they hold a comma, a quote or a line break.
#pragma once

#include <cstdint>
#include <string>

#include "sim/people.h"

namespace escudo::sim {

// Digits of the ids of a file of `records` records: max(7, digits of records - 1).
int id_width(std::int64_t records);

// "r0000042", "p0000042".
std::string record_ref(std::int64_t record_id, int width);
std::string person_ref(std::int64_t person_id, int width);

// Each with its line end.
void append_people_header(std::string& out);
void append_person_record(std::string& out, const PersonRecord& record, int width);
void append_truth_header(std::string& out);
void append_truth_row(std::string& out, const PersonRecord& record, int width);

}  // namespace escudo::sim

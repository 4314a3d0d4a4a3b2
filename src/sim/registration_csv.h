// The registration CSV that escudo's registration import reads: a header line, then one row
// per person (RFC 4180; fields quoted only when they hold a comma, a quote or a line break).
//
//   group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,
//   nationality,document_type,document_country,document_number,phone,relationship,
//   departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,
//   violence_survivor,separated
//
// Fields that describe the group (station, registered_on, departure_point, days_in_jungle,
// paid_usd — what the whole group paid — and paid_to) repeat on each of its rows. Only what a
// registrar writes down appears; the ground truth of a SimPerson (true birth date, household,
// unaccompanied) does not.
//
//   sim::write_csv_header(out);
//   ESCUDO_TRY(sim::generate(config, tables, [&](const sim::SimGroup& g) {
//     sim::write_csv_group(out, g);
//     return ok_status();
//   }));
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "sim/corridor.h"

namespace escudo::sim {

// "G000000042": unique per group index.
std::string group_ref(std::int64_t index);

// The header line (with its line end).
void append_csv_header(std::string& out);
// One line per person of the group.
void append_csv_group(std::string& out, const SimGroup& group);

void write_csv_header(std::ostream& out);
void write_csv_group(std::ostream& out, const SimGroup& group);

}  // namespace escudo::sim

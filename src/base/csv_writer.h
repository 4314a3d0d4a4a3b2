// Writing CSV fields (RFC 4180): a field holding a comma, a quote or a line break is quoted,
// with its quotes doubled; any other field is written as it is. The counterpart of
// csv_reader.h.
//
//   std::string row;
//   append_csv_field(row, "Canaán, Membrillo");   // "Canaán, Membrillo" in quotes
//   row += ',';
//   row += csv_field("Ana");                       // Ana
#pragma once

#include <string>
#include <string_view>

namespace escudo {

void append_csv_field(std::string& out, std::string_view value);
std::string csv_field(std::string_view value);

}  // namespace escudo

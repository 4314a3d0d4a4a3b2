#include "sim/registration_csv.h"

#include <fmt/format.h>

#include "base/csv_writer.h"

namespace escudo::sim {
namespace {

constexpr std::string_view kHeader =
    "group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,"
    "nationality,document_type,document_country,document_number,phone,relationship,"
    "departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,"
    "violence_survivor,separated\n";

void append_date(std::string& out, CivilDate day) {
  fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
}

std::string_view sex_word(stats::Sex sex) { return stats::sex_name(sex); }

}  // namespace

std::string group_ref(std::int64_t index) { return fmt::format("G{:09}", index); }

void append_csv_header(std::string& out) { out += kHeader; }

void append_csv_group(std::string& out, const SimGroup& g) {
  // The group's own fields, written once and repeated on each row.
  std::string journey;
  append_csv_field(journey, g.departure_point);
  journey += ',';
  if (g.days_in_jungle) fmt::format_to(std::back_inserter(journey), "{}", *g.days_in_jungle);
  journey += ',';
  if (g.paid_usd_cents) {
    fmt::format_to(std::back_inserter(journey), "{}.{:02}", *g.paid_usd_cents / 100,
                   *g.paid_usd_cents % 100);
  }
  journey += ',';
  append_csv_field(journey, g.paid_to);

  const std::string ref = group_ref(g.index);
  for (const SimPerson& p : g.people) {
    out += ref;
    out += ',';
    append_csv_field(out, g.station);
    out += ',';
    append_date(out, g.registered_on);
    out += ',';
    append_csv_field(out, p.given_names);
    out += ',';
    append_csv_field(out, p.family_names);
    out += ',';
    out += sex_word(p.sex);
    out += ',';
    if (p.birth_date_recorded) append_date(out, p.birth_date);
    out += ',';
    if (!p.birth_date_recorded && p.estimated_age) {
      fmt::format_to(std::back_inserter(out), "{}", *p.estimated_age);
    }
    out += ',';
    append_csv_field(out, p.nationality_iso3);
    out += ',';
    out += document_type_name(p.document_type);
    out += ',';
    append_csv_field(out, p.document_country_iso3);
    out += ',';
    append_csv_field(out, p.document_number);
    out += ',';
    append_csv_field(out, p.phone);
    out += ',';
    out += relationship_name(p.relationship);
    out += ',';
    out += journey;
    for (bool flag : {p.pregnant, p.disability, p.injured, p.violence_survivor, p.separated}) {
      out += ',';
      out += flag ? '1' : '0';
    }
    out += '\n';
  }
}

void write_csv_header(std::ostream& out) {
  out.write(kHeader.data(), static_cast<std::streamsize>(kHeader.size()));
}

void write_csv_group(std::ostream& out, const SimGroup& group) {
  std::string text;
  append_csv_group(text, group);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace escudo::sim

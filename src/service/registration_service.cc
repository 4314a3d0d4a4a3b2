#include "service/registration_service.h"

#include <array>
#include <charconv>
#include <map>
#include <set>

#include "base/csv_reader.h"
#include "base/log.h"
#include "service/audit_service.h"
#include "store/registration_repo.h"

namespace escudo::service {
namespace {

constexpr std::string_view kColumns[] = {
    "group_ref",  "station",         "registered_on",  "given_names",   "family_names",
    "sex",        "birth_date",      "estimated_age",  "nationality",   "document_type",
    "document_country", "document_number", "phone",    "relationship",  "departure_point",
    "days_in_jungle", "paid_usd",    "paid_to",        "pregnant",      "disability",
    "injured",    "violence_survivor", "separated"};

Result<std::optional<int>> optional_whole(std::string_view text) {
  if (text.empty()) return std::optional<int>();
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a whole number", text);
  }
  return std::optional<int>(value);
}

Result<bool> flag(std::string_view text) {
  if (text == "0" || text.empty()) return false;
  if (text == "1") return true;
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not 0 or 1", text);
}

CivilDate today_of(const Clock& clock) { return civil_date_from_unix_seconds(clock.now_unix_seconds()); }

}  // namespace

Status RegistrationService::require_create(const Actor& actor) {
  if (actor.principal == nullptr) return ok_status();
  return require(*actor.principal, model::Permission::kRegistrationsCreate);
}

Result<std::vector<model::Station>> RegistrationService::stations(const Principal* principal) {
  if (principal != nullptr) ESCUDO_TRY(require(*principal, model::Permission::kTransitsRead));
  auto db = pool_.acquire();
  return store::RegistrationRepo(*db).stations();
}

Result<RegistrationOutcome> RegistrationService::register_group(const Actor& actor,
                                                                model::RegistrationGroup group) {
  ESCUDO_TRY(require_create(actor));
  RegistrationOutcome out;
  out.errors = model::validate_group(group, today_of(clock_));
  auto db = pool_.acquire();
  store::RegistrationRepo repo(*db);
  std::optional<model::Station> station;
  if (!group.station_code.empty()) {
    auto found = repo.station_by_code(group.station_code);
    if (found) {
      station = *found;
    } else if (found.error().code() == ErrorCode::kNotFound) {
      out.errors.push_back({-1, "station", found.error().message()});
    } else {
      return std::unexpected(found.error());
    }
  }
  if (!out.errors.empty()) {
    out.group = std::move(group);
    return out;
  }
  model::flag_unaccompanied(group);
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(repo.insert_group(group, station->id, clock_.now_unix_seconds(), actor.name, std::nullopt));
  int unaccompanied = 0;
  for (const auto& p : group.people) unaccompanied += p.unaccompanied ? 1 : 0;
  // The detail names no one: counts and the station only.
  ESCUDO_TRY(append_audit(*db, clock_, actor, "registration.create",
                          fmt::format("group:{}", group.id.value()),
                          fmt::format("station={} people={} unaccompanied={}", group.station_code,
                                      group.people.size(), unaccompanied)));
  ESCUDO_TRY(tx.commit());
  out.stored = true;
  out.group = std::move(group);
  return out;
}

Result<RegistrationImportReport> RegistrationService::import_csv(const Actor& actor,
                                                                 std::unique_ptr<InputStream> input) {
  ESCUDO_TRY(require_create(actor));
  const std::string source = input->name();
  CsvReader reader(std::move(input));
  CsvRecord record;
  RegistrationImportReport report;
  auto add_error = [&](RowError e) {
    ++report.error_count;
    if (report.errors.size() < kMaxReportedErrors) report.errors.push_back(std::move(e));
  };

  ESCUDO_ASSIGN_OR_RETURN(bool has_header, reader.next(record));
  if (!has_header) return errorf(ErrorCode::kInvalidArgument, "{} is empty", source);
  std::map<std::string, std::size_t> cols;
  for (std::size_t i = 0; i < record.fields.size(); ++i) cols[record.fields[i]] = i;
  for (std::string_view c : kColumns) {
    if (!cols.contains(std::string(c))) {
      return errorf(ErrorCode::kInvalidArgument,
                    "{}: line 1: the header lacks the column '{}'; see docs/api.md for the "
                    "registration layout",
                    source, c);
    }
  }
  if (cols.size() != std::size(kColumns)) {
    return errorf(ErrorCode::kInvalidArgument, "{}: line 1: the header has unknown columns", source);
  }
  // Where each known column sits in this file, looked up once rather than per field.
  std::array<std::size_t, std::size(kColumns)> position{};
  for (std::size_t c = 0; c < std::size(kColumns); ++c) position[c] = cols.at(std::string(kColumns[c]));

  struct Pending {
    model::RegistrationGroup group;
    std::vector<std::int64_t> lines;                 // line of each person
    std::vector<std::vector<std::int64_t>> columns;  // column of each field of each person
  };
  std::map<std::string, Pending> groups;
  std::vector<std::string> order;
  std::map<std::string, model::StationId> station_ids;
  auto db = pool_.acquire();
  store::RegistrationRepo repo(*db);

  while (true) {
    auto more = reader.next(record);
    if (!more) {
      if (more.error().code() != ErrorCode::kInvalidArgument &&
          more.error().code() != ErrorCode::kResourceExhausted) {
        return std::unexpected(more.error());
      }
      add_error({reader.error_line(), reader.error_column(), "", more.error().message()});
      if (more.error().code() == ErrorCode::kResourceExhausted) break;
      continue;
    }
    if (!*more) break;
    if (record.fields.size() != cols.size()) {
      add_error({record.line, 0, "", fmt::format("the row has {} fields; the header has {}",
                                                 record.fields.size(), cols.size())});
      continue;
    }
    auto index_of = [&](std::string_view name) {
      for (std::size_t c = 0; c < std::size(kColumns); ++c) {
        if (kColumns[c] == name) return position[c];
      }
      return std::size_t{0};  // unreachable: every name used is in kColumns
    };
    auto field = [&](std::string_view name) -> const std::string& {
      return record.fields[index_of(name)];
    };
    auto column = [&](std::string_view name) { return record.columns[index_of(name)]; };
    bool ok = true;
    auto fail = [&](std::string_view name, const Error& e) {
      ok = false;
      add_error({record.line, column(name), std::string(name), e.message()});
    };
    const std::string& ref = field("group_ref");
    if (ref.empty()) {
      fail("group_ref", Error(ErrorCode::kInvalidArgument, "is required"));
      continue;
    }
    bool first = !groups.contains(ref);
    Pending& pending = groups[ref];
    if (first) {
      order.push_back(ref);
      auto& g = pending.group;
      g.station_code = field("station");
      if (auto day = CivilDate::parse(field("registered_on"))) g.registered_on = *day;
      else fail("registered_on", day.error());
      g.departure_point = field("departure_point");
      if (auto d = optional_whole(field("days_in_jungle"))) g.days_in_jungle = *d;
      else fail("days_in_jungle", d.error());
      if (!field("paid_usd").empty()) {
        if (auto c = model::parse_usd_cents(field("paid_usd"))) g.paid_usd_cents = *c;
        else fail("paid_usd", c.error());
      }
      g.paid_to = field("paid_to");
      if (!station_ids.contains(g.station_code) && !g.station_code.empty()) {
        auto station = repo.station_by_code(g.station_code);
        if (station) station_ids[g.station_code] = station->id;
        else if (station.error().code() == ErrorCode::kNotFound) fail("station", station.error());
        else return std::unexpected(station.error());
      }
    } else if (field("station") != pending.group.station_code ||
               field("registered_on") != pending.group.registered_on.to_string()) {
      fail("group_ref", Error(ErrorCode::kInvalidArgument,
                              fmt::format("group {} has another station or day on an earlier line", ref)));
    }
    model::Person p;
    p.given_names = field("given_names");
    p.family_names = field("family_names");
    if (auto v = model::parse_person_sex(field("sex"))) p.sex = *v; else fail("sex", v.error());
    if (!field("birth_date").empty()) {
      if (auto v = CivilDate::parse(field("birth_date"))) p.birth_date = *v; else fail("birth_date", v.error());
    }
    if (auto v = optional_whole(field("estimated_age"))) p.estimated_age = *v; else fail("estimated_age", v.error());
    p.nationality_iso3 = field("nationality");
    if (auto v = model::parse_document_type(field("document_type"))) p.document_type = *v;
    else fail("document_type", v.error());
    p.document_country_iso3 = field("document_country");
    p.document_number = field("document_number");
    p.phone = field("phone");
    if (auto v = model::parse_relationship(field("relationship"))) p.relationship = *v;
    else fail("relationship", v.error());
    for (auto [name, target] : {std::pair<std::string_view, bool*>{"pregnant", &p.pregnant},
                                {"disability", &p.disability}, {"injured", &p.injured},
                                {"violence_survivor", &p.violence_survivor},
                                {"separated", &p.separated}}) {
      if (auto v = flag(field(name))) *target = *v; else fail(name, v.error());
    }
    if (!ok) continue;
    pending.group.people.push_back(std::move(p));
    pending.lines.push_back(record.line);
    std::vector<std::int64_t> person_columns(std::size(kColumns));
    for (std::size_t c = 0; c < std::size(kColumns); ++c) person_columns[c] = record.columns[position[c]];
    pending.columns.push_back(std::move(person_columns));
  }

  CivilDate today = today_of(clock_);
  for (const auto& ref : order) {
    Pending& pending = groups[ref];
    if (pending.group.people.empty()) continue;  // its rows already failed
    for (const auto& e : model::validate_group(pending.group, today)) {
      if (e.field == "station") continue;  // checked against the stored stations above
      std::size_t person = e.person < 0 ? 0 : static_cast<std::size_t>(e.person);
      std::int64_t col = 0;
      for (std::size_t c = 0; c < std::size(kColumns); ++c) {
        if (kColumns[c] == e.field) col = pending.columns[person][c];
      }
      add_error({pending.lines[person], col, e.field, e.field + " " + e.message});
    }
  }
  if (report.error_count > 0) return report;

  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  std::int64_t now = clock_.now_unix_seconds();
  for (const auto& ref : order) {
    Pending& pending = groups[ref];
    model::flag_unaccompanied(pending.group);
    ESCUDO_TRY(repo.insert_group(pending.group, station_ids.at(pending.group.station_code), now,
                                 actor.name, std::string_view(ref)));
    ++report.groups;
    report.people += static_cast<std::int64_t>(pending.group.people.size());
    for (const auto& p : pending.group.people) report.unaccompanied += p.unaccompanied ? 1 : 0;
  }
  if (report.groups == 0) return errorf(ErrorCode::kInvalidArgument, "{} has a header but no rows", source);
  ESCUDO_TRY(append_audit(*db, clock_, actor, "registration.import", "registrations",
                          fmt::format("file={} groups={} people={} unaccompanied={}", source,
                                      report.groups, report.people, report.unaccompanied)));
  ESCUDO_TRY(tx.commit());
  report.stored = true;
  log::info("registration.import", {{"file", source}, {"people", std::to_string(report.people)}});
  return report;
}

Result<model::RegistrationGroup> RegistrationService::group(const Principal& principal,
                                                            model::GroupId id) {
  ESCUDO_TRY(require(principal, model::Permission::kIdentityRead));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_ASSIGN_OR_RETURN(auto g, store::RegistrationRepo(*db).find_group(id));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "identity.read",
                          fmt::format("group:{}", id.value()),
                          fmt::format("people={}", g.people.size())));
  ESCUDO_TRY(tx.commit());
  return g;
}

}  // namespace escudo::service

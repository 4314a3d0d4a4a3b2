#include "store/registration_repo.h"

#include <map>

namespace escudo::store {
namespace {

std::string_view age_group_text(const model::Person& p, CivilDate day) {
  auto age = model::age_on(p, day);
  if (!age) return "unknown";
  return *age < model::kAdultAge ? "child" : "adult";
}

model::Station read_station(const Row& row) {
  return {model::StationId(row.get_int(0)), row.get_text(1), row.get_text(2), row.get_text(3),
          row.get_double(4), row.get_double(5), row.get_int(6) != 0};
}

}  // namespace

Result<std::vector<model::Station>> RegistrationRepo::stations() {
  std::vector<model::Station> out;
  ESCUDO_TRY(db_.query("SELECT id, code, name, country_iso3, lat, lon, active FROM stations "
                       "ORDER BY name",
                       {}, [&](const Row& row) {
                         out.push_back(read_station(row));
                         return ok_status();
                       }));
  return out;
}

Result<model::Station> RegistrationRepo::station_by_code(std::string_view code) {
  std::optional<model::Station> found;
  ESCUDO_TRY(db_.query("SELECT id, code, name, country_iso3, lat, lon, active FROM stations "
                       "WHERE code = $1",
                       {code}, [&](const Row& row) {
                         found = read_station(row);
                         return ok_status();
                       }));
  if (found) return *found;
  ESCUDO_ASSIGN_OR_RETURN(auto all, stations());
  std::string codes;
  for (const auto& s : all) codes += (codes.empty() ? "" : ", ") + s.code;
  return errorf(ErrorCode::kNotFound, "'{}' is not a station; the stations are {}", code, codes);
}

Status RegistrationRepo::insert_group(model::RegistrationGroup& g, model::StationId station,
                                      std::int64_t registered_at, std::string_view registered_by,
                                      std::optional<std::string_view> import_ref) {
  std::string day = g.registered_on.to_string();
  SqlValue days = g.days_in_jungle ? SqlValue(std::int64_t{*g.days_in_jungle}) : nullptr;
  SqlValue paid = g.paid_usd_cents ? SqlValue(*g.paid_usd_cents) : nullptr;
  SqlValue ref = import_ref ? SqlValue(*import_ref) : nullptr;
  std::optional<std::int64_t> group_id;
  ESCUDO_TRY(db_.query(
      "INSERT INTO registration_groups (station_id, registered_on, departure_point, "
      "days_in_jungle, paid_usd_cents, paid_to, registered_at, registered_by, import_ref) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {station.value(), day, g.departure_point, days, paid, g.paid_to, registered_at,
       registered_by, ref},
      [&](const Row& row) {
        group_id = row.get_int(0);
        return ok_status();
      }));
  g.id = model::GroupId(group_id.value_or(0));
  for (model::Person& p : g.people) {
    std::string birth = p.birth_date ? p.birth_date->to_string() : "";
    SqlValue birth_value = p.birth_date ? SqlValue(std::string_view(birth)) : nullptr;
    SqlValue estimate = p.estimated_age ? SqlValue(std::int64_t{*p.estimated_age}) : nullptr;
    std::optional<std::int64_t> person_id;
    ESCUDO_TRY(db_.query(
        "INSERT INTO persons (group_id, given_names, family_names, sex, birth_date, "
        "estimated_age, age_group, nationality, document_type, document_country, "
        "document_number, phone, relationship, pregnant, disability, injured, "
        "violence_survivor, separated, unaccompanied) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id",
        {g.id.value(), p.given_names, p.family_names, model::person_sex_name(p.sex), birth_value,
         estimate, age_group_text(p, g.registered_on), p.nationality_iso3,
         model::document_type_name(p.document_type), p.document_country_iso3, p.document_number,
         p.phone, model::relationship_name(p.relationship), std::int64_t{p.pregnant},
         std::int64_t{p.disability}, std::int64_t{p.injured}, std::int64_t{p.violence_survivor},
         std::int64_t{p.separated}, std::int64_t{p.unaccompanied}},
        [&](const Row& row) {
          person_id = row.get_int(0);
          return ok_status();
        }));
    p.id = model::PersonId(person_id.value_or(0));
  }
  return ok_status();
}

namespace {

// "INSERT INTO t (c1, ..) VALUES ($1, ..), ($k+1, ..), .." for `rows` rows of `columns` values.
std::string multi_row_insert(std::string_view head, std::size_t columns, std::size_t rows) {
  std::string sql(head);
  sql += " VALUES ";
  std::size_t n = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (std::size_t c = 0; c < columns; ++c) {
      sql += c == 0 ? "$" : ", $";
      sql += std::to_string(++n);
    }
    sql += ")";
  }
  return sql;
}

// Rows per statement: under SQLite's limit of 32,766 parameters and big enough that the
// per-statement cost no longer shows.
constexpr std::size_t kRowsPerInsert = 50;
constexpr std::size_t kStatementRows[] = {kRowsPerInsert, 16, 4, 1};

// OR ROLLBACK: a constraint failure ends the whole transaction (the caller's import is all or
// nothing anyway), so SQLite need not journal each statement to undo it alone.
constexpr std::string_view kGroupInsert =
    "INSERT OR ROLLBACK INTO registration_groups (id, station_id, registered_on, departure_point, "
    "days_in_jungle, paid_usd_cents, paid_to, registered_at, registered_by, import_ref)";
constexpr std::size_t kGroupColumns = 10;
constexpr std::string_view kPersonInsert =
    "INSERT OR ROLLBACK INTO persons (id, group_id, given_names, family_names, sex, birth_date, "
    "estimated_age, age_group, nationality, document_type, document_country, document_number, "
    "phone, relationship, pregnant, disability, injured, violence_survivor, separated, "
    "unaccompanied)";
constexpr std::size_t kPersonColumns = 20;

}  // namespace

Status RegistrationRepo::insert_groups(std::span<const GroupToStore> groups,
                                       std::int64_t registered_at, std::string_view registered_by) {
  ESCUDO_ASSIGN_OR_RETURN(auto last_group,
                          db_.query_int("SELECT COALESCE(MAX(id), 0) FROM registration_groups"));
  ESCUDO_ASSIGN_OR_RETURN(auto last_person, db_.query_int("SELECT COALESCE(MAX(id), 0) FROM persons"));
  std::int64_t next_group = last_group.value_or(0) + 1;
  std::int64_t next_person = last_person.value_or(0) + 1;

  // The text of dates, kept alive until the statements that bind them have run.
  std::vector<std::string> days;
  std::vector<std::string> births;
  days.reserve(groups.size());
  std::size_t people = 0;
  for (const auto& g : groups) people += g.group->people.size();
  births.reserve(people);

  std::vector<SqlValue> params;
  params.reserve(kRowsPerInsert * kPersonColumns);
  // The statement texts, built once per call; a tail shorter than a full statement goes in
  // pieces of the shorter sizes so that only a few distinct statements are ever prepared.
  std::map<std::pair<std::string_view, std::size_t>, std::string> texts;
  auto flush = [&](std::string_view head, std::size_t columns) -> Status {
    std::size_t done = 0;
    std::size_t rows = params.size() / columns;
    for (std::size_t size : kStatementRows) {
      while (rows - done >= size) {
        auto& sql = texts[{head, size}];
        if (sql.empty()) sql = multi_row_insert(head, columns, size);
        ESCUDO_TRY(db_.execute(sql, std::span<const SqlValue>(params).subspan(done * columns,
                                                                               size * columns)));
        done += size;
      }
    }
    params.clear();
    return ok_status();
  };

  for (const auto& item : groups) {
    model::RegistrationGroup& g = *item.group;
    g.id = model::GroupId(next_group++);
    days.push_back(g.registered_on.to_string());
    params.insert(params.end(),
                  {g.id.value(), item.station.value(), std::string_view(days.back()),
                   std::string_view(g.departure_point),
                   g.days_in_jungle ? SqlValue(std::int64_t{*g.days_in_jungle}) : nullptr,
                   g.paid_usd_cents ? SqlValue(*g.paid_usd_cents) : nullptr,
                   std::string_view(g.paid_to), registered_at, registered_by,
                   item.import_ref.empty() ? SqlValue(nullptr) : SqlValue(item.import_ref)});
    if (params.size() == kRowsPerInsert * kGroupColumns) ESCUDO_TRY(flush(kGroupInsert, kGroupColumns));
  }
  ESCUDO_TRY(flush(kGroupInsert, kGroupColumns));

  for (const auto& item : groups) {
    model::RegistrationGroup& g = *item.group;
    for (model::Person& p : g.people) {
      p.id = model::PersonId(next_person++);
      SqlValue birth = nullptr;
      if (p.birth_date) {
        births.push_back(p.birth_date->to_string());
        birth = std::string_view(births.back());
      }
      params.insert(params.end(),
                    {p.id.value(), g.id.value(), std::string_view(p.given_names),
                     std::string_view(p.family_names), model::person_sex_name(p.sex), birth,
                     p.estimated_age ? SqlValue(std::int64_t{*p.estimated_age}) : nullptr,
                     age_group_text(p, g.registered_on), std::string_view(p.nationality_iso3),
                     model::document_type_name(p.document_type),
                     std::string_view(p.document_country_iso3), std::string_view(p.document_number),
                     std::string_view(p.phone), model::relationship_name(p.relationship),
                     std::int64_t{p.pregnant}, std::int64_t{p.disability}, std::int64_t{p.injured},
                     std::int64_t{p.violence_survivor}, std::int64_t{p.separated},
                     std::int64_t{p.unaccompanied}});
      if (params.size() == kRowsPerInsert * kPersonColumns) {
        ESCUDO_TRY(flush(kPersonInsert, kPersonColumns));
      }
    }
  }
  return flush(kPersonInsert, kPersonColumns);
}

Result<model::RegistrationGroup> RegistrationRepo::find_group(model::GroupId id) {
  std::optional<model::RegistrationGroup> g;
  ESCUDO_TRY(db_.query(
      "SELECT g.id, s.code, g.registered_on, g.departure_point, g.days_in_jungle, "
      "g.paid_usd_cents, g.paid_to FROM registration_groups g JOIN stations s ON s.id = "
      "g.station_id WHERE g.id = $1",
      {id.value()}, [&](const Row& row) -> Status {
        model::RegistrationGroup out;
        out.id = model::GroupId(row.get_int(0));
        out.station_code = row.get_text(1);
        ESCUDO_ASSIGN_OR_RETURN(out.registered_on, CivilDate::parse(row.get_text_view(2)));
        out.departure_point = row.get_text(3);
        if (!row.is_null(4)) out.days_in_jungle = static_cast<int>(row.get_int(4));
        if (!row.is_null(5)) out.paid_usd_cents = row.get_int(5);
        out.paid_to = row.get_text(6);
        g = std::move(out);
        return ok_status();
      }));
  if (!g) return errorf(ErrorCode::kNotFound, "no registration group {}", id.value());
  ESCUDO_TRY(db_.query(
      "SELECT id, given_names, family_names, sex, birth_date, estimated_age, nationality, "
      "document_type, document_country, document_number, phone, relationship, pregnant, "
      "disability, injured, violence_survivor, separated, unaccompanied FROM persons WHERE "
      "group_id = $1 ORDER BY id",
      {id.value()}, [&](const Row& row) -> Status {
        model::Person p;
        p.id = model::PersonId(row.get_int(0));
        p.given_names = row.get_text(1);
        p.family_names = row.get_text(2);
        ESCUDO_ASSIGN_OR_RETURN(p.sex, model::parse_person_sex(row.get_text_view(3)));
        if (!row.is_null(4)) {
          ESCUDO_ASSIGN_OR_RETURN(auto birth, CivilDate::parse(row.get_text_view(4)));
          p.birth_date = birth;
        }
        if (!row.is_null(5)) p.estimated_age = static_cast<int>(row.get_int(5));
        p.nationality_iso3 = row.get_text(6);
        ESCUDO_ASSIGN_OR_RETURN(p.document_type, model::parse_document_type(row.get_text_view(7)));
        p.document_country_iso3 = row.get_text(8);
        p.document_number = row.get_text(9);
        p.phone = row.get_text(10);
        ESCUDO_ASSIGN_OR_RETURN(p.relationship, model::parse_relationship(row.get_text_view(11)));
        p.pregnant = row.get_int(12) != 0;
        p.disability = row.get_int(13) != 0;
        p.injured = row.get_int(14) != 0;
        p.violence_survivor = row.get_int(15) != 0;
        p.separated = row.get_int(16) != 0;
        p.unaccompanied = row.get_int(17) != 0;
        g->people.push_back(std::move(p));
        return ok_status();
      }));
  return std::move(*g);
}

Status RegistrationRepo::for_each_fact(const std::function<Status(const RegistrationFact&)>& visit) {
  return db_.query(
      "SELECT g.registered_on, p.nationality, p.sex, p.age_group, s.code FROM persons p "
      "JOIN registration_groups g ON g.id = p.group_id JOIN stations s ON s.id = g.station_id",
      {}, [&](const Row& row) {
        return visit({row.get_text_view(0), row.get_text_view(1), row.get_text_view(2),
                      row.get_text_view(3), row.get_text_view(4)});
      });
}

Result<std::int64_t> RegistrationRepo::count_people() {
  ESCUDO_ASSIGN_OR_RETURN(auto n, db_.query_int("SELECT COUNT(*) FROM persons"));
  return n.value_or(0);
}

}  // namespace escudo::store

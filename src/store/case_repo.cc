#include "store/case_repo.h"

namespace escudo::store {
namespace {

constexpr std::string_view kCaseSelect =
    "SELECT c.id, c.title, c.agency, c.country, c.status, c.lead_user_id, u.username, "
    "u.display_name, c.created_at FROM cases c JOIN users u ON u.id = c.lead_user_id";

CaseRow read_case(const Row& row) {
  CaseRow c;
  c.id = row.get_int(0);
  c.title = row.get_text(1);
  c.agency = row.get_text(2);
  c.country = row.get_text(3);
  c.status = row.get_text(4);
  c.lead_user_id = row.get_int(5);
  c.lead_username = row.get_text(6);
  c.lead_display_name = row.get_text(7);
  c.created_at = row.get_int(8);
  return c;
}

constexpr std::string_view kEventColumns =
    "id, case_id, entity_id, kind, happened_on, agency, country, note, entered_by, entered_at";

CaseEventRow read_event(const Row& row) {
  CaseEventRow e;
  e.id = row.get_int(0);
  e.case_id = row.get_int(1);
  e.entity_id = row.get_int(2);
  e.kind = row.get_text(3);
  e.happened_on = row.get_text(4);
  e.agency = row.get_text(5);
  e.country = row.get_text(6);
  e.note = row.get_text(7);
  e.entered_by = row.get_text(8);
  e.entered_at = row.get_int(9);
  return e;
}

}  // namespace

Result<std::int64_t> CaseRepo::add_case(const CaseRow& c) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO cases (title, agency, country, status, lead_user_id, created_at) VALUES ($1, "
      "$2, $3, $4, $5, $6) RETURNING id",
      {std::string_view(c.title), std::string_view(c.agency), std::string_view(c.country),
       std::string_view(c.status), c.lead_user_id, c.created_at},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::optional<CaseRow>> CaseRepo::find(std::int64_t id) {
  std::optional<CaseRow> out;
  ESCUDO_TRY(db_.query(fmt::format("{} WHERE c.id = $1", kCaseSelect), {id}, [&](const Row& row) {
    out = read_case(row);
    return ok_status();
  }));
  return out;
}

Result<std::vector<CaseRow>> CaseRepo::list() {
  std::vector<CaseRow> out;
  ESCUDO_TRY(db_.query(fmt::format("{} ORDER BY c.id", kCaseSelect), {}, [&](const Row& row) {
    out.push_back(read_case(row));
    return ok_status();
  }));
  return out;
}

Status CaseRepo::add_member(std::int64_t case_id, std::int64_t user_id, std::string_view added_by,
                            std::int64_t now) {
  return db_.execute(
      "INSERT INTO case_members (case_id, user_id, added_by, added_at) VALUES ($1, $2, $3, $4)",
      {case_id, user_id, added_by, now});
}

Result<bool> CaseRepo::is_member(std::int64_t case_id, std::int64_t user_id) {
  ESCUDO_ASSIGN_OR_RETURN(
      auto found,
      db_.query_int("SELECT 1 FROM case_members WHERE case_id = $1 AND user_id = $2", {case_id, user_id}));
  return found.has_value();
}

Result<std::vector<CaseMemberRow>> CaseRepo::members(std::int64_t case_id) {
  std::vector<CaseMemberRow> out;
  ESCUDO_TRY(db_.query(
      "SELECT u.id, u.username, u.display_name, a.name, m.added_by, m.added_at FROM case_members m "
      "JOIN users u ON u.id = m.user_id JOIN agencies a ON a.id = u.agency_id WHERE m.case_id = $1 "
      "ORDER BY m.added_at, u.id",
      {case_id}, [&](const Row& row) {
        out.push_back({row.get_int(0), row.get_text(1), row.get_text(2), row.get_text(3),
                       row.get_text(4), row.get_int(5)});
        return ok_status();
      }));
  return out;
}

Result<std::vector<std::int64_t>> CaseRepo::cases_of(std::int64_t user_id) {
  std::vector<std::int64_t> out;
  ESCUDO_TRY(db_.query("SELECT case_id FROM case_members WHERE user_id = $1 ORDER BY case_id",
                       {user_id}, [&](const Row& row) {
                         out.push_back(row.get_int(0));
                         return ok_status();
                       }));
  return out;
}

Status CaseRepo::add_item(std::int64_t case_id, const CaseItemRow& item) {
  return db_.execute(
      "INSERT INTO case_items (case_id, kind, item_id, added_by, added_at) VALUES ($1, $2, $3, $4, $5)",
      {case_id, std::string_view(item.kind), item.item_id, std::string_view(item.added_by),
       item.added_at});
}

Result<std::vector<CaseItemRow>> CaseRepo::items(std::int64_t case_id) {
  std::vector<CaseItemRow> out;
  ESCUDO_TRY(db_.query(
      "SELECT kind, item_id, added_by, added_at FROM case_items WHERE case_id = $1 ORDER BY kind, "
      "item_id",
      {case_id}, [&](const Row& row) {
        out.push_back({row.get_text(0), row.get_int(1), row.get_text(2), row.get_int(3)});
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> CaseRepo::add_event(const CaseEventRow& e) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO case_events (case_id, entity_id, kind, happened_on, agency, country, note, "
      "entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {e.case_id, e.entity_id, std::string_view(e.kind), std::string_view(e.happened_on),
       std::string_view(e.agency), std::string_view(e.country), std::string_view(e.note),
       std::string_view(e.entered_by), e.entered_at},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::vector<CaseEventRow>> CaseRepo::events_of_case(std::int64_t case_id) {
  std::vector<CaseEventRow> out;
  ESCUDO_TRY(db_.query(
      fmt::format("SELECT {} FROM case_events WHERE case_id = $1 ORDER BY happened_on, id", kEventColumns),
      {case_id}, [&](const Row& row) {
        out.push_back(read_event(row));
        return ok_status();
      }));
  return out;
}

Result<std::optional<CaseEventRow>> CaseRepo::find_event(std::int64_t id) {
  std::optional<CaseEventRow> out;
  ESCUDO_TRY(db_.query(fmt::format("SELECT {} FROM case_events WHERE id = $1", kEventColumns), {id},
                       [&](const Row& row) {
                         out = read_event(row);
                         return ok_status();
                       }));
  return out;
}

Result<std::vector<CaseEventRow>> CaseRepo::all_events() {
  std::vector<CaseEventRow> out;
  ESCUDO_TRY(db_.query(fmt::format("SELECT {} FROM case_events ORDER BY id", kEventColumns), {},
                       [&](const Row& row) {
                         out.push_back(read_event(row));
                         return ok_status();
                       }));
  return out;
}

Result<std::vector<EventCountRow>> CaseRepo::count_events(bool by_year, std::string_view from,
                                                          std::string_view to) {
  std::vector<EventCountRow> out;
  // substr is common to SQLite and PostgreSQL; the day is text YYYY-MM-DD.
  const std::int64_t length = by_year ? 4 : 7;
  ESCUDO_TRY(db_.query(
      "SELECT substr(happened_on, 1, $1) AS period, agency, country, kind, COUNT(*) FROM "
      "case_events WHERE ($2 = '' OR happened_on >= $2) AND ($3 = '' OR happened_on <= $3) "
      "GROUP BY period, agency, country, kind ORDER BY period, agency, country, kind",
      {length, from, to}, [&](const Row& row) {
        out.push_back({row.get_text(0), row.get_text(1), row.get_text(2), row.get_text(3),
                       row.get_int(4)});
        return ok_status();
      }));
  return out;
}

}  // namespace escudo::store

// Cases: investigations with their members (need to know), what they tie together (entities,
// links, tips, incidents) and the events of their people (arrests, convictions…), and the
// counts of events a task force reports.
//
//   store::CaseRepo repo(db);
//   ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, repo.add_case(row));
//   ESCUDO_ASSIGN_OR_RETURN(bool member, repo.is_member(id, user_id));
//
// Not thread-safe (one Database is one connection).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace escudo::store {

struct CaseRow {
  std::int64_t id = 0;
  std::string title;
  std::string agency;
  std::string country;
  std::string status;  // open | suspended | closed
  std::int64_t lead_user_id = 0;
  std::string lead_username;      // read only
  std::string lead_display_name;  // read only
  std::int64_t created_at = 0;
};

struct CaseMemberRow {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::string agency;
  std::string added_by;
  std::int64_t added_at = 0;
};

struct CaseItemRow {
  std::string kind;  // entity | link | tip | incident
  std::int64_t item_id = 0;
  std::string added_by;
  std::int64_t added_at = 0;
};

struct CaseEventRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t entity_id = 0;
  std::string kind;  // arrest | charge | conviction | acquittal | extradition | asset_seizure | death_linked
  std::string happened_on;  // YYYY-MM-DD
  std::string agency;
  std::string country;
  std::string note;
  std::string entered_by;
  std::int64_t entered_at = 0;
};

// Events of one kind counted in one period (YYYY-MM or YYYY), agency and country.
struct EventCountRow {
  std::string period;
  std::string agency;
  std::string country;
  std::string kind;
  std::int64_t count = 0;
};

class CaseRepo {
 public:
  explicit CaseRepo(Database& db) : db_(db) {}

  Result<std::int64_t> add_case(const CaseRow& row);
  Result<std::optional<CaseRow>> find(std::int64_t id);
  // Every case, by id (the service decides what a user may see of each).
  Result<std::vector<CaseRow>> list();

  // kAlreadyExists when the user is a member already.
  Status add_member(std::int64_t case_id, std::int64_t user_id, std::string_view added_by,
                    std::int64_t now);
  Result<bool> is_member(std::int64_t case_id, std::int64_t user_id);
  Result<std::vector<CaseMemberRow>> members(std::int64_t case_id);
  // The cases a user is a member of.
  Result<std::vector<std::int64_t>> cases_of(std::int64_t user_id);

  // kAlreadyExists when the case holds the item already.
  Status add_item(std::int64_t case_id, const CaseItemRow& item);
  Result<std::vector<CaseItemRow>> items(std::int64_t case_id);

  Result<std::int64_t> add_event(const CaseEventRow& event);
  Result<std::vector<CaseEventRow>> events_of_case(std::int64_t case_id);
  // Every event of these kinds, any case, for the key players' evidence.
  Result<std::optional<CaseEventRow>> find_event(std::int64_t id);
  Result<std::vector<CaseEventRow>> all_events();

  // Events counted by period (month when `by_year` is false), agency, country and kind, for
  // days in [from, to] (YYYY-MM-DD, inclusive; empty: unbounded), ordered by period, agency,
  // country, kind.
  Result<std::vector<EventCountRow>> count_events(bool by_year, std::string_view from,
                                                  std::string_view to);

 private:
  Database& db_;
};

}  // namespace escudo::store

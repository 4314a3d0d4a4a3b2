// Stations and registrations. Statistics read only the non-identifying columns
// (for_each_fact); identity fields leave the store only through find_group.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/registration.h"
#include "store/database.h"

namespace escudo::store {

struct RegistrationFact {
  std::string_view registered_on;  // YYYY-MM-DD
  std::string_view nationality;
  std::string_view sex;        // female | male | unknown
  std::string_view age_group;  // child | adult | unknown
  std::string_view station_code;
};

class RegistrationRepo {
 public:
  explicit RegistrationRepo(Database& db) : db_(db) {}

  Result<std::vector<model::Station>> stations();
  // kNotFound naming the known codes when `code` is not a station.
  Result<model::Station> station_by_code(std::string_view code);

  // Stores the group and its people (call inside a transaction); assigns the ids in `group`.
  // Precondition: the group was validated.
  Status insert_group(model::RegistrationGroup& group, model::StationId station,
                      std::int64_t registered_at, std::string_view registered_by,
                      std::optional<std::string_view> import_ref);

  // Stores many validated groups at once with multi-row inserts (call inside a write
  // transaction, which keeps the id counters safe); assigns the ids in each group. For imports,
  // where it is several times faster than insert_group one group at a time.
  struct GroupToStore {
    model::RegistrationGroup* group;
    model::StationId station;
    std::string_view import_ref;
  };
  Status insert_groups(std::span<const GroupToStore> groups, std::int64_t registered_at,
                       std::string_view registered_by);

  // kNotFound when there is no such group.
  Result<model::RegistrationGroup> find_group(model::GroupId id);

  // Every registered person's statistical attributes, in no particular order; the views are
  // valid only during the callback.
  Status for_each_fact(const std::function<Status(const RegistrationFact&)>& visit);

  Result<std::int64_t> count_people();

 private:
  Database& db_;
};

}  // namespace escudo::store

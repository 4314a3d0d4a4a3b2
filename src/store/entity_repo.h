// Entity resolution's stored state: each person record's entity (by the stable ids users see),
// aliases left by merges, the history of joins, merges and splits, the reviewers' decisions and
// the match model's parameters. Names and other identity stay in the source tables; the
// identity of registered people is read for resolution through for_each_registered_person.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace escudo::store {

struct EntityAssignment {
  std::string record_id;
  std::int64_t entity_id = 0;
  double probability = 1;
  std::string linked_to;
};

struct EntityEventRow {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::string actor;
  std::string kind;  // created | joined | merged | split
  std::int64_t entity_id = 0;
  std::optional<std::int64_t> other_entity_id;
  std::string records;  // comma-separated record ids
  std::optional<double> probability;
  std::string reason;
};

struct EntityDecisionRow {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::string actor;
  std::string decision;  // same | different | split
  std::string record_a;
  std::string record_b;
  std::optional<std::int64_t> entity_id;
  std::string reason;
};

// A registered person's identity as entity resolution reads it (views valid during the visit).
struct RegisteredPersonView {
  std::int64_t person_id = 0;
  std::string_view given_names;
  std::string_view family_names;
  std::string_view sex;
  std::string_view birth_date;  // YYYY-MM-DD or empty
  std::optional<std::int64_t> estimated_age;
  std::string_view registered_on;
  std::string_view nationality;
  std::string_view document_type;
  std::string_view document_country;
  std::string_view document_number;
  std::string_view phone;
};

// A registered person with where and when they were registered, for entity pages.
struct RegisteredPersonSummary {
  std::int64_t person_id = 0;
  std::int64_t group_id = 0;
  std::string given_names;
  std::string family_names;
  std::string sex;
  std::string birth_date;
  std::optional<std::int64_t> estimated_age;
  std::string nationality;
  std::string document_type;
  std::string document_country;
  std::string document_number;
  std::string phone;
  std::string station_code;
  std::string registered_on;
};

class EntityRepo {
 public:
  explicit EntityRepo(Database& db) : db_(db) {}

  // Every registered person, in id order.
  Status for_each_registered_person(const std::function<Status(const RegisteredPersonView&)>& visit);
  // The people with these ids that exist, in id order.
  Result<std::vector<RegisteredPersonSummary>> registered_people(std::span<const std::int64_t> ids);

  Status for_each_assignment(const std::function<Status(const EntityAssignment&)>& visit);
  // Inserts or replaces (call inside a transaction for many).
  Status save_assignments(std::span<const EntityAssignment> assignments, std::int64_t now);
  Result<std::optional<EntityAssignment>> assignment(std::string_view record_id);
  Result<std::vector<EntityAssignment>> records_of(std::int64_t entity_id);
  Result<std::int64_t> max_entity_id();

  Status add_alias(std::int64_t entity_id, std::int64_t now_entity_id);
  // The entity an id leads to now, following merges; the id itself when it was never merged.
  Result<std::int64_t> current_entity(std::int64_t entity_id);

  Result<std::int64_t> append_event(const EntityEventRow& event);
  // Events naming the entity (as the entity or the other one), oldest first.
  Result<std::vector<EntityEventRow>> events_of(std::int64_t entity_id);

  Result<std::int64_t> append_decision(const EntityDecisionRow& decision);
  Result<std::vector<EntityDecisionRow>> decisions();

  Result<std::optional<std::string>> model_parameters();
  Status save_model_parameters(std::string_view parameters, std::int64_t now);

 private:
  Database& db_;
};

}  // namespace escudo::store

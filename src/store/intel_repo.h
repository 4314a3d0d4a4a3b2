// The intelligence graph's stored state: entities, links with their provenance, and imports.
// Reads stream (for_each_entity, for_each_link) so the service can load a graph of millions of
// links without holding rows twice.
//
//   store::IntelRepo repo(db);
//   ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, repo.find_or_add_entity(entity));
//   ESCUDO_ASSIGN_OR_RETURN(std::int64_t link, repo.add_link(link));
//
// Not thread-safe (one Database is one connection).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace escudo::store {

struct IntelEntityRow {
  std::int64_t id = 0;
  std::string kind;   // person | organisation | phone | account | vessel | vehicle | place | document
  std::string label;
  std::optional<std::string> match_key;
  std::optional<std::int64_t> person_entity_id;
  std::string created_by;
  std::int64_t created_at = 0;
};

struct IntelLinkRow {
  std::int64_t id = 0;
  std::string type;  // called | paid | member_of | travelled_with | guided | owns | uses | located_at | met
  std::int64_t source_id = 0;
  std::int64_t target_id = 0;
  std::string source_record;
  std::optional<std::string> date_from;  // YYYY-MM-DD
  std::optional<std::string> date_to;
  std::int64_t count = 1;
  std::optional<std::int64_t> amount_cents;
  std::optional<std::string> currency;
  double confidence = 1;
  std::string note;
  std::string entered_by;
  std::int64_t entered_at = 0;
  std::optional<std::int64_t> import_id;
};

struct IntelImportRow {
  std::string kind;
  std::string file_name;
  std::string sha256;
  std::int64_t rows = 0;
  std::string imported_by;
  std::int64_t imported_at = 0;
};

class IntelRepo {
 public:
  explicit IntelRepo(Database& db) : db_(db) {}

  // Inserts the entity (id ignored) and returns its id.
  Result<std::int64_t> add_entity(const IntelEntityRow& entity);
  // The id of the entity of this kind and match key, adding it when there is none. An entity
  // without a match key is always added.
  Result<std::int64_t> find_or_add_entity(const IntelEntityRow& entity);
  Result<std::optional<IntelEntityRow>> entity(std::int64_t id);
  // Entities of a kind (any when empty) whose label contains `text` (any when empty), by id,
  // at most `limit`.
  Result<std::vector<IntelEntityRow>> find_entities(std::string_view kind, std::string_view text,
                                                    std::int64_t limit);
  Status for_each_entity(const std::function<Status(const IntelEntityRow&)>& visit);

  Result<std::int64_t> add_link(const IntelLinkRow& link);
  // Links from or to the entity, newest evidence first (by date, then id), at most `limit`.
  Result<std::vector<IntelLinkRow>> links_of(std::int64_t entity_id, std::int64_t limit);
  Result<std::optional<IntelLinkRow>> link(std::int64_t id);
  Status for_each_link(const std::function<Status(const IntelLinkRow&)>& visit);

  Result<std::int64_t> record_import(const IntelImportRow& import);

 private:
  Database& db_;
};

// Person records from sources other than registrations, for entity resolution.
struct PersonRecordRow {
  std::string record_id;
  std::string full_name;
  std::string phone;
};

class PersonRecordRepo {
 public:
  explicit PersonRecordRepo(Database& db) : db_(db) {}
  // Inserts or replaces.
  Status save(const PersonRecordRow& record, std::int64_t now);
  Status for_each(const std::function<Status(const PersonRecordRow&)>& visit);

 private:
  Database& db_;
};

}  // namespace escudo::store

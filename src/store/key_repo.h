// Users' personal key pairs (secret half wrapped under their password) and the tip desk's key
// pairs with their grants (the desk's secret key sealed to each handler's public key). Values
// are base64; this layer never holds a key in the clear.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace escudo::store {

struct UserKeyRecord {
  std::int64_t user_id = 0;
  std::string public_key;
  std::string wrapped_secret_key;
  std::string kdf_salt;
  std::int64_t kdf_ops = 0;
  std::int64_t kdf_memory = 0;
  std::int64_t updated_at = 0;
};

struct DeskKeyRecord {
  std::int64_t id = 0;
  std::string public_key;
  std::int64_t created_at = 0;
};

struct DeskGrant {
  std::int64_t desk_key_id = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::string sealed_secret_key;
  std::string granted_by;
  std::int64_t granted_at = 0;
};

class KeyRepo {
 public:
  explicit KeyRepo(Database& db) : db_(db) {}

  // Inserts or replaces the user's key pair.
  Status put_user_key(const UserKeyRecord& key);
  Result<std::optional<UserKeyRecord>> user_key(std::int64_t user_id);

  // The desk key in use; nullopt before `escudo tips init`.
  Result<std::optional<DeskKeyRecord>> current_desk_key();
  Result<std::int64_t> insert_desk_key(std::string_view public_key, std::int64_t now);
  Status retire_desk_key(std::int64_t id, std::int64_t now);

  Status put_grant(const DeskGrant& grant);
  Result<std::optional<DeskGrant>> grant(std::int64_t desk_key_id, std::int64_t user_id);
  Result<std::vector<DeskGrant>> grants_of(std::int64_t desk_key_id);
  Status delete_grants_of(std::int64_t desk_key_id);
  Status delete_grants_of_user(std::int64_t user_id);

 private:
  Database& db_;
};

}  // namespace escudo::store

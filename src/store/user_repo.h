// Agencies and users, with the secrets login needs (password hash, second-factor secret).
// Those secrets never leave the service layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/user.h"
#include "store/database.h"

namespace escudo::store {

struct UserRecord {
  model::User user;
  std::string password_hash;
  std::optional<std::string> totp_secret;
  std::optional<std::string> totp_pending_secret;
  std::int64_t totp_last_step = 0;
};

struct NewUser {
  std::string username;
  std::string display_name;
  AgencyId agency_id;
  std::vector<model::Role> roles;
  std::string password_hash;
  model::Language language = model::Language::kSpanish;
  std::optional<std::string> totp_secret;
  std::int64_t created_at = 0;
};

class UserRepo {
 public:
  explicit UserRepo(Database& db) : db_(db) {}

  // The agency with this name, created when missing.
  Result<AgencyId> ensure_agency(std::string_view name, std::int64_t now);
  // kAlreadyExists when the user name is taken. Call inside a transaction (roles are rows too).
  Result<UserId> create(const NewUser& user);
  // kNotFound when there is no such user.
  Result<UserRecord> find_by_username(std::string_view username);
  Result<UserRecord> find_by_id(UserId id);
  // Every user, by user name, without secrets.
  Result<std::vector<model::User>> list();
  Result<std::int64_t> count();

  // kNotFound when there is no such user.
  Status set_disabled(UserId id, bool disabled);
  Status set_language(UserId id, model::Language language);
  Status set_password_hash(UserId id, std::string_view hash);
  Status set_totp_pending(UserId id, std::optional<std::string_view> secret);
  // Makes `secret` the active second factor and clears any pending one.
  Status set_totp_secret(UserId id, std::string_view secret);
  Status set_totp_last_step(UserId id, std::int64_t step);

 private:
  Result<std::vector<model::Role>> roles_of(UserId id);
  Status expect_one_changed(UserId id);
  Database& db_;
};

}  // namespace escudo::store

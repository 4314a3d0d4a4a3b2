// Login sessions. The cookie's token is never stored, only its SHA-256 (computed by the caller),
// so a copy of the database cannot be used to open a session.
#pragma once

#include <optional>
#include <string>

#include "base/ids.h"
#include "store/database.h"

namespace escudo::store {

struct SessionRecord {
  SessionId id;
  UserId user_id;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
};

class SessionRepo {
 public:
  explicit SessionRepo(Database& db) : db_(db) {}

  Result<SessionId> create(std::string_view token_hash, UserId user, std::string_view csrf_token,
                           std::int64_t now);
  // The session with this token hash that has not ended; nullopt when none.
  Result<std::optional<SessionRecord>> find_open(std::string_view token_hash);
  Status touch(SessionId id, std::int64_t now);
  Status end(SessionId id, std::int64_t now);
  // Ends every open session of a user (on disable or password change), but `keep` if given.
  Status end_all_for_user(UserId user, std::int64_t now, SessionId keep = SessionId());

 private:
  Database& db_;
};

// Failed logins, kept for the throttling window.
class LoginFailureRepo {
 public:
  explicit LoginFailureRepo(Database& db) : db_(db) {}

  Status record(std::string_view username, std::string_view address, std::int64_t at);
  Result<std::int64_t> count_for_user_since(std::string_view username, std::int64_t since);
  Result<std::int64_t> count_for_address_since(std::string_view address, std::int64_t since);
  // After a successful login the user's failures no longer count.
  Status clear_for_user(std::string_view username);
  Status prune_before(std::int64_t before);

 private:
  Database& db_;
};

}  // namespace escudo::store

#include "store/session_repo.h"

namespace escudo::store {

Result<SessionId> SessionRepo::create(std::string_view token_hash, UserId user,
                                      std::string_view csrf_token, std::int64_t now) {
  std::optional<std::int64_t> id;
  ESCUDO_TRY(db_.query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, "
                       "last_seen_at) VALUES ($1, $2, $3, $4, $4) RETURNING id",
                       {token_hash, user.value(), csrf_token, now}, [&](const Row& row) {
                         id = row.get_int(0);
                         return ok_status();
                       }));
  return SessionId(id.value_or(0));
}

Result<std::optional<SessionRecord>> SessionRepo::find_open(std::string_view token_hash) {
  std::optional<SessionRecord> found;
  ESCUDO_TRY(db_.query("SELECT id, user_id, csrf_token, created_at, last_seen_at FROM sessions "
                       "WHERE token_hash = $1 AND ended_at IS NULL",
                       {token_hash}, [&](const Row& row) {
                         found = SessionRecord{SessionId(row.get_int(0)), UserId(row.get_int(1)),
                                               row.get_text(2), row.get_int(3), row.get_int(4)};
                         return ok_status();
                       }));
  return found;
}

Status SessionRepo::touch(SessionId id, std::int64_t now) {
  return db_.execute("UPDATE sessions SET last_seen_at = $1 WHERE id = $2", {now, id.value()});
}

Status SessionRepo::end(SessionId id, std::int64_t now) {
  return db_.execute("UPDATE sessions SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL",
                     {now, id.value()});
}

Status SessionRepo::end_all_for_user(UserId user, std::int64_t now, SessionId keep) {
  return db_.execute("UPDATE sessions SET ended_at = $1 WHERE user_id = $2 AND id <> $3 AND "
                     "ended_at IS NULL",
                     {now, user.value(), keep.value()});
}

Status LoginFailureRepo::record(std::string_view username, std::string_view address,
                                std::int64_t at) {
  return db_.execute("INSERT INTO login_failures (username, address, at) VALUES ($1, $2, $3)",
                     {username, address, at});
}

Result<std::int64_t> LoginFailureRepo::count_for_user_since(std::string_view username,
                                                            std::int64_t since) {
  ESCUDO_ASSIGN_OR_RETURN(auto n, db_.query_int("SELECT COUNT(*) FROM login_failures "
                                                "WHERE username = $1 AND at >= $2",
                                                {username, since}));
  return n.value_or(0);
}

Result<std::int64_t> LoginFailureRepo::count_for_address_since(std::string_view address,
                                                               std::int64_t since) {
  ESCUDO_ASSIGN_OR_RETURN(auto n, db_.query_int("SELECT COUNT(*) FROM login_failures "
                                                "WHERE address = $1 AND at >= $2",
                                                {address, since}));
  return n.value_or(0);
}

Status LoginFailureRepo::clear_for_user(std::string_view username) {
  return db_.execute("DELETE FROM login_failures WHERE username = $1", {username});
}

Status LoginFailureRepo::prune_before(std::int64_t before) {
  return db_.execute("DELETE FROM login_failures WHERE at < $1", {before});
}

}  // namespace escudo::store

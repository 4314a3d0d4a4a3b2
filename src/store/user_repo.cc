#include "store/user_repo.h"

#include <map>

namespace escudo::store {
namespace {

constexpr std::string_view kSelectUser =
    "SELECT u.id, u.username, u.display_name, u.agency_id, a.name, u.language, u.disabled, "
    "u.totp_secret, u.totp_pending_secret, u.totp_last_step, u.created_at, u.password_hash "
    "FROM users u JOIN agencies a ON a.id = u.agency_id ";

UserRecord read_user(const Row& row) {
  UserRecord r;
  r.user.id = UserId(row.get_int(0));
  r.user.username = row.get_text(1);
  r.user.display_name = row.get_text(2);
  r.user.agency_id = AgencyId(row.get_int(3));
  r.user.agency_name = row.get_text(4);
  r.user.language =
      row.get_text_view(5) == "en" ? model::Language::kEnglish : model::Language::kSpanish;
  r.user.disabled = row.get_int(6) != 0;
  r.totp_secret = row.get_optional_text(7);
  r.totp_pending_secret = row.get_optional_text(8);
  r.totp_last_step = row.get_int(9);
  r.user.created_at = row.get_int(10);
  r.password_hash = row.get_text(11);
  r.user.totp_enabled = r.totp_secret.has_value();
  return r;
}

}  // namespace

Result<AgencyId> UserRepo::ensure_agency(std::string_view name, std::int64_t now) {
  ESCUDO_TRY(db_.execute("INSERT INTO agencies (name, created_at) VALUES ($1, $2) "
                         "ON CONFLICT (name) DO NOTHING",
                         {name, now}));
  ESCUDO_ASSIGN_OR_RETURN(auto id, db_.query_int("SELECT id FROM agencies WHERE name = $1", {name}));
  if (!id) return make_error(ErrorCode::kInternal, "agency vanished after insert");
  return AgencyId(*id);
}

Result<UserId> UserRepo::create(const NewUser& user) {
  std::optional<std::int64_t> id;
  SqlValue totp = user.totp_secret ? SqlValue(std::string_view(*user.totp_secret)) : nullptr;
  auto inserted = db_.query(
      "INSERT INTO users (username, display_name, agency_id, password_hash, language, "
      "totp_secret, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {user.username, user.display_name, user.agency_id.value(), user.password_hash,
       model::language_code(user.language), totp, user.created_at},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      });
  if (!inserted) {
    if (inserted.error().code() == ErrorCode::kAlreadyExists) {
      return errorf(ErrorCode::kAlreadyExists, "the user name '{}' is taken", user.username);
    }
    return std::unexpected(inserted.error());
  }
  UserId user_id(*id);
  for (model::Role role : user.roles) {
    ESCUDO_TRY(db_.execute("INSERT INTO user_roles (user_id, role) VALUES ($1, $2) "
                           "ON CONFLICT DO NOTHING",
                           {user_id.value(), model::role_name(role)}));
  }
  return user_id;
}

Result<std::vector<model::Role>> UserRepo::roles_of(UserId id) {
  std::vector<model::Role> roles;
  ESCUDO_TRY(db_.query("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role",
                       {id.value()}, [&](const Row& row) -> Status {
                         // A role name this binary does not know is skipped, not granted.
                         if (auto role = model::parse_role(row.get_text_view(0))) {
                           roles.push_back(*role);
                         }
                         return ok_status();
                       }));
  return roles;
}

Result<UserRecord> UserRepo::find_by_username(std::string_view username) {
  std::optional<UserRecord> found;
  ESCUDO_TRY(db_.query(std::string(kSelectUser) + "WHERE u.username = $1", {username},
                       [&](const Row& row) {
                         found = read_user(row);
                         return ok_status();
                       }));
  if (!found) return errorf(ErrorCode::kNotFound, "no user named '{}'", username);
  ESCUDO_ASSIGN_OR_RETURN(found->user.roles, roles_of(found->user.id));
  return std::move(*found);
}

Result<UserRecord> UserRepo::find_by_id(UserId id) {
  std::optional<UserRecord> found;
  ESCUDO_TRY(db_.query(std::string(kSelectUser) + "WHERE u.id = $1", {id.value()},
                       [&](const Row& row) {
                         found = read_user(row);
                         return ok_status();
                       }));
  if (!found) return errorf(ErrorCode::kNotFound, "no user with id {}", id.value());
  ESCUDO_ASSIGN_OR_RETURN(found->user.roles, roles_of(found->user.id));
  return std::move(*found);
}

Result<std::vector<model::User>> UserRepo::list() {
  std::vector<model::User> users;
  std::map<std::int64_t, std::size_t> index;
  ESCUDO_TRY(db_.query(std::string(kSelectUser) + "ORDER BY u.username", {}, [&](const Row& row) {
    index[row.get_int(0)] = users.size();
    users.push_back(read_user(row).user);
    return ok_status();
  }));
  ESCUDO_TRY(db_.query("SELECT user_id, role FROM user_roles ORDER BY user_id, role", {},
                       [&](const Row& row) -> Status {
                         auto it = index.find(row.get_int(0));
                         auto role = model::parse_role(row.get_text_view(1));
                         if (it != index.end() && role) users[it->second].roles.push_back(*role);
                         return ok_status();
                       }));
  return users;
}

Result<std::int64_t> UserRepo::count() {
  ESCUDO_ASSIGN_OR_RETURN(auto n, db_.query_int("SELECT COUNT(*) FROM users"));
  return n.value_or(0);
}

Status UserRepo::expect_one_changed(UserId id) {
  ESCUDO_ASSIGN_OR_RETURN(auto n, db_.query_int("SELECT COUNT(*) FROM users WHERE id = $1",
                                                {id.value()}));
  if (n.value_or(0) == 0) return errorf(ErrorCode::kNotFound, "no user with id {}", id.value());
  return ok_status();
}

Status UserRepo::set_disabled(UserId id, bool disabled) {
  ESCUDO_TRY(expect_one_changed(id));
  return db_.execute("UPDATE users SET disabled = $1 WHERE id = $2",
                     {std::int64_t{disabled ? 1 : 0}, id.value()});
}

Status UserRepo::set_language(UserId id, model::Language language) {
  ESCUDO_TRY(expect_one_changed(id));
  return db_.execute("UPDATE users SET language = $1 WHERE id = $2",
                     {model::language_code(language), id.value()});
}

Status UserRepo::set_password_hash(UserId id, std::string_view hash) {
  ESCUDO_TRY(expect_one_changed(id));
  return db_.execute("UPDATE users SET password_hash = $1 WHERE id = $2", {hash, id.value()});
}

Status UserRepo::set_totp_pending(UserId id, std::optional<std::string_view> secret) {
  ESCUDO_TRY(expect_one_changed(id));
  SqlValue value = secret ? SqlValue(*secret) : nullptr;
  return db_.execute("UPDATE users SET totp_pending_secret = $1 WHERE id = $2",
                     {value, id.value()});
}

Status UserRepo::set_totp_secret(UserId id, std::string_view secret) {
  ESCUDO_TRY(expect_one_changed(id));
  return db_.execute(
      "UPDATE users SET totp_secret = $1, totp_pending_secret = NULL, totp_last_step = 0 "
      "WHERE id = $2",
      {secret, id.value()});
}

Status UserRepo::set_totp_last_step(UserId id, std::int64_t step) {
  return db_.execute("UPDATE users SET totp_last_step = $1 WHERE id = $2", {step, id.value()});
}

}  // namespace escudo::store

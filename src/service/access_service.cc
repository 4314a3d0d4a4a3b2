#include "service/access_service.h"

#include "base/log.h"
#include "crypto/crypto.h"
#include "crypto/totp.h"
#include "service/audit_service.h"
#include "store/session_repo.h"
#include "store/user_repo.h"

namespace escudo::service {
namespace {

constexpr std::string_view kBadCredentials = "the user name or password is wrong";
constexpr std::string_view kTotpIssuer = "escudo";
constexpr std::size_t kSessionTokenBytes = 32;
constexpr std::size_t kCsrfTokenBytes = 24;

std::string roles_text(const std::vector<model::Role>& roles) {
  std::string out;
  for (model::Role r : roles) {
    if (!out.empty()) out += ",";
    out += model::role_name(r);
  }
  return out;
}

}  // namespace

Principal AccessService::principal_of(const model::User& user) {
  Principal p;
  p.user_id = user.id;
  p.username = user.username;
  p.display_name = user.display_name;
  p.agency_name = user.agency_name;
  p.roles = user.roles;
  p.language = user.language;
  p.totp_enabled = user.totp_enabled;
  p.must_enrol_totp = model::any_role_requires_totp(user.roles) && !user.totp_enabled;
  return p;
}

Status AccessService::throttle(store::Database& db, std::string_view username,
                               std::string_view address) {
  store::LoginFailureRepo failures(db);
  std::int64_t since = clock_.now_unix_seconds() - policy_.throttle_window_seconds;
  ESCUDO_ASSIGN_OR_RETURN(auto by_user, failures.count_for_user_since(username, since));
  ESCUDO_ASSIGN_OR_RETURN(auto by_address, failures.count_for_address_since(address, since));
  if (by_user >= policy_.max_failures_per_user || by_address >= policy_.max_failures_per_address) {
    return errorf(ErrorCode::kResourceExhausted,
                  "too many failed sign-ins; wait {} minutes and try again, or ask an "
                  "administrator",
                  policy_.throttle_window_seconds / 60);
  }
  return ok_status();
}

Result<LoginResult> AccessService::login(const LoginRequest& request) {
  if (request.username.empty() || request.username.size() > 64 || request.password.empty() ||
      request.password.size() > crypto::kMaxPasswordLength) {
    return make_error(ErrorCode::kUnauthenticated, std::string(kBadCredentials));
  }
  auto db = pool_.acquire();
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_TRY(throttle(*db, request.username, request.address));

  auto fail = [&](std::string reason, std::string message) -> Result<LoginResult> {
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
    store::LoginFailureRepo failures(*db);
    // Failures older than the window count for nothing; they are not kept either.
    ESCUDO_TRY(failures.prune_before(now - policy_.throttle_window_seconds));
    ESCUDO_TRY(failures.record(request.username, request.address, now));
    ESCUDO_TRY(append_audit(*db, clock_, Actor{request.username}, "session.login_failed",
                            "user:" + request.username, reason));
    ESCUDO_TRY(tx.commit());
    log::warn("session.login_failed", {{"user", request.username}, {"why", reason}});
    return make_error(ErrorCode::kUnauthenticated, std::move(message),
                      reason == "totp_invalid" ? "totp_invalid" : "");
  };

  store::UserRepo users(*db);
  auto found = users.find_by_username(request.username);
  if (!found) {
    if (found.error().code() != ErrorCode::kNotFound) return std::unexpected(found.error());
    // Spend the same time as a real check, so response times do not reveal which names exist.
    static const std::string kDummy =
        crypto::hash_password("escudo-timing-equaliser", policy_.password_cost).value_or("");
    (void)crypto::verify_password(kDummy, request.password);
    return fail("unknown_user", std::string(kBadCredentials));
  }
  store::UserRecord& record = *found;
  if (!crypto::verify_password(record.password_hash, request.password)) {
    return fail("wrong_password", std::string(kBadCredentials));
  }
  if (record.user.disabled) {
    return fail("disabled", "this account is disabled; ask an administrator of your agency");
  }
  std::int64_t totp_step = record.totp_last_step;
  if (record.totp_secret) {
    if (!request.totp_code || request.totp_code->empty()) {
      return make_error(ErrorCode::kUnauthenticated,
                        "enter the 6-digit code from your authenticator app", "totp_required");
    }
    ESCUDO_ASSIGN_OR_RETURN(auto step, crypto::verify_totp(*record.totp_secret, *request.totp_code,
                                                           now, record.totp_last_step));
    if (!step) return fail("totp_invalid", "the 6-digit code is wrong or was already used");
    totp_step = *step;
  }

  LoginResult result;
  result.session_token = crypto::random_token(kSessionTokenBytes);
  result.principal = principal_of(record.user);
  result.principal.csrf_token = crypto::random_token(kCsrfTokenBytes);

  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  if (totp_step != record.totp_last_step) {
    ESCUDO_TRY(users.set_totp_last_step(record.user.id, totp_step));
  }
  if (crypto::password_needs_rehash(record.password_hash, policy_.password_cost)) {
    ESCUDO_ASSIGN_OR_RETURN(auto rehashed,
                            crypto::hash_password(request.password, policy_.password_cost));
    ESCUDO_TRY(users.set_password_hash(record.user.id, rehashed));
  }
  ESCUDO_TRY(store::LoginFailureRepo(*db).clear_for_user(request.username));
  ESCUDO_ASSIGN_OR_RETURN(result.principal.session_id,
                          store::SessionRepo(*db).create(crypto::sha256_hex(result.session_token),
                                                         record.user.id,
                                                         result.principal.csrf_token, now));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(result.principal), "session.login",
                          fmt::format("session:{}", result.principal.session_id.value()), ""));
  ESCUDO_TRY(tx.commit());
  log::info("session.login", {{"user", record.user.username}});
  if (observer_ != nullptr) observer_->on_signed_in(result.principal, request.password);
  return result;
}

Result<Principal> AccessService::authenticate(std::string_view session_token) {
  if (session_token.empty() || session_token.size() > 128) {
    return make_error(ErrorCode::kUnauthenticated, "sign in first");
  }
  auto db = pool_.acquire();
  store::SessionRepo sessions(*db);
  ESCUDO_ASSIGN_OR_RETURN(auto session, sessions.find_open(crypto::sha256_hex(session_token)));
  if (!session) return make_error(ErrorCode::kUnauthenticated, "sign in first");
  std::int64_t now = clock_.now_unix_seconds();
  if (now - session->last_seen_at >= policy_.session_idle_seconds ||
      now - session->created_at >= policy_.session_absolute_seconds) {
    ESCUDO_TRY(sessions.end(session->id, now));
    return make_error(ErrorCode::kUnauthenticated, "your session has expired; sign in again",
                      "session_expired");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto record, store::UserRepo(*db).find_by_id(session->user_id));
  if (record.user.disabled) {
    ESCUDO_TRY(sessions.end(session->id, now));
    return make_error(ErrorCode::kUnauthenticated, "this account is disabled");
  }
  if (now - session->last_seen_at >= policy_.session_touch_seconds) {
    ESCUDO_TRY(sessions.touch(session->id, now));
  }
  Principal p = principal_of(record.user);
  p.session_id = session->id;
  p.csrf_token = session->csrf_token;
  return p;
}

Status AccessService::logout(const Principal& principal) {
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(store::SessionRepo(*db).end(principal.session_id, clock_.now_unix_seconds()));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "session.logout",
                          fmt::format("session:{}", principal.session_id.value()), ""));
  ESCUDO_TRY(tx.commit());
  if (observer_ != nullptr) observer_->on_signed_out(principal.session_id);
  return ok_status();
}

Status AccessService::require_manager(const Actor& actor) {
  if (actor.principal == nullptr) return ok_status();  // the operator at the server's console
  return require(*actor.principal, model::Permission::kUsersManage);
}

Result<CreatedUser> AccessService::create_user(const Actor& actor,
                                               const NewUserRequest& request) {
  ESCUDO_TRY(require_manager(actor));
  ESCUDO_TRY(model::validate_username(request.username));
  ESCUDO_TRY(model::validate_display_text("the display name", request.display_name));
  ESCUDO_TRY(model::validate_display_text("the agency", request.agency));
  if (request.roles.empty()) {
    return make_error(ErrorCode::kInvalidArgument, "give the user at least one role");
  }
  ESCUDO_ASSIGN_OR_RETURN(std::string hash,
                          crypto::hash_password(request.password, policy_.password_cost));
  CreatedUser created;
  if (model::any_role_requires_totp(request.roles)) {
    created.totp_secret = crypto::new_totp_secret();
    created.totp_uri = crypto::totp_uri(kTotpIssuer, request.username, *created.totp_secret);
  }
  auto db = pool_.acquire();
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::UserRepo users(*db);
  ESCUDO_ASSIGN_OR_RETURN(AgencyId agency, users.ensure_agency(request.agency, now));
  ESCUDO_ASSIGN_OR_RETURN(UserId id, users.create({.username = request.username,
                                                   .display_name = request.display_name,
                                                   .agency_id = agency,
                                                   .roles = request.roles,
                                                   .password_hash = hash,
                                                   .language = request.language,
                                                   .totp_secret = created.totp_secret,
                                                   .created_at = now}));
  if (observer_ != nullptr) {
    ESCUDO_TRY(observer_->on_password_set(*db, id, request.roles, request.password, std::nullopt));
  }
  ESCUDO_TRY(append_audit(*db, clock_, actor, "user.create", fmt::format("user:{}", id.value()),
                          fmt::format("username={} roles={} agency={}", request.username,
                                      roles_text(request.roles), request.agency)));
  ESCUDO_ASSIGN_OR_RETURN(auto record, users.find_by_id(id));
  ESCUDO_TRY(tx.commit());
  created.user = std::move(record.user);
  return created;
}

Result<std::vector<model::User>> AccessService::list_users(const Actor& actor) {
  ESCUDO_TRY(require_manager(actor));
  auto db = pool_.acquire();
  return store::UserRepo(*db).list();
}

Result<model::User> AccessService::set_disabled(const Actor& actor, UserId id, bool disabled) {
  ESCUDO_TRY(require_manager(actor));
  if (disabled && actor.principal != nullptr && actor.principal->user_id == id) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "you cannot disable your own account; ask another administrator");
  }
  auto db = pool_.acquire();
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::UserRepo users(*db);
  ESCUDO_TRY(users.set_disabled(id, disabled));
  if (disabled) ESCUDO_TRY(store::SessionRepo(*db).end_all_for_user(id, now));
  ESCUDO_TRY(append_audit(*db, clock_, actor, disabled ? "user.disable" : "user.enable",
                          fmt::format("user:{}", id.value()), ""));
  ESCUDO_ASSIGN_OR_RETURN(auto record, users.find_by_id(id));
  ESCUDO_TRY(tx.commit());
  return std::move(record.user);
}

Result<model::User> AccessService::set_disabled_by_name(const Actor& actor,
                                                        std::string_view username, bool disabled) {
  UserId id;
  {
    auto db = pool_.acquire();
    ESCUDO_ASSIGN_OR_RETURN(auto record, store::UserRepo(*db).find_by_username(username));
    id = record.user.id;
  }
  return set_disabled(actor, id, disabled);
}

Status AccessService::set_password(const Actor& actor, std::string_view username,
                                   std::string_view password) {
  ESCUDO_TRY(require_manager(actor));
  ESCUDO_ASSIGN_OR_RETURN(std::string hash, crypto::hash_password(password, policy_.password_cost));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::UserRepo users(*db);
  ESCUDO_ASSIGN_OR_RETURN(auto record, users.find_by_username(username));
  ESCUDO_TRY(users.set_password_hash(record.user.id, hash));
  if (observer_ != nullptr) {
    ESCUDO_TRY(observer_->on_password_set(*db, record.user.id, record.user.roles, password,
                                          std::nullopt));
  }
  ESCUDO_TRY(store::SessionRepo(*db).end_all_for_user(record.user.id, clock_.now_unix_seconds()));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "user.password",
                          fmt::format("user:{}", record.user.id.value()), ""));
  return tx.commit();
}

Status AccessService::change_own_password(const Principal& principal, std::string_view current,
                                          std::string_view replacement) {
  auto db = pool_.acquire();
  std::int64_t now = clock_.now_unix_seconds();
  const std::string address = "account:" + principal.username;  // not a network address
  ESCUDO_TRY(throttle(*db, principal.username, address));
  store::UserRepo users(*db);
  ESCUDO_ASSIGN_OR_RETURN(auto record, users.find_by_id(principal.user_id));
  if (!crypto::verify_password(record.password_hash, current)) {
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
    ESCUDO_TRY(store::LoginFailureRepo(*db).record(principal.username, address, now));
    ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "user.password_failed",
                            fmt::format("user:{}", principal.user_id.value()), ""));
    ESCUDO_TRY(tx.commit());
    return make_error(ErrorCode::kUnauthenticated, "the current password is wrong",
                      "wrong_password");
  }
  if (current == replacement) {
    return make_error(ErrorCode::kInvalidArgument, "the new password must differ from the current one");
  }
  ESCUDO_ASSIGN_OR_RETURN(std::string hash, crypto::hash_password(replacement, policy_.password_cost));
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(users.set_password_hash(principal.user_id, hash));
  if (observer_ != nullptr) {
    ESCUDO_TRY(observer_->on_password_set(*db, principal.user_id, principal.roles, replacement,
                                          current));
  }
  ESCUDO_TRY(store::SessionRepo(*db).end_all_for_user(principal.user_id, now, principal.session_id));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "user.password",
                          fmt::format("user:{}", principal.user_id.value()), "own"));
  return tx.commit();
}

Result<model::User> AccessService::set_language(const Principal& principal,
                                                model::Language language) {
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::UserRepo users(*db);
  ESCUDO_TRY(users.set_language(principal.user_id, language));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "user.language",
                          fmt::format("user:{}", principal.user_id.value()),
                          model::language_code(language)));
  ESCUDO_ASSIGN_OR_RETURN(auto record, users.find_by_id(principal.user_id));
  ESCUDO_TRY(tx.commit());
  return std::move(record.user);
}

Result<TotpEnrolment> AccessService::begin_totp(const Principal& principal) {
  TotpEnrolment enrolment;
  enrolment.secret = crypto::new_totp_secret();
  enrolment.uri = crypto::totp_uri(kTotpIssuer, principal.username, enrolment.secret);
  auto db = pool_.acquire();
  ESCUDO_TRY(store::UserRepo(*db).set_totp_pending(principal.user_id, enrolment.secret));
  return enrolment;
}

Result<model::User> AccessService::confirm_totp(const Principal& principal,
                                                std::string_view code) {
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::UserRepo users(*db);
  ESCUDO_ASSIGN_OR_RETURN(auto record, users.find_by_id(principal.user_id));
  if (!record.totp_pending_secret) {
    return make_error(ErrorCode::kFailedPrecondition, "start setting up a second factor first");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto step, crypto::verify_totp(*record.totp_pending_secret, code,
                                                         clock_.now_unix_seconds(), 0));
  if (!step) {
    return make_error(ErrorCode::kInvalidArgument,
                      "the 6-digit code does not match; check the time on your phone and try "
                      "again",
                      "totp_invalid");
  }
  ESCUDO_TRY(users.set_totp_secret(principal.user_id, *record.totp_pending_secret));
  ESCUDO_TRY(users.set_totp_last_step(principal.user_id, *step));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "user.totp_enabled",
                          fmt::format("user:{}", principal.user_id.value()), ""));
  ESCUDO_ASSIGN_OR_RETURN(auto updated, users.find_by_id(principal.user_id));
  ESCUDO_TRY(tx.commit());
  return std::move(updated.user);
}

}  // namespace escudo::service

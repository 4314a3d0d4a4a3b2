// Sign-in, sessions and user administration.
//
//   auto login = access.login({.username = "ana", .password = pw, .address = "10.0.0.5"});
//   // cookie <- login->session_token; page <- login->principal.csrf_token
//   auto me = access.authenticate(cookie_token);    // on every request
//
// Thread-safe: each call takes its own connection from the pool.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "crypto/password.h"
#include "model/user.h"
#include "service/credential_observer.h"
#include "service/principal.h"
#include "store/pool.h"

namespace escudo::service {

struct AccessPolicy {
  std::int64_t session_idle_seconds = 30 * 60;
  std::int64_t session_absolute_seconds = 12 * 60 * 60;
  // Sessions' last-seen time is written at most this often (it bounds idle-expiry precision
  // and saves a write per request).
  std::int64_t session_touch_seconds = 60;
  std::int64_t throttle_window_seconds = 15 * 60;
  std::int64_t max_failures_per_user = 5;
  std::int64_t max_failures_per_address = 20;
  crypto::PasswordCost password_cost = crypto::PasswordCost::interactive();
};

struct LoginRequest {
  std::string username;
  std::string password;
  std::optional<std::string> totp_code;
  std::string address;  // the client's IP address, for throttling only
};

struct LoginResult {
  std::string session_token;  // goes in the cookie; the store keeps only its hash
  Principal principal;
};

struct NewUserRequest {
  std::string username;
  std::string display_name;
  std::string agency;
  std::vector<model::Role> roles;
  std::string password;
  model::Language language = model::Language::kSpanish;
};

struct CreatedUser {
  model::User user;
  // Set when the roles require a second factor: shown once to the new user, never again.
  std::optional<std::string> totp_secret;
  std::optional<std::string> totp_uri;
};

struct TotpEnrolment {
  std::string secret;
  std::string uri;
};

class AccessService {
 public:
  AccessService(store::DatabasePool& pool, const Clock& clock, AccessPolicy policy = {})
      : pool_(pool), clock_(clock), policy_(policy) {}

  // kUnauthenticated for a wrong name, password or code (one message for all, so names cannot
  // be probed), with reason "totp_required" when the password was right and a code is needed,
  // "totp_invalid" for a wrong code; kResourceExhausted while throttled; kInvalidArgument for
  // malformed input. CPU-heavy (Argon2id): call it off the I/O threads.
  Result<LoginResult> login(const LoginRequest& request);

  // The principal behind a session token. kUnauthenticated when the token is unknown, the
  // session ended or expired, or the user is disabled.
  Result<Principal> authenticate(std::string_view session_token);

  Status logout(const Principal& principal);

  // Needs users.manage (or the command line). kAlreadyExists for a taken name,
  // kInvalidArgument for a bad name, weak password or no role. CPU-heavy (Argon2id).
  Result<CreatedUser> create_user(const Actor& actor, const NewUserRequest& request);
  Result<std::vector<model::User>> list_users(const Actor& actor);
  // Disabling also ends the user's sessions. kFailedPrecondition when an administrator tries to
  // disable themselves.
  Result<model::User> set_disabled(const Actor& actor, UserId id, bool disabled);
  Result<model::User> set_disabled_by_name(const Actor& actor, std::string_view username,
                                           bool disabled);
  // Sets a new password and ends every session of the user. CPU-heavy.
  Status set_password(const Actor& actor, std::string_view username, std::string_view password);

  // The user's own password change: `current` must be right (kUnauthenticated otherwise, and
  // it counts as a failed sign-in); every other session of theirs ends. CPU-heavy.
  Status change_own_password(const Principal& principal, std::string_view current,
                             std::string_view replacement);

  Result<model::User> set_language(const Principal& principal, model::Language language);
  // Starts (or restarts) enrolling a second factor; confirm_totp() makes it active.
  Result<TotpEnrolment> begin_totp(const Principal& principal);
  // kInvalidArgument when the code does not match the pending secret.
  Result<model::User> confirm_totp(const Principal& principal, std::string_view code);

  // Hears of every password set and every sign-in and sign-out (the keyring). Call before
  // serving; the observer must outlive this service.
  void set_credential_observer(CredentialObserver* observer) { observer_ = observer; }

 private:
  Status require_manager(const Actor& actor);
  Status throttle(store::Database& db, std::string_view username, std::string_view address);
  Principal principal_of(const model::User& user);

  store::DatabasePool& pool_;
  const Clock& clock_;
  AccessPolicy policy_;
  CredentialObserver* observer_ = nullptr;
};

}  // namespace escudo::service

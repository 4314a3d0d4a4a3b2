// The keys signed-in users unlocked with their password, held in this process's memory only.
//
// Users who read sealed data (tip handlers; analysts who receive extracts) have a personal
// X25519 key pair whose secret half is stored wrapped under a key derived from their password
// (Argon2id). At sign-in the password unwraps it, and the personal key opens the tip desk's
// secret key where it was granted to them; both stay here, keyed by session, until sign-out or
// the end of the session's longest life. A restart forgets them: the user enters their password
// again (POST /api/tips/unlock). Nothing here is ever written to disk or a log.
//
// AccessService tells the keyring about passwords through CredentialObserver. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <span>

#include "base/clock.h"
#include "crypto/password.h"
#include "crypto/sealed_box.h"
#include "service/credential_observer.h"
#include "service/principal.h"
#include "store/database.h"
#include "store/pool.h"

namespace escudo::service {

struct DeskKey {
  std::int64_t id = 0;
  crypto::BoxKeyPair keys;
};

class Keyring final : public CredentialObserver {
 public:
  Keyring(store::DatabasePool& pool, const Clock& clock, crypto::PasswordCost cost,
          std::int64_t session_absolute_seconds)
      : pool_(pool), clock_(clock), cost_(cost), max_age_seconds_(session_absolute_seconds) {}

  // Users with these roles keep a personal key pair.
  static bool needs_personal_key(std::span<const model::Role> roles);

  Status on_password_set(store::Database& db, UserId user, std::span<const model::Role> roles,
                         std::string_view password, std::optional<std::string_view> previous) override;
  void on_signed_in(const Principal& principal, std::string_view password) override;
  void on_signed_out(SessionId session) override;

  // Unwraps the user's keys with their password and keeps them for the session (signing in
  // again after a restart). kUnauthenticated for a wrong password; kFailedPrecondition when the
  // user has no key pair yet. Creates the key pair when missing and the roles need one.
  // CPU-heavy (Argon2id).
  Status unlock(const Principal& principal, std::string_view password);

  // The session's keys. kFailedPrecondition with reason "keys_locked" when they were not
  // unlocked in this process, "desk_not_granted" when the desk key was never granted to the
  // user, "desk_not_set_up" before `escudo tips init`.
  Result<crypto::BoxKeyPair> personal_key(const Principal& principal);
  Result<DeskKey> desk_key(const Principal& principal);
  bool desk_unlocked(const Principal& principal);

  // For the command line: the desk key through a handler's name and password. kUnauthenticated
  // for a wrong password, kFailedPrecondition when the desk was not granted to them.
  static Result<DeskKey> open_desk(store::Database& db, UserId user, std::string_view password);
  // Opens `user`'s personal key with their password.
  static Result<crypto::BoxKeyPair> open_personal(store::Database& db, UserId user,
                                                  std::string_view password);
  // A new wrapped key pair for `user` (replacing any), inside the caller's transaction.
  static Status provision(store::Database& db, UserId user, std::string_view password,
                          crypto::PasswordCost cost, std::int64_t now);

 private:
  struct Entry {
    UserId user;
    crypto::BoxKeyPair personal;
    std::optional<DeskKey> desk;
    std::int64_t unlocked_at = 0;
  };
  Status unlock_with(store::Database& db, const Principal& principal, std::string_view password);
  void prune_locked();

  store::DatabasePool& pool_;
  const Clock& clock_;
  crypto::PasswordCost cost_;
  std::int64_t max_age_seconds_;
  std::mutex mu_;
  std::map<std::int64_t, Entry> sessions_;  // by session id
};

}  // namespace escudo::service

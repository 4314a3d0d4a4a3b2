// How AccessService tells the key handling (service/keyring.h) about passwords, without
// depending on it.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "base/status.h"
#include "model/role.h"
#include "service/principal.h"
#include "store/database.h"

namespace escudo::service {

// What AccessService reports about passwords, so keys wrapped under them follow.
class CredentialObserver {
 public:
  virtual ~CredentialObserver() = default;
  // Inside the transaction that creates the user or sets their password. `previous` is the old
  // password when the user changed their own (their keys are re-wrapped and keep working);
  // without it (a new user, an administrator's reset) a new key pair replaces any old one.
  virtual Status on_password_set(store::Database& db, UserId user,
                                 std::span<const model::Role> roles, std::string_view password,
                                 std::optional<std::string_view> previous) = 0;
  // After a successful sign-in, with the password that was just verified.
  virtual void on_signed_in(const Principal& principal, std::string_view password) = 0;
  virtual void on_signed_out(SessionId session) = 0;
};

}  // namespace escudo::service

// Who is asking. A Principal is a signed-in user (from a session); an Actor is what the audit
// log records, which may also be the command line run by an operator on the server itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/ids.h"
#include "base/status.h"
#include "model/role.h"
#include "model/user.h"

namespace escudo::service {

struct Principal {
  UserId user_id;
  std::string username;
  std::string display_name;
  std::string agency_name;
  std::vector<model::Role> roles;
  model::Language language = model::Language::kSpanish;
  SessionId session_id;
  std::string csrf_token;
  bool totp_enabled = false;
  // The roles require a second factor that is not set up yet: until it is, the session may only
  // enrol one, read /api/me, change its language and log out.
  bool must_enrol_totp = false;

  bool can(model::Permission permission) const {
    return model::any_role_grants(roles, permission);
  }
};

// kPermissionDenied naming what was asked and who can grant it, unless `principal` may.
Status require(const Principal& principal, model::Permission permission);

struct Actor {
  std::string name;                   // "ana" or "cli:root"
  const Principal* principal = nullptr;  // null for the command line

  static Actor of(const Principal& p) { return Actor{p.username, &p}; }
  static Actor command_line();
};

}  // namespace escudo::service

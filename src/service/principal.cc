#include "service/principal.h"

#include <unistd.h>

#include <cstdlib>

namespace escudo::service {

Status require(const Principal& principal, model::Permission permission) {
  if (principal.must_enrol_totp) {
    return make_error(ErrorCode::kPermissionDenied,
                      "your role requires a second factor; set it up under Account first",
                      "totp_enrolment_required");
  }
  if (principal.can(permission)) return ok_status();
  return errorf(ErrorCode::kPermissionDenied,
                "your roles do not include '{}'; ask an administrator of your agency",
                model::permission_name(permission));
}

Actor Actor::command_line() {
  const char* user = std::getenv("USER");
  return Actor{std::string("cli:") + (user != nullptr ? user : std::to_string(getuid())), nullptr};
}

}  // namespace escudo::service

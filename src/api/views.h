// JSON shapes of the API's resources (docs/api.md): Me, User, audit entries.
#pragma once

#include "base/json.h"
#include "model/audit.h"
#include "model/user.h"
#include "service/principal.h"

namespace escudo::api {

void write_me(JsonWriter& w, const service::Principal& me);
void write_user(JsonWriter& w, const model::User& user);
void write_audit_entry(JsonWriter& w, const model::AuditEntry& entry);
void write_roles(JsonWriter& w, std::span<const model::Role> roles);

}  // namespace escudo::api

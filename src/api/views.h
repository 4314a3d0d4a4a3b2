// JSON shapes of the API's resources (docs/api.md): Me, User, audit entries, entities.
#pragma once

#include "base/json.h"
#include "model/audit.h"
#include "model/user.h"
#include "service/principal.h"
#include "service/resolve_service.h"

namespace escudo::api {

void write_me(JsonWriter& w, const service::Principal& me);
void write_user(JsonWriter& w, const model::User& user);
void write_audit_entry(JsonWriter& w, const model::AuditEntry& entry);
void write_roles(JsonWriter& w, std::span<const model::Role> roles);
// Why two records match: the prior, each compared field's level and weight, the total.
void write_pair(JsonWriter& w, const service::PairView& pair);
// A registered person with where and when (identity: for identity.read only).
void write_person_summary(JsonWriter& w, const store::RegisteredPersonSummary& p);

}  // namespace escudo::api

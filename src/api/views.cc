#include "api/views.h"

namespace escudo::api {

void write_roles(JsonWriter& w, std::span<const model::Role> roles) {
  w.begin_array();
  for (model::Role r : roles) w.value(model::role_name(r));
  w.end_array();
}

void write_me(JsonWriter& w, const service::Principal& me) {
  w.begin_object();
  w.key("id").value(me.user_id.value());
  w.key("username").value(me.username);
  w.key("display_name").value(me.display_name);
  w.key("agency").value(me.agency_name);
  w.key("roles");
  write_roles(w, me.roles);
  w.key("permissions").begin_array();
  if (!me.must_enrol_totp) {
    for (model::Permission p : model::permissions_of(me.roles)) w.value(model::permission_name(p));
  }
  w.end_array();
  w.key("language").value(model::language_code(me.language));
  w.key("totp_enabled").value(me.totp_enabled);
  w.key("totp_required").value(model::any_role_requires_totp(me.roles));
  w.key("csrf_token").value(me.csrf_token);
  w.end_object();
}

void write_user(JsonWriter& w, const model::User& user) {
  w.begin_object();
  w.key("id").value(user.id.value());
  w.key("username").value(user.username);
  w.key("display_name").value(user.display_name);
  w.key("agency").value(user.agency_name);
  w.key("roles");
  write_roles(w, user.roles);
  w.key("disabled").value(user.disabled);
  w.key("totp_enabled").value(user.totp_enabled);
  w.key("created_at").value(user.created_at);
  w.end_object();
}

void write_audit_entry(JsonWriter& w, const model::AuditEntry& e) {
  w.begin_object();
  w.key("id").value(e.id.value());
  w.key("at").value(e.at);
  w.key("actor").value(e.actor);
  w.key("action").value(e.action);
  w.key("object").value(e.object);
  w.key("detail").value(e.detail);
  w.key("hash").value(e.hash);
  w.end_object();
}

void write_pair(JsonWriter& w, const service::PairView& pair) {
  w.begin_object();
  w.key("record_a").value(pair.record_a);
  w.key("record_b").value(pair.record_b);
  w.key("prior").value(pair.prior);
  w.key("fields").begin_array();
  for (const auto& f : pair.fields) {
    w.begin_object()
        .key("field").value(f.field)
        .key("level").value(f.level)
        .key("values").value(f.values)
        .key("weight").value(f.weight)
        .end_object();
  }
  w.end_array();
  w.key("log2_odds").value(pair.log2_odds);
  w.key("probability").value(pair.probability);
  w.key("held").value(pair.held);
  w.end_object();
}

void write_person_summary(JsonWriter& w, const store::RegisteredPersonSummary& p) {
  w.begin_object();
  w.key("person_id").value(p.person_id);
  w.key("group_id").value(p.group_id);
  w.key("given_names").value(p.given_names);
  w.key("family_names").value(p.family_names);
  w.key("sex").value(p.sex);
  w.key("birth_date").value(p.birth_date);
  w.key("estimated_age");
  if (p.estimated_age) w.value(*p.estimated_age); else w.null();
  w.key("nationality").value(p.nationality);
  w.key("document_type").value(p.document_type);
  w.key("document_country").value(p.document_country);
  w.key("document_number").value(p.document_number);
  w.key("phone").value(p.phone);
  w.key("station").value(p.station_code);
  w.key("registered_on").value(p.registered_on);
  w.end_object();
}

}  // namespace escudo::api

// The tip desk: the inbox and everything a handler does with a tip. Every read of a tip's
// content and every change is audited, in the same transaction as the change.
#include "base/civil_date.h"
#include "base/json.h"
#include "base/utf8.h"
#include "crypto/crypto.h"
#include "service/audit_service.h"
#include "service/tip_service.h"
#include "store/key_repo.h"
#include "store/user_repo.h"

namespace escudo::service {
namespace {

Result<std::string> decode(std::string_view b64) {
  std::string out;
  if (!crypto::from_base64(b64, &out)) return make_error(ErrorCode::kDataLoss, "a stored value is not valid base64");
  return out;
}

Result<std::string> open_b64(const crypto::BoxKeyPair& keys, std::string_view b64) {
  ESCUDO_ASSIGN_OR_RETURN(std::string sealed, decode(b64));
  return crypto::open_sealed(keys, sealed);
}

Result<std::string> seal_b64(std::string_view public_key, std::string_view plaintext) {
  ESCUDO_ASSIGN_OR_RETURN(std::string sealed, crypto::seal(public_key, plaintext));
  return crypto::to_base64(sealed);
}

Result<TipAttachmentInfo> read_meta(const crypto::BoxKeyPair& keys, const store::SealedAttachment& a) {
  ESCUDO_ASSIGN_OR_RETURN(std::string meta_json, open_b64(keys, a.sealed_meta));
  auto meta = parse_json_object(meta_json);
  if (!meta) return make_error(ErrorCode::kDataLoss, "a stored attachment is not readable");
  TipAttachmentInfo info;
  info.id = a.id;
  info.message_id = a.message_id;
  info.name = meta->get_string("name").value_or("attachment");
  info.media_type = meta->get_string("media_type").value_or("application/octet-stream");
  info.size = meta->get_int("size").value_or(0);
  info.removed = meta->get_string_array("removed").value_or(std::vector<std::string>{});
  return info;
}

std::string object_of(std::int64_t tip_id) { return fmt::format("tip:{}", tip_id); }

Result<store::TipSummary> summary_of(store::Database& db, std::int64_t tip_id) {
  store::TipRepo tips(db);
  ESCUDO_ASSIGN_OR_RETURN(store::TipRecord t, tips.find(tip_id));
  store::TipSummary s;
  s.id = t.id;
  s.received_on = t.received_on;
  s.status = t.status;
  s.updated_at = t.updated_at;
  s.assigned_to = t.assigned_to;
  if (t.assigned_to) {
    auto user = store::UserRepo(db).find_by_id(UserId(*t.assigned_to));
    if (user) s.assigned_username = user->user.username;
  }
  s.duplicate_of = t.duplicate_of;
  s.attachment_count = t.attachment_count;
  s.unread_from_tipster = t.unread_from_tipster;
  ESCUDO_ASSIGN_OR_RETURN(s.tags, tips.tags_of(tip_id));
  return s;
}

Status check_text(std::string_view field, std::string_view text) {
  auto problems = model::validate_tip_message(field, text);
  if (!problems.empty()) return make_error(ErrorCode::kInvalidArgument, problems.front().message);
  return ok_status();
}

}  // namespace

Result<DeskKey> TipService::desk(const Principal& principal, model::Permission permission) {
  ESCUDO_TRY(require(principal, permission));
  ESCUDO_ASSIGN_OR_RETURN(DeskKey key, keyring_.desk_key(principal));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto current, store::KeyRepo(*db).current_desk_key());
  if (!current || current->id != key.id) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "the tip desk's key was replaced since you signed in; enter your password "
                      "again to unlock the new one",
                      "keys_locked");
  }
  return key;
}

Result<store::InboxPage> TipService::inbox(const Principal& principal,
                                           const store::InboxFilter& filter) {
  ESCUDO_TRY(require(principal, model::Permission::kTipsRead));
  if (filter.status) ESCUDO_TRY(model::parse_tip_status(*filter.status));
  if (filter.tag) ESCUDO_TRY(model::validate_tag(*filter.tag));
  for (const auto* day : {&filter.from_day, &filter.to_day}) {
    if (*day) {
      auto parsed = CivilDate::parse(**day);
      if (!parsed) return errorf(ErrorCode::kInvalidArgument, "'{}' is not a date (YYYY-MM-DD)", **day);
    }
  }
  auto db = pool_.acquire();
  return store::TipRepo(*db).inbox(filter);
}

Result<TipDetail> TipService::open(const Principal& principal, std::int64_t tip_id) {
  ESCUDO_ASSIGN_OR_RETURN(DeskKey key, desk(principal, model::Permission::kTipsRead));
  auto db = pool_.acquire();
  store::TipRepo tips(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::TipRecord record, tips.find(tip_id));
  TipDetail d;
  ESCUDO_ASSIGN_OR_RETURN(std::string body, open_b64(key.keys, record.sealed_body));
  ESCUDO_ASSIGN_OR_RETURN(d.content, model::tip_content_from_json(body));
  std::fill(body.begin(), body.end(), '\0');
  ESCUDO_ASSIGN_OR_RETURN(auto attachments, tips.attachments_of(tip_id));
  for (const auto& a : attachments) {
    ESCUDO_ASSIGN_OR_RETURN(auto info, read_meta(key.keys, a));
    d.attachments.push_back(std::move(info));
  }
  ESCUDO_ASSIGN_OR_RETURN(auto messages, tips.messages_of(tip_id));
  for (const auto& m : messages) {
    ESCUDO_ASSIGN_OR_RETURN(std::string text, open_b64(key.keys, m.sealed_for_desk));
    d.messages.push_back({m.id, m.author, m.username, m.on_day, std::move(text)});
  }
  ESCUDO_ASSIGN_OR_RETURN(auto notes, tips.notes_of(tip_id));
  for (const auto& n : notes) {
    ESCUDO_ASSIGN_OR_RETURN(std::string text, open_b64(key.keys, n.sealed_text));
    d.notes.push_back({n.id, n.username, n.at, std::move(text)});
  }
  ESCUDO_ASSIGN_OR_RETURN(d.entity_ids, tips.entities_of(tip_id));
  ESCUDO_ASSIGN_OR_RETURN(d.case_ids, tips.cases_of(tip_id));
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  if (record.unread_from_tipster) {
    ESCUDO_TRY(tips.set_unread(tip_id, false, clock_.now_unix_seconds()));
  }
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "tip.read", object_of(tip_id), ""));
  ESCUDO_TRY(tx.commit());
  ESCUDO_ASSIGN_OR_RETURN(d.summary, summary_of(*db, tip_id));
  return d;
}

Result<AttachmentContent> TipService::attachment(const Principal& principal, std::int64_t tip_id,
                                                 std::int64_t attachment_id) {
  ESCUDO_ASSIGN_OR_RETURN(DeskKey key, desk(principal, model::Permission::kTipsRead));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto sealed, store::TipRepo(*db).attachment(tip_id, attachment_id));
  AttachmentContent out;
  ESCUDO_ASSIGN_OR_RETURN(out.info, read_meta(key.keys, sealed));
  ESCUDO_ASSIGN_OR_RETURN(out.data, open_b64(key.keys, sealed.sealed_data));
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "tip.attachment_read",
                          object_of(tip_id), fmt::format("attachment={}", attachment_id)));
  ESCUDO_TRY(tx.commit());
  return out;
}

Result<store::TipSummary> TipService::update(const Principal& principal, std::int64_t tip_id,
                                             const TipUpdate& u) {
  ESCUDO_TRY(require(principal, model::Permission::kTipsManage));
  for (const auto& t : u.add_tags) ESCUDO_TRY(model::validate_tag(t));
  for (const auto& t : u.remove_tags) ESCUDO_TRY(model::validate_tag(t));
  auto db = pool_.acquire();
  std::int64_t now = clock_.now_unix_seconds();
  Actor actor = Actor::of(principal);
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::TipRepo tips(*db);
  ESCUDO_TRY(tips.find(tip_id));
  if (u.status) {
    ESCUDO_TRY(tips.set_status(tip_id, model::tip_status_name(*u.status), now));
    ESCUDO_TRY(append_audit(*db, clock_, actor, "tip.status", object_of(tip_id),
                            std::string(model::tip_status_name(*u.status))));
  }
  if (u.assign_to) {
    std::optional<std::int64_t> user_id;
    if (!u.assign_to->empty()) {
      auto found = store::UserRepo(*db).find_by_username(*u.assign_to);
      if (!found) {
        return errorf(ErrorCode::kInvalidArgument, "'assign_to': there is no user '{}'",
                      u.assign_to->substr(0, 64));
      }
      if (!model::any_role_grants(found->user.roles, model::Permission::kTipsRead) ||
          found->user.disabled) {
        return errorf(ErrorCode::kInvalidArgument,
                      "'assign_to': '{}' is not an active tip handler", *u.assign_to);
      }
      user_id = found->user.id.value();
    }
    ESCUDO_TRY(tips.set_assigned(tip_id, user_id, now));
    ESCUDO_TRY(append_audit(*db, clock_, actor, "tip.assign", object_of(tip_id),
                            u.assign_to->empty() ? "nobody" : *u.assign_to));
  }
  if (u.duplicate_of) {
    std::optional<std::int64_t> original;
    if (*u.duplicate_of != 0) {
      if (*u.duplicate_of == tip_id) {
        return make_error(ErrorCode::kInvalidArgument, "'duplicate_of': a tip cannot duplicate itself");
      }
      auto other = tips.find(*u.duplicate_of);
      if (!other) {
        return errorf(ErrorCode::kInvalidArgument, "'duplicate_of': there is no tip {}", *u.duplicate_of);
      }
      // Point at the original, never at another duplicate.
      original = other->duplicate_of.value_or(*u.duplicate_of);
      if (*original == tip_id) {
        return make_error(ErrorCode::kInvalidArgument,
                          "'duplicate_of': that tip is marked as a duplicate of this one");
      }
    }
    ESCUDO_TRY(tips.set_duplicate_of(tip_id, original, now));
    ESCUDO_TRY(append_audit(*db, clock_, actor, "tip.duplicate", object_of(tip_id),
                            original ? fmt::format("of=tip:{}", *original) : "none"));
  }
  for (const auto& t : u.add_tags) {
    ESCUDO_TRY(tips.add_tag(tip_id, t, now));
    ESCUDO_TRY(append_audit(*db, clock_, actor, "tip.tag", object_of(tip_id), "+" + t));
  }
  for (const auto& t : u.remove_tags) {
    ESCUDO_TRY(tips.remove_tag(tip_id, t, now));
    ESCUDO_TRY(append_audit(*db, clock_, actor, "tip.tag", object_of(tip_id), "-" + t));
  }
  ESCUDO_TRY(tx.commit());
  return summary_of(*db, tip_id);
}

Result<std::int64_t> TipService::add_note(const Principal& principal, std::int64_t tip_id,
                                          std::string_view text) {
  ESCUDO_ASSIGN_OR_RETURN(DeskKey key, desk(principal, model::Permission::kTipsManage));
  ESCUDO_TRY(check_text("text", text));
  ESCUDO_ASSIGN_OR_RETURN(std::string sealed, seal_b64(key.keys.public_key, text));
  auto db = pool_.acquire();
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::TipRepo tips(*db);
  ESCUDO_TRY(tips.find(tip_id));
  ESCUDO_ASSIGN_OR_RETURN(auto id, tips.insert_note(tip_id, principal.user_id.value(), now, key.id, sealed));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "tip.note", object_of(tip_id),
                          fmt::format("note={}", id)));
  ESCUDO_TRY(tx.commit());
  return id;
}

Result<std::int64_t> TipService::reply(const Principal& principal, std::int64_t tip_id,
                                       std::string_view text) {
  ESCUDO_ASSIGN_OR_RETURN(DeskKey key, desk(principal, model::Permission::kTipsManage));
  ESCUDO_TRY(check_text("text", text));
  auto db = pool_.acquire();
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::TipRepo tips(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::TipRecord record, tips.find(tip_id));
  ESCUDO_ASSIGN_OR_RETURN(std::string tipster_key, decode(record.tipster_public_key));
  ESCUDO_ASSIGN_OR_RETURN(std::string for_desk, seal_b64(key.keys.public_key, text));
  ESCUDO_ASSIGN_OR_RETURN(std::string for_tipster, seal_b64(tipster_key, text));
  ESCUDO_ASSIGN_OR_RETURN(
      auto id, tips.insert_message(tip_id, "desk", principal.user_id.value(),
                                   civil_date_from_unix_seconds(now).to_string(), key.id, for_desk,
                                   for_tipster));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "tip.reply", object_of(tip_id),
                          fmt::format("message={}", id)));
  ESCUDO_TRY(tx.commit());
  return id;
}

Status TipService::link_entity(const Principal& principal, std::int64_t tip_id,
                               std::int64_t entity_id, bool linked) {
  ESCUDO_TRY(require(principal, model::Permission::kTipsManage));
  if (entity_id <= 0) return make_error(ErrorCode::kInvalidArgument, "'entity_id' must be a positive id");
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::TipRepo tips(*db);
  if (linked) {
    // The entity must exist: a record of it, or an alias that leads to one.
    ESCUDO_ASSIGN_OR_RETURN(
        auto known,
        db->query_int("SELECT COUNT(*) FROM (SELECT entity_id FROM entity_records WHERE entity_id = $1 "
                      "UNION SELECT entity_id FROM entity_aliases WHERE entity_id = $1) k",
                      {entity_id}));
    if (known.value_or(0) == 0) {
      return errorf(ErrorCode::kInvalidArgument, "'entity_id': there is no entity {}", entity_id);
    }
    ESCUDO_TRY(tips.link_entity(tip_id, entity_id, principal.user_id.value(), clock_.now_unix_seconds()));
  } else {
    ESCUDO_TRY(tips.find(tip_id));
    ESCUDO_TRY(tips.unlink_entity(tip_id, entity_id));
  }
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), linked ? "tip.link" : "tip.unlink",
                          object_of(tip_id), fmt::format("entity:{}", entity_id)));
  return tx.commit();
}

Result<NamedPerson> TipService::name_person(const Principal& principal, std::int64_t tip_id,
                                            std::string_view full_name, std::string_view phone) {
  ESCUDO_TRY(require(principal, model::Permission::kTipsManage));
  auto blank = [](std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; };
  if (blank(full_name)) return make_error(ErrorCode::kInvalidArgument, "'full_name' is required");
  if (full_name.size() > 200 || phone.size() > 40) {
    return make_error(ErrorCode::kInvalidArgument, "'full_name' (200 bytes) or 'phone' (40) is too long");
  }
  if (find_invalid_utf8(full_name) || find_invalid_utf8(phone)) {
    return make_error(ErrorCode::kInvalidArgument, "'full_name' and 'phone' must be valid UTF-8 text");
  }
  NamedPerson named;
  {
    auto db = pool_.acquire();
    ESCUDO_TRY(store::TipRepo(*db).find(tip_id));
    ESCUDO_ASSIGN_OR_RETURN(auto count, db->query_int("SELECT COUNT(*) FROM person_records WHERE record_id LIKE $1",
                                                      {fmt::format("tip:{}:%", tip_id)}));
    named.record_id = fmt::format("tip:{}:{}", tip_id, count.value_or(0) + 1);
  }
  Actor actor = Actor::of(principal);
  ESCUDO_ASSIGN_OR_RETURN(auto ids, resolve_.add_source_records(
                                        actor, {{named.record_id, std::string(full_name), std::string(phone)}}));
  named.entity_id = ids.at(0);
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(store::TipRepo(*db).link_entity(tip_id, named.entity_id, principal.user_id.value(),
                                             clock_.now_unix_seconds()));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "tip.name_person", object_of(tip_id),
                          fmt::format("record:{} entity:{}", named.record_id, named.entity_id)));
  ESCUDO_TRY(tx.commit());
  return named;
}

Status TipService::link_case(const Principal& principal, std::int64_t tip_id, std::int64_t case_id,
                             bool linked) {
  ESCUDO_TRY(require(principal, model::Permission::kTipsManage));
  if (case_id <= 0) return make_error(ErrorCode::kInvalidArgument, "'case_id' must be a positive id");
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::TipRepo tips(*db);
  if (linked) {
    ESCUDO_TRY(tips.link_case(tip_id, case_id, principal.username, clock_.now_unix_seconds()));
  } else {
    ESCUDO_TRY(tips.find(tip_id));
    ESCUDO_TRY(tips.unlink_case(tip_id, case_id));
  }
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), linked ? "tip.link" : "tip.unlink",
                          object_of(tip_id), fmt::format("case:{}", case_id)));
  return tx.commit();
}

Result<std::int64_t> TipService::forward(const Principal& principal, std::int64_t tip_id,
                                         std::string_view recipient, std::string_view text) {
  ESCUDO_TRY(desk(principal, model::Permission::kTipsManage));
  ESCUDO_TRY(check_text("text", text));
  auto db = pool_.acquire();
  auto user = store::UserRepo(*db).find_by_username(recipient);
  if (!user) {
    return errorf(ErrorCode::kInvalidArgument, "'recipient': there is no user '{}'",
                  recipient.substr(0, 64));
  }
  if (!model::any_role_grants(user->user.roles, model::Permission::kTipExtracts) || user->user.disabled) {
    return errorf(ErrorCode::kInvalidArgument,
                  "'recipient': '{}' is not an active investigator (the analyst role)", recipient);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto key, store::KeyRepo(*db).user_key(user->user.id.value()));
  if (!key) {
    return errorf(ErrorCode::kFailedPrecondition,
                  "'{}' has not signed in since the tip desk was set up, so nothing can be "
                  "sealed to them yet; ask them to sign in once",
                  recipient);
  }
  ESCUDO_ASSIGN_OR_RETURN(std::string public_key, decode(key->public_key));
  ESCUDO_ASSIGN_OR_RETURN(std::string sealed, seal_b64(public_key, text));
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::TipRepo tips(*db);
  ESCUDO_TRY(tips.find(tip_id));
  ESCUDO_ASSIGN_OR_RETURN(auto id, tips.insert_extract(tip_id, user->user.id.value(),
                                                       principal.user_id.value(),
                                                       clock_.now_unix_seconds(), sealed));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "tip.forward", object_of(tip_id),
                          fmt::format("extract={} to={}", id, recipient)));
  ESCUDO_TRY(tx.commit());
  return id;
}

Result<std::vector<ExtractView>> TipService::my_extracts(const Principal& principal) {
  ESCUDO_TRY(require(principal, model::Permission::kTipExtracts));
  ESCUDO_ASSIGN_OR_RETURN(crypto::BoxKeyPair keys, keyring_.personal_key(principal));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto sealed, store::TipRepo(*db).extracts_for(principal.user_id.value()));
  std::vector<ExtractView> out;
  for (const auto& e : sealed) {
    ESCUDO_ASSIGN_OR_RETURN(std::string text, open_b64(keys, e.sealed_text));
    out.push_back({e.id, e.tip_id, e.created_by, e.created_at, std::move(text)});
  }
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "tip.extracts_read",
                          fmt::format("user:{}", principal.user_id.value()),
                          fmt::format("extracts={}", out.size())));
  ESCUDO_TRY(tx.commit());
  return out;
}

Status TipService::unlock(const Principal& principal, std::string_view password) {
  if (!Keyring::needs_personal_key(principal.roles)) {
    return make_error(ErrorCode::kPermissionDenied, "your roles hold no keys to unlock");
  }
  return keyring_.unlock(principal, password);
}

Result<store::TipCounts> TipService::statistics(const Actor& actor) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, model::Permission::kTipsRead));
  auto db = pool_.acquire();
  return store::TipRepo(*db).counts();
}

}  // namespace escudo::service

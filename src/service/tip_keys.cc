// The tip desk's key pairs: set-up, grants to handlers, rotation.
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

// Seals the desk's secret key to `user`'s personal public key and stores the grant.
Status grant_to(store::Database& db, const DeskKey& desk, std::int64_t user_id,
                std::string_view granted_by, std::int64_t now) {
  store::KeyRepo keys(db);
  ESCUDO_ASSIGN_OR_RETURN(auto user_key, keys.user_key(user_id));
  if (!user_key) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "this user has no key pair yet; they get one when they next sign in",
                      "no_personal_key");
  }
  ESCUDO_ASSIGN_OR_RETURN(std::string public_key, decode(user_key->public_key));
  ESCUDO_ASSIGN_OR_RETURN(std::string sealed, crypto::seal(public_key, desk.keys.secret_key.view()));
  return keys.put_grant({.desk_key_id = desk.id,
                         .user_id = user_id,
                         .sealed_secret_key = crypto::to_base64(sealed),
                         .granted_by = std::string(granted_by),
                         .granted_at = now});
}

Result<store::UserRecord> find_handler(store::Database& db, std::string_view username) {
  auto user = store::UserRepo(db).find_by_username(username);
  if (!user) return errorf(ErrorCode::kNotFound, "there is no user '{}'", username.substr(0, 64));
  if (!model::any_role_grants(user->user.roles, model::Permission::kTipsRead)) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a tip handler", username);
  }
  return std::move(*user);
}

Status grant_named(store::Database& db, const Clock& clock, const Actor& actor, const DeskKey& desk,
                   std::string_view username) {
  ESCUDO_ASSIGN_OR_RETURN(store::UserRecord user, find_handler(db, username));
  if (user.user.disabled) return errorf(ErrorCode::kFailedPrecondition, "'{}' is disabled", username);
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(db));
  ESCUDO_TRY(grant_to(db, desk, user.user.id.value(), actor.name, clock.now_unix_seconds()));
  ESCUDO_TRY(append_audit(db, clock, actor, "tips.grant", fmt::format("user:{}", user.user.id.value()),
                          fmt::format("desk_key={}", desk.id)));
  return tx.commit();
}

}  // namespace

Result<DeskSetupReport> TipService::init_desk(const Actor& actor) {
  if (actor.principal != nullptr) {
    return make_error(ErrorCode::kPermissionDenied,
                      "the tip desk's key is set up on the server with `escudo tips init`");
  }
  auto db = pool_.acquire();
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::KeyRepo keys(*db);
  ESCUDO_ASSIGN_OR_RETURN(auto current, keys.current_desk_key());
  if (current) {
    return make_error(ErrorCode::kAlreadyExists,
                      "the tip desk already has a key; use `escudo tips rotate` to replace it");
  }
  DeskKey desk{0, crypto::new_box_keypair()};
  ESCUDO_ASSIGN_OR_RETURN(desk.id, keys.insert_desk_key(crypto::to_base64(desk.keys.public_key), now));
  DeskSetupReport report;
  report.desk_key_id = desk.id;
  ESCUDO_ASSIGN_OR_RETURN(auto users, store::UserRepo(*db).list());
  for (const auto& u : users) {
    if (u.disabled || !model::any_role_grants(u.roles, model::Permission::kTipsRead)) continue;
    auto granted = grant_to(*db, desk, u.id.value(), actor.name, now);
    if (granted) {
      report.granted.push_back(u.username);
    } else if (granted.error().reason() == "no_personal_key") {
      report.waiting.push_back(u.username);
    } else {
      return std::unexpected(granted.error());
    }
  }
  ESCUDO_TRY(append_audit(*db, clock_, actor, "tips.desk_key_created", fmt::format("desk_key:{}", desk.id),
                          fmt::format("granted={}", report.granted.size())));
  ESCUDO_TRY(tx.commit());
  return report;
}

Status TipService::grant(const Principal& principal, std::string_view username) {
  ESCUDO_ASSIGN_OR_RETURN(DeskKey key, desk(principal, model::Permission::kTipsManage));
  auto db = pool_.acquire();
  return grant_named(*db, clock_, Actor::of(principal), key, username);
}

Status TipService::grant_with_password(const Actor& actor, std::string_view handler,
                                       std::string_view password, std::string_view username) {
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(store::UserRecord by, find_handler(*db, handler));
  ESCUDO_ASSIGN_OR_RETURN(DeskKey key, Keyring::open_desk(*db, by.user.id, password));
  return grant_named(*db, clock_, actor, key, username);
}

Result<RotationReport> TipService::rotate(const Actor& actor, std::string_view handler,
                                          std::string_view password) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, model::Permission::kTipsManage));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(store::UserRecord by, find_handler(*db, handler));
  ESCUDO_ASSIGN_OR_RETURN(DeskKey old_key, Keyring::open_desk(*db, by.user.id, password));
  std::int64_t now = clock_.now_unix_seconds();
  RotationReport report;
  report.old_key_id = old_key.id;
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::KeyRepo keys(*db);
  store::TipRepo tips(*db);
  DeskKey new_key{0, crypto::new_box_keypair()};
  ESCUDO_ASSIGN_OR_RETURN(new_key.id, keys.insert_desk_key(crypto::to_base64(new_key.keys.public_key), now));

  auto reseal_all = [&](store::SealedColumn column, std::int64_t* counter) -> Status {
    // Collected first: rows are rewritten after the read finishes.
    std::vector<std::pair<std::int64_t, std::string>> resealed;
    ESCUDO_TRY(tips.for_each_sealed(column, [&](std::int64_t id, std::string_view b64) -> Status {
      ESCUDO_ASSIGN_OR_RETURN(std::string sealed, decode(b64));
      auto plain = crypto::open_sealed(old_key.keys, sealed);
      if (!plain) {
        return errorf(ErrorCode::kDataLoss,
                      "a sealed value (row {}) does not open with the current desk key; nothing "
                      "was changed",
                      id);
      }
      ESCUDO_ASSIGN_OR_RETURN(std::string again, crypto::seal(new_key.keys.public_key, *plain));
      std::fill(plain->begin(), plain->end(), '\0');
      resealed.emplace_back(id, crypto::to_base64(again));
      return ok_status();
    }));
    for (const auto& [id, value] : resealed) {
      ESCUDO_TRY(tips.replace_sealed(column, id, value, new_key.id));
    }
    *counter += static_cast<std::int64_t>(resealed.size());
    return ok_status();
  };
  std::int64_t attachment_data = 0;
  ESCUDO_TRY(reseal_all(store::SealedColumn::kTipBody, &report.tips));
  ESCUDO_TRY(reseal_all(store::SealedColumn::kAttachmentMeta, &report.attachments));
  ESCUDO_TRY(reseal_all(store::SealedColumn::kAttachmentData, &attachment_data));
  ESCUDO_TRY(reseal_all(store::SealedColumn::kMessageForDesk, &report.messages));
  ESCUDO_TRY(reseal_all(store::SealedColumn::kNote, &report.notes));

  ESCUDO_ASSIGN_OR_RETURN(auto old_grants, keys.grants_of(old_key.id));
  for (const auto& g : old_grants) {
    ESCUDO_TRY(grant_to(*db, new_key, g.user_id, actor.name, now));
    report.granted.push_back(g.username);
  }
  ESCUDO_TRY(keys.delete_grants_of(old_key.id));
  ESCUDO_TRY(keys.retire_desk_key(old_key.id, now));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "tips.desk_key_rotated",
                          fmt::format("desk_key:{}", new_key.id),
                          fmt::format("old={} tips={} attachments={} messages={} notes={} granted={}",
                                      old_key.id, report.tips, report.attachments, report.messages,
                                      report.notes, report.granted.size())));
  ESCUDO_TRY(tx.commit());
  report.new_key_id = new_key.id;
  return report;
}

}  // namespace escudo::service

#include "service/keyring.h"

#include "base/log.h"
#include "store/key_repo.h"
#include "store/user_repo.h"

namespace escudo::service {
namespace {

Result<std::string> decode(std::string_view b64) {
  std::string out;
  if (!crypto::from_base64(b64, &out)) {
    return make_error(ErrorCode::kDataLoss, "a stored key is not valid base64");
  }
  return out;
}

}  // namespace

bool Keyring::needs_personal_key(std::span<const model::Role> roles) {
  return model::any_role_grants(roles, model::Permission::kTipsRead) ||
         model::any_role_grants(roles, model::Permission::kTipExtracts);
}

Status Keyring::provision(store::Database& db, UserId user, std::string_view password,
                          crypto::PasswordCost cost, std::int64_t now) {
  crypto::BoxKeyPair pair = crypto::new_box_keypair();
  std::string salt = crypto::random_bytes(crypto::kSaltBytes);
  ESCUDO_ASSIGN_OR_RETURN(crypto::SecretBytes kek, crypto::derive_key(password, salt, cost));
  ESCUDO_ASSIGN_OR_RETURN(std::string wrapped, crypto::wrap(kek, pair.secret_key.view()));
  store::KeyRepo keys(db);
  // Grants were sealed to the old public key; they cannot be opened any more.
  ESCUDO_TRY(keys.delete_grants_of_user(user.value()));
  return keys.put_user_key({.user_id = user.value(),
                            .public_key = crypto::to_base64(pair.public_key),
                            .wrapped_secret_key = crypto::to_base64(wrapped),
                            .kdf_salt = crypto::to_base64(salt),
                            .kdf_ops = static_cast<std::int64_t>(cost.ops),
                            .kdf_memory = static_cast<std::int64_t>(cost.memory_bytes),
                            .updated_at = now});
}

Result<crypto::BoxKeyPair> Keyring::open_personal(store::Database& db, UserId user,
                                                  std::string_view password) {
  ESCUDO_ASSIGN_OR_RETURN(auto record, store::KeyRepo(db).user_key(user.value()));
  if (!record) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "this user has no key pair yet; they get one when they next sign in",
                      "no_personal_key");
  }
  ESCUDO_ASSIGN_OR_RETURN(std::string salt, decode(record->kdf_salt));
  ESCUDO_ASSIGN_OR_RETURN(std::string wrapped, decode(record->wrapped_secret_key));
  crypto::PasswordCost cost{static_cast<std::uint64_t>(record->kdf_ops),
                            static_cast<std::size_t>(record->kdf_memory)};
  ESCUDO_ASSIGN_OR_RETURN(crypto::SecretBytes kek, crypto::derive_key(password, salt, cost));
  auto secret = crypto::unwrap(kek, wrapped);
  if (!secret) return make_error(ErrorCode::kUnauthenticated, "the password is wrong", "wrong_password");
  return crypto::box_keypair_from_secret(std::move(*secret));
}

Result<DeskKey> Keyring::open_desk(store::Database& db, UserId user, std::string_view password) {
  ESCUDO_ASSIGN_OR_RETURN(crypto::BoxKeyPair personal, open_personal(db, user, password));
  store::KeyRepo keys(db);
  ESCUDO_ASSIGN_OR_RETURN(auto desk, keys.current_desk_key());
  if (!desk) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "the tip desk has no key yet; run `escudo tips init` on the server",
                      "desk_not_set_up");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto grant, keys.grant(desk->id, user.value()));
  if (!grant) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "the tip desk's key was not granted to this user; ask a tip handler to "
                      "grant it",
                      "desk_not_granted");
  }
  ESCUDO_ASSIGN_OR_RETURN(std::string sealed, decode(grant->sealed_secret_key));
  ESCUDO_ASSIGN_OR_RETURN(std::string secret, crypto::open_sealed(personal, sealed));
  crypto::SecretBytes secret_bytes(reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size());
  std::fill(secret.begin(), secret.end(), '\0');
  ESCUDO_ASSIGN_OR_RETURN(crypto::BoxKeyPair pair, crypto::box_keypair_from_secret(std::move(secret_bytes)));
  ESCUDO_ASSIGN_OR_RETURN(std::string public_key, decode(desk->public_key));
  if (pair.public_key != public_key) {
    return make_error(ErrorCode::kDataLoss, "the granted desk key does not match the desk's public key");
  }
  return DeskKey{desk->id, std::move(pair)};
}

Status Keyring::on_password_set(store::Database& db, UserId user,
                                std::span<const model::Role> roles, std::string_view password,
                                std::optional<std::string_view> previous) {
  if (!needs_personal_key(roles)) return ok_status();
  std::int64_t now = clock_.now_unix_seconds();
  if (previous) {
    auto personal = open_personal(db, user, *previous);
    if (personal) {
      std::string salt = crypto::random_bytes(crypto::kSaltBytes);
      ESCUDO_ASSIGN_OR_RETURN(crypto::SecretBytes kek, crypto::derive_key(password, salt, cost_));
      ESCUDO_ASSIGN_OR_RETURN(std::string wrapped, crypto::wrap(kek, personal->secret_key.view()));
      return store::KeyRepo(db).put_user_key({.user_id = user.value(),
                                              .public_key = crypto::to_base64(personal->public_key),
                                              .wrapped_secret_key = crypto::to_base64(wrapped),
                                              .kdf_salt = crypto::to_base64(salt),
                                              .kdf_ops = static_cast<std::int64_t>(cost_.ops),
                                              .kdf_memory = static_cast<std::int64_t>(cost_.memory_bytes),
                                              .updated_at = now});
    }
  }
  return provision(db, user, password, cost_, now);
}

Status Keyring::unlock_with(store::Database& db, const Principal& principal,
                            std::string_view password) {
  ESCUDO_ASSIGN_OR_RETURN(auto record, store::KeyRepo(db).user_key(principal.user_id.value()));
  if (!record) {
    if (!needs_personal_key(principal.roles)) {
      return make_error(ErrorCode::kFailedPrecondition, "your roles hold no keys");
    }
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(db));
    ESCUDO_TRY(provision(db, principal.user_id, password, cost_, clock_.now_unix_seconds()));
    ESCUDO_TRY(tx.commit());
  }
  ESCUDO_ASSIGN_OR_RETURN(crypto::BoxKeyPair personal, open_personal(db, principal.user_id, password));
  Entry entry{principal.user_id, std::move(personal), std::nullopt, clock_.now_unix_seconds()};
  if (principal.can(model::Permission::kTipsRead)) {
    auto desk = open_desk(db, principal.user_id, password);
    if (desk) entry.desk = std::move(*desk);
  }
  std::lock_guard lock(mu_);
  sessions_.insert_or_assign(principal.session_id.value(), std::move(entry));
  return ok_status();
}

Status Keyring::unlock(const Principal& principal, std::string_view password) {
  auto db = pool_.acquire();
  return unlock_with(*db, principal, password);
}

void Keyring::on_signed_in(const Principal& principal, std::string_view password) {
  if (!needs_personal_key(principal.roles)) return;
  auto db = pool_.acquire();
  auto unlocked = unlock_with(*db, principal, password);
  if (!unlocked) {
    log::warn("keys.unlock_failed", {{"user", principal.username},
                                     {"why", std::string(error_code_name(unlocked.error().code()))}});
  }
  prune_locked();
}

void Keyring::on_signed_out(SessionId session) {
  std::lock_guard lock(mu_);
  sessions_.erase(session.value());
}

void Keyring::prune_locked() {
  std::lock_guard lock(mu_);
  std::int64_t oldest = clock_.now_unix_seconds() - max_age_seconds_;
  std::erase_if(sessions_, [&](const auto& item) { return item.second.unlocked_at < oldest; });
}

Result<crypto::BoxKeyPair> Keyring::personal_key(const Principal& principal) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(principal.session_id.value());
  if (it == sessions_.end() || it->second.user != principal.user_id ||
      it->second.unlocked_at < clock_.now_unix_seconds() - max_age_seconds_) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "your keys are locked in this session; enter your password to unlock them",
                      "keys_locked");
  }
  return crypto::BoxKeyPair{it->second.personal.public_key, it->second.personal.secret_key.clone()};
}

Result<DeskKey> Keyring::desk_key(const Principal& principal) {
  {
    std::lock_guard lock(mu_);
    auto it = sessions_.find(principal.session_id.value());
    if (it != sessions_.end() && it->second.user == principal.user_id &&
        it->second.unlocked_at >= clock_.now_unix_seconds() - max_age_seconds_) {
      if (it->second.desk) {
        const DeskKey& d = *it->second.desk;
        return DeskKey{d.id, crypto::BoxKeyPair{d.keys.public_key, d.keys.secret_key.clone()}};
      }
      // Unlocked, but without the desk: say why.
      auto db = pool_.acquire();
      ESCUDO_ASSIGN_OR_RETURN(auto desk, store::KeyRepo(*db).current_desk_key());
      if (!desk) {
        return make_error(ErrorCode::kFailedPrecondition,
                          "the tip desk has no key yet; an operator runs `escudo tips init`",
                          "desk_not_set_up");
      }
      return make_error(ErrorCode::kFailedPrecondition,
                        "the tip desk's key was not granted to you; ask another tip handler to "
                        "grant it, then sign in again",
                        "desk_not_granted");
    }
  }
  return make_error(ErrorCode::kFailedPrecondition,
                    "the tip desk is locked in this session; enter your password to unlock it",
                    "keys_locked");
}

bool Keyring::desk_unlocked(const Principal& principal) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(principal.session_id.value());
  return it != sessions_.end() && it->second.user == principal.user_id && it->second.desk;
}

}  // namespace escudo::service

#include "store/key_repo.h"

namespace escudo::store {

Status KeyRepo::put_user_key(const UserKeyRecord& k) {
  return db_.execute(
      "INSERT INTO user_keys (user_id, public_key, wrapped_secret_key, kdf_salt, kdf_ops, "
      "kdf_memory, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id) DO UPDATE "
      "SET public_key = excluded.public_key, wrapped_secret_key = excluded.wrapped_secret_key, "
      "kdf_salt = excluded.kdf_salt, kdf_ops = excluded.kdf_ops, kdf_memory = excluded.kdf_memory, "
      "updated_at = excluded.updated_at",
      {k.user_id, k.public_key, k.wrapped_secret_key, k.kdf_salt, k.kdf_ops, k.kdf_memory,
       k.updated_at});
}

Result<std::optional<UserKeyRecord>> KeyRepo::user_key(std::int64_t user_id) {
  std::optional<UserKeyRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT user_id, public_key, wrapped_secret_key, kdf_salt, kdf_ops, kdf_memory, updated_at "
      "FROM user_keys WHERE user_id = $1",
      {user_id}, [&](const Row& row) {
        out = UserKeyRecord{row.get_int(0), row.get_text(1), row.get_text(2), row.get_text(3),
                            row.get_int(4), row.get_int(5), row.get_int(6)};
        return ok_status();
      }));
  return out;
}

Result<std::optional<DeskKeyRecord>> KeyRepo::current_desk_key() {
  std::optional<DeskKeyRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, public_key, created_at FROM tip_desk_keys WHERE retired_at IS NULL "
      "ORDER BY id DESC LIMIT 1",
      {}, [&](const Row& row) {
        out = DeskKeyRecord{row.get_int(0), row.get_text(1), row.get_int(2)};
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> KeyRepo::insert_desk_key(std::string_view public_key, std::int64_t now) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO tip_desk_keys (public_key, created_at) VALUES ($1, $2) RETURNING id",
      {public_key, now}, [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Status KeyRepo::retire_desk_key(std::int64_t id, std::int64_t now) {
  return db_.execute("UPDATE tip_desk_keys SET retired_at = $1 WHERE id = $2", {now, id});
}

Status KeyRepo::put_grant(const DeskGrant& g) {
  return db_.execute(
      "INSERT INTO tip_desk_grants (desk_key_id, user_id, sealed_secret_key, granted_by, "
      "granted_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (desk_key_id, user_id) DO UPDATE SET "
      "sealed_secret_key = excluded.sealed_secret_key, granted_by = excluded.granted_by, "
      "granted_at = excluded.granted_at",
      {g.desk_key_id, g.user_id, g.sealed_secret_key, g.granted_by, g.granted_at});
}

Result<std::optional<DeskGrant>> KeyRepo::grant(std::int64_t desk_key_id, std::int64_t user_id) {
  std::optional<DeskGrant> out;
  ESCUDO_TRY(db_.query(
      "SELECT g.desk_key_id, g.user_id, u.username, g.sealed_secret_key, g.granted_by, "
      "g.granted_at FROM tip_desk_grants g JOIN users u ON u.id = g.user_id "
      "WHERE g.desk_key_id = $1 AND g.user_id = $2",
      {desk_key_id, user_id}, [&](const Row& row) {
        out = DeskGrant{row.get_int(0), row.get_int(1), row.get_text(2), row.get_text(3),
                        row.get_text(4), row.get_int(5)};
        return ok_status();
      }));
  return out;
}

Result<std::vector<DeskGrant>> KeyRepo::grants_of(std::int64_t desk_key_id) {
  std::vector<DeskGrant> out;
  ESCUDO_TRY(db_.query(
      "SELECT g.desk_key_id, g.user_id, u.username, g.sealed_secret_key, g.granted_by, "
      "g.granted_at FROM tip_desk_grants g JOIN users u ON u.id = g.user_id "
      "WHERE g.desk_key_id = $1 ORDER BY u.username",
      {desk_key_id}, [&](const Row& row) {
        out.push_back(DeskGrant{row.get_int(0), row.get_int(1), row.get_text(2), row.get_text(3),
                                row.get_text(4), row.get_int(5)});
        return ok_status();
      }));
  return out;
}

Status KeyRepo::delete_grants_of(std::int64_t desk_key_id) {
  return db_.execute("DELETE FROM tip_desk_grants WHERE desk_key_id = $1", {desk_key_id});
}

Status KeyRepo::delete_grants_of_user(std::int64_t user_id) {
  return db_.execute("DELETE FROM tip_desk_grants WHERE user_id = $1", {user_id});
}

}  // namespace escudo::store

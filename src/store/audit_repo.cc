#include "store/audit_repo.h"

namespace escudo::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, at, actor, action, object, detail, previous_hash, hash FROM audit_log ";

model::AuditEntry read_entry(const Row& row) {
  return model::AuditEntry{AuditEntryId(row.get_int(0)), row.get_int(1), row.get_text(2),
                           row.get_text(3),              row.get_text(4), row.get_text(5),
                           row.get_text(6),              row.get_text(7)};
}

}  // namespace

Result<std::optional<model::AuditEntry>> AuditRepo::last() {
  std::optional<model::AuditEntry> found;
  ESCUDO_TRY(db_.query(std::string(kSelect) + "ORDER BY id DESC LIMIT 1", {}, [&](const Row& row) {
    found = read_entry(row);
    return ok_status();
  }));
  return found;
}

Status AuditRepo::append(const model::AuditEntry& e) {
  return db_.execute(
      "INSERT INTO audit_log (id, at, actor, action, object, detail, previous_hash, hash) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {e.id.value(), e.at, e.actor, e.action, e.object, e.detail, e.previous_hash, e.hash});
}

Result<std::vector<model::AuditEntry>> AuditRepo::list(int limit,
                                                       std::optional<std::int64_t> before_id) {
  std::vector<model::AuditEntry> out;
  auto collect = [&](const Row& row) {
    out.push_back(read_entry(row));
    return ok_status();
  };
  if (before_id) {
    ESCUDO_TRY(db_.query(std::string(kSelect) + "WHERE id < $1 ORDER BY id DESC LIMIT $2",
                         {*before_id, std::int64_t{limit}}, collect));
  } else {
    ESCUDO_TRY(db_.query(std::string(kSelect) + "ORDER BY id DESC LIMIT $1",
                         {std::int64_t{limit}}, collect));
  }
  return out;
}

Status AuditRepo::for_each(const std::function<Status(const model::AuditEntry&)>& visit) {
  return db_.query(std::string(kSelect) + "ORDER BY id", {},
                   [&](const Row& row) { return visit(read_entry(row)); });
}

}  // namespace escudo::store

#include "service/audit_service.h"

#include "crypto/hash_chain.h"
#include "store/audit_repo.h"

namespace escudo::service {

Status append_audit(store::Database& db, const Clock& clock, const Actor& actor,
                    std::string_view action, std::string_view object, std::string_view detail) {
  store::AuditRepo repo(db);
  ESCUDO_ASSIGN_OR_RETURN(auto last, repo.last());
  model::AuditEntry entry;
  entry.id = AuditEntryId(last ? last->id.value() + 1 : 1);
  entry.at = clock.now_unix_seconds();
  entry.actor = actor.name;
  entry.action = std::string(action);
  entry.object = std::string(object);
  entry.detail = std::string(detail);
  entry.previous_hash = last ? last->hash : std::string(crypto::kGenesisHash);
  entry.hash = crypto::chain_hash(entry.previous_hash, model::canonical_text(entry));
  return repo.append(entry);
}

Result<std::vector<model::AuditEntry>> AuditService::list(const Principal& principal, int limit,
                                                          std::optional<std::int64_t> before_id) {
  ESCUDO_TRY(require(principal, model::Permission::kAuditRead));
  limit = std::clamp(limit, 1, 500);
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_ASSIGN_OR_RETURN(auto entries, store::AuditRepo(*db).list(limit, before_id));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "audit.read", "audit_log",
                          fmt::format("entries={}", entries.size())));
  ESCUDO_TRY(tx.commit());
  return entries;
}

Result<AuditVerification> AuditService::verify(const Principal* principal) {
  if (principal != nullptr) ESCUDO_TRY(require(*principal, model::Permission::kAuditRead));
  auto db = pool_.acquire();
  // One read snapshot, so entries appended meanwhile do not confuse the walk.
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db, /*write=*/false));
  AuditVerification out;
  std::string previous(crypto::kGenesisHash);
  std::int64_t expected_id = 1;
  ESCUDO_TRY(store::AuditRepo(*db).for_each([&](const model::AuditEntry& e) -> Status {
    if (!out.ok) return ok_status();
    if (e.id.value() != expected_id) {
      out.ok = false;
      out.first_broken = e.id.value();
      out.reason = fmt::format("entry {} follows entry {}: entries are missing", e.id.value(),
                               expected_id - 1);
    } else if (e.previous_hash != previous) {
      out.ok = false;
      out.first_broken = e.id.value();
      out.reason = "its previous-hash does not match the entry before it";
    } else if (crypto::chain_hash(previous, model::canonical_text(e)) != e.hash) {
      out.ok = false;
      out.first_broken = e.id.value();
      out.reason = "its contents do not match its hash (the entry was changed)";
    } else {
      previous = e.hash;
      ++expected_id;
      ++out.entries;
    }
    return ok_status();
  }));
  out.head_hash = previous;
  ESCUDO_TRY(tx.commit());
  return out;
}

}  // namespace escudo::service

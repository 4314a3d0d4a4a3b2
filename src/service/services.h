// Everything the API and the CLI need, built once per process over one database.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto services, service::Services::open_sqlite("escudo.db"));
//   services->access().login(...);
#pragma once

#include <memory>
#include <string>

#include "base/clock.h"
#include "service/access_service.h"
#include "service/audit_service.h"
#include "service/incident_service.h"
#include "service/keyring.h"
#include "service/case_service.h"
#include "service/intel_service.h"
#include "service/registration_service.h"
#include "service/protection_service.h"
#include "service/resolve_service.h"
#include "service/return_service.h"
#include "service/reward_service.h"
#include "service/screening_service.h"
#include "service/stats_service.h"
#include "service/tip_service.h"
#include "service/transit_service.h"
#include "store/pool.h"

namespace escudo::service {

struct ServicesOptions {
  std::size_t connections = 4;
  AccessPolicy access;
  TipPolicy tips;
  const Clock* clock = nullptr;  // SystemClock when null; must outlive the Services
  // A long-running server checkpoints the write-ahead log in the background (see
  // store::DatabasePool); 0 leaves it to the connections, as a short command does.
  int checkpoint_interval_ms = 0;
};

class Services {
 public:
  // Starts libsodium and opens (creating and migrating) the SQLite database at `path`.
  static Result<std::unique_ptr<Services>> open_sqlite(const std::string& path,
                                                       ServicesOptions options = {});

  AccessService& access() { return *access_; }
  AuditService& audit() { return *audit_; }
  TransitService& transits() { return *transits_; }
  StatsService& stats() { return *stats_; }
  RegistrationService& registrations() { return *registrations_; }
  ResolveService& resolve() { return *resolve_; }
  TipService& tips() { return *tips_; }
  RewardService& rewards() { return *rewards_; }
  ProtectionService& protection() { return *protection_; }
  ReturnService& returns() { return *returns_; }
  ScreeningService& screening() { return *screening_; }
  IncidentService& incidents() { return *incidents_; }
  Keyring& keyring() { return *keyring_; }
  IntelService& intel() { return *intel_; }
  CaseService& cases() { return *cases_; }
  store::DatabasePool& pool() { return *pool_; }
  const Clock& clock() const { return *clock_; }

 private:
  Services() = default;
  const Clock* clock_ = nullptr;
  std::unique_ptr<store::DatabasePool> pool_;
  std::unique_ptr<AccessService> access_;
  std::unique_ptr<AuditService> audit_;
  std::unique_ptr<TransitService> transits_;
  std::unique_ptr<StatsService> stats_;
  std::unique_ptr<ResolveService> resolve_;
  std::unique_ptr<RegistrationService> registrations_;
  std::unique_ptr<Keyring> keyring_;
  std::unique_ptr<TipService> tips_;
  std::unique_ptr<RewardService> rewards_;
  std::unique_ptr<IntelService> intel_;
  std::unique_ptr<CaseService> cases_;
  std::unique_ptr<ProtectionService> protection_;
  std::unique_ptr<ReturnService> returns_;
  std::unique_ptr<ScreeningService> screening_;
  std::unique_ptr<IncidentService> incidents_;
};

}  // namespace escudo::service

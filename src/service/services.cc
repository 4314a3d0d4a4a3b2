#include "service/services.h"

#include "crypto/crypto.h"

namespace escudo::service {

Result<std::unique_ptr<Services>> Services::open_sqlite(const std::string& path,
                                                        ServicesOptions options) {
  ESCUDO_TRY(crypto::init());
  std::unique_ptr<Services> s(new Services());
  s->clock_ = options.clock != nullptr ? options.clock : &SystemClock::instance();
  ESCUDO_ASSIGN_OR_RETURN(s->pool_, store::DatabasePool::open_sqlite(path, options.connections, {},
                                                                     options.checkpoint_interval_ms));
  s->access_ = std::make_unique<AccessService>(*s->pool_, *s->clock_, options.access);
  s->audit_ = std::make_unique<AuditService>(*s->pool_, *s->clock_);
  s->transits_ = std::make_unique<TransitService>(*s->pool_, *s->clock_);
  s->stats_ = std::make_unique<StatsService>(*s->pool_);
  s->resolve_ = std::make_unique<ResolveService>(*s->pool_, *s->clock_);
  s->keyring_ = std::make_unique<Keyring>(*s->pool_, *s->clock_, options.access.password_cost,
                                          options.access.session_absolute_seconds);
  s->access_->set_credential_observer(s->keyring_.get());
  s->tips_ = std::make_unique<TipService>(*s->pool_, *s->clock_, *s->keyring_, *s->resolve_, options.tips);
  s->rewards_ = std::make_unique<RewardService>(*s->pool_, *s->clock_);
  s->intel_ = std::make_unique<IntelService>(*s->pool_, *s->clock_, *s->resolve_);
  s->cases_ = std::make_unique<CaseService>(*s->pool_, *s->clock_, *s->intel_);
  s->protection_ = std::make_unique<ProtectionService>(*s->pool_, *s->clock_);
  s->returns_ = std::make_unique<ReturnService>(*s->pool_, *s->clock_);
  s->screening_ = std::make_unique<ScreeningService>(*s->pool_, *s->clock_);
  s->registrations_ = std::make_unique<RegistrationService>(*s->pool_, *s->clock_, s->resolve_.get(),
                                                            s->screening_.get());
  s->incidents_ = std::make_unique<IncidentService>(*s->pool_, *s->clock_);
  return s;
}

}  // namespace escudo::service

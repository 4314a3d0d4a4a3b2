// Builds Services over a fresh SQLite file with a fake clock, for the service tests.
#pragma once

#include <memory>

#include "base/clock.h"
#include "service/services.h"
#include "testing/temp_dir.h"

namespace escudo::service {

class ServicesFixture {
 public:
  // Tips: the cheapest receipt hash and an easy proof of work, so tests stay quick.
  static TipPolicy test_tip_policy() {
    TipPolicy tips;
    tips.receipt_cost = crypto::PasswordCost::minimum_for_tests();
    tips.pow_difficulty = 6;
    return tips;
  }

  explicit ServicesFixture(TipPolicy tips = test_tip_policy()) : clock_(1'800'000'000) {
    ServicesOptions options;
    options.clock = &clock_;
    options.connections = 2;
    options.access.password_cost = crypto::PasswordCost::minimum_for_tests();
    options.tips = tips;
    services_ = Services::open_sqlite(dir_.file("s.db"), options).value();
  }

  Services& services() { return *services_; }
  FakeClock& clock() { return clock_; }
  const testing::TempDir& dir() const { return dir_; }

  CreatedUser add_user(const std::string& name, std::vector<model::Role> roles,
                       const std::string& password = "a long enough password") {
    return services_->access()
        .create_user(Actor::command_line(), {.username = name,
                                             .display_name = "Test " + name,
                                             .agency = "SENAFRONT",
                                             .roles = std::move(roles),
                                             .password = password})
        .value();
  }

 private:
  testing::TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Services> services_;
};

}  // namespace escudo::service

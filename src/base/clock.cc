#include "base/clock.h"

#include <chrono>

namespace escudo {

std::int64_t SystemClock::now_unix_seconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const Clock& SystemClock::instance() {
  static const SystemClock clock;
  return clock;
}

}  // namespace escudo

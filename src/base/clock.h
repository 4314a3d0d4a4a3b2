// Time comes in through a Clock so that session expiry, throttling and TOTP can be tested
// without sleeping. Production code uses SystemClock; tests use FakeClock and advance it.
#pragma once

#include <atomic>
#include <cstdint>

namespace escudo {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC. Thread-safe.
  virtual std::int64_t now_unix_seconds() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t now_unix_seconds() const override;
  // The process-wide instance; lives for the whole program.
  static const Clock& instance();
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t start_unix_seconds) : now_(start_unix_seconds) {}
  std::int64_t now_unix_seconds() const override { return now_.load(); }
  void advance_seconds(std::int64_t seconds) { now_ += seconds; }
  void set(std::int64_t unix_seconds) { now_ = unix_seconds; }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace escudo

// ESCUDO_CHECK: an invariant that cannot fail unless escudo itself has a bug.
//
// Never use it on untrusted input (that returns an Error). When the condition is false the
// message is written to stderr and the process aborts, so a broken invariant never goes on to
// corrupt stored data.
//
//   ESCUDO_CHECK(index < size) << "index " << index << " past " << size;
#pragma once

#include <sstream>
#include <string_view>

namespace escudo::internal_check {

class CheckFailure {
 public:
  CheckFailure(std::string_view condition, std::string_view file, int line);
  [[noreturn]] ~CheckFailure();
  CheckFailure(const CheckFailure&) = delete;
  CheckFailure& operator=(const CheckFailure&) = delete;

  template <typename T>
  CheckFailure& operator<<(const T& value) {
    stream_ << value;
    return *this;
  }

 private:
  std::ostringstream stream_;
};

// Lets `ESCUDO_CHECK(c) << ...` be a single expression of type void.
struct Voidify {
  void operator&(CheckFailure&) {}
};

}  // namespace escudo::internal_check

#define ESCUDO_CHECK(condition)                   \
  (condition) ? (void)0                           \
              : ::escudo::internal_check::Voidify() & \
                    ::escudo::internal_check::CheckFailure(#condition, __FILE__, __LINE__)

#include "base/check.h"

#include <cstdio>
#include <cstdlib>

namespace escudo::internal_check {

CheckFailure::CheckFailure(std::string_view condition, std::string_view file, int line) {
  stream_ << file << ":" << line << ": check failed: " << condition << ": ";
}

CheckFailure::~CheckFailure() {
  std::string message = stream_.str();
  std::fprintf(stderr, "%s\n", message.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace escudo::internal_check

// Progress for long work: a bar redrawn in place on a terminal, plain lines at every 10%
// otherwise (so logs and CI output stay readable).
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "base/input_stream.h"

namespace escudo::cli {

class Progress {
 public:
  Progress(std::string label, std::uint64_t total, std::FILE* out = stderr);
  void update(std::uint64_t done);
  void finish();

 private:
  std::string label_;
  std::uint64_t total_;
  std::FILE* out_;
  bool terminal_;
  int last_percent_ = -1;
};

// Wraps `inner` so that every read advances `progress` by the bytes read.
std::unique_ptr<InputStream> with_progress(std::unique_ptr<InputStream> inner, Progress* progress);

}  // namespace escudo::cli

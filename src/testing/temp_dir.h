// Test helpers shared by every layer's tests (linked only into test binaries).
#pragma once

#include <string>

namespace escudo::testing {

// A fresh directory under the system temp folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The repository root (tests run with ESCUDO_SOURCE_DIR set by CTest).
std::string source_dir();

// Writes `contents` to `path`, replacing it.
void write_file(const std::string& path, const std::string& contents);

}  // namespace escudo::testing

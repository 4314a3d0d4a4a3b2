// Where bytes come from. Readers (CSV, migrations, static files) take an InputStream rather
// than a path so that tests can feed them a truncated file or a failing disk.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto in, open_file_stream("data/official/x.csv"));
//   char buf[4096];
//   ESCUDO_ASSIGN_OR_RETURN(std::size_t n, in->read(buf, sizeof buf));  // 0 at the end
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace escudo {

class InputStream {
 public:
  virtual ~InputStream() = default;
  // Reads up to `size` bytes into `buffer`; returns how many, 0 at the end of the stream.
  // kUnavailable or kDataLoss when the underlying device fails. Not thread-safe.
  virtual Result<std::size_t> read(char* buffer, std::size_t size) = 0;
  // A name for messages: the path, or "<memory>".
  virtual const std::string& name() const = 0;
};

// kNotFound when the file does not exist, kPermissionDenied when it cannot be read.
Result<std::unique_ptr<InputStream>> open_file_stream(const std::string& path);

std::unique_ptr<InputStream> make_string_stream(std::string contents,
                                                std::string name = "<memory>");

// Reads the whole file into memory. Same errors as open_file_stream, and kResourceExhausted
// past `max_bytes`.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes = 64u << 20);

}  // namespace escudo

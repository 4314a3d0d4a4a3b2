#include "base/input_stream.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace escudo {
namespace {

class FileInputStream final : public InputStream {
 public:
  FileInputStream(std::FILE* file, std::string name) : file_(file), name_(std::move(name)) {}
  ~FileInputStream() override { std::fclose(file_); }
  FileInputStream(const FileInputStream&) = delete;
  FileInputStream& operator=(const FileInputStream&) = delete;

  Result<std::size_t> read(char* buffer, std::size_t size) override {
    std::size_t n = std::fread(buffer, 1, size, file_);
    if (n < size && std::ferror(file_)) {
      return errorf(ErrorCode::kUnavailable, "reading {}: {}", name_, std::strerror(errno));
    }
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  std::FILE* file_;
  std::string name_;
};

class StringInputStream final : public InputStream {
 public:
  StringInputStream(std::string contents, std::string name)
      : contents_(std::move(contents)), name_(std::move(name)) {}

  Result<std::size_t> read(char* buffer, std::size_t size) override {
    std::size_t n = std::min(size, contents_.size() - offset_);
    std::memcpy(buffer, contents_.data() + offset_, n);
    offset_ += n;
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string contents_;
  std::size_t offset_ = 0;
  std::string name_;
};

}  // namespace

Result<std::unique_ptr<InputStream>> open_file_stream(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    int err = errno;
    ErrorCode code = err == ENOENT    ? ErrorCode::kNotFound
                     : err == EACCES ? ErrorCode::kPermissionDenied
                                     : ErrorCode::kUnavailable;
    return errorf(code, "cannot open {}: {}", path, std::strerror(err));
  }
  return std::unique_ptr<InputStream>(new FileInputStream(file, path));
}

std::unique_ptr<InputStream> make_string_stream(std::string contents, std::string name) {
  return std::make_unique<StringInputStream>(std::move(contents), std::move(name));
}

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  ESCUDO_ASSIGN_OR_RETURN(auto stream, open_file_stream(path));
  std::string out;
  char buffer[1 << 16];
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(std::size_t n, stream->read(buffer, sizeof buffer));
    if (n == 0) break;
    if (out.size() + n > max_bytes) {
      return errorf(ErrorCode::kResourceExhausted, "{} is larger than {} bytes", path, max_bytes);
    }
    out.append(buffer, n);
  }
  return out;
}

}  // namespace escudo

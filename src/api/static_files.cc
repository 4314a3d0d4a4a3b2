#include "api/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/error_mapping.h"

namespace escudo::api {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 32u << 20;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view content_type_for(std::string_view path) {
  if (ends_with(path, ".html")) return "text/html; charset=utf-8";
  if (ends_with(path, ".js") || ends_with(path, ".mjs")) return "text/javascript; charset=utf-8";
  if (ends_with(path, ".css")) return "text/css; charset=utf-8";
  if (ends_with(path, ".json")) return "application/json";
  if (ends_with(path, ".svg")) return "image/svg+xml";
  if (ends_with(path, ".png")) return "image/png";
  if (ends_with(path, ".ico")) return "image/x-icon";
  if (ends_with(path, ".woff2")) return "font/woff2";
  if (ends_with(path, ".geojson")) return "application/geo+json";
  if (ends_with(path, ".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string root) {
  if (root.empty()) return;
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (!ec) root_ = canonical.string();
}

std::optional<std::string> StaticFiles::resolve(std::string_view path) const {
  if (root_.empty() || path.empty() || path.front() != '/') return std::nullopt;
  std::string relative(path.substr(1));
  if (relative.empty()) relative = "index.html";
  // Refuse any dot segment or backslash outright rather than trusting normalisation.
  if (relative.find('\\') != std::string::npos || relative.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  for (const auto& part : fs::path(relative)) {
    std::string p = part.string();
    if (p == ".." || p == "." || (!p.empty() && p.front() == '.')) return std::nullopt;
  }
  std::error_code ec;
  fs::path full = fs::canonical(fs::path(root_) / relative, ec);
  if (ec) return std::nullopt;
  std::string full_text = full.string();
  if (full_text.size() <= root_.size() || full_text.compare(0, root_.size(), root_) != 0 ||
      full_text[root_.size()] != '/') {
    return std::nullopt;  // a symlink pointing outside the folder
  }
  if (!fs::is_regular_file(full, ec)) return std::nullopt;  // folders are never listed
  return full_text;
}

Response StaticFiles::serve(const Request& request) const {
  if (root_.empty()) {
    Response r;
    r.status = 503;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "The escudo web UI is not built. Run `make demo`, or `npm run build` in web/.\n";
    return r;
  }
  auto file = resolve(request.path);
  if (!file) {
    Response r;
    r.status = 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "Not found\n";
    return r;
  }
  std::error_code ec;
  if (fs::file_size(*file, ec) > kMaxFileBytes || ec) {
    return error_response(Error(ErrorCode::kResourceExhausted, "file too large to serve"));
  }
  std::ifstream in(*file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  Response r;
  r.content_type = std::string(content_type_for(*file));
  r.body = std::move(buffer).str();
  bool hashed_asset = request.path.starts_with("/assets/");
  r.headers.emplace_back("Cache-Control",
                         hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace escudo::api

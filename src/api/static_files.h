// Serves the built web UI from one folder. Paths are normalised and must stay inside the
// folder (no "..", no symlink out, no encoded slashes); folders are never listed; "/" is
// index.html. Hashed assets under /assets/ are cached for a year, everything else revalidated.
#pragma once

#include <optional>
#include <string>

#include "api/http_types.h"

namespace escudo::api {

class StaticFiles {
 public:
  // `root` may be empty: then every request gets a page saying the UI is not built.
  explicit StaticFiles(std::string root);

  // For GET and HEAD of a path outside /api/.
  Response serve(const Request& request) const;

  const std::string& root() const { return root_; }

 private:
  std::optional<std::string> resolve(std::string_view path) const;
  std::string root_;  // canonical, no trailing slash
};

// "text/html; charset=utf-8" for ".html", …; application/octet-stream when unknown.
std::string_view content_type_for(std::string_view path);

}  // namespace escudo::api

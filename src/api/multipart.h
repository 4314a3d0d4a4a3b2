// multipart/form-data (RFC 7578) bodies, as browsers send forms with files: the public tip form
// works without JavaScript except for its proof of work, so it posts a plain HTML form.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto parts, parse_multipart(req.header("content-type"), req.body));
//   for (const FormPart& p : parts) if (p.name == "text") ...
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace escudo::api {

struct FormPart {
  std::string name;
  std::optional<std::string> filename;  // set for file fields (empty when no file was chosen)
  std::string content_type;
  std::string data;
};

inline constexpr std::size_t kMaxFormParts = 64;

// kInvalidArgument for a content type without a boundary, a body that does not follow the
// format, more than kMaxFormParts parts or a part without a name.
Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body);

// The first part named `name` (its data), or empty.
std::string form_value(const std::vector<FormPart>& parts, std::string_view name);

}  // namespace escudo::api

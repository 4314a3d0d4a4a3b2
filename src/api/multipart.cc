#include "api/multipart.h"

#include <algorithm>

namespace escudo::api {
namespace {

constexpr std::size_t kMaxHeaderBlockBytes = 8 << 10;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The parameters of a header value (`form-data; name="a"; filename="b.jpg"`), names in lower
// case. Quoted values may hold ';' and escaped quotes.
std::vector<std::pair<std::string, std::string>> header_params(std::string_view value) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    std::size_t eq = value.find('=', i);
    std::size_t semi = value.find(';', i);
    if (eq == std::string_view::npos || (semi != std::string_view::npos && semi < eq)) {
      i = semi;
      continue;
    }
    std::string name = lower(trim(value.substr(i, eq - i)));
    std::size_t j = eq + 1;
    std::string v;
    if (j < value.size() && value[j] == '"') {
      ++j;
      while (j < value.size() && value[j] != '"') {
        if (value[j] == '\\' && j + 1 < value.size()) ++j;
        v.push_back(value[j++]);
      }
      i = value.find(';', j);
    } else {
      std::size_t end = value.find(';', j);
      v = std::string(trim(value.substr(j, end == std::string_view::npos ? std::string_view::npos : end - j)));
      i = end;
    }
    out.emplace_back(std::move(name), std::move(v));
  }
  return out;
}

std::optional<std::string> param(const std::vector<std::pair<std::string, std::string>>& params,
                                 std::string_view name) {
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::unexpected<Error> bad(std::string_view why) {
  return errorf(ErrorCode::kInvalidArgument, "the form could not be read ({})", why);
}

}  // namespace

Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body) {
  std::string type = lower(trim(content_type.substr(0, content_type.find(';'))));
  if (type != "multipart/form-data") return bad("it is not multipart/form-data");
  auto boundary = param(header_params(content_type), "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return bad("no boundary");
  std::string delimiter = "--" + *boundary;
  std::string separator = "\r\n" + delimiter;
  std::size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return bad("no part");
  pos += delimiter.size();
  std::vector<FormPart> parts;
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return bad("a delimiter is not followed by a line break");
    pos += 2;
    std::size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos || headers_end - pos > kMaxHeaderBlockBytes) {
      return bad("a part's headers do not end");
    }
    FormPart part;
    bool has_disposition = false;
    std::string_view headers = body.substr(pos, headers_end - pos);
    while (!headers.empty()) {
      std::size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) return bad("a part header has no colon");
      std::string name = lower(trim(line.substr(0, colon)));
      std::string_view value = trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        if (lower(trim(value.substr(0, value.find(';')))) != "form-data") return bad("a part is not form data");
        auto params = header_params(value);
        part.name = param(params, "name").value_or("");
        part.filename = param(params, "filename");
        has_disposition = true;
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    if (!has_disposition || part.name.empty() || part.name.size() > 100) return bad("a part has no name");
    pos = headers_end + 4;
    std::size_t end = body.find(separator, pos);
    if (end == std::string_view::npos) return bad("a part does not end");
    part.data = std::string(body.substr(pos, end - pos));
    parts.push_back(std::move(part));
    if (parts.size() > kMaxFormParts) return bad("too many fields");
    pos = end + separator.size();
  }
}

std::string form_value(const std::vector<FormPart>& parts, std::string_view name) {
  for (const auto& p : parts) {
    if (p.name == name && !p.filename) return p.data;
  }
  return "";
}

}  // namespace escudo::api

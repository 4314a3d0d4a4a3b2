#include "api/query_params.h"

#include <charconv>

#include "base/json.h"

namespace escudo::api {

std::optional<std::string> text_query(const Request& req, const std::string& name) {
  auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Result<std::optional<YearMonth>> month_query(const Request& req, const std::string& name) {
  auto text = text_query(req, name);
  if (!text) return std::optional<YearMonth>();
  auto month = YearMonth::parse(*text);
  if (!month) return std::unexpected(month.error().with_context("query parameter '" + name + "'"));
  return std::optional<YearMonth>(*month);
}

Result<std::optional<std::int64_t>> int_query(const Request& req, const std::string& name) {
  auto text = text_query(req, name);
  if (!text) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size()) {
    return errorf(ErrorCode::kInvalidArgument, "query parameter '{}' must be a whole number", name);
  }
  return std::optional<std::int64_t>(value);
}

Response rows_refused(std::string message, std::int64_t error_count,
                      const std::vector<service::RowError>& rows) {
  JsonWriter w;
  w.begin_object().key("error").begin_object();
  w.key("code").value("invalid_argument");
  w.key("message").value(message);
  w.key("reason").value("bad_rows");
  w.key("error_count").value(error_count);
  w.key("rows").begin_array();
  for (const auto& e : rows) {
    w.begin_object()
        .key("line").value(e.line)
        .key("column").value(e.column)
        .key("field").value(e.field)
        .key("message").value(e.message)
        .end_object();
  }
  w.end_array().end_object().end_object();
  return Response::json(422, std::move(w).take());
}

}  // namespace escudo::api

#include "api/http_types.h"

#include <gtest/gtest.h>

#include "api/error_mapping.h"
#include "api/static_files.h"

namespace escudo::api {
namespace {

TEST(HttpTypesTest, QueryAndPathDecoding) {
  auto q = parse_query("from=2023-01&to=2023%2D12&name=a+b&flag");
  EXPECT_EQ(q["from"], "2023-01");
  EXPECT_EQ(q["to"], "2023-12");
  EXPECT_EQ(q["name"], "a b");
  EXPECT_EQ(q["flag"], "");
  EXPECT_EQ(decode_path("/a%20b").value(), "/a b");
  EXPECT_FALSE(decode_path("/a%2fb").has_value());   // encoded slash
  EXPECT_FALSE(decode_path("/a%00b").has_value());   // encoded NUL
  EXPECT_FALSE(decode_path("/a%zz").has_value());
  EXPECT_FALSE(decode_path("/a%2").has_value());
}

TEST(HttpTypesTest, CookieLookup) {
  Request r;
  r.headers["cookie"] = "a=1; escudo_session=tok; b=2";
  EXPECT_EQ(r.cookie("escudo_session").value(), "tok");
  EXPECT_EQ(r.cookie("b").value(), "2");
  EXPECT_FALSE(r.cookie("escudo").has_value());
}

TEST(ErrorMappingTest, OneTableForEveryCode) {
  EXPECT_EQ(http_status_for(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(http_status_for(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(http_status_for(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(http_status_for(ErrorCode::kNotFound), 404);
  EXPECT_EQ(http_status_for(ErrorCode::kAlreadyExists), 409);
  EXPECT_EQ(http_status_for(ErrorCode::kResourceExhausted), 429);
  EXPECT_EQ(http_status_for(ErrorCode::kUnavailable), 503);
  auto internal = error_response(Error(ErrorCode::kInternal, "SELECT secret FROM x failed"));
  EXPECT_EQ(internal.status, 500);
  EXPECT_EQ(internal.body.find("SELECT"), std::string::npos);  // details stay in the log
}

TEST(StaticFilesTest, ContentTypes) {
  EXPECT_EQ(content_type_for("/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("/assets/a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("/x.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace escudo::api

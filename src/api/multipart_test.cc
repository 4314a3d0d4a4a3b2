#include <gtest/gtest.h>

#include "api/multipart.h"

namespace escudo::api {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=----b0undary";

TEST(MultipartTest, ReadsFieldsAndFiles) {
  std::string body =
      "------b0undary\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nline 1\r\nline 2\r\n"
      "------b0undary\r\nContent-Disposition: form-data; name=\"attachments\"; "
      "filename=\"a \\\"b\\\"; c.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8\r\n--x\xFF\xD9\r\n"
      "------b0undary\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\r\n"
      "------b0undary--\r\n";
  auto parts = parse_multipart(kType, body);
  ASSERT_TRUE(parts.has_value()) << parts.error().to_string();
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ(form_value(*parts, "text"), "line 1\r\nline 2");
  EXPECT_EQ((*parts)[1].filename.value(), "a \"b\"; c.jpg");
  EXPECT_EQ((*parts)[1].content_type, "image/jpeg");
  EXPECT_EQ((*parts)[1].data, "\xFF\xD8\r\n--x\xFF\xD9");
  EXPECT_EQ((*parts)[2].filename.value(), "");
  EXPECT_EQ((*parts)[2].data, "");
  EXPECT_EQ(form_value(*parts, "missing"), "");
  // A quoted boundary works too.
  EXPECT_TRUE(parse_multipart("multipart/form-data; boundary=\"----b0undary\"", body).has_value());
}

TEST(MultipartTest, MalformedBodiesAreRefusedNeverCrash) {
  EXPECT_FALSE(parse_multipart("application/json", "{}").has_value());
  EXPECT_FALSE(parse_multipart("multipart/form-data", "x").has_value());
  EXPECT_FALSE(parse_multipart(kType, "no parts here").has_value());
  EXPECT_FALSE(parse_multipart(kType, "------b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated").has_value());
  EXPECT_FALSE(parse_multipart(kType, "------b0undary\r\nno colon\r\n\r\nx\r\n------b0undary--").has_value());
  EXPECT_FALSE(parse_multipart(kType, "------b0undary\r\nContent-Disposition: form-data\r\n\r\nx\r\n------b0undary--").has_value());
  std::string many;
  for (int i = 0; i < 70; ++i) many += "------b0undary\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
  many += "------b0undary--";
  auto refused = parse_multipart(kType, many);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("too many"), std::string::npos);
  std::string good = "------b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n------b0undary--";
  for (std::size_t n = 0; n < good.size(); ++n) (void)parse_multipart(kType, good.substr(0, n));
}

}  // namespace
}  // namespace escudo::api

#include "base/status.h"

#include <gtest/gtest.h>

namespace escudo {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return errorf(ErrorCode::kInvalidArgument, "{} is not positive", v);
  return v;
}

Result<int> doubled(int v) {
  ESCUDO_ASSIGN_OR_RETURN(int p, parse_positive(v));
  return p * 2;
}

Status check_both(int a, int b) {
  ESCUDO_TRY(parse_positive(a));
  ESCUDO_TRY(parse_positive(b));
  return ok_status();
}

TEST(StatusTest, AssignOrReturnPassesValueAndError) {
  EXPECT_EQ(doubled(4).value(), 8);
  auto bad = doubled(-1);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().message(), "-1 is not positive");
}

TEST(StatusTest, TryStopsAtFirstError) {
  EXPECT_TRUE(check_both(1, 2).has_value());
  auto bad = check_both(1, 0);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message(), "0 is not positive");
}

TEST(StatusTest, CodeNamesAreStable) {
  EXPECT_EQ(error_code_name(ErrorCode::kPermissionDenied), "permission_denied");
  EXPECT_EQ(error_code_name(ErrorCode::kDataLoss), "data_loss");
  Error e(ErrorCode::kNotFound, "no user 'x'");
  EXPECT_EQ(e.with_context("login").message(), "login: no user 'x'");
  EXPECT_EQ(e.to_string(), "not_found: no user 'x'");
}

}  // namespace
}  // namespace escudo

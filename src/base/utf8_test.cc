#include "base/utf8.h"

#include <gtest/gtest.h>

namespace escudo {
namespace {

TEST(Utf8Test, FindsFirstInvalidByte) {
  EXPECT_FALSE(find_invalid_utf8("Bajo Chiquito, Darién, Ñ, 中文").has_value());
  EXPECT_EQ(find_invalid_utf8("ab\xff" "cd"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xc3"), 0u);               // truncated sequence
  EXPECT_EQ(find_invalid_utf8("x\xc0\xaf"), 1u);          // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xed\xa0\x80"), 0u);       // surrogate
  EXPECT_EQ(count_code_points("Darién"), 6u);
}

}  // namespace
}  // namespace escudo

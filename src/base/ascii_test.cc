#include "base/ascii.h"

#include <gtest/gtest.h>

namespace escudo {
namespace {

TEST(Ascii, LowersOnlyAsciiCapitals) {
  EXPECT_EQ(ascii_lowered("Banco AGRARIO 12-B"), "banco agrario 12-b");
  // Bytes of other scripts stay as they are: "Á" is not lowered here.
  EXPECT_EQ(ascii_lowered("ÁVILA Ñ"), "Ávila Ñ");
  EXPECT_EQ(ascii_lower('['), '[');
  EXPECT_EQ(ascii_lower('@'), '@');
  EXPECT_EQ(ascii_lower('Z'), 'z');
}

TEST(Ascii, ACodeIsExactlyItsLengthInCapitals) {
  EXPECT_TRUE(is_capital_code("COL"));
  EXPECT_TRUE(is_capital_code("USD"));
  EXPECT_FALSE(is_capital_code("Col"));
  EXPECT_FALSE(is_capital_code("CO"));
  EXPECT_FALSE(is_capital_code("COLO"));
  EXPECT_FALSE(is_capital_code("C0L"));
  EXPECT_FALSE(is_capital_code(""));
  EXPECT_TRUE(is_capital_code("AB", 2));
}

}  // namespace
}  // namespace escudo

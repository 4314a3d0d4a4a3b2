#include "base/log.h"

#include <gtest/gtest.h>

namespace escudo {
namespace {

TEST(LogTest, SecretsAreRedactedWhateverTheCaller) {
  std::vector<std::string> lines;
  {
    log::ScopedCapture capture(&lines);
    log::info("user.login", {{"user", "ana"},
                             {"password", "hunter2"},
                             {"session_token", "abc123"},
                             {"X-CSRF-Token", "zzz"},
                             {"totp_code", "123456"}});
  }
  ASSERT_EQ(lines.size(), 1u);
  const std::string& line = lines[0];
  EXPECT_NE(line.find("user=ana"), std::string::npos);
  for (const char* secret : {"hunter2", "abc123", "zzz", "123456"}) {
    EXPECT_EQ(line.find(secret), std::string::npos) << line;
  }
  EXPECT_NE(line.find("password=[redacted]"), std::string::npos);
}

TEST(LogTest, ValuesCannotForgeLines) {
  std::string line = log::format_event("import.row", {{"file", "a b\nFAKE event"}});
  EXPECT_EQ(line, "import.row file=\"a b\\nFAKE event\"");
}

}  // namespace
}  // namespace escudo

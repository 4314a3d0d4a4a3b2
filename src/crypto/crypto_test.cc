#include <gtest/gtest.h>

#include "crypto/crypto.h"
#include "crypto/hash_chain.h"
#include "crypto/password.h"
#include "crypto/totp.h"

namespace escudo::crypto {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(init().has_value()); }
};

TEST_F(CryptoTest, TokensAreRandomAndUrlSafe) {
  std::string a = random_token(32);
  std::string b = random_token(32);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST_F(CryptoTest, Sha256KnownAnswer) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
}

TEST_F(CryptoTest, Argon2idRoundTrip) {
  auto stored = hash_password("correct horse battery", PasswordCost::interactive());
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->rfind("$argon2id$", 0), 0u) << *stored;
  EXPECT_TRUE(verify_password(*stored, "correct horse battery"));
  EXPECT_FALSE(verify_password(*stored, "correct horse batterx"));
  EXPECT_FALSE(verify_password("not a hash", "correct horse battery"));
  EXPECT_FALSE(password_needs_rehash(*stored));
  EXPECT_TRUE(password_needs_rehash(*stored, PasswordCost::minimum_for_tests()));
}

TEST_F(CryptoTest, WeakPasswordsAreRefused) {
  auto short_pw = hash_password("short", PasswordCost::minimum_for_tests());
  ASSERT_FALSE(short_pw.has_value());
  EXPECT_EQ(short_pw.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_FALSE(hash_password("abcdefghij\xff", PasswordCost::minimum_for_tests()).has_value());
}

TEST_F(CryptoTest, TotpMatchesRfc6238Vectors) {
  // RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (base32 below), last 6 digits.
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  EXPECT_EQ(totp_code(secret, 59).value(), "287082");
  EXPECT_EQ(totp_code(secret, 1111111109).value(), "081804");
  EXPECT_EQ(totp_code(secret, 2000000000).value(), "279037");
}

TEST_F(CryptoTest, TotpAcceptsDriftButNotReplay) {
  std::string secret = new_totp_secret();
  const std::int64_t now = 1'800'000'000;
  std::string code = totp_code(secret, now).value();
  auto step = verify_totp(secret, code, now, 0).value();
  ASSERT_TRUE(step.has_value());
  EXPECT_EQ(*step, now / 30);
  // The same code again (same step) is refused.
  EXPECT_FALSE(verify_totp(secret, code, now, *step).value().has_value());
  // A code from the previous step still passes once; two steps back does not.
  EXPECT_TRUE(verify_totp(secret, totp_code(secret, now - 30).value(), now, 0).value());
  EXPECT_FALSE(verify_totp(secret, totp_code(secret, now - 90).value(), now, 0).value());
  EXPECT_FALSE(verify_totp(secret, "12345", now, 0).value().has_value());
  EXPECT_FALSE(verify_totp("!!!", "123456", now, 0).has_value());
}

TEST_F(CryptoTest, TotpUriEscapes) {
  EXPECT_EQ(totp_uri("escudo", "ana maría", "ABC"),
            "otpauth://totp/escudo:ana%20mar%C3%ADa?secret=ABC&issuer=escudo&algorithm=SHA1&"
            "digits=6&period=30");
}

TEST_F(CryptoTest, ChainHashDependsOnPreviousAndEntry) {
  std::string h1 = chain_hash(kGenesisHash, "entry one");
  EXPECT_EQ(h1.size(), 64u);
  EXPECT_NE(chain_hash(h1, "entry two"), chain_hash(kGenesisHash, "entry two"));
  EXPECT_NE(chain_hash(h1, "entry two"), chain_hash(h1, "entry tw0"));
  EXPECT_EQ(chain_hash(h1, "entry two"), chain_hash(h1, "entry two"));
}

}  // namespace
}  // namespace escudo::crypto

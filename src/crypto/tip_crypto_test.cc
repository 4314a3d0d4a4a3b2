// Sealed boxes, key wrapping, receipt codes and the proof of work of the tip line.
#include <gtest/gtest.h>

#include <set>

#include "crypto/crypto.h"
#include "crypto/proof_of_work.h"
#include "crypto/receipt.h"
#include "crypto/sealed_box.h"

namespace escudo::crypto {
namespace {

class TipCryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(init().has_value()); }
};

TEST_F(TipCryptoTest, SealedBoxOpensOnlyWithItsKey) {
  BoxKeyPair desk = new_box_keypair();
  BoxKeyPair other = new_box_keypair();
  auto sealed = seal(desk.public_key, "the boat leaves from Necoclí at night");
  ASSERT_TRUE(sealed.has_value());
  EXPECT_EQ(sealed->find("Necocl"), std::string::npos);
  EXPECT_EQ(*open_sealed(desk, *sealed), "the boat leaves from Necoclí at night");
  EXPECT_EQ(open_sealed(other, *sealed).error().code(), ErrorCode::kDataLoss);
  std::string tampered = *sealed;
  tampered[60] ^= 1;
  EXPECT_EQ(open_sealed(desk, tampered).error().code(), ErrorCode::kDataLoss);
  EXPECT_FALSE(open_sealed(desk, "short").has_value());
  EXPECT_FALSE(seal("not a key", "x").has_value());
}

TEST_F(TipCryptoTest, KeyPairFromSecretMatches) {
  BoxKeyPair desk = new_box_keypair();
  auto again = box_keypair_from_secret(desk.secret_key.clone());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->public_key, desk.public_key);
  EXPECT_FALSE(box_keypair_from_secret(SecretBytes(5)).has_value());
}

TEST_F(TipCryptoTest, WrappedKeysNeedTheRightPassword) {
  std::string salt = random_bytes(kSaltBytes);
  auto kek = derive_key("handler password", salt, PasswordCost::minimum_for_tests());
  auto same = derive_key("handler password", salt, PasswordCost::minimum_for_tests());
  auto wrong = derive_key("handler passwore", salt, PasswordCost::minimum_for_tests());
  ASSERT_TRUE(kek && same && wrong);
  EXPECT_EQ(kek->view(), same->view());
  BoxKeyPair desk = new_box_keypair();
  auto wrapped = wrap(*kek, desk.secret_key.view());
  ASSERT_TRUE(wrapped.has_value());
  auto back = unwrap(*same, *wrapped);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->view(), desk.secret_key.view());
  EXPECT_EQ(unwrap(*wrong, *wrapped).error().code(), ErrorCode::kDataLoss);
  EXPECT_FALSE(derive_key("x", "short salt", PasswordCost::minimum_for_tests()).has_value());
}

TEST_F(TipCryptoTest, ReceiptCodesAreTwentyDigitsInGroups) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    ReceiptCode code = new_receipt_code();
    ASSERT_EQ(code.locator.size(), 8u);
    ASSERT_EQ(code.secret.size(), 12u);
    std::string shown = code.formatted();
    ASSERT_EQ(shown.size(), 24u);
    EXPECT_EQ(shown[4], ' ');
    EXPECT_EQ(shown.find_first_not_of("0123456789 "), std::string::npos);
    auto back = parse_receipt_code(shown);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->locator, code.locator);
    EXPECT_EQ(back->secret, code.secret);
    seen.insert(code.locator + code.secret);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_TRUE(parse_receipt_code("1234-5678-9012-3456-7890").has_value());
  EXPECT_EQ(parse_receipt_code("1234 5678").error().reason(), "receipt_malformed");
  EXPECT_FALSE(parse_receipt_code("1234 5678 9012 3456 78901").has_value());
  auto bad = parse_receipt_code("1234 5678 9012 3456 789x");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message().find("789x"), std::string::npos);
}

TEST_F(TipCryptoTest, ReceiptKeysDependOnTheSecretAndSalt) {
  std::string salt = random_bytes(kSaltBytes);
  auto cost = PasswordCost::minimum_for_tests();
  auto a = derive_receipt_keys("123456789012", salt, cost);
  auto b = derive_receipt_keys("123456789012", salt, cost);
  auto c = derive_receipt_keys("123456789013", salt, cost);
  auto d = derive_receipt_keys("123456789012", random_bytes(kSaltBytes), cost);
  ASSERT_TRUE(a && b && c && d);
  EXPECT_EQ(a->verifier, b->verifier);
  EXPECT_EQ(a->tipster.public_key, b->tipster.public_key);
  EXPECT_NE(a->verifier, c->verifier);
  EXPECT_NE(a->verifier, d->verifier);
  EXPECT_NE(a->tipster.public_key, c->tipster.public_key);
  // An answer sealed to the tipster's key opens with the keys derived again from the code.
  auto answer = seal(a->tipster.public_key, "we received it");
  EXPECT_EQ(*open_sealed(b->tipster, *answer), "we received it");
  EXPECT_FALSE(open_sealed(c->tipster, *answer).has_value());
}

TEST_F(TipCryptoTest, ProofOfWorkIsSignedSpentOnceAndExpires) {
  std::string key = random_bytes(32);
  std::int64_t now = 1'800'000'000;
  std::string challenge = issue_challenge(key, "submit", 8, now + 600);
  EXPECT_EQ(challenge_expiry(challenge), now + 600);
  std::string nonce = solve_challenge(challenge, 8);
  EXPECT_GE(solution_bits(challenge, nonce), 8);
  EXPECT_TRUE(check_solution(key, challenge, nonce, "submit", 8, now).has_value());
  // Another purpose, a higher demand, a forged signature, a wrong nonce, an expired challenge.
  EXPECT_EQ(check_solution(key, challenge, nonce, "status", 8, now).error().reason(), "pow_invalid");
  EXPECT_FALSE(check_solution(key, challenge, nonce, "submit", 9, now).has_value());
  EXPECT_FALSE(check_solution(random_bytes(32), challenge, nonce, "submit", 8, now).has_value());
  std::string easier = challenge;
  easier.replace(easier.find(".8."), 3, ".1.");
  EXPECT_FALSE(check_solution(key, easier, solve_challenge(easier, 1), "submit", 1, now).has_value());
  std::string wrong_nonce = nonce;
  while (solution_bits(challenge, wrong_nonce) >= 8) wrong_nonce += "0";
  EXPECT_FALSE(check_solution(key, challenge, wrong_nonce, "submit", 8, now).has_value());
  EXPECT_EQ(check_solution(key, challenge, nonce, "submit", 8, now + 601).error().reason(),
            "pow_expired");
  EXPECT_FALSE(check_solution(key, "garbage", "1", "submit", 8, now).has_value());
  EXPECT_FALSE(check_solution(key, "", "", "submit", 8, now).has_value());
}

}  // namespace
}  // namespace escudo::crypto

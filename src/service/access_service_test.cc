#include "service/access_service.h"

#include <gtest/gtest.h>

#include "crypto/crypto.h"
#include "crypto/totp.h"
#include "service/test_support.h"

namespace escudo::service {
namespace {

using model::Role;

class AccessServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  AccessService& access() { return services().access(); }
  Result<LoginResult> login(const std::string& user, const std::string& pw,
                            std::optional<std::string> code = std::nullopt,
                            const std::string& address = "127.0.0.1") {
    return access().login({user, pw, std::move(code), address});
  }
  std::int64_t count(const std::string& sql) {
    return services().pool().acquire()->query_int(sql).value().value_or(0);
  }
};

TEST_F(AccessServiceTest, LoginOpensSessionAndStoresOnlyHashes) {
  add_user("ana", {Role::kAnalyst});
  auto result = login("ana", "a long enough password");
  ASSERT_TRUE(result.has_value()) << result.error().message();
  EXPECT_EQ(result->principal.username, "ana");
  EXPECT_FALSE(result->principal.csrf_token.empty());
  auto me = access().authenticate(result->session_token);
  ASSERT_TRUE(me.has_value());
  EXPECT_EQ(me->agency_name, "SENAFRONT");
  EXPECT_EQ(me->csrf_token, result->principal.csrf_token);
  EXPECT_TRUE(me->can(model::Permission::kTransitsRead));
  EXPECT_FALSE(me->can(model::Permission::kUsersManage));

  auto db = services().pool().acquire();
  std::string stored_hash;
  std::string stored_password;
  ASSERT_TRUE(db->query("SELECT s.token_hash, u.password_hash FROM sessions s JOIN users u "
                        "ON u.id = s.user_id", {}, [&](const store::Row& r) {
                          stored_hash = r.get_text(0);
                          stored_password = r.get_text(1);
                          return ok_status();
                        }).has_value());
  EXPECT_NE(stored_hash, result->session_token);
  EXPECT_EQ(stored_hash, crypto::sha256_hex(result->session_token));
  EXPECT_EQ(stored_password.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(stored_password.find("a long enough password"), std::string::npos);
}

TEST_F(AccessServiceTest, WrongPasswordAndUnknownUserLookAlike) {
  add_user("ana", {Role::kAnalyst});
  auto wrong = login("ana", "not the password");
  auto unknown = login("nobody", "not the password");
  ASSERT_FALSE(wrong.has_value());
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(wrong.error().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().message(), unknown.error().message());
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'session.login_failed'"), 2);
}

TEST_F(AccessServiceTest, ThrottlesPerUserAndPerAddress) {
  add_user("ana", {Role::kAnalyst});
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(login("ana", "wrong password!").has_value());
  auto blocked = login("ana", "a long enough password");
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().code(), ErrorCode::kResourceExhausted);
  // Another address is still blocked for this user; the window passing lifts it.
  EXPECT_FALSE(login("ana", "a long enough password", std::nullopt, "10.0.0.9").has_value());
  clock().advance_seconds(15 * 60 + 1);
  EXPECT_TRUE(login("ana", "a long enough password").has_value());

  // Per address: 20 failures over many names from one address block that address.
  for (int i = 0; i < 20; ++i) {
    EXPECT_FALSE(login("user" + std::to_string(i), "whatever123", std::nullopt, "6.6.6.6"));
  }
  auto by_address = login("ana", "a long enough password", std::nullopt, "6.6.6.6");
  ASSERT_FALSE(by_address.has_value());
  EXPECT_EQ(by_address.error().code(), ErrorCode::kResourceExhausted);
  EXPECT_TRUE(login("ana", "a long enough password", std::nullopt, "7.7.7.7").has_value());
}

TEST_F(AccessServiceTest, SecondFactorRequiredAndNotReplayable) {
  CreatedUser admin = add_user("root.admin", {Role::kAdmin});
  ASSERT_TRUE(admin.totp_secret.has_value());
  ASSERT_TRUE(admin.user.totp_enabled);
  auto no_code = login("root.admin", "a long enough password");
  ASSERT_FALSE(no_code.has_value());
  EXPECT_EQ(no_code.error().reason(), "totp_required");
  auto bad_code = login("root.admin", "a long enough password", "000000");
  ASSERT_FALSE(bad_code.has_value());
  EXPECT_EQ(bad_code.error().reason(), "totp_invalid");
  std::string code = crypto::totp_code(*admin.totp_secret, clock().now_unix_seconds()).value();
  ASSERT_TRUE(login("root.admin", "a long enough password", code).has_value());
  auto replay = login("root.admin", "a long enough password", code);
  ASSERT_FALSE(replay.has_value());
  EXPECT_EQ(replay.error().reason(), "totp_invalid");
}

TEST_F(AccessServiceTest, SessionsExpireWhenIdleAndAbsolutely) {
  add_user("ana", {Role::kAnalyst});
  auto s = login("ana", "a long enough password").value();
  clock().advance_seconds(29 * 60);
  ASSERT_TRUE(access().authenticate(s.session_token).has_value());  // touches it
  clock().advance_seconds(29 * 60);
  ASSERT_TRUE(access().authenticate(s.session_token).has_value());
  clock().advance_seconds(31 * 60);
  auto idle = access().authenticate(s.session_token);
  ASSERT_FALSE(idle.has_value());
  EXPECT_EQ(idle.error().reason(), "session_expired");

  auto s2 = login("ana", "a long enough password").value();
  for (int i = 0; i < 25; ++i) {  // active every 29 minutes for more than 12 hours
    clock().advance_seconds(29 * 60);
    if (!access().authenticate(s2.session_token)) {
      EXPECT_GE(i * 29, 12 * 60 - 29);
      return;
    }
  }
  FAIL() << "the session outlived its absolute limit";
}

TEST_F(AccessServiceTest, LogoutAndDisableEndSessions) {
  add_user("ana", {Role::kAnalyst});
  CreatedUser admin = add_user("boss", {Role::kAdmin});
  auto s = login("ana", "a long enough password").value();
  ASSERT_TRUE(access().logout(s.principal).has_value());
  EXPECT_FALSE(access().authenticate(s.session_token).has_value());

  auto s2 = login("ana", "a long enough password").value();
  auto disabled = access().set_disabled_by_name(Actor::command_line(), "ana", true);
  ASSERT_TRUE(disabled.has_value());
  EXPECT_FALSE(access().authenticate(s2.session_token).has_value());
  auto refused = login("ana", "a long enough password");
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("disabled"), std::string::npos);
}

TEST_F(AccessServiceTest, OnlyManagersManageUsers) {
  add_user("ana", {Role::kAnalyst});
  auto analyst = login("ana", "a long enough password").value().principal;
  auto denied = access().create_user(Actor::of(analyst), {.username = "eve",
                                                          .display_name = "Eve",
                                                          .agency = "X",
                                                          .roles = {Role::kAdmin},
                                                          .password = "long password here"});
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_FALSE(access().list_users(Actor::of(analyst)).has_value());
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 1);
}

TEST_F(AccessServiceTest, BadUserInputIsRefusedWithReasons) {
  auto actor = Actor::command_line();
  auto weak = access().create_user(actor, {.username = "ana", .display_name = "Ana",
                                           .agency = "X", .roles = {Role::kAnalyst},
                                           .password = "short"});
  ASSERT_FALSE(weak.has_value());
  EXPECT_NE(weak.error().message().find("10 characters"), std::string::npos);
  auto no_role = access().create_user(actor, {.username = "ana", .display_name = "Ana",
                                              .agency = "X", .password = "long password here"});
  EXPECT_FALSE(no_role.has_value());
  add_user("ana", {Role::kAnalyst});
  auto taken = access().create_user(actor, {.username = "ana", .display_name = "Ana",
                                            .agency = "X", .roles = {Role::kAnalyst},
                                            .password = "long password here"});
  ASSERT_FALSE(taken.has_value());
  EXPECT_EQ(taken.error().code(), ErrorCode::kAlreadyExists);
}

TEST_F(AccessServiceTest, RoleNeedingTotpMustEnrolBeforeWorking) {
  add_user("ana", {Role::kAnalyst});
  // Give ana the tip handler role after the fact: she has no second factor yet.
  ASSERT_TRUE(services().pool().acquire()->execute(
      "INSERT INTO user_roles (user_id, role) SELECT id, 'tip_handler' FROM users "
      "WHERE username = 'ana'").has_value());
  auto p = login("ana", "a long enough password").value().principal;
  EXPECT_TRUE(p.must_enrol_totp);
  auto denied = require(p, model::Permission::kTransitsRead);
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().reason(), "totp_enrolment_required");

  auto enrolment = access().begin_totp(p).value();
  auto code = crypto::totp_code(enrolment.secret, clock().now_unix_seconds()).value();
  std::string wrong = code;
  wrong[5] = wrong[5] == '9' ? '0' : static_cast<char>(wrong[5] + 1);
  auto refused = access().confirm_totp(p, wrong);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().reason(), "totp_invalid");
  auto user = access().confirm_totp(p, code);
  ASSERT_TRUE(user.has_value()) << user.error().message();
  EXPECT_TRUE(user->totp_enabled);
  clock().advance_seconds(60);
  auto code2 = crypto::totp_code(enrolment.secret, clock().now_unix_seconds()).value();
  auto again = login("ana", "a long enough password", code2);
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(again->principal.must_enrol_totp);
}

TEST_F(AccessServiceTest, LanguageIsKeptPerUser) {
  add_user("ana", {Role::kAnalyst});
  auto s = login("ana", "a long enough password").value();
  EXPECT_EQ(s.principal.language, model::Language::kSpanish);
  ASSERT_TRUE(access().set_language(s.principal, model::Language::kEnglish).has_value());
  EXPECT_EQ(access().authenticate(s.session_token)->language, model::Language::kEnglish);
}

TEST_F(AccessServiceTest, PasswordChangeEndsSessions) {
  add_user("ana", {Role::kAnalyst});
  auto s = login("ana", "a long enough password").value();
  ASSERT_TRUE(access().set_password(Actor::command_line(), "ana", "another long password")
                  .has_value());
  EXPECT_FALSE(access().authenticate(s.session_token).has_value());
  EXPECT_FALSE(login("ana", "a long enough password").has_value());
  EXPECT_TRUE(login("ana", "another long password").has_value());
}

TEST_F(AccessServiceTest, OwnPasswordChangeNeedsTheCurrentOne) {
  add_user("ana", {Role::kAnalyst});
  auto here = login("ana", "a long enough password").value();
  auto elsewhere = login("ana", "a long enough password").value();
  auto wrong = access().change_own_password(here.principal, "not it at all", "brand new password");
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().code(), ErrorCode::kUnauthenticated);
  EXPECT_FALSE(access().change_own_password(here.principal, "a long enough password", "short"));
  ASSERT_TRUE(access().change_own_password(here.principal, "a long enough password",
                                           "brand new password").has_value());
  EXPECT_TRUE(access().authenticate(here.session_token).has_value());   // this session stays
  EXPECT_FALSE(access().authenticate(elsewhere.session_token).has_value());  // others end
  EXPECT_TRUE(login("ana", "brand new password").has_value());
}

}  // namespace
}  // namespace escudo::service

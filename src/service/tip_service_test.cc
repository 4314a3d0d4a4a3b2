// The tip line through the service layer: submission, the tipster's return, the desk, keys.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/proof_of_work.h"
#include "crypto/totp.h"
#include "media/media_test_util.h"
#include "service/test_support.h"

namespace escudo::service {
namespace {

using model::Role;

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class TipServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  explicit TipServiceTest(TipPolicy policy = test_tip_policy()) : ServicesFixture(policy) {}

  void SetUp() override {
    handler_ = add_user("handler", {Role::kTipHandler}, "handler password");
    other_handler_ = add_user("handler2", {Role::kTipHandler}, "second handler pw");
    ASSERT_TRUE(services().tips().init_desk(Actor::command_line()).has_value());
  }

  Principal sign_in(const std::string& name, const std::string& password,
                    const std::optional<std::string>& totp_secret = std::nullopt) {
    std::optional<std::string> code;
    if (totp_secret) code = crypto::totp_code(*totp_secret, clock().now_unix_seconds()).value();
    auto login = services().access().login({name, password, code, "test"});
    EXPECT_TRUE(login.has_value()) << login.error().to_string();
    clock().advance_seconds(31);  // the next code for the same user is a new one
    return login->principal;
  }

  Principal handler() { return sign_in("handler", "handler password", handler_.totp_secret); }

  ProofOfWork pow(std::string_view purpose) {
    auto c = services().tips().challenge(purpose).value();
    return {c.challenge, crypto::solve_challenge(c.challenge, c.difficulty)};
  }

  SubmitOutcome submit(const std::string& text, std::vector<AttachmentUpload> attachments = {}) {
    TipSubmission s;
    s.content.text = text;
    s.content.who = "alias El Flaco";
    s.content.phones = "+57 300 555 0101";
    s.content.language = model::TipLanguage::kFrench;
    s.attachments = std::move(attachments);
    s.pow = pow("submit");
    auto out = services().tips().submit(std::move(s));
    EXPECT_TRUE(out.has_value()) << out.error().to_string();
    EXPECT_TRUE(out->stored);
    return *out;
  }

  CreatedUser handler_;
  CreatedUser other_handler_;
};

TEST_F(TipServiceTest, FullCycleFromSubmissionToPayment) {
  auto& tips = services().tips();
  SubmitOutcome sent = submit("Boats leave Necoclí at 3 am; the guide takes the phones",
                              {{"gps.jpg", media::testing::jpeg_with_metadata()}});
  ASSERT_EQ(sent.receipt.size(), 24u);
  ASSERT_EQ(sent.attachments.size(), 1u);
  EXPECT_EQ(sent.attachments[0].removed.front(), "thumbnail");

  // The desk sees it in the inbox and opens it.
  Principal h = handler();
  auto inbox = tips.inbox(h, {});
  ASSERT_TRUE(inbox.has_value()) << inbox.error().to_string();
  ASSERT_EQ(inbox->total, 1);
  std::int64_t id = inbox->tips[0].id;
  EXPECT_EQ(inbox->tips[0].status, "new");
  EXPECT_EQ(inbox->tips[0].attachment_count, 1);
  auto opened = tips.open(h, id);
  ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
  EXPECT_EQ(opened->content.text, "Boats leave Necoclí at 3 am; the guide takes the phones");
  EXPECT_EQ(opened->content.who, "alias El Flaco");
  EXPECT_EQ(opened->content.language, model::TipLanguage::kFrench);
  ASSERT_EQ(opened->attachments.size(), 1u);
  auto photo = tips.attachment(h, id, opened->attachments[0].id);
  ASSERT_TRUE(photo.has_value());
  EXPECT_EQ(photo->info.media_type, "image/jpeg");
  EXPECT_EQ(photo->data.find(media::testing::kGpsMarker), std::string::npos);
  EXPECT_EQ(photo->data.substr(0, 2), "\xFF\xD8");

  // Triage, then an answer the tipster reads with the receipt.
  auto updated = tips.update(h, id, {.status = model::TipStatus::kTriaged, .assign_to = "handler",
                                     .add_tags = {"necocli", "boats"}});
  ASSERT_TRUE(updated.has_value()) << updated.error().to_string();
  EXPECT_EQ(updated->tags, (std::vector<std::string>{"boats", "necocli"}));
  ASSERT_TRUE(tips.reply(h, id, "Thank you. Which beach do they leave from?").has_value());
  ASSERT_TRUE(tips.add_note(h, id, "matches the March reports").has_value());
  auto view = tips.tipster_view(sent.receipt, pow("status"));
  ASSERT_TRUE(view.has_value()) << view.error().to_string();
  EXPECT_EQ(view->progress, "in_progress");
  ASSERT_EQ(view->messages.size(), 1u);
  EXPECT_EQ(view->messages[0].author, "desk");
  EXPECT_EQ(view->messages[0].text, "Thank you. Which beach do they leave from?");

  // The tipster answers; the desk sees it unread.
  auto more = tips.follow_up(sent.receipt, "From the beach behind the fish market", {}, pow("status"));
  ASSERT_TRUE(more.has_value()) << more.error().to_string();
  ASSERT_TRUE(more->stored);
  EXPECT_EQ(more->view.messages.size(), 2u);
  EXPECT_TRUE(tips.inbox(h, {.unread_only = true})->total == 1);
  opened = tips.open(h, id);
  ASSERT_EQ(opened->messages.size(), 2u);
  EXPECT_EQ(opened->messages[1].text, "From the beach behind the fish market");
  EXPECT_EQ(opened->notes[0].text, "matches the March reports");
  EXPECT_EQ(tips.inbox(h, {.unread_only = true})->total, 0);

  // Links to an entity and a case, and an extract for an investigator.
  ASSERT_TRUE(services().pool().acquire()->execute(
      "INSERT INTO entity_records (record_id, entity_id, probability, updated_at) "
      "VALUES ('registration:1', 77, 1, 0)").has_value());
  ASSERT_TRUE(tips.link_entity(h, id, 77, true).has_value());
  EXPECT_FALSE(tips.link_entity(h, id, 78, true).has_value());
  add_user("ana", {Role::kAnalyst}, "analyst password");
  Principal analyst = sign_in("ana", "analyst password");
  auto& cases = services().cases();
  auto case_id = cases.create(Actor::of(analyst), {.title = "Ruta Necoclí", .agency = "DIJIN", .country = "COL"});
  ASSERT_TRUE(case_id.has_value()) << case_id.error().to_string();
  auto head = services().intel().add_entity(Actor::of(analyst), {.kind = "person", .label = "El Mono"});
  ASSERT_TRUE(head.has_value()) << head.error().to_string();
  auto arrest = cases.add_event(Actor::of(analyst), *case_id,
                                {.entity_id = *head, .kind = "arrest", .date = "2026-12-01", .agency = "DIJIN", .country = "COL"});
  ASSERT_TRUE(arrest.has_value()) << arrest.error().to_string();
  EXPECT_FALSE(tips.link_case(h, id, *case_id + 1, true).has_value());
  ASSERT_TRUE(tips.link_case(h, id, *case_id, true).has_value());
  ASSERT_TRUE(tips.forward(h, id, "ana", "Departures at 3 am from Necoclí (beach by the market)").has_value());
  auto extracts = tips.my_extracts(analyst);
  ASSERT_TRUE(extracts.has_value()) << extracts.error().to_string();
  ASSERT_EQ(extracts->size(), 1u);
  EXPECT_EQ((*extracts)[0].text, "Departures at 3 am from Necoclí (beach by the market)");
  EXPECT_EQ((*extracts)[0].tip_id, id);
  opened = tips.open(h, id);
  EXPECT_EQ(opened->entity_ids, (std::vector<std::int64_t>{77}));
  EXPECT_EQ(opened->case_ids, (std::vector<std::int64_t>{*case_id}));
  auto case_view = cases.get(Actor::of(analyst), *case_id);
  ASSERT_TRUE(case_view.has_value());
  ASSERT_EQ(case_view->items.size(), 1u);
  EXPECT_EQ(case_view->items[0].item.kind, "tip");
  EXPECT_EQ(case_view->items[0].item.item_id, id);

  // The reward: nominated, approved by two members, paid.
  auto& rewards = services().rewards();
  add_user("member.a", {Role::kRewardsCommittee}, "committee password a");
  add_user("member.b", {Role::kRewardsCommittee}, "committee password b");
  Principal a = sign_in("member.a", "committee password a");
  Principal b = sign_in("member.b", "committee password b");
  auto nomination = rewards.nominate(h, {.tip_id = id, .tier = "key_leader", .outcome_kind = "arrest",
                                         .outcome_on = "2026-12-01", .case_event_id = *arrest,
                                         .outcome_reference = "Fiscalía 2026-118",
                                         .amount_usd_cents = 150'000'000,
                                         .justification = "Led to the arrest of the network's head"});
  ASSERT_TRUE(nomination.has_value()) << nomination.error().to_string();
  EXPECT_EQ(rewards.review(a, *nomination, true, "")->status, "proposed");
  EXPECT_EQ(rewards.review(b, *nomination, true, "")->status, "approved");
  EXPECT_FALSE(rewards.pay(a, *nomination, {.amount_usd_cents = 150'000'001, .paid_on = "2027-01-02",
                                            .reference = "T-1"}).has_value());
  auto paid = rewards.pay(a, *nomination, {.amount_usd_cents = 150'000'000, .paid_on = "2027-01-02",
                                           .reference = "Treasury transfer 55"});
  ASSERT_TRUE(paid.has_value()) << paid.error().to_string();
  EXPECT_EQ(paid->status, "paid");
  EXPECT_EQ(paid->payment->reference, "Treasury transfer 55");
  auto report = rewards.report(Actor::of(a));
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->size(), 1u);
  EXPECT_EQ((*report)[0].tier, "key_leader");
  EXPECT_EQ((*report)[0].paid_usd_cents, 150'000'000);

  // Every step is in the audit log, with no tip text in it.
  std::string actions;
  std::string details;
  ASSERT_TRUE(services().pool().acquire()->query(
      "SELECT action, detail FROM audit_log ORDER BY id", {}, [&](const store::Row& row) {
        actions += row.get_text(0) + " ";
        details += row.get_text(1) + " ";
        return ok_status();
      }).has_value());
  for (std::string_view a : {"tip.read", "tip.attachment_read", "tip.status", "tip.assign", "tip.tag",
                             "tip.reply", "tip.note", "tip.link", "tip.forward", "tip.extracts_read",
                             "reward.nominate", "reward.approve", "reward.pay"}) {
    EXPECT_NE(actions.find(a), std::string::npos) << a;
  }
  EXPECT_EQ(details.find("Necocl"), std::string::npos);
  EXPECT_EQ(details.find("fish market"), std::string::npos);
}

TEST_F(TipServiceTest, BadInputNamesTheFieldAndStoresNothing) {
  TipSubmission s;
  s.content.text = "";
  s.content.accounts = std::string(model::kMaxTipFieldBytes + 1, '1');
  s.attachments = {{"contract.pdf", "%PDF-1.4 \x01\x02"}};
  auto out = services().tips().submit(std::move(s));
  ASSERT_TRUE(out.has_value());
  EXPECT_FALSE(out->stored);
  ASSERT_EQ(out->problems.size(), 3u);
  EXPECT_EQ(out->problems[0].field, "text");
  EXPECT_EQ(out->problems[1].field, "accounts");
  EXPECT_EQ(out->problems[2].field, "attachments[0]");
  EXPECT_NE(out->problems[2].message.find("contract.pdf"), std::string::npos);
  // A good tip without a valid proof of work is refused too.
  TipSubmission no_pow;
  no_pow.content.text = "something";
  no_pow.pow = {"v1.1.1.submit.x.y", "1"};
  auto refused = services().tips().submit(std::move(no_pow));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().reason(), "pow_invalid");
  // A proof of work is spent by one submission.
  ProofOfWork once = pow("submit");
  TipSubmission first{.content = {.text = "one"}, .pow = once};
  TipSubmission second{.content = {.text = "two"}, .pow = once};
  EXPECT_TRUE(services().tips().submit(std::move(first))->stored);
  EXPECT_EQ(services().tips().submit(std::move(second)).error().reason(), "pow_invalid");
  // A proof of work for the status page does not submit.
  TipSubmission wrong_purpose{.content = {.text = "three"}, .pow = pow("status")};
  EXPECT_FALSE(services().tips().submit(std::move(wrong_purpose)).has_value());
  EXPECT_EQ(services().pool().acquire()->query_int("SELECT COUNT(*) FROM tips").value(), 1);
}

TEST_F(TipServiceTest, WrongReceiptsAreThrottledPerTip) {
  SubmitOutcome sent = submit("tip for throttling");
  std::string digits;
  for (char c : sent.receipt) if (c != ' ') digits += c;
  std::string wrong = digits.substr(0, 8) + (digits.substr(8) == "000000000000" ? "000000000001" : "000000000000");
  for (int i = 0; i < 5; ++i) {
    auto r = services().tips().tipster_view(wrong, pow("status"));
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().reason(), "receipt_wrong");
  }
  // Now even the right code waits: the locator is throttled.
  auto blocked = services().tips().tipster_view(sent.receipt, pow("status"));
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().reason(), "receipt_throttled");
  EXPECT_EQ(blocked.error().code(), ErrorCode::kResourceExhausted);
  // An unknown locator gets the same answer as a wrong secret.
  auto unknown = services().tips().tipster_view("9999 9999 0000 0000 0000", pow("status"));
  if (digits.substr(0, 8) != "99999999") {
    EXPECT_EQ(unknown.error().reason(), "receipt_wrong");
  }
  // The window passes.
  clock().advance_seconds(3601);
  EXPECT_TRUE(services().tips().tipster_view(sent.receipt, pow("status")).has_value());
  // The failures table holds locators and times, never an address.
  EXPECT_EQ(services().pool().acquire()->query_int(
                "SELECT COUNT(*) FROM pragma_table_info('tip_receipt_failures')").value(), 3);
}

class GlobalThrottleTest : public TipServiceTest {
 protected:
  static TipPolicy tight() {
    TipPolicy p = test_tip_policy();
    p.max_receipt_failures_overall = 3;
    return p;
  }
  GlobalThrottleTest() : TipServiceTest(tight()) {}
};

TEST_F(GlobalThrottleTest, WrongReceiptsAreThrottledOverall) {
  SubmitOutcome sent = submit("tip");
  for (int i = 0; i < 3; ++i) {  // each against a different locator
    auto r = services().tips().tipster_view(fmt::format("1{}00 0000 0000 0000 0000", i), pow("status"));
    EXPECT_EQ(r.error().reason(), "receipt_wrong");
  }
  EXPECT_EQ(services().tips().tipster_view(sent.receipt, pow("status")).error().reason(),
            "receipt_throttled");
}

TEST_F(TipServiceTest, WithoutTheDeskRoleNothingIsSeen) {
  submit("secret tip");
  add_user("ana", {Role::kAnalyst}, "analyst password");
  add_user("member", {Role::kRewardsCommittee}, "committee password");
  for (auto [name, pw] : {std::pair{"ana", "analyst password"}, std::pair{"member", "committee password"}}) {
    Principal p = sign_in(name, pw);
    EXPECT_EQ(services().tips().inbox(p, {}).error().code(), ErrorCode::kPermissionDenied) << name;
    EXPECT_EQ(services().tips().open(p, 1).error().code(), ErrorCode::kPermissionDenied) << name;
    EXPECT_EQ(services().tips().reply(p, 1, "x").error().code(), ErrorCode::kPermissionDenied);
    EXPECT_EQ(services().tips().statistics(Actor::of(p)).error().code(), ErrorCode::kPermissionDenied);
  }
  // A tip handler the desk was never granted to reads no tip either.
  auto late = add_user("late", {Role::kTipHandler}, "late handler password");
  Principal l = sign_in("late", "late handler password", late.totp_secret);
  auto refused = services().tips().open(l, 1);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().reason(), "desk_not_granted");
  // Until a handler grants it; then a new sign-in opens the desk.
  ASSERT_TRUE(services().tips().grant(handler(), "late").has_value());
  l = sign_in("late", "late handler password", late.totp_secret);
  EXPECT_EQ(services().tips().open(l, 1)->content.text, "secret tip");
}

TEST_F(TipServiceTest, APersonTheTipNamesResolvesWithTheSamePersonNamedElsewhere) {
  submit("José Luis Mosquera Palacios moves the boats");
  submit("El Mono pays the guides");
  Principal h = handler();
  // An interview named him first, with his phone.
  auto earlier = services().resolve().add_source_records(
      Actor::command_line(), {{"mention:I-4:1", "José Luis Mosquera Palacios", "+57 300 555 0101"},
                              {"mention:I-4:2", "Ana María Rentería Córdoba", "+57 311 222 3344"}});
  ASSERT_TRUE(earlier.has_value()) << earlier.error().to_string();
  // Tip 1 names him with another spelling and the same phone in another format.
  auto named = services().tips().name_person(h, 1, "Jose L. Mosquera Palacios", "(+57) 300-555-0101");
  ASSERT_TRUE(named.has_value()) << named.error().to_string();
  EXPECT_EQ(named->record_id, "tip:1:1");
  EXPECT_EQ(named->entity_id, (*earlier)[0]);
  EXPECT_NE(named->entity_id, (*earlier)[1]);
  // Tip 2 names him too; a third person named in tip 1 is someone else.
  auto again = services().tips().name_person(h, 2, "JOSE LUIS MOSQUERA", "+573005550101");
  ASSERT_TRUE(again.has_value()) << again.error().to_string();
  EXPECT_EQ(again->entity_id, (*earlier)[0]);
  auto other = services().tips().name_person(h, 1, "Wilmer Andrés Quiñones", "");
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->record_id, "tip:1:2");
  EXPECT_NE(other->entity_id, (*earlier)[0]);
  // Each tip is linked to the entities it names.
  EXPECT_EQ(services().tips().open(h, 1)->entity_ids.size(), 2u);
  EXPECT_EQ(services().tips().open(h, 2)->entity_ids, (std::vector<std::int64_t>{(*earlier)[0]}));
  // The audit says it was done, never the name; others cannot do it; bad input names the field.
  std::string details;
  ASSERT_TRUE(services().pool().acquire()->query(
      "SELECT detail FROM audit_log WHERE action = 'tip.name_person'", {}, [&](const store::Row& row) {
        details += row.get_text(0) + "\n";
        return ok_status();
      }));
  EXPECT_NE(details.find("record:tip:1:1"), std::string::npos) << details;
  EXPECT_EQ(details.find("Mosquera"), std::string::npos) << details;
  add_user("ana", {Role::kAnalyst}, "analyst password");
  EXPECT_EQ(services().tips().name_person(sign_in("ana", "analyst password"), 1, "X Y", "").error().code(),
            ErrorCode::kPermissionDenied);
  auto blank = services().tips().name_person(h, 1, "  ", "");
  ASSERT_FALSE(blank.has_value());
  EXPECT_NE(blank.error().message().find("'full_name'"), std::string::npos);
  EXPECT_EQ(services().tips().name_person(h, 99, "Somebody Else", "").error().code(), ErrorCode::kNotFound);
}

TEST_F(TipServiceTest, TheDatabaseFileHoldsNoTipText) {
  SubmitOutcome sent = submit("UNIQUE-MARKER-CARTAGENA-4471 smugglers charge 400",
                              {{"chat.txt", "ATTACHED-MARKER-9931 he said 4 am"}});
  Principal h = handler();
  std::int64_t id = services().tips().inbox(h, {})->tips[0].id;
  ASSERT_TRUE(services().tips().reply(h, id, "REPLY-MARKER-5120 thank you").has_value());
  ASSERT_TRUE(services().tips().add_note(h, id, "NOTE-MARKER-7781 credible").has_value());
  ASSERT_TRUE(services().tips().follow_up(sent.receipt, "FOLLOWUP-MARKER-3357 more", {}, pow("status"))->stored);
  std::string receipt_digits;
  for (char c : sent.receipt) if (c != ' ') receipt_digits += c;
  std::string everything;
  for (const auto& entry : std::filesystem::directory_iterator(dir().path())) {
    everything += read_all(entry.path().string());
  }
  ASSERT_NE(everything.find("SQLite format 3"), std::string::npos);
  for (std::string_view marker : {"UNIQUE-MARKER", "CARTAGENA", "ATTACHED-MARKER", "REPLY-MARKER",
                                  "NOTE-MARKER", "FOLLOWUP-MARKER", "El Flaco", "555 0101"}) {
    EXPECT_EQ(everything.find(marker), std::string::npos) << marker;
  }
  EXPECT_EQ(everything.find(receipt_digits.substr(8)), std::string::npos);  // the secret part
  EXPECT_EQ(everything.find(sent.receipt), std::string::npos);
}

TEST_F(TipServiceTest, KeyRotationKeepsEveryTipReadable) {
  std::vector<SubmitOutcome> sent;
  for (int i = 0; i < 4; ++i) {
    sent.push_back(submit(fmt::format("tip number {}", i),
                          {{fmt::format("n{}.txt", i), fmt::format("attachment {}", i)}}));
  }
  Principal h = handler();
  auto inbox = services().tips().inbox(h, {}).value();
  for (const auto& t : inbox.tips) {
    ASSERT_TRUE(services().tips().reply(h, t.id, fmt::format("answer to {}", t.id)).has_value());
    ASSERT_TRUE(services().tips().add_note(h, t.id, fmt::format("note on {}", t.id)).has_value());
  }
  std::int64_t old_key = *services().pool().acquire()->query_int(
      "SELECT id FROM tip_desk_keys WHERE retired_at IS NULL").value();

  auto rotated = services().tips().rotate(Actor::command_line(), "handler", "wrong password");
  EXPECT_EQ(rotated.error().code(), ErrorCode::kUnauthenticated);
  rotated = services().tips().rotate(Actor::command_line(), "handler", "handler password");
  ASSERT_TRUE(rotated.has_value()) << rotated.error().to_string();
  EXPECT_EQ(rotated->tips, 4);
  EXPECT_EQ(rotated->attachments, 4);
  EXPECT_EQ(rotated->messages, 4);
  EXPECT_EQ(rotated->notes, 4);
  EXPECT_EQ(rotated->granted, (std::vector<std::string>{"handler", "handler2"}));
  EXPECT_NE(rotated->new_key_id, old_key);

  // A session unlocked with the old key is told to unlock again.
  EXPECT_EQ(services().tips().open(h, inbox.tips[0].id).error().reason(), "keys_locked");
  for (Principal p : {handler(), sign_in("handler2", "second handler pw", other_handler_.totp_secret)}) {
    for (const auto& t : inbox.tips) {
      auto opened = services().tips().open(p, t.id);
      ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
      EXPECT_EQ(opened->content.text.rfind("tip number ", 0), 0u);
      EXPECT_EQ(opened->messages[0].text, fmt::format("answer to {}", t.id));
      EXPECT_EQ(opened->notes[0].text, fmt::format("note on {}", t.id));
      auto a = services().tips().attachment(p, t.id, opened->attachments[0].id);
      ASSERT_TRUE(a.has_value());
      EXPECT_EQ(a->data.rfind("attachment ", 0), 0u);
    }
  }
  // The old key's grants are gone; tipsters still read answers; new tips go to the new key.
  EXPECT_EQ(services().pool().acquire()->query_int(
                "SELECT COUNT(*) FROM tip_desk_grants WHERE desk_key_id = $1", {old_key}).value(), 0);
  EXPECT_EQ(services().tips().tipster_view(sent[2].receipt, pow("status"))->messages.size(), 1u);
  submit("after rotation");
  EXPECT_EQ(services().tips().open(handler(), 5)->content.text, "after rotation");
}

TEST_F(TipServiceTest, PasswordChangeKeepsTheDeskAndUnlockReopensIt) {
  submit("kept readable");
  Principal h = handler();
  ASSERT_TRUE(services().access().change_own_password(h, "handler password", "a brand new password").has_value());
  Principal again = sign_in("handler", "a brand new password", handler_.totp_secret);
  EXPECT_EQ(services().tips().open(again, 1)->content.text, "kept readable");
  // After a restart the keys are gone from memory; the password unlocks them again.
  services().keyring().on_signed_out(again.session_id);
  EXPECT_EQ(services().tips().open(again, 1).error().reason(), "keys_locked");
  EXPECT_EQ(services().tips().unlock(again, "handler password").error().code(), ErrorCode::kUnauthenticated);
  ASSERT_TRUE(services().tips().unlock(again, "a brand new password").has_value());
  EXPECT_TRUE(services().tips().open(again, 1).has_value());
}

TEST_F(TipServiceTest, StatisticsHoldCountsOnly) {
  submit("a");
  submit("b");
  Principal h = handler();
  ASSERT_TRUE(services().tips().update(h, 1, {.status = model::TipStatus::kClosed, .add_tags = {"boats"}}).has_value());
  auto counts = services().tips().statistics(Actor::command_line());
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->total, 2);
  EXPECT_EQ(counts->by_status, (std::vector<std::pair<std::string, std::int64_t>>{{"closed", 1}, {"new", 1}}));
  EXPECT_EQ(counts->by_tag, (std::vector<std::pair<std::string, std::int64_t>>{{"boats", 1}}));
  ASSERT_EQ(counts->by_month.size(), 1u);
  EXPECT_EQ(counts->by_month[0].first, "2027-01");
  // Marking duplicates points at the original.
  ASSERT_TRUE(services().tips().update(h, 2, {.duplicate_of = 1}).has_value());
  EXPECT_FALSE(services().tips().update(h, 1, {.duplicate_of = 2}).has_value());
  EXPECT_FALSE(services().tips().update(h, 1, {.add_tags = {"Not A Tag"}}).has_value());
  EXPECT_EQ(services().tips().inbox(h, {.status = "closed"})->total, 1);
  EXPECT_EQ(services().tips().inbox(h, {.tag = "boats"})->total, 1);
  EXPECT_FALSE(services().tips().inbox(h, {.status = "open"}).has_value());
}

}  // namespace
}  // namespace escudo::service

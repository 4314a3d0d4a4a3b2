// Returns with safeguards: each safeguard stops a return with its reason, at decision and at
// execution; the voluntary-return override needs two different officers; and random histories
// never end with a return executed in a forbidden state.
#include "service/return_service.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "crypto/totp.h"
#include "service/protection_service.h"
#include "service/test_support.h"

namespace escudo::service {
namespace {

using model::Role;

model::Person someone(const char* given, const char* birth, model::Relationship rel) {
  model::Person p;
  p.given_names = given;
  p.family_names = "Mosquera Palacios";
  p.sex = model::PersonSex::kMale;
  p.birth_date = CivilDate::parse(birth).value();
  p.nationality_iso3 = "COL";
  p.relationship = rel;
  return p;
}

class ReturnServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  void SetUp() override {
    add_user("reg.a", {Role::kRegistrar}, "registrar password a");
    add_user("reg.b", {Role::kRegistrar}, "registrar password b");
    add_user("prot", {Role::kProtectionOfficer}, "protection password");
    add_user("cmd", {Role::kCommander}, "commander password");
    auto admin = add_user("root", {Role::kAdmin}, "admin password");
    reg_a_ = login("reg.a", "registrar password a");
    reg_b_ = login("reg.b", "registrar password b");
    prot_ = login("prot", "protection password");
    cmd_ = login("cmd", "commander password");
    admin_ = login("root", "admin password", admin.totp_secret);
  }

  Principal login(const std::string& name, const std::string& pw,
                  const std::optional<std::string>& secret = std::nullopt) {
    std::optional<std::string> code;
    if (secret) code = crypto::totp_code(*secret, clock().now_unix_seconds()).value();
    auto r = services().access().login({name, pw, code, "t"});
    EXPECT_TRUE(r.has_value()) << r.error().to_string();
    clock().advance_seconds(31);
    return r->principal;
  }

  // An adult and, when asked, a child travelling alone; returns their person ids.
  std::vector<std::int64_t> register_people(bool with_child) {
    model::RegistrationGroup g;
    g.station_code = "lajas-blancas";
    g.registered_on = CivilDate::parse("2026-10-01").value();
    g.departure_point = "Necoclí";
    g.people = {someone("José Luis", "1984-03-07", model::Relationship::kHead)};
    if (with_child) g.people.push_back(someone("Kevin", "2014-02-02", model::Relationship::kUnrelated));
    auto out = services().registrations().register_group(Actor::command_line(), g).value();
    EXPECT_TRUE(out.stored);
    std::vector<std::int64_t> ids;
    for (const auto& p : out.group.people) ids.push_back(p.id.value());
    return ids;
  }

  ReturnRequest to_colombia(std::int64_t person, bool voluntary = false) {
    return {.person_id = person, .receiving_country = "COL",
            .reason = "no visa required of Colombian nationals was held", .voluntary = voluntary};
  }

  std::int64_t count(std::string_view sql) {
    return services().pool().acquire()->query_int(sql).value().value_or(0);
  }

  ReturnService& returns() { return services().returns(); }
  ProtectionService& protection() { return services().protection(); }
  Actor as(const Principal& p) { return Actor::of(p); }

  Principal reg_a_, reg_b_, prot_, cmd_, admin_;
};

TEST_F(ReturnServiceTest, AnAdultWithoutProtectionNeedsIsReturned) {
  auto ids = register_people(false);
  auto r = returns().decide(as(reg_a_), to_colombia(ids[0]));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  auto m = returns().create_manifest(as(cmd_), {.mode = "bus", .receiving_country = "COL",
                                                .departs_on = "2027-01-20", .escort = "SENAFRONT"});
  ASSERT_TRUE(m.has_value()) << m.error().to_string();
  ASSERT_TRUE(returns().add_to_manifest(as(cmd_), m->id, r->id));
  auto out = returns().execute_manifest(as(cmd_), m->id).value();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].executed);
  EXPECT_EQ(out[0].decision.status, "executed");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'return.execute'"), 1);
}

TEST_F(ReturnServiceTest, APendingClaimStopsTheDecisionWithItsReason) {
  auto ids = register_people(false);
  ASSERT_TRUE(protection().lodge_claim(as(prot_), ids[0], "2026-10-02"));
  auto r = returns().decide(as(reg_a_), to_colombia(ids[0]));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(r.error().reason(), "safeguard");
  EXPECT_NE(r.error().message().find("a protection claim is pending"), std::string::npos)
      << r.error().message();
  EXPECT_EQ(count("SELECT COUNT(*) FROM safeguard_stops WHERE safeguard = 'claim_pending' AND "
                  "stage = 'decision'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM return_decisions"), 0);
}

TEST_F(ReturnServiceTest, AClaimLodgedAfterTheDecisionStopsTheExecution) {
  auto ids = register_people(false);
  auto r = returns().decide(as(reg_a_), to_colombia(ids[0])).value();
  auto claim = protection().lodge_claim(as(prot_), ids[0], "2026-10-03").value();
  auto out = returns().execute(as(cmd_), r.id).value();
  EXPECT_FALSE(out.executed);
  EXPECT_EQ(out.decision.status, "stopped");
  EXPECT_NE(out.stopped_reason.find("pending"), std::string::npos);
  // Under appeal stops it too; only a final rejection lets a new decision through.
  ASSERT_TRUE(protection().update_claim(as(prot_), claim.id, model::ClaimStatus::kRejected, "2026-11-01", ""));
  ASSERT_TRUE(protection().update_claim(as(prot_), claim.id, model::ClaimStatus::kUnderAppeal, "2026-11-05", ""));
  EXPECT_EQ(returns().decide(as(reg_a_), to_colombia(ids[0])).error().reason(), "safeguard");
  ASSERT_TRUE(protection().update_claim(as(prot_), claim.id, model::ClaimStatus::kRejectedFinal, "2026-12-01", ""));
  auto again = returns().decide(as(reg_a_), to_colombia(ids[0]));
  ASSERT_TRUE(again.has_value()) << again.error().to_string();
  EXPECT_TRUE(returns().execute(as(cmd_), again->id)->executed);
}

TEST_F(ReturnServiceTest, AChildNeedsACompletedAssessmentRecommendingReturn) {
  auto ids = register_people(true);
  const std::int64_t child = ids[1];
  auto stopped = returns().decide(as(reg_a_), to_colombia(child));
  ASSERT_FALSE(stopped.has_value());
  EXPECT_NE(stopped.error().message().find("a child without a completed best-interest assessment"),
            std::string::npos);
  ASSERT_TRUE(protection().record_best_interest(as(prot_), child, model::BestInterestStatus::kOpen,
                                                model::BestInterestRecommendation::kNone, ""));
  EXPECT_FALSE(returns().decide(as(reg_a_), to_colombia(child)).has_value());
  ASSERT_TRUE(protection().record_best_interest(as(prot_), child, model::BestInterestStatus::kCompleted,
                                                model::BestInterestRecommendation::kStay, "aunt in Panama"));
  EXPECT_FALSE(returns().decide(as(reg_a_), to_colombia(child)).has_value());
  // The adult is no child: no assessment for them.
  EXPECT_EQ(protection().record_best_interest(as(prot_), ids[0], model::BestInterestStatus::kOpen,
                                              model::BestInterestRecommendation::kNone, "")
                .error().code(),
            ErrorCode::kFailedPrecondition);
  // Even a voluntary return, approved by two officers, never lifts a child's safeguard.
  EXPECT_EQ(returns().decide(as(reg_a_), to_colombia(child, true)).error().reason(), "safeguard");
  ASSERT_TRUE(protection().record_best_interest(as(prot_), child, model::BestInterestStatus::kCompleted,
                                                model::BestInterestRecommendation::kReturn, "parents in Cali"));
  auto r = returns().decide(as(reg_a_), to_colombia(child));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  EXPECT_TRUE(returns().execute(as(cmd_), r->id)->executed);
}

TEST_F(ReturnServiceTest, TraffickingVictimsAndRefugeesAreNotReturned) {
  auto ids = register_people(false);
  ASSERT_TRUE(protection().assess_trafficking(as(prot_), ids[0], {"debt_bondage", "documents_withheld"},
                                              model::TraffickingOutcome::kRecognised, "2026-10-02"));
  auto r = returns().decide(as(reg_a_), to_colombia(ids[0]));
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message().find("a recognised victim of trafficking"), std::string::npos);
  auto bad = protection().assess_trafficking(as(prot_), ids[0], {"tattoos"},
                                             model::TraffickingOutcome::kSuspected, "2026-10-02");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message().find("'tattoos' is not a trafficking indicator"), std::string::npos);
  auto claim = protection().lodge_claim(as(prot_), ids[0], "2026-10-02").value();
  ASSERT_TRUE(protection().update_claim(as(prot_), claim.id, model::ClaimStatus::kRecognised, "2026-12-01", ""));
  auto refugee = returns().decide(as(reg_a_), to_colombia(ids[0]));
  EXPECT_NE(refugee.error().message().find("refoulement"), std::string::npos);
}

TEST_F(ReturnServiceTest, NoRoleBypassesASafeguard) {
  auto ids = register_people(false);
  ASSERT_TRUE(protection().lodge_claim(as(prot_), ids[0], "2026-10-02"));
  // The administrator holds no return permission at all.
  EXPECT_EQ(returns().decide(as(admin_), to_colombia(ids[0])).error().code(),
            ErrorCode::kPermissionDenied);
  // The operator on the server holds every permission, and the safeguard still holds.
  EXPECT_EQ(returns().decide(Actor::command_line(), to_colombia(ids[0])).error().reason(), "safeguard");
  // A protection officer may not decide returns, a commander may not decide them either.
  EXPECT_EQ(returns().decide(as(prot_), to_colombia(ids[0])).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(returns().decide(as(cmd_), to_colombia(ids[0])).error().code(), ErrorCode::kPermissionDenied);
}

TEST_F(ReturnServiceTest, AVoluntaryReturnNeedsASecondDifferentOfficer) {
  auto ids = register_people(false);
  ASSERT_TRUE(protection().lodge_claim(as(prot_), ids[0], "2026-10-02"));
  auto r = returns().decide(as(reg_a_), to_colombia(ids[0], true));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  // Not before the override is approved.
  auto early = returns().execute(as(cmd_), r->id).value();
  EXPECT_FALSE(early.executed);
  auto r2 = returns().decide(as(reg_a_), to_colombia(ids[0], true)).value();
  ASSERT_TRUE(returns().request_override(reg_a_, r2.id, "I want to go home to my family in Cali"));
  auto same = returns().approve_override(reg_a_, r2.id);
  ASSERT_FALSE(same.has_value());
  EXPECT_EQ(same.error().reason(), "same_officer");
  EXPECT_FALSE(returns().execute(as(cmd_), r2.id)->executed);
  auto r3 = returns().decide(as(reg_a_), to_colombia(ids[0], true)).value();
  ASSERT_TRUE(returns().request_override(reg_a_, r3.id, "I want to go home to my family in Cali"));
  EXPECT_EQ(returns().approve_override(admin_, r3.id).error().code(), ErrorCode::kPermissionDenied);
  ASSERT_TRUE(returns().approve_override(reg_b_, r3.id));
  auto done = returns().execute(as(cmd_), r3.id).value();
  EXPECT_TRUE(done.executed);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'return.override.approve' AND "
                  "actor = 'reg.b'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'return.execute' AND detail LIKE "
                  "'%lifted=claim_pending%'"),
            1);
  // An override is only for a return decided as voluntary.
  auto other = register_people(false);
  auto plain = returns().decide(as(reg_a_), to_colombia(other[0])).value();
  EXPECT_EQ(returns().request_override(reg_a_, plain.id, "x").error().code(),
            ErrorCode::kFailedPrecondition);
}

TEST_F(ReturnServiceTest, FiguresCountStopsByNationalityAndMonth) {
  auto ids = register_people(true);
  EXPECT_FALSE(returns().decide(as(reg_a_), to_colombia(ids[1])).has_value());
  ASSERT_TRUE(returns().decide(as(reg_a_), to_colombia(ids[0])));
  auto rows = returns().figures(as(cmd_), "2027-01", "2027-12").value();
  std::map<std::string, std::int64_t> by;
  for (const auto& r : rows) by[r.measure + "/" + r.nationality] += r.count;
  EXPECT_EQ(by["stopped:child_without_best_interest/COL"], 1);
  EXPECT_EQ(by["return_decisions/COL"], 1);
  EXPECT_EQ(returns().figures(as(cmd_), "2027-1", "2027-12").error().code(), ErrorCode::kInvalidArgument);
}

// What the test itself knows of one person, kept apart from the service's own reading.
struct Shadow {
  bool child = false;
  std::map<std::int64_t, model::ClaimStatus> claims;
  model::TraffickingOutcome trafficking = model::TraffickingOutcome::kNoIndicators;
  model::BestInterestStatus bia = model::BestInterestStatus::kNone;
  model::BestInterestRecommendation recommendation = model::BestInterestRecommendation::kNone;
};

// Forbidden by law: written out here, not taken from model::return_blocks.
bool forbidden(const Shadow& s, bool two_officer_voluntary_override) {
  bool claim = false, refugee = false;
  for (const auto& [id, c] : s.claims) {
    claim = claim || c == model::ClaimStatus::kPending || c == model::ClaimStatus::kUnderAppeal;
    refugee = refugee || c == model::ClaimStatus::kRecognised;
  }
  const bool child = s.child && !(s.bia == model::BestInterestStatus::kCompleted &&
                                  s.recommendation == model::BestInterestRecommendation::kReturn);
  const bool trafficking = s.trafficking == model::TraffickingOutcome::kRecognised ||
                           s.trafficking == model::TraffickingOutcome::kSuspected;
  if (child) return true;
  return (claim || refugee || trafficking) && !two_officer_voluntary_override;
}

TEST_F(ReturnServiceTest, RandomHistoriesNeverExecuteAForbiddenReturn) {
  std::vector<std::int64_t> people;
  std::map<std::int64_t, Shadow> shadow;
  for (int i = 0; i < 4; ++i) {
    auto ids = register_people(true);
    people.insert(people.end(), ids.begin(), ids.end());
    shadow[ids[0]].child = false;
    shadow[ids[1]].child = true;
  }
  struct Pending {
    std::int64_t person;
    bool voluntary;
    std::string requested_by, approved_by;
  };
  std::map<std::int64_t, Pending> decided;  // return id → what the test knows of it
  std::vector<Principal> officers = {reg_a_, reg_b_};
  std::int64_t manifest = returns().create_manifest(as(cmd_), {.mode = "flight", .receiving_country = "COL",
                                                              .departs_on = "2027-02-01"})->id;
  std::mt19937 rng(20260501);
  int executed = 0, stopped = 0;
  auto check_outcome = [&](const ExecutionOutcome& o) {
    const Pending& p = decided.at(o.decision.id);
    const bool lifted = p.voluntary && !p.approved_by.empty() && p.approved_by != p.requested_by;
    if (o.executed) {
      ++executed;
      EXPECT_FALSE(forbidden(shadow[p.person], lifted)) << "return " << o.decision.id;
    } else {
      ++stopped;
      EXPECT_TRUE(forbidden(shadow[p.person], lifted)) << "return " << o.decision.id;
      EXPECT_FALSE(o.stopped_reason.empty());
    }
    decided.erase(o.decision.id);
  };
  for (int step = 0; step < 600; ++step) {
    const std::int64_t person = people[rng() % people.size()];
    Shadow& s = shadow[person];
    switch (rng() % 9) {
      case 0: {
        auto c = protection().lodge_claim(as(prot_), person, "2026-10-05");
        ASSERT_TRUE(c.has_value());
        s.claims[c->id] = model::ClaimStatus::kPending;
        break;
      }
      case 1: {
        if (s.claims.empty()) break;
        auto it = std::next(s.claims.begin(), static_cast<long>(rng() % s.claims.size()));
        auto to = static_cast<model::ClaimStatus>(1 + rng() % 5);
        auto c = protection().update_claim(as(prot_), it->first, to, "2026-12-01", "");
        EXPECT_EQ(c.has_value(), model::check_claim_transition(it->second, to).has_value());
        if (c) it->second = to;
        break;
      }
      case 2: {
        auto outcome = static_cast<model::TraffickingOutcome>(rng() % 4);
        std::vector<std::string> ticked;
        if (outcome != model::TraffickingOutcome::kNoIndicators) ticked = {"debt_bondage"};
        ASSERT_TRUE(protection().assess_trafficking(as(prot_), person, ticked, outcome, "2026-10-05"));
        s.trafficking = outcome;
        break;
      }
      case 3: {
        if (!s.child) break;
        const bool done = rng() % 2 == 0;
        auto rec = done ? static_cast<model::BestInterestRecommendation>(1 + rng() % 3)
                        : model::BestInterestRecommendation::kNone;
        auto status = done ? model::BestInterestStatus::kCompleted : model::BestInterestStatus::kOpen;
        ASSERT_TRUE(protection().record_best_interest(as(prot_), person, status, rec, ""));
        s.bia = status;
        s.recommendation = rec;
        break;
      }
      case 4: {
        const bool voluntary = rng() % 3 == 0;
        auto r = returns().decide(as(officers[rng() % 2]), to_colombia(person, voluntary));
        if (r) {
          decided[r->id] = {person, voluntary, "", ""};
        } else if (r.error().reason() == "safeguard") {
          EXPECT_TRUE(forbidden(s, false)) << r.error().message();
        }
        break;
      }
      case 5: {
        if (decided.empty()) break;
        auto it = std::next(decided.begin(), static_cast<long>(rng() % decided.size()));
        const Principal& officer = officers[rng() % 2];
        if (it->second.requested_by.empty()) {
          if (returns().request_override(officer, it->first, "the person asked to go home")) {
            it->second.requested_by = officer.username;
          }
        } else if (returns().approve_override(officer, it->first)) {
          EXPECT_NE(officer.username, it->second.requested_by);
          it->second.approved_by = officer.username;
        }
        break;
      }
      case 6: {
        if (decided.empty()) break;
        auto it = std::next(decided.begin(), static_cast<long>(rng() % decided.size()));
        auto o = returns().execute(as(cmd_), it->first);
        if (o) check_outcome(*o);
        break;
      }
      case 7: {
        if (decided.empty()) break;
        auto it = std::next(decided.begin(), static_cast<long>(rng() % decided.size()));
        (void)returns().add_to_manifest(as(cmd_), manifest, it->first);
        break;
      }
      default: {
        if (rng() % 4 != 0) break;
        auto out = returns().execute_manifest(as(cmd_), manifest);
        ASSERT_TRUE(out.has_value()) << out.error().to_string();
        for (const auto& o : *out) check_outcome(o);
        manifest = returns().create_manifest(as(cmd_), {.mode = "bus", .receiving_country = "COL",
                                                        .departs_on = "2027-02-01"})->id;
        break;
      }
    }
  }
  // Every executed return in the store was checked above; and the history did both.
  EXPECT_GT(executed, 0);
  EXPECT_GT(stopped, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM return_decisions WHERE status = 'executed'"), executed);
}

}  // namespace
}  // namespace escudo::service

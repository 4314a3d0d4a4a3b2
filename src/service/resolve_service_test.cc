#include "service/resolve_service.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "service/test_support.h"

namespace escudo::service {
namespace {

using model::Role;

model::Person adult(const char* given, const char* family, const char* birth, const char* doc,
                    const char* phone) {
  model::Person p;
  p.given_names = given;
  p.family_names = family;
  p.sex = model::PersonSex::kMale;
  p.birth_date = CivilDate::parse(birth).value();
  p.nationality_iso3 = "VEN";
  p.document_type = model::DocumentType::kPassport;
  p.document_country_iso3 = "VEN";
  p.document_number = doc;
  p.phone = phone;
  p.relationship = model::Relationship::kHead;
  return p;
}

class ResolveServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  void SetUp() override {
    add_user("reg", {Role::kRegistrar});
    add_user("ana", {Role::kAnalyst});
    registrar_ = services().access().login({"reg", "a long enough password", {}, "x"}).value().principal;
    analyst_ = services().access().login({"ana", "a long enough password", {}, "x"}).value().principal;
  }
  ResolveService& resolve() { return services().resolve(); }
  // Registers one person alone; returns their record id.
  std::string register_one(model::Person p, const char* day = "2026-09-01") {
    model::RegistrationGroup g;
    g.station_code = "lajas-blancas";
    g.registered_on = CivilDate::parse(day).value();
    g.people = {std::move(p)};
    auto out = services().registrations().register_group(Actor::of(registrar_), g).value();
    EXPECT_TRUE(out.stored) << (out.errors.empty() ? "" : out.errors[0].field + " " + out.errors[0].message);
    return registration_record_id(out.group.people[0].id.value());
  }
  std::int64_t audits(std::string_view action) {
    return services().pool().acquire()->query_int(
        "SELECT COUNT(*) FROM audit_log WHERE action = $1", {action}).value().value_or(0);
  }
  Principal registrar_;
  Principal analyst_;
};

TEST_F(ResolveServiceTest, ARegistrationAfterAReturnJoinsTheSameEntity) {
  std::string first = register_one(adult("José Luis", "Mosquera Palacios", "1984-03-07", "P1234567", "+584121234567"));
  register_one(adult("Kevin", "Joseph", "2001-02-02", "HT998877", ""));
  // The index is loaded here, then the returning man registers again with other spellings.
  ASSERT_FALSE(resolve().entity_of(registrar_, first).value() == std::nullopt);
  std::string again = register_one(
      adult("Jose L.", "Mosquera", "1984-07-03", "P-1234567", ""), "2027-01-15");
  auto a = resolve().entity_of(registrar_, first).value();
  auto b = resolve().entity_of(registrar_, again).value();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);

  auto view = resolve().entity(registrar_, *a).value();
  ASSERT_EQ(view.records.size(), 2u);
  ASSERT_TRUE(view.records[0].person.has_value());
  EXPECT_EQ(view.records[0].person->given_names, "José Luis");
  ASSERT_EQ(view.links.size(), 1u);
  bool document = false;
  for (const auto& f : view.links[0].fields) document = document || f.field == "document";
  EXPECT_TRUE(document);
  ASSERT_FALSE(view.history.empty());
  EXPECT_EQ(view.history.back().kind, "joined");
  EXPECT_EQ(audits("identity.read"), 1);

  // Identity is for those who need it.
  EXPECT_EQ(resolve().entity(analyst_, *a).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(resolve().entity(registrar_, 999).error().code(), ErrorCode::kNotFound);
}

TEST_F(ResolveServiceTest, EntityIdsSurviveARebuild) {
  std::string one = register_one(adult("Ana María", "Rodríguez Pérez", "1990-11-21", "V12345678", "+584125551234"));
  std::string two = register_one(adult("Ana Maria", "Rodriguez", "1990-11-21", "V-12.345.678", "+584125551234"));
  std::string other = register_one(adult("Wilson", "Cuesta", "1970-01-01", "E445566", ""));
  auto before_one = resolve().entity_of(registrar_, one).value();
  auto before_other = resolve().entity_of(registrar_, other).value();
  ASSERT_TRUE(before_one && before_other);
  EXPECT_EQ(resolve().entity_of(registrar_, two).value(), before_one);
  // A new process (here: the index dropped) gives the same ids.
  resolve().invalidate();
  EXPECT_EQ(resolve().entity_of(registrar_, one).value(), before_one);
  EXPECT_EQ(resolve().entity_of(registrar_, other).value(), before_other);
  ResolveService fresh(services().pool(), clock());
  EXPECT_EQ(fresh.entity_of(registrar_, two).value(), before_one);
}

TEST_F(ResolveServiceTest, ADifferentDecisionSplitsIsAuditedAndHolds) {
  std::string one = register_one(adult("Ana María", "Rodríguez Pérez", "1990-11-21", "V12345678", "+584125551234"));
  std::string two = register_one(adult("Ana Maria", "Rodriguez", "1990-11-21", "V-12.345.678", "+584125551234"));
  auto entity = resolve().entity_of(registrar_, one).value();
  ASSERT_EQ(resolve().entity_of(registrar_, two).value(), entity);

  EXPECT_EQ(resolve().decide(analyst_, {.decision = "different", .record_a = one, .record_b = two})
                .error().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(resolve().decide(registrar_, {.decision = "maybe", .record_a = one, .record_b = two})
                .error().code(),
            ErrorCode::kInvalidArgument);
  auto after = resolve().decide(registrar_, {.decision = "different", .record_a = one,
                                             .record_b = two, .reason = "twins"});
  ASSERT_TRUE(after.has_value()) << after.error().message();
  ASSERT_EQ(after->size(), 2u);
  EXPECT_NE((*after)[0], (*after)[1]);
  EXPECT_EQ(audits("entity.review"), 1);
  // The decision holds after a rebuild, and the ids stay.
  resolve().invalidate();
  EXPECT_EQ(resolve().entity_of(registrar_, one).value(), (*after)[0]);
  EXPECT_EQ(resolve().entity_of(registrar_, two).value(), (*after)[1]);
  auto history = resolve().entity(registrar_, (*after)[0]).value().history;
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().kind, "split");
  EXPECT_EQ(history.back().actor, "reg");
}

TEST_F(ResolveServiceTest, TheRegistrarIsWarnedOfAProbableEarlierRegistration) {
  std::string first = register_one(adult("José Luis", "Mosquera Palacios", "1984-03-07", "P1234567", "+584121234567"));
  register_one(adult("Kevin", "Joseph", "2001-02-02", "HT998877", ""));
  auto typed = adult("Jose Luis", "Mosquera Palacio", "1984-03-07", "P1234567", "");
  auto found = resolve().probable_matches(registrar_, typed, CivilDate::parse("2027-01-15").value(), 5);
  ASSERT_TRUE(found.has_value()) << found.error().message();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].record_id, first);
  EXPECT_GE((*found)[0].why.probability, 0.5);
  ASSERT_TRUE((*found)[0].person.has_value());
  EXPECT_EQ((*found)[0].person->station_code, "lajas-blancas");
  EXPECT_FALSE((*found)[0].why.lines.empty());
  EXPECT_EQ(audits("identity.read"), 1);
  // Nothing was stored: the typed person is no record, and a stranger matches no one.
  auto stranger = adult("Wilson", "Cuesta", "1970-01-01", "E445566", "");
  EXPECT_TRUE(resolve().probable_matches(registrar_, stranger, CivilDate::parse("2027-01-15").value(), 5)
                  .value().empty());
  EXPECT_EQ(resolve().probable_matches(analyst_, typed, CivilDate::parse("2027-01-15").value(), 5)
                .error().code(),
            ErrorCode::kPermissionDenied);
}

// The index is built outside the lock: people registered while it is built still join it,
// whichever way the threads interleave.
TEST_F(ResolveServiceTest, RegistrationsDuringABuildAreNotLost) {
  static constexpr const char* kSurnames[] = {
      "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez",
      "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Cruz", "Morales", "Reyes",
      "Gutiérrez", "Ortiz", "Chávez", "Ramos", "Ruiz", "Mendoza", "Vargas", "Castillo", "Jiménez",
      "Moreno", "Romero", "Herrera", "Medina", "Aguilar", "Castro", "Vásquez", "Guzmán", "Salazar",
      "Rojas", "Contreras", "Figueroa", "Mejía", "Suárez"};
  static constexpr const char* kGiven[] = {"Ana", "Luis", "Marta", "Jorge", "Rosa"};
  auto person = [](int i) {
    auto p = adult(kGiven[i % 5], kSurnames[i], fmt::format("19{}-0{}-1{}", 60 + i, 1 + i % 9, i % 10).c_str(),
                   fmt::format("V{}", 10'000'000 + i * 7919 % 9'000'000).c_str(), "");
    return p;
  };
  std::vector<std::string> records;
  for (int i = 0; i < 20; ++i) {
    records.push_back(register_one(person(i)));
  }
  resolve().invalidate();
  const std::string first = records[0];
  std::thread reader([&] { EXPECT_TRUE(resolve().entity_of(registrar_, first).has_value()); });
  for (int i = 20; i < 40; ++i) {
    records.push_back(register_one(person(i)));
  }
  reader.join();
  std::set<std::int64_t> entities;
  for (const auto& r : records) {
    auto entity = resolve().entity_of(registrar_, r);
    ASSERT_TRUE(entity.has_value());
    ASSERT_TRUE(entity->has_value()) << r;
    entities.insert(**entity);
  }
  EXPECT_EQ(entities.size(), records.size());  // forty different people
}

TEST_F(ResolveServiceTest, UncertainPairsWaitForReview) {
  // Same names and birth day, nothing else shared.
  auto carlos = adult("Carlos", "Pérez Gómez", "1995-05-05", "", "");
  carlos.document_type = model::DocumentType::kNone;
  carlos.document_country_iso3 = "";
  std::string a = register_one(carlos);
  carlos.family_names = "Perez";
  carlos.phone = "+573001112233";
  std::string b = register_one(carlos);
  auto pair = resolve().explain(registrar_, a, b);
  ASSERT_TRUE(pair.has_value()) << pair.error().message();
  auto queue = resolve().review_queue(registrar_, 10);
  ASSERT_TRUE(queue.has_value()) << queue.error().message();
  bool queued = false;
  for (const auto& item : *queue) {
    EXPECT_GE(item.pair.probability, 0.5);
    EXPECT_LT(item.pair.probability, 0.99);
    EXPECT_TRUE(item.person_a.has_value());
    queued = queued || (item.pair.record_a == a && item.pair.record_b == b) ||
             (item.pair.record_a == b && item.pair.record_b == a);
  }
  EXPECT_EQ(queued, pair->probability >= 0.5 && pair->probability < 0.99) << pair->probability;
  EXPECT_EQ(resolve().review_queue(analyst_, 10).error().code(), ErrorCode::kPermissionDenied);
}

TEST_F(ResolveServiceTest, NamesAloneWaitForAnAnalystWithTheReason) {
  // The same rare name twice, with nothing else that agrees: never merged on the score alone.
  // Ages guessed a year apart, no document, no phone.
  auto first = adult("Wilmer Yonaiker", "Graterol Colmenares", "1990-01-01", "", "");
  first.birth_date.reset();
  first.estimated_age = 30;
  first.document_type = model::DocumentType::kNone;
  first.document_country_iso3 = "";
  std::string a = register_one(first);
  first.estimated_age = 31;
  std::string b = register_one(first);
  EXPECT_NE(resolve().entity_of(registrar_, a).value(), resolve().entity_of(registrar_, b).value());
  auto pair = resolve().explain(registrar_, a, b);
  ASSERT_TRUE(pair.has_value()) << pair.error().message();
  EXPECT_EQ(pair->held, "names alone agree");
  EXPECT_LT(pair->probability, 0.99);
  auto queue = resolve().review_queue(registrar_, 10);
  ASSERT_TRUE(queue.has_value()) << queue.error().message();
  bool queued = false;
  for (const auto& item : *queue) {
    queued = queued || (item.pair.record_a == a && item.pair.record_b == b) ||
             (item.pair.record_a == b && item.pair.record_b == a);
  }
  EXPECT_TRUE(queued);
}

}  // namespace
}  // namespace escudo::service

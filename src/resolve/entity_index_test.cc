#include "resolve/entity_index.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "resolve/test_util.h"

namespace escudo::resolve {
namespace {

using testing::person;

ResolveOptions small_options() {
  ResolveOptions o;
  o.threads = 2;
  return o;
}

std::vector<PersonRecord> smugglers() {
  std::vector<PersonRecord> r;
  r.push_back(person("int-1", "José Luis", "Mosquera Palacios", "1984-03-07", "+57 300 123 4567", "COL"));
  r.push_back(person("tip-2", "Jose L.", "Mosquera", "1984-03-07", "", "COL"));
  r.push_back(person("int-3", "Pepe", "Mosquera Palacios", "1984-07-03", "0057 300 123 4567", "COL"));
  r.push_back(person("reg-4", "Ana María", "Rodríguez Pérez", "1990-11-21", "+58 412 555 1234", "VEN"));
  r.push_back(person("reg-5", "Ana Maria", "Rodriguez", "1990-11-21", "0412-5551234", "VEN"));
  r.push_back(person("reg-6", "Kevin", "Joseph", "2001-02-02", "", "HTI"));
  return r;
}

TEST(EntityIndex, BatchResolvesTheSamePersonAcrossSources) {
  auto index = EntityIndex::build(smugglers(), testing::nicknames(), small_options());
  ASSERT_TRUE(index.has_value()) << index.error().message();
  auto& ix = **index;
  EXPECT_EQ(ix.entity_of("int-1"), ix.entity_of("tip-2"));
  EXPECT_EQ(ix.entity_of("int-1"), ix.entity_of("int-3"));
  EXPECT_EQ(ix.entity_of("reg-4"), ix.entity_of("reg-5"));
  EXPECT_NE(ix.entity_of("int-1"), ix.entity_of("reg-4"));
  EXPECT_NE(ix.entity_of("reg-6"), ix.entity_of("reg-4"));
  EXPECT_EQ(ix.entity_count(), 3u);
  EXPECT_FALSE(ix.entity_of("nobody").has_value());
  EXPECT_GT(ix.stats().candidate_pairs, 0);
  EXPECT_LT(ix.stats().candidate_pairs, 15);  // not every pair of six records
  // Entity ids follow the order of the records.
  EXPECT_EQ(ix.entity_of("int-1")->value(), 1);
  EXPECT_EQ(ix.records_of(*ix.entity_of("reg-4")), (std::vector<std::string>{"reg-4", "reg-5"}));
}

TEST(EntityIndex, RepeatedOrEmptyIdsAreRefused) {
  auto records = smugglers();
  records.push_back(records[0]);
  auto dup = EntityIndex::build(records, testing::nicknames(), small_options());
  ASSERT_FALSE(dup.has_value());
  EXPECT_NE(dup.error().message().find("int-1"), std::string::npos);
  auto ix = EntityIndex::build(smugglers(), testing::nicknames(), small_options()).value();
  EXPECT_EQ(ix->add(smugglers()[0]).error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(ix->add(PersonRecord{}).error().code(), ErrorCode::kInvalidArgument);
}

TEST(EntityIndex, IncrementalRecordsJoinAndIdsStayStable) {
  auto ix = EntityIndex::build(smugglers(), testing::nicknames(), small_options()).value();
  const EntityId mono = *ix->entity_of("int-1");
  const EntityId ana = *ix->entity_of("reg-4");
  auto added = ix->add(person("tip-7", "José", "Mosquera Palacios", "1984-03-07", "3001234567", "COL"));
  ASSERT_TRUE(added.has_value());
  EXPECT_EQ(added->entity, mono);
  EXPECT_GE(added->probability, 0.9);
  auto fresh = ix->add(person("reg-8", "Wilson", "Cuesta", "1970-01-01", "", "ECU"));
  ASSERT_TRUE(fresh.has_value());
  EXPECT_NE(fresh->entity, mono);
  EXPECT_NE(fresh->entity, ana);
  EXPECT_DOUBLE_EQ(fresh->probability, 1.0);
  // Earlier records keep their entity ids.
  EXPECT_EQ(ix->entity_of("int-1"), mono);
  EXPECT_EQ(ix->entity_of("reg-5"), ana);
  ASSERT_EQ(ix->history().size(), 2u);
  EXPECT_EQ(ix->history()[0].kind, EntityEvent::Kind::kJoined);
  EXPECT_EQ(ix->history()[1].kind, EntityEvent::Kind::kCreated);
}

TEST(EntityIndex, BatchAndIncrementalAgree) {
  auto records = smugglers();
  auto batch = EntityIndex::build(records, testing::nicknames(), small_options()).value();
  auto incremental = EntityIndex::build({}, testing::nicknames(), small_options()).value();
  for (const auto& r : records) ASSERT_TRUE(incremental->add(r).has_value());
  for (const auto& a : records) {
    for (const auto& b : records) {
      EXPECT_EQ(batch->entity_of(a.record_id) == batch->entity_of(b.record_id),
                incremental->entity_of(a.record_id) == incremental->entity_of(b.record_id))
          << a.record_id << " " << b.record_id;
    }
  }
}

TEST(EntityIndex, ExplanationSumsToTheScore) {
  auto ix = EntityIndex::build(smugglers(), testing::nicknames(), small_options()).value();
  auto e = ix->explain_pair("int-1", "int-3");
  ASSERT_TRUE(e.has_value());
  double sum = e->prior_log2_odds;
  for (const auto& f : e->fields) sum += f.total();
  EXPECT_NEAR(sum, e->log2_odds, 1e-9);
  EXPECT_NEAR(e->probability, Model::probability_of(e->log2_odds), 1e-12);
  bool swapped = false, given = false;
  for (const auto& line : e->lines()) {
    swapped = swapped || line.find("date_of_birth: swapped") != std::string::npos;
    given = given || line.find("given_name: partial [jose luis | pepe]") != std::string::npos;
  }
  EXPECT_TRUE(swapped);
  EXPECT_TRUE(given);
  EXPECT_EQ(ix->explain_pair("int-1", "zzz").error().code(), ErrorCode::kNotFound);

  auto entity = ix->explain_entity(*ix->entity_of("int-1"));
  ASSERT_TRUE(entity.has_value());
  EXPECT_EQ(entity->records.size(), 3u);
  EXPECT_EQ(entity->links.size(), 2u);
  EXPECT_FALSE(entity->lines().empty());
}

TEST(EntityIndex, ReviewsSplitMergeAndKeepHistory) {
  auto ix = EntityIndex::build(smugglers(), testing::nicknames(), small_options()).value();
  const EntityId mono = *ix->entity_of("int-1");
  // Split tip-2 out of the entity.
  auto split = ix->apply({.decision = Decision::kSplit, .record_a = "tip-2", .entity = mono,
                          .reason = "different father"});
  ASSERT_TRUE(split.has_value()) << split.error().message();
  ASSERT_FALSE(split->empty());
  EXPECT_EQ((*split)[0].kind, EntityEvent::Kind::kSplit);
  EXPECT_EQ((*split)[0].entity, mono);
  EXPECT_NE(ix->entity_of("tip-2"), mono);
  EXPECT_EQ(ix->entity_of("int-1"), mono);
  EXPECT_NE((*split)[0].reason.find("different father"), std::string::npos);
  // A later record like tip-2 may not pull it back in.
  EXPECT_EQ(ix->apply({.decision = Decision::kSame, .record_a = "tip-2", .record_b = "int-1"})
                .error()
                .code(),
            ErrorCode::kFailedPrecondition);
  // "different" inside one entity splits it.
  auto diff = ix->apply({.decision = Decision::kDifferent, .record_a = "reg-4", .record_b = "reg-5"});
  ASSERT_TRUE(diff.has_value());
  EXPECT_NE(ix->entity_of("reg-4"), ix->entity_of("reg-5"));
  // "same" merges two entities; the older id survives and the other leads to it.
  const EntityId kevin = *ix->entity_of("reg-6");
  const EntityId ana = *ix->entity_of("reg-4");
  auto same = ix->apply({.decision = Decision::kSame, .record_a = "reg-6", .record_b = "reg-4"});
  ASSERT_TRUE(same.has_value());
  ASSERT_EQ(same->size(), 1u);
  EXPECT_EQ((*same)[0].kind, EntityEvent::Kind::kMerged);
  EntityId survivor = std::min(kevin, ana);
  EXPECT_EQ(ix->entity_of("reg-6"), survivor);
  EXPECT_EQ(ix->current(std::max(kevin, ana)), survivor);
  EXPECT_EQ(ix->history().size(), split->size() + diff->size() + 1);
  for (std::size_t i = 0; i < ix->history().size(); ++i) {
    EXPECT_EQ(ix->history()[i].sequence, static_cast<std::int64_t>(i + 1));
  }
  auto labelled = ix->labelled_pairs();
  EXPECT_GE(labelled.size(), 3u);
  EXPECT_EQ(ix->apply({.decision = Decision::kSplit, .record_a = "reg-6", .entity = mono})
                .error()
                .code(),
            ErrorCode::kFailedPrecondition);
}

TEST(EntityIndex, UncertainPairsForReview) {
  auto records = smugglers();
  // The same name and year, nothing else: a pair to look at.
  records.push_back(person("tip-9", "Ana María", "Rodríguez", "1990", "", ""));
  ResolveOptions o = small_options();
  auto ix = EntityIndex::build(records, testing::nicknames(), o).value();
  auto pairs = ix->uncertain_pairs(0.2, 0.999999);
  ASSERT_FALSE(pairs.empty());
  for (const auto& p : pairs) {
    EXPECT_GE(p.probability, 0.2);
    EXPECT_LT(p.probability, 0.999999);
  }
  ASSERT_TRUE(ix->apply({.decision = Decision::kDifferent, .record_a = pairs[0].record_a,
                         .record_b = pairs[0].record_b}).has_value());
  for (const auto& p : ix->uncertain_pairs(0.2, 0.999999)) {
    EXPECT_FALSE(p.record_a == pairs[0].record_a && p.record_b == pairs[0].record_b);
  }
}

TEST(EntityIndex, ModelRoundTripGivesTheSameScores) {
  auto ix = EntityIndex::build(smugglers(), testing::nicknames(), small_options()).value();
  auto model = Model::from_json(ix->model().to_json());
  ASSERT_TRUE(model.has_value());
  auto again = EntityIndex::build(smugglers(), testing::nicknames(), small_options(), *model).value();
  EXPECT_NEAR(again->explain_pair("int-1", "tip-2")->log2_odds,
              ix->explain_pair("int-1", "tip-2")->log2_odds, 1e-9);
}

TEST(EntityIndex, OverSharedPhoneIsReportedAndDoesNotChain) {
  const std::vector<std::string> given = {"Ana", "Luis", "Carmen", "Wilson", "Yeni",
                                          "Kevin", "Rosa", "Jean", "Mohamed", "Daniela"};
  const std::vector<std::string> surnames = {"Mora", "Joseph", "Quispe", "Pierre", "Zambrano", "Chen"};
  std::vector<PersonRecord> boat;
  for (int i = 0; i < 60; ++i) {
    boat.push_back(person("boat-" + std::to_string(i), given[static_cast<std::size_t>(i % 10)],
                          surnames[static_cast<std::size_t>(i / 10)],
                          fmt::format("{}-{:02}-{:02}", 1960 + i, 1 + i % 12, 1 + i % 28),
                          "+57 311 000 0000", "COL"));
  }
  auto ix = EntityIndex::build(boat, testing::nicknames(), small_options()).value();
  ASSERT_FALSE(ix->stats().over_shared.empty());
  EXPECT_EQ(ix->stats().over_shared[0].kind, BlockKind::kPhone);
  EXPECT_EQ(ix->stats().over_shared[0].value, "+573110000000");
  EXPECT_EQ(ix->stats().over_shared[0].count, 60);
  EXPECT_EQ(ix->entity_count(), 60u);
  EXPECT_LT(ix->stats().candidate_pairs, 60 * 59 / 2);
}

}  // namespace
}  // namespace escudo::resolve

namespace escudo::resolve {
namespace {

TEST(EntityIndexProbe, FindsTheEarlierRecordAndChangesNothing) {
  auto ix = EntityIndex::build(smugglers(), testing::nicknames(), small_options()).value();
  const std::size_t records = ix->size();
  const auto pairs = ix->stats().candidate_pairs;
  auto typed = person("", "Ana Maria", "Rodriguez Perez", "1990-11-21", "+584125551234", "VEN");
  auto first = ix->probe(typed, 0.5, 5);
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first[0].record_id == "reg-4" || first[0].record_id == "reg-5") << first[0].record_id;
  EXPECT_EQ(first[0].entity, *ix->entity_of("reg-4"));
  EXPECT_GE(first[0].probability, 0.9);
  EXPECT_NEAR(first[0].explanation.probability, first[0].probability, 1e-9);
  for (std::size_t i = 1; i < first.size(); ++i) EXPECT_LE(first[i].probability, first[i - 1].probability);
  // Nothing joined: same size, same figures, and the same answer again.
  EXPECT_EQ(ix->size(), records);
  EXPECT_EQ(ix->stats().candidate_pairs, pairs);
  auto second = ix->probe(typed, 0.5, 5);
  ASSERT_EQ(second.size(), first.size());
  EXPECT_DOUBLE_EQ(second[0].probability, first[0].probability);
  // A stranger matches no one, and the limit holds.
  EXPECT_TRUE(ix->probe(person("", "Wilson", "Cuesta", "1970-01-01", "", "ECU"), 0.5, 5).empty());
  EXPECT_LE(ix->probe(typed, 0.0, 1).size(), 1u);
}

}  // namespace
}  // namespace escudo::resolve

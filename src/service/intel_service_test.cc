#include "service/intel_service.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "base/input_stream.h"
#include "service/test_support.h"
#include "sim/network.h"

namespace escudo::service {
namespace {

using model::Role;

class IntelServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  void SetUp() override {
    add_user("ana", {Role::kAnalyst});
    add_user("reg", {Role::kRegistrar});
    add_user("rew", {Role::kRewardsCommittee});
    analyst_ = login("ana");
    registrar_ = login("reg");
    rewards_ = login("rew");
  }
  Principal login(const std::string& name) {
    return services().access().login({name, "a long enough password", {}, "x"}).value().principal;
  }
  IntelService& intel() { return services().intel(); }
  Actor analyst() { return Actor::of(analyst_); }
  std::int64_t audits(std::string_view action) {
    return services().pool().acquire()->query_int(
        "SELECT COUNT(*) FROM audit_log WHERE action = $1", {action}).value().value_or(0);
  }
  std::int64_t count(std::string_view table) {
    return services().pool().acquire()->query_int(fmt::format("SELECT COUNT(*) FROM {}", table))
        .value().value_or(0);
  }
  std::int64_t add(const std::string& kind, const std::string& label) {
    return intel().add_entity(analyst(), {.kind = kind, .label = label}).value();
  }
  std::int64_t link(const std::string& type, std::int64_t a, std::int64_t b, std::int64_t count = 1) {
    return intel().add_link(analyst(), {.type = type, .source_id = a, .target_id = b,
                                        .source_record = "report 2024/113", .date_from = "2024-03-02",
                                        .count = count, .confidence = 0.9}).value();
  }
  IntelImportReport import(IntelImportKind kind, std::string csv, std::string name) {
    return intel().import_csv(analyst(), kind, make_string_stream(std::move(csv), std::move(name))).value();
  }
  Principal analyst_, registrar_, rewards_;
};

TEST_F(IntelServiceTest, LinksKeepTheirProvenanceAndChangesAreAudited) {
  std::int64_t ana = add("person", "Ana Mosquera");
  std::int64_t phone = add("phone", "+57 300 123 4567");
  EXPECT_EQ(add("phone", "+573001234567"), phone) << "the same number is the same phone";
  std::int64_t id = link("uses", ana, phone);
  auto detail = intel().entity(analyst(), phone).value();
  ASSERT_EQ(detail.links.size(), 1u);
  EXPECT_EQ(detail.links[0].row.id, id);
  EXPECT_EQ(detail.links[0].row.source_record, "report 2024/113");
  EXPECT_EQ(detail.links[0].row.date_from, "2024-03-02");
  EXPECT_DOUBLE_EQ(detail.links[0].row.confidence, 0.9);
  EXPECT_EQ(detail.links[0].row.entered_by, "ana");
  EXPECT_EQ(detail.links[0].source_label, "Ana Mosquera");
  EXPECT_EQ(audits("intel.entity.add"), 3);
  EXPECT_EQ(audits("intel.link.add"), 1);
  EXPECT_EQ(audits("intel.entity.read"), 1) << "the evidence showed a name";

  auto bad = intel().add_link(analyst(), {.type = "knows", .source_id = ana, .target_id = phone, .source_record = "x"});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);
  auto unsourced = intel().add_link(analyst(), {.type = "uses", .source_id = ana, .target_id = phone});
  EXPECT_EQ(unsourced.error().code(), ErrorCode::kInvalidArgument);
  auto missing = intel().add_link(analyst(), {.type = "uses", .source_id = ana, .target_id = 999, .source_record = "x"});
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
}

TEST_F(IntelServiceTest, WithoutPermissionNothingIsShownAndNamesNeedIdentity) {
  std::int64_t ana = add("person", "Ana Mosquera");
  std::int64_t phone = add("phone", "+573001234567");
  link("uses", ana, phone);
  Actor registrar = Actor::of(registrar_);
  EXPECT_EQ(intel().entity(registrar, ana).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(intel().find_entities(registrar, "", "", 10).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(intel().neighbourhood(registrar, ana, {}, 0).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(intel().key_players(registrar, 10).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(intel().export_graph(registrar, ExportFormat::kCsv).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(intel().add_entity(Actor::of(rewards_), {.kind = "phone", .label = "+573009999999"}).error().code(),
            ErrorCode::kPermissionDenied);

  // The rewards committee reads the graph, but not who the people are.
  auto seen = intel().neighbourhood(Actor::of(rewards_), phone, {}, 0).value();
  ASSERT_EQ(seen.nodes.size(), 2u);
  EXPECT_EQ(seen.nodes[1].label, fmt::format("person {}", ana));
  auto csv = intel().export_graph(Actor::of(rewards_), ExportFormat::kCsv).value();
  EXPECT_EQ(csv.find("Mosquera"), std::string::npos);
  EXPECT_EQ(intel().find_entities(Actor::of(rewards_), "person", "Mosq", 10).error().code(),
            ErrorCode::kPermissionDenied);
  auto named = intel().find_entities(analyst(), "person", "mosq", 10).value();
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].row.label, "Ana Mosquera");
}

TEST_F(IntelServiceTest, AnImportWithABadRowStoresNothingAndSaysWhere) {
  auto report = import(IntelImportKind::kCalls,
                       "caller_phone,callee_phone,time,duration_s\n"
                       "+573001112222,+573003334444,2024-01-02T10:00:00Z,60\n"
                       "+573001112222,not a phone,2024-01-02T11:00:00Z,30\n"
                       "+573001112222,+573003334444,2024-13-02T11:00:00Z,30\n",
                       "calls.csv");
  EXPECT_FALSE(report.stored);
  ASSERT_EQ(report.error_count, 2);
  EXPECT_EQ(report.errors[0].line, 3);
  EXPECT_EQ(report.errors[0].column, 15);
  EXPECT_EQ(report.errors[0].field, "callee_phone");
  EXPECT_EQ(report.errors[1].line, 4);
  EXPECT_EQ(report.errors[1].field, "time");
  EXPECT_EQ(count("intel_entities"), 0);
  EXPECT_EQ(count("intel_links"), 0);

  auto good = import(IntelImportKind::kCalls,
                     "caller_phone,callee_phone,time,duration_s\n"
                     "+573001112222,+573003334444,2024-01-02T10:00:00Z,60\n"
                     "+573003334444,+573001112222,2024-01-03T10:00:00Z,20\n",
                     "/tmp/in/calls.csv");
  EXPECT_TRUE(good.stored);
  EXPECT_EQ(good.links, 2);
  EXPECT_EQ(count("intel_entities"), 2);
  EXPECT_EQ(audits("intel.import"), 1);
  auto phones = intel().find_entities(analyst(), "phone", "", 10).value();
  auto detail = intel().entity(analyst(), phones[0].row.id).value();
  ASSERT_EQ(detail.links.size(), 2u);
  EXPECT_EQ(detail.links[0].row.source_record, "calls.csv:3");

  auto header = import(IntelImportKind::kTransfers, "from,to,amount\n1,2,3\n", "t.csv");
  EXPECT_FALSE(header.stored);
  EXPECT_EQ(header.errors[0].line, 1);
}

TEST_F(IntelServiceTest, TheSamePersonNamedInTwoInterviewsIsOneEntity) {
  auto report = import(IntelImportKind::kMentions,
                       "interview_id,name,role_words,place,date,phone\n"
                       "I-1,José Luis Mosquera Palacios,el guía,Bajo Chiquito,2024-02-01,+573001234567\n"
                       "I-1,Kevin Joseph,cobrador,Necoclí,2024-02-01,\n"
                       "I-2,Jose Luis Mosquera Palacios,guía,Bajo Chiquito,2024-02-09,+57 300 123 4567\n",
                       "mentions.csv");
  ASSERT_TRUE(report.stored) << (report.errors.empty() ? "" : report.errors[0].message);
  auto people = intel().find_entities(analyst(), "person", "", 10).value();
  ASSERT_EQ(people.size(), 2u) << "José Luis is one entity, Kevin another";
  auto places = intel().find_entities(analyst(), "place", "", 10).value();
  EXPECT_EQ(places.size(), 2u);
  auto jose = std::ranges::find_if(people, [](const auto& p) { return p.row.label.starts_with("Jos"); });
  ASSERT_NE(jose, people.end());
  ASSERT_TRUE(jose->row.person_entity_id.has_value());
  auto detail = intel().entity(analyst(), jose->row.id).value();
  EXPECT_EQ(detail.link_count, 4) << "two places and two phone uses, one per interview";
  // The records are in entity resolution, under one entity.
  auto a = services().resolve().add_source_records(analyst(), {{"mention:I-1:1", "José Luis Mosquera Palacios", "+573001234567"}}).value();
  EXPECT_EQ(a[0], *jose->row.person_entity_id);
}

TEST_F(IntelServiceTest, PeopleAtTheSameMeetingAreLinkedWithTheMeetingAsEvidence) {
  auto report = import(IntelImportKind::kMeetings,
                       "person,meeting,date\n"
                       "Kevin Joseph,Finca La Esperanza,2024-05-03\n"
                       "Wilmer Quiñones,Finca La Esperanza,2024-05-03\n"
                       "Luz Dary Palacios,Finca La Esperanza,2024-05-03\n"
                       "Kevin Joseph,Muelle de Necoclí,2024-06-11\n"
                       "Edwin Rentería,Muelle de Necoclí,2024-06-11\n",
                       "meetings.csv");
  ASSERT_TRUE(report.stored) << (report.errors.empty() ? "" : report.errors[0].message);
  auto people = intel().find_entities(analyst(), "person", "", 10).value();
  ASSERT_EQ(people.size(), 4u) << "Kevin Joseph, named at both meetings of one list, is one person";
  auto kevin = std::ranges::find_if(people, [](const auto& p) { return p.row.label == "Kevin Joseph"; });
  ASSERT_NE(kevin, people.end());
  auto detail = intel().entity(analyst(), kevin->row.id).value();
  EXPECT_EQ(detail.link_count, 3) << "met Wilmer and Luz Dary at the farm, Edwin at the pier";
  for (const auto& l : detail.links) {
    EXPECT_EQ(l.row.type, "met");
    EXPECT_TRUE(l.row.source_record.starts_with("meetings.csv:")) << l.row.source_record;
  }
  EXPECT_EQ(count("intel_links"), 4) << "three pairs at the farm, one at the pier";
  // A bad row stores nothing and says where.
  auto bad = intel().import_csv(analyst(), IntelImportKind::kMeetings,
                                make_string_stream("person,meeting,date\nAna,Finca,2024-13-01\n", "more.csv")).value();
  EXPECT_FALSE(bad.stored);
  ASSERT_FALSE(bad.errors.empty());
  EXPECT_EQ(bad.errors[0].line, 2);
  EXPECT_EQ(count("intel_links"), 4);
}

TEST_F(IntelServiceTest, NeighbourhoodPathsFlowsAndExportGoThroughTheEngine) {
  std::int64_t a = add("person", "Ana"), b = add("person", "Beto"), c = add("person", "Carla");
  std::int64_t e = add("person", "Eva");
  std::int64_t acc_a = add("account", "CO11 0001"), acc_c = add("account", "CO11 0003");
  link("met", a, b, 3);
  link("met", b, e);
  link("met", b, c);
  link("owns", a, acc_a);
  link("owns", c, acc_c);
  intel().add_link(analyst(), {.type = "paid", .source_id = acc_a, .target_id = acc_c,
                               .source_record = "transfers.csv:2", .date_from = "2024-05-01",
                               .amount_cents = 35000, .currency = "USD"}).value();
  auto around = intel().neighbourhood(analyst(), b, {}, 0).value();
  ASSERT_EQ(around.nodes.size(), 4u);
  EXPECT_EQ(around.nodes[0].entity_id, b);
  ASSERT_EQ(around.edges.size(), 3u);
  auto met = intel().neighbourhood(analyst(), a, {.types = {"met"}}, 0).value();
  EXPECT_EQ(met.nodes.size(), 2u) << "only the meeting with Beto";
  auto early = intel().neighbourhood(analyst(), a, {.to = "2024-04-01"}, 0).value();
  EXPECT_EQ(early.nodes.size(), 3u) << "the payment of May is left out";

  auto paths = intel().paths(analyst(), a, c, 2, {.types = {"met"}}).value();
  ASSERT_EQ(paths.size(), 1u);
  ASSERT_EQ(paths[0].nodes.size(), 3u);
  EXPECT_EQ(paths[0].nodes[1].entity_id, b);

  auto flows = intel().flows(analyst(), c, "USD").value();
  EXPECT_EQ(flows.amount_in_cents, 35000);
  ASSERT_EQ(flows.top_senders.size(), 1u);
  EXPECT_EQ(flows.top_senders[0].node.entity_id, a) << "Ana's account counts as Ana";

  auto analysis = intel().analysis(analyst(), {.measure = "betweenness", .limit = 1}).value();
  ASSERT_EQ(analysis.nodes.size(), 1u);
  EXPECT_EQ(analysis.nodes[0].node.entity_id, b);
  auto disrupt = intel().disrupt(analyst(), "betweenness", 1).value();
  ASSERT_EQ(disrupt.steps.size(), 1u);
  EXPECT_EQ(disrupt.steps[0].removed.entity_id, b);

  auto graphml = intel().export_graph(analyst(), ExportFormat::kGraphml).value();
  EXPECT_NE(graphml.find("<graphml"), std::string::npos);
  EXPECT_NE(graphml.find("transfers.csv:2"), std::string::npos);
  auto gexf = intel().export_graph(analyst(), ExportFormat::kGexf).value();
  EXPECT_NE(gexf.find("<gexf"), std::string::npos);
  EXPECT_EQ(audits("intel.export"), 2);

  // A change is seen at once (the loaded graph is dropped).
  std::int64_t d = add("person", "Dario");
  link("met", b, d);
  EXPECT_EQ(intel().neighbourhood(analyst(), b, {}, 0).value().nodes.size(), 5u);
}

TEST_F(IntelServiceTest, KeyPlayersOfASimulatedNetworkPutItsLeadersNearTheTop) {
  auto net = sim::simulate_network({.seed = 7}).value();
  ASSERT_TRUE(import(IntelImportKind::kCalls, sim::calls_csv(net), "calls.csv").stored);
  ASSERT_TRUE(import(IntelImportKind::kTransfers, sim::transfers_csv(net), "transfers.csv").stored);
  // What an analyst knows from subscriber and bank records: the members' phones and accounts.
  std::vector<std::int64_t> leaders;
  std::ptrdiff_t command = 0;  // leaders and coordinators: the organisation's command
  for (const auto& p : net.people) {
    if (p.role == sim::NetworkRole::kMigrant || p.role == sim::NetworkRole::kOutsider) continue;
    std::int64_t person = add("person", p.name);
    if (p.role == sim::NetworkRole::kRegionalLeader) leaders.push_back(person);
    if (p.role == sim::NetworkRole::kRegionalLeader || p.role == sim::NetworkRole::kCoordinator) ++command;
    for (const auto& phone : p.phones) {
      std::int64_t id = add("phone", phone);
      intel().add_link(analyst(), {.type = "uses", .source_id = person, .target_id = id,
                                   .source_record = "subscriber records"}).value();
    }
    for (const auto& account : p.accounts) {
      std::int64_t id = add("account", account);
      intel().add_link(analyst(), {.type = "owns", .source_id = person, .target_id = id,
                                   .source_record = "bank records"}).value();
    }
  }
  auto ranking = intel().key_players(analyst(), 1000).value();
  std::vector<std::int64_t> people;
  for (const auto& k : ranking) {
    if (k.node.kind == "person") people.push_back(k.node.entity_id);
  }
  // Each leader ranks among as many people as the command has, out of every member; most
  // rank in the top ten.
  int in_top_ten = 0;
  for (std::int64_t leader : leaders) {
    auto rank = std::ranges::find(people, leader) - people.begin();
    EXPECT_LT(rank, command) << "leader " << leader << " is person number " << rank + 1 << " of " << people.size();
    if (rank < 10) ++in_top_ten;
  }
  EXPECT_GE(in_top_ten * 3, static_cast<int>(leaders.size()) * 2);
  EXPECT_GT(people.size(), 5 * static_cast<std::size_t>(command)) << "the ranking is over every member";
  ASSERT_FALSE(ranking.empty());
  EXPECT_FALSE(ranking[0].reasons.empty());
  EXPECT_GT(ranking[0].links, 0);
}

}  // namespace
}  // namespace escudo::service

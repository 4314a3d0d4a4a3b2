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

// The network of the first months of 2024 against June: Ana and Beto met in January only,
// Beto and Carla in both, Carla and Dario in June only; Dario and Eva met in 2023 (outside both
// periods) and Eva and Fito on a day no one wrote down (in no period).
class IntelSlicesTest : public IntelServiceTest {
 protected:
  void SetUp() override {
    IntelServiceTest::SetUp();
    ana_ = add("person", "Ana"), beto_ = add("person", "Beto"), carla_ = add("person", "Carla");
    dario_ = add("person", "Dario"), eva_ = add("person", "Eva"), fito_ = add("person", "Fito");
    met(ana_, beto_, "2024-01-10");
    met(beto_, carla_, "2024-01-15");
    met(beto_, carla_, "2024-06-10");
    met(carla_, dario_, "2024-06-20");
    met(dario_, eva_, "2023-01-01");
    met(eva_, fito_, std::nullopt);
  }
  void met(std::int64_t a, std::int64_t b, std::optional<std::string> day) {
    ASSERT_TRUE(intel().add_link(analyst(), {.type = "met", .source_id = a, .target_id = b,
                                             .source_record = "interview 12", .date_from = day}));
  }
  static SliceQuery periods() {
    return {.from1 = "2024-01-01", .to1 = "2024-03-31", .from2 = "2024-06-01", .to2 = "2024-06-30"};
  }
  static const SliceNodeView* node(const SliceView& v, std::int64_t id) {
    for (const auto& n : v.nodes) {
      if (n.node.entity_id == id) return &n;
    }
    return nullptr;
  }
  static std::string edge(const SliceView& v, std::int64_t a, std::int64_t b) {
    for (const auto& e : v.edges) {
      if (e.source == std::min(a, b) && e.target == std::max(a, b)) return e.status;
    }
    return "";
  }
  std::int64_t ana_ = 0, beto_ = 0, carla_ = 0, dario_ = 0, eva_ = 0, fito_ = 0;
};

TEST_F(IntelSlicesTest, LinksAndEntitiesAreNewGoneOrKeptBetweenTwoPeriods) {
  auto v = intel().compare_periods(analyst(), periods()).value();
  EXPECT_EQ(edge(v, ana_, beto_), "gone");
  EXPECT_EQ(edge(v, beto_, carla_), "kept");
  EXPECT_EQ(edge(v, carla_, dario_), "new");
  EXPECT_EQ(edge(v, dario_, eva_), "") << "met in 2023: in neither period";
  EXPECT_EQ(edge(v, eva_, fito_), "") << "undated: in no period";
  EXPECT_EQ(v.edges.size(), 3u);
  EXPECT_EQ(v.edges_before, 2);
  EXPECT_EQ(v.edges_after, 2);
  EXPECT_EQ(v.edges_new, 1);
  EXPECT_EQ(v.edges_gone, 1);
  EXPECT_EQ(v.edges_kept, 1);
  EXPECT_EQ(v.nodes_new, 1);
  EXPECT_EQ(v.nodes_gone, 1);
  EXPECT_EQ(v.nodes_kept, 2);
  ASSERT_NE(node(v, ana_), nullptr);
  EXPECT_EQ(node(v, ana_)->status, "gone");
  EXPECT_EQ(node(v, dario_)->status, "new");
  EXPECT_EQ(node(v, eva_), nullptr);
  EXPECT_EQ(node(v, fito_), nullptr);
  const auto* beto = node(v, beto_);
  ASSERT_NE(beto, nullptr);
  EXPECT_EQ(beto->status, "kept");
  EXPECT_EQ(beto->degree_before, 2);
  EXPECT_EQ(beto->degree_after, 1);
  EXPECT_GT(beto->betweenness_before, 0) << "the broker between Ana and Carla in January";
  EXPECT_EQ(beto->betweenness_after, 0);
  EXPECT_GT(node(v, carla_)->betweenness_after, 0) << "the broker between Beto and Dario in June";
  EXPECT_EQ(audits("intel.slices.read"), 1);

  // Asked by id: only these, and the links among them; one in neither period says so.
  auto some = periods();
  some.entities = {beto_, carla_, eva_};
  auto asked = intel().compare_periods(analyst(), some).value();
  ASSERT_EQ(asked.nodes.size(), 3u);
  EXPECT_EQ(asked.nodes[2].status, "absent");
  ASSERT_EQ(asked.edges.size(), 1u);
  EXPECT_EQ(edge(asked, beto_, carla_), "kept");

  // A period filter of the neighbourhood keeps the links active in it.
  auto june = intel().neighbourhood(analyst(), carla_, {.from = "2024-06-01", .to = "2024-06-30"}, 0).value();
  EXPECT_EQ(june.nodes.size(), 3u) << "Carla, Beto and Dario";
  auto y2023 = intel().neighbourhood(analyst(), eva_, {.from = "2023-01-01", .to = "2023-12-31"}, 0).value();
  EXPECT_EQ(y2023.nodes.size(), 2u) << "Eva and Dario; not the undated meeting with Fito";
}

TEST_F(IntelSlicesTest, BadPeriodsAreRefusedNamingTheField) {
  auto missing = periods();
  missing.from1.reset();
  auto e = intel().compare_periods(analyst(), missing).error();
  EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(e.message().find("from1 is required"), std::string::npos) << e.message();
  auto malformed = periods();
  malformed.to2 = "2024-06-31";
  e = intel().compare_periods(analyst(), malformed).error();
  EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(e.message().find("to2: '2024-06-31' is not a date"), std::string::npos) << e.message();
  auto reversed = periods();
  reversed.to1 = "2023-12-31";
  e = intel().compare_periods(analyst(), reversed).error();
  EXPECT_NE(e.message().find("to1: 2023-12-31 is before from1"), std::string::npos) << e.message();
  auto type = periods();
  type.types = {"waved"};
  EXPECT_EQ(intel().compare_periods(analyst(), type).error().code(), ErrorCode::kInvalidArgument);
  auto unknown = periods();
  unknown.entities = {999999};
  EXPECT_EQ(intel().compare_periods(analyst(), unknown).error().code(), ErrorCode::kNotFound);
}

TEST_F(IntelSlicesTest, PeriodsNeedIntelReadAndNamesNeedIdentity) {
  EXPECT_EQ(intel().compare_periods(Actor::of(registrar_), periods()).error().code(),
            ErrorCode::kPermissionDenied);
  auto masked = intel().compare_periods(Actor::of(rewards_), periods()).value();
  for (const auto& n : masked.nodes) {
    EXPECT_EQ(n.node.label, fmt::format("person {}", n.node.entity_id));
  }
  EXPECT_FALSE(masked.nodes.empty());
  EXPECT_EQ(audits("intel.slices.read"), 0) << "no name was shown";
}

TEST_F(IntelServiceTest, KeyPlayerReasonsCountInTheSingularAndPlural) {
  std::int64_t a = add("person", "Ana"), b = add("person", "Beto"), c = add("person", "Carla");
  link("met", a, b);
  intel().add_link(analyst(), {.type = "met", .source_id = b, .target_id = c,
                               .source_record = "interview 9", .date_from = "2024-03-05"}).value();
  auto ana = intel().key_player(analyst(), a).value();
  ASSERT_TRUE(ana.has_value());
  ASSERT_EQ(ana->reason_codes.size(), ana->reasons.size());
  auto evidence = std::ranges::find(ana->reason_codes, "evidence") - ana->reason_codes.begin();
  ASSERT_LT(static_cast<std::size_t>(evidence), ana->reasons.size());
  EXPECT_EQ(ana->reasons[evidence].rfind("1 link from 1 source, mean confidence 0.90", 0), 0u)
      << ana->reasons[evidence];
  auto beto = intel().key_player(analyst(), b).value();
  ASSERT_TRUE(beto.has_value());
  EXPECT_EQ(beto->rank, 1);
  evidence = std::ranges::find(beto->reason_codes, "evidence") - beto->reason_codes.begin();
  EXPECT_EQ(beto->reasons[evidence].rfind("2 links from 2 sources", 0), 0u) << beto->reasons[evidence];
  EXPECT_EQ(intel().key_player(analyst(), 999999).error().code(), ErrorCode::kNotFound);
  std::int64_t alone = add("person", "Solo");
  EXPECT_FALSE(intel().key_player(analyst(), alone).value().has_value());
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

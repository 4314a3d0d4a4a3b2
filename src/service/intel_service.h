// The intelligence graph as users meet it: entities (people, organisations, phones, accounts,
// vessels, vehicles, places, documents) and typed links with their provenance; imports of call
// records, money transfers, interview mentions and meeting lists; and network analysis through
// the graph engine (src/graph): neighbourhoods, measures, communities, paths, money flows,
// disruption and a ranking of key players with the reasons behind it.
//
//   auto id = services.intel().add_entity(actor, {.kind = "phone", .label = "+573001234567"});
//   auto around = services.intel().neighbourhood(actor, *id, {});
//   auto ranking = services.intel().key_players(actor, 20);
//
// Access: intel.read for everything read here; a person's label (a name) is identity data and
// is shown only with intel.identity (others see "person <id>"), and every read that shows names
// is audited; intel.write to add and import. The command line (an Actor without a principal)
// may do everything.
//
// The stored graph is loaded once into the engine's arrays and kept until something changes
// it; analyses of the whole graph are cached with it. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/input_stream.h"
#include "service/principal.h"
#include "service/resolve_service.h"
#include "service/transit_csv.h"
#include "store/intel_repo.h"
#include "store/pool.h"

namespace escudo::service {

// "person", "organisation", … and "called", "paid", …: the words the store and the API use.
const std::vector<std::string>& intel_entity_kinds();
const std::vector<std::string>& intel_link_types();

struct NewIntelEntity {
  std::string kind;
  std::string label;
  std::optional<std::int64_t> person_entity_id;  // a resolved person (persons only)
};

struct NewIntelLink {
  std::string type;
  std::int64_t source_id = 0;
  std::int64_t target_id = 0;
  std::string source_record;               // where it was learnt; required
  std::optional<std::string> date_from;    // YYYY-MM-DD
  std::optional<std::string> date_to;      // YYYY-MM-DD, not before date_from
  std::int64_t count = 1;
  std::optional<std::int64_t> amount_cents;
  std::optional<std::string> currency;     // ISO 4217, with an amount
  double confidence = 1;
  std::string note;
};

struct IntelEntityView {
  store::IntelEntityRow row;  // label already masked when the reader may not see it
  bool label_hidden = false;
};

struct IntelLinkView {
  store::IntelLinkRow row;
  std::string source_label;
  std::string target_label;
  std::string source_kind;
  std::string target_kind;
};

struct IntelEntityDetail {
  IntelEntityView entity;
  std::vector<IntelLinkView> links;  // the evidence, newest first
  std::int64_t link_count = 0;       // all of them (links holds at most 500)
};

// Which links a view uses: types (all when empty) and a period (days overlapping it).
struct LinkFilter {
  std::set<std::string> types;
  std::optional<std::string> from;  // YYYY-MM-DD
  std::optional<std::string> to;
};

struct GraphNodeView {
  std::int64_t entity_id = 0;
  std::string kind;
  std::string label;
  std::int64_t degree = 0;  // neighbours over every link
};

struct GraphEdgeView {
  std::int64_t source = 0;  // entity ids, source < target
  std::int64_t target = 0;
  std::vector<std::string> types;
  std::int64_t links = 0;   // stored links joining the two
  std::int64_t count = 0;   // calls, meetings…: the links' counts summed
  std::int64_t amount_cents = 0;
  std::string first;        // earliest and latest dates, empty when unknown
  std::string last;
};

struct NeighbourhoodView {
  std::vector<GraphNodeView> nodes;  // the centre first
  std::vector<GraphEdgeView> edges;
  std::int64_t neighbours_total = 0;
};

struct NodeMeasures {
  GraphNodeView node;
  double betweenness = 0;
  double pagerank = 0;
  double strength = 0;  // links weighed by count and confidence
  std::uint32_t community = 0;
};

struct AnalysisView {
  std::vector<NodeMeasures> nodes;  // by the measure asked, largest first
  std::uint32_t communities = 0;
  double modularity = 0;
  std::int64_t node_count = 0;
  std::int64_t edge_count = 0;
};

struct AnalysisQuery {
  std::string measure = "pagerank";  // pagerank | betweenness | degree | strength
  std::size_t limit = 100;
  std::vector<std::int64_t> entities;  // when set: these entities only, in this order
};

struct PathView {
  std::vector<GraphNodeView> nodes;
  std::vector<GraphEdgeView> edges;
  double length = 0;
};

struct Counterparty {
  GraphNodeView node;
  std::int64_t amount_cents = 0;
};

struct FlowView {
  GraphNodeView node;
  std::string currency;
  std::int64_t amount_in_cents = 0;
  std::int64_t amount_out_cents = 0;
  std::int64_t senders = 0;
  std::int64_t receivers = 0;
  std::vector<Counterparty> top_senders;
  std::vector<Counterparty> top_receivers;
  std::vector<std::int64_t> accounts;  // a person's accounts whose transfers count as theirs
};

struct DisruptStepView {
  GraphNodeView removed;
  double score = 0;
  std::int64_t largest_group = 0;
  std::int64_t groups = 0;
};

struct DisruptView {
  std::string measure;
  std::int64_t initial_largest_group = 0;
  std::vector<DisruptStepView> steps;
};

// A ranking entry: the measures, the evidence behind the entity's links, the reasons in
// words, and the rewards tiers it may fit. Tiers are suggestions for the rewards committee,
// never a decision.
struct KeyPlayer {
  GraphNodeView node;
  double score = 0;  // 0 … 1
  double betweenness = 0;
  double pagerank = 0;
  std::int64_t links = 0;           // stored links (evidence rows)
  std::int64_t source_records = 0;  // distinct source records behind them
  double mean_confidence = 0;
  std::vector<std::string> events;  // "arrest 2024-03-02 (PNP, PAN)"
  std::vector<std::string> reasons;
  // One per reason, for a page that words them in its own language: betweenness, pagerank,
  // ties, evidence, identifiers, tier_key_leader, tier_finances, tier_regional_leader_death.
  std::vector<std::string> reason_codes;
  std::int64_t rank = 0;  // 1 for the first
  std::vector<std::string> suggested_tiers;  // key_leader | finances | regional_leader_death
  std::vector<std::int64_t> identifiers;     // phones, accounts… attributed to it
};

// Two periods to compare: the links active in each (a link is active on the days from its
// date_from to its date_to; a link without a date is in no period), of the types kept (all
// when empty). Every date is YYYY-MM-DD and required.
struct SliceQuery {
  std::optional<std::string> from1, to1, from2, to2;
  std::set<std::string> types;
  // When set: these entities only (the drawing on the page) and the links among them.
  std::vector<std::int64_t> entities;
  std::size_t limit = 200;  // at most this many entities and this many links
};

// new: in the second period only; gone: in the first only; kept: in both; absent: in neither
// (only for an entity asked for by id).
struct SliceNodeView {
  GraphNodeView node;
  std::string status;
  std::int64_t degree_before = 0, degree_after = 0;  // neighbours in each period
  double betweenness_before = 0, betweenness_after = 0;
};

struct SliceEdgeView {
  std::int64_t source = 0;  // entity ids, source < target
  std::int64_t target = 0;
  std::string status;       // new | gone | kept
};

struct SliceView {
  std::string from1, to1, from2, to2;
  std::int64_t nodes_before = 0, nodes_after = 0, edges_before = 0, edges_after = 0;
  std::int64_t nodes_new = 0, nodes_gone = 0, nodes_kept = 0;
  std::int64_t edges_new = 0, edges_gone = 0, edges_kept = 0;
  // Largest change in betweenness first, then in degree.
  std::vector<SliceNodeView> nodes;
  std::vector<SliceEdgeView> edges;  // new, then gone, then kept
  bool truncated = false;            // more than `limit` entities or links
};

enum class IntelImportKind { kCalls, kTransfers, kMentions, kMeetings };
// "calls", "transfers", "mentions", "meetings"; kInvalidArgument naming them otherwise.
Result<IntelImportKind> parse_intel_import_kind(std::string_view word);
std::string_view intel_import_kind_name(IntelImportKind kind);

struct IntelImportReport {
  bool stored = false;  // false: nothing stored, see errors
  std::string kind;
  std::string file;
  std::int64_t rows = 0;
  std::int64_t links = 0;
  std::int64_t entities = 0;  // distinct entities the file names
  std::int64_t import_id = 0;
  std::vector<RowError> errors;
  std::int64_t error_count = 0;
};

enum class ExportFormat { kCsv, kGraphml, kGexf };
Result<ExportFormat> parse_export_format(std::string_view word);

class IntelService {
 public:
  IntelService(store::DatabasePool& pool, const Clock& clock, ResolveService& resolve);
  ~IntelService();

  // intel.write. kInvalidArgument for an unknown kind or an empty or over-long label. A phone,
  // account or place with the label of one already stored is that one (its id is returned).
  Result<std::int64_t> add_entity(const Actor& actor, const NewIntelEntity& entity);
  // intel.write. kInvalidArgument for an unknown type, a missing source record, a confidence
  // outside 0…1, bad dates; kNotFound for an entity that does not exist.
  Result<std::int64_t> add_link(const Actor& actor, const NewIntelLink& link);

  // intel.read. Entities of a kind (any when empty) whose label holds `text` (a name search
  // needs intel.identity), at most `limit` (1…500).
  Result<std::vector<IntelEntityView>> find_entities(const Actor& actor, std::string_view kind,
                                                     std::string_view text, std::int64_t limit);
  // intel.read; kNotFound. Audited when it shows a name.
  Result<IntelEntityDetail> entity(const Actor& actor, std::int64_t id);

  // intel.read. The entity, its neighbours (at most `max_neighbours`, the strongest ties
  // first) and the links among them, through the links the filter keeps.
  Result<NeighbourhoodView> neighbourhood(const Actor& actor, std::int64_t entity_id,
                                          const LinkFilter& filter, std::size_t max_neighbours);
  // intel.read. Degree, betweenness, PageRank, strength and Leiden communities (seed 1) of the
  // whole graph, links weighed by count × confidence.
  Result<AnalysisView> analysis(const Actor& actor, const AnalysisQuery& query);
  // intel.read. Up to k shortest paths (hops) between two entities over the filtered links.
  Result<std::vector<PathView>> paths(const Actor& actor, std::int64_t from, std::int64_t to,
                                      std::size_t k, const LinkFilter& filter);
  // intel.read. Money in and out of an account, or of a person or organisation together with
  // the accounts it owns or uses, in one currency.
  Result<FlowView> flows(const Actor& actor, std::int64_t entity_id, std::string_view currency);
  // intel.read. Removes the top entity by the measure, `steps` times, on the graph of people
  // (phones and accounts counted as their owner's), reporting the largest group left.
  Result<DisruptView> disrupt(const Actor& actor, std::string_view measure, int steps);
  // intel.read. The ranking (best first, at most `limit`) on the graph of people.
  Result<std::vector<KeyPlayer>> key_players(const Actor& actor, std::size_t limit);
  // intel.read. The entry of one entity (of its owner, for a phone or account it is attributed
  // to), ranked among all; nullopt when it has no tie among people. kNotFound.
  Result<std::optional<KeyPlayer>> key_player(const Actor& actor, std::int64_t entity_id);
  // intel.read. The network of the first period against the second: the entities and links
  // that appear, disappear or stay, and how degree and betweenness change. kInvalidArgument
  // naming the field for a missing or malformed date, or a period that ends before it starts;
  // kNotFound for an unknown entity. Audited when it shows names.
  Result<SliceView> compare_periods(const Actor& actor, const SliceQuery& query);
  // intel.read. The whole graph as CSV (one link a row), GraphML or GEXF. Audited.
  Result<std::string> export_graph(const Actor& actor, ExportFormat format);

  // intel.write. Reads the whole file; any bad row: nothing is stored and every bad row is
  // reported. People named in mentions and meeting lists are resolved to entities
  // (ResolveService) first.
  Result<IntelImportReport> import_csv(const Actor& actor, IntelImportKind kind,
                                       std::unique_ptr<InputStream> input);

  // Drops the loaded graph (after a change made elsewhere, such as a case event).
  void invalidate();

  // The loaded graph and its analyses (service/internal/intel_snapshot.h).
  struct Snapshot;
  struct Analysis;

 private:
  Result<std::shared_ptr<const Snapshot>> snapshot();
  Result<std::shared_ptr<const Analysis>> whole_analysis(const std::shared_ptr<const Snapshot>& s);
  GraphNodeView node_view(const Snapshot& s, std::uint32_t node, bool show_names) const;
  // The ranking, best first: the first `limit`, or only the entry of node `only`.
  Result<std::vector<KeyPlayer>> rank_players(const Actor& actor, std::size_t limit,
                                              std::optional<std::int64_t> only);
  Status audit_read(const Actor& actor, std::string_view action, std::string_view object,
                    std::string_view detail);

  store::DatabasePool& pool_;
  const Clock& clock_;
  ResolveService& resolve_;
  std::mutex mutex_;
  std::uint64_t generation_ = 0;
  // Shared with the requests reading it, so a change can replace it while they finish.
  std::shared_ptr<const Snapshot> snapshot_;
  std::shared_ptr<const Analysis> analysis_;
};

// Whether the actor may read the intelligence graph, and see names in it.
Status require_intel(const Actor& actor, model::Permission permission);
bool shows_names(const Actor& actor);

}  // namespace escudo::service

// IntelService's analyses: measures and communities of the whole graph, money flows,
// disruption and key players, all through the graph engine.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "graph/disrupt.h"
#include "graph/flows.h"
#include "graph/measures.h"
#include "service/internal/intel_snapshot.h"
#include "store/case_repo.h"

namespace escudo::service {
namespace {

// Exact betweenness up to this many nodes; above it, estimated from this many sampled shortest
// paths (97 of the exact top 100 on a 20,000-node heavy-tailed graph; seconds on a million
// nodes, see docs/benchmarks.md).
constexpr graph::NodeIndex kExactBetweennessNodes = 5000;
constexpr std::uint64_t kBetweennessPaths = 100'000;
constexpr std::uint64_t kSeed = 1;

graph::BetweennessOptions betweenness_options(const graph::Graph& g) {
  graph::BetweennessOptions o;
  o.length = graph::EdgeLength::kHops;
  if (g.node_count() > kExactBetweennessNodes) o.path_samples = kBetweennessPaths;
  o.seed = kSeed;
  return o;
}

// Each value's rank among those > 0 as a share: 1 for the largest, near 0 for the smallest,
// 0 for a 0.
std::vector<double> percentiles(const std::vector<double>& values) {
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    if (values[i] > 0) order.push_back(i);
  }
  std::ranges::sort(order, [&](auto a, auto b) { return values[a] < values[b]; });
  std::vector<double> out(values.size(), 0.0);
  for (std::size_t k = 0; k < order.size(); ++k) {
    out[order[k]] = static_cast<double>(k + 1) / static_cast<double>(order.size());
  }
  return out;
}

bool is_link_type(const IntelService::Snapshot& s, std::size_t row, std::string_view type) {
  return s.type_name(row) == type;
}

// Amounts of every currency added up: a rough size, for a reason in words.
std::string money(std::int64_t cents) {
  return fmt::format("{}.{:02d} in all currencies", cents / 100, cents % 100);
}

// "1 link", "3 links".
std::string counted(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

Result<std::shared_ptr<const IntelService::Analysis>> IntelService::whole_analysis(
    const std::shared_ptr<const Snapshot>& s) {
  {
    std::lock_guard lock(mutex_);
    if (analysis_ && snapshot_ == s) return analysis_;
  }
  auto a = std::make_shared<Analysis>();
  const auto& g = s->whole;
  a->degree = graph::degree(g);
  a->strength = graph::degree(g, graph::Direction::kAll, true);
  a->betweenness = graph::betweenness(g, betweenness_options(g));
  a->pagerank = graph::pagerank(g);
  ESCUDO_ASSIGN_OR_RETURN(a->partition, graph::leiden(g, {.seed = kSeed}));

  // The graph of people: each row between the owners of its ends, owns/uses left out.
  graph::EdgeTable actor_rows;
  std::vector<std::uint8_t> keep(s->rows.size(), 0);
  for (std::size_t r = 0; r < s->rows.size(); ++r) {
    if (is_link_type(*s, r, "owns") || is_link_type(*s, r, "uses")) {
      actor_rows.add(0, 0, 0.0);
      continue;
    }
    actor_rows.add(s->owner[s->rows.source[r]], s->owner[s->rows.target[r]], s->rows.weight.empty() ? 1.0 : s->rows.weight[r]);
    keep[r] = 1;
  }
  ESCUDO_ASSIGN_OR_RETURN(a->actors, graph::Graph::build(s->names.size(), actor_rows, {.keep = keep}));
  a->actor_betweenness = graph::betweenness(a->actors, betweenness_options(a->actors));
  a->actor_pagerank = graph::pagerank(a->actors);
  a->actor_strength = graph::degree(a->actors, graph::Direction::kAll, true);

  std::lock_guard lock(mutex_);
  std::shared_ptr<const Analysis> built = std::move(a);
  if (snapshot_ == s) analysis_ = built;
  return built;
}

Result<AnalysisView> IntelService::analysis(const Actor& actor, const AnalysisQuery& query) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  ESCUDO_ASSIGN_OR_RETURN(auto s, snapshot());
  ESCUDO_ASSIGN_OR_RETURN(auto a, whole_analysis(s));
  const std::vector<double>* by = nullptr;
  if (query.measure == "pagerank") by = &a->pagerank;
  else if (query.measure == "betweenness") by = &a->betweenness;
  else if (query.measure == "degree") by = &a->degree;
  else if (query.measure == "strength") by = &a->strength;
  else {
    return errorf(ErrorCode::kInvalidArgument,
                  "'{}' is not a measure here; use pagerank, betweenness, degree or strength", query.measure);
  }
  std::vector<graph::NodeIndex> nodes;
  if (!query.entities.empty()) {
    for (std::int64_t id : query.entities) {
      auto it = s->node_of.find(id);
      if (it == s->node_of.end()) return errorf(ErrorCode::kNotFound, "there is no entity {}", id);
      nodes.push_back(it->second);
    }
  } else {
    for (graph::NodeIndex v = 0; v < s->names.size(); ++v) nodes.push_back(v);
    std::ranges::stable_sort(nodes, [&](auto x, auto y) { return (*by)[x] > (*by)[y]; });
    if (nodes.size() > query.limit) nodes.resize(query.limit);
  }
  const bool names = shows_names(actor);
  AnalysisView view;
  view.communities = a->partition.count;
  view.modularity = a->partition.modularity;
  view.node_count = s->names.size();
  view.edge_count = s->whole.edge_count();
  for (graph::NodeIndex v : nodes) {
    view.nodes.push_back({node_view(*s, v, names), a->betweenness[v], a->pagerank[v], a->strength[v],
                          a->partition.community[v]});
  }
  return view;
}

Result<FlowView> IntelService::flows(const Actor& actor, std::int64_t entity_id,
                                     std::string_view currency) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  ESCUDO_ASSIGN_OR_RETURN(auto s, snapshot());
  auto it = s->node_of.find(entity_id);
  if (it == s->node_of.end()) return errorf(ErrorCode::kNotFound, "there is no entity {}", entity_id);
  const graph::NodeIndex centre = it->second;
  // A person's or organisation's accounts count as theirs; an account stays itself.
  const bool collapse = s->kind[centre] == "person" || s->kind[centre] == "organisation";
  graph::EdgeTable paid;
  std::vector<std::uint8_t> keep(s->rows.size(), 0);
  for (std::size_t r = 0; r < s->rows.size(); ++r) {
    graph::NodeIndex a = s->rows.source[r], b = s->rows.target[r];
    if (collapse) {
      a = s->owner[a];
      b = s->owner[b];
    }
    paid.add(a, b, static_cast<double>(s->amount_cents[r]));
    keep[r] = is_link_type(*s, r, "paid") && s->currency[r] == currency ? 1 : 0;
  }
  ESCUDO_ASSIGN_OR_RETURN(auto g, graph::Graph::build(s->names.size(), paid, {.directed = true, .keep = keep}));
  ESCUDO_ASSIGN_OR_RETURN(auto summary, graph::flow_summary(g, centre, 10));
  const bool names = shows_names(actor);
  FlowView view;
  view.node = node_view(*s, centre, names);
  view.currency = std::string(currency);
  view.amount_in_cents = std::llround(summary.amount_in);
  view.amount_out_cents = std::llround(summary.amount_out);
  view.senders = static_cast<std::int64_t>(summary.sender_count);
  view.receivers = static_cast<std::int64_t>(summary.receiver_count);
  for (const auto& c : summary.top_senders) view.top_senders.push_back({node_view(*s, c.node, names), std::llround(c.amount)});
  for (const auto& c : summary.top_receivers) view.top_receivers.push_back({node_view(*s, c.node, names), std::llround(c.amount)});
  if (collapse) {
    for (graph::NodeIndex v = 0; v < s->names.size(); ++v) {
      if (v != centre && s->owner[v] == centre && s->kind[v] == "account") view.accounts.push_back(s->entity_id[v]);
    }
  }
  return view;
}

Result<DisruptView> IntelService::disrupt(const Actor& actor, std::string_view measure, int steps) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  ESCUDO_ASSIGN_OR_RETURN(graph::Measure m, graph::parse_measure(measure));
  if (steps < 1 || steps > 50) return make_error(ErrorCode::kInvalidArgument, "steps: 1 to 50");
  ESCUDO_ASSIGN_OR_RETURN(auto s, snapshot());
  ESCUDO_ASSIGN_OR_RETURN(auto a, whole_analysis(s));
  graph::DisruptOptions options;
  options.by = m;
  options.steps = steps;
  options.measure.seed = kSeed;
  if (a->actors.node_count() > kExactBetweennessNodes) {
    options.measure.path_samples = kBetweennessPaths;
  }
  ESCUDO_ASSIGN_OR_RETURN(auto d, graph::disrupt(a->actors, options));
  const bool names = shows_names(actor);
  // Phones and accounts someone owns or uses are that owner in the graph of people: they stay
  // behind as isolated nodes, which are not groups of the network.
  std::int64_t owned = 0;
  for (graph::NodeIndex v = 0; v < s->names.size(); ++v) owned += s->owner[v] != v ? 1 : 0;
  DisruptView view;
  view.measure = std::string(graph::measure_name(m));
  view.initial_largest_group = d.initial_largest;
  for (const auto& step : d.steps) {
    view.steps.push_back({node_view(*s, step.removed, names), step.score,
                          static_cast<std::int64_t>(step.largest_component),
                          static_cast<std::int64_t>(step.components) - owned});
  }
  return view;
}

Result<std::vector<KeyPlayer>> IntelService::key_players(const Actor& actor, std::size_t limit) {
  return rank_players(actor, limit, std::nullopt);
}

Result<std::optional<KeyPlayer>> IntelService::key_player(const Actor& actor, std::int64_t entity_id) {
  ESCUDO_ASSIGN_OR_RETURN(auto found, rank_players(actor, 1, entity_id));
  if (found.empty()) return std::optional<KeyPlayer>();
  return std::optional<KeyPlayer>(std::move(found.front()));
}

Result<std::vector<KeyPlayer>> IntelService::rank_players(const Actor& actor, std::size_t limit,
                                                          std::optional<std::int64_t> only) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  ESCUDO_ASSIGN_OR_RETURN(auto s, snapshot());
  std::optional<graph::NodeIndex> only_node;
  if (only) {
    auto it = s->node_of.find(*only);
    if (it == s->node_of.end()) return errorf(ErrorCode::kNotFound, "there is no entity {}", *only);
    only_node = s->owner[it->second];
  }
  ESCUDO_ASSIGN_OR_RETURN(auto a, whole_analysis(s));
  const graph::NodeIndex n = s->names.size();

  // Evidence per owner: its links (through its phones and accounts too), distinct sources,
  // confidence; money paid or received.
  std::vector<std::int64_t> links(n, 0), paid_cents(n, 0);
  std::vector<double> confidence_sum(n, 0.0);
  std::vector<std::unordered_set<std::string>> sources(n);
  for (std::size_t r = 0; r < s->rows.size(); ++r) {
    if (is_link_type(*s, r, "owns") || is_link_type(*s, r, "uses")) continue;
    for (graph::NodeIndex end : {s->owner[s->rows.source[r]], s->owner[s->rows.target[r]]}) {
      ++links[end];
      confidence_sum[end] += s->confidence[r];
      // The file, not the line: two lines of one call log are one source.
      const std::string& record = s->source_record[r];
      sources[end].insert(record.substr(0, record.rfind(':')));
      if (is_link_type(*s, r, "paid")) paid_cents[end] += s->amount_cents[r];
    }
  }
  std::vector<double> paid(paid_cents.begin(), paid_cents.end());
  auto pb = percentiles(a->actor_betweenness);
  auto pp = percentiles(a->actor_pagerank);
  auto ps = percentiles(a->actor_strength);
  auto pm = percentiles(paid);

  std::vector<std::vector<store::CaseEventRow>> events(n);
  {
    auto db = pool_.acquire();
    ESCUDO_ASSIGN_OR_RETURN(auto all, store::CaseRepo(*db).all_events());
    for (auto& e : all) {
      auto it = s->node_of.find(e.entity_id);
      if (it != s->node_of.end()) events[s->owner[it->second]].push_back(std::move(e));
    }
  }

  std::vector<graph::NodeIndex> ranked;
  std::vector<double> score(n, 0.0);
  for (graph::NodeIndex v = 0; v < n; ++v) {
    if (s->owner[v] != v || a->actors.out_degree(v) == 0) continue;
    // Brokerage and influence count most; the weight of the ties and the money handled (where
    // the organisation's income ends up) separate those the ties alone leave close.
    score[v] = 0.35 * pb[v] + 0.35 * pp[v] + 0.15 * ps[v] + 0.15 * pm[v];
    ranked.push_back(v);
  }
  std::ranges::stable_sort(ranked, [&](auto x, auto y) { return score[x] > score[y]; });
  std::vector<std::int64_t> rank_of(n, 0);
  for (std::size_t i = 0; i < ranked.size(); ++i) rank_of[ranked[i]] = static_cast<std::int64_t>(i + 1);
  if (only_node) {
    if (rank_of[*only_node] == 0) ranked.clear(); else ranked = {*only_node};
  }
  if (ranked.size() > limit) ranked.resize(limit);

  const bool names = shows_names(actor);
  std::vector<KeyPlayer> out;
  bool any_name = false;
  for (graph::NodeIndex v : ranked) {
    KeyPlayer k;
    k.node = node_view(*s, v, names);
    k.node.degree = a->actors.out_degree(v);
    any_name = any_name || (names && s->kind[v] == "person");
    k.score = score[v];
    k.betweenness = a->actor_betweenness[v];
    k.pagerank = a->actor_pagerank[v];
    k.links = links[v];
    k.source_records = static_cast<std::int64_t>(sources[v].size());
    k.mean_confidence = links[v] > 0 ? confidence_sum[v] / static_cast<double>(links[v]) : 0;
    for (graph::NodeIndex w = 0; w < n; ++w) {
      if (w != v && s->owner[w] == v) k.identifiers.push_back(s->entity_id[w]);
    }
    k.rank = rank_of[v];
    auto top_share = [](double p) { return static_cast<int>(std::ceil((1.0 - p) * 100.0)); };
    auto reason = [&k](std::string code, std::string text) {
      k.reason_codes.push_back(std::move(code));
      k.reasons.push_back(std::move(text));
    };
    if (pb[v] >= 0.9) reason("betweenness", fmt::format("brokers between others: betweenness in the top {}%", std::max(1, top_share(pb[v]))));
    if (pp[v] >= 0.9) reason("pagerank", fmt::format("linked to well-linked entities: PageRank in the top {}%", std::max(1, top_share(pp[v]))));
    if (ps[v] >= 0.9) reason("ties", fmt::format("many and strong ties: {}", counted(k.node.degree, "neighbour", "neighbours")));
    reason("evidence", fmt::format("{} from {}, mean confidence {:.2f}", counted(k.links, "link", "links"),
                                   counted(k.source_records, "source", "sources"), k.mean_confidence));
    if (!k.identifiers.empty()) {
      reason("identifiers", fmt::format("{} attributed",
                                        counted(static_cast<std::int64_t>(k.identifiers.size()), "phone or account", "phones or accounts")));
    }
    bool arrested_or_convicted = false, death = false;
    for (const auto& e : events[v]) {
      k.events.push_back(fmt::format("{} {} ({}, {})", e.kind, e.happened_on, e.agency, e.country));
      arrested_or_convicted = arrested_or_convicted || e.kind == "arrest" || e.kind == "conviction";
      death = death || e.kind == "death_linked";
    }
    const bool central = pb[v] >= 0.9 || pp[v] >= 0.9;
    if (central && arrested_or_convicted) {
      k.suggested_tiers.push_back("key_leader");
      reason("tier_key_leader", "suggested tier key_leader: central, with an arrest or conviction recorded");
    }
    if (paid_cents[v] > 0 && pm[v] >= 0.9) {
      k.suggested_tiers.push_back("finances");
      reason("tier_finances", fmt::format(
          "suggested tier finances: central in payments ({} paid or received, top 10%)",
          money(paid_cents[v])));
    }
    if (death && (pb[v] >= 0.75 || pp[v] >= 0.75)) {
      k.suggested_tiers.push_back("regional_leader_death");
      reason("tier_regional_leader_death", "suggested tier regional_leader_death: central, and case evidence links a death to them");
    }
    out.push_back(std::move(k));
  }
  if (any_name && actor.principal != nullptr) {
    ESCUDO_TRY(audit_read(actor, "intel.key_players.read", "intel_graph", fmt::format("entries={}", out.size())));
  }
  return out;
}

}  // namespace escudo::service

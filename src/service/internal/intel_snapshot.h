// The intelligence graph as IntelService keeps it in memory: the engine's node names and edge
// table with parallel arrays of the links' attributes, and the analyses of the whole graph.
// Private to src/service.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/communities.h"
#include "graph/graph.h"
#include "service/intel_service.h"

namespace escudo::service {

inline constexpr std::int32_t kNoDayBefore = std::numeric_limits<std::int32_t>::min();
inline constexpr std::int32_t kNoDayAfter = std::numeric_limits<std::int32_t>::max();

struct IntelService::Snapshot {
  // Per node (node i is entity entity_id[i]).
  graph::NodeNames names;  // the entity ids as text, for the export
  std::vector<std::int64_t> entity_id;
  std::vector<std::string> kind;
  std::vector<std::string> label;
  std::unordered_map<std::int64_t, graph::NodeIndex> node_of;
  // The person or organisation a phone, account, vehicle or vessel is attributed to (by one
  // owns or uses link, and only one owner), else the node itself.
  std::vector<graph::NodeIndex> owner;

  // Per link (row r of `rows` is stored link link_id[r]); weight: count × confidence.
  graph::EdgeTable rows;
  std::vector<std::int64_t> link_id;
  std::vector<std::uint8_t> type;  // index in intel_link_types()
  std::vector<std::int64_t> count;
  std::vector<std::int64_t> amount_cents;  // 0 when none
  std::vector<std::string> currency;
  std::vector<double> confidence;
  std::vector<std::string> source_record;
  std::vector<std::int32_t> day_from;  // days since 1970-01-01; kNoDayBefore when unknown
  std::vector<std::int32_t> day_to;    // kNoDayAfter when unknown
  // The rows touching each node: rows_of_node[row_offsets[v] … row_offsets[v+1]).
  std::vector<std::uint64_t> row_offsets;
  std::vector<std::uint32_t> rows_of_node;

  graph::Graph whole;  // undirected, parallel links summed

  std::string_view type_name(std::size_t row) const { return intel_link_types()[type[row]]; }
};

struct IntelService::Analysis {
  std::vector<double> degree, strength, betweenness, pagerank;
  graph::Partition partition;
  // The graph of people: phones and accounts counted as their owner's, owns/uses links left out.
  graph::Graph actors;
  std::vector<double> actor_betweenness, actor_pagerank, actor_strength;
};

// The rows the filter keeps (a period keeps the dated links overlapping it), or empty when it
// keeps every row. kInvalidArgument for an unknown type or a malformed date.
Result<std::vector<std::uint8_t>> kept_rows(const IntelService::Snapshot& s, const LinkFilter& f);

}  // namespace escudo::service

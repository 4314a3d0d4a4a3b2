// Turning tables into graphs: an edge list (one link a row), an adjacency matrix (a header
// row of node names, then one row per node), or a two-mode table (people × events, as a
// matrix or as person,event rows) projected onto people. The caller reads the file (a CSV
// reader gives each row's fields, line and field columns) and feeds the rows here; nothing
// here does I/O.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto reader, graph::EdgeListReader::create(header, {.weight = "calls"}));
//   while (next row) ESCUDO_TRY(reader.add(row.fields, row.line, row.columns));
//   ESCUDO_ASSIGN_OR_RETURN(graph::Graph g, graph::Graph::build(reader.names().size(), reader.edges()));
//
// Errors say where: "line 7, column 12: weight: 'abc' is not a number" (the caller adds the
// file name in front).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "graph/graph.h"

namespace escudo::graph {

struct EdgeListColumns {
  std::string source;  // empty: the first column
  std::string target;  // empty: the second column
  std::string weight;  // empty: every link weighs 1
  std::string period;  // empty: none; else a whole number per row (a day, a month: slices.h)
};

class EdgeListReader {
 public:
  // kInvalidArgument when a named column is missing from the header (the message lists the
  // header) or the header has fewer than two columns.
  static Result<EdgeListReader> create(const std::vector<std::string>& header,
                                       const EdgeListColumns& columns);

  // One row. kInvalidArgument, naming line, column and field, for a missing or empty node
  // name, a weight that is not a finite number ≥ 0, or a period that is not a whole number.
  // `columns` may be empty (messages then give the field number instead).
  Status add(const std::vector<std::string>& fields, std::int64_t line,
             const std::vector<std::int64_t>& columns = {});

  NodeNames& names() { return names_; }
  EdgeTable& edges() { return edges_; }
  // One per row of edges() when a period column was named, else empty.
  std::vector<std::int64_t>& periods() { return periods_; }

 private:
  NodeNames names_;
  EdgeTable edges_;
  std::vector<std::int64_t> periods_;
  std::size_t source_ = 0, target_ = 1, weight_ = kNone, period_ = kNone;
  std::vector<std::string> header_;
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
};

// A matrix: the first row names the columns (its first cell is a label or empty), each other
// row starts with its own name and holds one number per column; 0 means no link, anything
// else is the link's weight.
class MatrixReader {
 public:
  enum class Shape : std::uint8_t {
    kAdjacency,  // rows and columns name the same nodes (in any order)
    kTwoMode,    // rows are people, columns events (meetings, places, accounts)
  };
  // kInvalidArgument when the header has no column or names one twice.
  static Result<MatrixReader> create(const std::vector<std::string>& header, std::int64_t line,
                                     Shape shape);
  // kInvalidArgument for a row with another number of cells than the header (ragged), a row
  // name given twice or, for an adjacency matrix, not among the header's names, or a value
  // that is not a finite number ≥ 0.
  Status add(const std::vector<std::string>& fields, std::int64_t line,
             const std::vector<std::int64_t>& columns = {});

  // The adjacency matrix as a graph's edges. Directed: cell (i, j) is a link i → j.
  // Undirected: one edge per pair with any non-zero cell, weighing the larger of the two
  // cells (a symmetric matrix thus gives each edge once, with its value). kInvalidArgument
  // when a node of the header has no row. Only for kAdjacency.
  Result<EdgeTable> adjacency_edges(bool directed) const;
  // For kTwoMode: the people (row names) and events (column names) and, per non-zero cell,
  // the pair (person, event).
  const NodeNames& names() const { return names_; }
  const NodeNames& events() const { return columns_; }
  const std::vector<NodeIndex>& member_person() const { return cell_row_; }
  const std::vector<NodeIndex>& member_event() const { return cell_col_; }

 private:
  Shape shape_ = Shape::kAdjacency;
  NodeNames names_;    // nodes (adjacency: the header's, in header order) or people
  NodeNames columns_;  // the header's names
  std::vector<NodeIndex> column_node_;  // adjacency: header column → node index
  std::vector<std::uint8_t> row_seen_;
  std::vector<NodeIndex> cell_row_, cell_col_;
  std::vector<double> cell_value_;
  std::int64_t header_line_ = 1;
};

// Projects a two-mode network onto its people: one undirected link between two people
// weighing the number of events they share. `person` and `event` are parallel (one
// membership a row; a repeated membership counts once). O(Σ people per event²).
EdgeTable project_two_mode(std::span<const NodeIndex> person, std::span<const NodeIndex> event);

}  // namespace escudo::graph

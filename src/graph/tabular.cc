#include "graph/tabular.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace escudo::graph {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "line 7, column 12: weight: " (or "line 7, field 3: weight: " without columns).
std::string where(std::int64_t line, const std::vector<std::int64_t>& columns, std::size_t field,
                  std::string_view name) {
  std::string out = field < columns.size()
                        ? fmt::format("line {}, column {}", line, columns[field])
                        : fmt::format("line {}, field {}", line, field + 1);
  if (!name.empty()) out += fmt::format(": {}", name);
  return out;
}

Result<double> parse_weight(std::string_view text) {
  text = trim(text);
  double value = 0;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a number", text);
  }
  if (!std::isfinite(value) || value < 0) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a weight (a finite number ≥ 0)", text);
  }
  return value;
}

std::string list(const std::vector<std::string>& header) {
  std::string out;
  for (const auto& h : header) {
    if (!out.empty()) out += ", ";
    out += h;
  }
  return out;
}

}  // namespace

Result<EdgeListReader> EdgeListReader::create(const std::vector<std::string>& header,
                                              const EdgeListColumns& columns) {
  if (header.size() < 2) {
    return errorf(ErrorCode::kInvalidArgument,
                  "line 1: an edge list needs a header with at least two columns (source and "
                  "target), got {}",
                  header.size());
  }
  EdgeListReader r;
  r.header_ = header;
  auto find = [&](const std::string& name, std::string_view option) -> Result<std::size_t> {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) {
      return errorf(ErrorCode::kInvalidArgument, "line 1: no column '{}' ({}); the columns are: {}",
                    name, option, list(header));
    }
    return static_cast<std::size_t>(it - header.begin());
  };
  if (!columns.source.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(r.source_, find(columns.source, "source"));
  }
  if (!columns.target.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(r.target_, find(columns.target, "target"));
  }
  if (!columns.weight.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(r.weight_, find(columns.weight, "weight"));
    r.edges_.weight.reserve(1024);
  }
  if (!columns.period.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(r.period_, find(columns.period, "period"));
  }
  if (r.source_ == r.target_) {
    return errorf(ErrorCode::kInvalidArgument, "line 1: the source and target are both column '{}'",
                  header[r.source_]);
  }
  return r;
}

Status EdgeListReader::add(const std::vector<std::string>& fields, std::int64_t line,
                           const std::vector<std::int64_t>& columns) {
  auto field = [&](std::size_t i) -> Result<std::string_view> {
    if (i >= fields.size()) {
      return errorf(ErrorCode::kInvalidArgument, "line {}: {}: missing (the row has {} fields, the header {})",
                    line, header_[i], fields.size(), header_.size());
    }
    return trim(fields[i]);
  };
  ESCUDO_ASSIGN_OR_RETURN(std::string_view from, field(source_));
  ESCUDO_ASSIGN_OR_RETURN(std::string_view to, field(target_));
  if (from.empty()) {
    return errorf(ErrorCode::kInvalidArgument, "{}: empty node name", where(line, columns, source_, header_[source_]));
  }
  if (to.empty()) {
    return errorf(ErrorCode::kInvalidArgument, "{}: empty node name", where(line, columns, target_, header_[target_]));
  }
  double w = 1.0;
  if (weight_ != kNone) {
    ESCUDO_ASSIGN_OR_RETURN(std::string_view text, field(weight_));
    auto parsed = parse_weight(text);
    if (!parsed) {
      return errorf(ErrorCode::kInvalidArgument, "{}: {}", where(line, columns, weight_, header_[weight_]),
                    parsed.error().message());
    }
    w = *parsed;
  }
  if (period_ != kNone) {
    ESCUDO_ASSIGN_OR_RETURN(std::string_view text, field(period_));
    std::int64_t p = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), p);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
      return errorf(ErrorCode::kInvalidArgument, "{}: '{}' is not a whole number",
                    where(line, columns, period_, header_[period_]), text);
    }
    periods_.push_back(p);
  }
  NodeIndex u = names_.intern(from);
  NodeIndex v = names_.intern(to);
  if (weight_ != kNone) {
    edges_.source.push_back(u);
    edges_.target.push_back(v);
    edges_.weight.push_back(w);
  } else {
    edges_.add(u, v);
  }
  return ok_status();
}

Result<MatrixReader> MatrixReader::create(const std::vector<std::string>& header,
                                          std::int64_t line, Shape shape) {
  if (header.size() < 2) {
    return errorf(ErrorCode::kInvalidArgument,
                  "line {}: a matrix needs a header row naming its columns (first cell empty or a "
                  "label), got {} cell(s)",
                  line, header.size());
  }
  MatrixReader r;
  r.shape_ = shape;
  r.header_line_ = line;
  for (std::size_t i = 1; i < header.size(); ++i) {
    std::string_view name = trim(header[i]);
    if (name.empty()) {
      return errorf(ErrorCode::kInvalidArgument, "line {}, field {}: empty column name", line, i + 1);
    }
    if (r.columns_.find(name) != kNoNode) {
      return errorf(ErrorCode::kInvalidArgument, "line {}, field {}: column '{}' is named twice",
                    line, i + 1, name);
    }
    r.columns_.intern(name);
    if (shape == Shape::kAdjacency) r.column_node_.push_back(r.names_.intern(name));
  }
  r.row_seen_.assign(shape == Shape::kAdjacency ? r.names_.size() : 0, 0);
  return r;
}

Status MatrixReader::add(const std::vector<std::string>& fields, std::int64_t line,
                         const std::vector<std::int64_t>& columns) {
  const std::size_t width = columns_.size() + 1;
  if (fields.size() != width) {
    return errorf(ErrorCode::kInvalidArgument,
                  "line {}: the row has {} cells, the header (line {}) has {}: a matrix row holds "
                  "its name and one value per column",
                  line, fields.size(), header_line_, width);
  }
  std::string_view name = trim(fields[0]);
  if (name.empty()) {
    return errorf(ErrorCode::kInvalidArgument, "{}: the row has no name", where(line, columns, 0, ""));
  }
  NodeIndex row = kNoNode;
  if (shape_ == Shape::kAdjacency) {
    row = names_.find(name);
    if (row == kNoNode) {
      return errorf(ErrorCode::kInvalidArgument,
                    "{}: row '{}' is not among the header's column names (the header and the rows "
                    "must name the same nodes)",
                    where(line, columns, 0, ""), name);
    }
    if (row_seen_[row] != 0) {
      return errorf(ErrorCode::kInvalidArgument, "{}: row '{}' is given twice", where(line, columns, 0, ""), name);
    }
  } else {
    if (names_.find(name) != kNoNode) {
      return errorf(ErrorCode::kInvalidArgument, "{}: row '{}' is given twice", where(line, columns, 0, ""), name);
    }
  }
  // The row counts only when all its values are good.
  std::vector<std::pair<NodeIndex, double>> cells;
  for (std::size_t i = 1; i < fields.size(); ++i) {
    auto value = parse_weight(fields[i]);
    if (!value) {
      return errorf(ErrorCode::kInvalidArgument, "{}: {}",
                    where(line, columns, i, columns_.name(static_cast<NodeIndex>(i - 1))),
                    value.error().message());
    }
    if (*value == 0) continue;
    cells.emplace_back(shape_ == Shape::kAdjacency ? column_node_[i - 1] : static_cast<NodeIndex>(i - 1),
                       *value);
  }
  if (shape_ == Shape::kAdjacency) {
    row_seen_[row] = 1;
  } else {
    row = names_.intern(name);
  }
  for (const auto& [column, value] : cells) {
    cell_row_.push_back(row);
    cell_col_.push_back(column);
    cell_value_.push_back(value);
  }
  return ok_status();
}

Result<EdgeTable> MatrixReader::adjacency_edges(bool directed) const {
  for (NodeIndex v = 0; v < names_.size(); ++v) {
    if (row_seen_[v] == 0) {
      return errorf(ErrorCode::kInvalidArgument,
                    "the header (line {}) names '{}' but no row does: the header and the rows "
                    "must name the same nodes",
                    header_line_, names_.name(v));
    }
  }
  EdgeTable out;
  out.weight.reserve(cell_value_.size());
  if (directed) {
    for (std::size_t i = 0; i < cell_row_.size(); ++i) {
      out.source.push_back(cell_row_[i]);
      out.target.push_back(cell_col_[i]);
      out.weight.push_back(cell_value_[i]);
    }
    return out;
  }
  // One row per unordered pair, weighing the larger of its two cells.
  std::vector<std::size_t> order(cell_row_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](std::size_t i) {
    return std::pair{std::min(cell_row_[i], cell_col_[i]), std::max(cell_row_[i], cell_col_[i])};
  };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  for (std::size_t i : order) {
    auto [u, v] = key(i);
    if (!out.source.empty() && out.source.back() == u && out.target.back() == v) {
      out.weight.back() = std::max(out.weight.back(), cell_value_[i]);
      continue;
    }
    out.source.push_back(u);
    out.target.push_back(v);
    out.weight.push_back(cell_value_[i]);
  }
  return out;
}

EdgeTable project_two_mode(std::span<const NodeIndex> person, std::span<const NodeIndex> event) {
  std::vector<std::pair<NodeIndex, NodeIndex>> members;  // (event, person)
  members.reserve(person.size());
  for (std::size_t i = 0; i < person.size() && i < event.size(); ++i) {
    members.emplace_back(event[i], person[i]);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  EdgeTable pairs;
  for (std::size_t begin = 0; begin < members.size();) {
    std::size_t end = begin;
    while (end < members.size() && members[end].first == members[begin].first) ++end;
    for (std::size_t a = begin; a < end; ++a) {
      for (std::size_t b = a + 1; b < end; ++b) pairs.add(members[a].second, members[b].second);
    }
    begin = end;
  }
  // Graph::build sums the pairs of each two people into the number of events they share;
  // say so with an explicit weight column.
  pairs.weight.assign(pairs.source.size(), 1.0);
  return pairs;
}

}  // namespace escudo::graph

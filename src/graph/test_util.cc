#include "graph/test_util.h"

#include <sstream>

#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "graph/tabular.h"
#include "testing/temp_dir.h"

namespace escudo::graph::testing {

std::string network_path(const std::string& relative) {
  return escudo::testing::source_dir() + "/data/networks/" + relative;
}

Result<std::vector<std::vector<std::string>>> read_csv(const std::string& path) {
  ESCUDO_ASSIGN_OR_RETURN(auto stream, open_file_stream(path));
  CsvReader reader(std::move(stream));
  CsvRecord row;
  std::vector<std::vector<std::string>> rows;
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(bool more, reader.next(row));
    if (!more) break;
    rows.push_back(row.fields);
  }
  return rows;
}

Result<Loaded> load_matrix(const std::string& path, bool directed) {
  ESCUDO_ASSIGN_OR_RETURN(auto rows, read_csv(path));
  if (rows.empty()) return make_error(ErrorCode::kInvalidArgument, path + " is empty");
  ESCUDO_ASSIGN_OR_RETURN(auto reader,
                          MatrixReader::create(rows[0], 1, MatrixReader::Shape::kAdjacency));
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ESCUDO_TRY(reader.add(rows[i], static_cast<std::int64_t>(i + 1)));
  }
  Loaded out;
  ESCUDO_ASSIGN_OR_RETURN(out.edges, reader.adjacency_edges(directed));
  out.names = reader.names();
  ESCUDO_ASSIGN_OR_RETURN(out.graph, Graph::build(out.names.size(), out.edges, {.directed = directed}));
  return out;
}

Result<Loaded> load_edge_list(const std::string& path, bool directed, const std::string& weight) {
  ESCUDO_ASSIGN_OR_RETURN(auto rows, read_csv(path));
  if (rows.empty()) return make_error(ErrorCode::kInvalidArgument, path + " is empty");
  ESCUDO_ASSIGN_OR_RETURN(auto reader, EdgeListReader::create(rows[0], {.weight = weight}));
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ESCUDO_TRY(reader.add(rows[i], static_cast<std::int64_t>(i + 1)));
  }
  Loaded out;
  out.names = reader.names();
  out.edges = reader.edges();
  ESCUDO_ASSIGN_OR_RETURN(out.graph, Graph::build(out.names.size(), out.edges, {.directed = directed}));
  return out;
}

Loaded parse_graph(const std::string& spec, bool directed) {
  Loaded out;
  std::istringstream in(spec);
  std::string token;
  while (in >> token) {
    auto sep = token.find_first_of("->");
    std::string a = token.substr(0, sep);
    std::string rest = token.substr(sep + 1);
    double w = 1.0;
    if (auto colon = rest.find(':'); colon != std::string::npos) {
      w = std::stod(rest.substr(colon + 1));
      rest = rest.substr(0, colon);
    }
    NodeIndex u = out.names.intern(a);
    NodeIndex v = out.names.intern(rest);
    out.edges.add(u, v, w);
  }
  out.graph = Graph::build(out.names.size(), out.edges, {.directed = directed}).value();
  return out;
}

}  // namespace escudo::graph::testing

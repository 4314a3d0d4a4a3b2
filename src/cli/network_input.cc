#include "cli/network_input.h"

#include <optional>

#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "graph/tabular.h"

namespace escudo::cli {
namespace {

// Calls on_row for each record after the header; the first CSV or row error stops the read,
// prefixed with the file name.
template <typename OnHeader, typename OnRow>
Status read_rows(const std::string& path, OnHeader&& on_header, OnRow&& on_row) {
  auto stream = open_file_stream(path);
  if (!stream) return std::unexpected(stream.error());
  CsvReader reader(std::move(*stream));
  CsvRecord row;
  auto first = reader.next(row);
  if (!first) return std::unexpected(first.error());
  if (!*first) return errorf(ErrorCode::kInvalidArgument, "{} is empty (a header row is needed)", path);
  if (auto s = on_header(row); !s) return std::unexpected(s.error().with_context(path));
  while (true) {
    auto more = reader.next(row);
    if (!more) return std::unexpected(more.error());
    if (!*more) break;
    if (auto s = on_row(row); !s) return std::unexpected(s.error().with_context(path));
  }
  return ok_status();
}

Result<Network> finish(graph::NodeNames names, graph::EdgeTable edges, bool directed,
                       const std::string& path) {
  Network n;
  auto g = graph::Graph::build(names.size(), edges, {.directed = directed});
  if (!g) return std::unexpected(g.error().with_context(path));
  n.names = std::move(names);
  n.edges = std::move(edges);
  n.graph = std::move(*g);
  return n;
}

}  // namespace

Result<Network> load_network(const NetworkSource& source) {
  const std::string& path = source.path;
  if (source.matrix) {
    std::optional<graph::MatrixReader> reader;
    auto shape = source.two_mode ? graph::MatrixReader::Shape::kTwoMode
                                 : graph::MatrixReader::Shape::kAdjacency;
    ESCUDO_TRY(read_rows(
        path,
        [&](const CsvRecord& header) -> Status {
          auto r = graph::MatrixReader::create(header.fields, header.line, shape);
          if (!r) return std::unexpected(r.error());
          reader.emplace(std::move(*r));
          return ok_status();
        },
        [&](const CsvRecord& row) { return reader->add(row.fields, row.line, row.columns); }));
    if (source.two_mode) {
      auto pairs = graph::project_two_mode(reader->member_person(), reader->member_event());
      return finish(reader->names(), std::move(pairs), false, path);
    }
    auto edges = reader->adjacency_edges(source.directed);
    if (!edges) return std::unexpected(edges.error().with_context(path));
    return finish(reader->names(), std::move(*edges), source.directed, path);
  }

  std::optional<graph::EdgeListReader> reader;
  graph::EdgeListColumns columns{.source = source.source_column,
                                 .target = source.target_column,
                                 .weight = source.two_mode ? "" : source.weight_column};
  ESCUDO_TRY(read_rows(
      path,
      [&](const CsvRecord& header) -> Status {
        auto r = graph::EdgeListReader::create(header.fields, columns);
        if (!r) return std::unexpected(r.error());
        reader.emplace(std::move(*r));
        return ok_status();
      },
      [&](const CsvRecord& row) { return reader->add(row.fields, row.line, row.columns); }));
  if (source.two_mode) {
    // person,event rows: people are the sources, renumbered apart from the events.
    graph::NodeNames people;
    std::vector<graph::NodeIndex> person, event;
    const auto& edges = reader->edges();
    for (std::size_t i = 0; i < edges.size(); ++i) {
      person.push_back(people.intern(reader->names().name(edges.source[i])));
      event.push_back(edges.target[i]);
    }
    return finish(std::move(people), graph::project_two_mode(person, event), false, path);
  }
  return finish(std::move(reader->names()), std::move(reader->edges()), source.directed, path);
}

}  // namespace escudo::cli

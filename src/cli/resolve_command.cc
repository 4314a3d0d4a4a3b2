// `escudo resolve`: entity resolution of any CSV of person records (see commands.h).
#include <cstdio>
#include <fstream>
#include <memory>

#include "base/csv_reader.h"
#include "base/csv_writer.h"
#include "base/input_stream.h"
#include "cli/commands.h"
#include "resolve/entity_index.h"
#include "resolve/record_mapping.h"

namespace escudo::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kMaxErrorsShown = 20;

int fail(const std::string& message) {
  std::fprintf(stderr, "escudo: %s\n", message.c_str());
  return kFailed;
}

// Reads the records; every bad row is reported (file, line, field) and none is resolved.
Result<std::vector<resolve::PersonRecord>> read_records(const ResolveArgs& args,
                                                        std::int64_t& bad_rows) {
  std::vector<resolve::FieldSpec> specs;
  for (const auto& f : args.fields) {
    auto spec = resolve::parse_field_spec(f);
    if (!spec) return std::unexpected(spec.error().with_context("--field"));
    specs.push_back(*spec);
  }
  if (specs.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      "map at least one column with --field KIND=COLUMN (for example "
                      "--field given_name=first_name)");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto stream, open_file_stream(args.input));
  CsvReader reader(std::move(stream));
  CsvRecord row;
  ESCUDO_ASSIGN_OR_RETURN(bool has_header, reader.next(row));
  if (!has_header) return errorf(ErrorCode::kInvalidArgument, "{} is empty", args.input);
  auto mapping = resolve::RecordMapping::create(row.fields, args.id_column, specs,
                                                args.lenient_dates);
  if (!mapping) return std::unexpected(mapping.error().with_context(args.input + ":1"));
  std::vector<resolve::PersonRecord> records;
  while (true) {
    auto more = reader.next(row);
    if (!more) {
      if (more.error().code() != ErrorCode::kInvalidArgument) return std::unexpected(more.error());
      if (++bad_rows <= kMaxErrorsShown) std::fprintf(stderr, "%s\n", more.error().message().c_str());
      continue;
    }
    if (!*more) break;
    auto record = mapping->map(row.fields);
    if (!record) {
      if (++bad_rows <= kMaxErrorsShown) {
        std::fprintf(stderr, "%s:%lld: %s\n", args.input.c_str(), static_cast<long long>(row.line),
                     record.error().message().c_str());
      }
      continue;
    }
    records.push_back(std::move(*record));
  }
  return records;
}

}  // namespace

int run_resolve(const ResolveArgs& args) {
  if (args.hold_ceiling <= 0 || args.hold_ceiling > 1) {
    return fail("--hold-ceiling is a probability above 0 and at most 1");
  }
  if (args.threshold <= 0 || args.threshold >= 1) {
    return fail("--threshold is a match probability between 0 and 1 (exclusive)");
  }
  auto nicknames = resolve::NicknameTable::parse(resolve::default_nicknames_text());
  if (!nicknames) return fail(nicknames.error().message());
  if (!args.nicknames.empty()) {
    auto text = read_file(args.nicknames);
    if (!text) return fail(text.error().message());
    auto mine = resolve::NicknameTable::parse(*text);
    if (!mine) return fail(args.nicknames + ": " + mine.error().message());
    nicknames->add(*mine);
  }
  std::optional<resolve::Model> model;
  if (!args.model.empty()) {
    auto text = read_file(args.model);
    if (!text) return fail(text.error().message());
    auto parsed = resolve::Model::from_json(*text);
    if (!parsed) return fail(args.model + ": " + parsed.error().message());
    model = std::move(*parsed);
  }
  std::int64_t bad_rows = 0;
  auto records = read_records(args, bad_rows);
  if (!records) return fail(records.error().message());
  if (bad_rows > 0) {
    if (bad_rows > kMaxErrorsShown) {
      std::fprintf(stderr, "… and %lld more\n", static_cast<long long>(bad_rows - kMaxErrorsShown));
    }
    return fail(fmt::format("{} bad row(s) in {}; nothing was resolved", bad_rows, args.input));
  }

  resolve::ResolveOptions options;
  options.match_threshold = args.threshold;
  options.hold_ceiling = args.hold_ceiling;
  options.linkage_threshold = std::max(options.linkage_threshold, args.threshold);
  auto index = resolve::EntityIndex::build(std::move(*records), *nicknames, options, model);
  if (!index) return fail(args.input + ": " + index.error().message());
  const auto& ix = **index;

  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  if (!out) return fail("cannot write " + args.output);
  out << "record_id,entity_id,probability\n";
  for (const auto& [record, entity] : ix.assignments()) {
    auto [probability, linked_to] = ix.joining_link(record);
    out << csv_field(record) << ',' << entity.value() << ',';
    if (!linked_to.empty()) out << fmt::format("{:.6f}", probability);
    out << '\n';
  }
  out.close();
  if (!out) return fail("writing " + args.output + " failed (disk full?)");

  if (!args.explain.empty()) {
    std::ofstream explain(args.explain, std::ios::binary | std::ios::trunc);
    if (!explain) return fail("cannot write " + args.explain);
    for (const auto& [record, entity] : ix.assignments()) {
      auto [probability, linked_to] = ix.joining_link(record);
      if (linked_to.empty()) continue;
      auto e = ix.explain_pair(linked_to, record);
      if (!e) continue;
      explain << "entity " << entity.value() << ": " << record << " joined through " << linked_to
              << '\n';
      for (const auto& line : e->lines()) explain << "  " << line << '\n';
    }
    explain.close();
    if (!explain) return fail("writing " + args.explain + " failed (disk full?)");
  }
  if (!args.save_model.empty()) {
    std::ofstream m(args.save_model, std::ios::binary | std::ios::trunc);
    m << ix.model().to_json() << '\n';
    m.close();
    if (!m) return fail("writing " + args.save_model + " failed");
  }

  const auto& s = ix.stats();
  std::fprintf(stderr, "resolved %lld records into %lld entities; %lld pairs compared, %lld links\n",
               static_cast<long long>(s.records), static_cast<long long>(s.entities),
               static_cast<long long>(s.candidate_pairs), static_cast<long long>(s.links));
  std::fprintf(stderr, "model: %s\n",
               model ? "from --model"
                     : s.trained ? "trained on these records" : "defaults (too few pairs to train)");
  int shown = 0;
  for (const auto& o : s.over_shared) {
    if (shown == 0) std::fprintf(stderr, "over-shared values (not compared all against all):\n");
    if (++shown > 10) {
      std::fprintf(stderr, "  … and %zu more\n", s.over_shared.size() - 10);
      break;
    }
    std::fprintf(stderr, "  %s %s: %lld records\n", std::string(resolve::block_kind_name(o.kind)).c_str(),
                 o.value.c_str(), static_cast<long long>(o.count));
  }
  std::printf("wrote %s\n", args.output.c_str());
  return kOk;
}

}  // namespace escudo::cli

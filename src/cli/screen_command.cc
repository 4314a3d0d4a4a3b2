// `escudo screen`: batch screening of a CSV of people against a CSV watchlist (see commands.h).
#include <chrono>
#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "base/csv_reader.h"
#include "base/csv_writer.h"
#include "base/input_stream.h"
#include "cli/command_support.h"
#include "cli/commands.h"
#include "resolve/record_mapping.h"
#include "screen/screener.h"

namespace escudo::cli {
namespace {

constexpr int kMaxErrorsShown = 20;

Result<std::vector<resolve::FieldSpec>> parse_specs(const std::vector<std::string>& fields,
                                                    std::string_view option) {
  std::vector<resolve::FieldSpec> specs;
  for (const auto& f : fields) {
    auto spec = resolve::parse_field_spec(f);
    if (!spec) return std::unexpected(spec.error().with_context(option));
    specs.push_back(*spec);
  }
  if (specs.empty()) {
    return errorf(ErrorCode::kInvalidArgument,
                  "map at least one column with {} KIND=COLUMN (for example {} "
                  "given_name=first_name)",
                  option, option);
  }
  return specs;
}

// Every row of `path` as a person record; every bad row is reported (file, line, field) and
// counted in `bad_rows`, and none of the file is screened then.
Result<std::vector<resolve::PersonRecord>> read_people(const std::string& path,
                                                       const std::string& id_column,
                                                       const std::vector<resolve::FieldSpec>& specs,
                                                       bool lenient_dates, std::int64_t& bad_rows) {
  ESCUDO_ASSIGN_OR_RETURN(auto stream, open_file_stream(path));
  CsvReader reader(std::move(stream));
  CsvRecord row;
  ESCUDO_ASSIGN_OR_RETURN(bool has_header, reader.next(row));
  if (!has_header) return errorf(ErrorCode::kInvalidArgument, "{} is empty", path);
  auto mapping = resolve::RecordMapping::create(row.fields, id_column, specs, lenient_dates);
  if (!mapping) return std::unexpected(mapping.error().with_context(path + ":1"));
  std::vector<resolve::PersonRecord> records;
  while (true) {
    auto more = reader.next(row);
    if (!more) {
      if (more.error().code() != ErrorCode::kInvalidArgument) return std::unexpected(more.error());
      if (++bad_rows <= kMaxErrorsShown) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), more.error().message().c_str());
      }
      continue;
    }
    if (!*more) break;
    auto record = mapping->map(row.fields);
    if (!record) {
      if (++bad_rows <= kMaxErrorsShown) {
        std::fprintf(stderr, "%s:%lld: %s\n", path.c_str(), static_cast<long long>(row.line),
                     record.error().message().c_str());
      }
      continue;
    }
    records.push_back(std::move(*record));
  }
  return records;
}

Result<std::vector<resolve::PersonRecord>> read_all(const std::string& path,
                                                    const std::string& id_column,
                                                    const std::vector<resolve::FieldSpec>& specs,
                                                    bool lenient_dates) {
  std::int64_t bad_rows = 0;
  ESCUDO_ASSIGN_OR_RETURN(auto records, read_people(path, id_column, specs, lenient_dates, bad_rows));
  if (bad_rows > kMaxErrorsShown) {
    std::fprintf(stderr, "… and %lld more\n", static_cast<long long>(bad_rows - kMaxErrorsShown));
  }
  if (bad_rows > 0) {
    return errorf(ErrorCode::kInvalidArgument, "{} bad row(s) in {}; nothing was screened",
                  bad_rows, path);
  }
  return records;
}

}  // namespace

int run_screen(const ScreenArgs& args) {
  if (args.threshold <= 0 || args.threshold >= 1) {
    return fail(Error(ErrorCode::kInvalidArgument,
                      "--threshold is a match probability between 0 and 1 (exclusive)"));
  }
  if (args.max_hits < 1) {
    return fail(Error(ErrorCode::kInvalidArgument, "--max-hits is at least 1"));
  }
  auto input_specs = parse_specs(args.fields, "--field");
  if (!input_specs) return fail(input_specs.error());
  // The watchlist is read with its own mapping when given, else with the input's.
  auto list_specs = args.watchlist_fields.empty() ? input_specs
                                                  : parse_specs(args.watchlist_fields,
                                                                "--watchlist-field");
  if (!list_specs) return fail(list_specs.error());
  const std::string& list_id =
      args.watchlist_id_column.empty() ? args.id_column : args.watchlist_id_column;

  auto nicknames = resolve::NicknameTable::parse(resolve::default_nicknames_text());
  if (!nicknames) return fail(nicknames.error());
  if (!args.nicknames.empty()) {
    auto text = read_file(args.nicknames);
    if (!text) return fail(text.error());
    auto mine = resolve::NicknameTable::parse(*text);
    if (!mine) return fail(mine.error().with_context(args.nicknames));
    nicknames->add(*mine);
  }

  auto list_records = read_all(args.watchlist, list_id, *list_specs, args.lenient_dates);
  if (!list_records) return fail(list_records.error());
  auto people = read_all(args.input, args.id_column, *input_specs, args.lenient_dates);
  if (!people) return fail(people.error());

  std::vector<screen::WatchlistEntry> entries;
  entries.reserve(list_records->size());
  for (const auto& r : *list_records) entries.push_back(screen::entry_from_record(r));
  list_records->clear();
  screen::ScreenOptions options;
  options.min_score = args.threshold;
  options.max_hits = static_cast<std::size_t>(args.max_hits);
  const auto built_at = std::chrono::steady_clock::now();
  auto screener = screen::Screener::build(std::move(entries), *nicknames, options);
  if (!screener) return fail(screener.error().with_context(args.watchlist));
  const auto screened_at = std::chrono::steady_clock::now();

  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  if (!out) return fail(Error(ErrorCode::kInvalidArgument, "cannot write " + args.output));
  std::ofstream explain;
  if (!args.explain.empty()) {
    explain.open(args.explain, std::ios::binary | std::ios::trunc);
    if (!explain) return fail(Error(ErrorCode::kInvalidArgument, "cannot write " + args.explain));
  }
  out << "input_id,entry_id,score,matched_name,reasons\n";
  std::int64_t hits = 0, people_hit = 0;
  for (const auto& person : *people) {
    auto found = (*screener)->screen(person);
    if (!found.empty()) ++people_hit;
    for (const auto& h : found) {
      ++hits;
      std::string reasons;
      for (const auto& r : h.reasons) {
        if (!reasons.empty()) reasons += "; ";
        reasons += r;
      }
      out << csv_field(h.subject_id) << ',' << csv_field(h.entry_id) << ','
          << fmt::format("{:.6f}", h.score) << ',' << csv_field(h.matched_name) << ','
          << csv_field(reasons) << '\n';
      if (explain.is_open()) {
        explain << h.subject_id << " may be watchlist entry " << h.entry_id << '\n';
        for (const auto& line : h.explanation.lines()) explain << "  " << line << '\n';
      }
    }
  }
  out.close();
  if (!out) return fail(Error(ErrorCode::kDataLoss, "writing " + args.output + " failed (disk full?)"));
  if (explain.is_open()) {
    explain.close();
    if (!explain) {
      return fail(Error(ErrorCode::kDataLoss, "writing " + args.explain + " failed (disk full?)"));
    }
  }
  const auto done = std::chrono::steady_clock::now();
  const double build_s = std::chrono::duration<double>(screened_at - built_at).count();
  const double screen_s = std::chrono::duration<double>(done - screened_at).count();
  std::fprintf(stderr,
               "screened %zu people against %zu watchlist entries (%zu names) in %.2f s after "
               "%.2f s to index the list: %lld hits for %lld people\n",
               people->size(), (*screener)->entries(), (*screener)->name_variants(), screen_s,
               build_s, static_cast<long long>(hits), static_cast<long long>(people_hit));
  std::printf("wrote %s\n", args.output.c_str());
  return kOk;
}

}  // namespace escudo::cli

// The entity-resolution engine on labelled person records: accuracy, speed and memory.
//
//   bench_resolve febrl FILE                       FEBRL dataset 1 (data/er/febrl1), with and
//                                                  without soc_sec_id, and without it with the
//                                                  holds off
//   bench_resolve people --input CSV --truth CSV [--incremental K] [--threads T]
//                        [--threshold P] [--max-block N] [--train no] [--show-misses N]
//                                                  records in the format of `escudo sim people`;
//                                                  the last K records are added one at a time
//                                                  after the others are resolved in a batch
//   bench_resolve generate --count N --seed S --out CSV --truth CSV
//                                                  writes simulated records in that format
//
// --show-misses N explains N true pairs left apart and N wrong pairs put together;
// BENCH_MODEL_OUT=FILE writes the model used as JSON.
// Prints records/s, pairs compared, peak memory (getrusage), and pairwise precision, recall and
// F1 against the truth (two records are a true pair when the truth gives them the same person).
// Exits 0 when it ran, 1 when something failed, 2 for bad arguments.
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "people_gen.h"
#include "resolve/entity_index.h"
#include "resolve/record_mapping.h"

namespace {

using namespace escudo;
using namespace escudo::resolve;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

Result<Table> read_table(const std::string& path) {
  ESCUDO_ASSIGN_OR_RETURN(auto stream, open_file_stream(path));
  CsvReader reader(std::move(stream));
  Table t;
  CsvRecord record;
  bool first = true;
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    if (first) {
      t.header = record.fields;
      for (auto& h : t.header) {
        h.erase(0, h.find_first_not_of(' '));
      }
      first = false;
    } else {
      t.rows.push_back(std::move(record.fields));
    }
  }
  return t;
}

struct Score {
  double precision = 0, recall = 0, f1 = 0;
  std::int64_t true_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
};

std::int64_t pairs_of(std::int64_t n) { return n * (n - 1) / 2; }

// Pairwise scores of `entity` (record → entity) against `truth` (record → person).
Score evaluate(const std::vector<std::pair<std::string, EntityId>>& assigned,
               const std::unordered_map<std::string, std::string>& truth) {
  std::unordered_map<std::int64_t, std::int64_t> by_entity;
  std::unordered_map<std::string, std::int64_t> by_person;
  std::unordered_map<std::string, std::int64_t> by_both;
  for (const auto& [record, entity] : assigned) {
    auto it = truth.find(record);
    if (it == truth.end()) continue;
    ++by_entity[entity.value()];
    ++by_person[it->second];
    ++by_both[it->second + "\x1f" + std::to_string(entity.value())];
  }
  Score s;
  for (const auto& [e, n] : by_entity) s.predicted_pairs += pairs_of(n);
  for (const auto& [p, n] : by_person) s.true_pairs += pairs_of(n);
  for (const auto& [b, n] : by_both) s.correct_pairs += pairs_of(n);
  s.precision = s.predicted_pairs == 0 ? 1 : static_cast<double>(s.correct_pairs) / static_cast<double>(s.predicted_pairs);
  s.recall = s.true_pairs == 0 ? 1 : static_cast<double>(s.correct_pairs) / static_cast<double>(s.true_pairs);
  s.f1 = s.precision + s.recall == 0 ? 0 : 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

void print_score(std::string_view label, const Score& s) {
  fmt::print("{}: precision {:.4f}  recall {:.4f}  F1 {:.4f}  (true pairs {}, predicted {}, correct {})\n",
             label, s.precision, s.recall, s.f1, s.true_pairs, s.predicted_pairs, s.correct_pairs);
}

Result<std::vector<PersonRecord>> map_rows(const Table& t, std::string_view id_column,
                                           const std::vector<std::string>& specs,
                                           const std::string& path) {
  std::vector<FieldSpec> fields;
  for (const auto& s : specs) {
    ESCUDO_ASSIGN_OR_RETURN(FieldSpec f, parse_field_spec(s));
    fields.push_back(f);
  }
  ESCUDO_ASSIGN_OR_RETURN(RecordMapping mapping, RecordMapping::create(t.header, id_column, fields,
                                                                      /*lenient_dates=*/true));
  std::vector<PersonRecord> records;
  records.reserve(t.rows.size());
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    auto r = mapping.map(t.rows[i]);
    if (!r) return std::unexpected(r.error().with_context(fmt::format("{}: row {}", path, i + 2)));
    records.push_back(std::move(*r));
  }
  return records;
}

void print_run(const EntityIndex& ix, double seconds) {
  const auto& s = ix.stats();
  fmt::print("  {} records in {:.2f} s ({:.0f} records/s), {} pairs compared, {} links, {} entities\n",
             s.records, seconds, static_cast<double>(s.records) / seconds, s.candidate_pairs, s.links,
             s.entities);
  fmt::print("  phases: normalise {:.0f} ms, block {:.0f} ms, train {:.0f} ms, score {:.0f} ms, cluster {:.0f} ms\n",
             s.normalize_ms, s.blocking_ms, s.training_ms, s.scoring_ms, s.clustering_ms);
  fmt::print("  model: {} (EM {} iterations{}, prior {:.5f})\n",
             s.trained ? "trained on these records" : "defaults", s.em.iterations,
             s.em.converged ? ", converged" : "", ix.model().prior());
  std::size_t shown = 0;
  for (const auto& o : s.over_shared) {
    if (o.kind != BlockKind::kPhone && o.kind != BlockKind::kDocument && o.kind != BlockKind::kAlias) continue;
    if (shown++ == 0) fmt::print("  over-shared values (not compared all against all):\n");
    if (shown <= 5) fmt::print("    {} {} held by {} records\n", block_kind_name(o.kind), o.value, o.count);
  }
  if (shown > 5) fmt::print("    … and {} more\n", shown - 5);
  std::size_t name_blocks = s.over_shared.size() - shown;
  if (name_blocks > 0) fmt::print("  {} name/date blocks over their cap were not expanded\n", name_blocks);
}

// Prints the explanation of up to `limit` true pairs the index left apart.
void show_misses(const EntityIndex& ix, const std::unordered_map<std::string, std::string>& truth,
                 int limit) {
  std::unordered_map<std::string, std::vector<std::string>> people;
  for (const auto& [record, person] : truth) people[person].push_back(record);
  int shown = 0;
  for (auto& [person, records] : people) {
    std::sort(records.begin(), records.end());
    for (std::size_t i = 0; i < records.size() && shown < limit; ++i) {
      for (std::size_t j = i + 1; j < records.size() && shown < limit; ++j) {
        if (ix.entity_of(records[i]) == ix.entity_of(records[j])) continue;
        ++shown;
        if (auto e = ix.explain_pair(records[i], records[j])) {
          for (const auto& line : e->lines()) fmt::print("    {}\n", line);
        }
      }
    }
  }
}

// Prints the explanation of up to `limit` pairs the index put together that the truth keeps
// apart.
void show_false(const EntityIndex& ix, const std::unordered_map<std::string, std::string>& truth,
                int limit) {
  std::unordered_map<std::int64_t, std::vector<std::string>> entities;
  for (const auto& [record, entity] : ix.assignments()) entities[entity.value()].push_back(record);
  int shown = 0;
  for (const auto& [entity, records] : entities) {
    for (std::size_t i = 0; i < records.size() && shown < limit; ++i) {
      for (std::size_t j = i + 1; j < records.size() && shown < limit; ++j) {
        auto a = truth.find(records[i]), b = truth.find(records[j]);
        if (a == truth.end() || b == truth.end() || a->second == b->second) continue;
        ++shown;
        fmt::print("    entity {} ({} records):\n", entity, records.size());
        if (auto e = ix.explain_pair(records[i], records[j])) {
          for (const auto& line : e->lines()) fmt::print("    {}\n", line);
        }
      }
    }
  }
}

int run_febrl(const std::string& path, int threads, int misses) {
  auto table = read_table(path);
  if (!table) {
    fmt::print(stderr, "bench_resolve: {}\n", table.error().message());
    return 1;
  }
  std::unordered_map<std::string, std::string> truth;
  for (const auto& row : table->rows) {
    std::string id = row[0];
    id.erase(0, id.find_first_not_of(' '));
    // rec-<N>-org and rec-<N>-dup-0 are the same person N.
    std::size_t a = id.find('-'), b = id.find('-', a + 1);
    truth[id] = id.substr(a + 1, b - a - 1);
  }
  auto nicknames = NicknameTable::parse(default_nicknames_text()).value();
  // With soc_sec_id; without it; without it and with the holds off (ResolveOptions::hold_ceiling).
  for (auto [ssn, holds] : {std::pair{true, true}, std::pair{false, true}, std::pair{false, false}}) {
    std::vector<std::string> specs = {"given_name=given_name", "surname=surname",
                                      "address=street_number", "address=address_1",
                                      "address=address_2", "city=suburb", "postcode=postcode",
                                      "date_of_birth=date_of_birth:YYYYMMDD"};
    if (ssn) specs.push_back("document=soc_sec_id");
    auto records = map_rows(*table, "rec_id", specs, path);
    if (!records) {
      fmt::print(stderr, "bench_resolve: {}\n", records.error().message());
      return 1;
    }
    ResolveOptions options;
    options.threads = threads;
    if (!holds) options.hold_ceiling = 1.0;
    auto start = Clock::now();
    auto index = EntityIndex::build(std::move(*records), nicknames, options);
    double took = seconds_since(start);
    if (!index) {
      fmt::print(stderr, "bench_resolve: {}\n", index.error().message());
      return 1;
    }
    fmt::print("febrl1 {} soc_sec_id{}:\n", ssn ? "with" : "without",
               holds ? "" : ", holds off (--hold-ceiling 1)");
    print_run(**index, took);
    Score s = evaluate((*index)->assignments(), truth);
    print_score(ssn ? "  with soc_sec_id   " : holds ? "  without soc_sec_id" : "  holds off         ", s);
    if (ssn) {
      fmt::print("  target F1 >= 0.99 (every field but the identifier rec_id): {}\n",
                 s.f1 >= 0.99 ? "PASS" : "FAIL");
    } else if (holds) {
      // FEBRL's duplicates often get another given name outright; without a document to
      // agree, escudo holds such pairs for review as it would twins.
      fmt::print("  (no target: a harder variant, soc_sec_id hidden too; pairs whose given names "
                 "differ outright wait for review)\n");
    }
    if (misses > 0) show_misses(**index, truth, misses);
  }
  return 0;
}

int run_people(const std::string& input, const std::string& truth_path, std::int64_t incremental,
               int threads, int misses, bool train, std::uint32_t max_block, double threshold) {
  auto start_all = Clock::now();
  auto table = read_table(input);
  if (!table) {
    fmt::print(stderr, "bench_resolve: {}\n", table.error().message());
    return 1;
  }
  auto truth_table = read_table(truth_path);
  if (!truth_table) {
    fmt::print(stderr, "bench_resolve: {}\n", truth_table.error().message());
    return 1;
  }
  std::unordered_map<std::string, std::string> truth;
  for (const auto& row : truth_table->rows) {
    if (row.size() >= 2) truth[row[0]] = row[1];
  }
  std::vector<std::string> specs = {
      "given_name=given_name", "surname=surname", "sex=sex", "date_of_birth=date_of_birth",
      "nationality=nationality", "document_type=document_type",
      "document_country=document_country", "document=document_number", "phone=phone"};
  auto records = map_rows(*table, "record_id", specs, input);
  if (!records) {
    fmt::print(stderr, "bench_resolve: {}\n", records.error().message());
    return 1;
  }
  table = Table{};
  double read_s = seconds_since(start_all);
  incremental = std::min<std::int64_t>(incremental, static_cast<std::int64_t>(records->size()));
  std::vector<PersonRecord> later(records->end() - incremental, records->end());
  records->resize(records->size() - static_cast<std::size_t>(incremental));
  const std::size_t batch_size = records->size();
  auto nicknames = NicknameTable::parse(default_nicknames_text()).value();
  ResolveOptions options;
  options.threads = threads;
  options.train = train;
  if (max_block > 0) options.blocking.max_block_size = max_block;
  if (threshold > 0) {
    options.match_threshold = threshold;
    options.linkage_threshold = std::max(options.linkage_threshold, threshold);
  }
  auto start = Clock::now();
  auto index = EntityIndex::build(std::move(*records), nicknames, options);
  double took = seconds_since(start);
  if (!index) {
    fmt::print(stderr, "bench_resolve: {}\n", index.error().message());
    return 1;
  }
  fmt::print("people {} ({} records; reading the CSV took {:.2f} s):\n", input, batch_size, read_s);
  print_run(**index, took);
  Score s = evaluate((*index)->assignments(), truth);
  print_score("  batch", s);
  if (const char* path = std::getenv("BENCH_MODEL_OUT")) {
    if (std::FILE* f = std::fopen(path, "w")) {
      std::fputs((*index)->model().to_json().c_str(), f);
      std::fclose(f);
    }
  }
  if (misses > 0) {
    fmt::print("  true pairs left apart:\n");
    show_misses(**index, truth, misses);
    fmt::print("  pairs put together that are different people:\n");
    show_false(**index, truth, misses);
  }
  fmt::print("  peak memory {:.0f} MB (engine's own estimate {:.0f} MB)\n", peak_rss_mb(),
             static_cast<double>((*index)->memory_bytes()) / 1e6);
  if (!later.empty()) {
    std::vector<double> ms;
    for (const auto& r : later) {
      auto t = Clock::now();
      auto added = (*index)->add(r);
      ms.push_back(seconds_since(t) * 1e3);
      if (!added) {
        fmt::print(stderr, "bench_resolve: {}\n", added.error().message());
        return 1;
      }
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double q) { return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))]; };
    fmt::print("  incremental: {} records added one at a time against {}: median {:.3f} ms, p99 {:.3f} ms, max {:.3f} ms\n",
               ms.size(), batch_size, pct(0.5), pct(0.99), ms.back());
    print_score("  after the incremental adds", evaluate((*index)->assignments(), truth));
  }
  fmt::print("  peak memory {:.0f} MB\n", peak_rss_mb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: bench_resolve febrl FILE | people --input CSV --truth CSV [--incremental K] "
               "| generate --count N --seed S --out CSV --truth CSV\n", stderr);
    return 2;
  }
  std::string mode = argv[1];
  std::unordered_map<std::string, std::string> opt;
  std::string positional;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a.starts_with("--") && i + 1 < argc) {
      opt[a] = argv[++i];
    } else {
      positional = a;
    }
  }
  int threads = opt.contains("--threads") ? std::stoi(opt["--threads"]) : 2;
  const int misses = opt.contains("--show-misses") ? std::stoi(opt["--show-misses"]) : 0;
  if (mode == "febrl" && !positional.empty()) return run_febrl(positional, threads, misses);
  if (mode == "people" && opt.contains("--input") && opt.contains("--truth")) {
    std::int64_t k = opt.contains("--incremental") ? std::stoll(opt["--incremental"]) : 0;
    const bool train = !opt.contains("--train") || opt["--train"] != "no";
    const auto max_block = static_cast<std::uint32_t>(
        opt.contains("--max-block") ? std::stoul(opt["--max-block"]) : 0);
    const double threshold = opt.contains("--threshold") ? std::stod(opt["--threshold"]) : 0;
    return run_people(opt["--input"], opt["--truth"], k, threads, misses, train, max_block,
                      threshold);
  }
  if (mode == "generate" && opt.contains("--count") && opt.contains("--out") && opt.contains("--truth")) {
    escudo::bench::PeopleOptions o;
    o.records = std::stoll(opt["--count"]);
    if (opt.contains("--seed")) o.seed = std::stoull(opt["--seed"]);
    std::string error = escudo::bench::generate_people(o, opt["--out"], opt["--truth"]);
    if (!error.empty()) {
      fmt::print(stderr, "bench_resolve: {}\n", error);
      return 1;
    }
    fmt::print("wrote {} records to {} (truth in {})\n", o.records, opt["--out"], opt["--truth"]);
    return 0;
  }
  std::fputs("bench_resolve: missing or unknown arguments (see the comment at the top of "
             "bench/resolve/resolve_bench.cc)\n", stderr);
  return 2;
}

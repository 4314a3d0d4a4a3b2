// Watchlist screening on a simulated list with planted hits: speed and recall.
//
//   escudo sim watchlist --entries N --registrations M --seed S --out DIR
//                         writes DIR/watchlist.csv, registrations.csv and truth.csv (the
//                         simulator's planted hits, src/sim/watchlist.h)
//   bench_screen run --dir DIR [--threshold P] [--threads T] [--max-block N] [--show-misses N]
//                         indexes the watchlist, then screens every registration one at a time
//                         (each call timed), on T threads each with its own index when T > 1
//
// Prints the time to index the list, the latency of one screening (median, p99, max),
// registrations screened per second, recall on the planted hits (the listed entry among the
// hits) and the hits per registration that is no listed person (the officers' review load).
// Exits 0 when it ran, 1 when something failed, 2 for bad arguments.
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "resolve/record_mapping.h"
#include "screen/screener.h"

namespace {

using namespace escudo;
using Clock = std::chrono::steady_clock;

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

Result<std::vector<resolve::PersonRecord>> read_people(const std::string& path,
                                                       std::vector<std::string> fields) {
  std::vector<resolve::FieldSpec> specs;
  for (const auto& f : fields) {
    ESCUDO_ASSIGN_OR_RETURN(auto spec, resolve::parse_field_spec(f));
    specs.push_back(spec);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto stream, open_file_stream(path));
  CsvReader reader(std::move(stream));
  CsvRecord row;
  ESCUDO_ASSIGN_OR_RETURN(bool has_header, reader.next(row));
  if (!has_header) return errorf(ErrorCode::kInvalidArgument, "{} is empty", path);
  ESCUDO_ASSIGN_OR_RETURN(auto mapping, resolve::RecordMapping::create(row.fields, fields.empty() ? "" : row.fields[0], specs));
  std::vector<resolve::PersonRecord> out;
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(bool more, reader.next(row));
    if (!more) break;
    auto r = mapping.map(row.fields);
    if (!r) return std::unexpected(r.error().with_context(fmt::format("{}:{}", path, row.line)));
    out.push_back(std::move(*r));
  }
  return out;
}

const char* arg(int argc, char** argv, const char* name, const char* fallback) {
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == name) return argv[i + 1];
  }
  return fallback;
}

struct Worker {
  std::unique_ptr<screen::Screener> screener;
  std::vector<double> latency_ms;
  std::vector<std::vector<screen::Hit>> hits;  // by registration of this worker's share
};

int run(int argc, char** argv) {
  const std::string dir = arg(argc, argv, "--dir", "");
  const double threshold = std::atof(arg(argc, argv, "--threshold", "0.5"));
  const int threads = std::max(1, std::atoi(arg(argc, argv, "--threads", "1")));
  const int show_misses = std::atoi(arg(argc, argv, "--show-misses", "0"));
  const int max_block = std::atoi(arg(argc, argv, "--max-block", "100"));
  if (dir.empty()) {
    std::fprintf(stderr, "usage: bench_screen run --dir DIR [--threshold P] [--threads T]\n");
    return 2;
  }
  auto list = read_people(dir + "/watchlist.csv",
                          {"given_name=given_name", "surname=surname", "date_of_birth=date_of_birth",
                           "nationality=nationality", "document=document", "alias=aliases"});
  auto people = read_people(dir + "/registrations.csv",
                            {"given_name=given_name", "surname=surname",
                             "date_of_birth=date_of_birth", "nationality=nationality"});
  auto truth_rows = read_people(dir + "/truth.csv", {"full_name=entry_id"});
  for (const auto* r : {&list, &people, &truth_rows}) {
    if (!*r) {
      std::fprintf(stderr, "bench_screen: %s\n", r->error().message().c_str());
      return 1;
    }
  }
  std::unordered_map<std::string, std::string> truth;
  for (const auto& t : *truth_rows) truth[t.record_id] = t.full_name;
  auto nicknames = resolve::NicknameTable::parse(resolve::default_nicknames_text()).value();

  std::vector<Worker> workers(static_cast<std::size_t>(threads));
  screen::ScreenOptions options;
  options.min_score = threshold;
  options.max_block_size = static_cast<std::uint32_t>(std::max(2, max_block));
  const auto t0 = Clock::now();
  for (auto& w : workers) {
    std::vector<screen::WatchlistEntry> entries;
    for (const auto& r : *list) entries.push_back(screen::entry_from_record(r));
    auto s = screen::Screener::build(std::move(entries), nicknames, options);
    if (!s) {
      std::fprintf(stderr, "bench_screen: %s\n", s.error().message().c_str());
      return 1;
    }
    w.screener = std::move(*s);
  }
  const double index_s = std::chrono::duration<double>(Clock::now() - t0).count() / threads;
  fmt::print("watchlist: {} entries, {} names (aliases included); indexed in {:.2f} s\n",
             workers[0].screener->entries(), workers[0].screener->name_variants(), index_s);

  const std::size_t n = people->size();
  const auto t1 = Clock::now();
  std::vector<std::thread> pool;
  for (int k = 0; k < threads; ++k) {
    pool.emplace_back([&, k] {
      Worker& w = workers[static_cast<std::size_t>(k)];
      for (std::size_t i = static_cast<std::size_t>(k); i < n; i += static_cast<std::size_t>(threads)) {
        const auto a = Clock::now();
        w.hits.push_back(w.screener->screen((*people)[i]));
        w.latency_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
      }
    });
  }
  for (auto& t : pool) t.join();
  const double batch_s = std::chrono::duration<double>(Clock::now() - t1).count();

  std::vector<double> latency;
  std::int64_t planted = 0, found = 0, clean = 0, clean_hits = 0, all_hits = 0;
  int shown = 0;
  for (int k = 0; k < threads; ++k) {
    Worker& w = workers[static_cast<std::size_t>(k)];
    latency.insert(latency.end(), w.latency_ms.begin(), w.latency_ms.end());
    for (std::size_t j = 0; j < w.hits.size(); ++j) {
      const auto& person = (*people)[static_cast<std::size_t>(k) + j * static_cast<std::size_t>(threads)];
      const auto& hits = w.hits[j];
      all_hits += static_cast<std::int64_t>(hits.size());
      auto t = truth.find(person.record_id);
      if (t == truth.end()) {
        ++clean;
        clean_hits += static_cast<std::int64_t>(hits.size());
        continue;
      }
      ++planted;
      bool hit = std::ranges::any_of(hits, [&](const auto& h) { return h.entry_id == t->second; });
      if (hit) {
        ++found;
      } else if (shown++ < show_misses) {
        fmt::print("  missed {} ({} | {} | {}) listed as {}\n", person.record_id, person.given_name,
                   person.surname, resolve::partial_date_to_string(person.date_of_birth), t->second);
      }
    }
  }
  std::ranges::sort(latency);
  auto at = [&](double q) {
    return latency[std::min(latency.size() - 1, static_cast<std::size_t>(q * static_cast<double>(latency.size())))];
  };
  fmt::print("screened {} registrations on {} thread(s) in {:.2f} s: {:.0f} registrations/s\n", n,
             threads, batch_s, static_cast<double>(n) / batch_s);
  fmt::print("one registration: median {:.3f} ms, p99 {:.3f} ms, max {:.3f} ms (target p99 <= 10 ms)\n",
             at(0.5), at(0.99), latency.back());
  fmt::print("recall on planted hits: {}/{} = {:.4f} at threshold {} (target >= 0.98)\n", found,
             planted, planted ? static_cast<double>(found) / static_cast<double>(planted) : 1.0,
             threshold);
  fmt::print("hits: {} in all; {:.3f} per registration of no listed person ({} of them)\n", all_hits,
             clean ? static_cast<double>(clean_hits) / static_cast<double>(clean) : 0.0, clean);
  fmt::print("peak memory: {:.0f} MB\n", peak_rss_mb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_screen run --dir DIR …\n");
    return 2;
  }
  const std::string cmd = argv[1];
  if (cmd == "run") return run(argc, argv);
  std::fprintf(stderr, "bench_screen: unknown command '%s'\n", cmd.c_str());
  return 2;
}

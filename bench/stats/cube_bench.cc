// The statistics cube against SQLite on ten million simulated registrations.
//
//   bench_stats_cube [--data DIR] [--people N] [--repeats R] [--seed S]
//
// 1. Simulates N registrations (default 10,000,000) from the official tables in DIR (default
//    data/official) with sim::generate_facts, and times it.
// 2. Builds the month × nationality × age_group cube R times (default 10) with
//    stats::build_cube and prints the fastest and the median run (target: 50 ms or less).
// 3. Loads the same rows into SQLite in a temporary file (month as an integer month index,
//    year * 12 + month - 1; nationality and age_group as TEXT), in one transaction through one
//    prepared statement, and times the load.
// 4. Runs the same GROUP BY on a plain table scan, then again after creating the covering index
//    (month, nationality, age_group), and times both.
// 5. Checks that the cube's cells and SQLite's groups agree exactly and prints the cube's
//    speed-up over SQLite with the covering index (target: 10 times or more).
//
// SQLite gets its best chance: integer months, the month already computed per row (the cube
// works from days), no journal and no syncs, memory-mapped reads. Its page cache and temporary
// storage stay at their defaults: a 1 GiB cache or temp_store = MEMORY made its GROUP BY sort
// and CREATE INDEX about twice as slow here.
// Exits 0 when it ran (targets met or not), 1 when something failed, 2 for a bad option.
#include <fmt/format.h>
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "base/civil_date.h"
#include "base/csv_reader.h"
#include "base/input_stream.h"
#include "sim/corridor.h"
#include "stats/cube.h"
#include "stats/fact_table.h"

namespace {

using escudo::CivilDate;
using escudo::Result;
using escudo::Status;
using escudo::YearMonth;
using Clock = std::chrono::steady_clock;

constexpr double kCubeTargetMs = 50;
constexpr double kSpeedupTarget = 10;
constexpr int kPlainRuns = 2;  // each takes seconds
constexpr int kIndexedRuns = 3;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Wall-clock time, and the CPU time of this thread (everything here runs on one thread, SQLite
// included): on a busy machine the wall time also counts the time other processes had the CPU,
// the CPU time does not.
class Stopwatch {
 public:
  Stopwatch() : wall_(Clock::now()), cpu_ms_(thread_cpu_ms()) {}
  double wall_ms() const {
    return std::chrono::duration<double, std::milli>(Clock::now() - wall_).count();
  }
  double cpu_ms() const { return thread_cpu_ms() - cpu_ms_; }

 private:
  Clock::time_point wall_;
  double cpu_ms_;
};

struct Runs {
  std::vector<double> wall_ms;
  std::vector<double> cpu_ms;
  void add(const Stopwatch& w) {
    wall_ms.push_back(w.wall_ms());
    cpu_ms.push_back(w.cpu_ms());
  }
  double min_wall() const { return *std::min_element(wall_ms.begin(), wall_ms.end()); }
  double min_cpu() const { return *std::min_element(cpu_ms.begin(), cpu_ms.end()); }
  double median_wall() const { return median(wall_ms); }
  double median_cpu() const { return median(cpu_ms); }
  std::string describe(const char* format) const {
    return fmt::format("{} runs: min {}, median {} (CPU time: min {}, median {})", wall_ms.size(),
                       fmt::format(fmt::runtime(format), min_wall()),
                       fmt::format(fmt::runtime(format), median_wall()),
                       fmt::format(fmt::runtime(format), min_cpu()),
                       fmt::format(fmt::runtime(format), median_cpu()));
  }
};

std::string with_commas(std::int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return "unknown CPU";
}

struct Options {
  std::string data_dir = "data/official";
  std::int64_t people = 10'000'000;
  int repeats = 10;
  std::uint64_t seed = 20'250'501;
};

Result<Options> parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i + 1 >= argc) {
      return escudo::errorf(escudo::ErrorCode::kInvalidArgument, "{} needs a value", arg);
    }
    std::string_view value = argv[++i];
    auto number = [&](auto& out) -> Status {
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
      if (ec != std::errc() || end != value.data() + value.size() || out <= 0) {
        return escudo::errorf(escudo::ErrorCode::kInvalidArgument,
                              "{} takes a positive whole number, not '{}'", arg, value);
      }
      return escudo::ok_status();
    };
    if (arg == "--data") {
      o.data_dir = value;
    } else if (arg == "--people") {
      ESCUDO_TRY(number(o.people));
    } else if (arg == "--repeats") {
      ESCUDO_TRY(number(o.repeats));
    } else if (arg == "--seed") {
      ESCUDO_TRY(number(o.seed));
    } else {
      return escudo::errorf(escudo::ErrorCode::kInvalidArgument,
                            "unknown option {}; use --data, --people, --repeats or --seed", arg);
    }
  }
  return o;
}

// --- The official tables (the simulator takes them as plain data; reading them is ours) ---

Result<std::vector<escudo::CsvRecord>> read_csv(const std::string& path, std::size_t fields) {
  ESCUDO_ASSIGN_OR_RETURN(auto stream, escudo::open_file_stream(path));
  escudo::CsvReader reader(std::move(stream));
  std::vector<escudo::CsvRecord> rows;
  escudo::CsvRecord record;
  bool header = true;
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    if (std::exchange(header, false)) continue;
    if (record.fields.size() != fields) {
      return escudo::errorf(escudo::ErrorCode::kDataLoss, "{}: line {}: expected {} fields", path,
                            record.line, fields);
    }
    rows.push_back(record);
  }
  return rows;
}

Result<std::int64_t> parse_count(const std::string& text) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 0) {
    return escudo::errorf(escudo::ErrorCode::kDataLoss, "'{}' is not a count", text);
  }
  return n;
}

Result<escudo::sim::OfficialTables> load_tables(const std::string& dir) {
  escudo::sim::OfficialTables tables;
  ESCUDO_ASSIGN_OR_RETURN(auto nat, read_csv(dir + "/darien_transits_by_nationality.csv", 5));
  for (const auto& r : nat) {
    ESCUDO_ASSIGN_OR_RETURN(YearMonth month, YearMonth::parse(r.fields[0]));
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t count, parse_count(r.fields[4]));
    tables.by_nationality.push_back({month, r.fields[1] == "annual_total", r.fields[3], count});
  }
  ESCUDO_ASSIGN_OR_RETURN(auto demog, read_csv(dir + "/darien_transits_by_sex_age.csv", 4));
  for (const auto& r : demog) {
    ESCUDO_ASSIGN_OR_RETURN(YearMonth month, YearMonth::parse(r.fields[0]));
    ESCUDO_ASSIGN_OR_RETURN(auto group, escudo::model::parse_demographic(r.fields[2]));
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t count, parse_count(r.fields[3]));
    tables.by_sex_age.push_back({month, group, count});
  }
  return tables;
}

// --- Cells, the common ground for the check ---

using Cell = std::tuple<int, std::string, std::string>;  // month index, nationality, age group
using Cells = std::map<Cell, std::int64_t>;

int month_index(YearMonth m) { return m.year() * 12 + m.month() - 1; }

Result<Cells> cube_cells(const escudo::stats::Cube& cube) {
  Cells cells;
  for (std::size_t i = 0; i < cube.counts.size(); ++i) {
    ESCUDO_ASSIGN_OR_RETURN(YearMonth m, YearMonth::parse(cube.labels[i][0]));
    cells[{month_index(m), cube.labels[i][1], cube.labels[i][2]}] += cube.counts[i];
  }
  return cells;
}

// --- SQLite, through its C API ---

class Sqlite {
 public:
  ~Sqlite() {
    if (db_ != nullptr) sqlite3_close(db_);
  }
  Status open(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return fail("open " + path);
    return escudo::ok_status();
  }
  Status exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return fail(sql);
    return escudo::ok_status();
  }
  Result<sqlite3_stmt*> prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return fail(sql);
    return stmt;
  }
  std::unexpected<escudo::Error> fail(const std::string& what) {
    return escudo::errorf(escudo::ErrorCode::kInternal, "sqlite: {}: {}", what,
                          sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_ = nullptr;
};

struct Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() { sqlite3_finalize(stmt); }
};

Status load_sqlite(Sqlite& db, const escudo::stats::FactTable& facts) {
  ESCUDO_TRY(
      db.exec("CREATE TABLE facts (month INTEGER NOT NULL, nationality TEXT NOT NULL, "
              "age_group TEXT NOT NULL)"));
  ESCUDO_TRY(db.exec("BEGIN"));
  Statement insert;
  ESCUDO_ASSIGN_OR_RETURN(
      insert.stmt,
      db.prepare("INSERT INTO facts (month, nationality, age_group) VALUES (?, ?, ?)"));
  const auto& days = facts.day();
  const auto [lo, hi] = std::minmax_element(days.begin(), days.end());
  std::vector<int> month_of_day(static_cast<std::size_t>(*hi - *lo + 1));
  for (std::size_t d = 0; d < month_of_day.size(); ++d) {
    month_of_day[d] =
        month_index(CivilDate::from_days(*lo + static_cast<std::int32_t>(d)).year_month());
  }
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const std::string& nationality = facts.nationality_label(facts.nationality()[i]);
    const std::string_view age =
        escudo::stats::age_group_name(static_cast<escudo::stats::AgeGroup>(facts.age_group()[i]));
    sqlite3_bind_int(insert.stmt, 1, month_of_day[static_cast<std::size_t>(days[i] - *lo)]);
    sqlite3_bind_text(insert.stmt, 2, nationality.data(), static_cast<int>(nationality.size()),
                      SQLITE_STATIC);
    sqlite3_bind_text(insert.stmt, 3, age.data(), static_cast<int>(age.size()), SQLITE_STATIC);
    if (sqlite3_step(insert.stmt) != SQLITE_DONE) return db.fail("INSERT");
    sqlite3_reset(insert.stmt);
  }
  return db.exec("COMMIT");
}

constexpr const char* kGroupBy =
    "SELECT month, nationality, age_group, COUNT(*) FROM facts "
    "GROUP BY month, nationality, age_group";

Result<Cells> sqlite_cells(Sqlite& db) {
  Statement q;
  ESCUDO_ASSIGN_OR_RETURN(q.stmt, db.prepare(kGroupBy));
  Cells cells;
  int rc;
  while ((rc = sqlite3_step(q.stmt)) == SQLITE_ROW) {
    auto text = [&](int col) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(q.stmt, col)),
                         static_cast<std::size_t>(sqlite3_column_bytes(q.stmt, col)));
    };
    cells[{sqlite3_column_int(q.stmt, 0), text(1), text(2)}] = sqlite3_column_int64(q.stmt, 3);
  }
  if (rc != SQLITE_DONE) return db.fail(kGroupBy);
  return cells;
}

Result<std::string> query_plan(Sqlite& db) {
  Statement q;
  ESCUDO_ASSIGN_OR_RETURN(q.stmt, db.prepare(std::string("EXPLAIN QUERY PLAN ") + kGroupBy));
  std::string plan;
  while (sqlite3_step(q.stmt) == SQLITE_ROW) {
    if (!plan.empty()) plan += "; ";
    plan += reinterpret_cast<const char*>(sqlite3_column_text(q.stmt, 3));
  }
  return plan;
}

// Runs the GROUP BY `runs` times; returns the cells of the last run and the times.
Result<std::pair<Cells, Runs>> time_group_by(Sqlite& db, int runs) {
  std::pair<Cells, Runs> out;
  for (int r = 0; r < runs; ++r) {
    Stopwatch watch;
    ESCUDO_ASSIGN_OR_RETURN(out.first, sqlite_cells(db));
    out.second.add(watch);
  }
  return out;
}

std::string describe_difference(const Cells& cube, const Cells& sql) {
  for (const auto& [cell, count] : cube) {
    auto it = sql.find(cell);
    if (it == sql.end() || it->second != count) {
      return fmt::format("first difference: month {} {} {}: cube {}, SQLite {}", std::get<0>(cell),
                         std::get<1>(cell), std::get<2>(cell), count,
                         it == sql.end() ? std::string("none") : std::to_string(it->second));
    }
  }
  return fmt::format("SQLite has {} groups the cube lacks", sql.size() - cube.size());
}

Status run(const Options& o) {
  std::printf("machine:  %u CPUs (nproc), %s\n", std::thread::hardware_concurrency(),
              cpu_model().c_str());
  std::printf("sqlite:   %s\n", sqlite3_libversion());
  ESCUDO_ASSIGN_OR_RETURN(escudo::sim::OfficialTables tables, load_tables(o.data_dir));

  // 1. Simulate.
  escudo::stats::FactTable facts(escudo::stats::FactTable::Resolution::kDay);
  Stopwatch generate_watch;
  ESCUDO_TRY(escudo::sim::generate_facts({.seed = o.seed, .people = o.people}, tables, facts));
  const double generate_ms = generate_watch.wall_ms();
  std::printf("simulate: %s registrations with sim::generate_facts in %.2f s (%.1f M people/s)\n",
              with_commas(static_cast<std::int64_t>(facts.size())).c_str(), generate_ms / 1000,
              static_cast<double>(facts.size()) / generate_ms / 1000);

  // 2. The cube.
  using escudo::stats::Dimension;
  const escudo::stats::CubeQuery query{
      .by = {Dimension::kMonth, Dimension::kNationality, Dimension::kAgeGroup}};
  ESCUDO_ASSIGN_OR_RETURN(escudo::stats::Cube cube,
                          escudo::stats::build_cube(facts, query));  // warm-up
  Runs cube_runs;
  for (int r = 0; r < o.repeats; ++r) {
    Stopwatch watch;
    ESCUDO_ASSIGN_OR_RETURN(cube, escudo::stats::build_cube(facts, query));
    cube_runs.add(watch);
  }
  const double cube_median = cube_runs.median_wall();
  std::printf("cube:     month x nationality x age_group, %zu cells, total %s; %s\n",
              cube.counts.size(), with_commas(cube.total).c_str(),
              cube_runs.describe("{:.1f} ms").c_str());

  // 3. SQLite, in a temporary file removed on the way out.
  std::string path = (std::filesystem::temp_directory_path() / "escudo-bench-cube-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0)
    return escudo::make_error(escudo::ErrorCode::kUnavailable, "cannot create a temporary file");
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() {
      std::error_code ec;
      for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        std::filesystem::remove(path + suffix, ec);
    }
  } remove{path};
  Sqlite db;
  ESCUDO_TRY(db.open(path));
  ESCUDO_TRY(db.exec(
      "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA mmap_size = 2147483648"));
  Stopwatch load_watch;
  ESCUDO_TRY(load_sqlite(db, facts));
  const double load_ms = load_watch.wall_ms();
  std::printf(
      "sqlite:   loaded %s rows (month INTEGER month index, nationality TEXT, age_group "
      "TEXT) in %.2f s, one transaction, one prepared statement; file %.0f MB; journal off, "
      "synchronous off, mmap 2 GiB\n",
      with_commas(static_cast<std::int64_t>(facts.size())).c_str(), load_ms / 1000,
      static_cast<double>(std::filesystem::file_size(path)) / 1e6);

  // 4. The GROUP BY, plain and with the covering index.
  ESCUDO_ASSIGN_OR_RETURN(std::string plain_plan, query_plan(db));
  ESCUDO_ASSIGN_OR_RETURN(auto plain, time_group_by(db, kPlainRuns));
  std::printf("sqlite:   GROUP BY, plain scan [%s]: %s\n", plain_plan.c_str(),
              plain.second.describe("{:.0f} ms").c_str());
  Stopwatch index_watch;
  ESCUDO_TRY(
      db.exec("CREATE INDEX facts_month_nationality_age ON facts (month, nationality, age_group)"));
  std::printf("sqlite:   CREATE INDEX (month, nationality, age_group) in %.2f s\n",
              index_watch.wall_ms() / 1000);
  ESCUDO_ASSIGN_OR_RETURN(std::string indexed_plan, query_plan(db));
  ESCUDO_ASSIGN_OR_RETURN(auto indexed, time_group_by(db, kIndexedRuns));
  std::printf("sqlite:   GROUP BY, covering index [%s]: %s\n", indexed_plan.c_str(),
              indexed.second.describe("{:.0f} ms").c_str());

  // 5. Agreement and the verdicts.
  ESCUDO_ASSIGN_OR_RETURN(Cells from_cube, cube_cells(cube));
  const bool same = from_cube == plain.first && from_cube == indexed.first;
  std::printf("check:    cube cells vs SQLite groups (%zu vs %zu): %s\n", from_cube.size(),
              indexed.first.size(), same ? "OK" : "MISMATCH");
  if (!same) {
    std::printf("          %s\n", describe_difference(from_cube, indexed.first).c_str());
  }
  // The cube's median against SQLite's best run: SQLite gets the benefit of the doubt.
  const double indexed_min = indexed.second.min_wall();
  const double plain_min = plain.second.min_wall();
  const double speedup = indexed_min / cube_median;
  std::printf(
      "speed-up: cube (median %.1f ms) over SQLite with the covering index (best %.0f ms): "
      "%.0fx; over the plain scan (best %.0f ms): %.0fx; in CPU time: %.0fx and %.0fx\n",
      cube_median, indexed_min, speedup, plain_min, plain_min / cube_median,
      indexed.second.min_cpu() / cube_runs.median_cpu(),
      plain.second.min_cpu() / cube_runs.median_cpu());
  std::printf("%s  cube median <= %.0f ms  (%.1f ms)\n",
              cube_median <= kCubeTargetMs ? "PASS" : "FAIL", kCubeTargetMs, cube_median);
  std::printf("%s  speed-up over SQLite with covering index >= %.0fx  (%.0fx)\n",
              speedup >= kSpeedupTarget ? "PASS" : "FAIL", kSpeedupTarget, speedup);
  std::printf("%s  cube and SQLite agree\n", same ? "PASS" : "FAIL");
  return escudo::ok_status();
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse_options(argc, argv);
  if (!options) {
    std::fprintf(stderr, "bench_stats_cube: %s\n", options.error().message().c_str());
    return 2;
  }
  if (auto status = run(*options); !status) {
    std::fprintf(stderr, "bench_stats_cube: %s\n", status.error().to_string().c_str());
    return 1;
  }
  return 0;
}

#include "cli/commands.h"
#include "cli/command_support.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "api/server.h"
#include "api/stats_format.h"
#include "base/input_stream.h"
#include "base/log.h"
#include "cli/progress.h"
#include "crypto/crypto.h"
#include "service/services.h"
#include "service/transit_csv.h"
#include "sim/corridor.h"
#include "sim/network.h"
#include "sim/people.h"
#include "sim/people_csv.h"
#include "sim/registration_csv.h"
#include "sim/watchlist.h"

#include <fstream>

namespace escudo::cli {

int fail(const Error& error) {
  std::fprintf(stderr, "escudo: %s\n", error.message().c_str());
  return kFailed;
}

std::unique_ptr<service::Services> open_services(const std::string& db, bool server,
                                                 int tip_pow_difficulty) {
  if (db.empty()) {
    std::fprintf(stderr, "escudo: give the database with --db PATH\n");
    return nullptr;
  }
  service::ServicesOptions options;
  if (server) options.checkpoint_interval_ms = 250;
  if (tip_pow_difficulty > 0) options.tips.pow_difficulty = tip_pow_difficulty;
  auto services = service::Services::open_sqlite(db, options);
  if (!services) {
    fail(services.error());
    return nullptr;
  }
  return std::move(*services);
}

std::optional<std::string> read_password(bool from_stdin, std::string_view whose) {
  if (!from_stdin) {
    std::fprintf(stderr, "escudo: pass %.*s password on standard input with --password-stdin\n",
                 static_cast<int>(whose.size()), whose.data());
    return std::nullopt;
  }
  std::string password;
  if (!std::getline(std::cin, password)) {
    std::fprintf(stderr, "escudo: no password on standard input\n");
    return std::nullopt;
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

namespace {

namespace fs = std::filesystem;

void print_created(const service::CreatedUser& created) {
  std::printf("user %s created (id %lld)\n", created.user.username.c_str(),
              static_cast<long long>(created.user.id.value()));
  if (created.totp_secret) {
    std::printf("totp secret: %s\n", created.totp_secret->c_str());
    std::printf("otpauth uri: %s\n", created.totp_uri->c_str());
    std::printf("Add the secret to an authenticator app now: it is not shown again.\n");
  }
}

int import_one(service::Services& services, const std::string& path) {
  auto stream = open_file_stream(path);
  if (!stream) return fail(stream.error());
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  Progress progress("importing " + fs::path(path).filename().string(), ec ? 0 : size);
  auto report = services.transits().import_table(service::Actor::command_line(),
                                                 with_progress(std::move(*stream), &progress));
  progress.finish();
  if (!report) return fail(report.error());
  if (!report->stored) {
    for (const auto& e : report->errors) {
      if (e.field.empty()) {
        std::fprintf(stderr, "%s:%lld: %s\n", path.c_str(), static_cast<long long>(e.line),
                     e.message.c_str());
      } else {
        std::fprintf(stderr, "%s:%lld:%lld: %s: %s\n", path.c_str(),
                     static_cast<long long>(e.line), static_cast<long long>(e.column),
                     e.field.c_str(), e.message.c_str());
      }
    }
    if (report->error_count > static_cast<std::int64_t>(report->errors.size())) {
      std::fprintf(stderr, "… and %lld more\n",
                   static_cast<long long>(report->error_count - report->errors.size()));
    }
    std::fprintf(stderr, "escudo: %lld bad row(s) in %s; nothing was stored\n",
                 static_cast<long long>(report->error_count), path.c_str());
    return kFailed;
  }
  std::printf("imported %s: %lld rows (%s table), %lld people\n", path.c_str(),
              static_cast<long long>(report->rows), report->kind.c_str(),
              static_cast<long long>(report->total));
  return kOk;
}

std::string find_web_root(const std::string& given) {
  if (!given.empty()) return given;
  for (const char* candidate : {"web/dist", "../web/dist", "/usr/share/escudo/web"}) {
    std::error_code ec;
    if (fs::exists(fs::path(candidate) / "index.html", ec)) return candidate;
  }
  return "";
}

int serve_with(service::Services& services, const ServeArgs& args) {
  api::ServerOptions options;
  options.address = args.address;
  options.port = args.port;
  options.web_root = find_web_root(args.web_root);
  options.io_threads = args.io_threads;
  options.worker_threads = args.workers;
  options.handle_signals = true;
  if (options.web_root.empty()) {
    std::fprintf(stderr, "escudo: the web UI is not built (web/dist); serving the API only\n");
  }
  auto server = api::Server::create(services, options);
  if (!server) return fail(server.error());
  auto port = (*server)->start();
  if (!port) return fail(port.error());
  std::printf("escudo listening on http://%s:%u\n", args.address.c_str(),
              static_cast<unsigned>(*port));
  std::fflush(stdout);
  (*server)->run();
  std::printf("escudo stopped\n");
  return kOk;
}

}  // namespace

int run_serve(const ServeArgs& args) {
  if (args.tip_pow_difficulty < 0 || args.tip_pow_difficulty > 24) {
    std::fprintf(stderr, "escudo: --tip-pow-difficulty must be between 1 and 24 (bits)\n");
    return kFailed;
  }
  auto services = open_services(args.db, /*server=*/true, args.tip_pow_difficulty);
  if (!services) return kFailed;
  return serve_with(*services, args);
}

int run_user_add(const UserAddArgs& args) {
  service::NewUserRequest request;
  request.username = args.name;
  request.display_name = args.display_name.empty() ? args.name : args.display_name;
  request.agency = args.agency;
  for (const auto& name : args.roles) {
    auto role = model::parse_role(name);
    if (!role) return fail(role.error());
    request.roles.push_back(*role);
  }
  auto language = model::parse_language(args.language);
  if (!language) return fail(language.error());
  request.language = *language;
  auto password = read_password(args.password_stdin);
  if (!password) return kFailed;
  request.password = *password;
  auto services = open_services(args.db);
  if (!services) return kFailed;
  auto created = services->access().create_user(service::Actor::command_line(), request);
  if (!created) return fail(created.error());
  print_created(*created);
  return kOk;
}

int run_user_list(const std::string& db) {
  auto services = open_services(db);
  if (!services) return kFailed;
  auto users = services->access().list_users(service::Actor::command_line());
  if (!users) return fail(users.error());
  std::printf("%-20s %-28s %-20s %-8s %-5s %s\n", "USER", "NAME", "AGENCY", "STATE", "2FA",
              "ROLES");
  for (const auto& u : *users) {
    std::string roles;
    for (auto r : u.roles) {
      if (!roles.empty()) roles += ',';
      roles += model::role_name(r);
    }
    std::printf("%-20s %-28s %-20s %-8s %-5s %s\n", u.username.c_str(), u.display_name.c_str(),
                u.agency_name.c_str(), u.disabled ? "disabled" : "active",
                u.totp_enabled ? "yes" : "no", roles.c_str());
  }
  return kOk;
}

int run_user_passwd(const std::string& db, const std::string& name, bool password_stdin) {
  auto password = read_password(password_stdin);
  if (!password) return kFailed;
  auto services = open_services(db);
  if (!services) return kFailed;
  auto done = services->access().set_password(service::Actor::command_line(), name, *password);
  if (!done) return fail(done.error());
  std::printf("password of %s changed; their sessions were ended\n", name.c_str());
  return kOk;
}

int run_user_disable(const std::string& db, const std::string& name, bool disabled) {
  auto services = open_services(db);
  if (!services) return kFailed;
  auto user = services->access().set_disabled_by_name(service::Actor::command_line(), name, disabled);
  if (!user) return fail(user.error());
  std::printf("user %s %s\n", name.c_str(), disabled ? "disabled; their sessions were ended"
                                                     : "enabled");
  return kOk;
}

int run_audit_verify(const std::string& db) {
  auto services = open_services(db);
  if (!services) return kFailed;
  auto report = services->audit().verify(nullptr);
  if (!report) return fail(report.error());
  if (report->ok) {
    std::printf("audit chain holds: %lld entries; head %s\n",
                static_cast<long long>(report->entries), report->head_hash.c_str());
    return kOk;
  }
  std::printf("audit chain BROKEN at entry %lld: %s\n(%lld entries before it hold)\n",
              static_cast<long long>(report->first_broken.value_or(0)), report->reason.c_str(),
              static_cast<long long>(report->entries));
  return kFailed;
}

int run_import_transits(const std::string& db, const std::vector<std::string>& files) {
  auto services = open_services(db);
  if (!services) return kFailed;
  int status = kOk;
  for (const auto& file : files) {
    if (import_one(*services, file) != kOk) status = kFailed;
  }
  return status;
}

int run_stats(const StatsArgs& args) {
  service::StatsQuery query;
  auto by = stats::parse_dimensions(args.by);
  if (!by) return fail(by.error());
  query.by = *by;
  query.source = args.source;
  if (!args.from.empty()) {
    auto from = YearMonth::parse(args.from);
    if (!from) return fail(from.error().with_context("--from"));
    query.from = *from;
  }
  if (!args.to.empty()) {
    auto to = YearMonth::parse(args.to);
    if (!to) return fail(to.error().with_context("--to"));
    query.to = *to;
  }
  if (!args.nationality.empty()) query.nationality = args.nationality;
  if (args.format != "csv" && args.format != "json") {
    std::fprintf(stderr, "escudo: --format is csv or json\n");
    return kFailed;
  }
  auto services = open_services(args.db);
  if (!services) return kFailed;
  auto cube = services->stats().cube(nullptr, query);
  if (!cube) return fail(cube.error());
  std::string out = args.format == "csv" ? api::cube_csv(*cube) : api::cube_json(*cube, args.source) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kOk;
}

int run_project(const ProjectArgs& args) {
  auto cutoff = YearMonth::parse(args.cutoff);
  if (!cutoff) return fail(cutoff.error().with_context("--cutoff"));
  if (args.format != "text" && args.format != "json") {
    std::fprintf(stderr, "escudo: --format is text or json\n");
    return kFailed;
  }
  auto services = open_services(args.db);
  if (!services) return kFailed;
  auto report = services->stats().projection(nullptr, args.year, *cutoff);
  if (!report) return fail(report.error());
  if (args.format == "json") {
    std::printf("%s\n", api::projection_json(*report, args.rows).c_str());
    return kOk;
  }
  const auto& r = *report;
  std::printf("%d, known to %s: %.0f people\n", r.year, r.cutoff.to_string().c_str(), r.known_to_date);
  std::printf("projection: %.0f (80%% interval %.0f to %.0f), method %s\n", r.recommended.point,
              r.recommended.low80, r.recommended.high80,
              std::string(stats::method_name(r.recommended.method)).c_str());
  if (r.actual) std::printf("actual: %lld\n", static_cast<long long>(*r.actual));
  std::printf("\n%-22s %12s %12s %12s%s\n", "method", "projection", "low80", "high80",
              r.actual ? "        error" : "");
  for (const auto& p : r.methods) {
    std::printf("%-22s %12.0f %12.0f %12.0f", std::string(stats::method_name(p.method)).c_str(),
                p.point, p.low80, p.high80);
    if (r.actual) std::printf(" %+11.1f%%", (p.point / static_cast<double>(*r.actual) - 1) * 100);
    std::printf("\n");
  }
  std::printf("\nback-test, mean absolute %% error at cut-off month %d and over all months:\n",
              r.cutoff.month());
  for (const auto& o : r.backtest_overall) {
    double at_cutoff = 0;
    for (const auto& b : r.backtest) {
      if (b.method == o.method && b.cutoff_month == r.cutoff.month()) at_cutoff = b.mean_absolute_percentage_error;
    }
    std::printf("%-22s %8.1f%% %8.1f%%\n", std::string(stats::method_name(o.method)).c_str(),
                at_cutoff, o.mean_absolute_percentage_error);
  }
  return kOk;
}

int run_import_registrations(const std::string& db, const std::vector<std::string>& files) {
  auto services = open_services(db);
  if (!services) return kFailed;
  int status = kOk;
  for (const auto& path : files) {
    auto stream = open_file_stream(path);
    if (!stream) return fail(stream.error());
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    Progress progress("importing " + fs::path(path).filename().string(), ec ? 0 : size);
    auto report = services->registrations().import_csv(
        service::Actor::command_line(), with_progress(std::move(*stream), &progress));
    progress.finish();
    if (!report) {
      fail(report.error());
      status = kFailed;
      continue;
    }
    if (!report->stored) {
      for (const auto& e : report->errors) {
        std::fprintf(stderr, "%s:%lld:%lld: %s%s%s\n", path.c_str(), static_cast<long long>(e.line),
                     static_cast<long long>(e.column), e.field.c_str(), e.field.empty() ? "" : ": ",
                     e.message.c_str());
      }
      std::fprintf(stderr, "escudo: %lld problem(s) in %s; nothing was stored\n",
                   static_cast<long long>(report->error_count), path.c_str());
      status = kFailed;
      continue;
    }
    std::printf("imported %s: %lld groups, %lld people, %lld unaccompanied children flagged "
                "(stored in %.2f s)\n",
                path.c_str(), static_cast<long long>(report->groups),
                static_cast<long long>(report->people), static_cast<long long>(report->unaccompanied),
                report->storing_seconds);
    if (report->screened) {
      std::printf("screened %lld people against the watchlists and earlier records in %.2f s: "
                  "%lld with hits (%lld hits in all), waiting in the screening queue\n",
                  static_cast<long long>(report->screened_people), report->screening_seconds,
                  static_cast<long long>(report->people_with_hits),
                  static_cast<long long>(report->hits));
    } else {
      // The file is stored: importing it again would register everyone twice.
      std::fprintf(stderr,
                   "escudo: warning: %s is stored, but its people could not be screened: %s\n"
                   "escudo: screen them with `escudo screening run --person ID`\n",
                   path.c_str(), report->screening_problem.c_str());
    }
  }
  return status;
}

// The official tables in `data_dir`, or nullopt after telling the user what is wrong.
std::optional<sim::OfficialTables> load_sim_tables(const std::string& data_dir) {
  sim::OfficialTables tables;
  for (const char* name : {"darien_transits_by_nationality.csv", "darien_transits_by_sex_age.csv"}) {
    std::string path = (fs::path(data_dir) / name).string();
    auto stream = open_file_stream(path);
    if (!stream) {
      fail(stream.error());
      return std::nullopt;
    }
    auto table = service::read_transit_table(std::move(*stream));
    if (!table) {
      fail(table.error());
      return std::nullopt;
    }
    if (table->error_count > 0) {
      std::fprintf(stderr, "escudo: %s has %lld bad rows; check it with `escudo import transits`\n",
                   path.c_str(), static_cast<long long>(table->error_count));
      return std::nullopt;
    }
    for (auto& r : table->nationality) {
      if (!r.annual_total) tables.by_nationality.push_back(std::move(r));
    }
    for (auto& r : table->demographic) tables.by_sex_age.push_back(std::move(r));
  }
  return tables;
}

int run_sim_transits(const SimArgs& args) {
  if (args.count <= 0) {
    std::fprintf(stderr, "escudo: --count must be a positive number of people\n");
    return kFailed;
  }
  std::optional<sim::OfficialTables> loaded = load_sim_tables(args.data_dir);
  if (!loaded) return kFailed;
  const sim::OfficialTables& tables = *loaded;
  std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::fprintf(stderr, "escudo: cannot write %s\n", args.out.c_str());
    return kFailed;
  }
  sim::write_csv_header(out);
  Progress progress("simulating", static_cast<std::uint64_t>(args.count));
  std::int64_t people = 0;
  std::int64_t groups = 0;
  auto generated = sim::generate({.seed = args.seed, .people = args.count}, tables,
                                 [&](const sim::SimGroup& group) -> Status {
                                   sim::write_csv_group(out, group);
                                   people += static_cast<std::int64_t>(group.people.size());
                                   ++groups;
                                   if (groups % 1024 == 0) progress.update(static_cast<std::uint64_t>(people));
                                   return ok_status();
                                 });
  progress.finish();
  if (!generated) return fail(generated.error());
  out.close();
  if (!out) {
    std::fprintf(stderr, "escudo: writing %s failed (disk full?)\n", args.out.c_str());
    return kFailed;
  }
  std::printf("wrote %s: %lld people in %lld groups (seed %llu)\n", args.out.c_str(),
              static_cast<long long>(people), static_cast<long long>(groups),
              static_cast<unsigned long long>(args.seed));
  return kOk;
}

namespace {

// A file written in large pieces, with every failure reported once, by name.
class BufferedFile {
 public:
  explicit BufferedFile(const std::string& path)
      : path_(path), out_(path, std::ios::binary | std::ios::trunc) {}
  bool is_open() const { return static_cast<bool>(out_); }
  std::string& buffer() { return buffer_; }
  void flush_if_full() {
    if (buffer_.size() >= (1u << 20)) flush();
  }
  bool close() {
    flush();
    out_.close();
    return static_cast<bool>(out_);
  }

 private:
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  std::string path_;
  std::ofstream out_;
  std::string buffer_;
};

double percent(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

void print_people_summary(const sim::PeopleSummary& s) {
  std::fprintf(stderr, "records %lld, persons %lld, persons with duplicates %lld (%.1f%%): ",
               static_cast<long long>(s.records), static_cast<long long>(s.persons),
               static_cast<long long>(s.persons_with_duplicates),
               percent(s.persons_with_duplicates, s.persons));
  std::fprintf(stderr, "2 records %lld, 3 records %lld, 4 records %lld\n",
               static_cast<long long>(s.persons_by_records[2]),
               static_cast<long long>(s.persons_by_records[3]),
               static_cast<long long>(s.persons_by_records[4]));
  std::fprintf(stderr, "re-registrations after a return %lld\n",
               static_cast<long long>(s.records_after_return));
  std::fprintf(stderr,
               "different persons alike: family phones %lld groups (%lld persons), boats %lld "
               "(%lld persons with the boat's phone), twin pairs %lld\n",
               static_cast<long long>(s.family_phone_groups),
               static_cast<long long>(s.family_phone_persons), static_cast<long long>(s.boats),
               static_cast<long long>(s.boat_phone_persons), static_cast<long long>(s.twin_pairs));
  std::fprintf(stderr, "records with each error:\n");
  for (std::size_t i = 0; i < sim::kRecordErrorKinds; ++i) {
    std::fprintf(stderr, "  %-30s %10lld  %5.2f%%\n",
                 std::string(sim::record_error_name(static_cast<sim::RecordError>(i))).c_str(),
                 static_cast<long long>(s.errors[i]), percent(s.errors[i], s.records));
  }
}

// The folder a simulator writes its files to, created when missing; false after telling the
// user what is wrong.
bool make_out_dir(const std::string& out) {
  if (out.empty()) {
    std::fprintf(stderr, "escudo: give the folder to write to with --out DIR\n");
    return false;
  }
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) {
    std::fprintf(stderr, "escudo: cannot create %s: %s\n", out.c_str(), ec.message().c_str());
    return false;
  }
  return true;
}

}  // namespace

int run_sim_network(const SimNetworkArgs& args) {
  if (!make_out_dir(args.out)) return kFailed;
  auto net = sim::simulate_network({.seed = args.seed,
                                    .regional_leaders = args.leaders,
                                    .migrants = args.migrants,
                                    .days = args.days});
  if (!net) return fail(net.error());
  const std::pair<const char*, std::string> files[] = {
      {"calls.csv", sim::calls_csv(*net)},
      {"transfers.csv", sim::transfers_csv(*net)},
      {"mentions.csv", sim::mentions_csv(*net)},
      {"truth.csv", sim::network_truth_csv(*net)}};
  for (const auto& [name, content] : files) {
    std::string path = (fs::path(args.out) / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
      std::fprintf(stderr, "escudo: writing %s failed\n", path.c_str());
      return kFailed;
    }
  }
  std::printf("wrote %s: calls.csv (%zu calls), transfers.csv (%zu transfers), mentions.csv (%zu "
              "mentions), truth.csv (%zu people) (seed %llu)\n",
              args.out.c_str(), net->calls.size(), net->transfers.size(), net->mentions.size(),
              net->people.size(), static_cast<unsigned long long>(args.seed));
  return kOk;
}

int run_sim_watchlist(const SimWatchlistArgs& args) {
  if (!make_out_dir(args.out)) return kFailed;
  constexpr const char* kNames[] = {"watchlist.csv", "registrations.csv", "truth.csv"};
  std::ofstream files[3];
  for (int i = 0; i < 3; ++i) {
    const std::string path = (fs::path(args.out) / kNames[i]).string();
    files[i].open(path, std::ios::binary | std::ios::trunc);
    if (!files[i]) {
      std::fprintf(stderr, "escudo: cannot write %s\n", path.c_str());
      return kFailed;
    }
  }
  auto summary = sim::simulate_watchlist(
      {.seed = args.seed, .entries = args.entries, .registrations = args.registrations,
       .hit_share = args.hit_share},
      [&](sim::WatchlistSimFile file, std::string_view line) -> Status {
        auto& out = files[static_cast<int>(file)];
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
        if (!out) {
          return errorf(ErrorCode::kResourceExhausted, "writing {} failed",
                        (fs::path(args.out) / kNames[static_cast<int>(file)]).string());
        }
        return ok_status();
      });
  if (!summary) return fail(summary.error());
  for (int i = 0; i < 3; ++i) {
    files[i].close();
    if (!files[i]) {
      std::fprintf(stderr, "escudo: writing %s failed\n", (fs::path(args.out) / kNames[i]).c_str());
      return kFailed;
    }
  }
  std::printf("wrote %s: watchlist.csv (%lld entries), registrations.csv (%lld registrations), "
              "truth.csv (%lld planted hits) (seed %llu)\n",
              args.out.c_str(), static_cast<long long>(summary->entries),
              static_cast<long long>(summary->registrations),
              static_cast<long long>(summary->planted), static_cast<unsigned long long>(args.seed));
  return kOk;
}

int run_sim_people(const SimPeopleArgs& args) {
  constexpr std::int64_t kMaxRecords = 1'000'000'000;  // a slip of the keyboard, not a plan
  if (args.count <= 0 || args.count > kMaxRecords) {
    std::fprintf(stderr, "escudo: --count must be a positive number of records, at most %lld\n",
                 static_cast<long long>(kMaxRecords));
    return kFailed;
  }
  std::error_code ec;
  if (fs::equivalent(args.out, args.truth, ec) || args.out == args.truth) {
    std::fprintf(stderr, "escudo: --out and --truth must be different files\n");
    return kFailed;
  }
  std::optional<sim::OfficialTables> tables = load_sim_tables(args.data_dir);
  if (!tables) return kFailed;
  BufferedFile records(args.out);
  if (!records.is_open()) {
    std::fprintf(stderr, "escudo: cannot write %s\n", args.out.c_str());
    return kFailed;
  }
  BufferedFile truth(args.truth);
  if (!truth.is_open()) {
    std::fprintf(stderr, "escudo: cannot write %s\n", args.truth.c_str());
    return kFailed;
  }
  const int width = sim::id_width(args.count);
  sim::append_people_header(records.buffer());
  sim::append_truth_header(truth.buffer());
  Progress progress("simulating", static_cast<std::uint64_t>(args.count));
  std::uint64_t written = 0;
  auto summary = sim::generate_people(
      {.seed = args.seed, .records = args.count}, *tables,
      [&](const sim::PersonRecord& record) -> Status {
        sim::append_person_record(records.buffer(), record, width);
        sim::append_truth_row(truth.buffer(), record, width);
        records.flush_if_full();
        truth.flush_if_full();
        if (++written % 16384 == 0) progress.update(written);
        return ok_status();
      });
  progress.finish();
  if (!summary) return fail(summary.error());
  for (auto* file : {&records, &truth}) {
    if (!file->close()) {
      std::fprintf(stderr, "escudo: writing %s failed (disk full?)\n",
                   (file == &records ? args.out : args.truth).c_str());
      return kFailed;
    }
  }
  print_people_summary(*summary);
  std::printf("wrote %s (%lld records) and %s (seed %llu)\n", args.out.c_str(),
              static_cast<long long>(summary->records), args.truth.c_str(),
              static_cast<unsigned long long>(args.seed));
  return kOk;
}

int run_demo(const DemoArgs& args) {
  bool fresh = !fs::exists(args.db);
  auto services = open_services(args.db, /*server=*/true);
  if (!services) return kFailed;
  if (fresh) {
    std::printf("created %s\n", args.db.c_str());
  }
  {
    auto pool = services->pool().acquire();
    auto imported = pool->query_int("SELECT COUNT(*) FROM transit_imports");
    if (!imported) return fail(imported.error());
    if (imported->value_or(0) == 0) {
      for (const char* name : {"darien_transits_by_nationality.csv", "darien_transits_by_sex_age.csv"}) {
        if (import_one(*services, (fs::path(args.data_dir) / name).string()) != kOk) return kFailed;
      }
    } else {
      std::printf("official data already loaded in %s\n", args.db.c_str());
    }
  }
  {
    // The IOM Missing Migrants incidents shipped beside the official tables (data/incidents/).
    fs::path mmp = fs::path(args.data_dir).parent_path() / "incidents" / "mmp_panama_colombia.csv";
    auto pool = services->pool().acquire();
    auto stored = pool->query_int("SELECT COUNT(*) FROM incidents");
    if (!stored) return fail(stored.error());
    if (stored->value_or(0) == 0 && fs::exists(mmp)) {
      auto stream = open_file_stream(mmp.string());
      if (!stream) return fail(stream.error());
      auto report = services->incidents().import_mmp(service::Actor::command_line(), std::move(*stream));
      if (!report) return fail(report.error());
      if (!report->stored) {
        std::fprintf(stderr, "escudo: %s has bad rows; run `escudo incidents import-mmp` to see them\n",
                     mmp.string().c_str());
        return kFailed;
      }
      std::printf("imported %s: %lld incidents\n", mmp.string().c_str(), static_cast<long long>(report->rows));
    }
  }
  auto users = services->access().list_users(service::Actor::command_line());
  if (!users) return fail(users.error());
  if (users->empty()) {
    std::printf("\nDemo users (passwords are shown only now; keep them):\n\n");
    std::printf("  %-25s %-20s %-18s %s\n", "user", "role", "password", "second factor (TOTP)");
    for (model::Role role : model::all_roles()) {
      std::string name = "demo." + std::string(model::role_name(role));
      std::replace(name.begin(), name.end(), '_', '-');
      std::string password = crypto::random_token(12);
      auto created = services->access().create_user(
          service::Actor::command_line(),
          {.username = name,
           .display_name = "Demo " + std::string(model::role_name(role)),
           .agency = "escudo demo",
           .roles = {role},
           .password = password});
      if (!created) return fail(created.error());
      std::printf("  %-25s %-20s %-18s %s\n", name.c_str(), std::string(model::role_name(role)).c_str(),
                  password.c_str(), created->totp_secret ? created->totp_secret->c_str() : "-");
    }
    std::printf("\nAdmin and tip handler sign in with a 6-digit code: add their secret to an "
                "authenticator app.\n\n");
    // The tip desk's key, granted to the demo tip handler, so the tip line works at once.
    auto desk = services->tips().init_desk(service::Actor::command_line());
    if (!desk) return fail(desk.error());
    std::printf("The public tip form is at http://%s:%u/tip\n\n", args.serve.address.c_str(),
                static_cast<unsigned>(args.serve.port));
  } else {
    std::printf("demo users exist already (their passwords were shown when %s was created);\n"
                "reset one with: printf 'new password\\n' | escudo user passwd --db %s --name "
                "demo.analyst --password-stdin\n",
                args.db.c_str(), args.db.c_str());
  }
  return serve_with(*services, args.serve);
}

}  // namespace escudo::cli

// The `escudo` command line: one function per command, each returning the process exit code.
// main.cc wires them to CLI11; they call only the service layer (and api::Server for serve).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escudo::cli {

struct ServeArgs {
  std::string db;
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string web_root;
  int io_threads = 2;
  int workers = 2;
  // Leading zero bits the public tip routes' proof of work asks for; 0 keeps the default (16).
  int tip_pow_difficulty = 0;
};

struct DemoArgs {
  std::string db = "escudo-demo.db";
  std::string data_dir = "data/official";
  ServeArgs serve;
};

struct UserAddArgs {
  std::string db;
  std::string name;
  std::string display_name;
  std::string agency = "escudo";
  std::vector<std::string> roles;
  std::string language = "es";
  bool password_stdin = false;
};

struct StatsArgs {
  std::string db;
  std::string by = "year";
  std::string source = "official";
  std::string from;
  std::string to;
  std::string nationality;
  std::string format = "csv";
};

struct ProjectArgs {
  std::string db;
  int year = 0;
  std::string cutoff;
  std::string format = "text";
  bool rows = false;
};

struct SimArgs {
  std::int64_t count = 0;
  std::uint64_t seed = 1;
  std::string out;
  std::string data_dir = "data/official";
};

struct SimPeopleArgs {
  std::int64_t count = 0;
  std::uint64_t seed = 1;
  std::string out;
  std::string truth;
  std::string data_dir = "data/official";
};

struct SimNetworkArgs {
  std::uint64_t seed = 1;
  std::string out;
  int leaders = 3;
  int migrants = 400;
  int days = 180;
};

struct SimWatchlistArgs {
  std::uint64_t seed = 1;
  std::string out;
  std::int64_t entries = 100'000;
  std::int64_t registrations = 100'000;
  double hit_share = 0.02;
};

struct ResolveArgs {
  std::string input;
  std::string id_column;
  std::vector<std::string> fields;  // KIND=COLUMN[:FORMAT]
  std::string output;
  double threshold = 0.9;
  double hold_ceiling = 0.85;  // resolve::ResolveOptions::hold_ceiling
  std::string explain;
  std::string nicknames;
  std::string model;
  std::string save_model;
  bool lenient_dates = false;
};

// `escudo screen`: people in one CSV against the watchlist in another.
struct ScreenArgs {
  std::string watchlist;
  std::string input;
  std::string output;
  std::string id_column;
  std::vector<std::string> fields;  // KIND=COLUMN[:FORMAT] of the input (and of the list)
  std::string watchlist_id_column;  // default: id_column
  std::vector<std::string> watchlist_fields;  // default: fields
  double threshold = 0.5;
  int max_hits = 10;
  std::string explain;
  std::string nicknames;
  bool lenient_dates = false;
};

// `escudo watchlist|screening|rules|protection|returns …` (src/cli/protection_command.cc).
struct ProtectionArgs {
  std::string db;
  std::int64_t person = 0;
  std::vector<std::int64_t> people;
  std::int64_t claim = 0;  // 0: lodge a new claim
  std::int64_t manifest = 0;
  std::vector<std::int64_t> returns;
  std::string name;
  std::string kind = "other";
  std::string file;
  std::string status;
  std::string on;  // YYYY-MM-DD
  std::string note;
  std::string outcome;
  std::vector<std::string> indicators;
  std::string recommendation;
  std::string to;  // receiving country (ISO-3)
  std::string reason;
  bool voluntary = false;
  std::string mode = "bus";
  std::string escort;
  std::string from = "2000-01";
  std::string to_month = "2100-12";
};

// Exit code of a return (or a check) that a safeguard stopped.
inline constexpr int kStoppedBySafeguard = 3;

// Where `escudo network` reads its links (src/cli/network_input.h).
struct NetworkInputArgs {
  std::string edges;
  bool matrix = false;
  bool two_mode = false;
  bool directed = false;
  std::string source_column;
  std::string target_column;
  std::string weight_column;
};

struct NetworkAnalyzeArgs {
  NetworkInputArgs input;
  std::string measures = "degree,betweenness,pagerank,closeness,kcore";
  std::string format = "csv";
  std::string length = "hops";
  std::uint32_t pivots = 0;
  std::uint64_t paths = 0;
  std::uint64_t seed = 1;
};

struct NetworkCommunitiesArgs {
  NetworkInputArgs input;
  std::uint64_t seed = 1;
  double resolution = 1.0;
  std::string format = "csv";
};

struct NetworkDisruptArgs {
  NetworkInputArgs input;
  std::string by = "betweenness";
  int steps = 5;
  bool no_recompute = false;
  std::string format = "csv";
};

struct NetworkPathArgs {
  NetworkInputArgs input;
  std::string from;
  std::string to;
  int k = 1;
  std::string length = "hops";
  std::string format = "csv";
};

struct NetworkExportArgs {
  NetworkInputArgs input;
  std::string format = "graphml";
  std::string out;
};

struct IntelImportArgs {
  std::string db;
  std::string kind;  // calls | transfers | mentions | meetings
  std::vector<std::string> files;
};

struct IntelKeyPlayersArgs {
  std::string db;
  int limit = 25;
  std::string format = "csv";
};

struct IntelSlicesArgs {
  std::string db;
  std::string from1, to1, from2, to2;  // YYYY-MM-DD
  std::string types;                    // comma-separated; all when empty
  int limit = 200;
  std::string format = "csv";
};

struct IntelExportArgs {
  std::string db;
  std::string format = "graphml";
  std::string out;
};

struct CasesFiguresArgs {
  std::string db;
  std::string by = "month";
  std::string from;
  std::string to;
  std::string format = "csv";
};

// Protection incidents, hotspots, sectors, deployment plans and operations
// (src/cli/incidents_command.cc).
struct IncidentCountsArgs {
  std::string db;
  std::string by = "year";
  std::string type;
  std::string from;
  std::string to;
  bool darien = false;
  std::string format = "csv";
};

struct HotspotsArgs {
  std::string db;
  std::string type;
  std::string from;
  std::string to;
  std::string compare_from;
  std::string compare_to;
  double cell_km = 2;
  double bandwidth_km = 8;
  double threshold = 0.25;
  double min_incidents = 2;
  bool cells = false;
  std::string format = "geojson";
};

struct SectorsArgs {
  std::string db;
  std::string type;
  std::string from;
  std::string to;
  std::string load;
};

struct PlanArgs {
  std::string db;
  std::int64_t units = 0;
  std::int64_t air_units = 0;
  double air_weight = 3;
  std::string period;
  std::vector<std::string> fix;  // SECTOR=COVERAGE
  int shifts = 14;
  std::uint64_t seed = 1;
  std::string format = "json";
};

struct OperationAddArgs {
  std::string db;
  std::string name;
  std::string from;
  std::string to;
  std::string sectors;
  std::int64_t ground_units = 0;
  std::int64_t air_units = 0;
};

struct OperationResultsArgs {
  std::string db;
  std::int64_t id = 0;
  std::int64_t arrests = 0;
  std::int64_t seizures = 0;
  std::int64_t rescues = 0;
  std::string notes;
};

int run_incidents_import_mmp(const std::string& db, const std::string& file);
int run_incidents_counts(const IncidentCountsArgs& args);
int run_hotspots(const HotspotsArgs& args);
int run_sectors(const SectorsArgs& args);
int run_plan(const PlanArgs& args);
int run_operations_add(const OperationAddArgs& args);
int run_operations_results(const OperationResultsArgs& args);
int run_operations_list(const std::string& db);

int run_serve(const ServeArgs& args);
// The intelligence graph and the cases' figures (src/cli/intel_command.cc).
int run_intel_import(const IntelImportArgs& args);
int run_intel_key_players(const IntelKeyPlayersArgs& args);
int run_intel_export(const IntelExportArgs& args);
int run_intel_slices(const IntelSlicesArgs& args);
int run_cases_figures(const CasesFiguresArgs& args);
// Network analysis of a file of links (src/cli/network_command.cc).
int run_network_analyze(const NetworkAnalyzeArgs& args);
int run_network_communities(const NetworkCommunitiesArgs& args);
int run_network_disrupt(const NetworkDisruptArgs& args);
int run_network_path(const NetworkPathArgs& args);
int run_network_export(const NetworkExportArgs& args);
// Resolves the person records of a CSV into entities (src/cli/resolve_command.cc).
int run_resolve(const ResolveArgs& args);
// Screens the people of a CSV against a watchlist CSV (src/cli/screen_command.cc).
int run_screen(const ScreenArgs& args);
int run_watchlist_import(const ProtectionArgs& args);
int run_watchlist_versions(const ProtectionArgs& args);
int run_screening_run(const ProtectionArgs& args);
int run_screening_figures(const ProtectionArgs& args);
int run_rules_add(const ProtectionArgs& args);
int run_protection_claim(const ProtectionArgs& args);
int run_protection_trafficking(const ProtectionArgs& args);
int run_protection_best_interest(const ProtectionArgs& args);
int run_returns_check(const ProtectionArgs& args);
int run_returns_decide(const ProtectionArgs& args);
int run_returns_manifest(const ProtectionArgs& args);
int run_returns_add(const ProtectionArgs& args);
int run_returns_execute(const ProtectionArgs& args);
int run_sim_transits(const SimArgs& args);
int run_sim_people(const SimPeopleArgs& args);
// A simulated smuggling organisation's calls, transfers and interview mentions, and its truth.
int run_sim_network(const SimNetworkArgs& args);
int run_sim_watchlist(const SimWatchlistArgs& args);
int run_project(const ProjectArgs& args);
int run_stats(const StatsArgs& args);
int run_demo(const DemoArgs& args);
int run_user_add(const UserAddArgs& args);
int run_user_list(const std::string& db);
int run_user_passwd(const std::string& db, const std::string& name, bool password_stdin);
int run_user_disable(const std::string& db, const std::string& name, bool disabled);
int run_audit_verify(const std::string& db);
int run_import_transits(const std::string& db, const std::vector<std::string>& files);
int run_import_registrations(const std::string& db, const std::vector<std::string>& files);
// The tip desk's keys and statistics, and the rewards programme (src/cli/tips_command.cc).
int run_tips_init(const std::string& db);
int run_tips_grant(const std::string& db, const std::string& name, const std::string& by,
                   bool password_stdin);
int run_tips_rotate(const std::string& db, const std::string& by, bool password_stdin);
int run_tips_stats(const std::string& db, const std::string& format);
int run_rewards_tier(const std::string& db, const std::string& code, const std::string& name,
                     const std::string& ceiling);
int run_rewards_report(const std::string& db);

}  // namespace escudo::cli

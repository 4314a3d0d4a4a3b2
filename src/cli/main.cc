// escudo: one program for the whole platform. `escudo --help` lists the commands.
#include <CLI/CLI.hpp>

#include "base/version.h"
#include "cli/commands.h"

namespace {

using namespace escudo::cli;

// The arguments of every `escudo network` command, alive while CLI11 parses.
struct NetworkArgs {
  NetworkAnalyzeArgs analyze;
  NetworkCommunitiesArgs communities;
  NetworkDisruptArgs disrupt;
  NetworkPathArgs path;
  NetworkExportArgs exports;
};

void add_input_options(CLI::App* cmd, NetworkInputArgs& in) {
  cmd->add_option("--edges", in.edges,
                  "CSV of links: an edge list with a header (source, target, …), or with --matrix "
                  "an adjacency matrix")
      ->required();
  cmd->add_flag("--matrix", in.matrix,
                "The file is a matrix: a header row of node names, then one row per node "
                "starting with its name; values are weights, 0 = no link");
  cmd->add_flag("--two-mode", in.two_mode,
                "The file links people to events (a people × events matrix with --matrix, or "
                "person,event rows); it is projected onto people, weight = shared events");
  cmd->add_flag("--directed", in.directed, "Links have a direction (source → target; row → column)");
  cmd->add_option("--source-column", in.source_column, "Edge list: column of the sources (default: the first)");
  cmd->add_option("--target-column", in.target_column, "Edge list: column of the targets (default: the second)");
  cmd->add_option("--weight-column", in.weight_column, "Edge list: column of the weights (default: all 1)");
}

void add_network_commands(CLI::App& app, NetworkArgs& args, int& exit_code) {
  auto* network = app.add_subcommand("network", "Network analysis of a file of links");
  network->require_subcommand(1);

  auto* analyze = network->add_subcommand(
      "analyze", "One row per node with each measure (degree, betweenness, PageRank, …)");
  add_input_options(analyze, args.analyze.input);
  analyze->add_option("--measures", args.analyze.measures,
                      "Comma-separated: degree, strength, in_degree, out_degree, betweenness, "
                      "pagerank, closeness (harmonic), kcore")
      ->capture_default_str();
  analyze->add_option("--format", args.analyze.format, "csv or json")->capture_default_str();
  analyze->add_option("--length", args.analyze.length,
                      "Path length for betweenness and closeness: hops, weight, inverse (1/weight)")
      ->capture_default_str();
  analyze->add_option("--pivots", args.analyze.pivots,
                      "Betweenness estimated from this many random sources (0: exact)")
      ->capture_default_str();
  analyze->add_option("--paths", args.analyze.paths,
                      "Betweenness estimated from this many random shortest paths, far faster than "
                      "--pivots on large graphs (0: not used)")
      ->capture_default_str();
  analyze->add_option("--seed", args.analyze.seed, "Seed for --pivots and --paths")->capture_default_str();
  analyze->callback([&] { exit_code = run_network_analyze(args.analyze); });

  auto* communities = network->add_subcommand(
      "communities", "Communities by the Leiden algorithm (modularity): node,community");
  add_input_options(communities, args.communities.input);
  communities->add_option("--seed", args.communities.seed, "Seed; the same seed gives the same communities")
      ->capture_default_str();
  communities->add_option("--resolution", args.communities.resolution,
                          "Above 1: more, smaller communities; below 1: fewer, larger")
      ->capture_default_str();
  communities->add_option("--format", args.communities.format, "csv or json")->capture_default_str();
  communities->callback([&] { exit_code = run_network_communities(args.communities); });

  auto* disrupt = network->add_subcommand(
      "disrupt", "Remove the top nodes by a measure one at a time; size of the largest group left");
  add_input_options(disrupt, args.disrupt.input);
  disrupt->add_option("--by", args.disrupt.by, "Measure: degree, betweenness, pagerank, closeness, kcore, …")
      ->capture_default_str();
  disrupt->add_option("--steps", args.disrupt.steps, "Nodes to remove")->capture_default_str();
  disrupt->add_flag("--no-recompute", args.disrupt.no_recompute,
                    "Follow the intact network's ranking instead of recomputing after each removal");
  disrupt->add_option("--format", args.disrupt.format, "csv or json")->capture_default_str();
  disrupt->callback([&] { exit_code = run_network_disrupt(args.disrupt); });

  auto* path = network->add_subcommand("path", "The shortest paths between two nodes (Yen's k shortest)");
  add_input_options(path, args.path.input);
  path->add_option("--from", args.path.from, "Node name")->required();
  path->add_option("--to", args.path.to, "Node name")->required();
  path->add_option("--k", args.path.k, "Number of paths")->capture_default_str();
  path->add_option("--length", args.path.length, "hops, weight or inverse (1/weight)")->capture_default_str();
  path->add_option("--format", args.path.format, "csv or json")->capture_default_str();
  path->callback([&] { exit_code = run_network_path(args.path); });

  auto* exporter = network->add_subcommand("export", "Write the network as GraphML or GEXF");
  add_input_options(exporter, args.exports.input);
  exporter->add_option("--format", args.exports.format, "graphml or gexf")->capture_default_str();
  exporter->add_option("--out", args.exports.out, "File to write (default: standard output)");
  exporter->callback([&] { exit_code = run_network_export(args.exports); });
}


// `escudo watchlist|screening|rules|protection|returns`: the arguments live in `a` while CLI11
// parses.
void add_protection_commands(CLI::App& app, ProtectionArgs& a, int& exit_code) {
  auto db = [&](CLI::App* c) { c->add_option("--db", a.db, "Database file")->required(); };
  auto bind = [&](CLI::App* c, int (*run)(const ProtectionArgs&)) {
    c->callback([&exit_code, &a, run] { exit_code = run(a); });
  };
  auto* watchlist = app.add_subcommand("watchlist", "Watchlists: import a new version, list versions");
  watchlist->require_subcommand(1);
  auto* wl_import = watchlist->add_subcommand(
      "import", "Import a watchlist CSV (entry_id, name or given_name+surname, aliases, "
                "dates_of_birth, nationalities, documents, listed_for; ';' between several)");
  db(wl_import);
  wl_import->add_option("--name", a.name, "The list's name; a new import of it is a new version")->required();
  wl_import->add_option("--kind", a.kind, "wanted, sanctions or other")->capture_default_str();
  wl_import->add_option("file", a.file, "CSV file")->required();
  bind(wl_import, run_watchlist_import);
  auto* wl_versions = watchlist->add_subcommand("versions", "Every imported version (CSV)");
  db(wl_versions);
  bind(wl_versions, run_watchlist_versions);

  auto* screening = app.add_subcommand("screening", "Screen registered people; figures");
  screening->require_subcommand(1);
  auto* sc_run = screening->add_subcommand(
      "run", "Screen registered people against the watchlists and earlier records (hits as CSV)");
  db(sc_run);
  sc_run->add_option("--person", a.people, "Person id (repeatable)")->required();
  bind(sc_run, run_screening_run);
  auto* sc_figures = screening->add_subcommand(
      "figures", "Screenings, hits, claims, decisions, returns and safeguard stops by nationality "
                 "and month (CSV, no names)");
  db(sc_figures);
  sc_figures->add_option("--from", a.from, "First month, YYYY-MM")->capture_default_str();
  sc_figures->add_option("--to", a.to_month, "Last month, YYYY-MM")->capture_default_str();
  bind(sc_figures, run_screening_figures);

  auto* rules = app.add_subcommand("rules", "Entry requirements");
  rules->require_subcommand(1);
  auto* rules_add = rules->add_subcommand("add", "A new version of the entry requirements (JSON)");
  db(rules_add);
  rules_add->add_option("--effective-on", a.on, "First day in force, YYYY-MM-DD")->required();
  rules_add->add_option("--note", a.note, "What changed");
  rules_add->add_option("file", a.file, "JSON file: documents, visa_required, visa_exempt, min_age_alone")
      ->required();
  bind(rules_add, run_rules_add);

  auto* protection = app.add_subcommand("protection", "Protection claims, trafficking, children");
  protection->require_subcommand(1);
  auto* claim = protection->add_subcommand(
      "claim", "Lodge a protection claim (--person), or move one (--claim with --status)");
  db(claim);
  claim->add_option("--person", a.person, "Person id (to lodge)");
  claim->add_option("--claim", a.claim, "Claim id (to decide, appeal or withdraw)");
  claim->add_option("--status", a.status,
                    "recognised, rejected, under_appeal, rejected_final or withdrawn");
  claim->add_option("--on", a.on, "Day, YYYY-MM-DD")->required();
  claim->add_option("--note", a.note, "The decision's note");
  bind(claim, run_protection_claim);
  auto* trafficking = protection->add_subcommand("trafficking", "Record a trafficking assessment");
  db(trafficking);
  trafficking->add_option("--person", a.person, "Person id")->required();
  trafficking->add_option("--indicator", a.indicators, "Checklist code (repeatable)");
  trafficking->add_option("--outcome", a.outcome,
                          "no_indicators, suspected, recognised or not_a_victim")->required();
  trafficking->add_option("--on", a.on, "Day, YYYY-MM-DD")->required();
  bind(trafficking, run_protection_trafficking);
  auto* bia = protection->add_subcommand("best-interest", "A child's best-interest assessment");
  db(bia);
  bia->add_option("--person", a.person, "Person id")->required();
  bia->add_option("--status", a.status, "open or completed")->required();
  bia->add_option("--recommendation", a.recommendation, "return, stay or other_solution");
  bia->add_option("--note", a.note, "Note");
  bind(bia, run_protection_best_interest);

  auto* returns = app.add_subcommand(
      "returns", "Returns with safeguards (exit 3 when a safeguard stops one)");
  returns->require_subcommand(1);
  auto* check = returns->add_subcommand("check", "What would stop returning a person now");
  db(check);
  check->add_option("--person", a.person, "Person id")->required();
  bind(check, run_returns_check);
  auto* decide = returns->add_subcommand("decide", "Decide a return");
  db(decide);
  decide->add_option("--person", a.person, "Person id")->required();
  decide->add_option("--to", a.to, "Receiving country, ISO-3")->required();
  decide->add_option("--reason", a.reason, "Why (shown to the person)")->required();
  decide->add_flag("--voluntary", a.voluntary, "The person asked to go back");
  bind(decide, run_returns_decide);
  auto* manifest = returns->add_subcommand("manifest", "Open a manifest (a bus or a flight)");
  db(manifest);
  manifest->add_option("--mode", a.mode, "bus or flight")->capture_default_str();
  manifest->add_option("--to", a.to, "Receiving country, ISO-3")->required();
  manifest->add_option("--departs-on", a.on, "YYYY-MM-DD")->required();
  manifest->add_option("--escort", a.escort, "Escort");
  bind(manifest, run_returns_manifest);
  auto* add = returns->add_subcommand("add", "Put decided returns on a manifest");
  db(add);
  add->add_option("--manifest", a.manifest, "Manifest id")->required();
  add->add_option("--return", a.returns, "Return id (repeatable)")->required();
  bind(add, run_returns_add);
  auto* execute = returns->add_subcommand(
      "execute", "Execute a manifest or returns; each is checked again and stopped if it must be");
  db(execute);
  execute->add_option("--manifest", a.manifest, "Manifest id");
  execute->add_option("--return", a.returns, "Return id (repeatable)");
  bind(execute, run_returns_execute);
}

// The arguments of the incident, hotspot, sector, plan and operation commands.
struct IncidentArgs {
  std::string db;
  std::string file;
  IncidentCountsArgs counts;
  HotspotsArgs hotspots;
  SectorsArgs sectors;
  PlanArgs plan;
  OperationAddArgs op_add;
  OperationResultsArgs op_results;
};

void add_incident_commands(CLI::App& app, IncidentArgs& args, int& exit_code) {
  auto* incidents = app.add_subcommand("incidents", "Protection incidents");
  incidents->require_subcommand(1);
  auto* mmp = incidents->add_subcommand(
      "import-mmp", "Import the IOM Missing Migrants CSV (data/incidents/): all rows or none");
  mmp->add_option("--db", args.db, "Database file")->required();
  mmp->add_option("FILE", args.file, "The CSV")->required();
  mmp->callback([&] { exit_code = run_incidents_import_mmp(args.db, args.file); });
  auto* counts = incidents->add_subcommand("counts", "Anonymous counts by year or month and type");
  counts->add_option("--db", args.counts.db, "Database file")->required();
  counts->add_option("--by", args.counts.by, "year or month")->capture_default_str();
  counts->add_option("--type", args.counts.type, "Only this incident type");
  counts->add_option("--from", args.counts.from, "First month (YYYY-MM)");
  counts->add_option("--to", args.counts.to, "Last month (YYYY-MM)");
  counts->add_flag("--darien", args.counts.darien, "Only inside the Darién box (lat 6.8…9.8, lon −79.2…−75.8)");
  counts->add_option("--format", args.counts.format, "csv or json")->capture_default_str();
  counts->callback([&] { exit_code = run_incidents_counts(args.counts); });

  auto* hotspots = app.add_subcommand("hotspots", "Incident hotspots (kernel density and their extent) as GeoJSON");
  auto& h = args.hotspots;
  hotspots->add_option("--db", h.db, "Database file")->required();
  hotspots->add_option("--type", h.type, "Only this incident type");
  hotspots->add_option("--from", h.from, "First month (YYYY-MM)");
  hotspots->add_option("--to", h.to, "Last month (YYYY-MM)");
  hotspots->add_option("--compare-from", h.compare_from, "Compare with the period starting at this month");
  hotspots->add_option("--compare-to", h.compare_to, "… and ending at this month");
  hotspots->add_option("--cell-km", h.cell_km, "Grid cell size")->capture_default_str();
  hotspots->add_option("--bandwidth-km", h.bandwidth_km, "Kernel radius")->capture_default_str();
  hotspots->add_option("--threshold", h.threshold, "Share of the peak density a hotspot's cells reach")->capture_default_str();
  hotspots->add_option("--min-incidents", h.min_incidents, "Smallest hotspot reported")->capture_default_str();
  hotspots->add_flag("--cells", h.cells, "Also write the density grid's cells");
  hotspots->add_option("--format", h.format, "geojson")->capture_default_str();
  hotspots->callback([&] { exit_code = run_hotspots(args.hotspots); });

  auto* sectors = app.add_subcommand("sectors", "The route's sectors with their risk (GeoJSON), or load new ones");
  sectors->add_option("--db", args.sectors.db, "Database file")->required();
  sectors->add_option("--type", args.sectors.type, "Risk from this incident type only");
  sectors->add_option("--from", args.sectors.from, "First month (YYYY-MM)");
  sectors->add_option("--to", args.sectors.to, "Last month (YYYY-MM)");
  sectors->add_option("--load", args.sectors.load,
                      "Replace the sectors with this GeoJSON FeatureCollection of Polygons (code, name, units_to_cover)");
  sectors->callback([&] { exit_code = run_sectors(args.sectors); });

  auto* plan = app.add_subcommand("plan", "Spread units over the sectors (Stackelberg security game) with a patrol schedule");
  auto& p = args.plan;
  plan->add_option("--db", p.db, "Database file")->required();
  plan->add_option("--units", p.units, "Ground units available")->required();
  plan->add_option("--air-units", p.air_units, "Air units available")->capture_default_str();
  plan->add_option("--air-weight", p.air_weight, "Ground units one air unit counts for")->capture_default_str();
  plan->add_option("--period", p.period, "Month planned for (YYYY-MM); risk from the 12 months up to it");
  plan->add_option("--fix", p.fix, "SECTOR=COVERAGE imposed by the commander (repeatable)");
  plan->add_option("--shifts", p.shifts, "Shifts in the sampled schedule")->capture_default_str();
  plan->add_option("--seed", p.seed, "Seed of the schedule")->capture_default_str();
  plan->add_option("--format", p.format, "json")->capture_default_str();
  plan->callback([&] { exit_code = run_plan(args.plan); });

  auto* ops = app.add_subcommand("operations", "The operation log");
  ops->require_subcommand(1);
  auto* add = ops->add_subcommand("add", "Record an operation");
  add->add_option("--db", args.op_add.db, "Database file")->required();
  add->add_option("--name", args.op_add.name, "Name")->required();
  add->add_option("--from", args.op_add.from, "First month (YYYY-MM)")->required();
  add->add_option("--to", args.op_add.to, "Last month (YYYY-MM)")->required();
  add->add_option("--sectors", args.op_add.sectors, "Sector codes, comma-separated");
  add->add_option("--ground-units", args.op_add.ground_units, "Ground units");
  add->add_option("--air-units", args.op_add.air_units, "Air units");
  add->callback([&] { exit_code = run_operations_add(args.op_add); });
  auto* results = ops->add_subcommand("results", "Record an operation's results");
  results->add_option("--db", args.op_results.db, "Database file")->required();
  results->add_option("--id", args.op_results.id, "Operation id")->required();
  results->add_option("--arrests", args.op_results.arrests, "Arrests");
  results->add_option("--seizures", args.op_results.seizures, "Seizures");
  results->add_option("--rescues", args.op_results.rescues, "People rescued");
  results->add_option("--notes", args.op_results.notes, "Notes");
  results->callback([&] { exit_code = run_operations_results(args.op_results); });
  auto* list = ops->add_subcommand("list", "Operations with incidents before and during (CSV)");
  list->add_option("--db", args.db, "Database file")->required();
  list->callback([&] { exit_code = run_operations_list(args.db); });
}

}  // namespace

int main(int argc, char** argv) {
  using namespace escudo::cli;
  CLI::App app{"escudo: operations and protection platform for the Darién corridor"};
  app.set_version_flag("--version", std::string("escudo ") + escudo::kVersion);
  app.require_subcommand(1);
  int exit_code = 0;

  ServeArgs serve;
  auto* serve_cmd = app.add_subcommand("serve", "Serve the web UI and the HTTP API");
  serve_cmd->add_option("--db", serve.db, "SQLite database file (created if missing)")->required();
  serve_cmd->add_option("--address", serve.address, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "Port (0: any free port)")->capture_default_str();
  serve_cmd->add_option("--web-root", serve.web_root, "Built web UI folder (default: web/dist)");
  serve_cmd->add_option("--io-threads", serve.io_threads, "I/O threads")->capture_default_str();
  serve_cmd->add_option("--workers", serve.workers, "Worker threads")->capture_default_str();
  serve_cmd->add_option("--tip-pow-difficulty", serve.tip_pow_difficulty,
                        "Proof of work of the public tip routes, in leading zero bits (default 16: "
                        "under a second on a cheap phone)");
  serve_cmd->callback([&] { exit_code = run_serve(serve); });

  DemoArgs demo;
  auto* demo_cmd = app.add_subcommand(
      "demo", "Create the demo database with the official data and demo users, then serve");
  demo_cmd->add_option("--db", demo.db, "Demo database file")->capture_default_str();
  demo_cmd->add_option("--data", demo.data_dir, "Folder of the official tables")->capture_default_str();
  demo_cmd->add_option("--address", demo.serve.address, "Address to listen on")->capture_default_str();
  demo_cmd->add_option("--port", demo.serve.port, "Port")->capture_default_str();
  demo_cmd->add_option("--web-root", demo.serve.web_root, "Built web UI folder");
  demo_cmd->callback([&] {
    demo.serve.db = demo.db;
    exit_code = run_demo(demo);
  });

  StatsArgs stats_args;
  auto* stats_cmd = app.add_subcommand("stats", "Count people in transit by any dimensions");
  stats_cmd->add_option("--db", stats_args.db, "Database file")->required();
  stats_cmd->add_option("--by", stats_args.by,
                        "Dimensions, comma-separated: year, quarter, month, week, day, "
                        "nationality, sex, age_group, station, source")
      ->capture_default_str();
  stats_cmd->add_option("--source", stats_args.source, "official (Panama's monthly tables)")
      ->capture_default_str();
  stats_cmd->add_option("--from", stats_args.from, "First month, YYYY-MM");
  stats_cmd->add_option("--to", stats_args.to, "Last month, YYYY-MM");
  stats_cmd->add_option("--nationality", stats_args.nationality, "Only this ISO 3166 alpha-3 code");
  stats_cmd->add_option("--format", stats_args.format, "csv or json")->capture_default_str();
  stats_cmd->callback([&] { exit_code = run_stats(stats_args); });

  ProjectArgs project_args;
  auto* project_cmd = app.add_subcommand(
      "project", "Project a year's total from the months known so far, with its back-test");
  project_cmd->add_option("--db", project_args.db, "Database file")->required();
  project_cmd->add_option("--year", project_args.year, "The year to project")->required();
  project_cmd->add_option("--cutoff", project_args.cutoff, "Last month known, YYYY-MM")->required();
  project_cmd->add_option("--format", project_args.format, "text or json")->capture_default_str();
  project_cmd->add_flag("--rows", project_args.rows, "With --format json: every back-test row");
  project_cmd->callback([&] { exit_code = run_project(project_args); });

  SimArgs sim_args;
  auto* sim_cmd = app.add_subcommand("sim", "Simulate the corridor (synthetic data for tests and load)");
  sim_cmd->require_subcommand(1);
  auto* sim_transits = sim_cmd->add_subcommand(
      "transits", "Synthetic registrations following the official tables, as registration CSV");
  sim_transits->add_option("--count", sim_args.count, "People to generate")->required();
  sim_transits->add_option("--seed", sim_args.seed, "Seed; the same seed gives the same file")
      ->capture_default_str();
  sim_transits->add_option("--out", sim_args.out, "CSV file to write")->required();
  sim_transits->add_option("--data", sim_args.data_dir, "Folder of the official tables")
      ->capture_default_str();
  sim_transits->callback([&] { exit_code = run_sim_transits(sim_args); });
  SimPeopleArgs people_args;
  auto* sim_people = sim_cmd->add_subcommand(
      "people",
      "Synthetic person records with realistic duplicates and errors, and the truth apart, for "
      "testing entity resolution");
  sim_people->add_option("--count", people_args.count, "Records to generate")->required();
  sim_people->add_option("--seed", people_args.seed, "Seed; the same seed gives the same files")
      ->capture_default_str();
  sim_people->add_option("--out", people_args.out, "CSV file of the records")->required();
  sim_people->add_option("--truth", people_args.truth, "CSV file of record_id,person_id")
      ->required();
  sim_people->add_option("--data", people_args.data_dir, "Folder of the official tables")
      ->capture_default_str();
  sim_people->callback([&] { exit_code = run_sim_people(people_args); });
  SimNetworkArgs sim_network_args;
  auto* sim_network = sim_cmd->add_subcommand(
      "network",
      "A simulated smuggling organisation: calls.csv, transfers.csv and mentions.csv, with "
      "truth.csv (who is who, their phones and accounts) apart");
  sim_network->add_option("--seed", sim_network_args.seed, "Seed; the same seed gives the same files")
      ->capture_default_str();
  sim_network->add_option("--out", sim_network_args.out, "Folder to write the four files to")->required();
  sim_network->add_option("--leaders", sim_network_args.leaders, "Regional leaders (1 to 20)")
      ->capture_default_str();
  sim_network->add_option("--migrants", sim_network_args.migrants, "Migrants who pay and call")
      ->capture_default_str();
  sim_network->add_option("--days", sim_network_args.days, "Days the traces cover")->capture_default_str();
  sim_network->callback([&] { exit_code = run_sim_network(sim_network_args); });

  SimWatchlistArgs sim_watchlist_args;
  auto* sim_watchlist = sim_cmd->add_subcommand(
      "watchlist",
      "A simulated watchlist with aliases and registrations of which a share are listed people "
      "written with a registrar's slips: watchlist.csv, registrations.csv, and truth.csv (the "
      "planted hits) apart");
  sim_watchlist->add_option("--entries", sim_watchlist_args.entries, "Watchlist entries")
      ->capture_default_str();
  sim_watchlist->add_option("--registrations", sim_watchlist_args.registrations, "Registrations")
      ->capture_default_str();
  sim_watchlist->add_option("--hit-share", sim_watchlist_args.hit_share,
                            "Share of registrations that are a listed person (0 to 1)")
      ->capture_default_str();
  sim_watchlist->add_option("--seed", sim_watchlist_args.seed, "Seed; the same seed gives the same files")
      ->capture_default_str();
  sim_watchlist->add_option("--out", sim_watchlist_args.out, "Folder to write the three files to")
      ->required();
  sim_watchlist->callback([&] { exit_code = run_sim_watchlist(sim_watchlist_args); });

  ResolveArgs resolve_args;
  auto* resolve_cmd = app.add_subcommand(
      "resolve", "Resolve a CSV of person records into entities (the same person across records)");
  resolve_cmd->add_option("--input", resolve_args.input, "CSV file, one person record a row")
      ->required();
  resolve_cmd->add_option("--id-column", resolve_args.id_column, "Column holding each record's id")
      ->required();
  resolve_cmd->add_option("--field", resolve_args.fields,
                          "KIND=COLUMN[:FORMAT], repeatable. Kinds: given_name, surname, "
                          "full_name, alias, date_of_birth (FORMAT: YYYY-MM-DD, YYYYMMDD, "
                          "DD/MM/YYYY, MM/DD/YYYY), sex, nationality, document, document_type, "
                          "document_country, phone, address, postcode, city, text")
      ->required();
  resolve_cmd->add_option("--output", resolve_args.output,
                          "CSV to write: record_id,entity_id,probability")
      ->required();
  resolve_cmd->add_option("--threshold", resolve_args.threshold, "Match probability that links two records")
      ->capture_default_str();
  resolve_cmd->add_option("--hold-ceiling", resolve_args.hold_ceiling,
                          "Highest probability of a pair held for review because names alone agree "
                          "or the given names differ outright; 1 turns the holds off")
      ->capture_default_str();
  resolve_cmd->add_option("--explain", resolve_args.explain,
                          "Text file to write the explanation of each joining link to");
  resolve_cmd->add_option("--nicknames", resolve_args.nicknames,
                          "Your own nickname table (format of data/resolve/nicknames.txt)");
  resolve_cmd->add_option("--model", resolve_args.model, "Model JSON to score with instead of training");
  resolve_cmd->add_option("--save-model", resolve_args.save_model, "Write the model used as JSON");
  resolve_cmd->add_flag("--lenient-dates", resolve_args.lenient_dates,
                        "Keep the valid part of a malformed date instead of refusing the file");
  resolve_cmd->callback([&] { exit_code = run_resolve(resolve_args); });

  ScreenArgs screen_args;
  auto* screen_cmd = app.add_subcommand(
      "screen", "Screen a CSV of people against a watchlist CSV (one output row per hit)");
  screen_cmd->add_option("--watchlist", screen_args.watchlist,
                         "CSV watchlist, one entry a row; aliases in columns mapped with "
                         "alias=COLUMN (several in a cell separated by ';')")
      ->required();
  screen_cmd->add_option("--input", screen_args.input, "CSV file of the people to screen")
      ->required();
  screen_cmd->add_option("--output", screen_args.output,
                         "CSV to write: input_id,entry_id,score,matched_name,reasons")
      ->required();
  screen_cmd->add_option("--id-column", screen_args.id_column, "Column holding each person's id")
      ->required();
  screen_cmd->add_option("--field", screen_args.fields,
                         "KIND=COLUMN[:FORMAT], repeatable, as in escudo resolve; also maps the "
                         "watchlist unless --watchlist-field is given")
      ->required();
  screen_cmd->add_option("--watchlist-id-column", screen_args.watchlist_id_column,
                         "Column holding each watchlist entry's id (default: --id-column)");
  screen_cmd->add_option("--watchlist-field", screen_args.watchlist_fields,
                         "KIND=COLUMN[:FORMAT] of the watchlist, repeatable (default: --field)");
  screen_cmd->add_option("--threshold", screen_args.threshold,
                         "Lowest match probability reported as a hit")
      ->capture_default_str();
  screen_cmd->add_option("--max-hits", screen_args.max_hits, "Most hits per person, best first")
      ->capture_default_str();
  screen_cmd->add_option("--explain", screen_args.explain,
                         "Text file to write each hit's field-by-field explanation to");
  screen_cmd->add_option("--nicknames", screen_args.nicknames,
                         "Your own nickname table (format of data/resolve/nicknames.txt)");
  screen_cmd->add_flag("--lenient-dates", screen_args.lenient_dates,
                       "Keep the valid part of a malformed date instead of refusing the file");
  screen_cmd->callback([&] { exit_code = run_screen(screen_args); });

  ProtectionArgs pa;
  add_protection_commands(app, pa, exit_code);

  NetworkArgs network_args;
  add_network_commands(app, network_args, exit_code);
  IncidentArgs incident_args;
  add_incident_commands(app, incident_args, exit_code);

  auto* intel_cmd = app.add_subcommand("intel", "The intelligence graph: import, key players, export");
  intel_cmd->require_subcommand(1);
  IntelImportArgs intel_import;
  auto* intel_import_cmd = intel_cmd->add_subcommand(
      "import", "Import call records, transfers, interview mentions or meeting lists (CSV; all rows of a file or none)");
  intel_import_cmd->add_option("kind", intel_import.kind, "calls, transfers, mentions or meetings")->required();
  intel_import_cmd->add_option("files", intel_import.files, "CSV files (the layouts of escudo sim network)")->required();
  intel_import_cmd->add_option("--db", intel_import.db, "Database file")->required();
  intel_import_cmd->callback([&] { exit_code = run_intel_import(intel_import); });
  IntelKeyPlayersArgs key_players;
  auto* key_players_cmd = intel_cmd->add_subcommand(
      "key-players", "Rank the key players with their reasons and suggested rewards tiers");
  key_players_cmd->add_option("--db", key_players.db, "Database file")->required();
  key_players_cmd->add_option("--limit", key_players.limit, "How many")->capture_default_str();
  key_players_cmd->add_option("--format", key_players.format, "csv or json")->capture_default_str();
  key_players_cmd->callback([&] { exit_code = run_intel_key_players(key_players); });
  IntelSlicesArgs slices;
  auto* slices_cmd = intel_cmd->add_subcommand(
      "slices", "The network of one period against another: entities and links new, gone or kept");
  slices_cmd->add_option("--db", slices.db, "Database file")->required();
  slices_cmd->add_option("--from1", slices.from1, "First period: first day (YYYY-MM-DD)")->required();
  slices_cmd->add_option("--to1", slices.to1, "First period: last day (YYYY-MM-DD)")->required();
  slices_cmd->add_option("--from2", slices.from2, "Second period: first day (YYYY-MM-DD)")->required();
  slices_cmd->add_option("--to2", slices.to2, "Second period: last day (YYYY-MM-DD)")->required();
  slices_cmd->add_option("--types", slices.types, "Link types, comma-separated (all when missing)");
  slices_cmd->add_option("--limit", slices.limit, "At most this many entities and links")->capture_default_str();
  slices_cmd->add_option("--format", slices.format, "csv or json")->capture_default_str();
  slices_cmd->callback([&] { exit_code = run_intel_slices(slices); });
  IntelExportArgs intel_export;
  auto* intel_export_cmd = intel_cmd->add_subcommand("export", "Write the stored graph as CSV, GraphML or GEXF");
  intel_export_cmd->add_option("--db", intel_export.db, "Database file")->required();
  intel_export_cmd->add_option("--format", intel_export.format, "csv, graphml or gexf")->capture_default_str();
  intel_export_cmd->add_option("--out", intel_export.out, "Output file (standard output when missing)");
  intel_export_cmd->callback([&] { exit_code = run_intel_export(intel_export); });

  auto* cases_cmd = app.add_subcommand("cases", "Cases: the figures a task force reports");
  cases_cmd->require_subcommand(1);
  CasesFiguresArgs figures;
  auto* figures_cmd = cases_cmd->add_subcommand("figures", "Arrests and convictions by period, agency and country");
  figures_cmd->add_option("--db", figures.db, "Database file")->required();
  figures_cmd->add_option("--by", figures.by, "month or year")->capture_default_str();
  figures_cmd->add_option("--from", figures.from, "First month, YYYY-MM");
  figures_cmd->add_option("--to", figures.to, "Last month, YYYY-MM");
  figures_cmd->add_option("--format", figures.format, "csv or json")->capture_default_str();
  figures_cmd->callback([&] { exit_code = run_cases_figures(figures); });

  auto* user_cmd = app.add_subcommand("user", "Manage users");
  user_cmd->require_subcommand(1);
  UserAddArgs add;
  auto* add_cmd = user_cmd->add_subcommand("add", "Create a user");
  add_cmd->add_option("--db", add.db, "Database file")->required();
  add_cmd->add_option("--name", add.name, "User name (a-z, 0-9, . _ -)")->required();
  add_cmd->add_option("--role", add.roles,
                      "Role (repeat for several): admin, registrar, protection_officer, analyst, "
                      "tip_handler, rewards_committee, commander, auditor")
      ->required();
  add_cmd->add_option("--agency", add.agency, "Agency")->capture_default_str();
  add_cmd->add_option("--display-name", add.display_name, "Full name shown in the UI");
  add_cmd->add_option("--language", add.language, "es or en")->capture_default_str();
  add_cmd->add_flag("--password-stdin", add.password_stdin, "Read the password from standard input");
  add_cmd->callback([&] { exit_code = run_user_add(add); });

  std::string db;
  auto* list_cmd = user_cmd->add_subcommand("list", "List users");
  list_cmd->add_option("--db", db, "Database file")->required();
  list_cmd->callback([&] { exit_code = run_user_list(db); });

  std::string name;
  bool password_stdin = false;
  auto* passwd_cmd = user_cmd->add_subcommand("passwd", "Set a user's password");
  passwd_cmd->add_option("--db", db, "Database file")->required();
  passwd_cmd->add_option("--name", name, "User name")->required();
  passwd_cmd->add_flag("--password-stdin", password_stdin, "Read the password from standard input");
  passwd_cmd->callback([&] { exit_code = run_user_passwd(db, name, password_stdin); });

  auto* disable_cmd = user_cmd->add_subcommand("disable", "Disable a user and end their sessions");
  disable_cmd->add_option("--db", db, "Database file")->required();
  disable_cmd->add_option("--name", name, "User name")->required();
  disable_cmd->callback([&] { exit_code = run_user_disable(db, name, true); });

  auto* enable_cmd = user_cmd->add_subcommand("enable", "Enable a disabled user");
  enable_cmd->add_option("--db", db, "Database file")->required();
  enable_cmd->add_option("--name", name, "User name")->required();
  enable_cmd->callback([&] { exit_code = run_user_disable(db, name, false); });

  auto* audit_cmd = app.add_subcommand("audit", "The audit log");
  audit_cmd->require_subcommand(1);
  auto* verify_cmd = audit_cmd->add_subcommand(
      "verify", "Check the hash chain; exit 1 and name the first broken entry when it fails");
  verify_cmd->add_option("--db", db, "Database file")->required();
  verify_cmd->callback([&] { exit_code = run_audit_verify(db); });

  auto* import_cmd = app.add_subcommand("import", "Import data");
  import_cmd->require_subcommand(1);
  std::vector<std::string> files;
  auto* transits_cmd = import_cmd->add_subcommand(
      "transits", "Import official transit tables (CSV); each file is stored whole or not at all");
  transits_cmd->add_option("--db", db, "Database file")->required();
  transits_cmd->add_option("FILE", files, "CSV files")->required()->check(CLI::ExistingFile);
  transits_cmd->callback([&] { exit_code = run_import_transits(db, files); });
  auto* registrations_cmd = import_cmd->add_subcommand(
      "registrations",
      "Import registrations (CSV, one row per person); each file is stored whole or not at all");
  registrations_cmd->add_option("--db", db, "Database file")->required();
  registrations_cmd->add_option("FILE", files, "CSV files")->required()->check(CLI::ExistingFile);
  registrations_cmd->callback([&] { exit_code = run_import_registrations(db, files); });

  auto* tips_cmd = app.add_subcommand("tips", "The tip desk's keys and statistics");
  tips_cmd->require_subcommand(1);
  auto* tips_init = tips_cmd->add_subcommand(
      "init", "Make the tip desk's key pair and grant it to every tip handler with a key pair");
  tips_init->add_option("--db", db, "Database file")->required();
  tips_init->callback([&] { exit_code = run_tips_init(db); });
  std::string by;
  auto* tips_grant = tips_cmd->add_subcommand(
      "grant", "Grant the desk key to a tip handler; another handler's password opens it");
  tips_grant->add_option("--db", db, "Database file")->required();
  tips_grant->add_option("--name", name, "The handler who receives it")->required();
  tips_grant->add_option("--by", by, "A handler who holds it (their password on standard input)")->required();
  tips_grant->add_flag("--password-stdin", password_stdin, "Read that handler's password from standard input");
  tips_grant->callback([&] { exit_code = run_tips_grant(db, name, by, password_stdin); });
  auto* tips_rotate = tips_cmd->add_subcommand(
      "rotate", "Replace the desk key: reseal every tip and grant the new key to every holder");
  tips_rotate->add_option("--db", db, "Database file")->required();
  tips_rotate->add_option("--by", by, "A handler who holds the key (their password on standard input)")->required();
  tips_rotate->add_flag("--password-stdin", password_stdin, "Read that handler's password from standard input");
  tips_rotate->callback([&] { exit_code = run_tips_rotate(db, by, password_stdin); });
  std::string tips_format = "csv";
  auto* tips_stats = tips_cmd->add_subcommand("stats", "Tip counts by status, month and tag; never content");
  tips_stats->add_option("--db", db, "Database file")->required();
  tips_stats->add_option("--format", tips_format, "csv or json")->capture_default_str();
  tips_stats->callback([&] { exit_code = run_tips_stats(db, tips_format); });

  auto* rewards_cmd = app.add_subcommand("rewards", "The rewards programme");
  rewards_cmd->require_subcommand(1);
  std::string tier_code, tier_name, tier_ceiling;
  auto* tier_cmd = rewards_cmd->add_subcommand("tier", "Set a tier's name and ceiling (or add a tier)");
  tier_cmd->add_option("--db", db, "Database file")->required();
  tier_cmd->add_option("--code", tier_code, "key_leader, finances, regional_leader_death, or a new code")->required();
  tier_cmd->add_option("--name", tier_name, "What the tier rewards")->required();
  tier_cmd->add_option("--ceiling-usd", tier_ceiling, "The most it pays, in US dollars")->required();
  tier_cmd->callback([&] { exit_code = run_rewards_tier(db, tier_code, tier_name, tier_ceiling); });
  auto* report_cmd = rewards_cmd->add_subcommand("report", "Claims by tier and status, with amounts (CSV)");
  report_cmd->add_option("--db", db, "Database file")->required();
  report_cmd->callback([&] { exit_code = run_rewards_report(db); });

  CLI11_PARSE(app, argc, argv);
  return exit_code;
}

// `escudo watchlist`, `escudo screening`, `escudo rules`, `escudo protection` and
// `escudo returns`: the operator on the server acts through the same services as the API, so
// every safeguard holds here too (see commands.h).
#include <cstdio>

#include <fmt/format.h>

#include "base/csv_writer.h"
#include "base/input_stream.h"
#include "cli/command_support.h"
#include "cli/commands.h"
#include "service/services.h"

namespace escudo::cli {
namespace {

service::Actor cli() { return service::Actor::command_line(); }

int stopped(const Error& e) {
  std::fprintf(stderr, "escudo: %s\n", e.message().c_str());
  return e.reason() == "safeguard" ? kStoppedBySafeguard : kFailed;
}

void print_outcome(const service::ExecutionOutcome& o) {
  if (o.executed) {
    std::printf("return %lld executed: person %lld to %s\n", static_cast<long long>(o.decision.id),
                static_cast<long long>(o.decision.person_id), o.decision.receiving_country.c_str());
  } else {
    std::printf("return %lld STOPPED: person %lld: %s\n", static_cast<long long>(o.decision.id),
                static_cast<long long>(o.decision.person_id), o.stopped_reason.c_str());
  }
}

}  // namespace

int run_watchlist_import(const ProtectionArgs& a) {
  auto text = read_file(a.file);
  if (!text) return fail(text.error());
  auto services = open_services(a.db);
  if (!services) return kFailed;
  std::string file_name = a.file.substr(a.file.find_last_of('/') + 1);
  auto report = services->screening().import_watchlist(
      cli(), {.name = a.name, .kind = a.kind, .file_name = file_name, .text = std::move(*text)});
  if (!report) return fail(report.error());
  std::printf("imported %lld entries into watchlist '%s' as version %lld; screening now "
              "holds %lld entries (%lld names and aliases)\n",
              static_cast<long long>(report->entries), a.name.c_str(),
              static_cast<long long>(report->version),
              static_cast<long long>(report->screened_entries),
              static_cast<long long>(report->screened_names));
  return kOk;
}

int run_watchlist_versions(const ProtectionArgs& a) {
  auto services = open_services(a.db);
  if (!services) return kFailed;
  auto versions = services->screening().versions(cli());
  if (!versions) return fail(versions.error());
  std::string out = "watchlist,kind,version,entries,file_name,sha256,imported_by\n";
  for (const auto& v : *versions) {
    out += fmt::format("{},{},{},{},{},{},{}\n", csv_field(v.watchlist), v.kind, v.version, v.entries,
                       csv_field(v.file_name), v.file_sha256, csv_field(v.imported_by));
  }
  std::fputs(out.c_str(), stdout);
  return kOk;
}

int run_screening_run(const ProtectionArgs& a) {
  auto services = open_services(a.db);
  if (!services) return kFailed;
  std::string out = "person_id,source,watchlist_version,entry_id,score,matched_name,reasons\n";
  for (std::int64_t person : a.people) {
    auto hits = services->screening().screen_person(cli(), person);
    if (!hits) return fail(hits.error());
    for (const auto& h : *hits) {
      std::string reasons;
      for (const auto& r : h.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
      out += fmt::format("{},{},{},{},{:.6f},{},{}\n", h.person_id, h.source,
                         h.version_id ? std::to_string(*h.version_id) : "", csv_field(h.entry_id),
                         h.score, csv_field(h.matched_name), csv_field(reasons));
    }
  }
  std::fputs(out.c_str(), stdout);
  return kOk;
}

int run_screening_figures(const ProtectionArgs& a) {
  auto services = open_services(a.db);
  if (!services) return kFailed;
  auto rows = services->returns().figures(cli(), a.from, a.to_month);
  if (!rows) return fail(rows.error());
  std::string out = "measure,nationality,month,count\n";
  for (const auto& r : *rows) out += fmt::format("{},{},{},{}\n", r.measure, r.nationality, r.month, r.count);
  std::fputs(out.c_str(), stdout);
  return kOk;
}

int run_rules_add(const ProtectionArgs& a) {
  auto text = read_file(a.file);
  if (!text) return fail(text.error());
  auto services = open_services(a.db);
  if (!services) return kFailed;
  auto r = services->screening().add_rules(cli(), a.on, *text, a.note);
  if (!r) return fail(r.error().with_context(a.file));
  std::printf("entry requirements version %lld in force from %s\n", static_cast<long long>(r->version),
              r->effective_on.c_str());
  return kOk;
}

int run_protection_claim(const ProtectionArgs& a) {
  auto services = open_services(a.db);
  if (!services) return kFailed;
  if (a.claim == 0) {
    auto c = services->protection().lodge_claim(cli(), a.person, a.on);
    if (!c) return fail(c.error());
    std::printf("claim %lld lodged for person %lld, pending\n", static_cast<long long>(c->id),
                static_cast<long long>(a.person));
    return kOk;
  }
  auto status = model::parse_claim_status(a.status);
  if (!status) return fail(status.error().with_context("--status"));
  auto c = services->protection().update_claim(cli(), a.claim, *status, a.on, a.note);
  if (!c) return fail(c.error());
  std::printf("claim %lld is %s\n", static_cast<long long>(c->id), c->status.c_str());
  return kOk;
}

int run_protection_trafficking(const ProtectionArgs& a) {
  auto outcome = model::parse_trafficking_outcome(a.outcome);
  if (!outcome) return fail(outcome.error().with_context("--outcome"));
  auto services = open_services(a.db);
  if (!services) return kFailed;
  auto t = services->protection().assess_trafficking(cli(), a.person, a.indicators, *outcome, a.on);
  if (!t) return fail(t.error());
  std::printf("trafficking assessment %lld: %s\n", static_cast<long long>(t->id), t->outcome.c_str());
  return kOk;
}

int run_protection_best_interest(const ProtectionArgs& a) {
  auto status = model::parse_best_interest_status(a.status);
  if (!status) return fail(status.error().with_context("--status"));
  auto rec = model::parse_best_interest_recommendation(a.recommendation);
  if (!rec) return fail(rec.error().with_context("--recommendation"));
  auto services = open_services(a.db);
  if (!services) return kFailed;
  auto b = services->protection().record_best_interest(cli(), a.person, *status, *rec, a.note);
  if (!b) return fail(b.error());
  std::printf("best-interest assessment %lld: %s %s\n", static_cast<long long>(b->id),
              b->status.c_str(), b->recommendation.c_str());
  return kOk;
}

int run_returns_check(const ProtectionArgs& a) {
  auto services = open_services(a.db);
  if (!services) return kFailed;
  auto c = services->returns().check(cli(), a.person);
  if (!c) return fail(c.error());
  if (c->allowed()) {
    std::printf("person %lld: no safeguard stops a return\n", static_cast<long long>(a.person));
    return kOk;
  }
  for (const auto& b : c->blocks) {
    std::printf("%s: %s\n", std::string(model::safeguard_name(b.safeguard)).c_str(), b.reason.c_str());
  }
  return kStoppedBySafeguard;
}

int run_returns_decide(const ProtectionArgs& a) {
  auto services = open_services(a.db);
  if (!services) return kFailed;
  auto r = services->returns().decide(cli(), {.person_id = a.person, .receiving_country = a.to,
                                              .reason = a.reason, .voluntary = a.voluntary});
  if (!r) return stopped(r.error());
  std::printf("return %lld decided: person %lld to %s (entry rules version %s)%s\n",
              static_cast<long long>(r->id), static_cast<long long>(r->person_id),
              r->receiving_country.c_str(),
              r->rule_version ? std::to_string(*r->rule_version).c_str() : "none",
              r->voluntary ? "; voluntary: two officers approve the override in the web UI" : "");
  return kOk;
}

int run_returns_manifest(const ProtectionArgs& a) {
  auto services = open_services(a.db);
  if (!services) return kFailed;
  auto m = services->returns().create_manifest(
      cli(), {.mode = a.mode, .receiving_country = a.to, .departs_on = a.on, .escort = a.escort});
  if (!m) return fail(m.error());
  std::printf("manifest %lld: %s to %s on %s\n", static_cast<long long>(m->id), m->mode.c_str(),
              m->receiving_country.c_str(), m->departs_on.c_str());
  return kOk;
}

int run_returns_add(const ProtectionArgs& a) {
  auto services = open_services(a.db);
  if (!services) return kFailed;
  for (std::int64_t id : a.returns) {
    auto r = services->returns().add_to_manifest(cli(), a.manifest, id);
    if (!r) return stopped(r.error());
    std::printf("return %lld is on manifest %lld\n", static_cast<long long>(id),
                static_cast<long long>(a.manifest));
  }
  return kOk;
}

int run_returns_execute(const ProtectionArgs& a) {
  auto services = open_services(a.db);
  if (!services) return kFailed;
  std::vector<service::ExecutionOutcome> outcomes;
  if (a.manifest != 0) {
    auto out = services->returns().execute_manifest(cli(), a.manifest);
    if (!out) return fail(out.error());
    outcomes = std::move(*out);
  } else {
    for (std::int64_t id : a.returns) {
      auto o = services->returns().execute(cli(), id);
      if (!o) return fail(o.error());
      outcomes.push_back(std::move(*o));
    }
  }
  bool any_stopped = false;
  for (const auto& o : outcomes) {
    print_outcome(o);
    any_stopped = any_stopped || !o.executed;
  }
  return any_stopped ? kStoppedBySafeguard : kOk;
}

}  // namespace escudo::cli

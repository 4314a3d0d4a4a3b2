// `escudo tips` (the tip desk's keys and statistics) and `escudo rewards` (tiers, report).
#include <cstdio>
#include <iostream>

#include "base/csv_writer.h"
#include "base/json.h"
#include "cli/command_support.h"
#include "cli/commands.h"
#include "service/services.h"

namespace escudo::cli {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "nobody" : out;
}

}  // namespace

int run_tips_init(const std::string& db) {
  auto services = open_services(db);
  if (!services) return kFailed;
  auto report = services->tips().init_desk(service::Actor::command_line());
  if (!report) return fail(report.error());
  std::printf("the tip desk's key pair %lld was made; its secret key is stored only sealed to each "
              "tip handler's own key\n",
              static_cast<long long>(report->desk_key_id));
  std::printf("granted to: %s\n", joined(report->granted).c_str());
  if (!report->waiting.empty()) {
    std::printf("waiting (no key pair until they sign in once; then grant with `escudo tips grant`): %s\n",
                joined(report->waiting).c_str());
  }
  return kOk;
}

int run_tips_grant(const std::string& db, const std::string& name, const std::string& by,
                   bool password_stdin) {
  auto password = read_password(password_stdin, "the tip handler's");
  if (!password) return kFailed;
  auto services = open_services(db);
  if (!services) return kFailed;
  auto done = services->tips().grant_with_password(service::Actor::command_line(), by, *password, name);
  if (!done) return fail(done.error());
  std::printf("the tip desk's key was granted to %s; they sign in again to use it\n", name.c_str());
  return kOk;
}

int run_tips_rotate(const std::string& db, const std::string& by, bool password_stdin) {
  auto password = read_password(password_stdin, "the tip handler's");
  if (!password) return kFailed;
  auto services = open_services(db);
  if (!services) return kFailed;
  auto report = services->tips().rotate(service::Actor::command_line(), by, *password);
  if (!report) return fail(report.error());
  std::printf("desk key %lld replaced by %lld: resealed %lld tips, %lld attachments, %lld messages, "
              "%lld notes; granted to %s\n",
              static_cast<long long>(report->old_key_id), static_cast<long long>(report->new_key_id),
              static_cast<long long>(report->tips), static_cast<long long>(report->attachments),
              static_cast<long long>(report->messages), static_cast<long long>(report->notes),
              joined(report->granted).c_str());
  return kOk;
}

int run_tips_stats(const std::string& db, const std::string& format) {
  if (format != "csv" && format != "json") {
    std::fprintf(stderr, "escudo: --format must be csv or json\n");
    return kFailed;
  }
  auto services = open_services(db);
  if (!services) return kFailed;
  auto counts = services->tips().statistics(service::Actor::command_line());
  if (!counts) return fail(counts.error());
  const std::pair<const char*, const std::vector<std::pair<std::string, std::int64_t>>*> groups[] = {
      {"status", &counts->by_status}, {"month", &counts->by_month}, {"tag", &counts->by_tag}};
  if (format == "json") {
    JsonWriter w;
    w.begin_object().key("total").value(counts->total);
    for (const auto& [name, rows] : groups) {
      w.key(std::string("by_") + name).begin_object();
      for (const auto& [k, n] : *rows) w.key(k).value(n);
      w.end_object();
    }
    w.end_object();
    std::printf("%s\n", w.str().c_str());
    return kOk;
  }
  std::string out = "dimension,value,count\n";
  for (const auto& [name, rows] : groups) {
    for (const auto& [k, n] : *rows) {
      out += name;
      out += ',';
      append_csv_field(out, k);
      out += ',' + std::to_string(n) + '\n';
    }
  }
  out += "total,," + std::to_string(counts->total) + '\n';
  std::fputs(out.c_str(), stdout);
  return kOk;
}

int run_rewards_tier(const std::string& db, const std::string& code, const std::string& name,
                     const std::string& ceiling) {
  auto cents = model::parse_usd("--ceiling-usd", ceiling);
  if (!cents) return fail(cents.error());
  auto services = open_services(db);
  if (!services) return kFailed;
  auto done = services->rewards().set_tier(service::Actor::command_line(), {code, name, *cents});
  if (!done) return fail(done.error());
  std::printf("tier %s: ceiling %s\n", code.c_str(), model::format_usd(*cents).c_str());
  return kOk;
}

int run_rewards_report(const std::string& db) {
  auto services = open_services(db);
  if (!services) return kFailed;
  auto rows = services->rewards().report(service::Actor::command_line());
  if (!rows) return fail(rows.error());
  std::string out = "tier,status,count,proposed_usd,paid_usd\n";
  for (const auto& r : *rows) {
    out += fmt::format("{},{},{},{:.2f},{:.2f}\n", r.tier, r.status, r.count,
                       static_cast<double>(r.proposed_usd_cents) / 100.0,
                       static_cast<double>(r.paid_usd_cents) / 100.0);
  }
  std::fputs(out.c_str(), stdout);
  return kOk;
}

}  // namespace escudo::cli

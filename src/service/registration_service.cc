#include "service/registration_service.h"

#include <array>
#include <chrono>
#include <charconv>
#include <map>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "base/csv_reader.h"
#include "base/log.h"
#include "service/audit_service.h"
#include "store/registration_repo.h"

namespace escudo::service {
namespace {

constexpr std::string_view kColumns[] = {
    "group_ref",  "station",         "registered_on",  "given_names",   "family_names",
    "sex",        "birth_date",      "estimated_age",  "nationality",   "document_type",
    "document_country", "document_number", "phone",    "relationship",  "departure_point",
    "days_in_jungle", "paid_usd",    "paid_to",        "pregnant",      "disability",
    "injured",    "violence_survivor", "separated"};

// The position of a column in kColumns, found when compiling.
consteval std::size_t col(std::string_view name) {
  for (std::size_t c = 0; c < std::size(kColumns); ++c) {
    if (kColumns[c] == name) return c;
  }
  throw "not a registration column";
}

Result<std::optional<int>> optional_whole(std::string_view text) {
  if (text.empty()) return std::optional<int>();
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a whole number", text);
  }
  return std::optional<int>(value);
}

Result<bool> flag(std::string_view text) {
  if (text == "0" || text.empty()) return false;
  if (text == "1") return true;
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not 0 or 1", text);
}

CivilDate today_of(const Clock& clock) { return civil_date_from_unix_seconds(clock.now_unix_seconds()); }

}  // namespace

Status RegistrationService::require_create(const Actor& actor) {
  if (actor.principal == nullptr) return ok_status();
  return require(*actor.principal, model::Permission::kRegistrationsCreate);
}

Result<std::vector<model::Station>> RegistrationService::stations(const Principal* principal) {
  if (principal != nullptr) ESCUDO_TRY(require(*principal, model::Permission::kTransitsRead));
  auto db = pool_.acquire();
  return store::RegistrationRepo(*db).stations();
}

Result<RegistrationOutcome> RegistrationService::register_group(const Actor& actor,
                                                                model::RegistrationGroup group) {
  ESCUDO_TRY(require_create(actor));
  RegistrationOutcome out;
  out.errors = model::validate_group(group, today_of(clock_));
  auto db = pool_.acquire();
  store::RegistrationRepo repo(*db);
  std::optional<model::Station> station;
  if (!group.station_code.empty()) {
    auto found = repo.station_by_code(group.station_code);
    if (found) {
      station = *found;
    } else if (found.error().code() == ErrorCode::kNotFound) {
      out.errors.push_back({-1, "station", found.error().message()});
    } else {
      return std::unexpected(found.error());
    }
  }
  if (!out.errors.empty()) {
    out.group = std::move(group);
    return out;
  }
  model::flag_unaccompanied(group);
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(repo.insert_group(group, station->id, clock_.now_unix_seconds(), actor.name, std::nullopt));
  int unaccompanied = 0;
  for (const auto& p : group.people) unaccompanied += p.unaccompanied ? 1 : 0;
  // The detail names no one: counts and the station only.
  ESCUDO_TRY(append_audit(*db, clock_, actor, "registration.create",
                          fmt::format("group:{}", group.id.value()),
                          fmt::format("station={} people={} unaccompanied={}", group.station_code,
                                      group.people.size(), unaccompanied)));
  ESCUDO_TRY(tx.commit());
  out.stored = true;
  if (resolve_ != nullptr) {
    // The registration is stored whatever happens here; a failure only delays resolution
    // to the next load of the index.
    if (auto resolved = resolve_->on_registered(actor, group); !resolved) {
      log::warn("resolve.add_failed", {{"group", std::to_string(group.id.value())},
                                       {"why", resolved.error().message()}});
    }
  }
  if (screening_ != nullptr) {
    // Like resolution, screening never undoes the registration: a failure is reported so the
    // registrar can ask for the person to be screened by hand.
    std::vector<std::int64_t> ids;
    for (const auto& p : group.people) ids.push_back(p.id.value());
    if (auto screened = screening_->screen_people(actor, ids)) {
      out.screened = true;
      out.screening = std::move(*screened);
    } else {
      out.screening_problem = screened.error().message();
      log::warn("screening.on_register_failed", {{"group", std::to_string(group.id.value())},
                                                 {"why", screened.error().message()}});
    }
  }
  out.group = std::move(group);
  return out;
}

namespace {

// Completed groups travel from the reading thread to the writing thread in batches; a bounded
// queue keeps memory flat whatever the file's size.
struct ImportBatch {
  std::vector<model::RegistrationGroup> groups;
  std::vector<model::StationId> stations;
  std::vector<std::string> refs;
};

class BatchQueue {
 public:
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}

  void push(ImportBatch batch) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(batch));
    ready_.notify_one();
  }
  // Empty when the queue was closed and drained.
  std::optional<ImportBatch> pop() {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    ImportBatch batch = std::move(items_.front());
    items_.pop_front();
    space_.notify_one();
    return batch;
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    ready_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_;
  std::condition_variable space_;
  std::deque<ImportBatch> items_;
  std::size_t capacity_;
  bool closed_ = false;
};

constexpr std::size_t kGroupsPerBatch = 512;
constexpr int kImportCacheKiB = 32 * 1024;
constexpr std::size_t kQueuedBatches = 4;

// The group being read: its rows are consecutive in the file.
struct OpenGroup {
  std::string ref;
  std::string registered_on;  // as written on its first line
  model::RegistrationGroup group;
  model::StationId station;
  std::vector<std::int64_t> lines;                                 // line of each person
  std::vector<std::array<std::int64_t, std::size(kColumns)>> columns;  // of each field
  std::int64_t last_line = 0;
};

std::string station_list(const std::vector<model::Station>& stations) {
  std::string codes;
  for (const auto& s : stations) codes += (codes.empty() ? "" : ", ") + s.code;
  return codes;
}

}  // namespace

Result<RegistrationImportReport> RegistrationService::import_csv(const Actor& actor,
                                                                 std::unique_ptr<InputStream> input) {
  ESCUDO_TRY(require_create(actor));
  const auto started = std::chrono::steady_clock::now();
  const std::string source = input->name();
  CsvReader reader(std::move(input));
  CsvRecord record;
  RegistrationImportReport report;
  auto add_error = [&](RowError e) {
    ++report.error_count;
    if (report.errors.size() < kMaxReportedErrors) report.errors.push_back(std::move(e));
  };

  ESCUDO_ASSIGN_OR_RETURN(bool has_header, reader.next(record));
  if (!has_header) return errorf(ErrorCode::kInvalidArgument, "{} is empty", source);
  std::map<std::string, std::size_t> cols;
  for (std::size_t i = 0; i < record.fields.size(); ++i) cols[record.fields[i]] = i;
  for (std::string_view c : kColumns) {
    if (!cols.contains(std::string(c))) {
      return errorf(ErrorCode::kInvalidArgument,
                    "{}: line 1: the header lacks the column '{}'; see docs/api.md for the "
                    "registration layout",
                    source, c);
    }
  }
  if (cols.size() != std::size(kColumns)) {
    return errorf(ErrorCode::kInvalidArgument, "{}: line 1: the header has unknown columns", source);
  }
  // Where each known column sits in this file, looked up once rather than per field.
  std::array<std::size_t, std::size(kColumns)> position{};
  for (std::size_t c = 0; c < std::size(kColumns); ++c) position[c] = cols.at(std::string(kColumns[c]));

  auto db = pool_.acquire();
  store::RegistrationRepo repo(*db);
  // Stations are read once, before the writer starts using the connection.
  ESCUDO_ASSIGN_OR_RETURN(auto stations, repo.stations());
  std::unordered_map<std::string, model::StationId> station_ids;
  for (const auto& s : stations) station_ids.emplace(s.code, s.id);

  // Settings for one large transaction, put back when the import ends (the connection returns
  // to the pool). A large file outgrows SQLite's default 2 MB page cache. Foreign keys are
  // not checked row by row: the import numbers the groups itself and every person refers to a
  // group stored in the same transaction, and per-row checks made SQLite keep a statement
  // journal for every insert.
  ESCUDO_ASSIGN_OR_RETURN(auto cache_pages, db->query_int("PRAGMA cache_size"));
  ESCUDO_TRY(db->execute(fmt::format("PRAGMA cache_size = -{}", kImportCacheKiB), {}));
  struct RestoreSettings {
    store::Database& db;
    std::int64_t pages;
    ~RestoreSettings() {
      (void)db.execute(fmt::format("PRAGMA cache_size = {}", pages), {});
      (void)db.execute("PRAGMA foreign_keys = ON", {});
    }
  } restore_settings{*db, cache_pages.value_or(-2000)};
  ESCUDO_TRY(db->execute("PRAGMA foreign_keys = OFF", {}));

  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  const std::int64_t now = clock_.now_unix_seconds();
  const CivilDate today = today_of(clock_);

  // The writer stores batches while the reader goes on; after the first problem in the file
  // nothing more is sent and the transaction is rolled back at the end.
  BatchQueue queue(kQueuedBatches);
  Status written = ok_status();
  std::vector<std::int64_t> stored_people;  // their ids, for screening; the writer's own
  std::jthread writer([&] {
    while (auto batch = queue.pop()) {
      if (!written) continue;  // drain so the reader never blocks
      std::vector<store::RegistrationRepo::GroupToStore> items;
      items.reserve(batch->groups.size());
      for (std::size_t i = 0; i < batch->groups.size(); ++i) {
        items.push_back({&batch->groups[i], batch->stations[i], batch->refs[i]});
      }
      written = repo.insert_groups(items, now, actor.name);
      if (!written || screening_ == nullptr) continue;
      for (const auto& g : batch->groups) {
        for (const auto& p : g.people) stored_people.push_back(p.id.value());
      }
    }
  });
  ImportBatch batch;
  auto send = [&] {
    if (batch.groups.empty()) return;
    queue.push(std::move(batch));
    batch = ImportBatch{};
  };

  OpenGroup open;
  bool has_open = false;
  // Groups already closed, with their last line, to tell a group split across the file.
  std::unordered_map<std::string, std::int64_t> closed_groups;
  auto close_group = [&] {
    if (!has_open) return;
    has_open = false;
    closed_groups.emplace(open.ref, open.last_line);
    if (open.group.people.empty()) return;  // its rows already failed
    bool group_ok = true;
    for (const auto& e : model::validate_group(open.group, today)) {
      if (e.field == "station") continue;  // checked against the stored stations
      group_ok = false;
      std::size_t person = e.person < 0 ? 0 : static_cast<std::size_t>(e.person);
      std::int64_t col = 0;
      for (std::size_t c = 0; c < std::size(kColumns); ++c) {
        if (kColumns[c] == e.field) col = open.columns[person][c];
      }
      add_error({open.lines[person], col, e.field, e.field + " " + e.message});
    }
    if (!group_ok || report.error_count > 0) return;
    model::flag_unaccompanied(open.group);
    ++report.groups;
    report.people += static_cast<std::int64_t>(open.group.people.size());
    for (const auto& p : open.group.people) report.unaccompanied += p.unaccompanied ? 1 : 0;
    batch.groups.push_back(std::move(open.group));
    batch.stations.push_back(open.station);
    batch.refs.push_back(std::move(open.ref));
    if (batch.groups.size() == kGroupsPerBatch) send();
  };

  Status read_status = ok_status();
  while (true) {
    auto more = reader.next(record);
    if (!more) {
      if (more.error().code() != ErrorCode::kInvalidArgument &&
          more.error().code() != ErrorCode::kResourceExhausted) {
        read_status = std::unexpected(more.error());
        break;
      }
      add_error({reader.error_line(), reader.error_column(), "", more.error().message()});
      if (more.error().code() == ErrorCode::kResourceExhausted) break;
      continue;
    }
    if (!*more) break;
    if (record.fields.size() != cols.size()) {
      add_error({record.line, 0, "", fmt::format("the row has {} fields; the header has {}",
                                                 record.fields.size(), cols.size())});
      continue;
    }
    auto field = [&](std::size_t c) -> const std::string& { return record.fields[position[c]]; };
    bool ok = true;
    auto fail = [&](std::size_t c, const Error& e) {
      ok = false;
      add_error({record.line, record.columns[position[c]], std::string(kColumns[c]), e.message()});
    };
    const std::string& ref = field(col("group_ref"));
    if (ref.empty()) {
      fail(col("group_ref"), Error(ErrorCode::kInvalidArgument, "is required"));
      continue;
    }
    if (!has_open || ref != open.ref) {
      close_group();
      if (auto earlier = closed_groups.find(ref); earlier != closed_groups.end()) {
        fail(col("group_ref"), Error(ErrorCode::kInvalidArgument,
                                fmt::format("the rows of group {} must be consecutive; its "
                                            "earlier rows end at line {}",
                                            ref, earlier->second)));
        continue;
      }
      has_open = true;
      open = OpenGroup{};
      open.ref = ref;
      auto& g = open.group;
      g.station_code = field(col("station"));
      open.registered_on = field(col("registered_on"));
      if (auto day = CivilDate::parse(field(col("registered_on")))) g.registered_on = *day;
      else fail(col("registered_on"), day.error());
      g.departure_point = field(col("departure_point"));
      if (auto d = optional_whole(field(col("days_in_jungle")))) g.days_in_jungle = *d;
      else fail(col("days_in_jungle"), d.error());
      if (!field(col("paid_usd")).empty()) {
        if (auto c = model::parse_usd_cents(field(col("paid_usd")))) g.paid_usd_cents = *c;
        else fail(col("paid_usd"), c.error());
      }
      g.paid_to = field(col("paid_to"));
      if (auto found = station_ids.find(g.station_code); found != station_ids.end()) {
        open.station = found->second;
      } else if (!g.station_code.empty()) {
        fail(col("station"), Error(ErrorCode::kNotFound,
                              fmt::format("'{}' is not a station; the stations are {}",
                                          g.station_code, station_list(stations))));
      }
    } else if (field(col("station")) != open.group.station_code ||
               field(col("registered_on")) != open.registered_on) {
      fail(col("group_ref"), Error(ErrorCode::kInvalidArgument,
                              fmt::format("group {} has another station or day on an earlier line", ref)));
    }
    open.last_line = record.line;
    model::Person p;
    p.given_names = field(col("given_names"));
    p.family_names = field(col("family_names"));
    if (auto v = model::parse_person_sex(field(col("sex")))) p.sex = *v; else fail(col("sex"), v.error());
    if (!field(col("birth_date")).empty()) {
      if (auto v = CivilDate::parse(field(col("birth_date")))) p.birth_date = *v; else fail(col("birth_date"), v.error());
    }
    if (auto v = optional_whole(field(col("estimated_age")))) p.estimated_age = *v; else fail(col("estimated_age"), v.error());
    p.nationality_iso3 = field(col("nationality"));
    if (auto v = model::parse_document_type(field(col("document_type")))) p.document_type = *v;
    else fail(col("document_type"), v.error());
    p.document_country_iso3 = field(col("document_country"));
    p.document_number = field(col("document_number"));
    p.phone = field(col("phone"));
    if (auto v = model::parse_relationship(field(col("relationship")))) p.relationship = *v;
    else fail(col("relationship"), v.error());
    for (auto [c, target] : {std::pair<std::size_t, bool*>{col("pregnant"), &p.pregnant},
                             {col("disability"), &p.disability}, {col("injured"), &p.injured},
                             {col("violence_survivor"), &p.violence_survivor},
                             {col("separated"), &p.separated}}) {
      if (auto v = flag(field(c))) *target = *v; else fail(c, v.error());
    }
    if (!ok) continue;
    open.group.people.push_back(std::move(p));
    open.lines.push_back(record.line);
    auto& person_columns = open.columns.emplace_back();
    for (std::size_t c = 0; c < std::size(kColumns); ++c) person_columns[c] = record.columns[position[c]];
  }
  close_group();
  send();
  queue.close();
  writer.join();

  ESCUDO_TRY(read_status);
  ESCUDO_TRY(written);
  if (report.error_count > 0) {
    report.groups = report.people = report.unaccompanied = 0;
    return report;  // the transaction rolls back: nothing of the file is stored
  }
  if (report.groups == 0) return errorf(ErrorCode::kInvalidArgument, "{} has a header but no rows", source);
  ESCUDO_TRY(append_audit(*db, clock_, actor, "registration.import", "registrations",
                          fmt::format("file={} groups={} people={} unaccompanied={}", source,
                                      report.groups, report.people, report.unaccompanied)));
  ESCUDO_TRY(tx.commit());
  report.stored = true;
  if (resolve_ != nullptr) resolve_->invalidate();
  log::info("registration.import", {{"file", source}, {"people", std::to_string(report.people)}});
  const auto stored_at = std::chrono::steady_clock::now();
  report.storing_seconds = std::chrono::duration<double>(stored_at - started).count();
  if (screening_ != nullptr) screen_imported(actor, stored_people, report);
  report.screening_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - stored_at).count();
  return report;
}

void RegistrationService::screen_imported(const Actor& actor, std::span<const std::int64_t> people,
                                          RegistrationImportReport& report) {
  // Earlier records are found through entity resolution, so the new people join it first.
  // Neither step can undo the import: a failure is reported, and the people can be screened
  // again with `escudo screening run`.
  if (resolve_ != nullptr) {
    if (auto resolved = resolve_->ensure_resolved(); !resolved) {
      report.screening_problem =
          "entity resolution failed, so the people were not screened: " + resolved.error().message();
      log::warn("resolve.import_failed", {{"why", resolved.error().message()}});
      return;
    }
  }
  auto screened = screening_->screen_people(actor, people);
  if (!screened) {
    report.screening_problem = screened.error().message();
    log::warn("screening.import_failed", {{"why", screened.error().message()}});
    return;
  }
  report.screened = true;
  report.screened_people = static_cast<std::int64_t>(screened->size());
  for (const auto& s : *screened) {
    report.hits += s.hits;
    report.people_with_hits += s.hits > 0 ? 1 : 0;
  }
}

Result<model::RegistrationGroup> RegistrationService::group(const Principal& principal,
                                                            model::GroupId id) {
  ESCUDO_TRY(require(principal, model::Permission::kIdentityRead));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_ASSIGN_OR_RETURN(auto g, store::RegistrationRepo(*db).find_group(id));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "identity.read",
                          fmt::format("group:{}", id.value()),
                          fmt::format("people={}", g.people.size())));
  ESCUDO_TRY(tx.commit());
  return g;
}

}  // namespace escudo::service

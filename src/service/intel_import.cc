// IntelService::import_csv: call records, money transfers, interview mentions and meeting
// lists, in the layouts `escudo sim network` writes. Every row is checked first; any bad row
// and nothing is stored.
#include <algorithm>
#include <charconv>
#include <map>

#include "base/ascii.h"
#include "base/civil_date.h"
#include "base/csv_reader.h"
#include "crypto/crypto.h"
#include "service/audit_service.h"
#include "service/intel_service.h"

namespace escudo::service {
namespace {

constexpr std::size_t kMaxFileBytes = 256u << 20;
constexpr std::size_t kMaxMeetingSize = 200;
constexpr double kRecordConfidence = 1.0;   // call records and bank statements
constexpr double kMentionConfidence = 0.6;  // what one person said in an interview
constexpr double kMeetingConfidence = 0.8;  // an attendance list

struct Table {
  std::string name;
  std::string sha256;
  std::vector<std::string> header;
  std::vector<std::int64_t> header_columns;
  std::vector<CsvRecord> rows;
  std::vector<RowError> errors;
  std::int64_t error_count = 0;

  void error(std::int64_t line, std::int64_t column, std::string field, std::string message) {
    ++error_count;
    if (errors.size() < kMaxReportedErrors) errors.push_back({line, column, std::move(field), std::move(message)});
  }
};

Result<Table> read_table(std::unique_ptr<InputStream> input) {
  Table t;
  t.name = input->name();
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    ESCUDO_ASSIGN_OR_RETURN(std::size_t n, input->read(buffer, sizeof buffer));
    if (n == 0) break;
    bytes.append(buffer, n);
    if (bytes.size() > kMaxFileBytes) {
      return errorf(ErrorCode::kResourceExhausted, "{} is larger than {} MiB", t.name, kMaxFileBytes >> 20);
    }
  }
  t.sha256 = crypto::sha256_hex(bytes);
  CsvReader reader(make_string_stream(std::move(bytes), t.name));
  CsvRecord record;
  bool header = true;
  for (;;) {
    auto more = reader.next(record);
    if (!more) {
      if (more.error().code() != ErrorCode::kInvalidArgument) return std::unexpected(more.error());
      t.error(reader.error_line(), reader.error_column(), "", more.error().message());
      continue;
    }
    if (!*more) break;
    if (header) {
      t.header = record.fields;
      t.header_columns = record.columns;
      header = false;
      continue;
    }
    t.rows.push_back(record);
  }
  if (header) return errorf(ErrorCode::kInvalidArgument, "{} is empty: it needs a header row", t.name);
  return t;
}

// The index of each named column; a missing required one is an error on line 1.
std::vector<std::optional<std::size_t>> columns(Table& t, const std::vector<std::string>& required,
                                                const std::vector<std::string>& optional) {
  std::vector<std::optional<std::size_t>> out;
  auto find = [&](const std::string& name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < t.header.size(); ++i) {
      if (t.header[i] == name) return i;
    }
    return std::nullopt;
  };
  std::string expected;
  for (const auto& name : required) expected += (expected.empty() ? "" : ",") + name;
  for (const auto& name : required) {
    out.push_back(find(name));
    if (!out.back()) {
      t.error(1, 0, name, fmt::format("the header has no column '{}' (expected {})", name, expected));
    }
  }
  for (const auto& name : optional) out.push_back(find(name));
  return out;
}

struct Cell {
  std::string_view text;
  std::int64_t column = 0;
};

Cell cell(const CsvRecord& row, std::optional<std::size_t> index) {
  if (!index || *index >= row.fields.size()) return {"", 0};
  return {row.fields[*index], *index < row.columns.size() ? row.columns[*index] : 0};
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

std::optional<std::string> phone_number(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c == '+' && digits.empty()) digits += c;
    else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') return std::nullopt;
  }
  std::size_t n = digits.size() - (digits.starts_with('+') ? 1 : 0);
  if (n < 5 || n > 17) return std::nullopt;
  return digits;
}

// "YYYY-MM-DD", or the day of "YYYY-MM-DDTHH:MM:SSZ" / "YYYY-MM-DD HH:MM:SS".
std::optional<std::string> day_of(std::string_view text) {
  if (text.size() != 10 && text.size() < 19) return std::nullopt;
  auto date = CivilDate::parse(text.substr(0, 10));
  if (!date) return std::nullopt;
  if (text.size() > 10) {
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
    auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (!digit(11) || !digit(12) || text[13] != ':' || !digit(14) || !digit(15) || text[16] != ':' ||
        !digit(17) || !digit(18)) {
      return std::nullopt;
    }
    std::string_view rest = text.substr(19);
    if (!(rest.empty() || rest == "Z")) return std::nullopt;
  }
  return date->to_string();
}

// "350", "350.5", "350.50" → cents.
std::optional<std::int64_t> cents_of(std::string_view text) {
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || fraction.size() > 2 || (dot != std::string_view::npos && fraction.empty())) return std::nullopt;
  std::int64_t units = 0, part = 0;
  auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), units);
  if (ec != std::errc() || end != whole.data() + whole.size() || units < 0 || units > 1'000'000'000'000) return std::nullopt;
  if (!fraction.empty()) {
    auto [fend, fec] = std::from_chars(fraction.data(), fraction.data() + fraction.size(), part);
    if (fec != std::errc() || fend != fraction.data() + fraction.size()) return std::nullopt;
    if (fraction.size() == 1) part *= 10;
  }
  return units * 100 + part;
}

struct PendingLink {
  std::string type;
  std::pair<std::string, std::string> source;  // (kind, label) or ("person", record id)
  std::pair<std::string, std::string> target;
  std::string source_record;
  std::string day;
  std::optional<std::int64_t> amount_cents;
  std::string currency;
  double confidence = 1;
  std::string note;
};

}  // namespace

Result<IntelImportKind> parse_intel_import_kind(std::string_view word) {
  if (word == "calls") return IntelImportKind::kCalls;
  if (word == "transfers") return IntelImportKind::kTransfers;
  if (word == "mentions") return IntelImportKind::kMentions;
  if (word == "meetings") return IntelImportKind::kMeetings;
  return errorf(ErrorCode::kInvalidArgument,
                "'{}' is not an import kind; use calls, transfers, mentions or meetings", word);
}

std::string_view intel_import_kind_name(IntelImportKind kind) {
  switch (kind) {
    case IntelImportKind::kCalls: return "calls";
    case IntelImportKind::kTransfers: return "transfers";
    case IntelImportKind::kMentions: return "mentions";
    case IntelImportKind::kMeetings: return "meetings";
  }
  return "";
}

Result<IntelImportReport> IntelService::import_csv(const Actor& actor, IntelImportKind kind,
                                                   std::unique_ptr<InputStream> input) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelWrite));
  ESCUDO_ASSIGN_OR_RETURN(Table t, read_table(std::move(input)));
  IntelImportReport report;
  report.kind = std::string(intel_import_kind_name(kind));
  report.file = t.name;
  // The file's base name: what provenance shows ("calls.csv:17").
  std::string file = t.name.substr(t.name.find_last_of('/') == std::string::npos ? 0 : t.name.find_last_of('/') + 1);
  std::vector<PendingLink> links;
  std::vector<SourcePersonRecord> people;  // mentions and meetings, resolved before storing
  auto where = [&](const CsvRecord& row) { return fmt::format("{}:{}", file, row.line); };

  if (kind == IntelImportKind::kCalls) {
    auto c = columns(t, {"caller_phone", "callee_phone", "time"}, {"duration_s"});
    if (t.error_count == 0) {
      for (const auto& row : t.rows) {
        auto caller = cell(row, c[0]), callee = cell(row, c[1]), time = cell(row, c[2]), duration = cell(row, c[3]);
        auto a = phone_number(caller.text), b = phone_number(callee.text);
        auto day = day_of(time.text);
        if (!a) t.error(row.line, caller.column, "caller_phone", fmt::format("'{}' is not a phone number", caller.text));
        if (!b) t.error(row.line, callee.column, "callee_phone", fmt::format("'{}' is not a phone number", callee.text));
        if (!day) t.error(row.line, time.column, "time", fmt::format("'{}' is not a time (YYYY-MM-DDTHH:MM:SSZ)", time.text));
        std::int64_t seconds = 0;
        if (!duration.text.empty()) {
          auto [end, ec] = std::from_chars(duration.text.data(), duration.text.data() + duration.text.size(), seconds);
          if (ec != std::errc() || end != duration.text.data() + duration.text.size() || seconds < 0) {
            t.error(row.line, duration.column, "duration_s", fmt::format("'{}' is not a number of seconds", duration.text));
          }
        }
        if (a && b && *a == *b) t.error(row.line, callee.column, "callee_phone", "a phone cannot call itself");
        if (!a || !b || !day || *a == *b) continue;
        links.push_back({"called", {"phone", *a}, {"phone", *b}, where(row), *day, std::nullopt, "",
                         kRecordConfidence, duration.text.empty() ? "" : fmt::format("{} s", seconds)});
      }
    }
  } else if (kind == IntelImportKind::kTransfers) {
    auto c = columns(t, {"sender_account", "receiver_account", "amount", "date"}, {"currency"});
    if (t.error_count == 0) {
      for (const auto& row : t.rows) {
        auto sender = cell(row, c[0]), receiver = cell(row, c[1]), amount = cell(row, c[2]),
             date = cell(row, c[3]), currency = cell(row, c[4]);
        std::string a = trimmed(sender.text), b = trimmed(receiver.text);
        auto cents = cents_of(amount.text);
        auto day = day_of(date.text);
        std::string money = currency.text.empty() ? "USD" : std::string(currency.text);
        if (a.empty()) t.error(row.line, sender.column, "sender_account", "the sender's account is empty");
        if (b.empty()) t.error(row.line, receiver.column, "receiver_account", "the receiver's account is empty");
        if (!a.empty() && a == b) t.error(row.line, receiver.column, "receiver_account", "an account cannot pay itself");
        if (!cents) t.error(row.line, amount.column, "amount", fmt::format("'{}' is not an amount (like 350.00)", amount.text));
        if (!day || day->size() != 10 || date.text.size() != 10) {
          t.error(row.line, date.column, "date", fmt::format("'{}' is not a date (YYYY-MM-DD)", date.text));
          day.reset();
        }
        bool currency_ok = is_capital_code(money);
        if (!currency_ok) t.error(row.line, currency.column, "currency", fmt::format("'{}' is not a currency code (USD)", money));
        if (a.empty() || b.empty() || a == b || !cents || !day || !currency_ok) continue;
        links.push_back({"paid", {"account", a}, {"account", b}, where(row), *day, cents, money,
                         kRecordConfidence, ""});
      }
    }
  } else if (kind == IntelImportKind::kMentions) {
    auto c = columns(t, {"interview_id", "name", "date"}, {"role_words", "place", "phone"});
    std::map<std::string, int> per_interview;
    if (t.error_count == 0) {
      for (const auto& row : t.rows) {
        auto interview = cell(row, c[0]), name = cell(row, c[1]), date = cell(row, c[2]),
             words = cell(row, c[3]), place = cell(row, c[4]), phone = cell(row, c[5]);
        std::string id = trimmed(interview.text), who = trimmed(name.text);
        auto day = day_of(date.text);
        std::optional<std::string> number;
        if (!phone.text.empty()) {
          number = phone_number(phone.text);
          if (!number) t.error(row.line, phone.column, "phone", fmt::format("'{}' is not a phone number", phone.text));
        }
        if (id.empty() || id.find(':') != std::string::npos) {
          t.error(row.line, interview.column, "interview_id", "the interview id is empty or holds ':'");
        }
        if (who.empty()) t.error(row.line, name.column, "name", "the name is empty");
        if (!day || date.text.size() != 10) {
          t.error(row.line, date.column, "date", fmt::format("'{}' is not a date (YYYY-MM-DD)", date.text));
          day.reset();
        }
        if (id.empty() || id.find(':') != std::string::npos || who.empty() || !day || (!phone.text.empty() && !number)) continue;
        std::string record = fmt::format("mention:{}:{}", id, ++per_interview[id]);
        people.push_back({record, who, number.value_or("")});
        std::string where_told = trimmed(place.text);
        if (!where_told.empty()) {
          links.push_back({"located_at", {"person", record}, {"place", where_told}, record, *day,
                           std::nullopt, "", kMentionConfidence, std::string(words.text)});
        }
        if (number) {
          links.push_back({"uses", {"person", record}, {"phone", *number}, record, *day, std::nullopt,
                           "", kMentionConfidence, ""});
        }
      }
    }
  } else {
    auto c = columns(t, {"person", "meeting", "date"}, {});
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> attendees;  // record, where
    std::map<std::string, int> per_meeting;
    std::map<std::string, std::string> record_of_name;  // written name → its record
    if (t.error_count == 0) {
      for (const auto& row : t.rows) {
        auto person = cell(row, c[0]), meeting = cell(row, c[1]), date = cell(row, c[2]);
        std::string who = trimmed(person.text), what = trimmed(meeting.text);
        auto day = day_of(date.text);
        if (who.empty()) t.error(row.line, person.column, "person", "the person is empty");
        if (what.empty() || what.find(':') != std::string::npos) {
          t.error(row.line, meeting.column, "meeting", "the meeting is empty or holds ':'");
        }
        if (!day || date.text.size() != 10) {
          t.error(row.line, date.column, "date", fmt::format("'{}' is not a date (YYYY-MM-DD)", date.text));
          day.reset();
        }
        if (!what.empty() && attendees[what].size() >= kMaxMeetingSize) {
          t.error(row.line, meeting.column, "meeting",
                  fmt::format("more than {} people at one meeting: split it", kMaxMeetingSize));
          continue;
        }
        if (who.empty() || what.empty() || what.find(':') != std::string::npos || !day) continue;
        // One list names one person the same way at every meeting: one record per written name
        // (case and spacing aside), so names alone need not be resolved across meetings.
        std::string key;
        for (char ch : who) {
          if (ch == ' ' || ch == '\t') {
            if (!key.empty() && key.back() != ' ') key += ' ';
          } else {
            key += ascii_lower(ch);
          }
        }
        auto [known, added] = record_of_name.try_emplace(key);
        if (added) {
          known->second = fmt::format("meeting:{}:{}", what, ++per_meeting[what]);
          people.push_back({known->second, who, ""});
        }
        const std::string& record = known->second;
        if (std::ranges::any_of(attendees[what], [&](const auto& a) { return a.first == record; })) continue;
        for (const auto& [other, _] : attendees[what]) {
          links.push_back({"met", {"person", other}, {"person", record}, where(row), *day,
                           std::nullopt, "", kMeetingConfidence, what});
        }
        attendees[what].emplace_back(record, where(row));
      }
    }
  }
  if (t.error_count == 0 && t.rows.empty()) {
    return errorf(ErrorCode::kInvalidArgument, "{} has a header but no rows", t.name);
  }
  if (t.error_count > 0) {
    report.errors = std::move(t.errors);
    report.error_count = t.error_count;
    return report;
  }

  // People first: their entities come from entity resolution.
  std::map<std::string, std::int64_t> person_entity;  // record id → resolved entity
  if (!people.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(auto ids, resolve_.add_source_records(actor, people));
    for (std::size_t i = 0; i < people.size(); ++i) person_entity[people[i].record_id] = ids[i];
  }
  std::map<std::string, std::string> person_name;
  for (const auto& p : people) person_name.emplace(p.record_id, p.full_name);

  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::IntelRepo repo(*db);
  const std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t import_id,
                          repo.record_import({report.kind, t.name, t.sha256,
                                              static_cast<std::int64_t>(t.rows.size()), actor.name, now}));
  std::map<std::pair<std::string, std::string>, std::int64_t> entity_of;
  auto resolve_entity = [&](const std::pair<std::string, std::string>& key) -> Result<std::int64_t> {
    if (auto it = entity_of.find(key); it != entity_of.end()) return it->second;
    store::IntelEntityRow row;
    row.kind = key.first;
    row.created_by = actor.name;
    row.created_at = now;
    if (key.first == "person") {
      std::int64_t resolved = person_entity.at(key.second);
      row.label = person_name.at(key.second);
      row.match_key = fmt::format("entity:{}", resolved);
      row.person_entity_id = resolved;
    } else {
      row.label = key.second;
      row.match_key = key.first == "phone" ? key.second : ascii_lowered(key.second);
    }
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, repo.find_or_add_entity(row));
    entity_of.emplace(key, id);
    return id;
  };
  for (const auto& p : people) {  // every person named, with or without a link
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, resolve_entity({"person", p.record_id}));
    static_cast<void>(id);
  }
  std::int64_t stored_links = 0;
  for (const auto& l : links) {
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t a, resolve_entity(l.source));
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t b, resolve_entity(l.target));
    if (a == b) continue;  // two mentions of one person at one meeting
    store::IntelLinkRow row;
    row.type = l.type;
    row.source_id = a;
    row.target_id = b;
    row.source_record = l.source_record;
    row.date_from = l.day;
    row.date_to = l.day;
    row.amount_cents = l.amount_cents;
    if (l.amount_cents) row.currency = l.currency;
    row.confidence = l.confidence;
    row.note = l.note;
    row.entered_by = actor.name;
    row.entered_at = now;
    row.import_id = import_id;
    ESCUDO_ASSIGN_OR_RETURN(std::int64_t link_id, repo.add_link(row));
    static_cast<void>(link_id);
    ++stored_links;
  }
  ESCUDO_TRY(append_audit(*db, clock_, actor, "intel.import", fmt::format("intel_import:{}", import_id),
                          fmt::format("kind={} rows={} links={} sha256={} file={}", report.kind,
                                      t.rows.size(), stored_links, t.sha256, t.name)));
  ESCUDO_TRY(tx.commit());
  invalidate();
  report.stored = true;
  report.rows = static_cast<std::int64_t>(t.rows.size());
  report.links = stored_links;
  report.entities = static_cast<std::int64_t>(entity_of.size());
  report.import_id = import_id;
  return report;
}

}  // namespace escudo::service

#include "store/intel_repo.h"

#include <string>

namespace escudo::store {
namespace {

SqlValue optional_text(const std::optional<std::string>& text) {
  return text ? SqlValue(std::string_view(*text)) : SqlValue(nullptr);
}

SqlValue optional_int(const std::optional<std::int64_t>& value) {
  return value ? SqlValue(*value) : SqlValue(nullptr);
}

constexpr std::string_view kEntityColumns =
    "id, kind, label, match_key, person_entity_id, created_by, created_at";

IntelEntityRow read_entity(const Row& row) {
  IntelEntityRow e;
  e.id = row.get_int(0);
  e.kind = row.get_text(1);
  e.label = row.get_text(2);
  e.match_key = row.get_optional_text(3);
  if (!row.is_null(4)) e.person_entity_id = row.get_int(4);
  e.created_by = row.get_text(5);
  e.created_at = row.get_int(6);
  return e;
}

constexpr std::string_view kLinkColumns =
    "id, type, source_id, target_id, source_record, date_from, date_to, count, amount_cents, "
    "currency, confidence, note, entered_by, entered_at, import_id";

IntelLinkRow read_link(const Row& row) {
  IntelLinkRow l;
  l.id = row.get_int(0);
  l.type = row.get_text(1);
  l.source_id = row.get_int(2);
  l.target_id = row.get_int(3);
  l.source_record = row.get_text(4);
  l.date_from = row.get_optional_text(5);
  l.date_to = row.get_optional_text(6);
  l.count = row.get_int(7);
  if (!row.is_null(8)) l.amount_cents = row.get_int(8);
  l.currency = row.get_optional_text(9);
  l.confidence = row.get_double(10);
  l.note = row.get_text(11);
  l.entered_by = row.get_text(12);
  l.entered_at = row.get_int(13);
  if (!row.is_null(14)) l.import_id = row.get_int(14);
  return l;
}

// `text` as a LIKE pattern that matches it anywhere, its wildcards taken literally.
std::string contains_pattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

}  // namespace

Result<std::int64_t> IntelRepo::add_entity(const IntelEntityRow& e) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO intel_entities (kind, label, match_key, person_entity_id, created_by, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {std::string_view(e.kind), std::string_view(e.label), optional_text(e.match_key),
       optional_int(e.person_entity_id), std::string_view(e.created_by), e.created_at},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::int64_t> IntelRepo::find_or_add_entity(const IntelEntityRow& e) {
  if (e.match_key) {
    ESCUDO_ASSIGN_OR_RETURN(
        auto found, db_.query_int("SELECT id FROM intel_entities WHERE kind = $1 AND match_key = $2",
                                  {std::string_view(e.kind), std::string_view(*e.match_key)}));
    if (found) return *found;
  }
  return add_entity(e);
}

Result<std::optional<IntelEntityRow>> IntelRepo::entity(std::int64_t id) {
  std::optional<IntelEntityRow> out;
  ESCUDO_TRY(db_.query(fmt::format("SELECT {} FROM intel_entities WHERE id = $1", kEntityColumns),
                       {id}, [&](const Row& row) {
                         out = read_entity(row);
                         return ok_status();
                       }));
  return out;
}

Result<std::vector<IntelEntityRow>> IntelRepo::find_entities(std::string_view kind,
                                                             std::string_view text,
                                                             std::int64_t limit) {
  std::vector<IntelEntityRow> out;
  std::string pattern = contains_pattern(text);
  ESCUDO_TRY(db_.query(
      fmt::format("SELECT {} FROM intel_entities WHERE ($1 = '' OR kind = $1) AND "
                  "lower(label) LIKE lower($2) ESCAPE '\\' ORDER BY id LIMIT $3",
                  kEntityColumns),
      {kind, std::string_view(pattern), limit}, [&](const Row& row) {
        out.push_back(read_entity(row));
        return ok_status();
      }));
  return out;
}

Status IntelRepo::for_each_entity(const std::function<Status(const IntelEntityRow&)>& visit) {
  return db_.query(fmt::format("SELECT {} FROM intel_entities ORDER BY id", kEntityColumns), {},
                   [&](const Row& row) { return visit(read_entity(row)); });
}

Result<std::int64_t> IntelRepo::add_link(const IntelLinkRow& l) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO intel_links (type, source_id, target_id, source_record, date_from, date_to, "
      "count, amount_cents, currency, confidence, note, entered_by, entered_at, import_id) VALUES "
      "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
      {std::string_view(l.type), l.source_id, l.target_id, std::string_view(l.source_record),
       optional_text(l.date_from), optional_text(l.date_to), l.count, optional_int(l.amount_cents),
       optional_text(l.currency), l.confidence, std::string_view(l.note),
       std::string_view(l.entered_by), l.entered_at, optional_int(l.import_id)},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::vector<IntelLinkRow>> IntelRepo::links_of(std::int64_t entity_id, std::int64_t limit) {
  std::vector<IntelLinkRow> out;
  ESCUDO_TRY(db_.query(
      fmt::format("SELECT {} FROM intel_links WHERE source_id = $1 OR target_id = $1 ORDER BY "
                  "COALESCE(date_from, '') DESC, id DESC LIMIT $2",
                  kLinkColumns),
      {entity_id, limit}, [&](const Row& row) {
        out.push_back(read_link(row));
        return ok_status();
      }));
  return out;
}

Result<std::optional<IntelLinkRow>> IntelRepo::link(std::int64_t id) {
  std::optional<IntelLinkRow> out;
  ESCUDO_TRY(db_.query(fmt::format("SELECT {} FROM intel_links WHERE id = $1", kLinkColumns), {id},
                       [&](const Row& row) {
                         out = read_link(row);
                         return ok_status();
                       }));
  return out;
}

Status IntelRepo::for_each_link(const std::function<Status(const IntelLinkRow&)>& visit) {
  return db_.query(fmt::format("SELECT {} FROM intel_links ORDER BY id", kLinkColumns), {},
                   [&](const Row& row) { return visit(read_link(row)); });
}

Result<std::int64_t> IntelRepo::record_import(const IntelImportRow& i) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO intel_imports (kind, file_name, sha256, rows, imported_by, imported_at) VALUES "
      "($1, $2, $3, $4, $5, $6) RETURNING id",
      {std::string_view(i.kind), std::string_view(i.file_name), std::string_view(i.sha256), i.rows,
       std::string_view(i.imported_by), i.imported_at},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Status PersonRecordRepo::save(const PersonRecordRow& r, std::int64_t now) {
  return db_.execute(
      "INSERT INTO person_records (record_id, full_name, phone, created_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (record_id) DO UPDATE SET full_name = excluded.full_name, phone = excluded.phone",
      {std::string_view(r.record_id), std::string_view(r.full_name), std::string_view(r.phone), now});
}

Status PersonRecordRepo::for_each(const std::function<Status(const PersonRecordRow&)>& visit) {
  return db_.query("SELECT record_id, full_name, phone FROM person_records ORDER BY record_id", {},
                   [&](const Row& row) {
                     return visit({row.get_text(0), row.get_text(1), row.get_text(2)});
                   });
}

}  // namespace escudo::store

#include "store/entity_repo.h"

#include <algorithm>

namespace escudo::store {
namespace {

EntityAssignment read_assignment(const Row& row) {
  return {row.get_text(0), row.get_int(1), row.get_double(2), row.get_text(3)};
}

EntityEventRow read_event(const Row& row) {
  EntityEventRow e;
  e.id = row.get_int(0);
  e.at = row.get_int(1);
  e.actor = row.get_text(2);
  e.kind = row.get_text(3);
  e.entity_id = row.get_int(4);
  if (!row.is_null(5)) e.other_entity_id = row.get_int(5);
  e.records = row.get_text(6);
  if (!row.is_null(7)) e.probability = row.get_double(7);
  e.reason = row.get_text(8);
  return e;
}

}  // namespace

Status EntityRepo::for_each_registered_person(
    const std::function<Status(const RegisteredPersonView&)>& visit) {
  return db_.query(
      "SELECT p.id, p.given_names, p.family_names, p.sex, COALESCE(p.birth_date, ''), "
      "p.estimated_age, g.registered_on, p.nationality, p.document_type, p.document_country, "
      "p.document_number, p.phone FROM persons p JOIN registration_groups g ON g.id = p.group_id "
      "ORDER BY p.id",
      {}, [&](const Row& row) {
        RegisteredPersonView v;
        v.person_id = row.get_int(0);
        v.given_names = row.get_text_view(1);
        v.family_names = row.get_text_view(2);
        v.sex = row.get_text_view(3);
        v.birth_date = row.get_text_view(4);
        if (!row.is_null(5)) v.estimated_age = row.get_int(5);
        v.registered_on = row.get_text_view(6);
        v.nationality = row.get_text_view(7);
        v.document_type = row.get_text_view(8);
        v.document_country = row.get_text_view(9);
        v.document_number = row.get_text_view(10);
        v.phone = row.get_text_view(11);
        return visit(v);
      });
}

Result<std::vector<RegisteredPersonSummary>> EntityRepo::registered_people(
    std::span<const std::int64_t> ids) {
  std::vector<RegisteredPersonSummary> out;
  std::vector<std::int64_t> sorted(ids.begin(), ids.end());
  std::ranges::sort(sorted);
  // One query for each run of consecutive ids (an imported file's people are one run).
  for (std::size_t begin = 0; begin < sorted.size();) {
    std::size_t end = begin + 1;
    while (end < sorted.size() && sorted[end] <= sorted[end - 1] + 1) ++end;
    ESCUDO_TRY(db_.query(
        "SELECT p.id, p.group_id, p.given_names, p.family_names, p.sex, "
        "COALESCE(p.birth_date, ''), p.estimated_age, p.nationality, p.document_type, "
        "p.document_country, p.document_number, p.phone, s.code, g.registered_on FROM persons p "
        "JOIN registration_groups g ON g.id = p.group_id JOIN stations s ON s.id = g.station_id "
        "WHERE p.id BETWEEN $1 AND $2",
        {sorted[begin], sorted[end - 1]}, [&](const Row& row) {
          RegisteredPersonSummary p;
          p.person_id = row.get_int(0);
          p.group_id = row.get_int(1);
          p.given_names = row.get_text(2);
          p.family_names = row.get_text(3);
          p.sex = row.get_text(4);
          p.birth_date = row.get_text(5);
          if (!row.is_null(6)) p.estimated_age = row.get_int(6);
          p.nationality = row.get_text(7);
          p.document_type = row.get_text(8);
          p.document_country = row.get_text(9);
          p.document_number = row.get_text(10);
          p.phone = row.get_text(11);
          p.station_code = row.get_text(12);
          p.registered_on = row.get_text(13);
          out.push_back(std::move(p));
          return ok_status();
        }));
    begin = end;
  }
  std::ranges::sort(out, {}, &RegisteredPersonSummary::person_id);
  return out;
}

Status EntityRepo::for_each_assignment(const std::function<Status(const EntityAssignment&)>& visit) {
  return db_.query("SELECT record_id, entity_id, probability, linked_to FROM entity_records", {},
                   [&](const Row& row) { return visit(read_assignment(row)); });
}

Status EntityRepo::save_assignments(std::span<const EntityAssignment> assignments, std::int64_t now) {
  for (const auto& a : assignments) {
    ESCUDO_TRY(db_.execute(
        "INSERT INTO entity_records (record_id, entity_id, probability, linked_to, updated_at) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (record_id) DO UPDATE SET entity_id = "
        "excluded.entity_id, probability = excluded.probability, linked_to = excluded.linked_to, "
        "updated_at = excluded.updated_at",
        {std::string_view(a.record_id), a.entity_id, a.probability, std::string_view(a.linked_to),
         now}));
  }
  return ok_status();
}

Result<std::optional<EntityAssignment>> EntityRepo::assignment(std::string_view record_id) {
  std::optional<EntityAssignment> out;
  ESCUDO_TRY(db_.query(
      "SELECT record_id, entity_id, probability, linked_to FROM entity_records WHERE record_id = $1",
      {record_id}, [&](const Row& row) {
        out = read_assignment(row);
        return ok_status();
      }));
  return out;
}

Result<std::vector<EntityAssignment>> EntityRepo::records_of(std::int64_t entity_id) {
  std::vector<EntityAssignment> out;
  ESCUDO_TRY(db_.query(
      "SELECT record_id, entity_id, probability, linked_to FROM entity_records WHERE entity_id = "
      "$1 ORDER BY record_id",
      {entity_id}, [&](const Row& row) {
        out.push_back(read_assignment(row));
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> EntityRepo::max_entity_id() {
  ESCUDO_ASSIGN_OR_RETURN(
      auto value, db_.query_int("SELECT MAX(m) FROM (SELECT MAX(entity_id) AS m FROM entity_records "
                                "UNION ALL SELECT MAX(MAX(entity_id), MAX(now_entity_id)) FROM entity_aliases)"));
  return value.value_or(0);
}

Status EntityRepo::add_alias(std::int64_t entity_id, std::int64_t now_entity_id) {
  // Earlier aliases that led to the merged entity now lead on to the survivor.
  ESCUDO_TRY(db_.execute("UPDATE entity_aliases SET now_entity_id = $1 WHERE now_entity_id = $2",
                         {now_entity_id, entity_id}));
  return db_.execute(
      "INSERT INTO entity_aliases (entity_id, now_entity_id) VALUES ($1, $2) ON CONFLICT "
      "(entity_id) DO UPDATE SET now_entity_id = excluded.now_entity_id",
      {entity_id, now_entity_id});
}

Result<std::int64_t> EntityRepo::current_entity(std::int64_t entity_id) {
  ESCUDO_ASSIGN_OR_RETURN(auto now, db_.query_int("SELECT now_entity_id FROM entity_aliases WHERE "
                                                  "entity_id = $1",
                                                  {entity_id}));
  return now.value_or(entity_id);
}

Result<std::int64_t> EntityRepo::append_event(const EntityEventRow& e) {
  SqlValue other = e.other_entity_id ? SqlValue(*e.other_entity_id) : nullptr;
  SqlValue probability = e.probability ? SqlValue(*e.probability) : nullptr;
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO entity_events (at, actor, kind, entity_id, other_entity_id, records, "
      "probability, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {e.at, std::string_view(e.actor), std::string_view(e.kind), e.entity_id, other,
       std::string_view(e.records), probability, std::string_view(e.reason)},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::vector<EntityEventRow>> EntityRepo::events_of(std::int64_t entity_id) {
  std::vector<EntityEventRow> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, at, actor, kind, entity_id, other_entity_id, records, probability, reason FROM "
      "entity_events WHERE entity_id = $1 OR other_entity_id = $1 ORDER BY id",
      {entity_id}, [&](const Row& row) {
        out.push_back(read_event(row));
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> EntityRepo::append_decision(const EntityDecisionRow& d) {
  SqlValue entity = d.entity_id ? SqlValue(*d.entity_id) : nullptr;
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO entity_decisions (at, actor, decision, record_a, record_b, entity_id, reason) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {d.at, std::string_view(d.actor), std::string_view(d.decision), std::string_view(d.record_a),
       std::string_view(d.record_b), entity, std::string_view(d.reason)},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::vector<EntityDecisionRow>> EntityRepo::decisions() {
  std::vector<EntityDecisionRow> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, at, actor, decision, record_a, record_b, entity_id, reason FROM "
      "entity_decisions ORDER BY id",
      {}, [&](const Row& row) {
        EntityDecisionRow d;
        d.id = row.get_int(0);
        d.at = row.get_int(1);
        d.actor = row.get_text(2);
        d.decision = row.get_text(3);
        d.record_a = row.get_text(4);
        d.record_b = row.get_text(5);
        if (!row.is_null(6)) d.entity_id = row.get_int(6);
        d.reason = row.get_text(7);
        out.push_back(std::move(d));
        return ok_status();
      }));
  return out;
}

Result<std::optional<std::string>> EntityRepo::model_parameters() {
  std::optional<std::string> out;
  ESCUDO_TRY(db_.query("SELECT parameters FROM entity_model WHERE id = 1", {}, [&](const Row& row) {
    out = row.get_text(0);
    return ok_status();
  }));
  return out;
}

Status EntityRepo::save_model_parameters(std::string_view parameters, std::int64_t now) {
  return db_.execute(
      "INSERT INTO entity_model (id, parameters, updated_at) VALUES (1, $1, $2) ON CONFLICT (id) "
      "DO UPDATE SET parameters = excluded.parameters, updated_at = excluded.updated_at",
      {parameters, now});
}

}  // namespace escudo::store

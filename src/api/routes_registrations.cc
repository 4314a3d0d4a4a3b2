#include <charconv>

#include "api/query_params.h"
#include "api/routes.h"
#include "api/views.h"
#include "base/input_stream.h"
#include "base/json.h"

namespace escudo::api {
namespace {

// Value problems found while reading (a malformed date, an unknown sex) become field errors
// like the service's, so the form can point at the field; `person` is -1 for the group.
struct Reading {
  std::vector<model::FieldError> errors;
  int person = -1;
  template <typename T>
  void take(Result<T> value, std::string_view field, T& target) {
    if (value) {
      target = std::move(*value);
    } else {
      errors.push_back({person, std::string(field), value.error().message()});
    }
  }
};

Result<std::optional<CivilDate>> optional_date(const JsonValue& v, std::string_view name,
                                               Reading& reading) {
  ESCUDO_ASSIGN_OR_RETURN(auto text, v.get_optional_string(name));
  if (!text || text->empty()) return std::optional<CivilDate>();
  auto day = CivilDate::parse(*text);
  if (!day) {
    reading.errors.push_back({reading.person, std::string(name), day.error().message()});
    return std::optional<CivilDate>();
  }
  return std::optional<CivilDate>(*day);
}

// One person of a registration body; see read_group.
Result<model::Person> read_person(const JsonValue& item, Reading& reading) {
  model::Person p;
  ESCUDO_ASSIGN_OR_RETURN(auto given, item.get_optional_string("given_names"));
  p.given_names = given.value_or("");
  ESCUDO_ASSIGN_OR_RETURN(auto family, item.get_optional_string("family_names"));
  p.family_names = family.value_or("");
  ESCUDO_ASSIGN_OR_RETURN(auto sex, item.get_optional_string("sex"));
  reading.take(model::parse_person_sex(sex.value_or("unknown")), "sex", p.sex);
  ESCUDO_ASSIGN_OR_RETURN(p.birth_date, optional_date(item, "birth_date", reading));
  ESCUDO_ASSIGN_OR_RETURN(auto estimate, item.get_optional_int("estimated_age"));
  if (estimate) p.estimated_age = static_cast<int>(std::clamp<std::int64_t>(*estimate, -1, 1000));
  ESCUDO_ASSIGN_OR_RETURN(auto nationality, item.get_optional_string("nationality"));
  p.nationality_iso3 = nationality.value_or("");
  ESCUDO_ASSIGN_OR_RETURN(auto doc_type, item.get_optional_string("document_type"));
  reading.take(model::parse_document_type(doc_type.value_or("none")), "document_type", p.document_type);
  ESCUDO_ASSIGN_OR_RETURN(auto doc_country, item.get_optional_string("document_country"));
  p.document_country_iso3 = doc_country.value_or("");
  ESCUDO_ASSIGN_OR_RETURN(auto doc_number, item.get_optional_string("document_number"));
  p.document_number = doc_number.value_or("");
  ESCUDO_ASSIGN_OR_RETURN(auto phone, item.get_optional_string("phone"));
  p.phone = phone.value_or("");
  ESCUDO_ASSIGN_OR_RETURN(auto rel, item.get_optional_string("relationship"));
  reading.take(model::parse_relationship(rel.value_or("head")), "relationship", p.relationship);
  ESCUDO_ASSIGN_OR_RETURN(p.pregnant, item.get_bool_or("pregnant", false));
  ESCUDO_ASSIGN_OR_RETURN(p.disability, item.get_bool_or("disability", false));
  ESCUDO_ASSIGN_OR_RETURN(p.injured, item.get_bool_or("injured", false));
  ESCUDO_ASSIGN_OR_RETURN(p.violence_survivor, item.get_bool_or("violence_survivor", false));
  ESCUDO_ASSIGN_OR_RETURN(p.separated, item.get_bool_or("separated", false));
  return p;
}

// Reads the JSON body into a group. A value of the wrong JSON type (a number where text
// belongs) is an error of the request; a value that does not parse is a field error in
// `reading`; what the values mean is checked by the service, field by field.
Result<model::RegistrationGroup> read_group(const JsonValue& body, Reading& reading) {
  model::RegistrationGroup g;
  ESCUDO_ASSIGN_OR_RETURN(g.station_code, body.get_string("station"));
  ESCUDO_ASSIGN_OR_RETURN(auto day, optional_date(body, "registered_on", reading));
  if (day) {
    g.registered_on = *day;
  } else if (reading.errors.empty() || reading.errors.back().field != "registered_on") {
    reading.errors.push_back({-1, "registered_on", "is required"});
  }
  ESCUDO_ASSIGN_OR_RETURN(auto departure, body.get_optional_string("departure_point"));
  g.departure_point = departure.value_or("");
  ESCUDO_ASSIGN_OR_RETURN(auto days, body.get_optional_int("days_in_jungle"));
  if (days) g.days_in_jungle = static_cast<int>(std::clamp<std::int64_t>(*days, -1, 1000));
  ESCUDO_ASSIGN_OR_RETURN(auto paid, body.get_optional_string("paid_usd"));
  if (paid && !paid->empty()) {
    std::int64_t cents = 0;
    reading.take(model::parse_usd_cents(*paid), "paid_usd", cents);
    if (reading.errors.empty() || reading.errors.back().field != "paid_usd") g.paid_usd_cents = cents;
  }
  ESCUDO_ASSIGN_OR_RETURN(auto paid_to, body.get_optional_string("paid_to"));
  g.paid_to = paid_to.value_or("");
  ESCUDO_ASSIGN_OR_RETURN(auto people, body.get_array("people"));
  for (std::size_t index = 0; index < people.size(); ++index) {
    reading.person = static_cast<int>(index);
    ESCUDO_ASSIGN_OR_RETURN(auto p, read_person(*people[index], reading));
    g.people.push_back(std::move(p));
  }
  reading.person = -1;
  return g;
}

// `screened` (the outcome of a new registration) adds "screening": how many hits each person
// has in the screening queue, never what they matched (the registrar refers the person to a
// screening officer, who reads the hits).
void write_group(JsonWriter& w, const model::RegistrationGroup& g, bool identity,
                 const service::RegistrationOutcome* screened = nullptr) {
  w.begin_object();
  w.key("id").value(g.id.value());
  w.key("station").value(g.station_code);
  w.key("registered_on").value(g.registered_on.to_string());
  if (identity) {
    w.key("departure_point").value(g.departure_point);
    w.key("days_in_jungle");
    if (g.days_in_jungle) w.value(*g.days_in_jungle); else w.null();
    w.key("paid_usd_cents");
    if (g.paid_usd_cents) w.value(*g.paid_usd_cents); else w.null();
    w.key("paid_to").value(g.paid_to);
  }
  w.key("people").begin_array();
  for (const auto& p : g.people) {
    w.begin_object();
    w.key("id").value(p.id.value());
    if (identity) {
      w.key("given_names").value(p.given_names);
      w.key("family_names").value(p.family_names);
      w.key("birth_date");
      if (p.birth_date) w.value(p.birth_date->to_string()); else w.null();
      w.key("document_type").value(model::document_type_name(p.document_type));
      w.key("document_country").value(p.document_country_iso3);
      w.key("document_number").value(p.document_number);
      w.key("phone").value(p.phone);
    }
    w.key("sex").value(model::person_sex_name(p.sex));
    w.key("age");
    if (auto age = model::age_on(p, g.registered_on)) w.value(*age); else w.null();
    w.key("nationality").value(p.nationality_iso3);
    w.key("relationship").value(model::relationship_name(p.relationship));
    w.key("pregnant").value(p.pregnant);
    w.key("disability").value(p.disability);
    w.key("injured").value(p.injured);
    w.key("violence_survivor").value(p.violence_survivor);
    w.key("separated").value(p.separated);
    w.key("unaccompanied").value(p.unaccompanied);
    w.end_object();
  }
  w.end_array();
  if (screened != nullptr) {
    std::int64_t total = 0;
    for (const auto& s : screened->screening) total += s.hits;
    w.key("screening").begin_object();
    w.key("ran").value(screened->screened);
    w.key("hits").value(total);
    w.key("problem").value(screened->screening_problem);
    w.key("people").begin_array();
    for (const auto& s : screened->screening) {
      w.begin_object().key("person_id").value(s.person_id).key("hits").value(s.hits).end_object();
    }
    w.end_array().end_object();
  }
  w.end_object();
}

}  // namespace

void add_registration_routes(Router& router, service::Services& services) {
  auto& registrations = services.registrations();

  router.add({.method = "GET",
              .pattern = "/api/stations",
              .summary = "Reception stations, with coordinates",
              .tag = "registrations",
              .permission = model::Permission::kTransitsRead,
              .response_schema =
                  R"({"type":"object","properties":{"stations":{"type":"array","items":{"type":"object","properties":{"code":{"type":"string"},"name":{"type":"string"},"country":{"type":"string"},"lat":{"type":"number"},"lon":{"type":"number"},"active":{"type":"boolean"}}}}}})"},
             [&registrations](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto stations, registrations.stations(me));
               JsonWriter w;
               w.begin_object().key("stations").begin_array();
               for (const auto& s : stations) {
                 w.begin_object()
                     .key("code").value(s.code)
                     .key("name").value(s.name)
                     .key("country").value(s.country_iso3)
                     .key("lat").value(s.lat)
                     .key("lon").value(s.lon)
                     .key("active").value(s.active)
                     .end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add(
      {.method = "POST",
       .pattern = "/api/registrations",
       .summary = "Register a group (one person or a family) on arrival; children without an "
                  "adult relative are flagged unaccompanied; each person is screened at once and "
                  "the reply counts their hits in the screening queue",
       .tag = "registrations",
       .permission = model::Permission::kRegistrationsCreate,
       .offload = true,
       .body_content_type = "application/json",
       .max_body_bytes = 256 << 10,
       .request_schema =
           R"({"type":"object","required":["station","registered_on","people"],"properties":{"station":{"type":"string"},"registered_on":{"type":"string","format":"date"},"departure_point":{"type":"string"},"days_in_jungle":{"type":"integer"},"paid_usd":{"type":"string"},"paid_to":{"type":"string"},"people":{"type":"array","items":{"type":"object","properties":{"given_names":{"type":"string"},"family_names":{"type":"string"},"sex":{"enum":["female","male","unknown"]},"birth_date":{"type":"string","format":"date"},"estimated_age":{"type":"integer"},"nationality":{"type":"string"},"document_type":{"enum":["passport","national_id","birth_certificate","other","none"]},"document_country":{"type":"string"},"document_number":{"type":"string"},"phone":{"type":"string"},"relationship":{"enum":["head","spouse","child","parent","sibling","grandparent","other_relative","unrelated"]},"pregnant":{"type":"boolean"},"disability":{"type":"boolean"},"injured":{"type":"boolean"},"violence_survivor":{"type":"boolean"},"separated":{"type":"boolean"}}}}}})",
       .response_schema =
           R"({"type":"object","properties":{"id":{"type":"integer"},"station":{"type":"string"},"registered_on":{"type":"string"},"people":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"sex":{"type":"string"},"age":{"type":["integer","null"]},"nationality":{"type":"string"},"relationship":{"type":"string"},"unaccompanied":{"type":"boolean"}}}},"screening":{"type":"object","properties":{"ran":{"type":"boolean"},"hits":{"type":"integer"},"problem":{"type":"string"},"people":{"type":"array","items":{"type":"object","properties":{"person_id":{"type":"integer"},"hits":{"type":"integer"}}}}}}}})",
       .success_status = 201,
       .refuses_fields = true},
      [&registrations](const Request& req, const service::Principal* me) -> Result<Response> {
        ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
        Reading reading;
        ESCUDO_ASSIGN_OR_RETURN(auto group, read_group(body, reading));
        service::RegistrationOutcome outcome;
        if (reading.errors.empty()) {
          ESCUDO_ASSIGN_OR_RETURN(outcome, registrations.register_group(service::Actor::of(*me),
                                                                        std::move(group)));
        } else {
          // Report what could not be read together with what else is wrong, in one answer.
          outcome.errors = std::move(reading.errors);
          for (auto& e : model::validate_group(group, group.registered_on)) {
            bool seen = false;
            for (const auto& r : outcome.errors) seen |= r.person == e.person && r.field == e.field;
            if (!seen && e.field != "registered_on") outcome.errors.push_back(std::move(e));
          }
        }
        JsonWriter w;
        if (!outcome.stored) {
          w.begin_object().key("error").begin_object();
          w.key("code").value("invalid_argument");
          w.key("message").value(fmt::format("{} field(s) need correcting; nothing was stored",
                                             outcome.errors.size()));
          w.key("reason").value("bad_fields");
          w.key("fields").begin_array();
          for (const auto& e : outcome.errors) {
            w.begin_object()
                .key("person").value(e.person)
                .key("field").value(e.field)
                .key("message").value(e.message)
                .end_object();
          }
          w.end_array().end_object().end_object();
          return Response::json(422, std::move(w).take());
        }
        write_group(w, outcome.group, /*identity=*/false, &outcome);
        return Response::json(201, std::move(w).take());
      });

  router.add(
      {.method = "POST",
       .pattern = "/api/registrations/import",
       .summary = "Import registrations from CSV (one row per person); every row is stored or none",
       .tag = "registrations",
       .permission = model::Permission::kRegistrationsCreate,
       .offload = true,
       .body_content_type = "text/csv",
       .max_body_bytes = 32 << 20,
       .request_schema = R"({"type":"string"})",
       .response_schema =
           R"({"type":"object","properties":{"groups":{"type":"integer"},"people":{"type":"integer"},"unaccompanied":{"type":"integer"},"screening":{"type":"object","properties":{"ran":{"type":"boolean"},"people":{"type":"integer"},"hits":{"type":"integer"},"people_with_hits":{"type":"integer"},"problem":{"type":"string"}}}}})",
       .refuses_fields = true},
      [&registrations](const Request& req, const service::Principal* me) -> Result<Response> {
        ESCUDO_ASSIGN_OR_RETURN(auto report, registrations.import_csv(
                                                 service::Actor::of(*me),
                                                 make_string_stream(req.body, "upload.csv")));
        if (!report.stored) {
          return rows_refused(
              fmt::format("{} problem(s) in the file; nothing was stored", report.error_count),
              report.error_count, report.errors);
        }
        JsonWriter w;
        w.begin_object()
            .key("groups").value(report.groups)
            .key("people").value(report.people)
            .key("unaccompanied").value(report.unaccompanied);
        // Counts only, as for a group registered through the form: who matched and what is
        // for a screening officer to read in the queue.
        w.key("screening").begin_object()
            .key("ran").value(report.screened)
            .key("people").value(report.screened_people)
            .key("hits").value(report.hits)
            .key("people_with_hits").value(report.people_with_hits)
            .key("problem").value(report.screening_problem)
            .end_object();
        w.end_object();
        return Response::json(200, std::move(w).take());
      });

  router.add(
      {.method = "POST",
       .pattern = "/api/registrations/check",
       .summary = "Earlier registrations that are probably the person being typed, with the "
                  "reasons (nothing is stored; audited when any is found)",
       .tag = "registrations",
       .permission = model::Permission::kRegistrationsCreate,
       .offload = true,
       .body_content_type = "application/json",
       .max_body_bytes = 16 << 10,
       .request_schema =
           R"({"type":"object","required":["person"],"properties":{"registered_on":{"type":"string","format":"date"},"person":{"type":"object"}}})",
       .response_schema =
           R"({"type":"object","properties":{"matches":{"type":"array","items":{"type":"object","properties":{"record_id":{"type":"string"},"entity_id":{"type":"integer"},"probability":{"type":"number"},"person":{"type":"object"},"why":{"type":"object"}}}}}})"},
      [&services](const Request& req, const service::Principal* me) -> Result<Response> {
        ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
        Reading reading;
        ESCUDO_ASSIGN_OR_RETURN(auto day, optional_date(body, "registered_on", reading));
        ESCUDO_ASSIGN_OR_RETURN(const JsonValue* item, body.get_object("person"));
        ESCUDO_ASSIGN_OR_RETURN(auto person, read_person(*item, reading));
        // Half-typed values (a date not yet complete) are left out rather than refused.
        CivilDate registered_on =
            day.value_or(civil_date_from_unix_seconds(services.clock().now_unix_seconds()));
        ESCUDO_ASSIGN_OR_RETURN(auto matches,
                                services.resolve().probable_matches(*me, person, registered_on, 5));
        JsonWriter w;
        w.begin_object().key("matches").begin_array();
        for (const auto& m : matches) {
          w.begin_object();
          w.key("record_id").value(m.record_id);
          w.key("entity_id").value(m.entity_id);
          w.key("probability").value(m.why.probability);
          w.key("person");
          if (m.person) write_person_summary(w, *m.person); else w.null();
          w.key("why");
          write_pair(w, m.why);
          w.end_object();
        }
        w.end_array().end_object();
        return Response::json(200, std::move(w).take());
      });

  router.add({.method = "GET",
              .pattern = "/api/registrations/{id}",
              .summary = "A registered group with its people's identity fields (audited)",
              .tag = "registrations",
              .permission = model::Permission::kIdentityRead,
              .response_schema = R"({"type":"object"})"},
             [&registrations](const Request& req, const service::Principal* me) -> Result<Response> {
               const std::string& text = req.params.at("id");
               std::int64_t id = 0;
               auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
               if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
                 return errorf(ErrorCode::kInvalidArgument, "'{}' is not a registration id", text);
               }
               ESCUDO_ASSIGN_OR_RETURN(auto group, registrations.group(*me, model::GroupId(id)));
               JsonWriter w;
               write_group(w, group, /*identity=*/true);
               return Response::json(200, std::move(w).take());
             });
}

}  // namespace escudo::api

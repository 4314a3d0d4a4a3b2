#include "api/query_params.h"
#include "api/routes.h"
#include "base/input_stream.h"
#include "base/json.h"

namespace escudo::api {

void add_transit_routes(Router& router, service::Services& services) {
  auto& transits = services.transits();

  router.add(
      {.method = "GET",
       .pattern = "/api/transits/monthly",
       .summary = "Official monthly transits: totals by month and counts by month and "
                  "nationality (query: from, to as YYYY-MM; nationality as ISO3)",
       .tag = "transits",
       .permission = model::Permission::kTransitsRead,
       .offload = true,
       .response_schema =
           R"({"type":"object","properties":{"from":{"type":"string"},"to":{"type":"string"},"series":{"type":"array","items":{"type":"object","properties":{"month":{"type":"string"},"total":{"type":"integer"}}}},"rows":{"type":"array","items":{"type":"object","properties":{"month":{"type":"string"},"nationality":{"type":"string"},"count":{"type":"integer"}}}}}})"},
      [&transits](const Request& req, const service::Principal* me) -> Result<Response> {
        service::MonthlyQuery query;
        ESCUDO_ASSIGN_OR_RETURN(query.from, month_query(req, "from"));
        ESCUDO_ASSIGN_OR_RETURN(query.to, month_query(req, "to"));
        if (auto it = req.query.find("nationality"); it != req.query.end() && !it->second.empty()) {
          query.nationality = it->second;
        }
        ESCUDO_ASSIGN_OR_RETURN(auto flows, transits.monthly(*me, query));
        JsonWriter w;
        w.begin_object();
        if (flows.series.empty()) {
          w.key("from").null().key("to").null();
        } else {
          w.key("from").value(flows.series.front().month.to_string());
          w.key("to").value(flows.series.back().month.to_string());
        }
        w.key("series").begin_array();
        for (const auto& m : flows.series) {
          w.begin_object().key("month").value(m.month.to_string()).key("total").value(m.total).end_object();
        }
        w.end_array().key("rows").begin_array();
        for (const auto& r : flows.rows) {
          w.begin_object()
              .key("month").value(r.month.to_string())
              .key("nationality").value(r.nationality_iso3)
              .key("count").value(r.count)
              .end_object();
        }
        w.end_array().end_object();
        return Response::json(200, std::move(w).take());
      });

  router.add({.method = "GET",
              .pattern = "/api/transits/yearly",
              .summary = "Official transits per year (2010-2019 as yearly totals only)",
              .tag = "transits",
              .permission = model::Permission::kTransitsRead,
              .offload = true,
              .response_schema =
                  R"({"type":"object","properties":{"years":{"type":"array","items":{"type":"object","properties":{"year":{"type":"integer"},"total":{"type":"integer"},"months":{"type":"integer"},"annual_only":{"type":"boolean"}}}}}})"},
             [&transits](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto years, transits.yearly(*me));
               JsonWriter w;
               w.begin_object().key("years").begin_array();
               for (const auto& y : years) {
                 w.begin_object()
                     .key("year").value(y.year)
                     .key("total").value(y.total)
                     .key("months").value(y.months)
                     .key("annual_only").value(y.annual_only)
                     .end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add(
      {.method = "POST",
       .pattern = "/api/transits/import",
       .summary = "Import an official transit table (CSV); every row is stored or none",
       .tag = "transits",
       .permission = model::Permission::kTransitsImport,
       .offload = true,
       .body_content_type = "text/csv",
       .max_body_bytes = 32 << 20,
       .request_schema = R"({"type":"string","description":"CSV in one of the official layouts"})",
       .response_schema =
           R"({"type":"object","properties":{"kind":{"type":"string"},"rows":{"type":"integer"},"total":{"type":"integer"},"import_id":{"type":"integer"}}})"},
      [&transits](const Request& req, const service::Principal* me) -> Result<Response> {
        std::string name = "upload.csv";
        if (auto it = req.query.find("filename"); it != req.query.end() && !it->second.empty() &&
                                                  it->second.size() < 200) {
          name = it->second;
        }
        ESCUDO_ASSIGN_OR_RETURN(auto report,
                                transits.import_table(service::Actor::of(*me),
                                                      make_string_stream(req.body, name)));
        if (!report.stored) {
          return rows_refused(
              fmt::format("{} row(s) are wrong; nothing was stored. Correct them and import the "
                          "file again.",
                          report.error_count),
              report.error_count, report.errors);
        }
        JsonWriter w;
        w.begin_object()
            .key("kind").value(report.kind)
            .key("rows").value(report.rows)
            .key("total").value(report.total)
            .key("import_id").value(report.import_id)
            .end_object();
        return Response::json(200, std::move(w).take());
      });
}

}  // namespace escudo::api

#include <charconv>

#include "api/query_params.h"
#include "api/routes.h"
#include "api/stats_format.h"

namespace escudo::api {

void add_stats_routes(Router& router, service::Services& services) {
  auto& stats = services.stats();

  router.add(
      {.method = "GET",
       .pattern = "/api/stats",
       .summary = "People in transit counted by any dimensions",
       .tag = "stats",
       .permission = model::Permission::kTransitsRead,
       .offload = true,
       .response_schema =
           R"({"type":"object","properties":{"source":{"type":"string"},"dims":{"type":"array","items":{"type":"string"}},"rows":{"type":"array","items":{"type":"object","additionalProperties":true}},"total":{"type":"integer"}}})",
       .query = {{"by", "dimensions, comma-separated: year, quarter, month, week, day, nationality, "
                        "region, sex, age_group, station, source"},
                 {"from", "first month, YYYY-MM"},
                 {"to", "last month, YYYY-MM"},
                 {"nationality", "only this ISO 3166 alpha-3 code"},
                 {"source", "official (Panama's monthly tables) or registered (people registered "
                            "at the stations)"},
                 {"format", "json (default) or csv"}}},
      [&stats](const Request& req, const service::Principal* me) -> Result<Response> {
        service::StatsQuery query;
        if (auto by = text_query(req, "by")) {
          ESCUDO_ASSIGN_OR_RETURN(query.by, stats::parse_dimensions(*by));
        }
        ESCUDO_ASSIGN_OR_RETURN(query.from, month_query(req, "from"));
        ESCUDO_ASSIGN_OR_RETURN(query.to, month_query(req, "to"));
        query.nationality = text_query(req, "nationality");
        query.source = text_query(req, "source").value_or("official");
        std::string format = text_query(req, "format").value_or("json");
        if (format != "json" && format != "csv") {
          return make_error(ErrorCode::kInvalidArgument, "format is json or csv");
        }
        ESCUDO_ASSIGN_OR_RETURN(auto cube, stats.cube(me, query));
        if (format == "csv") {
          Response r;
          r.content_type = "text/csv; charset=utf-8";
          r.body = cube_csv(cube);
          r.headers.emplace_back("Content-Disposition", "attachment; filename=\"escudo-stats.csv\"");
          return r;
        }
        return Response::json(200, cube_json(cube, query.source));
      });

  router.add(
      {.method = "GET",
       .pattern = "/api/stats/compare",
       .summary = "The months from..to against the same months a year earlier",
       .tag = "stats",
       .permission = model::Permission::kTransitsRead,
       .offload = true,
       .response_schema =
           R"({"type":"object","properties":{"current":{"type":"object"},"previous":{"type":"object"},"ratio":{"type":["number","null"]},"change_percent":{"type":["number","null"]}}})",
       .query = {{"from", "first month, YYYY-MM"},
                 {"to", "last month, YYYY-MM"},
                 {"nationality", "only this ISO 3166 alpha-3 code"}}},
      [&stats](const Request& req, const service::Principal* me) -> Result<Response> {
        ESCUDO_ASSIGN_OR_RETURN(auto from, month_query(req, "from"));
        ESCUDO_ASSIGN_OR_RETURN(auto to, month_query(req, "to"));
        if (!from || !to) {
          return make_error(ErrorCode::kInvalidArgument, "give both 'from' and 'to' as YYYY-MM");
        }
        ESCUDO_ASSIGN_OR_RETURN(auto comparison, stats.compare_with_year_before(
                                                     me, *from, *to, text_query(req, "nationality")));
        return Response::json(200, comparison_json(comparison));
      });

  router.add(
      {.method = "GET",
       .pattern = "/api/projection",
       .summary = "Year-end projection from the months known so far, with an 80% interval, "
                  "every method's figure and their back-test",
       .tag = "stats",
       .permission = model::Permission::kTransitsRead,
       .offload = true,
       .response_schema =
           R"({"type":"object","properties":{"year":{"type":"integer"},"cutoff":{"type":"string"},"known_to_date":{"type":"number"},"recommended":{"type":"object"},"methods":{"type":"array"},"actual":{"type":["integer","null"]},"monthly":{"type":"array"},"backtest":{"type":"array"},"backtest_overall":{"type":"array"}}})",
       .query = {{"year", "the year to project, YYYY"},
                 {"cutoff", "the last month known, YYYY-MM, January to November of that year"},
                 {"rows", "1 for every back-test row"}}},
      [&stats](const Request& req, const service::Principal* me) -> Result<Response> {
        auto year_text = text_query(req, "year");
        ESCUDO_ASSIGN_OR_RETURN(auto cutoff, month_query(req, "cutoff"));
        if (!year_text || !cutoff) {
          return make_error(ErrorCode::kInvalidArgument,
                            "give 'year' (YYYY) and 'cutoff' (YYYY-MM, a month of that year)");
        }
        int year = 0;
        auto [ptr, ec] = std::from_chars(year_text->data(), year_text->data() + year_text->size(), year);
        if (ec != std::errc() || ptr != year_text->data() + year_text->size()) {
          return make_error(ErrorCode::kInvalidArgument, "'year' must be a year such as 2023");
        }
        ESCUDO_ASSIGN_OR_RETURN(auto report, stats.projection(me, year, *cutoff));
        return Response::json(200, projection_json(report, text_query(req, "rows") == "1"));
      });
}

}  // namespace escudo::api

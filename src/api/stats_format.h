// Cubes as JSON and CSV, the same for the API and the command line.
//
// JSON: {"source":"official","dims":["year"],"rows":[{"year":"2023","count":520085,
//        "share_percent":39.3}],"total":1322960}
// CSV:  year,count,share_percent\n2023,520085,39.31\n…
#pragma once

#include <string>

#include "service/stats_service.h"
#include "stats/compare.h"
#include "stats/cube.h"

namespace escudo::api {

std::string cube_json(const stats::Cube& cube, std::string_view source);
std::string cube_csv(const stats::Cube& cube);
std::string comparison_json(const stats::PeriodComparison& comparison);
// {"year","cutoff","known_to_date","recommended":{method,point,low80,high80,interval_years},
//  "methods":[…],"actual":N|null,"monthly":[{month,total}],"backtest":[{method,cutoff_month,
//  mape,coverage80,years}],"backtest_overall":[…]} and, with `rows`, "backtest_rows":[…].
std::string projection_json(const service::ProjectionReport& report, bool rows);

}  // namespace escudo::api

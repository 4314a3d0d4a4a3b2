// Cubes as JSON and CSV, the same for the API and the command line.
//
// JSON: {"source":"official","dims":["year"],"rows":[{"year":"2023","count":520085,
//        "share_percent":39.3}],"total":1322960}
// CSV:  year,count,share_percent\n2023,520085,39.31\n…
#pragma once

#include <string>

#include "stats/compare.h"
#include "stats/cube.h"

namespace escudo::api {

std::string cube_json(const stats::Cube& cube, std::string_view source);
std::string cube_csv(const stats::Cube& cube);
std::string comparison_json(const stats::PeriodComparison& comparison);

}  // namespace escudo::api

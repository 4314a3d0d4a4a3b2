// Counts of people by any combination of dimensions: time (day, ISO week, month, quarter,
// year), nationality, sex, age group, station and source, over a date range.
//
//   CubeQuery q{.by = {Dimension::kMonth, Dimension::kNationality},
//               .from = CivilDate::parse("2023-01-01").value()};
//   ESCUDO_ASSIGN_OR_RETURN(Cube cube, build_cube(facts, q));
//   for (std::size_t i = 0; i < cube.counts.size(); ++i) use(cube.labels[i], cube.counts[i]);
//
// One pass over the columns; cells are accumulated in a dense array when the dimensions'
// cardinalities multiply to at most 16 million, in a hash map otherwise. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "base/status.h"
#include "stats/fact_table.h"

namespace escudo::stats {

enum class Dimension : std::uint8_t {
  kYear,
  kQuarter,
  kMonth,
  kWeek,  // ISO 8601 week, labelled "2023-W05"
  kDay,
  kNationality,
  kRegion,  // region of origin of the nationality (region.h)
  kSex,
  kAgeGroup,
  kStation,
  kSource,
};

std::string_view dimension_name(Dimension dimension);
// "year", "quarter", "month", "week", "day", "nationality", "region", "sex", "age_group",
// "station", "source". kInvalidArgument listing them otherwise.
Result<Dimension> parse_dimension(std::string_view name);
// A comma-separated list ("year,nationality"); repeated dimensions are refused.
Result<std::vector<Dimension>> parse_dimensions(std::string_view list);

struct CubeQuery {
  std::vector<Dimension> by;
  std::optional<CivilDate> from;  // inclusive
  std::optional<CivilDate> to;    // inclusive
  std::optional<std::string> nationality;  // keep only this ISO3 code
};

struct Cube {
  std::vector<Dimension> dims;
  // One entry per non-empty cell, in ascending order of the dimensions' values (time in
  // calendar order, other labels in code order); labels[i][d] is the label of dimension d.
  std::vector<std::vector<std::string>> labels;
  std::vector<std::int64_t> counts;
  std::int64_t total = 0;
};

// kInvalidArgument when a dimension is finer than the facts (a week of monthly tables) or not
// held by them (sex in the table by nationality), or when from > to.
Result<Cube> build_cube(const FactTable& facts, const CubeQuery& query);

}  // namespace escudo::stats

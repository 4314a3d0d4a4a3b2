// The statistical core of one group: month, day, station, nationality and members (kind,
// relationships, sexes, ages). Drawn from its own random stream, so generate_facts() and
// generate() produce the same people.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/internal/calibration.h"
#include "sim/internal/composition.h"
#include "sim/internal/rng.h"

namespace escudo::sim::internal {

struct CoreGroup {
  GroupKind kind = GroupKind::kSingle;
  std::uint32_t month = 0;        // index into Calibration::months
  std::int32_t day = 0;           // days since 1970-01-01
  std::uint8_t station = 0;       // index into station_codes()
  std::uint16_t nationality = 0;  // index into Calibration::nationality_codes
  std::vector<Member> members;
};

// Overwrites `out` (keeping its capacity).
void draw_core(const Calibration& calibration, Rng& rng, CoreGroup& out);

}  // namespace escudo::sim::internal

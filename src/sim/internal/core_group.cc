#include "sim/internal/core_group.h"

namespace escudo::sim::internal {
namespace {

// Weights of station_codes(): most people are registered at the two reception stations
// (Lajas Blancas, San Vicente), fewer at the first villages out of the jungle.
constexpr std::uint64_t kStationWeights[] = {20, 10, 40, 25, 5};

}  // namespace

void draw_core(const Calibration& calibration, Rng& rng, CoreGroup& out) {
  static_assert(std::size(kStationWeights) == 5);
  const std::size_t m = calibration.month_pick(rng);
  const MonthModel& month = calibration.months[m];
  out.month = static_cast<std::uint32_t>(m);
  out.day = month.first_day +
            static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(month.days)));
  std::uint64_t x = rng.below(100);
  std::uint8_t station = 0;
  while (x >= kStationWeights[station]) x -= kStationWeights[station++];
  out.station = station;
  out.nationality = month.nationalities[month.nationality_pick(rng)];
  out.kind = static_cast<GroupKind>(month.kind_pick(rng));
  draw_members(out.kind, month.draw_shares, rng, out.members);
}

}  // namespace escudo::sim::internal

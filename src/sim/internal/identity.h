// From a group's statistical core to what a registrar writes down: names passed between
// relatives, dates of birth (or only an estimated age), documents, phones, vulnerability flags,
// and the group's journey (departure point, days in the jungle, payment).
#pragma once

#include <optional>
#include <string_view>

#include "sim/corridor.h"
#include "sim/internal/core_group.h"
#include "sim/internal/rng.h"

namespace escudo::sim::internal {

// The day of birth of someone `age` whole years old on `day`, uniform over the possible days.
CivilDate birth_date_for(int age, CivilDate day, Rng& rng);

// What a registrar writes for someone `age` years old who gives no date of birth: children's
// ages as told, adults' guessed within two years and often rounded to a multiple of five.
std::optional<int> estimated_age_for(int age, Rng& rng);

// Fills `out` (reusing its storage) from `core`, drawing the details from `rng`.
void describe_group(const CoreGroup& core, std::string_view nationality_iso3, Rng& rng,
                    SimGroup& out);

}  // namespace escudo::sim::internal

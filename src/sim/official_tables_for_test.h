// Test helpers: Panama's official tables as shipped in data/official, and a tiny made-up pair.
#pragma once

#include "base/status.h"
#include "sim/corridor.h"

namespace escudo::sim {

// Reads data/official/darien_transits_by_{nationality,sex_age}.csv from the source tree.
Result<OfficialTables> load_official_tables();

// Three months, three nationalities, children counted apart in the last two.
OfficialTables small_tables();

}  // namespace escudo::sim

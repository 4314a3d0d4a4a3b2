// One record of a person as a registrar writes it: the person's truth with each error of the
// model (people.h) drawn at its rate among the records where it can happen.
#pragma once

#include "sim/internal/rng.h"
#include "sim/people.h"

namespace escudo::sim::internal {

struct RecordPlan {
  int copy = 0;
  bool after_return = false;
  CivilDate registered_on;
};

// Overwrites every field of `out` except record_id and person_id (reusing its storage).
void write_record(const PersonTruth& truth, const RecordPlan& plan, const PeopleConfig& config,
                  Rng& rng, PersonRecord& out);

}  // namespace escudo::sim::internal

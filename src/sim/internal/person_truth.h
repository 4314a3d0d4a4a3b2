// From a simulated group to the truth about its persons, with the cases that make entity
// resolution hard although nobody made a mistake: relatives who all give one family phone,
// strangers on one boat who all give its organiser's phone, twins, and adults who hold two
// documents.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/corridor.h"
#include "sim/internal/rng.h"
#include "sim/people.h"

namespace escudo::sim::internal {

class TruthMaker {
 public:
  explicit TruthMaker(const PeopleConfig& config) : config_(config) {}

  // Fills `out` (reusing its storage) with one truth per person of `group`, in order, and
  // counts family phones, boats and twins in `summary`. Groups must come in order: a boat
  // fills with the groups that follow the one that starts it.
  void make(SimGroup& group, Rng& rng, std::vector<PersonTruth>& out, PeopleSummary& summary);

 private:
  void make_twins(SimGroup& group, Rng& rng, PeopleSummary& summary);
  // Whether the group is aboard a boat (whose organiser's phone some of them then give).
  bool board(SimGroup& group, Rng& rng, PeopleSummary& summary);
  void share_family_phone(SimGroup& group, Rng& rng, std::vector<bool>& shares,
                          PeopleSummary& summary);

  const PeopleConfig& config_;
  std::int64_t boat_places_left_ = 0;
  std::string boat_phone_;
  std::vector<bool> family_phone_;
  std::vector<int> twin_;
};

}  // namespace escudo::sim::internal

// Who travels together: the make-up of a group (its kind, each member's relationship, sex,
// age and family ties) drawn for one month's shares, and the expected make-up of each kind
// that lets calibration.cc hit the official shares of children and of women and girls.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/corridor.h"
#include "sim/internal/rng.h"

namespace escudo::sim::internal {

inline constexpr int kAdultAge = 18;
inline constexpr int kMaxAge = 70;
inline constexpr std::size_t kGroupKinds = 8;

// How a member's family names come from another member's (identity.cc applies it).
enum class Kin : std::uint8_t {
  kNone,      // names of their own
  kChildOf,   // of `father` and `mother` (either may be absent, -1)
  kSameAs,    // a full sibling of `relative`
  kParentOf,  // a parent of `relative`
  kShareOne,  // shares one family name with `relative` (nephew, grandchild, cousin)
};

struct Member {
  Relationship relationship = Relationship::kHead;
  stats::Sex sex = stats::Sex::kUnknown;
  std::uint8_t age = 0;
  std::uint8_t household = 0;
  bool separated = false;
  bool unaccompanied = false;
  Kin kin = Kin::kNone;
  std::int8_t father = -1;    // kChildOf
  std::int8_t mother = -1;    // kChildOf
  std::int8_t relative = -1;  // kSameAs, kParentOf, kShareOne
};

// The shares a month's groups must reproduce.
struct MonthShares {
  double child = 0;         // children among all people
  double female_adult = 0;  // women among adults
  double female_child = 0;  // girls among children
};

// What calibration derives from MonthShares.
struct KindMix {
  std::array<double, kGroupKinds> probability{};  // by GroupKind
  double expected_size = 0;
  double female_free_adult = 0;     // P(female) for adults whose sex the kind does not fix
  double expected_child_share = 0;  // equals MonthShares::child unless it was out of reach
};

KindMix kind_mix(const MonthShares& shares);

struct DrawShares {
  double female_free_adult = 0;
  double female_child = 0;
};

// Appends the members of one group of `kind` to `out` (cleared first). The head comes first.
void draw_members(GroupKind kind, const DrawShares& shares, Rng& rng, std::vector<Member>& out);

}  // namespace escudo::sim::internal

#include "sim/internal/composition.h"

#include <algorithm>
#include <functional>
#include <numeric>

namespace escudo::sim::internal {
namespace {

// A discrete distribution over first, first + 1, …: drawn from and averaged the same way, so
// the expectations calibration relies on cannot drift from what is drawn.
template <std::size_t N>
struct Counts {
  int first;
  std::array<std::uint32_t, N> weights;

  std::uint64_t total() const { return std::accumulate(weights.begin(), weights.end(), 0ull); }
  double mean() const {
    double sum = 0;
    for (std::size_t i = 0; i < N; ++i)
      sum += static_cast<double>(weights[i]) * (first + static_cast<int>(i));
    return sum / static_cast<double>(total());
  }
  double share(std::size_t i) const {
    return static_cast<double>(weights[i]) / static_cast<double>(total());
  }
  int draw(Rng& rng) const {
    std::uint64_t x = rng.below(total());
    for (std::size_t i = 0; i < N; ++i) {
      if (x < weights[i]) return first + static_cast<int>(i);
      x -= weights[i];
    }
    return first + static_cast<int>(N) - 1;
  }
};

// Group kinds. Singles are a fixed share of groups; families take the share that gives the
// month's share of children; the three kinds of children without parents follow families in
// fixed ratios; couples, adult relatives and unrelated adults share what is left.
constexpr double kSingleShare = 0.48;
constexpr double kKinshipPerFamily = 0.020;
constexpr double kUnaccompaniedPerFamily = 0.018;
constexpr double kChildWithUnrelatedPerFamily = 0.010;
constexpr double kCoupleOfRest = 0.50;
constexpr double kUnrelatedOfRest = 0.30;
constexpr double kRelativesOfRest = 0.20;

constexpr Counts<2> kRelativesCount{1, {75, 25}};
constexpr Counts<4> kUnrelatedCount{1, {40, 30, 20, 10}};
enum RelativeType { kRelSibling, kRelParent, kRelOther, kRelGrandparent };
constexpr Counts<4> kRelativeType{0, {55, 20, 20, 5}};

constexpr Counts<2> kFamilyParents{1, {40, 60}};  // one or two parents
constexpr double kSingleParentFemale = 0.8;
constexpr Counts<5> kFamilyChildren{1, {38, 30, 18, 9, 5}};
enum FamilyExtra {
  kExtraNone,
  kExtraParent,
  kExtraSibling,
  kExtraOther,
  kExtraAdultChild,
  kExtraUnrelated
};
constexpr Counts<6> kFamilyExtra{0, {78, 6, 5, 4, 4, 3}};

enum Caregiver { kGrandparent, kAuntUncle, kAdultSibling };
constexpr Counts<3> kCaregiver{0, {35, 45, 20}};
constexpr Counts<3> kKinshipChildren{1, {55, 30, 15}};
constexpr double kKinshipSpouse = 0.3;
constexpr double kLoneCaregiverFemale = 0.7;

constexpr Counts<3> kUnaccompaniedCount{1, {75, 18, 7}};
constexpr Counts<6> kOldestUnaccompanied{12, {1, 2, 3, 4, 5, 5}};
constexpr Counts<3> kAdultsWithChild{1, {45, 35, 20}};

constexpr Counts<18> kChildAge{0, {5, 6, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4}};
constexpr Counts<6> kAdultBand{0, {28, 38, 20, 9, 4, 1}};
constexpr std::array<std::array<int, 2>, 6> kAdultBandAges{
    {{18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}, {65, 70}}};

// Expected make-up of one group of a kind. Adults are "paired" (a couple: one woman and one
// man), "fixed" (their chance of being a woman is set by the kind) or "free" (drawn with the
// month's calibrated chance).
struct Profile {
  double children = 0;
  double paired = 0;
  double fixed = 0;
  double fixed_female = 0;
  double free = 0;
  double size() const { return children + paired + fixed + free; }
};

Profile profile(GroupKind kind) {
  Profile p;
  switch (kind) {
    case GroupKind::kSingle:
      p.free = 1;
      break;
    case GroupKind::kCouple:
      p.paired = 2;
      break;
    case GroupKind::kAdultRelatives:
      p.free = 1 + kRelativesCount.mean();
      break;
    case GroupKind::kUnrelatedAdults:
      p.free = 1 + kUnrelatedCount.mean();
      break;
    case GroupKind::kFamily:
      p.paired = 2 * kFamilyParents.share(1);
      p.fixed = kFamilyParents.share(0);
      p.fixed_female = p.fixed * kSingleParentFemale;
      p.free = 1 - kFamilyExtra.share(kExtraNone);
      p.children = kFamilyChildren.mean();
      break;
    case GroupKind::kKinshipCare:
      p.paired = 2 * kKinshipSpouse;
      p.fixed = 1 - kKinshipSpouse;
      p.fixed_female = p.fixed * kLoneCaregiverFemale;
      p.children = kKinshipChildren.mean();
      break;
    case GroupKind::kUnaccompaniedChildren:
      p.children = kUnaccompaniedCount.mean();
      break;
    case GroupKind::kChildWithUnrelatedAdults:
      p.children = 1;
      p.free = kAdultsWithChild.mean();
      break;
  }
  return p;
}

stats::Sex sex_with(Rng& rng, double female) {
  return rng.chance(female) ? stats::Sex::kFemale : stats::Sex::kMale;
}
stats::Sex opposite(stats::Sex s) {
  return s == stats::Sex::kFemale ? stats::Sex::kMale : stats::Sex::kFemale;
}
std::uint8_t age_of(int years) { return static_cast<std::uint8_t>(std::clamp(years, 0, kMaxAge)); }
int adult_age(Rng& rng) {
  const auto& band = kAdultBandAges[static_cast<std::size_t>(kAdultBand.draw(rng))];
  return rng.between(band[0], band[1]);
}
int near_age(Rng& rng, int age, int below, int above) {
  return std::clamp(age + rng.between(-below, above), kAdultAge, kMaxAge);
}

class Builder {
 public:
  Builder(const DrawShares& shares, Rng& rng, std::vector<Member>& out)
      : shares_(shares), rng_(rng), out_(out) {
    out_.clear();
  }

  std::int8_t add(Relationship r, stats::Sex sex, int age, int household = 0) {
    Member m;
    m.relationship = r;
    m.sex = sex;
    m.age = age_of(age);
    m.household = static_cast<std::uint8_t>(household);
    out_.push_back(m);
    return static_cast<std::int8_t>(out_.size() - 1);
  }
  stats::Sex free_sex() { return sex_with(rng_, shares_.female_free_adult); }
  stats::Sex child_sex() { return sex_with(rng_, shares_.female_child); }
  Member& at(std::int8_t i) { return out_[static_cast<std::size_t>(i)]; }
  void kin(std::int8_t i, Kin k, std::int8_t relative) {
    at(i).kin = k;
    at(i).relative = relative;
  }

  // The head and spouse of a couple: one woman and one man, the head more often the man.
  std::pair<std::int8_t, std::int8_t> couple(int head_age, int min_age) {
    stats::Sex head_sex = rng_.chance(0.7) ? stats::Sex::kMale : stats::Sex::kFemale;
    std::int8_t head = add(Relationship::kHead, head_sex, std::max(head_age, min_age));
    int spouse_age = head_sex == stats::Sex::kMale ? near_age(rng_, head_age, 8, 3)
                                                   : near_age(rng_, head_age, 3, 8);
    std::int8_t spouse =
        add(Relationship::kSpouse, opposite(head_sex), std::max(spouse_age, min_age));
    return {head, spouse};
  }

 private:
  const DrawShares& shares_;
  Rng& rng_;
  std::vector<Member>& out_;
};

void draw_adult_relatives(Builder& b, Rng& rng) {
  int head_age = adult_age(rng);
  std::int8_t head = b.add(Relationship::kHead, b.free_sex(), head_age);
  int n = kRelativesCount.draw(rng);
  for (int i = 0; i < n; ++i) {
    int type = kRelativeType.draw(rng);
    if (type == kRelParent && head_age > 50) type = kRelSibling;
    if (type == kRelGrandparent && head_age > 30) type = kRelOther;
    switch (type) {
      case kRelParent:
        b.kin(b.add(Relationship::kParent, b.free_sex(), head_age + rng.between(18, 30)),
              Kin::kParentOf, head);
        break;
      case kRelGrandparent:
        b.kin(b.add(Relationship::kGrandparent, b.free_sex(), head_age + rng.between(40, 50)),
              Kin::kShareOne, head);
        break;
      case kRelSibling:
        b.kin(b.add(Relationship::kSibling, b.free_sex(), near_age(rng, head_age, 8, 8)),
              Kin::kSameAs, head);
        break;
      default:
        b.kin(b.add(Relationship::kOtherRelative, b.free_sex(), adult_age(rng)), Kin::kShareOne,
              head);
        break;
    }
  }
}

void draw_family(Builder& b, Rng& rng) {
  const int parents = kFamilyParents.draw(rng);
  const int n = kFamilyChildren.draw(rng);
  std::array<int, 8> ages{};
  int oldest = 0;
  for (int i = 0; i < n; ++i) {
    ages[static_cast<std::size_t>(i)] = kChildAge.draw(rng);
    oldest = std::max(oldest, ages[static_cast<std::size_t>(i)]);
  }
  std::sort(ages.begin(), ages.begin() + n, std::greater<>());
  const int parent_age = std::min(oldest + 18 + rng.between(0, 8) + rng.between(0, 8), 62);
  const int min_parent_age = std::max(kAdultAge, oldest + 16);
  std::int8_t head;
  std::int8_t father = -1;
  std::int8_t mother = -1;
  if (parents == 2) {
    auto [h, s] = b.couple(parent_age, min_parent_age);
    head = h;
    (b.at(h).sex == stats::Sex::kMale ? father : mother) = h;
    (b.at(s).sex == stats::Sex::kMale ? father : mother) = s;
  } else {
    head = b.add(Relationship::kHead, sex_with(rng, kSingleParentFemale), parent_age);
    (b.at(head).sex == stats::Sex::kMale ? father : mother) = head;
  }
  const int head_age = b.at(head).age;
  int youngest_parent_age = head_age;
  for (std::int8_t p : {father, mother}) {
    if (p >= 0) youngest_parent_age = std::min<int>(youngest_parent_age, b.at(p).age);
  }
  for (int i = 0; i < n; ++i) {
    std::int8_t c = b.add(Relationship::kChild, b.child_sex(), ages[static_cast<std::size_t>(i)]);
    b.at(c).kin = Kin::kChildOf;
    b.at(c).father = father;
    b.at(c).mother = mother;
  }
  int extra = kFamilyExtra.draw(rng);
  if (extra == kExtraParent && head_age > 50) extra = kExtraSibling;
  if (extra == kExtraAdultChild && youngest_parent_age < 36) extra = kExtraOther;
  switch (extra) {
    case kExtraParent:
      b.kin(b.add(Relationship::kParent, b.free_sex(), head_age + rng.between(18, 30)),
            Kin::kParentOf, head);
      break;
    case kExtraSibling:
      b.kin(b.add(Relationship::kSibling, b.free_sex(), near_age(rng, head_age, 8, 8)),
            Kin::kSameAs, head);
      break;
    case kExtraOther:
      b.kin(b.add(Relationship::kOtherRelative, b.free_sex(), adult_age(rng)), Kin::kShareOne,
            head);
      break;
    case kExtraAdultChild: {
      std::int8_t c = b.add(Relationship::kChild, b.free_sex(),
                            rng.between(kAdultAge, std::min(25, youngest_parent_age - 18)));
      b.at(c).kin = Kin::kChildOf;
      b.at(c).father = father;
      b.at(c).mother = mother;
      break;
    }
    case kExtraUnrelated:
      b.add(Relationship::kUnrelated, b.free_sex(), adult_age(rng), 1);
      break;
    default:
      break;
  }
}

void draw_kinship_care(Builder& b, Rng& rng) {
  const int caregiver = kCaregiver.draw(rng);
  const int n = kKinshipChildren.draw(rng);
  std::array<int, 4> ages{};
  int oldest = 0;
  for (int i = 0; i < n; ++i) {
    ages[static_cast<std::size_t>(i)] = kChildAge.draw(rng);
    oldest = std::max(oldest, ages[static_cast<std::size_t>(i)]);
  }
  std::sort(ages.begin(), ages.begin() + n, std::greater<>());
  int head_age = 0;
  switch (caregiver) {
    case kGrandparent:
      head_age = std::max(45, oldest + 36 + rng.between(0, 14));
      break;
    case kAuntUncle:
      head_age = rng.between(std::max(22, oldest + 12), 50);
      break;
    default:
      head_age = rng.between(kAdultAge, 26);
      break;
  }
  std::int8_t head;
  if (rng.chance(kKinshipSpouse)) {
    head = b.couple(head_age, kAdultAge).first;
  } else {
    head = b.add(Relationship::kHead, sex_with(rng, kLoneCaregiverFemale), head_age);
  }
  const bool siblings = caregiver == kAdultSibling;
  for (int i = 0; i < n; ++i) {
    std::int8_t c = b.add(siblings ? Relationship::kSibling : Relationship::kOtherRelative,
                          b.child_sex(), ages[static_cast<std::size_t>(i)]);
    b.kin(c, siblings ? Kin::kSameAs : Kin::kShareOne, head);
    b.at(c).separated = true;
  }
}

void draw_unaccompanied(Builder& b, Rng& rng) {
  const int n = kUnaccompaniedCount.draw(rng);
  const int oldest = kOldestUnaccompanied.draw(rng);
  std::int8_t head = b.add(Relationship::kHead, b.child_sex(), oldest);
  b.at(head).unaccompanied = true;
  for (int i = 1; i < n; ++i) {
    std::int8_t c = b.add(Relationship::kSibling, b.child_sex(), rng.between(oldest - 9, oldest));
    b.kin(c, Kin::kSameAs, head);
    b.at(c).unaccompanied = true;
  }
}

// The child is the head: in escudo's rule any adult whose relationship is not "unrelated"
// counts as a relative, so the unrelated adults must be described relative to the child.
void draw_child_with_unrelated(Builder& b, Rng& rng) {
  std::int8_t head = b.add(Relationship::kHead, b.child_sex(), kOldestUnaccompanied.draw(rng));
  b.at(head).unaccompanied = true;
  const int n = kAdultsWithChild.draw(rng);
  for (int i = 0; i < n; ++i) b.add(Relationship::kUnrelated, b.free_sex(), adult_age(rng), i + 1);
}

}  // namespace

KindMix kind_mix(const MonthShares& shares) {
  constexpr std::array<double, kGroupKinds> kNone{};
  std::array<double, kGroupKinds> per_family = kNone;  // share of groups per family group
  per_family[static_cast<std::size_t>(GroupKind::kFamily)] = 1;
  per_family[static_cast<std::size_t>(GroupKind::kKinshipCare)] = kKinshipPerFamily;
  per_family[static_cast<std::size_t>(GroupKind::kUnaccompaniedChildren)] = kUnaccompaniedPerFamily;
  per_family[static_cast<std::size_t>(GroupKind::kChildWithUnrelatedAdults)] =
      kChildWithUnrelatedPerFamily;
  std::array<double, kGroupKinds> per_rest = kNone;  // split of what is left
  per_rest[static_cast<std::size_t>(GroupKind::kCouple)] = kCoupleOfRest;
  per_rest[static_cast<std::size_t>(GroupKind::kUnrelatedAdults)] = kUnrelatedOfRest;
  per_rest[static_cast<std::size_t>(GroupKind::kAdultRelatives)] = kRelativesOfRest;

  std::array<Profile, kGroupKinds> profiles;
  for (std::size_t k = 0; k < kGroupKinds; ++k) profiles[k] = profile(static_cast<GroupKind>(k));
  double family_linked = 0, children_per_x = 0, size_per_x = 0, rest_size = 0;
  for (std::size_t k = 0; k < kGroupKinds; ++k) {
    family_linked += per_family[k];
    children_per_x += per_family[k] * profiles[k].children;
    size_per_x += per_family[k] * profiles[k].size();
    rest_size += per_rest[k] * profiles[k].size();
  }
  // Child share c = x·K / (M + x·L): solve for x, the share of family groups.
  const double single_size = profiles[static_cast<std::size_t>(GroupKind::kSingle)].size();
  const double m = kSingleShare * single_size + (1 - kSingleShare) * rest_size;
  const double l = size_per_x - family_linked * rest_size;
  const double c = std::clamp(shares.child, 0.0, 1.0);
  const double max_x = (1 - kSingleShare) / family_linked;
  double x = c > 0 ? c * m / (children_per_x - c * l) : 0;
  if (!(x >= 0 && x <= max_x)) x = max_x;  // a share of children the kinds cannot reach

  KindMix mix;
  const double rest = 1 - kSingleShare - x * family_linked;
  for (std::size_t k = 0; k < kGroupKinds; ++k) {
    mix.probability[k] = x * per_family[k] + rest * per_rest[k];
  }
  mix.probability[static_cast<std::size_t>(GroupKind::kSingle)] = kSingleShare;

  Profile total;
  for (std::size_t k = 0; k < kGroupKinds; ++k) {
    const double p = mix.probability[k];
    total.children += p * profiles[k].children;
    total.paired += p * profiles[k].paired;
    total.fixed += p * profiles[k].fixed;
    total.fixed_female += p * profiles[k].fixed_female;
    total.free += p * profiles[k].free;
  }
  mix.expected_size = total.size();
  mix.expected_child_share = total.children / total.size();
  const double adults = total.paired + total.fixed + total.free;
  const double needed = shares.female_adult * adults - total.paired / 2 - total.fixed_female;
  mix.female_free_adult = total.free > 0 ? std::clamp(needed / total.free, 0.0, 1.0) : 0.5;
  return mix;
}

void draw_members(GroupKind kind, const DrawShares& shares, Rng& rng, std::vector<Member>& out) {
  Builder b(shares, rng, out);
  switch (kind) {
    case GroupKind::kSingle:
      b.add(Relationship::kHead, b.free_sex(), adult_age(rng));
      break;
    case GroupKind::kCouple:
      b.couple(adult_age(rng), kAdultAge);
      break;
    case GroupKind::kAdultRelatives:
      draw_adult_relatives(b, rng);
      break;
    case GroupKind::kUnrelatedAdults: {
      b.add(Relationship::kHead, b.free_sex(), adult_age(rng));
      const int n = kUnrelatedCount.draw(rng);
      for (int i = 0; i < n; ++i)
        b.add(Relationship::kUnrelated, b.free_sex(), adult_age(rng), i + 1);
      break;
    }
    case GroupKind::kFamily:
      draw_family(b, rng);
      break;
    case GroupKind::kKinshipCare:
      draw_kinship_care(b, rng);
      break;
    case GroupKind::kUnaccompaniedChildren:
      draw_unaccompanied(b, rng);
      break;
    case GroupKind::kChildWithUnrelatedAdults:
      draw_child_with_unrelated(b, rng);
      break;
  }
}

}  // namespace escudo::sim::internal

#include "sim/internal/person_truth.h"

#include "sim/internal/composition.h"
#include "sim/internal/country.h"

namespace escudo::sim::internal {
namespace {

bool relatives_travel(GroupKind kind) {
  switch (kind) {
    case GroupKind::kCouple:
    case GroupKind::kAdultRelatives:
    case GroupKind::kFamily:
    case GroupKind::kKinshipCare:
    case GroupKind::kUnaccompaniedChildren:
      return true;
    case GroupKind::kSingle:
    case GroupKind::kUnrelatedAdults:
    case GroupKind::kChildWithUnrelatedAdults:
      return false;
  }
  return false;
}

// The document an adult may carry besides `type`, and its number's pattern.
DocumentType second_document(DocumentType type) {
  if (type == DocumentType::kPassport) return DocumentType::kNationalId;
  if (type == DocumentType::kNationalId) return DocumentType::kPassport;
  return DocumentType::kNone;
}

constexpr double kHoldsBothDocuments = 0.4;  // of adults with a passport or a national id
constexpr int kBoatMinPeople = 12;
constexpr int kBoatMaxPeople = 40;
constexpr int kOwnPhoneAge = 14;

}  // namespace

void TruthMaker::make_twins(SimGroup& group, Rng& rng, PeopleSummary& summary) {
  // Two children of the same parents: same household, same surnames as written.
  const std::size_t n = group.people.size();
  for (std::size_t i = 0; i < n; ++i) {
    const SimPerson& a = group.people[i];
    if (a.age >= kAdultAge) continue;
    for (std::size_t j = i + 1; j < n; ++j) {
      SimPerson& b = group.people[j];
      if (b.age >= kAdultAge || b.household != a.household || b.family_names != a.family_names) {
        continue;
      }
      if (!rng.chance(config_.twin_share)) return;
      b.birth_date = a.birth_date;
      b.age = a.age;
      b.birth_date_recorded = a.birth_date_recorded;
      b.estimated_age = a.estimated_age;
      twin_[i] = twin_[j] = 1;
      ++summary.twin_pairs;
      return;
    }
  }
}

bool TruthMaker::board(SimGroup& group, Rng& rng, PeopleSummary& summary) {
  if (boat_places_left_ <= 0 && rng.chance(config_.boat_share)) {
    boat_places_left_ = rng.between(kBoatMinPeople, kBoatMaxPeople);
    boat_phone_ = mobile_number(colombia_profile(), rng);
    ++summary.boats;
  }
  if (boat_places_left_ <= 0) return false;
  for (SimPerson& p : group.people) {
    if (p.age >= kOwnPhoneAge && rng.chance(config_.boat_phone_share)) p.phone = boat_phone_;
  }
  boat_places_left_ -= static_cast<std::int64_t>(group.people.size());
  return true;
}

void TruthMaker::share_family_phone(SimGroup& group, Rng& rng, std::vector<bool>& shares,
                                    PeopleSummary& summary) {
  if (!relatives_travel(group.kind) || group.people.size() < 2) return;
  if (!rng.chance(config_.family_phone_share)) return;
  const int household = group.people.front().household;
  const std::string* phone = nullptr;
  std::int64_t relatives = 0;
  for (const SimPerson& p : group.people) {
    if (p.household != household) continue;
    ++relatives;
    if (phone == nullptr && !p.phone.empty()) phone = &p.phone;
  }
  if (phone == nullptr || relatives < 2) return;
  const std::string shared = *phone;
  for (std::size_t i = 0; i < group.people.size(); ++i) {
    SimPerson& p = group.people[i];
    if (p.household != household) continue;
    p.phone = shared;
    shares[i] = true;
  }
  ++summary.family_phone_groups;
  summary.family_phone_persons += relatives;
}

void TruthMaker::make(SimGroup& group, Rng& rng, std::vector<PersonTruth>& out,
                      PeopleSummary& summary) {
  const std::size_t n = group.people.size();
  family_phone_.assign(n, false);
  twin_.assign(n, 0);
  make_twins(group, rng, summary);
  const bool aboard = board(group, rng, summary);
  share_family_phone(group, rng, family_phone_, summary);

  out.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const SimPerson& p = group.people[i];
    PersonTruth& t = out[i];
    t.group = group.index;
    t.group_kind = group.kind;
    t.household = p.household;
    t.given_names = p.given_names;
    t.family_names = p.family_names;
    t.sex = p.sex;
    t.birth_date = p.birth_date;
    t.birth_date_recorded = p.birth_date_recorded;
    t.nationality = p.nationality_iso3;
    t.document_type = p.document_type;
    t.document_country = p.document_country_iso3;
    t.document_number = p.document_number;
    t.other_document_type = DocumentType::kNone;
    t.other_document_number.clear();
    const CountryProfile* country = country_profile(p.nationality_iso3);
    const DocumentType other = second_document(p.document_type);
    if (p.age >= kAdultAge && other != DocumentType::kNone && country != nullptr &&
        rng.chance(kHoldsBothDocuments)) {
      t.other_document_type = other;
      t.other_document_number = fill_pattern(
          other == DocumentType::kPassport ? country->passport : country->national_id, rng);
    }
    t.phone = p.phone;
    t.family_phone = family_phone_[i];
    // Relatives of someone who gave the boat's phone give it too when the family shares one.
    t.boat_phone = aboard && p.phone == boat_phone_;
    if (t.boat_phone) ++summary.boat_phone_persons;
    t.twin = twin_[i] != 0;
  }
}

}  // namespace escudo::sim::internal

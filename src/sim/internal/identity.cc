#include "sim/internal/identity.h"

#include <algorithm>
#include <array>

#include "base/check.h"
#include "model/transit.h"
#include "sim/internal/country.h"
#include "sim/internal/names.h"

namespace escudo::sim::internal {
namespace {

using stats::Sex;

// Journey details, as told at registration.
constexpr std::uint64_t kDepartureWeights[] = {40, 15, 15, 20, 5, 5};  // last: not told
constexpr int kMinDaysInJungle = 2;
constexpr std::uint64_t kDaysWeights[] = {5, 12, 18, 20, 15, 11, 8, 6, 5};  // 2 … 10 days
constexpr double kDaysNotTold = 0.04;
enum Payee { kGuide, kBoat, kPorter, kArmedGroup, kUnknownPayee, kNobody };
constexpr std::string_view kPayeeNames[] = {"guide",       "boat operator", "porter",
                                            "armed group", "unknown",       ""};
constexpr std::uint64_t kPayeeWeights[] = {40, 25, 5, 5, 17, 8};

template <std::size_t N>
std::size_t pick(const std::uint64_t (&weights)[N], Rng& rng) {
  std::uint64_t total = 0;
  for (std::uint64_t w : weights) total += w;
  std::uint64_t x = rng.below(total);
  std::size_t i = 0;
  while (x >= weights[i]) x -= weights[i++];
  return i;
}


struct FamilyNames {
  std::string_view paternal;  // passed on by fathers
  std::string_view maternal;  // the mother's paternal name, in two-name customs
};

bool two_names(const NamePool& pool) {
  return pool.style == FamilyNameStyle::kSpanish || pool.style == FamilyNameStyle::kPortuguese;
}

FamilyNames family_names_of(const Member& m, std::span<const FamilyNames> earlier,
                            const NamePool& pool, Rng& rng) {
  auto any = [&] { return draw_name(pool.family, pool.family_tail, rng.unit()); };
  auto of = [&](std::int8_t i) -> const FamilyNames& {
    return earlier[static_cast<std::size_t>(i)];
  };
  const bool two = two_names(pool);
  switch (m.kin) {
    case Kin::kNone:
      return {any(), two ? any() : std::string_view()};
    case Kin::kSameAs:
      return of(m.relative);
    case Kin::kChildOf:
      if (two) {
        return {m.father >= 0 ? of(m.father).paternal : any(),
                m.mother >= 0 ? of(m.mother).paternal : any()};
      }
      if (m.father >= 0) return {of(m.father).paternal, {}};
      return {m.mother >= 0 && rng.chance(0.5) ? of(m.mother).paternal : any(), {}};
    case Kin::kParentOf: {
      const FamilyNames& child = of(m.relative);
      if (m.sex == Sex::kMale) return {child.paternal, two ? any() : std::string_view()};
      return {two ? child.maternal : any(), two ? any() : std::string_view()};
    }
    case Kin::kShareOne: {
      const FamilyNames& relative = of(m.relative);
      if (!two) return {rng.chance(0.6) ? relative.paternal : any(), {}};
      if (rng.chance(0.5)) return {relative.paternal, any()};
      return {any(), relative.paternal};
    }
  }
  return {any(), {}};
}

std::string written_family_names(const FamilyNames& names, const NamePool& pool, Sex sex,
                                 Rng& rng) {
  std::string out;
  switch (pool.style) {
    case FamilyNameStyle::kSpanish:
    case FamilyNameStyle::kPortuguese: {
      bool spanish = pool.style == FamilyNameStyle::kSpanish;
      out = spanish ? names.paternal : names.maternal;
      if (rng.chance(0.9)) {  // some give only one
        out += ' ';
        out += spanish ? names.maternal : names.paternal;
      }
      break;
    }
    case FamilyNameStyle::kGendered:
      out = names.paternal;
      if (sex == Sex::kFemale) out += 'a';
      break;
    case FamilyNameStyle::kOne:
      out = names.paternal;
      break;
  }
  return out;
}

std::string given_names_of(const NamePool& pool, Sex sex, Rng& rng) {
  const bool female = sex == Sex::kFemale;
  std::span<const std::string_view> list = female ? pool.female : pool.male;
  std::span<const std::string_view> tail = female ? pool.female_tail : pool.male_tail;
  std::string out;
  std::string_view middle = female ? pool.female_middle : pool.male_middle;
  if (!middle.empty() && rng.chance(0.5)) {
    out = middle;
    out += ' ';
  }
  std::string_view first = draw_name(list, tail, rng.unit());
  out += first;
  if (rng.chance(pool.compound_given)) {
    std::string_view second = draw_name(list, tail, rng.unit());
    if (second != first) {
      out += ' ';
      out += second;
    }
  }
  return out;
}

// Whether person i has the given names and the family name of an earlier person of the group.
bool same_name_as_relative(std::span<const SimPerson> people, std::span<const FamilyNames> names,
                           std::size_t i) {
  for (std::size_t j = 0; j < i; ++j) {
    if (names[j].paternal == names[i].paternal && people[j].given_names == people[i].given_names) {
      return true;
    }
  }
  return false;
}

DocumentType document_for(int age, const CountryProfile* country, Rng& rng) {
  const double u = rng.unit();
  if (age >= kAdultAge) {
    if (u < 0.10) return DocumentType::kNone;
    if (u < 0.13) return DocumentType::kOther;
    const double passport = country != nullptr ? country->passport_share : 0.6;
    return rng.chance(passport) ? DocumentType::kPassport : DocumentType::kNationalId;
  }
  if (u < 0.25) return DocumentType::kNone;
  if (u < 0.45) return DocumentType::kPassport;
  if (u < 0.55 && age >= 9) return DocumentType::kNationalId;
  return DocumentType::kBirthCertificate;
}

// Residence permits people carry from the countries they lived in before the journey.
std::string_view other_document_country(std::string_view nationality, Rng& rng) {
  if (nationality == "HTI" || nationality == "VEN") {
    const double u = rng.unit();
    if (u < 0.45) return "CHL";
    if (u < 0.75) return nationality == "HTI" ? "BRA" : "PER";
    if (u < 0.85) return "COL";
  }
  return nationality;
}

std::string document_number(DocumentType type, const CountryProfile* country, Rng& rng) {
  std::string_view pattern;
  switch (type) {
    case DocumentType::kPassport:
      pattern = country ? country->passport : "@@#######";
      break;
    case DocumentType::kNationalId:
      pattern = country ? country->national_id : "%########";
      break;
    case DocumentType::kBirthCertificate:
      pattern = country ? country->birth_certificate : "%#####";
      break;
    case DocumentType::kOther:
      pattern = "@%######";
      break;
    case DocumentType::kNone:
      return {};
  }
  return fill_pattern(pattern, rng);
}

std::string phone_for(const Member& m, bool head, const CountryProfile* country, Rng& rng) {
  double carries = 0;
  if (m.age >= kAdultAge)
    carries = head ? 0.8 : 0.6;
  else if (m.age >= 14)
    carries = 0.2;
  if (!rng.chance(carries)) return {};
  // Many buy a Colombian SIM card in Necoclí or Turbo before the crossing.
  if (country != nullptr && rng.chance(0.75)) return mobile_number(*country, rng);
  if (country == nullptr && !rng.chance(0.6)) return {};
  return mobile_number(colombia_profile(), rng);
}

std::int64_t payment_cents(const CoreGroup& core, const CountryProfile* country, Rng& rng) {
  const bool americas = country != nullptr && country->americas;
  const int per_adult_usd = americas ? rng.between(15, 45) * 10 : rng.between(30, 120) * 10;
  std::int64_t usd = 0;
  for (const Member& m : core.members) {
    if (m.age >= kAdultAge)
      usd += per_adult_usd;
    else if (m.age >= 2)
      usd += per_adult_usd / 2;
  }
  return usd * 100;
}

}  // namespace

std::optional<int> estimated_age_for(int age, Rng& rng) {
  if (age < kAdultAge) return age;  // children are asked their age and it is written exactly
  int estimate = std::clamp(age + rng.between(-2, 2), kAdultAge, kMaxAge);
  if (estimate >= 30 && rng.chance(0.4)) estimate = (estimate + 2) / 5 * 5;
  return std::clamp(estimate, kAdultAge, kMaxAge);
}

CivilDate birth_date_for(int age, CivilDate day, Rng& rng) {
  auto years_before = [&](int years) {
    int y = day.year() - years;
    int d = day.day();
    if (day.month() == 2 && d == 29 && !CivilDate::from_ymd(y, 2, 29)) d = 28;
    return CivilDate::from_ymd(y, day.month(), d)->days_since_epoch();
  };
  const std::int32_t latest = years_before(age);
  const std::int32_t earliest = years_before(age + 1) + 1;
  return CivilDate::from_days(earliest + static_cast<std::int32_t>(rng.below(
                                             static_cast<std::uint64_t>(latest - earliest + 1))));
}

void describe_group(const CoreGroup& core, std::string_view nationality, Rng& rng, SimGroup& out) {
  const NamePool& pool = name_pool(nationality);
  const CountryProfile* country = country_profile(nationality);
  const bool known_country = model::validate_iso3(nationality).has_value() && nationality != "OOO";

  out.kind = core.kind;
  out.station = station_codes()[core.station];
  out.registered_on = CivilDate::from_days(core.day);
  std::size_t departure = pick(kDepartureWeights, rng);
  out.departure_point =
      departure < departure_points().size() ? departure_points()[departure] : std::string_view();
  out.days_in_jungle.reset();
  if (!rng.chance(kDaysNotTold)) {
    out.days_in_jungle = kMinDaysInJungle + static_cast<int>(pick(kDaysWeights, rng));
  }
  const std::size_t payee = pick(kPayeeWeights, rng);
  out.paid_to = kPayeeNames[payee];
  out.paid_usd_cents.reset();
  if (payee == kNobody) {
    out.paid_usd_cents = 0;
  } else if (payee != kUnknownPayee || rng.chance(0.5)) {
    out.paid_usd_cents = payment_cents(core, country, rng);
  }
  const int days = out.days_in_jungle.value_or(5);

  const std::size_t n = core.members.size();
  std::array<FamilyNames, 16> names{};
  ESCUDO_CHECK(n <= names.size()) << "a group of " << n << " people";
  out.people.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Member& m = core.members[i];
    SimPerson& p = out.people[i];
    names[i] = family_names_of(m, std::span(names.data(), i), pool, rng);
    p.given_names = given_names_of(pool, m.sex, rng);
    // Parents do not give two of their children the same name.
    for (int attempt = 0; attempt < 8 && same_name_as_relative(out.people, names, i); ++attempt) {
      p.given_names = given_names_of(pool, m.sex, rng);
    }
    p.family_names = written_family_names(names[i], pool, m.sex, rng);
    p.sex = m.sex;
    p.age = m.age;
    p.birth_date = birth_date_for(m.age, out.registered_on, rng);
    p.birth_date_recorded = rng.chance(m.age < kAdultAge ? 0.92 : 0.94);
    p.estimated_age.reset();
    if (!p.birth_date_recorded) p.estimated_age = estimated_age_for(m.age, rng);
    p.nationality_iso3 = nationality;
    p.document_type = document_for(m.age, country, rng);
    p.document_country_iso3.clear();
    if (p.document_type != DocumentType::kNone && known_country) {
      p.document_country_iso3 = p.document_type == DocumentType::kOther
                                    ? other_document_country(nationality, rng)
                                    : nationality;
    }
    p.document_number = document_number(p.document_type, country, rng);
    p.phone = phone_for(m, i == 0, country, rng);
    p.relationship = m.relationship;
    p.household = m.household;
    const bool adult = m.age >= kAdultAge;
    const bool woman = adult && m.sex == Sex::kFemale;
    p.pregnant = woman && m.age <= 44 && rng.chance(0.07);
    p.disability = rng.chance(0.02);
    p.injured = rng.chance(0.03 + 0.006 * std::max(0, days - 4));
    p.violence_survivor = rng.chance(woman ? 0.06 : adult ? 0.03 : 0.015);
    p.separated = m.separated;
    p.unaccompanied = m.unaccompanied;
  }
}

}  // namespace escudo::sim::internal

#include "sim/internal/record_writer.h"

#include <fmt/format.h>

#include <utility>

#include "sim/internal/identity.h"
#include "sim/internal/name_variants.h"
#include "sim/internal/names.h"
#include "sim/internal/text.h"
#include "sim/internal/typos.h"
#include "sim/internal/written_forms.h"

namespace escudo::sim::internal {
namespace {

using E = RecordError;

class Writer {
 public:
  Writer(const PersonTruth& truth, const RecordPlan& plan, const PeopleConfig& config, Rng& rng,
         PersonRecord& out)
      : t_(truth), plan_(plan), config_(config), rng_(rng), r_(out) {}

  void write() {
    r_.errors = 0;
    r_.copy = plan_.copy;
    r_.after_return = plan_.after_return;
    r_.registered_on = plan_.registered_on;
    r_.truth = t_;
    names();
    sex();
    birth_date();
    r_.nationality = t_.nationality;
    if (draw(E::kNationalityMissing)) r_.nationality.clear();
    document();
    phone();
  }

 private:
  double rate(E e) const { return config_.error_rates[static_cast<std::size_t>(e)]; }
  void mark(E e) { r_.errors |= 1u << static_cast<unsigned>(e); }
  bool draw(E e) {
    if (!rng_.chance(rate(e))) return false;
    mark(e);
    return true;
  }
  // One of two errors that exclude each other, each at its own rate: the first when
  // `first_possible`, the second when `second_possible`.
  int draw_one_of(E first, bool first_possible, E second, bool second_possible) {
    const double u = rng_.unit();
    if (u < rate(first)) {
      if (!first_possible) return 0;
      mark(first);
      return 1;
    }
    if (u < rate(first) + rate(second) && second_possible) {
      mark(second);
      return 2;
    }
    return 0;
  }

  void names();
  void sex();
  void birth_date();
  void document();
  void phone();

  const PersonTruth& t_;
  const RecordPlan& plan_;
  const PeopleConfig& config_;
  Rng& rng_;
  PersonRecord& r_;
};

bool two_surnames(const PersonTruth& t) {
  const FamilyNameStyle style = name_pool(t.nationality).style;
  return (style == FamilyNameStyle::kSpanish || style == FamilyNameStyle::kPortuguese) &&
         t.family_names.find(' ') != std::string::npos;
}

bool east_asian(std::string_view nationality) {
  return nationality == "CHN" || nationality == "VNM";
}

// "María José" → "María"; "Jean-Pierre" → "Jean"; Vietnamese "Văn Minh" → "Minh" (the middle
// name is what gets left out).
std::string first_given_name(std::string_view given, const NamePool& pool) {
  const std::size_t cut = given.find_first_of(" -");
  if (cut == std::string_view::npos) return std::string(given);
  const std::string_view first = given.substr(0, cut);
  if (!first.empty() && (first == pool.male_middle || first == pool.female_middle)) {
    return std::string(given.substr(cut + 1));
  }
  return std::string(first);
}

void Writer::names() {
  r_.given_name = t_.given_names;
  r_.surname = t_.family_names;
  const std::string_view han_given = han_given_name(t_.given_names);
  const std::string_view han_family = han_family_name(t_.family_names);
  if (t_.nationality == "CHN" && !han_given.empty() && !han_family.empty() &&
      draw(E::kHanCharacters)) {
    r_.given_name = han_given;
    r_.surname = han_family;
  } else {
    const bool given_spelling = has_alternate_spelling(t_.given_names);
    if ((given_spelling || has_alternate_spelling(t_.family_names)) &&
        draw(E::kAlternateSpelling)) {
      std::string& name = given_spelling ? r_.given_name : r_.surname;
      name = alternate_spelling(name, rng_);
    }
    switch (draw_one_of(E::kSecondSurnameDropped, two_surnames(t_), E::kSurnamesSwapped,
                        two_surnames(t_))) {
      case 1:
        if (const std::size_t space = r_.surname.find(' '); space != std::string::npos) {
          r_.surname.resize(space);
        }
        break;
      case 2:
        if (const std::size_t space = r_.surname.find(' '); space != std::string::npos) {
          r_.surname = r_.surname.substr(space + 1) + ' ' + r_.surname.substr(0, space);
        }
        break;
      default:
        break;
    }
    const NameLanguage language = name_language(t_.nationality);
    const bool compound = t_.given_names.find_first_of(" -") != std::string::npos;
    switch (draw_one_of(E::kNickname, has_hypocorism(t_.given_names, language),
                        E::kCompoundGivenNameShortened, compound)) {
      case 1:
        r_.given_name = hypocorism(t_.given_names, language, rng_);
        break;
      case 2:
        r_.given_name = first_given_name(r_.given_name, name_pool(t_.nationality));
        break;
      default:
        break;
    }
    const std::string whole = t_.given_names + ' ' + t_.family_names;
    const bool accented = !is_ascii(whole) && without_accents(whole) != whole;
    const bool plain =
        is_ascii(whole) && (can_add_accent(t_.given_names) || can_add_accent(t_.family_names));
    switch (draw_one_of(E::kAccentsDropped, accented, E::kAccentAdded, plain)) {
      case 1:
        r_.given_name = without_accents(r_.given_name);
        r_.surname = without_accents(r_.surname);
        break;
      case 2: {
        const bool given =
            can_add_accent(r_.given_name) && (!can_add_accent(r_.surname) || rng_.chance(0.5));
        std::string& name = given ? r_.given_name : r_.surname;
        name = with_accent_added(name, rng_);
        break;
      }
      default:
        break;
    }
    if (draw(E::kGivenNameTypo)) r_.given_name = with_typo(r_.given_name, rng_);
    if (draw(E::kSurnameTypo)) r_.surname = with_typo(r_.surname, rng_);
  }
  if (east_asian(t_.nationality) && draw(E::kNameOrderSwapped)) {
    std::swap(r_.given_name, r_.surname);
  }
  if (draw(E::kCapitals)) {
    r_.given_name = in_capitals(r_.given_name);
    r_.surname = in_capitals(r_.surname);
  }
}

void Writer::sex() {
  r_.sex = t_.sex;
  if (t_.sex == stats::Sex::kUnknown) return;
  switch (draw_one_of(E::kSexMissing, true, E::kSexWrong, true)) {
    case 1:
      r_.sex = stats::Sex::kUnknown;
      break;
    case 2:
      r_.sex = t_.sex == stats::Sex::kFemale ? stats::Sex::kMale : stats::Sex::kFemale;
      break;
    default:
      break;
  }
}

int age_on(CivilDate birth, CivilDate day) {
  int age = day.year() - birth.year();
  if (std::pair(day.month(), day.day()) < std::pair(birth.month(), birth.day())) --age;
  return age;
}

void Writer::birth_date() {
  r_.date_of_birth.clear();
  const CivilDate b = t_.birth_date;
  // One draw decides among the three, so that each keeps its own rate.
  const double u = rng_.unit();
  const double swap = rate(E::kBirthDayMonthSwapped);
  const double year_only = swap + rate(E::kBirthYearOnly);
  const double missing = year_only + rate(E::kBirthDateMissing);
  if (u >= year_only && u < missing) {
    mark(E::kBirthDateMissing);
    return;
  }
  if (!t_.birth_date_recorded) {
    const int age = age_on(b, plan_.registered_on);
    const int estimate = estimated_age_for(std::max(age, 0), rng_).value_or(age);
    fmt::format_to(std::back_inserter(r_.date_of_birth), "{:04}",
                   plan_.registered_on.year() - estimate);
    return;
  }
  if (u < swap && b.day() <= 12 && b.day() != b.month()) {
    mark(E::kBirthDayMonthSwapped);
    fmt::format_to(std::back_inserter(r_.date_of_birth), "{:04}-{:02}-{:02}", b.year(), b.day(),
                   b.month());
  } else if (u >= swap && u < year_only) {
    mark(E::kBirthYearOnly);
    fmt::format_to(std::back_inserter(r_.date_of_birth), "{:04}", b.year());
  } else {
    fmt::format_to(std::back_inserter(r_.date_of_birth), "{:04}-{:02}-{:02}", b.year(), b.month(),
                   b.day());
  }
}

void Writer::document() {
  r_.document_type = DocumentType::kNone;
  r_.document_country.clear();
  r_.document_number.clear();
  if (t_.document_type == DocumentType::kNone || draw(E::kDocumentMissing)) return;
  r_.document_type = t_.document_type;
  r_.document_country = t_.document_country;
  r_.document_number = t_.document_number;
  if (t_.other_document_type != DocumentType::kNone && draw(E::kOtherDocument)) {
    r_.document_type = t_.other_document_type;
    r_.document_number = t_.other_document_number;
  }
  if (draw(E::kDocumentDigitTypo)) {
    r_.document_number = document_with_digit_typo(r_.document_number, rng_);
  }
  if (draw(E::kDocumentReformatted)) {
    r_.document_number = document_reformatted(r_.document_number, rng_);
  }
}

void Writer::phone() {
  r_.phone = t_.phone;
  if (t_.phone.empty()) return;
  if (plan_.copy > 0) {
    const double changed =
        plan_.after_return ? config_.new_phone_after_return : rate(E::kPhoneChanged);
    if (rng_.chance(changed)) {
      mark(E::kPhoneChanged);
      r_.phone = replacement_phone(t_.phone, rng_);
    }
  }
  if (draw(E::kPhoneMissing)) {
    r_.phone.clear();
  } else if (draw(E::kPhoneReformatted)) {
    r_.phone = phone_written(r_.phone, rng_);
  }
}

}  // namespace

void write_record(const PersonTruth& truth, const RecordPlan& plan, const PeopleConfig& config,
                  Rng& rng, PersonRecord& out) {
  Writer(truth, plan, config, rng, out).write();
}

}  // namespace escudo::sim::internal

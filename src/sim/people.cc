#include "sim/people.h"

#include <vector>

#include "sim/internal/calibration.h"
#include "sim/internal/core_group.h"
#include "sim/internal/id_permutation.h"
#include "sim/internal/identity.h"
#include "sim/internal/person_truth.h"
#include "sim/internal/record_writer.h"

namespace escudo::sim {
namespace {

using internal::Rng;

// Streams of their own, so that the people of `sim people` do not depend on `sim transits`.
constexpr std::uint64_t kCoreStream = 16;
constexpr std::uint64_t kDetailStream = 17;
constexpr std::uint64_t kPersonStream = 18;
constexpr std::uint64_t kRecordStream = 19;
constexpr std::uint64_t kShuffleStream = 20;
constexpr std::uint64_t kIdKeySalt = 0x5eed1d5ULL;

constexpr std::array<std::string_view, kRecordErrorKinds> kErrorNames = {
    "han_characters",      "alternate_spelling", "second_surname_dropped",
    "surnames_swapped",    "nickname",           "compound_given_name_shortened",
    "accents_dropped",     "accent_added",       "given_name_typo",
    "surname_typo",        "name_order_swapped", "capitals",
    "sex_missing",         "sex_wrong",          "birth_day_month_swapped",
    "birth_year_only",     "birth_date_missing", "nationality_missing",
    "document_missing",    "other_document",     "document_reformatted",
    "document_digit_typo", "phone_missing",      "phone_reformatted",
    "phone_changed",
};

// The tables count the rarest nationalities together as "OOO"; their people get one of these.
constexpr std::string_view kOtherNationalities[] = {"ARG", "BOL", "EGY", "IRQ", "JOR",
                                                    "KAZ", "MEX", "RUS", "TUR", "URY"};

// Days between a person's first record and a later one.
constexpr int kSameJourneyMaxDays = 12;
constexpr int kReturnMinDays = 90;
constexpr int kReturnMaxDays = 720;

Status check_share(std::string_view what, double value) {
  if (!(value >= 0 && value <= 1)) {
    return errorf(ErrorCode::kInvalidArgument, "{} must be between 0 and 1, got {}", what, value);
  }
  return ok_status();
}

Status check_config(const PeopleConfig& c) {
  if (c.records < 0) {
    return errorf(ErrorCode::kInvalidArgument, "the number of records ({}) cannot be negative",
                  c.records);
  }
  if (c.shuffle_window < 1) {
    return make_error(ErrorCode::kInvalidArgument, "the shuffle window must hold a record");
  }
  ESCUDO_TRY(check_share("duplicate_share", c.duplicate_share));
  double mix = 0;
  for (double share : c.extra_records_mix) {
    ESCUDO_TRY(check_share("extra_records_mix", share));
    mix += share;
  }
  if (!(mix > 0)) return make_error(ErrorCode::kInvalidArgument, "extra_records_mix is all zero");
  ESCUDO_TRY(check_share("group_registered_together", c.group_registered_together));
  ESCUDO_TRY(check_share("after_return_share", c.after_return_share));
  ESCUDO_TRY(check_share("new_phone_after_return", c.new_phone_after_return));
  ESCUDO_TRY(check_share("family_phone_share", c.family_phone_share));
  ESCUDO_TRY(check_share("boat_share", c.boat_share));
  ESCUDO_TRY(check_share("boat_phone_share", c.boat_phone_share));
  ESCUDO_TRY(check_share("twin_share", c.twin_share));
  for (std::size_t i = 0; i < kRecordErrorKinds; ++i) {
    ESCUDO_TRY(check_share(kErrorNames[i], c.error_rates[i]));
  }
  return ok_status();
}

// Records wait here and leave in random order, so that a person's records, and a family's,
// end up far apart in the output.
class ShuffleWindow {
 public:
  ShuffleWindow(const PeopleConfig& config,
                const std::function<Status(const PersonRecord&)>& on_record)
      : capacity_(static_cast<std::size_t>(config.shuffle_window)),
        rng_(config.seed, kShuffleStream),
        ids_(config.seed ^ kIdKeySalt, static_cast<std::uint64_t>(config.records)),
        on_record_(on_record) {
    pool_.reserve(std::min(capacity_, static_cast<std::size_t>(config.records)));
  }

  // A record to fill in; when the window is full, a random one leaves first to make room.
  Result<PersonRecord*> slot() {
    if (pool_.size() < capacity_) return &pool_.emplace_back();
    PersonRecord& leaving = pool_[rng_.below(pool_.size())];
    ESCUDO_TRY(emit(leaving));
    return &leaving;
  }

  Status drain() {
    while (!pool_.empty()) {
      const std::size_t i = rng_.below(pool_.size());
      ESCUDO_TRY(emit(pool_[i]));
      std::swap(pool_[i], pool_.back());
      pool_.pop_back();
    }
    return ok_status();
  }

 private:
  Status emit(PersonRecord& record) {
    record.record_id = static_cast<std::int64_t>(ids_(emitted_++));
    return on_record_(record);
  }

  std::size_t capacity_;
  Rng rng_;
  internal::IdPermutation ids_;
  const std::function<Status(const PersonRecord&)>& on_record_;
  std::vector<PersonRecord> pool_;
  std::uint64_t emitted_ = 0;
};

class CopiesDraw {
 public:
  explicit CopiesDraw(const PeopleConfig& config)
      : duplicate_share_(config.duplicate_share),
        extra_(internal::WeightedIndex::from_reals(config.extra_records_mix)) {}
  int operator()(Rng& rng) const {
    return rng.chance(duplicate_share_) ? 2 + static_cast<int>(extra_(rng)) : 1;
  }

 private:
  double duplicate_share_;
  internal::WeightedIndex extra_;
};

}  // namespace

std::string_view record_error_name(RecordError error) {
  return kErrorNames[static_cast<std::size_t>(error)];
}

ErrorRates default_error_rates() {
  ErrorRates r{};
  auto set = [&](RecordError e, double rate) { r[static_cast<std::size_t>(e)] = rate; };
  set(RecordError::kHanCharacters, 0.05);
  set(RecordError::kAlternateSpelling, 0.20);
  set(RecordError::kSecondSurnameDropped, 0.12);
  set(RecordError::kSurnamesSwapped, 0.04);
  set(RecordError::kNickname, 0.06);
  set(RecordError::kCompoundGivenNameShortened, 0.20);
  set(RecordError::kAccentsDropped, 0.25);
  set(RecordError::kAccentAdded, 0.03);
  set(RecordError::kGivenNameTypo, 0.04);
  set(RecordError::kSurnameTypo, 0.05);
  set(RecordError::kNameOrderSwapped, 0.08);
  set(RecordError::kCapitals, 0.10);
  set(RecordError::kSexMissing, 0.02);
  set(RecordError::kSexWrong, 0.005);
  set(RecordError::kBirthDayMonthSwapped, 0.03);
  set(RecordError::kBirthYearOnly, 0.05);
  set(RecordError::kBirthDateMissing, 0.03);
  set(RecordError::kNationalityMissing, 0.01);
  set(RecordError::kDocumentMissing, 0.06);
  set(RecordError::kOtherDocument, 0.10);
  set(RecordError::kDocumentReformatted, 0.15);
  set(RecordError::kDocumentDigitTypo, 0.03);
  set(RecordError::kPhoneMissing, 0.10);
  set(RecordError::kPhoneReformatted, 0.35);
  set(RecordError::kPhoneChanged, 0.12);
  return r;
}

Result<PeopleSummary> generate_people(const PeopleConfig& config, const OfficialTables& tables,
                                      const std::function<Status(const PersonRecord&)>& on_record) {
  ESCUDO_TRY(check_config(config));
  ESCUDO_ASSIGN_OR_RETURN(internal::Calibration calibration,
                          internal::calibrate(tables, {.seed = config.seed}));
  Rng core_rng(config.seed, kCoreStream);
  Rng detail_rng(config.seed, kDetailStream);
  Rng person_rng(config.seed, kPersonStream);
  Rng record_rng(config.seed, kRecordStream);
  ShuffleWindow window(config, on_record);
  internal::TruthMaker truth_maker(config);
  const CopiesDraw draw_copies(config);

  PeopleSummary summary;
  internal::CoreGroup core;
  SimGroup group;
  std::vector<PersonTruth> truths;
  std::vector<int> copies;
  std::int64_t remaining = config.records;
  std::int64_t group_index = 0;
  while (remaining > 0) {
    internal::draw_core(calibration, core_rng, core);
    const auto size = static_cast<std::int64_t>(core.members.size());
    if (size > remaining) continue;  // the last groups must fit exactly
    std::string_view nationality = calibration.nationality_codes[core.nationality];
    if (nationality == "OOO") {
      nationality = kOtherNationalities[person_rng.below(std::size(kOtherNationalities))];
    }
    internal::describe_group(core, nationality, detail_rng, group);
    group.index = group_index++;
    truth_maker.make(group, person_rng, truths, summary);

    // How many records each person has; relatives are usually registered again together.
    const int group_copies = draw_copies(person_rng);
    copies.resize(truths.size());
    std::int64_t total = 0;
    for (int& c : copies) {
      c = truths.size() > 1 && person_rng.chance(config.group_registered_together)
              ? group_copies
              : draw_copies(person_rng);
      total += c;
    }
    for (std::size_t i = copies.size(); i-- > 0 && total > remaining;) {
      while (copies[i] > 1 && total > remaining) {
        --copies[i];
        --total;
      }
    }

    for (std::size_t i = 0; i < truths.size(); ++i) {
      const std::int64_t person_id = summary.persons++;
      ++summary.persons_by_records[static_cast<std::size_t>(copies[i])];
      if (copies[i] > 1) ++summary.persons_with_duplicates;
      for (int k = 0; k < copies[i]; ++k) {
        internal::RecordPlan plan{.copy = k, .registered_on = group.registered_on};
        if (k > 0) {
          plan.after_return = person_rng.chance(config.after_return_share);
          const int days = plan.after_return ? person_rng.between(kReturnMinDays, kReturnMaxDays)
                                             : person_rng.between(0, kSameJourneyMaxDays);
          plan.registered_on = CivilDate::from_days(group.registered_on.days_since_epoch() + days);
          if (plan.after_return) ++summary.records_after_return;
        }
        ESCUDO_ASSIGN_OR_RETURN(PersonRecord * record, window.slot());
        internal::write_record(truths[i], plan, config, record_rng, *record);
        record->person_id = person_id;
        for (std::size_t e = 0; e < kRecordErrorKinds; ++e) {
          summary.errors[e] += (record->errors >> e) & 1u;
        }
      }
    }
    summary.records += total;
    remaining -= total;
  }
  ESCUDO_TRY(window.drain());
  return summary;
}

}  // namespace escudo::sim

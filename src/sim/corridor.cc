#include "sim/corridor.h"

#include <array>

#include "sim/internal/calibration.h"
#include "sim/internal/core_group.h"
#include "sim/internal/identity.h"

namespace escudo::sim {
namespace {

constexpr std::uint64_t kCoreStream = 0;
constexpr std::uint64_t kDetailStream = 1;

constexpr std::array<std::string_view, 8> kRelationshipNames = {
    "head", "spouse", "child", "parent", "sibling", "grandparent", "other_relative", "unrelated"};
constexpr std::array<std::string_view, 5> kDocumentTypeNames = {"none", "passport", "national_id",
                                                                "birth_certificate", "other"};
constexpr std::array<std::string_view, 8> kGroupKindNames = {
    "single", "couple",       "adult_relatives",        "unrelated_adults",
    "family", "kinship_care", "unaccompanied_children", "child_with_unrelated_adults"};

Status check_config(const SimConfig& config) {
  if (config.people < 0) {
    return errorf(ErrorCode::kInvalidArgument, "the number of people ({}) cannot be negative",
                  config.people);
  }
  if (config.first_month && config.last_month && *config.first_month > *config.last_month) {
    return make_error(ErrorCode::kInvalidArgument, "the first month is after the last month");
  }
  return ok_status();
}

// Draws groups until exactly `people` people, calling `use` with each core group kept.
template <typename Use>
Status draw_groups(const SimConfig& config, const internal::Calibration& calibration, Use&& use) {
  internal::Rng rng(config.seed, kCoreStream);
  internal::CoreGroup core;
  std::int64_t produced = 0;
  while (produced < config.people) {
    internal::draw_core(calibration, rng, core);
    const auto size = static_cast<std::int64_t>(core.members.size());
    if (size > config.people - produced) continue;  // the last groups must fit exactly
    ESCUDO_TRY(use(core));
    produced += size;
  }
  return ok_status();
}

}  // namespace

std::string_view relationship_name(Relationship relationship) {
  return kRelationshipNames[static_cast<std::size_t>(relationship)];
}
std::string_view document_type_name(DocumentType type) {
  return kDocumentTypeNames[static_cast<std::size_t>(type)];
}
std::string_view group_kind_name(GroupKind kind) {
  return kGroupKindNames[static_cast<std::size_t>(kind)];
}

const std::vector<std::string_view>& station_codes() {
  static const std::vector<std::string_view> codes = {"bajo-chiquito", "canaan-membrillo",
                                                      "lajas-blancas", "san-vicente", "meteti"};
  return codes;
}

const std::vector<std::string_view>& departure_points() {
  static const std::vector<std::string_view> points = {"Necoclí", "Turbo", "Acandí", "Capurganá",
                                                       "Sapzurro"};
  return points;
}

Status generate(const SimConfig& config, const OfficialTables& tables,
                const std::function<Status(const SimGroup&)>& on_group) {
  ESCUDO_TRY(check_config(config));
  ESCUDO_ASSIGN_OR_RETURN(internal::Calibration calibration, internal::calibrate(tables, config));
  internal::Rng details(config.seed, kDetailStream);
  SimGroup group;
  return draw_groups(config, calibration, [&](const internal::CoreGroup& core) -> Status {
    internal::describe_group(core, calibration.nationality_codes[core.nationality], details, group);
    ESCUDO_TRY(on_group(group));
    ++group.index;
    return ok_status();
  });
}

Status generate_facts(const SimConfig& config, const OfficialTables& tables,
                      stats::FactTable& out) {
  ESCUDO_TRY(check_config(config));
  if (out.resolution() != stats::FactTable::Resolution::kDay) {
    return make_error(ErrorCode::kInvalidArgument,
                      "simulated registrations need a fact table of day resolution");
  }
  ESCUDO_ASSIGN_OR_RETURN(internal::Calibration calibration, internal::calibrate(tables, config));
  std::vector<std::uint16_t> nationality_codes;
  for (const std::string& code : calibration.nationality_codes) {
    nationality_codes.push_back(out.intern_nationality(code));
  }
  std::vector<std::uint16_t> station_codes_in_table;
  for (std::string_view code : station_codes()) {
    station_codes_in_table.push_back(out.intern_station(code));
  }
  out.reserve(out.size() + static_cast<std::size_t>(config.people));
  return draw_groups(config, calibration, [&](const internal::CoreGroup& core) -> Status {
    stats::Fact fact{.day = core.day,
                     .nationality = nationality_codes[core.nationality],
                     .station = station_codes_in_table[core.station],
                     .source = stats::Source::kRegistered,
                     .weight = 1};
    for (const internal::Member& m : core.members) {
      fact.sex = m.sex;
      fact.age_group =
          m.age >= internal::kAdultAge ? stats::AgeGroup::kAdult : stats::AgeGroup::kChild;
      out.add(fact);
    }
    return ok_status();
  });
}

}  // namespace escudo::sim

#include "model/transit.h"

#include <algorithm>

#include "base/ascii.h"

namespace escudo::model {

std::string_view demographic_name(DemographicGroup group) {
  switch (group) {
    case DemographicGroup::kMen: return "men";
    case DemographicGroup::kWomen: return "women";
    case DemographicGroup::kBoys: return "boys";
    case DemographicGroup::kGirls: return "girls";
  }
  return "unknown";
}

Result<DemographicGroup> parse_demographic(std::string_view name) {
  if (name == "men") return DemographicGroup::kMen;
  if (name == "women") return DemographicGroup::kWomen;
  if (name == "boys") return DemographicGroup::kBoys;
  if (name == "girls") return DemographicGroup::kGirls;
  return errorf(ErrorCode::kInvalidArgument,
                "'{}' is not a group; expected men, women, boys or girls", name);
}

Status validate_iso3(std::string_view code) {
  if (!is_capital_code(code)) {
    return errorf(ErrorCode::kInvalidArgument,
                  "'{}' is not a nationality code; expected three capital letters (ISO 3166 "
                  "alpha-3, e.g. VEN)",
                  code);
  }
  return ok_status();
}

}  // namespace escudo::model

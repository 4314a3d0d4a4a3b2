#include "service/stats_service.h"

#include <algorithm>
#include <set>

#include "store/registration_repo.h"
#include "store/transit_repo.h"

namespace escudo::service {

CivilDate first_day_of(YearMonth month) {
  return CivilDate::from_ymd(month.year(), month.month(), 1).value();
}

CivilDate last_day_of(YearMonth month) {
  return CivilDate::from_days(first_day_of(month.next()).days_since_epoch() - 1);
}

namespace {

Status check_reader(const Principal* principal) {
  if (principal == nullptr) return ok_status();
  return require(*principal, model::Permission::kTransitsRead);
}

bool needs_demographics(const std::vector<stats::Dimension>& by) {
  for (auto d : by) {
    if (d == stats::Dimension::kSex || d == stats::Dimension::kAgeGroup) return true;
  }
  return false;
}

}  // namespace

Result<stats::FactTable> StatsService::official_by_nationality(bool include_annual_totals) {
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto rows, store::TransitRepo(*db).nationality_counts(
                                         {.include_annual_totals = include_annual_totals}));
  stats::FactTable facts(stats::FactTable::Resolution::kMonth,
                         {.nationality = true, .sex = false, .age_group = false, .station = false});
  facts.reserve(rows.size());
  for (const auto& r : rows) {
    facts.add({.day = first_day_of(r.month).days_since_epoch(),
               .nationality = facts.intern_nationality(r.nationality_iso3),
               .source = stats::Source::kOfficial,
               .weight = r.count});
  }
  return facts;
}

Result<stats::FactTable> StatsService::official_by_sex_and_age() {
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto rows, store::TransitRepo(*db).demographic_counts());
  std::set<YearMonth> months_with_children;
  for (const auto& r : rows) {
    if (r.group == model::DemographicGroup::kBoys || r.group == model::DemographicGroup::kGirls) {
      months_with_children.insert(r.month);
    }
  }
  stats::FactTable facts(stats::FactTable::Resolution::kMonth,
                         {.nationality = false, .sex = true, .age_group = true, .station = false});
  facts.reserve(rows.size());
  for (const auto& r : rows) {
    bool child = r.group == model::DemographicGroup::kBoys || r.group == model::DemographicGroup::kGirls;
    bool male = r.group == model::DemographicGroup::kMen || r.group == model::DemographicGroup::kBoys;
    // Without a children's row that month, "men" and "women" include the children.
    stats::AgeGroup age = child ? stats::AgeGroup::kChild
                          : months_with_children.contains(r.month) ? stats::AgeGroup::kAdult
                                                                   : stats::AgeGroup::kUnknown;
    facts.add({.day = first_day_of(r.month).days_since_epoch(),
               .sex = male ? stats::Sex::kMale : stats::Sex::kFemale,
               .age_group = age,
               .source = stats::Source::kOfficial,
               .weight = r.count});
  }
  return facts;
}

Result<stats::FactTable> StatsService::registered() {
  auto db = pool_.acquire();
  stats::FactTable facts(stats::FactTable::Resolution::kDay);
  ESCUDO_TRY(store::RegistrationRepo(*db).for_each_fact([&](const store::RegistrationFact& f) -> Status {
    ESCUDO_ASSIGN_OR_RETURN(CivilDate day, CivilDate::parse(f.registered_on));
    stats::Sex sex = f.sex == "female" ? stats::Sex::kFemale
                     : f.sex == "male" ? stats::Sex::kMale
                                       : stats::Sex::kUnknown;
    stats::AgeGroup age = f.age_group == "child"   ? stats::AgeGroup::kChild
                          : f.age_group == "adult" ? stats::AgeGroup::kAdult
                                                   : stats::AgeGroup::kUnknown;
    facts.add({.day = day.days_since_epoch(),
               .nationality = facts.intern_nationality(f.nationality),
               .sex = sex,
               .age_group = age,
               .station = facts.intern_station(f.station_code),
               .source = stats::Source::kRegistered,
               .weight = 1});
    return ok_status();
  }));
  return facts;
}

Result<stats::Cube> StatsService::cube(const Principal* principal, const StatsQuery& query) {
  ESCUDO_TRY(check_reader(principal));
  if (query.source == "registered") {
    if (query.nationality) ESCUDO_TRY(model::validate_iso3(*query.nationality));
    stats::CubeQuery q{.by = query.by, .nationality = query.nationality};
    if (query.from) q.from = first_day_of(*query.from);
    if (query.to) q.to = last_day_of(*query.to);
    ESCUDO_ASSIGN_OR_RETURN(auto facts, registered());
    return stats::build_cube(facts, q);
  }
  if (query.source != "official") {
    return errorf(ErrorCode::kInvalidArgument,
                  "'{}' is not a source; use 'official' (Panama's monthly tables) or "
                  "'registered' (people registered at the stations)",
                  query.source);
  }
  if (query.nationality) ESCUDO_TRY(model::validate_iso3(*query.nationality));
  stats::CubeQuery q{.by = query.by, .nationality = query.nationality};
  if (query.from) q.from = first_day_of(*query.from);
  if (query.to) q.to = last_day_of(*query.to);
  if (needs_demographics(query.by)) {
    bool by_nationality = std::find(query.by.begin(), query.by.end(),
                                    stats::Dimension::kNationality) != query.by.end();
    if (query.nationality || by_nationality) {
      return make_error(ErrorCode::kInvalidArgument,
                        "the official tables do not cross nationality with sex or age group");
    }
    ESCUDO_ASSIGN_OR_RETURN(auto facts, official_by_sex_and_age());
    return stats::build_cube(facts, q);
  }
  // Yearly totals before 2020 exist only as a whole year; a query by month or finer would
  // place them all in January, so they are left out of anything but a yearly view.
  bool yearly_only = true;
  for (auto d : query.by) {
    if (d != stats::Dimension::kYear && d != stats::Dimension::kNationality &&
        d != stats::Dimension::kSource) {
      yearly_only = false;
    }
  }
  ESCUDO_ASSIGN_OR_RETURN(auto facts, official_by_nationality(yearly_only));
  return stats::build_cube(facts, q);
}

Result<ProjectionReport> StatsService::projection(const Principal* principal, int year,
                                                 YearMonth cutoff) {
  ESCUDO_TRY(check_reader(principal));
  std::vector<stats::MonthlyTotal> series;
  {
    auto db = pool_.acquire();
    ESCUDO_ASSIGN_OR_RETURN(auto rows, store::TransitRepo(*db).nationality_counts(
                                           {.include_annual_totals = false}));
    series = stats::monthly_totals(rows);
  }
  if (series.empty()) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "no official monthly figures are loaded; import them first");
  }
  ProjectionReport report;
  report.year = year;
  report.cutoff = cutoff;
  ESCUDO_ASSIGN_OR_RETURN(report.recommended, stats::project_year_auto(series, year, cutoff));
  report.known_to_date = report.recommended.known_to_date;
  for (stats::ProjectionMethod method : stats::base_projection_methods()) {
    auto p = stats::project_year(series, year, cutoff, method);
    if (p) {
      report.methods.push_back(*p);
    } else if (p.error().code() != ErrorCode::kFailedPrecondition) {
      return std::unexpected(p.error());
    }
  }
  std::int64_t year_total = 0;
  int months = 0;
  for (const auto& m : series) {
    if (m.month.year() != year) continue;
    year_total += m.total;
    ++months;
    if (m.month <= cutoff) report.monthly.push_back(m);
  }
  if (months == 12) report.actual = year_total;

  std::vector<stats::ProjectionMethod> all(stats::base_projection_methods().begin(),
                                           stats::base_projection_methods().end());
  all.push_back(stats::ProjectionMethod::kRecommended);
  ESCUDO_ASSIGN_OR_RETURN(auto rows, stats::backtest(series, all));
  report.backtest_rows = stats::restrict_to_common_years(rows);
  report.backtest = stats::summarize(report.backtest_rows);
  report.backtest_overall = stats::summarize_overall(report.backtest_rows);
  return report;
}

Result<stats::PeriodComparison> StatsService::compare_with_year_before(
    const Principal* principal, YearMonth from, YearMonth to, std::optional<std::string> nationality) {
  ESCUDO_TRY(check_reader(principal));
  if (nationality) ESCUDO_TRY(model::validate_iso3(*nationality));
  if (from > to) return make_error(ErrorCode::kInvalidArgument, "'from' is after 'to'");
  ESCUDO_ASSIGN_OR_RETURN(auto facts, official_by_nationality(false));
  return stats::compare_with_year_before(facts, {first_day_of(from), last_day_of(to)}, nationality);
}

}  // namespace escudo::service

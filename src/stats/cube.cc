#include "stats/cube.h"

#include "stats/region.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace escudo::stats {
namespace {

constexpr std::size_t kMaxDenseCells = 16u << 20;

struct DayParts {
  std::int32_t year;
  std::int32_t quarter;  // year * 4 + q
  std::int32_t month;    // year * 12 + m
  std::int32_t week;     // iso_year * 53 + iso_week
};

// ISO 8601 week of a day: the week with the year's first Thursday is week 1.
std::pair<int, int> iso_week(std::int32_t days) {
  int weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);  // 0 = Monday (1970-01-01 a Thursday)
  std::int32_t thursday = days - weekday + 3;
  CivilDate t = CivilDate::from_days(thursday);
  auto jan1 = CivilDate::from_ymd(t.year(), 1, 1);
  int week = static_cast<int>((thursday - jan1->days_since_epoch()) / 7) + 1;
  return {t.year(), week};
}

DayParts parts_of(std::int32_t days) {
  CivilDate d = CivilDate::from_days(days);
  auto [iso_year, week] = iso_week(days);
  return {d.year(), d.year() * 4 + (d.month() - 1) / 3, d.year() * 12 + (d.month() - 1),
          iso_year * 53 + (week - 1)};
}

struct Axis {
  Dimension dim;
  std::int64_t base = 0;         // smallest raw value
  std::int64_t cardinality = 1;  // raw values span [base, base + cardinality)
};

}  // namespace

std::string_view dimension_name(Dimension dimension) {
  switch (dimension) {
    case Dimension::kYear: return "year";
    case Dimension::kQuarter: return "quarter";
    case Dimension::kMonth: return "month";
    case Dimension::kWeek: return "week";
    case Dimension::kDay: return "day";
    case Dimension::kNationality: return "nationality";
    case Dimension::kRegion: return "region";
    case Dimension::kSex: return "sex";
    case Dimension::kAgeGroup: return "age_group";
    case Dimension::kStation: return "station";
    case Dimension::kSource: return "source";
  }
  return "unknown";
}

Result<Dimension> parse_dimension(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(Dimension::kSource); ++i) {
    auto d = static_cast<Dimension>(i);
    if (dimension_name(d) == name) return d;
  }
  return errorf(ErrorCode::kInvalidArgument,
                "'{}' is not a dimension; use year, quarter, month, week, day, nationality, "
                "region, sex, age_group, station or source",
                name);
}

Result<std::vector<Dimension>> parse_dimensions(std::string_view list) {
  std::vector<Dimension> out;
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    ESCUDO_ASSIGN_OR_RETURN(Dimension d, parse_dimension(name));
    if (std::find(out.begin(), out.end(), d) != out.end()) {
      return errorf(ErrorCode::kInvalidArgument, "'{}' is listed twice", name);
    }
    out.push_back(d);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

Result<Cube> build_cube(const FactTable& facts, const CubeQuery& query) {
  const auto& known = facts.known();
  for (Dimension d : query.by) {
    bool finer = (d == Dimension::kWeek || d == Dimension::kDay) &&
                 facts.resolution() == FactTable::Resolution::kMonth;
    if (finer) {
      return errorf(ErrorCode::kInvalidArgument,
                    "these figures are monthly; they cannot be split by {}", dimension_name(d));
    }
    bool missing = ((d == Dimension::kNationality || d == Dimension::kRegion) && !known.nationality) ||
                   (d == Dimension::kSex && !known.sex) ||
                   (d == Dimension::kAgeGroup && !known.age_group) ||
                   (d == Dimension::kStation && !known.station);
    if (missing) {
      return errorf(ErrorCode::kInvalidArgument, "these figures are not broken down by {}",
                    dimension_name(d));
    }
  }
  if (query.nationality && !known.nationality) {
    return make_error(ErrorCode::kInvalidArgument,
                      "these figures are not broken down by nationality");
  }
  if (query.from && query.to && *query.from > *query.to) {
    return make_error(ErrorCode::kInvalidArgument, "'from' is after 'to'");
  }

  Cube cube;
  cube.dims = query.by;
  const std::size_t n = facts.size();
  if (n == 0) return cube;

  const auto& day = facts.day();
  std::int32_t from = query.from ? query.from->days_since_epoch()
                                 : std::numeric_limits<std::int32_t>::min();
  std::int32_t to = query.to ? query.to->days_since_epoch() : std::numeric_limits<std::int32_t>::max();
  std::int32_t min_day = std::numeric_limits<std::int32_t>::max();
  std::int32_t max_day = std::numeric_limits<std::int32_t>::min();
  for (std::size_t i = 0; i < n; ++i) {
    std::int32_t d = day[i];
    if (d < from || d > to) continue;
    min_day = std::min(min_day, d);
    max_day = std::max(max_day, d);
  }
  if (min_day > max_day) return cube;  // nothing in range

  std::int32_t nationality_filter = -1;
  if (query.nationality) {
    for (std::size_t c = 1; c < facts.nationality_count(); ++c) {
      if (facts.nationality_label(static_cast<std::uint16_t>(c)) == *query.nationality) {
        nationality_filter = static_cast<std::int32_t>(c);
      }
    }
    if (nationality_filter < 0) return cube;  // no such nationality in the facts
  }

  // Time parts for every day in range, so the scan does no calendar arithmetic.
  const std::size_t span = static_cast<std::size_t>(max_day - min_day) + 1;
  std::vector<DayParts> parts(span);
  for (std::size_t i = 0; i < span; ++i) parts[i] = parts_of(min_day + static_cast<std::int32_t>(i));
  DayParts lo = parts.front();
  DayParts hi = parts.back();
  std::int32_t min_week = lo.week;
  std::int32_t max_week = lo.week;
  for (const auto& p : parts) {
    min_week = std::min(min_week, p.week);
    max_week = std::max(max_week, p.week);
  }

  std::vector<Axis> axes;
  for (Dimension d : query.by) {
    Axis a{d};
    switch (d) {
      case Dimension::kYear: a.base = lo.year; a.cardinality = hi.year - lo.year + 1; break;
      case Dimension::kQuarter: a.base = lo.quarter; a.cardinality = hi.quarter - lo.quarter + 1; break;
      case Dimension::kMonth: a.base = lo.month; a.cardinality = hi.month - lo.month + 1; break;
      case Dimension::kWeek: a.base = min_week; a.cardinality = max_week - min_week + 1; break;
      case Dimension::kDay: a.base = min_day; a.cardinality = static_cast<std::int64_t>(span); break;
      case Dimension::kNationality: a.cardinality = static_cast<std::int64_t>(facts.nationality_count()); break;
      case Dimension::kRegion: a.cardinality = static_cast<std::int64_t>(region_names().size()); break;
      case Dimension::kSex: a.cardinality = 3; break;
      case Dimension::kAgeGroup: a.cardinality = 3; break;
      case Dimension::kStation: a.cardinality = static_cast<std::int64_t>(facts.station_count()); break;
      case Dimension::kSource: a.cardinality = 2; break;
    }
    axes.push_back(a);
  }
  std::int64_t cells = 1;
  bool dense = true;
  for (const Axis& a : axes) {
    if (cells > static_cast<std::int64_t>(kMaxDenseCells) / std::max<std::int64_t>(a.cardinality, 1)) {
      dense = false;
    }
    cells *= std::max<std::int64_t>(a.cardinality, 1);
    if (!dense) break;
  }

  const auto& nat = facts.nationality();
  // The region of each nationality code, looked up once rather than per row.
  std::vector<std::uint8_t> region_of_code(facts.nationality_count(), 0);
  for (std::size_t c = 1; c < facts.nationality_count(); ++c) {
    region_of_code[c] = region_index(region_of(facts.nationality_label(static_cast<std::uint16_t>(c))));
  }
  const auto& sex = facts.sex();
  const auto& age = facts.age_group();
  const auto& station = facts.station();
  const auto& source = facts.source();
  const auto& weight = facts.weight();

  // Each axis's offset per day of the range, so a time axis is one lookup in a small table.
  auto time_table = [&](Dimension d, std::int64_t base) {
    std::vector<std::int32_t> table(span);
    for (std::size_t k = 0; k < span; ++k) {
      const DayParts& p = parts[k];
      std::int64_t raw = d == Dimension::kYear      ? p.year
                         : d == Dimension::kQuarter ? p.quarter
                         : d == Dimension::kMonth   ? p.month
                         : d == Dimension::kWeek    ? p.week
                                                    : min_day + static_cast<std::int64_t>(k);
      table[k] = static_cast<std::int32_t>(raw - base);
    }
    return table;
  };
  std::vector<std::vector<std::int32_t>> time_tables(axes.size());
  for (std::size_t a = 0; a < axes.size(); ++a) {
    Dimension d = axes[a].dim;
    if (d == Dimension::kYear || d == Dimension::kQuarter || d == Dimension::kMonth ||
        d == Dimension::kWeek || d == Dimension::kDay) {
      time_tables[a] = time_table(d, axes[a].base);
    }
  }

  // Dense cells are counted in kLanes interleaved copies (cell * kLanes + row % kLanes) when
  // they are few: rows that fall in the same cell one after another then add to different
  // counters instead of waiting on each other's stores. The copies are summed at the end.
  constexpr std::int64_t kLanes = 4;
  const std::int64_t lanes = dense && cells <= (1 << 18) ? kLanes : 1;
  std::vector<std::int64_t> dense_counts;
  std::unordered_map<std::int64_t, std::int64_t> sparse_counts;
  std::vector<std::uint8_t> touched;
  if (dense) {
    dense_counts.assign(static_cast<std::size_t>(cells * lanes), 0);
    touched.assign(static_cast<std::size_t>(cells), 0);
  }
  const bool filtered = query.from || query.to || nationality_filter >= 0;

  // The hot loop, a block of rows at a time: the rows of the block that the query keeps (all,
  // or those listed in `selected`), then each axis adds its part of their composite keys in a
  // tight loop over one column (the switch runs once per axis and block, not per row), then
  // their weights go into their cells.
  constexpr std::size_t kBlock = 2048;
  std::vector<std::int64_t> keys(kBlock);
  std::vector<std::uint32_t> selected(kBlock);
  for (std::size_t start = 0; start < n; start += kBlock) {
    std::size_t m = std::min(kBlock, n - start);
    const std::int32_t* dd = day.data() + start;
    std::uint32_t* sel = selected.data();
    if (filtered) {
      const std::uint16_t* nn = nat.data() + start;
      std::size_t kept = 0;
      for (std::size_t j = 0; j < m; ++j) {
        sel[kept] = static_cast<std::uint32_t>(j);
        kept += dd[j] >= from && dd[j] <= to &&
                (nationality_filter < 0 || nn[j] == nationality_filter);
      }
      m = kept;
    }
    // Calls f(r, j) for each kept row of the block: r numbers the kept rows, j is the row's
    // offset in the block.
    auto each = [&](auto&& f) {
      if (filtered) {
        for (std::size_t r = 0; r < m; ++r) f(r, sel[r]);
      } else {
        for (std::size_t r = 0; r < m; ++r) f(r, static_cast<std::uint32_t>(r));
      }
    };
    std::int64_t* key = keys.data();
    std::fill_n(key, m, 0);
    for (std::size_t a = 0; a < axes.size(); ++a) {
      const std::int64_t card = axes[a].cardinality;
      const std::int64_t base = axes[a].base;
      switch (axes[a].dim) {
        case Dimension::kYear:
        case Dimension::kQuarter:
        case Dimension::kMonth:
        case Dimension::kWeek:
        case Dimension::kDay: {
          const std::int32_t* table = time_tables[a].data() - min_day;
          each([&](std::size_t r, std::uint32_t j) { key[r] = key[r] * card + table[dd[j]]; });
          break;
        }
        case Dimension::kNationality: {
          const std::uint16_t* col = nat.data() + start;
          each([&](std::size_t r, std::uint32_t j) { key[r] = key[r] * card + (col[j] - base); });
          break;
        }
        case Dimension::kRegion: {
          const std::uint16_t* col = nat.data() + start;
          each([&](std::size_t r, std::uint32_t j) {
            key[r] = key[r] * card + (region_of_code[col[j]] - base);
          });
          break;
        }
        case Dimension::kSex:
        case Dimension::kAgeGroup:
        case Dimension::kSource: {
          const std::uint8_t* col = (axes[a].dim == Dimension::kSex        ? sex
                                     : axes[a].dim == Dimension::kAgeGroup ? age
                                                                           : source)
                                        .data() + start;
          each([&](std::size_t r, std::uint32_t j) { key[r] = key[r] * card + (col[j] - base); });
          break;
        }
        case Dimension::kStation: {
          const std::uint16_t* col = station.data() + start;
          each([&](std::size_t r, std::uint32_t j) { key[r] = key[r] * card + (col[j] - base); });
          break;
        }
      }
    }
    const std::int64_t* w = weight.data() + start;
    if (dense) {
      std::int64_t* counts = dense_counts.data();
      std::uint8_t* hit = touched.data();
      if (lanes == kLanes) {
        each([&](std::size_t r, std::uint32_t j) {
          counts[key[r] * kLanes + static_cast<std::int64_t>(r % kLanes)] += w[j];
          hit[key[r]] = 1;
        });
      } else {
        each([&](std::size_t r, std::uint32_t j) {
          counts[key[r]] += w[j];
          hit[key[r]] = 1;
        });
      }
    } else {
      each([&](std::size_t r, std::uint32_t j) { sparse_counts[key[r]] += w[j]; });
    }
  }
  if (dense && lanes > 1) {
    for (std::int64_t c = 0; c < cells; ++c) {
      std::int64_t sum = 0;
      for (std::int64_t l = 0; l < lanes; ++l) {
        sum += dense_counts[static_cast<std::size_t>(c * lanes + l)];
      }
      dense_counts[static_cast<std::size_t>(c)] = sum;
    }
    dense_counts.resize(static_cast<std::size_t>(cells));
  }
  if (dense) {
    for (std::int64_t c : dense_counts) cube.total += c;
  } else {
    for (const auto& [key, count] : sparse_counts) cube.total += count;
  }

  auto label = [&](Dimension d, std::int64_t raw) -> std::string {
    switch (d) {
      case Dimension::kYear: return std::to_string(raw);
      case Dimension::kQuarter: return fmt::format("{}-Q{}", raw / 4, raw % 4 + 1);
      case Dimension::kMonth: return YearMonth(static_cast<int>(raw / 12), static_cast<int>(raw % 12) + 1).to_string();
      case Dimension::kWeek: return fmt::format("{}-W{:02}", raw / 53, raw % 53 + 1);
      case Dimension::kDay: return CivilDate::from_days(static_cast<std::int32_t>(raw)).to_string();
      case Dimension::kNationality: return facts.nationality_label(static_cast<std::uint16_t>(raw));
      case Dimension::kRegion: return std::string(region_names()[static_cast<std::size_t>(raw)]);
      case Dimension::kSex: return std::string(sex_name(static_cast<Sex>(raw)));
      case Dimension::kAgeGroup: return std::string(age_group_name(static_cast<AgeGroup>(raw)));
      case Dimension::kStation: return facts.station_label(static_cast<std::uint16_t>(raw));
      case Dimension::kSource: return std::string(source_name(static_cast<Source>(raw)));
    }
    return "";
  };
  auto emit = [&](std::int64_t key, std::int64_t count) {
    std::vector<std::string> cell(axes.size());
    for (std::size_t a = axes.size(); a-- > 0;) {
      std::int64_t card = axes[a].cardinality;
      cell[a] = label(axes[a].dim, key % card + axes[a].base);
      key /= card;
    }
    cube.labels.push_back(std::move(cell));
    cube.counts.push_back(count);
  };
  if (dense) {
    for (std::size_t k = 0; k < dense_counts.size(); ++k) {
      if (touched[k]) emit(static_cast<std::int64_t>(k), dense_counts[k]);
    }
  } else {
    std::vector<std::pair<std::int64_t, std::int64_t>> sorted(sparse_counts.begin(),
                                                              sparse_counts.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [key, count] : sorted) emit(key, count);
  }
  return cube;
}

}  // namespace escudo::stats

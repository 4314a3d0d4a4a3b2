#include "resolve/compare.h"

#include <algorithm>
#include <cstdlib>

#include "resolve/phonetic.h"
#include "resolve/similarity.h"

namespace escudo::resolve {
namespace {

template <typename T, std::size_t N>
int count_nonzero(const std::array<T, N>& a) {
  int n = 0;
  for (T x : a) {
    if (x != 0) ++n;
  }
  return n;
}

template <typename T, std::size_t N>
bool contains(const std::array<T, N>& a, T x) {
  return x != 0 && std::find(a.begin(), a.end(), x) != a.end();
}

void set_level(ComparisonVector& v, Field f, int level, float tf = 0) {
  v.level[field_index(f)] = static_cast<std::int8_t>(level);
  v.tf[field_index(f)] = tf;
}

int date_key(const PartialDate& d) { return d.year * 10000 + d.month * 100 + d.day; }

}  // namespace

std::string_view field_name(Field f) {
  static constexpr std::array<std::string_view, kFieldCount> kNames = {
      "given_name", "surname", "alias",   "date_of_birth", "sex", "nationality",
      "document",   "phone",   "address", "postcode",      "city"};
  return kNames[field_index(f)];
}

const std::vector<std::string_view>& field_levels(Field f) {
  static const std::array<std::vector<std::string_view>, kFieldCount> kLevels = {{
      {"exact", "nickname", "partial", "similar", "initial", "other"},
      {"exact", "swapped", "shared", "phonetic", "similar", "other"},
      {"exact", "other"},
      {"exact", "swapped", "typo", "partial", "year", "near", "other"},
      {"exact", "other"},
      {"exact", "other"},
      {"exact", "number", "typo", "other"},
      {"exact", "suffix", "other"},
      {"exact", "similar", "other"},
      {"exact", "typo", "other"},
      {"exact", "similar", "other"},
  }};
  return kLevels[field_index(f)];
}

std::uint64_t ComparisonVector::pattern() const {
  std::uint64_t p = 0;
  for (int f = 0; f < kFieldCount; ++f) {
    p |= static_cast<std::uint64_t>(level[f] + 1) << (4 * f);
  }
  return p;
}

namespace {

// A given name as Spanish speakers write English names they hear: an initial "J" or "Jh" before a
// vowel is the "Y" sound (Jorman/Yorman, Jhonny/Yonny, Jefferson/Yeferson, Johanna/Yohana).
std::uint64_t heard_given_name(std::string_view folded) {
  std::string s(folded);
  if (s.size() > 2 && s[0] == 'j' && s[1] == 'h') s.erase(1, 1);
  if (s.size() > 1 && s[0] == 'j' && std::string_view("aeiou").find(s[1]) != std::string_view::npos) {
    s[0] = 'y';
  }
  return phonetic_code(s);
}

// Two given names written differently for one name: the same sound (as Spanish spells it, or
// with the English initial J heard as Y), Jaro–Winkler ≥ 0.9, or one edit apart in names of
// four letters or more ("Juan"/"Juab"; shorter ones differ too often by one letter: Ana/Ama).
bool similar_given_names(std::string_view x, std::string_view y, std::uint64_t phonetic_x,
                         std::uint64_t phonetic_y) {
  if (phonetic_x == phonetic_y || jaro_winkler(x, y) >= 0.9) return true;
  if (std::min(x.size(), y.size()) >= 4 && damerau_levenshtein(x, y, 1) <= 1) return true;
  // Without an initial J, each heard form is the name's own code, already compared above.
  if (x.front() != 'j' && y.front() != 'j') return false;
  return heard_given_name(x) == heard_given_name(y);
}

}  // namespace

float Comparator::local_share(const NormalizedRecord& a, const NormalizedRecord& b,
                              std::uint32_t count_within, std::uint32_t records_within,
                              std::uint32_t count, std::uint32_t records) const {
  if (!tf_enabled()) return 0;
  if (a.nationality != 0 && a.nationality == b.nationality &&
      records_within >= options_.tf_min_records) {
    return static_cast<float>(count_within) / static_cast<float>(records_within);
  }
  return records > 0 ? static_cast<float>(count) / static_cast<float>(records) : 0.0f;
}

float Comparator::given_tf(const NormalizedRecord& a, const NormalizedRecord& b,
                           std::uint32_t token) const {
  const RecordStore& s = *store_;
  return local_share(a, b, s.given_count_within(a.nationality, token),
                     s.records_with_given_within(a.nationality), s.given_count(token),
                     s.records_with_given());
}

float Comparator::surname_tf(const NormalizedRecord& a, const NormalizedRecord& b,
                             std::uint32_t token) const {
  const RecordStore& s = *store_;
  return local_share(a, b, s.surname_count_within(a.nationality, token),
                     s.records_with_surname_within(a.nationality), s.surname_count(token),
                     s.records_with_surname());
}

void Comparator::compare_given(const NormalizedRecord& a, const NormalizedRecord& b,
                               ComparisonVector& v) const {
  const int na = count_nonzero(a.given_canonical);
  const int nb = count_nonzero(b.given_canonical);
  if (na == 0 || nb == 0) return;
  const RecordStore& s = *store_;
  const float tf = given_tf(a, b, a.given_canonical[0]);
  auto same_set = [](const auto& x, const auto& y) {
    for (auto t : x) {
      if (t != 0 && !contains(y, t)) return false;
    }
    for (auto t : y) {
      if (t != 0 && !contains(x, t)) return false;
    }
    return true;
  };
  if (same_set(a.given, b.given)) return set_level(v, Field::kGivenName, 0, tf);
  if (same_set(a.given_canonical, b.given_canonical)) {
    return set_level(v, Field::kGivenName, 1, tf);
  }
  // Every word of one side found on the other, an initial standing for a word.
  auto covered = [&](std::uint32_t t, const auto& other) {
    if (contains(other, t)) return true;
    std::string_view ts = s.token(t);
    for (auto o : other) {
      if (o == 0) continue;
      std::string_view os = s.token(o);
      if ((ts.size() == 1 || os.size() == 1) && ts[0] == os[0]) return true;
    }
    return false;
  };
  auto all_covered = [&](const auto& x, const auto& y) {
    for (auto t : x) {
      if (t != 0 && !covered(t, y)) return false;
    }
    return true;
  };
  std::string_view fa = s.token(a.given_canonical[0]);
  std::string_view fb = s.token(b.given_canonical[0]);
  const bool initial_a = fa.size() == 1;
  const bool initial_b = fb.size() == 1;
  if (!initial_a && !initial_b &&
      (all_covered(a.given_canonical, b.given_canonical) ||
       all_covered(b.given_canonical, a.given_canonical))) {
    return set_level(v, Field::kGivenName, 2, tf);
  }
  if (!initial_a && !initial_b) {
    // As written and as canonical names: "Freddy" is "Alfredo" in the nickname table but still
    // one letter from "Fredy". Most names are their own canonical form, so each distinct word
    // is taken once: a pair is compared once, not up to four times.
    auto words = [&](const NormalizedRecord& r, std::array<std::uint32_t, 2 * kMaxGiven>& out) {
      std::size_t count = 0;
      for (const auto* ts : {&r.given, &r.given_canonical}) {
        for (auto t : *ts) {
          if (t == 0 || s.token(t).size() < 2) continue;
          if (std::find(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(count), t) ==
              out.begin() + static_cast<std::ptrdiff_t>(count)) {
            out[count++] = t;
          }
        }
      }
      return count;
    };
    std::array<std::uint32_t, 2 * kMaxGiven> xs{}, ys{};
    const std::size_t nx = words(a, xs), ny = words(b, ys);
    for (std::size_t i = 0; i < nx; ++i) {
      for (std::size_t j = 0; j < ny; ++j) {
        const std::uint32_t x = xs[i], y = ys[j];
        if (similar_given_names(s.token(x), s.token(y), s.phonetic(x), s.phonetic(y))) {
          return set_level(v, Field::kGivenName, 3);
        }
      }
    }
  }
  if ((initial_a || initial_b) && fa[0] == fb[0]) return set_level(v, Field::kGivenName, 4);
  set_level(v, Field::kGivenName, 5);
}

void Comparator::compare_surname(const NormalizedRecord& a, const NormalizedRecord& b,
                                 ComparisonVector& v) const {
  const int na = count_nonzero(a.surname);
  const int nb = count_nonzero(b.surname);
  if ((na == 0 && a.married == 0) || (nb == 0 && b.married == 0)) return;
  const RecordStore& s = *store_;
  auto tf_of = [&](std::uint32_t t) { return surname_tf(a, b, t); };
  // One surname written for another: the same sound, Jaro–Winkler ≥ 0.9, or one edit.
  auto slip = [&](std::uint32_t x, std::uint32_t y) {
    const std::string_view sx = s.token(x), sy = s.token(y);
    return s.phonetic(x) == s.phonetic(y) || jaro_winkler(sx, sy) >= 0.9 ||
           (std::min(sx.size(), sy.size()) >= 4 && damerau_levenshtein(sx, sy, 1) <= 1);
  };
  if (na > 0 && na == nb) {
    bool same_order = true;
    for (int i = 0; i < na; ++i) same_order = same_order && a.surname[i] == b.surname[i];
    float tf = 1;
    for (int i = 0; i < na; ++i) tf *= tf_of(a.surname[i]);
    if (same_order) return set_level(v, Field::kSurname, 0, tf);
    if (na >= 2) {
      bool same_set = true;
      for (int i = 0; i < na; ++i) same_set = same_set && contains(b.surname, a.surname[i]);
      if (same_set) return set_level(v, Field::kSurname, 1, tf);
    }
  }
  std::array<std::uint32_t, kMaxSurnames + 1> xa{}, xb{};
  std::copy(a.surname.begin(), a.surname.end(), xa.begin());
  std::copy(b.surname.begin(), b.surname.end(), xb.begin());
  xa[kMaxSurnames] = a.married;
  xb[kMaxSurnames] = b.married;
  // "Shared": the first surnames agree (the second was dropped) or a married name meets a
  // surname. Any other overlap (one's second surname is the other's only one) is weaker and
  // counts as "similar".
  bool overlap = false;
  for (auto t : xa) overlap = overlap || contains(xb, t);
  const bool first = a.surname[0] != 0 && a.surname[0] == b.surname[0];
  const bool married = (a.married != 0 && contains(xb, a.married)) ||
                       (b.married != 0 && contains(xa, b.married));
  // Both with two surnames, the first the same and the second not: the mothers differ (cousins,
  // half-siblings), unless the second is a slip of the pen.
  if (first && !married && na >= 2 && nb >= 2) {
    return set_level(v, Field::kSurname, slip(a.surname[1], b.surname[1]) ? 4 : 5);
  }
  if (first || married) {
    float tf = first ? tf_of(a.surname[0]) : tf_of(a.married != 0 && contains(xb, a.married) ? a.married : b.married);
    return set_level(v, Field::kSurname, 2, tf);
  }
  if (overlap) {
    // Two surnames each and one in common: the other two must be slips of each other (one
    // person) rather than two families (cousins through one parent).
    if (na >= 2 && nb >= 2) {
      std::uint32_t x = 0, y = 0;
      for (auto t : a.surname) {
        if (t != 0 && !contains(b.surname, t)) x = t;
      }
      for (auto t : b.surname) {
        if (t != 0 && !contains(a.surname, t)) y = t;
      }
      if (x != 0 && y != 0 && !slip(x, y)) return set_level(v, Field::kSurname, 5);
    }
    return set_level(v, Field::kSurname, 4);
  }
  for (auto x : xa) {
    if (x == 0) continue;
    for (auto y : xb) {
      if (y != 0 && s.phonetic(x) == s.phonetic(y)) return set_level(v, Field::kSurname, 3);
    }
  }
  for (auto x : xa) {
    if (x == 0) continue;
    for (auto y : xb) {
      if (y == 0) continue;
      std::string_view sx = s.token(x), sy = s.token(y);
      if (jaro_winkler(sx, sy) >= 0.9 ||
          (std::min(sx.size(), sy.size()) >= 4 && damerau_levenshtein(sx, sy, 1) <= 1)) {
        return set_level(v, Field::kSurname, 4);
      }
    }
  }
  set_level(v, Field::kSurname, 5);
}

bool year_placeholder(const PartialDate& d) { return d.month == 1 && d.day == 1; }

void Comparator::compare_date(const NormalizedRecord& ra, const NormalizedRecord& rb,
                              ComparisonVector& v) const {
  const PartialDate& a = ra.date_of_birth;
  const PartialDate& b = rb.date_of_birth;
  if (!a.known() || !b.known()) return;
  const int dy = std::abs(a.year - b.year);
  const bool estimated = a.estimated || b.estimated;
  const bool full = a.day != 0 && b.day != 0;
  if (full && a == b) return set_level(v, Field::kDateOfBirth, 0);
  if (!estimated && full) {
    if (a.year == b.year && a.day == b.month && a.month == b.day) {
      return set_level(v, Field::kDateOfBirth, 1);
    }
    char sa[9], sb[9];
    fmt::format_to_n(sa, 8, "{:08}", date_key(a));
    fmt::format_to_n(sb, 8, "{:08}", date_key(b));
    if (damerau_levenshtein({sa, 8}, {sb, 8}, 1) <= 1) return set_level(v, Field::kDateOfBirth, 2);
    // Two whole dates that differ beyond a swap or a slip of one digit: people know their own
    // birth date, so this is the other person, unless one date is the 1 January that registries
    // write when only the year is known.
    if (!year_placeholder(a) && !year_placeholder(b)) return set_level(v, Field::kDateOfBirth, 6);
  }
  // A 1 January placeholder says the year only.
  const bool placeholder = full && (year_placeholder(a) || year_placeholder(b));
  if (dy == 0 && (placeholder || (!full && (a.month == 0 || b.month == 0 || a.month == b.month)))) {
    return set_level(v, Field::kDateOfBirth, 3);
  }
  if (dy == 0) return set_level(v, Field::kDateOfBirth, 4);
  // A year alone is often worked out from an age, so it may be off by two.
  const bool rough = estimated || placeholder || a.month == 0 || b.month == 0;
  if (dy == 1 || (rough && dy <= 2)) return set_level(v, Field::kDateOfBirth, 5);
  set_level(v, Field::kDateOfBirth, 6);
}

void Comparator::compare_document(const NormalizedRecord& a, const NormalizedRecord& b,
                                  ComparisonVector& v) const {
  const RecordStore& s = *store_;
  int best = 99;
  for (const auto& da : a.document) {
    if (da.number == 0 || s.document_count(da.number) > options_.over_shared_cap) continue;
    for (const auto& db : b.document) {
      if (db.number == 0 || s.document_count(db.number) > options_.over_shared_cap) continue;
      int level = 3;
      if (da.number == db.number) {
        bool country_ok = da.country == 0 || db.country == 0 || da.country == db.country;
        bool type_ok = da.type == DocumentType::kUnknown || db.type == DocumentType::kUnknown ||
                       da.type == db.type;
        level = country_ok && type_ok ? 0 : 1;
      } else {
        std::string_view x = s.token(da.number), y = s.token(db.number);
        if (std::min(x.size(), y.size()) >= 5 && damerau_levenshtein(x, y, 1) <= 1) level = 2;
      }
      best = std::min(best, level);
    }
  }
  if (best != 99) set_level(v, Field::kDocument, best);
}

void Comparator::compare_phone(const NormalizedRecord& a, const NormalizedRecord& b,
                               ComparisonVector& v) const {
  const RecordStore& s = *store_;
  int best = 99;
  float tf = 0;
  for (std::uint64_t pa : a.phone) {
    if (pa == 0 || s.phone_count(pa) > options_.over_shared_cap) continue;
    for (std::uint64_t pb : b.phone) {
      if (pb == 0 || s.phone_count(pb) > options_.over_shared_cap) continue;
      std::uint64_t xa = pa & ~kLocalPhoneFlag, xb = pb & ~kLocalPhoneFlag;
      int level = 2;
      if (pa == pb) {
        level = 0;
        if (tf_enabled() && s.records_with_phone() > 0) {
          tf = static_cast<float>(s.phone_count(pa)) / static_cast<float>(s.records_with_phone());
        }
      } else if (xa >= 10'000'000 && xb >= 10'000'000 && xa % 100'000'000 == xb % 100'000'000) {
        level = 1;
      }
      best = std::min(best, level);
    }
  }
  if (best != 99) set_level(v, Field::kPhone, best, best == 0 ? tf : 0);
}

void Comparator::compare_address(const NormalizedRecord& a, const NormalizedRecord& b,
                                 ComparisonVector& v) const {
  const RecordStore& s = *store_;
  auto ta = s.address(a);
  auto tb = s.address(b);
  if (!ta.empty() && !tb.empty()) {
    int matched = 0;
    bool all_exact = ta.size() == tb.size();
    for (std::uint32_t x : ta) {
      bool exact = std::find(tb.begin(), tb.end(), x) != tb.end();
      if (!exact) all_exact = false;
      bool fuzzy = exact;
      for (std::size_t j = 0; !fuzzy && j < tb.size(); ++j) {
        std::string_view sx = s.token(x), sy = s.token(tb[j]);
        fuzzy = sx.size() >= 3 && sy.size() >= 3 && jaro_winkler(sx, sy) >= 0.9;
      }
      if (fuzzy) ++matched;
    }
    std::size_t larger = std::max(ta.size(), tb.size());
    if (all_exact && static_cast<std::size_t>(matched) == ta.size()) {
      set_level(v, Field::kAddress, 0);
    } else if (2 * static_cast<std::size_t>(matched) >= larger) {
      set_level(v, Field::kAddress, 1);
    } else {
      set_level(v, Field::kAddress, 2);
    }
  }
  if (a.postcode != 0 && b.postcode != 0) {
    if (a.postcode == b.postcode) {
      float tf = tf_enabled() && s.records_with_postcode() > 0
                     ? static_cast<float>(s.postcode_count(a.postcode)) /
                           static_cast<float>(s.records_with_postcode())
                     : 0.0f;
      set_level(v, Field::kPostcode, 0, tf);
    } else {
      set_level(v, Field::kPostcode,
                damerau_levenshtein(s.token(a.postcode), s.token(b.postcode), 1) <= 1 ? 1 : 2);
    }
  }
  if (a.city != 0 && b.city != 0) {
    if (a.city == b.city) {
      float tf = tf_enabled() && s.records_with_city() > 0
                     ? static_cast<float>(s.city_count(a.city)) /
                           static_cast<float>(s.records_with_city())
                     : 0.0f;
      set_level(v, Field::kCity, 0, tf);
    } else {
      set_level(v, Field::kCity, jaro_winkler(s.token(a.city), s.token(b.city)) >= 0.9 ? 1 : 2);
    }
  }
}

bool Comparator::crossed(const NormalizedRecord& a, const NormalizedRecord& b) const {
  const RecordStore& s = *store_;
  auto close = [&](std::uint32_t x, std::uint32_t y) {
    if (x == 0 || y == 0) return false;
    if (x == y) return true;
    std::string_view sx = s.token(x), sy = s.token(y);
    return sx.size() > 2 && sy.size() > 2 &&
           (s.phonetic(x) == s.phonetic(y) || jaro_winkler(sx, sy) >= 0.9);
  };
  auto any = [&](const auto& xs, const auto& ys) {
    for (auto x : xs) {
      for (auto y : ys) {
        if (close(x, y)) return true;
      }
    }
    return false;
  };
  return any(a.given, b.surname) && any(a.surname, b.given);
}

ComparisonVector Comparator::compare(std::uint32_t ia, std::uint32_t ib) const {
  const NormalizedRecord& a = store_->record(ia);
  const NormalizedRecord& b = store_->record(ib);
  ComparisonVector v;
  compare_given(a, b, v);
  compare_surname(a, b, v);
  if (a.alias[0] != 0 && b.alias[0] != 0) {
    bool same = false;
    for (auto x : a.alias) same = same || contains(b.alias, x);
    set_level(v, Field::kAlias, same ? 0 : 1);
  }
  // A given name and a surname written in each other's place ("Joseph Kevin" for Kevin Joseph).
  const int gi = field_index(Field::kGivenName), si = field_index(Field::kSurname);
  if (v.level[gi] == 5 && v.level[si] == 5 && crossed(a, b)) {
    set_level(v, Field::kGivenName, 2);
    set_level(v, Field::kSurname, 1);
  }
  compare_date(a, b, v);
  if (a.sex != Sex::kUnknown && b.sex != Sex::kUnknown) {
    set_level(v, Field::kSex, a.sex == b.sex ? 0 : 1);
  }
  if (a.nationality != 0 && b.nationality != 0) {
    set_level(v, Field::kNationality, a.nationality == b.nationality ? 0 : 1);
  }
  compare_document(a, b, v);
  compare_phone(a, b, v);
  compare_address(a, b, v);
  return v;
}

std::string Comparator::describe(Field f, std::uint32_t ia, std::uint32_t ib) const {
  const RecordStore& s = *store_;
  auto side = [&](std::uint32_t i) -> std::string {
    const NormalizedRecord& r = s.record(i);
    std::string out;
    auto add = [&](std::string_view w) {
      if (w.empty()) return;
      if (!out.empty()) out += ' ';
      out += w;
    };
    switch (f) {
      case Field::kGivenName:
        for (auto t : r.given) add(s.token(t));
        break;
      case Field::kSurname:
        for (auto t : r.surname) add(s.token(t));
        if (r.married != 0) add("de " + std::string(s.token(r.married)));
        break;
      case Field::kAlias:
        for (auto t : r.alias) {
          if (t != 0) add(fmt::format("\"{}\"", s.token(t)));
        }
        break;
      case Field::kDateOfBirth:
        add(partial_date_to_string(r.date_of_birth));
        break;
      case Field::kSex:
        add(r.sex == Sex::kFemale ? "f" : r.sex == Sex::kMale ? "m" : "");
        break;
      case Field::kNationality:
        add(country_code(r.nationality));
        break;
      case Field::kDocument:
        for (const auto& d : r.document) add(s.token(d.number));
        break;
      case Field::kPhone:
        for (auto p : r.phone) {
          if (p != 0) add(phone_to_string(p));
        }
        break;
      case Field::kAddress:
        for (auto t : s.address(r)) add(s.token(t));
        break;
      case Field::kPostcode:
        add(s.token(r.postcode));
        break;
      case Field::kCity:
        add(s.token(r.city));
        break;
    }
    return out.empty() ? "-" : out;
  };
  return side(ia) + " | " + side(ib);
}

}  // namespace escudo::resolve

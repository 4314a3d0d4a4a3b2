#include "sim/internal/country.h"

#include <algorithm>
#include <iterator>

namespace escudo::sim::internal {
namespace {

using S = std::string_view;

constexpr S kVenPrefixes[] = {"412", "414", "416", "424", "426"};
constexpr S kColPrefixes[] = {"300", "301", "302", "304", "305", "310", "311", "312",
                              "313", "314", "315", "316", "317", "318", "319", "320",
                              "321", "322", "323", "324", "350", "351"};
constexpr S kEcuPrefixes[] = {"96", "97", "98", "99"};
constexpr S kNine[] = {"9"};
constexpr S kCubPrefixes[] = {"5"};
constexpr S kDomPrefixes[] = {"809", "829", "849"};
constexpr S kHtiPrefixes[] = {"3", "4"};
constexpr S kBraPrefixes[] = {"119", "219", "319", "419", "519", "619", "719", "819", "919"};
constexpr S kGufPrefixes[] = {"694"};
constexpr S kChnPrefixes[] = {"130", "131", "132", "133", "135", "136", "137",
                              "138", "139", "150", "151", "152", "155", "156",
                              "158", "159", "180", "186", "187", "188", "189"};
constexpr S kIndPrefixes[] = {"6", "7", "8", "9"};
constexpr S kAfgPrefixes[] = {"70", "72", "73", "74", "75", "76", "77", "78", "79"};
constexpr S kBgdPrefixes[] = {"13", "14", "15", "16", "17", "18", "19"};
constexpr S kNplPrefixes[] = {"980", "981", "982", "984", "985", "986", "988"};
constexpr S kPakPrefixes[] = {"300", "301", "302", "303", "305", "306", "307", "308", "309", "310",
                              "311", "312", "313", "314", "315", "320", "321", "322", "333", "345"};
constexpr S kVnmPrefixes[] = {"32", "33", "34", "35", "70", "76", "77", "78", "79", "86",
                              "88", "89", "90", "91", "93", "94", "96", "97", "98"};
constexpr S kLkaPrefixes[] = {"70", "71", "72", "74", "75", "76", "77", "78"};
constexpr S kCmrPrefixes[] = {"65", "67", "68", "69"};
constexpr S kSenPrefixes[] = {"70", "75", "76", "77", "78"};
constexpr S kGhaPrefixes[] = {"20", "23", "24", "26", "27", "50", "54", "55", "59"};
constexpr S kNgaPrefixes[] = {"703", "706", "803", "806", "810", "813", "814", "816", "903", "906"};
constexpr S kAgoPrefixes[] = {"92", "93", "94", "99"};
constexpr S kSomPrefixes[] = {"61", "62", "63", "65", "68", "90"};
constexpr S kCogPrefixes[] = {"04", "05", "06"};
constexpr S kBfaPrefixes[] = {"60", "61", "62", "63", "64", "65", "66", "67", "68",
                              "69", "70", "71", "72", "74", "75", "76", "77", "78"};
constexpr S kEriPrefixes[] = {"7"};
constexpr S kUzbPrefixes[] = {"33", "88", "90", "91", "93", "94", "95", "97", "99"};
constexpr S kTgoPrefixes[] = {"70", "79", "90", "91", "92", "93", "96", "97", "98", "99"};
constexpr S kGinPrefixes[] = {"62", "65", "66"};
constexpr S kIrnPrefixes[] = {"90", "91", "93", "99"};
constexpr S kMliPrefixes[] = {"6", "7"};
constexpr S kSyrPrefixes[] = {"93", "94", "95", "96", "98", "99"};
constexpr S kMrtPrefixes[] = {"2", "3", "4"};
constexpr S kKgzPrefixes[] = {"220", "500", "550", "700", "770"};
constexpr S kTjkPrefixes[] = {"50", "90", "91", "92", "93", "98"};

// Sorted by code for binary search.
constexpr CountryProfile kCountries[] = {
    {"AFG", "93", kAfgPrefixes, 7, "P0#######", "####-####-#####", "%#####", 0.75, false},
    {"AGO", "244", kAgoPrefixes, 7, "N%######", "%########@@###", "%#####", 0.85, false},
    {"BFA", "226", kBfaPrefixes, 6, "B%######", "B%#######", "%#####", 0.85, false},
    {"BGD", "880", kBgdPrefixes, 8, "@@#######", "%#########", "%################", 0.95, false},
    {"BRA", "55", kBraPrefixes, 8, "@@######", "###.###.###-##", "%#####", 0.5, true},
    {"CHL", "56", kNine, 8, "@########", "%#######-#", "%#######-#", 0.4, true},
    {"CHN", "86", kChnPrefixes, 8, "E########", "%#################", "@%########", 0.97, false},
    {"CMR", "237", kCmrPrefixes, 7, "@@######", "%#########", "%#####", 0.9, false},
    {"COG", "242", kCogPrefixes, 7, "@@#######", "%#########", "%#####", 0.85, false},
    {"COL", "57", kColPrefixes, 7, "@@######", "%#########", "%#########", 0.35, true},
    {"CUB", "53", kCubPrefixes, 7, "@######", "###########", "%######", 0.9, true},
    {"DOM", "1", kDomPrefixes, 7, "@@#######", "%##-#######-#", "%#####", 0.85, true},
    {"ECU", "593", kEcuPrefixes, 7, "@#######", "%#########", "%#########", 0.4, true},
    {"ERI", "291", kEriPrefixes, 6, "@#######", "%######", "%#####", 0.8, false},
    {"ETH", "251", kNine, 8, "EP#######", "%###############", "%#####", 0.85, false},
    {"GHA", "233", kGhaPrefixes, 7, "G#######", "GHA-%########-#", "%#####", 0.9, false},
    {"GIN", "224", kGinPrefixes, 7, "@#######", "%#########", "%#####", 0.85, false},
    {"GUF", "594", kGufPrefixes, 6, "##@@#####", "%###########", "%#####", 0.7, true},
    {"HTI", "509", kHtiPrefixes, 7, "@@#######", "%#########", "%#####", 0.6, true},
    {"IND", "91", kIndPrefixes, 9, "@%######", "%### #### ####", "%#########", 0.95, false},
    {"IRN", "98", kIrnPrefixes, 8, "@########", "%#########", "%#####", 0.95, false},
    {"KGZ", "996", kKgzPrefixes, 6, "@@#######", "%#############", "%#####", 0.95, false},
    {"LKA", "94", kLkaPrefixes, 7, "N#######", "%###########", "%#####", 0.95, false},
    {"MLI", "223", kMliPrefixes, 7, "@@#######", "%#########", "%#####", 0.85, false},
    {"MRT", "222", kMrtPrefixes, 7, "@#######", "%#########", "%#####", 0.85, false},
    {"NGA", "234", kNgaPrefixes, 7, "@########", "%##########", "%#####", 0.9, false},
    {"NPL", "977", kNplPrefixes, 7, "PA#######", "##-##-##-#####", "%#####", 0.95, false},
    {"PAK", "92", kPakPrefixes, 7, "@@#######", "#####-#######-#", "%#####", 0.95, false},
    {"PER", "51", kNine, 8, "%########", "%#######", "%#######", 0.5, true},
    {"SEN", "221", kSenPrefixes, 7, "@0#######", "%############", "%#####", 0.9, false},
    {"SOM", "252", kSomPrefixes, 7, "P00#####", "%#########", "%#####", 0.8, false},
    {"SYR", "963", kSyrPrefixes, 7, "N#########", "%##########", "%#####", 0.9, false},
    {"TGO", "228", kTgoPrefixes, 6, "@#######", "%#########", "%#####", 0.85, false},
    {"TJK", "992", kTjkPrefixes, 7, "@#######", "%#########", "%#####", 0.95, false},
    {"UZB", "998", kUzbPrefixes, 7, "@@#######", "%#############", "%#####", 0.95, false},
    {"VEN", "58", kVenPrefixes, 7, "%########", "V-^#######", "%######", 0.3, true},
    {"VNM", "84", kVnmPrefixes, 7, "@#######", "0##%########", "%#####", 0.95, false},
};

static_assert(std::is_sorted(std::begin(kCountries), std::end(kCountries),
                             [](const CountryProfile& a, const CountryProfile& b) {
                               return a.iso3 < b.iso3;
                             }));

}  // namespace

const CountryProfile* country_profile(std::string_view iso3) {
  auto it = std::lower_bound(
      std::begin(kCountries), std::end(kCountries), iso3,
      [](const CountryProfile& c, std::string_view code) { return c.iso3 < code; });
  return it != std::end(kCountries) && it->iso3 == iso3 ? &*it : nullptr;
}

const CountryProfile& colombia_profile() { return *country_profile("COL"); }

std::string fill_pattern(std::string_view pattern, Rng& rng) {
  std::string out;
  out.reserve(pattern.size());
  for (char c : pattern) {
    switch (c) {
      case '#':
        out.push_back(static_cast<char>('0' + rng.below(10)));
        break;
      case '%':
        out.push_back(static_cast<char>('1' + rng.below(9)));
        break;
      case '^':
        out.push_back(static_cast<char>('1' + rng.below(3)));
        break;
      case '@':
        out.push_back(static_cast<char>('A' + rng.below(26)));
        break;
      default:
        out.push_back(c);
        break;
    }
  }
  return out;
}

std::string mobile_number(const CountryProfile& country, Rng& rng) {
  std::string out = "+";
  out += country.calling_code;
  out += country.mobile_prefixes[rng.below(country.mobile_prefixes.size())];
  for (int i = 0; i < country.subscriber_digits; ++i) {
    out.push_back(static_cast<char>('0' + rng.below(10)));
  }
  return out;
}

const CountryProfile* profile_for_phone(std::string_view e164) {
  if (e164.empty() || e164.front() != '+') return nullptr;
  const std::string_view digits = e164.substr(1);
  for (const CountryProfile& c : kCountries) {
    if (digits.starts_with(c.calling_code)) return &c;
  }
  return nullptr;
}

std::string_view trunk_prefix(const CountryProfile& country) {
  static constexpr S kTrunkZero[] = {"AFG", "BGD", "ECU", "ERI", "ETH", "GHA", "GUF", "IND",
                                     "IRN", "KGZ", "LKA", "NGA", "PAK", "SYR", "VEN", "VNM"};
  return std::binary_search(std::begin(kTrunkZero), std::end(kTrunkZero), country.iso3)
             ? std::string_view("0")
             : std::string_view();
}

}  // namespace escudo::sim::internal

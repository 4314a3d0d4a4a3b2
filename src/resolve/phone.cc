#include "resolve/phone.h"

#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

namespace escudo::resolve {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// ISO 3166 codes as ICU lists them, read once: a constant table built lazily, not mutable
// state.
struct CountryTable {
  std::unordered_map<std::string, std::uint16_t> number;  // "CO" and "COL" → n
  std::vector<std::string> alpha2;                        // n → "CO"
  CountryTable() {
    alpha2.emplace_back();
    for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
      std::string a2 = *c;
      auto n = static_cast<std::uint16_t>(alpha2.size());
      alpha2.push_back(a2);
      number[a2] = n;
      std::string a3 = icu::Locale("", a2.c_str()).getISO3Country();
      if (!a3.empty()) number[a3] = n;
    }
    // Codes in use that ICU does not list as countries.
    for (auto [code, a2] : std::array<std::pair<const char*, const char*>, 2>{
             {{"XK", "XK"}, {"XKX", "XK"}}}) {
      if (!number.contains(code)) {
        auto n = static_cast<std::uint16_t>(alpha2.size());
        alpha2.emplace_back(a2);
        number[code] = n;
      }
    }
  }
};

const CountryTable& countries() {
  static const CountryTable table;
  return table;
}

std::string upper(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::uint16_t country_number(std::string_view code) {
  const auto& table = countries();
  auto it = table.number.find(upper(code));
  return it == table.number.end() ? 0 : it->second;
}

std::string country_alpha2(std::string_view code) {
  std::uint16_t n = country_number(code);
  return n == 0 ? std::string() : countries().alpha2[n];
}

std::string country_code(std::uint16_t number) {
  const auto& table = countries();
  return number < table.alpha2.size() ? table.alpha2[number] : std::string();
}

PhoneNormalizer::PhoneNormalizer() { (void)countries(); }

std::optional<std::uint64_t> PhoneNormalizer::e164(std::string_view text,
                                                   std::string_view region_alpha2) const {
  // "+44 (0)20 …": the trunk zero in parentheses is not dialled from abroad.
  std::string cleaned;
  bool plus = false;
  std::size_t digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(' && i + 2 < text.size() && text[i + 1] == '0' && text[i + 2] == ')' &&
        (plus || !cleaned.empty())) {
      i += 2;
      continue;
    }
    if (c == '+' && cleaned.empty()) plus = true;
    if (c >= '0' && c <= '9') {
      cleaned += c;
      ++digits;
    }
  }
  if (digits < 6 || digits > 18) return std::nullopt;
  // Written with its country code: "+57…" or the international prefix "00" most countries of
  // the corridor dial ("0057…"). Colombia's carrier prefixes (005, 007, 009) read the same way.
  if (!plus && cleaned.size() > 10 && cleaned.starts_with("00")) {
    cleaned.erase(0, 2);
    plus = true;
  }
  if (plus) {
    if (cleaned.size() < 8 || cleaned.size() > 15) return std::nullopt;
    return std::stoull(cleaned);
  }
  if (!region_alpha2.empty()) {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(cleaned, std::string(region_alpha2), &number) ==
        PhoneNumberUtil::NO_PARSING_ERROR) {
      std::string out;
      util.Format(number, PhoneNumberUtil::E164, &out);
      if (out.size() > 1 && out.size() <= 16) return std::stoull(out.substr(1));
    }
  }
  // No region: the national digits without a trunk zero.
  std::size_t first = cleaned.find_first_not_of('0');
  if (first == std::string::npos) return std::nullopt;
  return std::stoull(cleaned.substr(first)) | kLocalPhoneFlag;
}

std::string phone_to_string(std::uint64_t phone) {
  if ((phone & kLocalPhoneFlag) != 0) return std::to_string(phone & ~kLocalPhoneFlag);
  return "+" + std::to_string(phone);
}

}  // namespace escudo::resolve

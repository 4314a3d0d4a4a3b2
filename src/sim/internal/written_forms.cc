#include "sim/internal/written_forms.h"

#include <cctype>
#include <vector>

#include "sim/internal/country.h"

namespace escudo::sim::internal {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_separator(char c) { return c == ' ' || c == '-' || c == '.'; }

// Subscriber digits in groups the way people say them: "1234567" → "123 4567".
std::string grouped(std::string_view digits) {
  if (digits.size() <= 4) return std::string(digits);
  const std::size_t first = digits.size() == 8 ? 4 : 3;
  std::string out(digits.substr(0, first));
  out += ' ';
  out += grouped(digits.substr(first));
  return out;
}

}  // namespace

std::string phone_written_as(std::string_view e164, PhoneForm form) {
  const std::string_view digits = e164.starts_with('+') ? e164.substr(1) : e164;
  const CountryProfile* country = profile_for_phone(e164);
  if (country == nullptr) {
    return form == PhoneForm::kDoubleZero ? "00" + std::string(digits) : std::string(digits);
  }
  const std::string_view code = country->calling_code;
  const std::string_view national = digits.substr(code.size());
  std::size_t prefix_size = 3;
  for (std::string_view prefix : country->mobile_prefixes) {
    if (national.starts_with(prefix)) prefix_size = prefix.size();
  }
  // Short prefixes are said with the digits that follow: Haiti's "3412 3456", not "3 412 3456".
  if (prefix_size < 3) prefix_size = 4;
  prefix_size = std::min(prefix_size, national.size());
  const std::string_view prefix = national.substr(0, prefix_size);
  const std::string_view subscriber = national.substr(prefix_size);
  const std::string_view trunk = trunk_prefix(*country);
  std::string out;
  switch (form) {
    case PhoneForm::kDoubleZero:
      out = "00";
      out += digits;
      break;
    case PhoneForm::kSpaced:
      out = "+";
      out += code;
      out += ' ';
      out += prefix;
      out += ' ';
      out += grouped(subscriber);
      break;
    case PhoneForm::kNationalDash:
      out = trunk;
      out += prefix;
      out += '-';
      out += subscriber;
      break;
    case PhoneForm::kNationalSpace:
      out = trunk;
      out += prefix;
      out += ' ';
      out += grouped(subscriber);
      break;
    case PhoneForm::kNoCountryCode:
      out = national;
      break;
  }
  return out;
}

std::string phone_written(std::string_view e164, Rng& rng) {
  return phone_written_as(e164, static_cast<PhoneForm>(rng.below(kPhoneForms)));
}

std::string replacement_phone(std::string_view e164, Rng& rng) {
  const CountryProfile* country = profile_for_phone(e164);
  if (country == nullptr || rng.chance(0.5)) country = &colombia_profile();
  std::string out;
  do {
    out = mobile_number(*country, rng);
  } while (out == e164);
  return out;
}

std::string document_reformatted(std::string_view number, Rng& rng) {
  std::string out;
  bool separated = false;
  for (char c : number) separated = separated || is_separator(c);
  if (separated) {
    for (char c : number) {
      if (!is_separator(c)) out += c;
    }
    if (!out.empty()) return out;
  }
  std::size_t letters = 0;
  while (letters < number.size() && std::isupper(static_cast<unsigned char>(number[letters]))) {
    ++letters;
  }
  bool all_digits = !number.empty();
  for (char c : number) all_digits = all_digits && is_digit(c);
  if (all_digits && number.size() >= 7 && rng.chance(0.7)) {
    // Thousands dots, as cédulas are often written: "12.345.678".
    const std::size_t head = number.size() % 3 == 0 ? 3 : number.size() % 3;
    out = number.substr(0, head);
    for (std::size_t i = head; i < number.size(); i += 3) {
      out += '.';
      out += number.substr(i, 3);
    }
    return out;
  }
  if (letters > 0 && letters < number.size()) {
    const double u = rng.unit();
    if (u < 0.4)
      return std::string(number.substr(0, letters)) + ' ' + std::string(number.substr(letters));
    if (u < 0.7)
      return std::string(number.substr(0, letters)) + '-' + std::string(number.substr(letters));
    out = number;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  if (number.size() < 2) return std::string(number) + ' ';
  const std::size_t middle = number.size() / 2;
  return std::string(number.substr(0, middle)) + (rng.chance(0.5) ? ' ' : '-') +
         std::string(number.substr(middle));
}

std::string document_with_digit_typo(std::string_view number, Rng& rng) {
  std::string out(number);
  std::vector<std::size_t> digits;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (is_digit(out[i])) digits.push_back(i);
  }
  if (digits.empty()) return out;
  if (rng.chance(0.3)) {
    std::vector<std::size_t> pairs;  // neighbouring digits that differ
    for (std::size_t k = 0; k + 1 < digits.size(); ++k) {
      const std::size_t i = digits[k];
      if (digits[k + 1] == i + 1 && out[i] != out[i + 1]) pairs.push_back(i);
    }
    if (!pairs.empty()) {
      const std::size_t i = pairs[rng.below(pairs.size())];
      std::swap(out[i], out[i + 1]);
      return out;
    }
  }
  const std::size_t i = digits[rng.below(digits.size())];
  out[i] = static_cast<char>('0' + (out[i] - '0' + 1 + static_cast<int>(rng.below(9))) % 10);
  return out;
}

}  // namespace escudo::sim::internal

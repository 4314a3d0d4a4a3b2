#include "resolve/name.h"

#include <algorithm>
#include <array>

namespace escudo::resolve {
namespace {

constexpr std::array<std::string_view, 17> kParticles = {
    "de", "del", "la", "las", "los", "da", "das", "do", "dos",
    "di", "du", "van", "von", "der", "den", "y", "e"};
constexpr std::array<std::string_view, 8> kArticles = {"el", "la", "los", "las", "the", "le",
                                                       "o", "a"};
constexpr std::array<std::string_view, 6> kAliasWords = {"alias", "aka", "apodo", "apodado",
                                                         "apodada", "llamado"};

bool is_particle(std::string_view w) {
  return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end();
}
bool is_article(std::string_view w) {
  return std::find(kArticles.begin(), kArticles.end(), w) != kArticles.end();
}
bool is_alias_word(std::string_view w) {
  return std::find(kAliasWords.begin(), kAliasWords.end(), w) != kAliasWords.end();
}

// Words of folded text: letters and digits; an apostrophe inside a word is dropped
// ("o'brien" → "obrien"); everything else separates.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      current += c;
    } else if (c == '\'' && !current.empty()) {
      continue;
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

void add_alias(std::string_view text, std::vector<std::string>& aliases) {
  std::string alias = normalize_alias(text);
  if (!alias.empty() &&
      std::find(aliases.begin(), aliases.end(), alias) == aliases.end()) {
    aliases.push_back(std::move(alias));
  }
}

// Removes the aliases from `text` into `aliases`: quoted nicknames, "(a) X", "(X)", and the text
// after "alias", "aka", "a.k.a." or "apodado" up to a comma.
std::string take_aliases(std::string_view text, std::vector<std::string>& aliases) {
  std::string rest;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"') {
      std::size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) close = text.size();
      add_alias(text.substr(i + 1, close - i - 1), aliases);
      i = close + 1;
      rest += ' ';
      continue;
    }
    if (c == '(') {
      std::size_t close = text.find(')', i + 1);
      if (close == std::string_view::npos) close = text.size();
      std::vector<std::string> inside = words(text.substr(i + 1, close - i - 1));
      std::size_t after = std::min(close + 1, text.size());
      if (inside.size() == 1 && inside[0] == "a") {  // "(a) El Mono": the alias follows
        std::size_t comma = text.find(',', after);
        if (comma == std::string_view::npos) comma = text.size();
        add_alias(text.substr(after, comma - after), aliases);
        i = comma;
      } else {
        if (!inside.empty() && (inside[0] == "a" || is_alias_word(inside[0]))) {
          inside.erase(inside.begin());
        }
        std::string joined;
        for (const auto& w : inside) joined += w + ' ';
        add_alias(joined, aliases);
        i = after;
      }
      rest += ' ';
      continue;
    }
    rest += c;
    ++i;
  }
  // "alias X", "aka X", "a.k.a. X": the words after the marker, up to a comma, are the alias.
  std::vector<std::string> ws;
  std::string out;
  std::size_t pos = 0;
  while (pos < rest.size()) {
    std::size_t start = rest.find_first_not_of(" .", pos);
    if (start == std::string::npos) break;
    std::size_t end = rest.find_first_of(" ,", start);
    if (end == std::string::npos) end = rest.size();
    if (end == start) end = start + 1;  // a comma on its own
    std::string word = rest.substr(start, end - start);
    std::string bare;
    for (char ch : word) {
      if (ch != '.') bare += ch;
    }
    if (is_alias_word(bare) || bare == "aka") {
      std::size_t comma = rest.find(',', end);
      if (comma == std::string::npos) comma = rest.size();
      add_alias(std::string_view(rest).substr(end, comma - end), aliases);
      out += ' ';
      pos = comma;
      continue;
    }
    out += rest.substr(pos, end - pos);
    pos = end;
  }
  return out;
}

// Surname words with particles dropped and a married name taken out: "garcia de perez" →
// {"garcia"}, married "perez"; "de la cruz" → {"cruz"}.
std::vector<std::string> surname_words(std::vector<std::string> ws, std::string& married) {
  for (std::size_t k = 0; k + 1 < ws.size(); ++k) {
    if ((ws[k] == "vda" || ws[k] == "viuda") && ws[k + 1] == "de" && k + 2 < ws.size()) {
      married = ws.back();
      ws.resize(k);
      break;
    }
    if (k >= 1 && ws[k] == "de" && k + 2 == ws.size() && !is_particle(ws[k + 1])) {
      married = ws[k + 1];
      ws.resize(k);
      break;
    }
  }
  std::vector<std::string> out;
  for (auto& w : ws) {
    if (!is_particle(w)) out.push_back(std::move(w));
  }
  if (out.empty() && !ws.empty()) out.push_back(ws.back());
  return out;
}

void push_unique(std::vector<std::string>& list, std::string word) {
  if (std::find(list.begin(), list.end(), word) == list.end()) list.push_back(std::move(word));
}

}  // namespace

std::string normalize_alias(std::string_view folded) {
  std::string out;
  for (auto& w : words(folded)) {
    if (is_article(w) || is_alias_word(w)) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

ParsedName parse_name(const NameParts& parts, const NicknameTable& nicknames) {
  ParsedName name;
  std::string given_text = take_aliases(parts.given, name.aliases);
  std::string surname_text = take_aliases(parts.surname, name.aliases);
  std::string full_text = take_aliases(parts.full, name.aliases);

  std::vector<std::string> given = words(given_text);
  std::string married;
  std::vector<std::string> surnames = surname_words(words(surname_text), married);

  if (!full_text.empty()) {
    std::vector<std::string> full_given;
    std::vector<std::string> full_surnames;
    if (std::size_t comma = full_text.find(','); comma != std::string::npos) {
      full_surnames = surname_words(words(full_text.substr(0, comma)), married);
      full_given = words(full_text.substr(comma + 1));
    } else {
      std::vector<std::string> ws = words(full_text);
      // A married name ends the full name: "ana garcia de perez".
      if (ws.size() >= 4 && ws[ws.size() - 2] == "de" && !is_particle(ws.back())) {
        married = ws.back();
        ws.resize(ws.size() - 2);
      }
      // Units: a word with the particles before it ("de la cruz" is one unit, "cruz").
      std::vector<std::string> units;
      std::vector<bool> had_particle;
      bool pending = false;
      for (auto& w : ws) {
        if (is_particle(w) && !units.empty()) {
          pending = true;
          continue;
        }
        units.push_back(std::move(w));
        had_particle.push_back(pending);
        pending = false;
      }
      std::size_t n = units.size();
      std::size_t given_count = 0;
      if (n == 0) {
        given_count = 0;
      } else if (n == 1) {
        given_count = 1;
      } else if (n == 2) {
        given_count = 1;
      } else if (n == 3) {
        bool second_given = !had_particle[1] &&
                            (units[1].size() == 1 || nicknames.is_given_name(units[1])) &&
                            !(nicknames.is_given_name(units[2]) && units[2].size() > 1 &&
                              !nicknames.is_given_name(units[1]));
        given_count = second_given ? 2 : 1;
      } else {
        given_count = n - 2;
      }
      // A particle before a unit marks a surname ("Juan de la Cruz").
      for (std::size_t i = 1; i < given_count; ++i) {
        if (had_particle[i]) {
          given_count = i;
          break;
        }
      }
      for (std::size_t i = 0; i < n; ++i) {
        (i < given_count ? full_given : full_surnames).push_back(std::move(units[i]));
      }
    }
    for (auto& w : full_given) push_unique(given, std::move(w));
    for (auto& w : full_surnames) push_unique(surnames, std::move(w));
  }

  name.married = std::move(married);
  name.surnames = std::move(surnames);
  for (const auto& g : given) {
    std::string_view canonical = nicknames.canonical(g);
    for (auto& part : words(canonical)) push_unique(name.given_canonical, std::move(part));
  }
  name.given = std::move(given);
  return name;
}

}  // namespace escudo::resolve

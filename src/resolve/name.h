// Names as the corridor writes them: two surnames (father's, then mother's), particles ("de",
// "del", "de la", "da", "dos"), compound given names ("José Luis", "María José"), a married
// name ("García de Pérez", "viuda de Pérez"), initials ("Jose L."), nicknames and hypocorisms
// ("Pepe"), and aliases ("alias El Mono", "(a) El Mono", "José “El Mono” Mosquera").
//
// Works on folded text (normalize.h folds it: lower-case ASCII, see internal/text_fold.h).
//
//   ParsedName n = parse_name({.full = "jose l. mosquera palacios alias el mono"}, nicknames);
//   n.given == {"jose", "l"}; n.surnames == {"mosquera", "palacios"}; n.aliases == {"mono"}
//
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "resolve/nicknames.h"

namespace escudo::resolve {

struct NameParts {
  std::string_view given;    // folded given name(s)
  std::string_view surname;  // folded surname(s)
  std::string_view full;     // folded whole name, split by the rules below
};

struct ParsedName {
  std::vector<std::string> given;            // as written, folded; "l" for an initial
  std::vector<std::string> given_canonical;  // nicknames resolved: "pepe" → "jose"
  std::vector<std::string> surnames;         // in order, particles dropped
  std::string married;                       // "de Pérez" → "perez"
  std::vector<std::string> aliases;          // articles dropped: "el mono" → "mono"
};

// A whole name without a comma is split by position: one word is a given name; two are a given
// name and a surname; three are a given name and two surnames, unless the second word is an
// initial or a given name the nickname table knows ("Jose L. Mosquera", "José Luis Mosquera");
// four or more end with two surnames. "Surnames, given names" (with a comma) is read as such.
// Parts given apart (given, surname) are added to what `full` yields.
ParsedName parse_name(const NameParts& parts, const NicknameTable& nicknames);

// An alias on its own (from a column of aliases), folded: articles dropped, words joined by
// one space ("El Mono" → "mono").
std::string normalize_alias(std::string_view folded);

}  // namespace escudo::resolve

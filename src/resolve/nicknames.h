// Hypocorisms and nicknames of given names ("Pepe" → José, "Pancho"/"Paco" → Francisco,
// "Chucho" → Jesús, "Lupe" → Guadalupe), and the given names the table knows, which help to
// split a whole name into given names and surnames ("José Luis Mosquera": "luis" is a given
// name, so the surname is "Mosquera").
//
// The table ships as data/resolve/nicknames.txt (built into the program) and users extend it
// with their own file in the same format:
//
//   # canonical: variants…   (folded or not: "José" and "jose" are the same)
//   jose: pepe chepe pepito
//   maria jose: majo
//   guadalupe: lupe lupita
//
//   ESCUDO_ASSIGN_OR_RETURN(NicknameTable table, NicknameTable::parse(default_nicknames_text()));
//   ESCUDO_TRY(table.add(NicknameTable::parse(user_file_text)));
//   table.canonical("pepe") == "jose"
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/status.h"

namespace escudo::resolve {

class NicknameTable {
 public:
  // kInvalidArgument naming the line when a line has no ':' or no canonical name. Entries are
  // folded like names (accents dropped, lower case). Thread-safe (it is a pure function).
  static Result<NicknameTable> parse(std::string_view text);

  // Adds every entry of `other`; a variant already present keeps its first canonical name.
  void add(const NicknameTable& other);

  // The canonical form of a folded given-name token: itself when the table does not know it.
  std::string_view canonical(std::string_view token) const;
  // Whether `token` is a given name the table knows (a canonical name or a variant).
  bool is_given_name(std::string_view token) const;
  std::size_t size() const { return canonical_.size(); }

 private:
  std::unordered_map<std::string, std::string> canonical_;
  std::unordered_set<std::string> given_names_;
};

// The table shipped in data/resolve/nicknames.txt.
std::string_view default_nicknames_text();

}  // namespace escudo::resolve

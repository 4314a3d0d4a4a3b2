// Watchlist screening: which entries of a watchlist a person may be, each with a score and the
// reasons it matched. The watchlist's names (primary and aliases, each an extra name variant of
// its entry) are normalised, blocked and compared by the entity-resolution engine
// (resolve::EntityIndex), so a screened name meets the same folding, naming customs, nicknames,
// phonetic keys and graded comparisons as a resolved one, and every hit is explained.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto screener, Screener::build(std::move(entries), nicknames, {}));
//   for (const Hit& h : screener->screen(registration))
//     std::printf("%s %.3f %s\n", h.entry_id.c_str(), h.score, h.reasons[0].c_str());
//
// screen() is not thread-safe (it borrows the index's scratch space): one caller at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "resolve/entity_index.h"
#include "resolve/explain.h"
#include "resolve/nicknames.h"
#include "resolve/record.h"
#include "screen/watchlist.h"

namespace escudo::screen {

struct ScreenOptions {
  // A hit is a watchlist entry whose best name variant matches with at least this probability.
  // Lower than a merge threshold on purpose: an officer reviews every hit, and a missed
  // smuggler costs more than a dismissed namesake.
  double min_score = 0.5;
  std::size_t max_hits = 10;  // per person screened, best first
  int threads = 2;            // for building the index
  // Name blocks larger than this are not expanded (resolve::BlockingOptions): the bound on the
  // candidates one screening compares.
  std::uint32_t max_block_size = 100;
};

struct Hit {
  std::string subject_id;  // the screened record's id
  std::string entry_id;
  double score = 0;          // match probability of the best name variant
  std::string matched_name;  // that variant's name as the list writes it
  bool alias = false;        // the variant is an alias, not the primary name
  // Short lines, strongest evidence first: "alias used: El Mono", "surname swapped: mosquera
  // palacios | palacios mosquera (+8.9)", "date_of_birth other: 1984-03-07 | 1990 (-4.2)".
  std::vector<std::string> reasons;
  resolve::PairExplanation explanation;  // record_a: the entry, record_b: the subject
};

class Screener {
 public:
  // kInvalidArgument naming an entry with an empty or repeated id, or without any name.
  static Result<std::unique_ptr<Screener>> build(std::vector<WatchlistEntry> entries,
                                                 const resolve::NicknameTable& nicknames,
                                                 ScreenOptions options = {});

  // The entries the person may be, best first (one hit per entry).
  std::vector<Hit> screen(const resolve::PersonRecord& person);

  std::size_t entries() const { return entry_ids_.size(); }
  std::size_t name_variants() const { return variant_entry_.size(); }
  const ScreenOptions& options() const { return options_; }

 private:
  Screener() = default;

  ScreenOptions options_;
  std::unique_ptr<resolve::EntityIndex> index_;
  std::vector<std::string> entry_ids_;
  // By variant (its record id in the index is the variant's number).
  std::vector<std::uint32_t> variant_entry_;
  std::vector<std::uint16_t> variant_name_;  // index into the entry's names
  std::vector<std::vector<std::string>> names_;  // by entry
};

}  // namespace escudo::screen

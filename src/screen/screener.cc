#include "screen/screener.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include <fmt/format.h>

#include "resolve/compare.h"

namespace escudo::screen {
namespace {

constexpr std::size_t kMaxVariantsPerEntry = 64;

resolve::PersonRecord variant_record(const WatchlistEntry& e, std::size_t name, std::size_t dob,
                                     std::uint32_t number) {
  resolve::PersonRecord r;
  r.record_id = std::to_string(number);
  if (name == 0 && (!e.given_name.empty() || !e.surname.empty())) {
    r.given_name = e.given_name;
    r.surname = e.surname;
  } else {
    r.full_name = e.names[name];
  }
  if (dob < e.dates_of_birth.size()) r.date_of_birth = e.dates_of_birth[dob];
  if (!e.nationalities.empty()) r.nationality = e.nationalities.front();
  r.documents = e.documents;
  r.sex = e.sex;
  return r;
}

std::string reason_line(const resolve::FieldContribution& f) {
  return fmt::format("{} {}: {} ({:+.1f})", resolve::field_name(f.field), f.level_label, f.values,
                     f.total());
}

}  // namespace

Result<std::unique_ptr<Screener>> Screener::build(std::vector<WatchlistEntry> entries,
                                                  const resolve::NicknameTable& nicknames,
                                                  ScreenOptions options) {
  std::unique_ptr<Screener> s(new Screener());
  s->options_ = options;
  std::unordered_set<std::string> seen;
  std::vector<resolve::PersonRecord> records;
  records.reserve(entries.size() * 2);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    WatchlistEntry& e = entries[i];
    if (e.entry_id.empty()) {
      return errorf(ErrorCode::kInvalidArgument, "watchlist entry {} has no id", i + 1);
    }
    if (!seen.insert(e.entry_id).second) {
      return errorf(ErrorCode::kInvalidArgument, "watchlist entry id '{}' appears twice",
                    e.entry_id);
    }
    if (e.names.empty() && (!e.given_name.empty() || !e.surname.empty())) {
      e.names.push_back(e.given_name + " " + e.surname);
    }
    if (e.names.empty()) {
      return errorf(ErrorCode::kInvalidArgument, "watchlist entry '{}' has no name", e.entry_id);
    }
    const auto entry = static_cast<std::uint32_t>(s->entry_ids_.size());
    const std::size_t dobs = std::max<std::size_t>(1, e.dates_of_birth.size());
    for (std::size_t n = 0; n < e.names.size(); ++n) {
      // Every name with the first date of birth; the primary name also with the others.
      for (std::size_t d = 0; d < (n == 0 ? dobs : 1); ++d) {
        if (n * dobs + d >= kMaxVariantsPerEntry) break;
        const auto number = static_cast<std::uint32_t>(s->variant_entry_.size());
        records.push_back(variant_record(e, n, d, number));
        s->variant_entry_.push_back(entry);
        s->variant_name_.push_back(static_cast<std::uint16_t>(n));
      }
    }
    s->entry_ids_.push_back(std::move(e.entry_id));
    s->names_.push_back(std::move(e.names));
  }
  resolve::ResolveOptions ro;
  // The list is not resolved against itself: the default model scores, nothing is trained,
  // and only pairs a screening could report are kept.
  ro.train = false;
  ro.threads = options.threads;
  ro.keep_threshold = 0.99;
  ro.blocking.max_block_size = options.max_block_size;
  ESCUDO_ASSIGN_OR_RETURN(s->index_, resolve::EntityIndex::build(std::move(records), nicknames, ro));
  return s;
}

std::vector<Hit> Screener::screen(const resolve::PersonRecord& person) {
  std::vector<resolve::ProbeMatch> matches =
      index_->probe(person, options_.min_score, options_.max_hits * 4);
  std::vector<Hit> hits;
  std::unordered_set<std::uint32_t> entries_seen;
  for (auto& m : matches) {
    std::uint32_t variant = 0;
    std::from_chars(m.record_id.data(), m.record_id.data() + m.record_id.size(), variant);
    const std::uint32_t entry = variant_entry_[variant];
    if (!entries_seen.insert(entry).second) continue;  // a better variant came first
    Hit h;
    h.subject_id = person.record_id;
    h.entry_id = entry_ids_[entry];
    h.score = m.probability;
    const std::uint16_t name = variant_name_[variant];
    h.matched_name = names_[entry][name];
    h.alias = name > 0;
    if (h.alias) h.reasons.push_back("alias used: " + h.matched_name);
    std::vector<const resolve::FieldContribution*> fields;
    for (const auto& f : m.explanation.fields) {
      if (f.level != resolve::kMissing) fields.push_back(&f);
    }
    std::ranges::stable_sort(fields, [](const auto* a, const auto* b) {
      return std::abs(a->total()) > std::abs(b->total());
    });
    for (const auto* f : fields) h.reasons.push_back(reason_line(*f));
    if (!m.explanation.held.empty()) h.reasons.push_back("held: " + m.explanation.held);
    h.explanation = std::move(m.explanation);
    h.explanation.record_a = h.entry_id;
    h.explanation.record_b = person.record_id;
    hits.push_back(std::move(h));
    if (hits.size() >= options_.max_hits) break;
  }
  return hits;
}

}  // namespace escudo::screen

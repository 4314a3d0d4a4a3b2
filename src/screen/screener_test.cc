#include "screen/screener.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace escudo::screen {
namespace {

const resolve::NicknameTable& nicknames() {
  static const resolve::NicknameTable table =
      resolve::NicknameTable::parse(resolve::default_nicknames_text()).value();
  return table;
}

resolve::PartialDate date(std::string_view iso) {
  return resolve::parse_partial_date(iso, resolve::DateFormat::kIso).value();
}

WatchlistEntry entry(std::string id, std::vector<std::string> names, std::string dob,
                     std::string nationality) {
  WatchlistEntry e;
  e.entry_id = std::move(id);
  e.names = std::move(names);
  if (!dob.empty()) e.dates_of_birth.push_back(date(dob));
  e.nationalities.push_back(std::move(nationality));
  return e;
}

resolve::PersonRecord person(std::string id, std::string given, std::string surname,
                             std::string dob, std::string nationality) {
  resolve::PersonRecord r;
  r.record_id = std::move(id);
  r.given_name = std::move(given);
  r.surname = std::move(surname);
  r.date_of_birth = date(dob);
  r.nationality = std::move(nationality);
  return r;
}

std::unique_ptr<Screener> sample_list() {
  std::vector<WatchlistEntry> entries = {
      entry("W-1", {"José Luis Mosquera Palacios", "El Mono", "Luis Palacios"}, "1984-03-07",
            "COL"),
      entry("W-2", {"Wilmer Antonio Rentería Córdoba"}, "1979-11-02", "COL"),
      entry("W-3", {"Yusuf Abdi Warsame", "Yusuf Warsame Abdi"}, "1990-01-15", "SOM"),
  };
  // Unrelated names so the list is not tiny.
  for (int i = 0; i < 200; ++i) {
    entries.push_back(entry("X-" + std::to_string(i),
                            {"Persona" + std::to_string(i) + " Ficticia Numero" + std::to_string(i)},
                            "1970-01-01", "VEN"));
  }
  return Screener::build(std::move(entries), nicknames()).value();
}

bool has_reason(const Hit& h, std::string_view text) {
  return std::ranges::any_of(h.reasons,
                             [&](const std::string& r) { return r.find(text) != std::string::npos; });
}

TEST(ScreenerTest, FindsExactNameAndExplainsIt) {
  auto s = sample_list();
  auto hits = s->screen(person("r1", "José Luis", "Mosquera Palacios", "1984-03-07", "COL"));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entry_id, "W-1");
  EXPECT_EQ(hits[0].subject_id, "r1");
  EXPECT_GT(hits[0].score, 0.9);
  EXPECT_FALSE(hits[0].alias);
  EXPECT_TRUE(has_reason(hits[0], "date_of_birth exact")) << hits[0].reasons[0];
}

TEST(ScreenerTest, FindsTyposAndSwappedSurnames) {
  auto s = sample_list();
  auto typo = s->screen(person("r2", "Wilmer", "Renteria Cordova", "1979-11-02", "COL"));
  ASSERT_FALSE(typo.empty());
  EXPECT_EQ(typo[0].entry_id, "W-2");
  auto swapped = s->screen(person("r3", "Jose Luis", "Palacios Mosquera", "1984-03-07", "COL"));
  ASSERT_FALSE(swapped.empty());
  EXPECT_EQ(swapped[0].entry_id, "W-1");
  EXPECT_TRUE(has_reason(swapped[0], "surname")) << swapped[0].reasons[0];
}

TEST(ScreenerTest, AliasIsAnotherNameOfTheEntry) {
  auto s = sample_list();
  auto hits = s->screen(person("r4", "Luis", "Palacios", "1984-03-07", "COL"));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entry_id, "W-1");
  EXPECT_TRUE(hits[0].alias);
  EXPECT_EQ(hits[0].matched_name, "Luis Palacios");
  EXPECT_EQ(hits[0].reasons[0], "alias used: Luis Palacios");
}

TEST(ScreenerTest, OneHitPerEntryAndNoHitForAStranger) {
  auto s = sample_list();
  auto hits = s->screen(person("r5", "Yusuf", "Abdi Warsame", "1990-01-15", "SOM"));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(std::ranges::count(hits, std::string("W-3"), &Hit::entry_id), 1);
  EXPECT_TRUE(s->screen(person("r6", "Marie", "Joseph", "2001-05-05", "HTI")).empty());
}

TEST(ScreenerTest, RejectsRepeatedOrNamelessEntries) {
  std::vector<WatchlistEntry> twice = {entry("A", {"Ana Pérez"}, "", "COL"),
                                       entry("A", {"Ana Gómez"}, "", "COL")};
  auto r = Screener::build(std::move(twice), nicknames());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("'A' appears twice"), std::string::npos);
  std::vector<WatchlistEntry> nameless = {entry("B", {}, "", "COL")};
  auto n = Screener::build(std::move(nameless), nicknames());
  ASSERT_FALSE(n);
  EXPECT_NE(n.error().message().find("'B' has no name"), std::string::npos);
}

TEST(ScreenerTest, EntryFromRecordSplitsAliases) {
  resolve::PersonRecord r;
  r.record_id = "Q1";
  r.given_name = "Ana";
  r.surname = "Pérez";
  r.aliases = {"La Flaca; Ana Perez Ruiz", "Anita|"};
  WatchlistEntry e = entry_from_record(r);
  EXPECT_EQ(e.names, (std::vector<std::string>{"Ana Pérez", "La Flaca", "Ana Perez Ruiz", "Anita"}));
}

}  // namespace
}  // namespace escudo::screen

#include "sim/watchlist.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <sstream>
#include <string>

namespace escudo::sim {
namespace {

struct Files {
  std::array<std::string, 3> text;
  std::int64_t lines(WatchlistSimFile f) const {
    return static_cast<std::int64_t>(std::count(text[static_cast<int>(f)].begin(),
                                                text[static_cast<int>(f)].end(), '\n'));
  }
};

Files simulate(const WatchlistSimConfig& config, WatchlistSimSummary* summary = nullptr) {
  Files f;
  auto s = simulate_watchlist(config, [&](WatchlistSimFile file, std::string_view line) -> Status {
    f.text[static_cast<int>(file)] += line;
    return ok_status();
  });
  EXPECT_TRUE(s.has_value()) << s.error().to_string();
  if (s && summary != nullptr) *summary = *s;
  return f;
}

TEST(WatchlistSim, WritesTheListTheRegistrationsAndThePlantedTruth) {
  WatchlistSimSummary summary;
  Files f = simulate({.seed = 3, .entries = 500, .registrations = 4000, .hit_share = 0.1}, &summary);
  using enum WatchlistSimFile;
  EXPECT_TRUE(f.text[0].starts_with("entry_id,given_name,surname,date_of_birth,nationality,document,aliases\n"));
  EXPECT_TRUE(f.text[1].starts_with("id,given_name,surname,date_of_birth,nationality\n"));
  EXPECT_TRUE(f.text[2].starts_with("id,entry_id\n"));
  EXPECT_EQ(f.lines(kWatchlist), 501);
  EXPECT_EQ(f.lines(kRegistrations), 4001);
  EXPECT_EQ(summary.planted, f.lines(kTruth) - 1);
  // 10% of 4,000, give or take the draw.
  EXPECT_GT(summary.planted, 320);
  EXPECT_LT(summary.planted, 480);
  // Every truth row names a registration and an entry that exist.
  std::istringstream truth(f.text[2]);
  std::string line;
  std::getline(truth, line);
  std::set<std::string> ids;
  while (std::getline(truth, line)) {
    const auto comma = line.find(',');
    const std::string id = line.substr(0, comma), entry = line.substr(comma + 1);
    EXPECT_TRUE(ids.insert(id).second) << id;
    EXPECT_NE(f.text[1].find("\n" + id + ","), std::string::npos) << id;
    EXPECT_NE(f.text[0].find("\n" + entry + ","), std::string::npos) << entry;
  }
}

TEST(WatchlistSim, OneSeedGivesTheSameFilesAnotherSeedOthers) {
  const WatchlistSimConfig config{.seed = 11, .entries = 300, .registrations = 600, .hit_share = 0.2};
  Files a = simulate(config), b = simulate(config);
  EXPECT_EQ(a.text, b.text);
  WatchlistSimConfig other = config;
  other.seed = 12;
  EXPECT_NE(simulate(other).text[0], a.text[0]);
}

TEST(WatchlistSim, NoShareMeansNoPlantedHitAndAFullShareOnlyPlantedHits) {
  WatchlistSimSummary none, all;
  simulate({.seed = 1, .entries = 50, .registrations = 200, .hit_share = 0.0}, &none);
  simulate({.seed = 1, .entries = 50, .registrations = 200, .hit_share = 1.0}, &all);
  EXPECT_EQ(none.planted, 0);
  EXPECT_EQ(all.planted, 200);
}

TEST(WatchlistSim, ABadConfigurationNamesTheFieldAndAWriteErrorStopsIt) {
  auto sink = [](WatchlistSimFile, std::string_view) -> Status { return ok_status(); };
  auto entries = simulate_watchlist({.entries = 0}, sink);
  ASSERT_FALSE(entries.has_value());
  EXPECT_EQ(entries.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(entries.error().message().find("'entries'"), std::string::npos);
  auto share = simulate_watchlist({.entries = 5, .registrations = 5, .hit_share = 1.5}, sink);
  ASSERT_FALSE(share.has_value());
  EXPECT_NE(share.error().message().find("'hit_share'"), std::string::npos);
  int calls = 0;
  auto failed = simulate_watchlist({.entries = 5, .registrations = 5},
                                   [&](WatchlistSimFile, std::string_view) -> Status {
                                     ++calls;
                                     return make_error(ErrorCode::kResourceExhausted, "disk full");
                                   });
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code(), ErrorCode::kResourceExhausted);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace escudo::sim

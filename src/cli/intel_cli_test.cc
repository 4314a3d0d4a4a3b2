// `escudo intel …` and `escudo cases figures` as a script would run them, on the files
// `escudo sim network` writes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "testing/temp_dir.h"

namespace escudo::cli {
namespace {

struct Outcome {
  int exit_code = -1;
  std::string all;  // stdout and stderr
};

Outcome run(const testing::TempDir& dir, const std::string& args) {
  std::string command = std::string(ESCUDO_BINARY) + " " + args + " 2>&1";
  Outcome r;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buffer;
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.all.append(buffer.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  static_cast<void>(dir);
  return r;
}

TEST(IntelCli, ImportsTheSimulatorsFilesAndRanksKeyPlayers) {
  testing::TempDir dir;
  std::string db = dir.file("e.db");
  std::string out = dir.file("net");
  ASSERT_EQ(run(dir, "sim network --seed 3 --migrants 60 --days 60 --out " + out).exit_code, 0);
  Outcome calls = run(dir, "intel import calls --db " + db + " " + out + "/calls.csv");
  ASSERT_EQ(calls.exit_code, 0) << calls.all;
  EXPECT_NE(calls.all.find("links"), std::string::npos) << calls.all;
  Outcome rest = run(dir, "intel import transfers --db " + db + " " + out + "/transfers.csv");
  ASSERT_EQ(rest.exit_code, 0) << rest.all;
  Outcome mentions = run(dir, "intel import mentions --db " + db + " " + out + "/mentions.csv");
  ASSERT_EQ(mentions.exit_code, 0) << mentions.all;
  Outcome players = run(dir, "intel key-players --db " + db + " --limit 5 --format csv");
  ASSERT_EQ(players.exit_code, 0) << players.all;
  EXPECT_NE(players.all.find("rank,id,kind,label,score"), std::string::npos) << players.all;
  Outcome graphml = run(dir, "intel export --db " + db + " --format graphml --out " + dir.file("g.graphml"));
  EXPECT_EQ(graphml.exit_code, 0) << graphml.all;
}

TEST(IntelCli, TwoPeriodsCompared) {
  testing::TempDir dir;
  std::string db = dir.file("e.db");
  testing::write_file(dir.file("t.csv"),
                      "sender_account,receiver_account,amount,date\nCO1,CO2,12.50,2024-01-02\nCO2,CO3,40.00,2024-06-02\n"
                      "CO3,CO4,5.00,2023-02-02\n");
  ASSERT_EQ(run(dir, "intel import transfers --db " + db + " " + dir.file("t.csv")).exit_code, 0);
  Outcome v = run(dir, "intel slices --db " + db +
                           " --from1 2024-01-01 --to1 2024-03-31 --from2 2024-06-01 --to2 2024-06-30");
  ASSERT_EQ(v.exit_code, 0) << v.all;
  EXPECT_NE(v.all.find("links: 1 new, 1 gone, 0 kept; entities: 1 new, 1 gone, 1 kept"), std::string::npos) << v.all;
  EXPECT_NE(v.all.find(",gone,1,0,"), std::string::npos) << v.all;
  Outcome bad = run(dir, "intel slices --db " + db + " --from1 2024-01-01 --to1 2024-03-31 --from2 2024-06-01 --to2 June");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.all.find("to2: 'June' is not a date (YYYY-MM-DD)"), std::string::npos) << bad.all;
}

TEST(IntelCli, ABadRowIsReportedWithLineAndColumnAndNothingIsStored) {
  testing::TempDir dir;
  std::string db = dir.file("e.db");
  testing::write_file(dir.file("t.csv"),
                      "sender_account,receiver_account,amount,date\nCO1,CO2,12.50,2024-01-02\nCO1,CO3,abc,2024-01-02\n");
  Outcome bad = run(dir, "intel import transfers --db " + db + " " + dir.file("t.csv"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.all.find("t.csv:3:9: amount: 'abc' is not an amount"), std::string::npos) << bad.all;
  EXPECT_NE(bad.all.find("nothing was stored"), std::string::npos) << bad.all;
  Outcome figures = run(dir, "cases figures --db " + db + " --format csv");
  EXPECT_EQ(figures.exit_code, 0) << figures.all;
  EXPECT_EQ(figures.all, "period,agency,country,arrests,convictions\n");
}

}  // namespace
}  // namespace escudo::cli

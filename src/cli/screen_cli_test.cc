// `escudo screen` as a script would run it: the command form, its output and its errors.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>

#include "testing/temp_dir.h"

namespace escudo::cli {
namespace {

struct Outcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

Outcome run(const std::string& args) {
  std::string command = std::string(ESCUDO_BINARY) + " " + args + " 2>&1";
  Outcome r;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buffer;
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class ScreenCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_file(list_,
        "entry,first,last,born,country,aka\n"
        "W-1,José Luis,Mosquera Palacios,1984-03-07,COL,El Mono; Luis Palacios\n"
        "W-2,Wilmer Antonio,Rentería Córdoba,1979-11-02,COL,\n"
        "W-3,Yusuf,Abdi Warsame,1990-01-15,SOM,\n");
  }
  testing::TempDir dir_;
  std::string list_ = dir_.file("list.csv");
  std::string out_ = dir_.file("hits.csv");
};

TEST_F(ScreenCliTest, OneRowPerHitWithScoreAndReasons) {
  std::string in = dir_.file("people.csv");
  testing::write_file(in,
      "id,nombre,apellidos,nacimiento,pais\n"
      "r1,Jose Luis,Palacios Mosquera,07/03/1984,COL\n"
      "r2,Marie,Joseph,05/05/2001,HTI\n"
      "r3,Luis,Palacios,07/03/1984,COL\n"
      "r4,Wilmer,Renteria Cordova,02/11/1979,COL\n");
  Outcome r = run("screen --watchlist " + list_ + " --watchlist-id-column entry "
                  "--watchlist-field given_name=first --watchlist-field surname=last "
                  "--watchlist-field date_of_birth=born --watchlist-field nationality=country "
                  "--watchlist-field alias=aka --input " + in + " --id-column id "
                  "--field given_name=nombre --field surname=apellidos "
                  "--field date_of_birth=nacimiento:DD/MM/YYYY --field nationality=pais "
                  "--output " + out_ + " --explain " + dir_.file("why.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("screened 4 people against 3 watchlist entries (5 names)"),
            std::string::npos) << r.output;
  std::string csv = slurp(out_);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "input_id,entry_id,score,matched_name,reasons");
  EXPECT_NE(csv.find("\nr1,W-1,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("surname swapped"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nr3,W-1,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("alias used: Luis Palacios"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nr4,W-2,"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("\nr2,"), std::string::npos) << csv;
  EXPECT_NE(slurp(dir_.file("why.txt")).find("r1 may be watchlist entry W-1"),
            std::string::npos);
}

TEST_F(ScreenCliTest, SameMappingForBothFilesWhenColumnsAgree) {
  std::string in = dir_.file("people.csv");
  testing::write_file(in,
      "entry,first,last,born,country,aka\n"
      "p1,Yusuf,Warsame Abdi,1990-01-15,SOM,\n");
  Outcome r = run("screen --watchlist " + list_ + " --input " + in + " --id-column entry "
                  "--field given_name=first --field surname=last --field date_of_birth=born "
                  "--field alias=aka --output " + out_);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(slurp(out_).find("\np1,W-3,"), std::string::npos);
}

TEST_F(ScreenCliTest, BadRowsNameFileLineAndFieldAndNothingIsWritten) {
  std::string in = dir_.file("bad.csv");
  testing::write_file(in, "entry,first,last,born,country,aka\n"
                          "p1,Ana,Ruiz,1990-13-01,COL,\n"
                          "p2,Eva\n");
  Outcome r = run("screen --watchlist " + list_ + " --input " + in + " --id-column entry "
                  "--field given_name=first --field surname=last --field date_of_birth=born "
                  "--output " + out_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(in + ":2: column 'born': '1990-13-01'"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(in + ":3: has 2 fields, the header 6"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 bad row(s) in " + in + "; nothing was screened"), std::string::npos);
  Outcome column = run("screen --watchlist " + list_ + " --input " + in + " --id-column entry "
                       "--field surname=apellido --output " + out_);
  EXPECT_EQ(column.exit_code, 1);
  EXPECT_NE(column.output.find("no column 'apellido'"), std::string::npos) << column.output;
  Outcome threshold = run("screen --watchlist " + list_ + " --input " + in +
                          " --id-column entry --field surname=last --threshold 1 --output " + out_);
  EXPECT_EQ(threshold.exit_code, 1);
  EXPECT_NE(threshold.output.find("--threshold"), std::string::npos);
}


// The same invariant as the service's and the API's: random histories of protection records,
// decisions and executions through the command line never execute a forbidden return.
class ReturnsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string file = dir_.file("reg.csv");
    testing::write_file(file,
        "group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,"
        "nationality,document_type,document_country,document_number,phone,relationship,"
        "departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,"
        "violence_survivor,separated\n"
        "F1,san-vicente,2024-05-02,Rosa,Mora,female,1990-01-01,,ECU,national_id,ECU,0912345678,,head,Turbo,3,200,guide,0,0,0,0,0\n"
        "F2,san-vicente,2024-05-02,Kevin,Joseph,male,2015-01-01,,HTI,none,,,,head,Acandí,7,,,0,0,0,0,0\n"
        "F3,san-vicente,2024-05-02,Luis,Rojas,male,1980-06-01,,COL,none,,,,head,Acandí,7,,,0,0,0,0,0\n");
    Outcome ok = run("import registrations --db " + db() + " " + file);
    ASSERT_EQ(ok.exit_code, 0) << ok.output;
  }
  std::string db() const { return dir_.file("cli.db"); }
  testing::TempDir dir_;
};

TEST_F(ReturnsCliTest, RandomHistoriesNeverExecuteAForbiddenReturn) {
  const std::map<int, bool> child = {{1, false}, {2, true}, {3, false}};
  std::map<int, std::map<int, std::string>> claims;
  std::map<int, std::string> trafficking;
  std::map<int, bool> bia_return;
  std::map<int, int> waiting;  // return id -> person
  auto forbidden = [&](int p) {
    for (const auto& [id, s] : claims[p]) {
      if (s == "pending" || s == "under_appeal" || s == "recognised") return true;
    }
    if (trafficking[p] == "recognised" || trafficking[p] == "suspected") return true;
    return child.at(p) && !bia_return[p];
  };
  auto number_after = [](const std::string& text, const std::string& word) {
    auto pos = text.find(word);
    return pos == std::string::npos ? 0 : std::stoi(text.substr(pos + word.size()));
  };
  const std::string base = " --db " + db();
  const char* statuses[] = {"recognised", "rejected", "under_appeal", "rejected_final", "withdrawn"};
  const char* outcomes[] = {"no_indicators", "suspected", "recognised", "not_a_victim"};
  std::mt19937 rng(5);
  int executed = 0, stopped = 0;
  for (int step = 0; step < 60; ++step) {
    const int p = 1 + static_cast<int>(rng() % 3);
    const std::string person = " --person " + std::to_string(p);
    switch (rng() % 6) {
      case 0: {
        Outcome r = run("protection claim" + base + person + " --on 2024-05-03");
        ASSERT_EQ(r.exit_code, 0) << r.output;
        claims[p][number_after(r.output, "claim ")] = "pending";
        break;
      }
      case 1: {
        if (claims[p].empty()) break;
        auto it = std::next(claims[p].begin(), static_cast<long>(rng() % claims[p].size()));
        std::string to = statuses[rng() % 5];
        Outcome r = run("protection claim" + base + " --claim " + std::to_string(it->first) +
                        " --status " + to + " --on 2024-06-01");
        if (r.exit_code == 0) it->second = to;
        break;
      }
      case 2: {
        std::string outcome = outcomes[rng() % 4];
        std::string ticked = outcome == "no_indicators" ? "" : " --indicator debt_bondage";
        Outcome r = run("protection trafficking" + base + person + ticked + " --outcome " + outcome +
                        " --on 2024-05-03");
        ASSERT_EQ(r.exit_code, 0) << r.output;
        trafficking[p] = outcome;
        break;
      }
      case 3: {
        if (!child.at(p)) break;
        const bool recommend = rng() % 2 == 0;
        Outcome r = run("protection best-interest" + base + person + " --status completed "
                        "--recommendation " + (recommend ? "return" : "stay"));
        ASSERT_EQ(r.exit_code, 0) << r.output;
        bia_return[p] = recommend;
        break;
      }
      case 4: {
        Outcome r = run("returns decide" + base + person + " --to COL --reason 'no visa'");
        if (r.exit_code == 0) {
          EXPECT_FALSE(forbidden(p)) << r.output;
          waiting[number_after(r.output, "return ")] = p;
        } else if (r.exit_code == 3) {
          EXPECT_TRUE(forbidden(p)) << r.output;
        }
        break;
      }
      default: {
        if (waiting.empty()) break;
        auto it = std::next(waiting.begin(), static_cast<long>(rng() % waiting.size()));
        Outcome r = run("returns execute" + base + " --return " + std::to_string(it->first));
        if (forbidden(it->second)) {
          EXPECT_EQ(r.exit_code, 3) << r.output;
          EXPECT_NE(r.output.find("STOPPED"), std::string::npos) << r.output;
          ++stopped;
        } else {
          EXPECT_EQ(r.exit_code, 0) << r.output;
          ++executed;
        }
        waiting.erase(it);
        break;
      }
    }
  }
  Outcome figures = run("screening figures" + base);
  EXPECT_EQ(figures.exit_code, 0) << figures.output;
  EXPECT_NE(figures.output.find("measure,nationality,month,count"), std::string::npos);
  EXPECT_GT(executed, 0);
  EXPECT_GT(stopped, 0);
}

TEST_F(ReturnsCliTest, WatchlistImportScreeningAndRules) {
  std::string list = dir_.file("wanted.csv");
  testing::write_file(list, "entry_id,name,aliases,dates_of_birth,nationalities\n"
                            "W-9,Luis Rojas,El Rolo,1980-06-01,COL\n");
  Outcome imported = run("watchlist import --db " + db() + " --name wanted --kind wanted " + list);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("imported 1 entries into watchlist 'wanted' as version 1; screening now holds 1 entries (2 names and aliases)"),
            std::string::npos) << imported.output;
  // A file imported after the list: its people are screened as they are stored.
  std::string more = dir_.file("more.csv");
  testing::write_file(more,
      "group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,"
      "nationality,document_type,document_country,document_number,phone,relationship,"
      "departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,"
      "violence_survivor,separated\n"
      "H1,san-vicente,2024-05-03,El,Rolo,male,1980-06-01,,COL,none,,,,head,Acandí,7,,,0,0,0,0,0\n"
      "H2,san-vicente,2024-05-03,Marie,Joseph,female,2001-05-05,,HTI,none,,,,head,Acandí,7,,,0,0,0,0,0\n");
  Outcome screened = run("import registrations --db " + db() + " " + more);
  ASSERT_EQ(screened.exit_code, 0) << screened.output;
  EXPECT_NE(screened.output.find("screened 2 people against the watchlists and earlier records in "),
            std::string::npos) << screened.output;
  EXPECT_NE(screened.output.find("s: 1 with hits ("), std::string::npos) << screened.output;
  EXPECT_EQ(screened.output.find("W-9"), std::string::npos) << screened.output;
  Outcome queued = run("screening run --db " + db() + " --person 4");
  EXPECT_NE(queued.output.find("\n4,watchlist,1,W-9,"), std::string::npos) << queued.output;

  Outcome hits = run("screening run --db " + db() + " --person 3 --person 1");
  ASSERT_EQ(hits.exit_code, 0) << hits.output;
  EXPECT_NE(hits.output.find("\n3,watchlist,1,W-9,"), std::string::npos) << hits.output;
  EXPECT_EQ(hits.output.find("\n1,"), std::string::npos) << hits.output;
  std::string bad = dir_.file("bad.csv");
  testing::write_file(bad, "entry_id,name,nationalities\nW-1,Ana,Colombia\n");
  Outcome refused = run("watchlist import --db " + db() + " --name wanted " + bad);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("line 2, column 'nationalities'"), std::string::npos) << refused.output;
  std::string rules = dir_.file("rules.json");
  testing::write_file(rules, R"({"documents":["passport"],"visa_required":["IND"]})");
  Outcome added = run("rules add --db " + db() + " --effective-on 2024-01-01 " + rules);
  ASSERT_EQ(added.exit_code, 0) << added.output;
  Outcome decided = run("returns decide --db " + db() + " --person 1 --to ECU --reason 'no passport'");
  ASSERT_EQ(decided.exit_code, 0) << decided.output;
  EXPECT_NE(decided.output.find("entry rules version 1"), std::string::npos) << decided.output;
  Outcome check = run("returns check --db " + db() + " --person 2");
  EXPECT_EQ(check.exit_code, 3);
  EXPECT_NE(check.output.find("child_without_best_interest"), std::string::npos) << check.output;
}

// The simulator's list and planted hits, as bench/screen measures recall on them.
TEST(SimWatchlistCli, WritesTheFilesDeterministicallyAndScreeningFindsThePlantedHits) {
  testing::TempDir dir;
  const std::string a = dir.file("a"), b = dir.file("b"), c = dir.file("c");
  Outcome first = run("sim watchlist --entries 400 --registrations 1000 --hit-share 0.1 --seed 5 --out " + a);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("watchlist.csv (400 entries), registrations.csv (1000 registrations)"),
            std::string::npos) << first.output;
  ASSERT_EQ(run("sim watchlist --entries 400 --registrations 1000 --hit-share 0.1 --seed 5 --out " + b).exit_code, 0);
  ASSERT_EQ(run("sim watchlist --entries 400 --registrations 1000 --hit-share 0.1 --seed 6 --out " + c).exit_code, 0);
  for (const char* f : {"/watchlist.csv", "/registrations.csv", "/truth.csv"}) {
    EXPECT_FALSE(slurp(a + f).empty()) << f;
    EXPECT_EQ(slurp(a + f), slurp(b + f)) << f;
    EXPECT_NE(slurp(a + f), slurp(c + f)) << f;
  }
  // The planted share: 10% of 1,000, give or take the draw, as the summary says.
  const std::string truth = slurp(a + "/truth.csv");
  const auto planted = std::count(truth.begin(), truth.end(), '\n') - 1;
  EXPECT_GT(planted, 70);
  EXPECT_LT(planted, 130);
  EXPECT_NE(first.output.find("truth.csv (" + std::to_string(planted) + " planted hits)"),
            std::string::npos) << first.output;

  Outcome screened = run("screen --watchlist " + a + "/watchlist.csv --watchlist-id-column entry_id "
                         "--watchlist-field given_name=given_name --watchlist-field surname=surname "
                         "--watchlist-field date_of_birth=date_of_birth --watchlist-field nationality=nationality "
                         "--watchlist-field alias=aliases --input " + a + "/registrations.csv --id-column id "
                         "--field given_name=given_name --field surname=surname "
                         "--field date_of_birth=date_of_birth --field nationality=nationality "
                         "--output " + dir.file("hits.csv"));
  ASSERT_EQ(screened.exit_code, 0) << screened.output;
  const std::string hits = slurp(dir.file("hits.csv"));
  std::int64_t found = 0;
  std::size_t at = truth.find('\n') + 1;
  while (at < truth.size()) {
    const auto end = truth.find('\n', at);
    const std::string row = truth.substr(at, end - at);  // id,entry_id
    found += hits.find("\n" + row + ",") != std::string::npos ? 1 : 0;
    at = end + 1;
  }
  // The benchmark's target is 0.98 on 100,000 entries; a small list must do at least as well
  // give or take a miss.
  EXPECT_GE(static_cast<double>(found), 0.95 * static_cast<double>(planted)) << found << " of " << planted;

  Outcome bad = run("sim watchlist --entries 0 --out " + dir.file("d"));
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("'entries'"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace escudo::cli

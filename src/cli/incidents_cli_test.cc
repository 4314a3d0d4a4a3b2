// `escudo incidents import-mmp`, `escudo hotspots`, `escudo plan`: the command forms scripts
// rely on, their output and their errors.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "base/json.h"
#include "testing/temp_dir.h"

namespace escudo::cli {
namespace {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string all;
};

Outcome run_escudo(const std::string& args) {
  testing::TempDir dir;
  std::string err = dir.file("stderr");
  std::string command = std::string(ESCUDO_BINARY) + " " + args + " 2>" + err;
  Outcome r;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buffer;
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.all = r.out;
  if (std::FILE* e = std::fopen(err.c_str(), "r")) {
    while ((n = std::fread(buffer.data(), 1, buffer.size(), e)) > 0) r.all.append(buffer.data(), n);
    std::fclose(e);
  }
  return r;
}

std::string mmp() { return testing::source_dir() + "/data/incidents/mmp_panama_colombia.csv"; }

TEST(IncidentsCliTest, ImportCountsHotspotsAndPlan) {
  testing::TempDir dir;
  std::string db = dir.file("e.db");
  auto imported = run_escudo("incidents import-mmp --db " + db + " " + mmp());
  ASSERT_EQ(imported.exit_code, 0) << imported.all;
  EXPECT_NE(imported.out.find("349 incidents"), std::string::npos) << imported.out;

  auto counts = run_escudo("incidents counts --db " + db + " --darien --format csv");
  ASSERT_EQ(counts.exit_code, 0) << counts.all;
  std::map<std::string, long> dead;
  std::istringstream lines(counts.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "year,type,incidents,dead_or_missing,victims");
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::istringstream l(line);
    for (std::string x; std::getline(l, x, ',');) f.push_back(x);
    dead[f[0]] += std::stol(f[3]);
  }
  EXPECT_EQ(dead["2022"], 147);
  EXPECT_EQ(dead["2024"], 177);

  auto spots = run_escudo("hotspots --db " + db + " --from 2022-01 --to 2024-12 --format geojson");
  ASSERT_EQ(spots.exit_code, 0) << spots.all;
  auto doc = parse_json(spots.out, 12);
  ASSERT_TRUE(doc) << spots.out.substr(0, 200);
  EXPECT_EQ(doc->get_string("type").value(), "FeatureCollection");
  auto features = doc->get_array("features").value();
  ASSERT_FALSE(features.empty());
  EXPECT_EQ(features[0]->get_object("geometry").value()->get_string("type").value(), "Polygon");

  auto plan = run_escudo("plan --db " + db + " --units 1200 --period 2024-12 --format json");
  ASSERT_EQ(plan.exit_code, 0) << plan.all;
  auto p = parse_json(plan.out, 10);
  ASSERT_TRUE(p) << plan.out.substr(0, 200);
  auto sectors = p->get_array("sectors").value();
  EXPECT_GE(sectors.size(), 8u);
  double used = 0;
  for (const auto* s : sectors) used += s->get_optional_double("expected_units").value().value();
  EXPECT_LE(used, 1200 + 1e-6);
  EXPECT_EQ(p->get_array("shifts").value().size(), 14u);
}

TEST(IncidentsCliTest, ABadFileNamesLineAndFieldAndStoresNothing) {
  testing::TempDir dir;
  std::string db = dir.file("e.db");
  std::string bad = dir.file("bad.csv");
  {
    std::ifstream in(mmp());
    std::ofstream out(bad);
    std::string line;
    int n = 0;
    while (std::getline(in, line) && n < 4) {
      if (++n == 3) line.replace(line.find("7.738712"), 8, "north");
      out << line << "\n";
    }
  }
  auto r = run_escudo("incidents import-mmp --db " + db + " " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.all.find(":3:"), std::string::npos) << r.all;
  EXPECT_NE(r.all.find("lat"), std::string::npos) << r.all;
  EXPECT_NE(r.all.find("nothing was stored"), std::string::npos) << r.all;
  auto counts = run_escudo("incidents counts --db " + db);
  EXPECT_EQ(counts.out, "year,type,incidents,dead_or_missing,victims\n");
  auto plan = run_escudo("plan --db " + db + " --units 10 --fix NOPE=1");
  EXPECT_EQ(plan.exit_code, 1);
  EXPECT_NE(plan.all.find("no sector 'NOPE'"), std::string::npos) << plan.all;
}

}  // namespace
}  // namespace escudo::cli

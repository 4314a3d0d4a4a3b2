// `escudo network …` as a script would run it: the command forms, their output and errors.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "testing/temp_dir.h"

namespace escudo::cli {
namespace {

struct Outcome {
  int exit_code = -1;
  std::string out;  // stdout
  std::string all;  // stdout and stderr
};

Outcome run(const std::string& args) {
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
  std::FILE* e = std::fopen(err.c_str(), "r");
  r.all = r.out;
  if (e != nullptr) {
    while ((n = std::fread(buffer.data(), 1, buffer.size(), e)) > 0) r.all.append(buffer.data(), n);
    std::fclose(e);
  }
  return r;
}

std::string network(const std::string& relative) {
  return testing::source_dir() + "/data/networks/" + relative;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream l(line);
    while (std::getline(l, field, ',')) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

class NetworkCliTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
};

TEST_F(NetworkCliTest, AnalyzeAMatrixGivesEveryMeasureForEveryNode) {
  Outcome r = run("network analyze --edges " + network("caviar/caviar_aggregate_adj.csv") +
                  " --matrix --measures degree,betweenness,pagerank,closeness,kcore --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.all;
  auto rows = csv_rows(r.out);
  ASSERT_EQ(rows.size(), 111u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"node", "degree", "betweenness", "pagerank", "closeness", "kcore"}));
  // n1 leads by degree (60) and betweenness.
  std::map<std::string, std::vector<std::string>> by_node;
  double best_bc = -1;
  std::string best;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 6u);
    by_node[rows[i][0]] = rows[i];
    if (std::stod(rows[i][2]) > best_bc) {
      best_bc = std::stod(rows[i][2]);
      best = rows[i][0];
    }
  }
  EXPECT_EQ(best, "1");
  EXPECT_EQ(by_node["1"][1], "60");
  EXPECT_NE(r.all.find("110 nodes, 205 edges"), std::string::npos);
}

TEST_F(NetworkCliTest, BetweennessFromSampledPathsStillPutsTheMastermindFirst) {
  Outcome r = run("network analyze --edges " + network("caviar/caviar_aggregate_adj.csv") +
                  " --matrix --measures betweenness --paths 20000 --seed 3 --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.all;
  auto rows = csv_rows(r.out);
  ASSERT_EQ(rows.size(), 111u);
  std::vector<std::pair<double, std::string>> ranked;
  for (std::size_t i = 1; i < rows.size(); ++i) ranked.emplace_back(std::stod(rows[i][1]), rows[i][0]);
  std::sort(ranked.rbegin(), ranked.rend());
  EXPECT_EQ(ranked[0].second, "1");
  EXPECT_EQ(ranked[1].second, "12");
  // Exact: 0.637 for n1; 20,000 paths put it within a few hundredths.
  EXPECT_NEAR(ranked[0].first, 0.637, 0.03);
}

TEST_F(NetworkCliTest, AnalyzeAnEdgeListWithWeightsAndJson) {
  std::string edges = dir_.file("calls.csv");
  testing::write_file(edges, "caller,callee,calls,note\nana,luis,3,x\nluis,eva,1,y\nana,eva,2,z\n");
  Outcome r = run("network analyze --edges " + edges +
                  " --directed --weight-column calls --measures strength,in_degree --format json");
  ASSERT_EQ(r.exit_code, 0) << r.all;
  EXPECT_NE(r.out.find("{\"node\":\"ana\",\"strength\":5,\"in_degree\":0}"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{\"node\":\"eva\",\"strength\":3,\"in_degree\":2}"), std::string::npos) << r.out;
  // Named source and target columns.
  Outcome named = run("network analyze --edges " + edges +
                      " --source-column callee --target-column caller --measures degree --format csv");
  ASSERT_EQ(named.exit_code, 0) << named.all;
  EXPECT_EQ(named.out.substr(0, 16), "node,degree\nluis");
}

TEST_F(NetworkCliTest, TwoModeIsProjectedOntoPeople) {
  std::string meetings = dir_.file("meetings.csv");
  testing::write_file(meetings, "person,meeting\nana,m1\nluis,m1\nana,m2\nluis,m2\neva,m2\n");
  Outcome r = run("network analyze --edges " + meetings + " --two-mode --measures strength --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.all;
  EXPECT_EQ(r.out, "node,strength\nana,3\nluis,3\neva,2\n");
  std::string matrix = dir_.file("meetings_matrix.csv");
  testing::write_file(matrix, ",m1,m2\nana,1,1\nluis,1,1\neva,0,1\n");
  Outcome m = run("network analyze --edges " + matrix + " --matrix --two-mode --measures strength --format csv");
  ASSERT_EQ(m.exit_code, 0) << m.all;
  EXPECT_EQ(m.out, r.out);
}

TEST_F(NetworkCliTest, ErrorsNameFileLineAndColumn) {
  std::string bad = dir_.file("bad.csv");
  testing::write_file(bad, "from,to,amount\na,b,10\nb,c,ten\n");
  Outcome r = run("network analyze --edges " + bad + " --weight-column amount --format csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.all.find(bad + ": line 3, column 5: amount: 'ten' is not a number"), std::string::npos) << r.all;

  std::string ragged = dir_.file("ragged.csv");
  testing::write_file(ragged, ",a,b\na,0,1\nb,1\n");
  r = run("network analyze --edges " + ragged + " --matrix --format csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.all.find(ragged + ": line 3: the row has 2 cells, the header (line 1) has 3"), std::string::npos)
      << r.all;

  std::string disagree = dir_.file("disagree.csv");
  testing::write_file(disagree, ",a,b\na,0,1\nc,1,0\n");
  r = run("network analyze --edges " + disagree + " --matrix --format csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.all.find(disagree + ": line 3, column 1: row 'c' is not among the header's column names"),
            std::string::npos)
      << r.all;

  r = run("network analyze --edges " + bad + " --weight-column cost --format csv");
  EXPECT_NE(r.all.find("no column 'cost'"), std::string::npos) << r.all;
  r = run("network analyze --edges " + bad + " --measures fame");
  EXPECT_NE(r.all.find("'fame' is not a measure"), std::string::npos) << r.all;
  r = run("network analyze --edges /no/such/file.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.all.find("/no/such/file.csv"), std::string::npos);
}

TEST_F(NetworkCliTest, CommunitiesAreReproducibleWithASeed) {
  std::string args = "network communities --edges " + network("montreal_gangs/montreal_gangs_adj.csv") +
                     " --matrix --seed 7 --format csv";
  Outcome a = run(args);
  Outcome b = run(args);
  ASSERT_EQ(a.exit_code, 0) << a.all;
  EXPECT_EQ(a.out, b.out);
  auto rows = csv_rows(a.out);
  ASSERT_EQ(rows.size(), 36u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"node", "community"}));
  std::set<std::string> communities;
  for (std::size_t i = 1; i < rows.size(); ++i) communities.insert(rows[i][1]);
  EXPECT_GE(communities.size(), 4u);  // at least one per component
  EXPECT_NE(a.all.find("modularity"), std::string::npos);
}

TEST_F(NetworkCliTest, DisruptReportsWhoWasRemovedAndWhatIsLeft) {
  Outcome r = run("network disrupt --edges " + network("natarajan_cocaine/cocaine_adj.csv") +
                  " --matrix --by betweenness --steps 3 --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.all;
  auto rows = csv_rows(r.out);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"step", "removed", "betweenness", "largest_component", "components"}));
  EXPECT_EQ(rows[1][0], "0");
  EXPECT_EQ(rows[1][3], "28");
  // Without Kay the network falls into 12 groups, the largest of 16; recomputed betweenness
  // then picks Tommy and Blacky.
  EXPECT_EQ(rows[2][1], "Kay");
  EXPECT_EQ(rows[2][2], "0.8874643875");
  EXPECT_EQ(rows[2][3], "16");
  EXPECT_EQ(rows[2][4], "12");
  EXPECT_EQ(rows[3][1], "Tommy");
  EXPECT_EQ(rows[3][3], "7");
  EXPECT_EQ(rows[4][1], "Blacky");
  // Following the intact ranking instead, Steve comes third.
  Outcome fixed = run("network disrupt --edges " + network("natarajan_cocaine/cocaine_adj.csv") +
                      " --matrix --by betweenness --steps 3 --no-recompute --format csv");
  auto fixed_rows = csv_rows(fixed.out);
  ASSERT_EQ(fixed_rows.size(), 5u) << fixed.all;
  EXPECT_EQ(fixed_rows[4][1], "Steve");
  Outcome json = run("network disrupt --edges " + network("natarajan_cocaine/cocaine_adj.csv") +
                     " --matrix --by degree --steps 1 --format json");
  EXPECT_NE(json.out.find("\"removed\":\"Kay\""), std::string::npos) << json.all;
}

TEST_F(NetworkCliTest, PathAndExport) {
  std::string edges = dir_.file("links.csv");
  testing::write_file(edges, "a,b\nA&B <x>,m\nm,z\nA&B <x>,q\nq,r\nr,z\n");
  Outcome p = run("network path --edges " + edges + " --from 'A&B <x>' --to z --k 2");
  ASSERT_EQ(p.exit_code, 0) << p.all;
  EXPECT_EQ(p.out, "rank,length,hops,path\n1,2,2,A&B <x> > m > z\n2,3,3,A&B <x> > q > r > z\n");
  Outcome missing = run("network path --edges " + edges + " --from nobody --to z");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.all.find("--from 'nobody': no such node"), std::string::npos);

  Outcome g = run("network export --edges " + edges + " --format graphml");
  ASSERT_EQ(g.exit_code, 0) << g.all;
  EXPECT_NE(g.out.find("<data key=\"name\">A&amp;B &lt;x&gt;</data>"), std::string::npos) << g.out;
  EXPECT_EQ(g.out.find("A&B"), std::string::npos);
  std::string gexf = dir_.file("out.gexf");
  Outcome x = run("network export --edges " + edges + " --format gexf --out " + gexf);
  ASSERT_EQ(x.exit_code, 0) << x.all;
  std::FILE* f = std::fopen(gexf.c_str(), "r");
  ASSERT_NE(f, nullptr);
  std::string content(4096, '\0');
  content.resize(std::fread(content.data(), 1, content.size(), f));
  std::fclose(f);
  EXPECT_NE(content.find("label=\"A&amp;B &lt;x&gt;\""), std::string::npos);
  EXPECT_NE(run("network export --edges " + edges + " --format dot").all.find("use graphml or gexf"),
            std::string::npos);
}

TEST_F(NetworkCliTest, SimNetworkWritesTheTracesAndTheTruthApart) {
  std::string out = dir_.file("sim");
  Outcome r = run("sim network --seed 4 --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.all;
  auto read = [](const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "r");
    std::string text;
    if (f == nullptr) return text;
    std::array<char, 65536> buffer;
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) text.append(buffer.data(), n);
    std::fclose(f);
    return text;
  };
  std::string calls = read(out + "/calls.csv");
  std::string transfers = read(out + "/transfers.csv");
  std::string mentions = read(out + "/mentions.csv");
  std::string truth = read(out + "/truth.csv");
  EXPECT_EQ(calls.substr(0, calls.find('\n')), "caller_phone,callee_phone,time,duration_s");
  EXPECT_EQ(transfers.substr(0, transfers.find('\n')), "sender_account,receiver_account,amount,date");
  EXPECT_EQ(mentions.substr(0, mentions.find('\n')), "interview_id,name,role_words,place,date");
  EXPECT_EQ(truth.substr(0, truth.find('\n')), "person_id,name,nickname,role,segment,boss,phones,accounts");
  EXPECT_NE(truth.find(",regional_leader,"), std::string::npos);
  // The traces name no role: the truth is apart.
  EXPECT_EQ(calls.find("leader"), std::string::npos);
  // The calls load as a network of phones.
  Outcome a = run("network analyze --edges " + out + "/calls.csv --directed --measures degree --format csv");
  ASSERT_EQ(a.exit_code, 0) << a.all;
  EXPECT_GT(csv_rows(a.out).size(), 500u);
  // Same seed, same files.
  std::string again = dir_.file("sim2");
  ASSERT_EQ(run("sim network --seed 4 --out " + again).exit_code, 0);
  EXPECT_EQ(read(again + "/calls.csv"), calls);
}

}  // namespace
}  // namespace escudo::cli

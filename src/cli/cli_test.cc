// Runs the real `escudo` binary as an operator would and checks its output and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <vector>
#include <string>

#include "service/services.h"
#include "testing/temp_dir.h"

namespace escudo::cli {
namespace {

struct Outcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

Outcome run(const std::string& args, const std::string& stdin_text = "") {
  std::string command = std::string(ESCUDO_BINARY) + " " + args + " 2>&1";
  if (!stdin_text.empty()) command = "printf '%s\\n' '" + stdin_text + "' | " + command;
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

class CliTest : public ::testing::Test {
 protected:
  std::string db() const { return dir_.file("cli.db"); }
  std::string official(const std::string& name) const {
    return testing::source_dir() + "/data/official/" + name;
  }
  testing::TempDir dir_;
};

TEST_F(CliTest, VersionAndHelp) {
  Outcome v = run("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.output.find("escudo 0."), std::string::npos);
  for (const char* cmd : {"serve", "demo", "user add", "user list", "user passwd", "user disable",
                          "audit verify", "import transits", "tips init", "tips grant",
                          "tips rotate", "tips stats", "rewards tier", "rewards report"}) {
    Outcome h = run(std::string(cmd) + " --help");
    EXPECT_EQ(h.exit_code, 0) << cmd;
    EXPECT_NE(h.output.find("--db"), std::string::npos) << cmd;
  }
  EXPECT_NE(run("nonsense").exit_code, 0);
}

TEST_F(CliTest, TipDeskKeysStatisticsAndRewards) {
  ASSERT_EQ(run("user add --db " + db() + " --name desk.one --role tip_handler --password-stdin",
                "first handler password").exit_code, 0);
  Outcome init = run("tips init --db " + db());
  ASSERT_EQ(init.exit_code, 0) << init.output;
  EXPECT_NE(init.output.find("granted to: desk.one"), std::string::npos) << init.output;
  EXPECT_NE(run("tips init --db " + db()).exit_code, 0);  // only once
  ASSERT_EQ(run("user add --db " + db() + " --name desk.two --role tip_handler --password-stdin",
                "second handler password").exit_code, 0);
  Outcome wrong = run("tips grant --db " + db() + " --name desk.two --by desk.one --password-stdin",
                      "not the password");
  EXPECT_NE(wrong.exit_code, 0);
  EXPECT_NE(wrong.output.find("password is wrong"), std::string::npos) << wrong.output;
  Outcome grant = run("tips grant --db " + db() + " --name desk.two --by desk.one --password-stdin",
                      "first handler password");
  ASSERT_EQ(grant.exit_code, 0) << grant.output;
  Outcome rotate = run("tips rotate --db " + db() + " --by desk.two --password-stdin",
                       "second handler password");
  ASSERT_EQ(rotate.exit_code, 0) << rotate.output;
  EXPECT_NE(rotate.output.find("granted to desk.one, desk.two"), std::string::npos) << rotate.output;
  Outcome stats = run("tips stats --db " + db());
  ASSERT_EQ(stats.exit_code, 0) << stats.output;
  EXPECT_NE(stats.output.find("dimension,value,count"), std::string::npos);
  EXPECT_NE(stats.output.find("total,,0"), std::string::npos);
  Outcome tier = run("rewards tier --db " + db() + " --code finances --name 'Finances' --ceiling-usd 1,500,000");
  ASSERT_EQ(tier.exit_code, 0) << tier.output;
  EXPECT_NE(tier.output.find("$1,500,000.00"), std::string::npos);
  EXPECT_NE(run("rewards tier --db " + db() + " --code finances --name F --ceiling-usd lots").exit_code, 0);
  Outcome report = run("rewards report --db " + db());
  EXPECT_EQ(report.exit_code, 0);
  EXPECT_NE(report.output.find("tier,status,count,proposed_usd,paid_usd"), std::string::npos);
  Outcome verify = run("audit verify --db " + db());
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

TEST_F(CliTest, UserAddListDisable) {
  Outcome add = run("user add --db " + db() + " --name ana --role analyst --agency SNM "
                "--display-name 'Ana Pérez' --password-stdin",
                "a good long password");
  ASSERT_EQ(add.exit_code, 0) << add.output;
  EXPECT_NE(add.output.find("user ana created"), std::string::npos);
  EXPECT_EQ(add.output.find("totp secret"), std::string::npos);
  Outcome admin = run("user add --db " + db() + " --name boss --role admin --password-stdin",
                  "another long password");
  ASSERT_EQ(admin.exit_code, 0);
  EXPECT_NE(admin.output.find("totp secret: "), std::string::npos);
  Outcome weak = run("user add --db " + db() + " --name weak --role analyst --password-stdin", "short");
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_NE(weak.output.find("at least 10 characters"), std::string::npos);
  Outcome bad_role = run("user add --db " + db() + " --name x --role king --password-stdin",
                     "long enough password");
  EXPECT_EQ(bad_role.exit_code, 1);
  EXPECT_NE(bad_role.output.find("'king' is not a role"), std::string::npos);
  Outcome list = run("user list --db " + db());
  EXPECT_NE(list.output.find("Ana Pérez"), std::string::npos);
  EXPECT_EQ(list.output.find("argon2"), std::string::npos);
  EXPECT_EQ(run("user disable --db " + db() + " --name ana").exit_code, 0);
  EXPECT_NE(run("user list --db " + db()).output.find("disabled"), std::string::npos);
  EXPECT_EQ(run("user disable --db " + db() + " --name nobody").exit_code, 1);
  EXPECT_EQ(run("user passwd --db " + db() + " --name ana --password-stdin", "new long password")
                .exit_code,
            0);
}

TEST_F(CliTest, ImportReportsEveryBadRowAndStoresNothing) {
  std::string bad = dir_.file("bad.csv");
  testing::write_file(bad, "month,period_type,quarter,nationality_iso3,count\n"
                           "2023-01,month,2023-Q1,VEN,10\n"
                           "2023-01,month,2023-Q1,HTI,ten\n"
                           "2023-14,month,2023-Q1,CUB,1\n");
  Outcome r = run("import transits --db " + db() + " " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(bad + ":3:27: count: 'ten' is not a whole number"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find(bad + ":4:1: month:"), std::string::npos);
  EXPECT_NE(r.output.find("nothing was stored"), std::string::npos);
  auto services = service::Services::open_sqlite(db()).value();
  EXPECT_EQ(services->pool().acquire()->query_int(
                "SELECT COUNT(*) FROM transit_nationality_counts").value(),
            0);

  Outcome good = run("import transits --db " + db() + " " + official("darien_transits_by_nationality.csv") +
                 " " + official("darien_transits_by_sex_age.csv"));
  EXPECT_EQ(good.exit_code, 0) << good.output;
  EXPECT_NE(good.output.find("2387 rows"), std::string::npos);
  EXPECT_NE(good.output.find("160 rows"), std::string::npos);
  EXPECT_NE(good.output.find("importing darien_transits_by_nationality.csv: 100%"),
            std::string::npos);
  EXPECT_NE(run("import transits --db " + db() + " /no/such/file.csv").exit_code, 0);
}

TEST_F(CliTest, StatsReproduceTheOfficialTotals) {
  ASSERT_EQ(run("import transits --db " + db() + " " + official("darien_transits_by_nationality.csv") +
                " " + official("darien_transits_by_sex_age.csv")).exit_code, 0);
  Outcome years = run("stats --db " + db() + " --by year --format csv");
  ASSERT_EQ(years.exit_code, 0) << years.output;
  EXPECT_NE(years.output.find("year,count,share_percent\n"), std::string::npos);
  EXPECT_NE(years.output.find("\n2022,248284,"), std::string::npos);
  EXPECT_NE(years.output.find("\n2023,520085,"), std::string::npos);
  EXPECT_NE(years.output.find("\n2024,302203,"), std::string::npos);
  Outcome kids = run("stats --db " + db() + " --by age_group --from 2023-01 --to 2023-12 --format json");
  EXPECT_NE(kids.output.find(R"({"age_group":"child","count":113180,)"), std::string::npos) << kids.output;
  Outcome ven = run("stats --db " + db() + " --by year --nationality VEN --from 2023-01 --to 2023-12");
  EXPECT_NE(ven.output.find("2023,328650,100.00"), std::string::npos) << ven.output;
  Outcome bad = run("stats --db " + db() + " --by nationality,sex");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("do not cross nationality"), std::string::npos) << bad.output;
  EXPECT_EQ(run("stats --db " + db() + " --by year --from 2023-13").exit_code, 1);

  Outcome projection = run("project --db " + db() + " --year 2023 --cutoff 2023-05 --format json");
  ASSERT_EQ(projection.exit_code, 0) << projection.output;
  EXPECT_NE(projection.output.find(R"("known_to_date":166649)"), std::string::npos);
  EXPECT_NE(projection.output.find(R"("actual":520085)"), std::string::npos);
  Outcome text = run("project --db " + db() + " --year 2023 --cutoff 2023-05");
  EXPECT_NE(text.output.find("year_to_date_scaled"), std::string::npos);
  EXPECT_NE(text.output.find("-23.1%"), std::string::npos) << text.output;
  Outcome outside = run("project --db " + db() + " --year 2023 --cutoff 2022-05");
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_NE(outside.output.find("not in the year 2023"), std::string::npos);
}

TEST_F(CliTest, RegistrationsImportAndCount) {
  std::string file = dir_.file("reg.csv");
  testing::write_file(file,
      "group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,"
      "nationality,document_type,document_country,document_number,phone,relationship,"
      "departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,"
      "violence_survivor,separated\n"
      "F1,san-vicente,2024-05-02,Rosa,Mora,female,,34,ECU,national_id,ECU,0912345678,,head,Turbo,3,200,guide,1,0,0,0,0\n"
      "F2,san-vicente,2024-05-02,Kevin,Joseph,male,2011-01-01,,HTI,none,,,,head,Acandí,7,,,0,0,1,0,0\n");
  Outcome ok = run("import registrations --db " + db() + " " + file);
  ASSERT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("2 groups, 2 people, 1 unaccompanied"), std::string::npos) << ok.output;
  Outcome by_station = run("stats --db " + db() + " --source registered --by station,age_group");
  EXPECT_NE(by_station.output.find("san-vicente,adult,1,"), std::string::npos) << by_station.output;
  EXPECT_NE(by_station.output.find("san-vicente,child,1,"), std::string::npos);
  testing::write_file(dir_.file("bad.csv"), "group_ref,station\nF1,nowhere\n");
  Outcome bad = run("import registrations --db " + db() + " " + dir_.file("bad.csv"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("lacks the column"), std::string::npos) << bad.output;
}

TEST_F(CliTest, SimulatedRegistrationsImportAndAreDeterministic) {
  std::string a = dir_.file("a.csv");
  std::string b = dir_.file("b.csv");
  Outcome first = run("sim transits --count 3000 --seed 7 --out " + a + " --data " +
                      testing::source_dir() + "/data/official");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("3000 people"), std::string::npos) << first.output;
  ASSERT_EQ(run("sim transits --count 3000 --seed 7 --out " + b + " --data " +
                testing::source_dir() + "/data/official").exit_code, 0);
  std::ifstream fa(a), fb(b);
  std::string ca((std::istreambuf_iterator<char>(fa)), {}), cb((std::istreambuf_iterator<char>(fb)), {});
  EXPECT_EQ(ca, cb);
  Outcome imported = run("import registrations --db " + db() + " " + a);
  ASSERT_EQ(imported.exit_code, 0) << imported.output.substr(0, 2000);
  EXPECT_NE(imported.output.find("3000 people"), std::string::npos);
  EXPECT_NE(run("sim transits --count 0 --out " + a).exit_code, 0);
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST_F(CliTest, SimulatedPeopleWithTheirTruthApart) {
  const std::string data = " --data " + testing::source_dir() + "/data/official";
  const std::string out = dir_.file("people.csv");
  const std::string truth = dir_.file("truth.csv");
  Outcome first = run("sim people --count 5000 --seed 3 --out " + out + " --truth " + truth + data);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("records 5000, persons "), std::string::npos) << first.output;
  EXPECT_NE(first.output.find("persons with duplicates"), std::string::npos);
  EXPECT_NE(first.output.find("given_name_typo"), std::string::npos);
  EXPECT_NE(first.output.find("twin pairs"), std::string::npos);

  const std::vector<std::string> records = lines_of(read_all(out));
  const std::vector<std::string> truths = lines_of(read_all(truth));
  ASSERT_EQ(records.size(), 5001u);
  ASSERT_EQ(truths.size(), 5001u);
  EXPECT_EQ(records[0],
            "record_id,given_name,surname,sex,date_of_birth,nationality,document_type,"
            "document_country,document_number,phone");
  EXPECT_EQ(truths[0], "record_id,person_id");
  std::set<std::string> ids;
  std::set<std::string> truth_ids;
  std::set<std::string> persons;
  for (std::size_t i = 1; i < records.size(); ++i) {
    ids.insert(records[i].substr(0, records[i].find(',')));
    truth_ids.insert(truths[i].substr(0, truths[i].find(',')));
    persons.insert(truths[i].substr(truths[i].find(',') + 1));
  }
  EXPECT_EQ(ids.size(), 5000u);
  EXPECT_EQ(ids, truth_ids);
  EXPECT_EQ(ids.count("r0000000") + ids.count("r0004999"), 2u);
  EXPECT_LT(persons.size(), 4500u) << "some persons must have several records";
  EXPECT_GT(persons.size(), 3000u);

  const std::string out2 = dir_.file("people2.csv");
  const std::string truth2 = dir_.file("truth2.csv");
  ASSERT_EQ(run("sim people --count 5000 --seed 3 --out " + out2 + " --truth " + truth2 + data)
                .exit_code, 0);
  EXPECT_TRUE(read_all(out) == read_all(out2));
  EXPECT_TRUE(read_all(truth) == read_all(truth2));
  ASSERT_EQ(run("sim people --count 5000 --seed 4 --out " + out2 + " --truth " + truth2 + data)
                .exit_code, 0);
  EXPECT_NE(read_all(out), read_all(out2));
}

TEST_F(CliTest, SimulatedPeopleRefusesBadInputClearly) {
  const std::string data = " --data " + testing::source_dir() + "/data/official";
  const std::string files = " --out " + dir_.file("p.csv") + " --truth " + dir_.file("t.csv");
  Outcome negative = run("sim people --count -5" + files + data);
  EXPECT_EQ(negative.exit_code, 1) << negative.output;
  EXPECT_NE(negative.output.find("--count must be a positive number"), std::string::npos)
      << negative.output;
  EXPECT_EQ(run("sim people --count 0" + files + data).exit_code, 1);
  EXPECT_EQ(run("sim people --count 5000000000" + files + data).exit_code, 1);
  Outcome words = run("sim people --count many" + files + data);
  EXPECT_GT(words.exit_code, 0) << words.output;
  EXPECT_NE(words.output.find("--count"), std::string::npos) << words.output;

  Outcome unwritable = run("sim people --count 10 --out /no/such/dir/p.csv --truth " +
                           dir_.file("t.csv") + data);
  EXPECT_EQ(unwritable.exit_code, 1);
  EXPECT_NE(unwritable.output.find("cannot write /no/such/dir/p.csv"), std::string::npos)
      << unwritable.output;
  Outcome truth_unwritable = run("sim people --count 10 --out " + dir_.file("p.csv") +
                                 " --truth /no/such/dir/t.csv" + data);
  EXPECT_EQ(truth_unwritable.exit_code, 1);
  EXPECT_NE(truth_unwritable.output.find("cannot write /no/such/dir/t.csv"), std::string::npos);
  Outcome same = run("sim people --count 10 --out " + dir_.file("p.csv") + " --truth " +
                     dir_.file("p.csv") + data);
  EXPECT_EQ(same.exit_code, 1);
  EXPECT_NE(same.output.find("different files"), std::string::npos) << same.output;
  Outcome no_data = run("sim people --count 10" + files + " --data " + dir_.file("nowhere"));
  EXPECT_EQ(no_data.exit_code, 1);
  EXPECT_NE(no_data.output.find("escudo: "), std::string::npos) << no_data.output;
  EXPECT_EQ(run("sim people --help").exit_code, 0);
}

TEST_F(CliTest, AuditVerifyNamesTheFirstBrokenEntry) {
  ASSERT_EQ(run("user add --db " + db() + " --name ana --role analyst --password-stdin",
                "a good long password").exit_code, 0);
  ASSERT_EQ(run("user add --db " + db() + " --name bob --role analyst --password-stdin",
                "a good long password").exit_code, 0);
  Outcome ok = run("audit verify --db " + db());
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("audit chain holds: 2 entries"), std::string::npos);
  {
    auto services = service::Services::open_sqlite(db()).value();
    auto conn = services->pool().acquire();
    ASSERT_TRUE(conn->execute("DROP TRIGGER audit_log_no_update"));
    ASSERT_TRUE(conn->execute("UPDATE audit_log SET actor = 'someone else' WHERE id = 2"));
  }
  Outcome broken = run("audit verify --db " + db());
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.output.find("BROKEN at entry 2"), std::string::npos) << broken.output;
}

TEST_F(CliTest, ResolveLinksRecordsAndExplainsTheLinks) {
  std::string in = dir_.file("people.csv");
  testing::write_file(in,
      "id,first,last,born,tel,country\n"
      "int-1,José,Mosquera Palacios,07/03/1984,+57 300 123 4567,COL\n"
      "tip-2,Pepe,Palacios Mosquera,07/03/1984,0057 300 123 4567,COL\n"
      "reg-3,Ana,Rodríguez,21/11/1990,,VEN\n"
      "reg-4,Kevin,Joseph,02/02/2001,,HTI\n"
      "\"reg,5\",Ana María,Rodríguez Pérez,21/11/1990,,VEN\n");
  std::string out = dir_.file("entities.csv");
  std::string explain = dir_.file("explain.txt");
  Outcome r = run("resolve --input " + in + " --id-column id --field given_name=first "
                  "--field surname=last --field date_of_birth=born:DD/MM/YYYY --field phone=tel "
                  "--field nationality=country --output " + out + " --explain " + explain +
                  " --save-model " + dir_.file("model.json"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("resolved 5 records into 3 entities"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("pairs compared"), std::string::npos);
  std::string csv = read_all(out);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "record_id,entity_id,probability");
  EXPECT_NE(csv.find("\nint-1,1,\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\ntip-2,1,1.000000\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nreg-4,3,\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n\"reg,5\",2,0.9"), std::string::npos) << csv;
  std::string why = read_all(explain);
  EXPECT_NE(why.find("tip-2 joined through int-1"), std::string::npos) << why;
  EXPECT_NE(why.find("surname: swapped"), std::string::npos) << why;
  EXPECT_NE(why.find("given_name: nickname [jose | pepe]"), std::string::npos) << why;
  EXPECT_NE(why.find("nationality: exact [CO | CO]"), std::string::npos) << why;
  EXPECT_NE(read_all(dir_.file("model.json")).find("escudo-resolve-model"), std::string::npos);

  // The saved model scores a later run the same way.
  Outcome again = run("resolve --input " + in + " --id-column id --field given_name=first "
                      "--field surname=last --field date_of_birth=born:DD/MM/YYYY --output " +
                      out + " --model " + dir_.file("model.json"));
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("model: from --model"), std::string::npos);
}

TEST_F(CliTest, ResolveHoldsNamesakesUnlessTheHoldIsLifted) {
  // The same uncommon name twice, and nothing else: held for review, unless the user lifts it.
  std::string in = dir_.file("namesakes.csv");
  testing::write_file(in,
      "id,first,last\n"
      "a,Wilmer Yonaiker,Graterol Colmenares\n"
      "b,Wilmer Yonaiker,Graterol Colmenares\n");
  std::string out = dir_.file("held.csv");
  const std::string common = "resolve --input " + in +
                             " --id-column id --field given_name=first --field surname=last "
                             "--output " + out;
  Outcome held = run(common);
  ASSERT_EQ(held.exit_code, 0) << held.output;
  EXPECT_NE(held.output.find("resolved 2 records into 2 entities"), std::string::npos) << held.output;
  Outcome lifted = run(common + " --hold-ceiling 1");
  ASSERT_EQ(lifted.exit_code, 0) << lifted.output;
  EXPECT_NE(lifted.output.find("resolved 2 records into 1 entities"), std::string::npos)
      << lifted.output;
  Outcome bad = run(common + " --hold-ceiling 0");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.output.find("--hold-ceiling"), std::string::npos) << bad.output;
}

TEST_F(CliTest, ResolveNamesTheFileLineAndFieldOfBadInput) {
  std::string in = dir_.file("bad.csv");
  testing::write_file(in, "id,name,dob\nr1,Ana,1990-01-01\nr2,Luis,01/02/1990\nr3,Rosa\nr1,Eva,\n");
  std::string out = dir_.file("out.csv");
  Outcome r = run("resolve --input " + in + " --id-column id --field full_name=name "
                  "--field date_of_birth=dob --output " + out);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(in + ":3: column 'dob': '01/02/1990' is not a date in the format YYYY-MM-DD"),
            std::string::npos) << r.output;
  EXPECT_NE(r.output.find(in + ":4: has 2 fields, the header 3"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 bad row(s)"), std::string::npos);
  Outcome lenient = run("resolve --input " + in + " --id-column id --field full_name=name "
                        "--field date_of_birth=dob:DD/MM/YYYY --lenient-dates --output " + out);
  EXPECT_EQ(lenient.exit_code, 1);  // the short row is still an error
  testing::write_file(in, "id,name\nr1,Ana\nr1,Eva\n");
  Outcome dup = run("resolve --input " + in + " --id-column id --field full_name=name --output " + out);
  EXPECT_EQ(dup.exit_code, 1);
  EXPECT_NE(dup.output.find("'r1' appears more than once"), std::string::npos) << dup.output;
  Outcome column = run("resolve --input " + in + " --id-column id --field surname=apellido --output " + out);
  EXPECT_EQ(column.exit_code, 1);
  EXPECT_NE(column.output.find("no column 'apellido'"), std::string::npos) << column.output;
  Outcome kind = run("resolve --input " + in + " --id-column id --field shoe=name --output " + out);
  EXPECT_EQ(kind.exit_code, 1);
  EXPECT_NE(kind.output.find("unknown field kind 'shoe'"), std::string::npos) << kind.output;
  EXPECT_NE(run("resolve --input /no/such.csv --id-column id --field surname=x --output " + out)
                .exit_code, 0);
  EXPECT_EQ(run("resolve --input " + in + " --id-column id --field full_name=name --threshold 2 --output " + out)
                .exit_code, 1);
}

TEST_F(CliTest, UnusableDatabaseIsAClearError) {
  testing::write_file(dir_.file("junk.db"), std::string(8192, 'j'));
  Outcome r = run("user list --db " + dir_.file("junk.db"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("escudo: "), std::string::npos);
  EXPECT_NE(r.output.find("not a database"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace escudo::cli

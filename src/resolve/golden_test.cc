// Runs every golden case in tests/resolve/*.case (the format is in tests/resolve/README.md):
// resolves the records in one batch and again one record at a time, and checks the expected
// clusters, over-shared values and explanation lines in both.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "resolve/entity_index.h"
#include "resolve/test_util.h"
#include "testing/temp_dir.h"

namespace escudo::resolve {
namespace {

namespace fs = std::filesystem;

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r"));
  s.erase(s.find_last_not_of(" \t\r") + 1);
  return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, sep)) out.push_back(trim(part));
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

struct Case {
  ResolveOptions options;
  std::vector<PersonRecord> records;
  std::vector<std::string> expectations;  // with their line numbers in front
};

// Reads "record ID | kind=value | …" into a PersonRecord.
PersonRecord parse_record(const std::string& line, int number) {
  std::vector<std::string> parts = split(line, '|');
  PersonRecord r;
  r.record_id = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::size_t eq = parts[i].find('=');
    if (eq == std::string::npos) {
      ADD_FAILURE() << "line " << number << ": '" << parts[i] << "' is not kind=value";
      continue;
    }
    std::string kind = trim(parts[i].substr(0, eq));
    std::string value = trim(parts[i].substr(eq + 1));
    if (kind == "given_name") r.given_name = value;
    else if (kind == "surname") r.surname = value;
    else if (kind == "full_name") r.full_name = value;
    else if (kind == "alias") r.aliases.push_back(value);
    else if (kind == "date_of_birth") {
      auto d = parse_partial_date(value, DateFormat::kIso);
      if (d) r.date_of_birth = *d;
      else ADD_FAILURE() << "line " << number << ": " << d.error().message();
    }
    else if (kind == "sex") r.sex = value;
    else if (kind == "nationality") r.nationality = value;
    else if (kind == "phone") r.phones.push_back(value);
    else if (kind == "phone_region") r.phone_region = value;
    else if (kind == "address") r.address = value;
    else if (kind == "postcode") r.postcode = value;
    else if (kind == "city") r.city = value;
    else if (kind == "document") {
      std::vector<std::string> d = split(value, '/');
      if (d.size() != 3) ADD_FAILURE() << "line " << number << ": document is TYPE/COUNTRY/NUMBER";
      else r.documents.push_back({d[0], d[1], d[2]});
    } else {
      ADD_FAILURE() << "line " << number << ": unknown field kind '" << kind << "'";
    }
  }
  return r;
}

Case read_case(const fs::path& path) {
  std::ifstream in(path);
  Case c;
  std::string line;
  int number = 0;
  bool expectations = false;
  while (std::getline(in, line)) {
    ++number;
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (line == "----") {
      expectations = true;
      continue;
    }
    if (expectations) {
      c.expectations.push_back(std::to_string(number) + " " + line);
      continue;
    }
    if (line.starts_with("option ")) {
      std::vector<std::string> kv = split(line.substr(7), '=');
      double v = std::stod(kv.at(1));
      if (kv[0] == "match_threshold") c.options.match_threshold = v;
      else if (kv[0] == "linkage_threshold") c.options.linkage_threshold = v;
      else if (kv[0] == "over_shared_cap") c.options.blocking.over_shared_cap = static_cast<std::uint32_t>(v);
      else ADD_FAILURE() << path << ":" << number << ": unknown option " << kv[0];
    } else if (line.starts_with("repeat ")) {
      // "repeat N record …{i}…": N records, {i} replaced by 1..N ({ii}: two digits).
      std::size_t space = line.find(' ', 7);
      int n = std::stoi(line.substr(7, space - 7));
      std::string rest = trim(line.substr(space));
      for (int i = 1; i <= n; ++i) {
        std::string text = replace_all(rest.substr(7), "{ii}", fmt::format("{:02}", i));
        c.records.push_back(parse_record(replace_all(text, "{i}", std::to_string(i)), number));
      }
    } else if (line.starts_with("record ")) {
      c.records.push_back(parse_record(line.substr(7), number));
    } else {
      ADD_FAILURE() << path << ":" << number << ": expected option, record or repeat";
    }
  }
  return c;
}

void check(const EntityIndex& ix, const Case& c, const std::string& mode, bool full) {
  for (const std::string& e : c.expectations) {
    std::size_t space = e.find(' ');
    const std::string where = "line " + e.substr(0, space) + " (" + mode + "): ";
    const std::string line = e.substr(space + 1);
    std::vector<std::string> words = split(line, ' ');
    words.erase(std::remove(words.begin(), words.end(), ""), words.end());
    const std::string& verb = words[0];
    if (verb == "same") {
      for (std::size_t i = 2; i < words.size(); ++i) {
        EXPECT_TRUE(ix.entity_of(words[1]).has_value()) << where << "no record " << words[1];
        EXPECT_EQ(ix.entity_of(words[1]), ix.entity_of(words[i])) << where << line;
      }
    } else if (verb == "apart") {
      for (std::size_t i = 1; i < words.size(); ++i) {
        for (std::size_t j = i + 1; j < words.size(); ++j) {
          EXPECT_TRUE(ix.entity_of(words[i]).has_value()) << where << "no record " << words[i];
          EXPECT_NE(ix.entity_of(words[i]), ix.entity_of(words[j])) << where << line;
        }
      }
    } else if (verb == "entities") {
      EXPECT_EQ(ix.entity_count(), std::stoul(words.at(1))) << where << line;
    } else if (verb == "explain" && full) {
      std::size_t colon = line.find(':');
      std::vector<std::string> ids = split(line.substr(8, colon - 8), ' ');
      std::string text = trim(line.substr(colon + 1));
      auto ex = ix.explain_pair(ids.at(0), ids.at(1));
      ASSERT_TRUE(ex.has_value()) << where << ex.error().message();
      std::string all;
      bool found = false;
      for (const auto& l : ex->lines()) {
        all += l + "\n";
        found = found || l.find(text) != std::string::npos;
      }
      EXPECT_TRUE(found) << where << "no explanation line holds '" << text << "':\n" << all;
    } else if (verb == "over_shared" && full) {
      bool found = false;
      for (const auto& o : ix.stats().over_shared) {
        found = found || (block_kind_name(o.kind) == words.at(1) && o.value == words.at(2) &&
                          (words.size() < 4 || o.count == std::stoll(words[3])));
      }
      EXPECT_TRUE(found) << where << line;
    } else if (verb != "explain" && verb != "over_shared") {
      ADD_FAILURE() << where << "unknown expectation '" << verb << "'";
    }
  }
}

std::vector<std::string> case_files() {
  std::vector<std::string> out;
  fs::path dir = fs::path(escudo::testing::source_dir()) / "tests" / "resolve";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".case") out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class GoldenCase : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCase, BatchAndIncremental) {
  fs::path path = fs::path(escudo::testing::source_dir()) / "tests" / "resolve" / GetParam();
  Case c = read_case(path);
  ASSERT_FALSE(c.records.empty()) << path;
  ASSERT_FALSE(c.expectations.empty()) << path;
  auto batch = EntityIndex::build(c.records, testing::nicknames(), c.options);
  ASSERT_TRUE(batch.has_value()) << batch.error().message();
  check(**batch, c, "batch", true);
  auto incremental = EntityIndex::build({}, testing::nicknames(), c.options).value();
  for (const auto& r : c.records) ASSERT_TRUE(incremental->add(r).has_value());
  check(*incremental, c, "incremental", false);
}

INSTANTIATE_TEST_SUITE_P(Resolve, GoldenCase, ::testing::ValuesIn(case_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           std::replace_if(name.begin(), name.end(),
                                           [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)); }, '_');
                           return name;
                         });

TEST(GoldenCases, ThereAreSome) { EXPECT_GE(case_files().size(), 10u); }

}  // namespace
}  // namespace escudo::resolve

#include "base/csv_reader.h"

#include <gtest/gtest.h>

#include "base/csv_writer.h"

namespace escudo {
namespace {

struct Read {
  std::vector<CsvRecord> records;
  std::vector<std::string> errors;
};

Read read_all(std::string text, std::size_t chunk_hint = 0) {
  (void)chunk_hint;
  CsvReader reader(make_string_stream(std::move(text), "t.csv"));
  Read out;
  CsvRecord record;
  for (int guard = 0; guard < 1000; ++guard) {
    auto more = reader.next(record);
    if (!more) {
      out.errors.push_back(more.error().message());
      continue;
    }
    if (!*more) break;
    out.records.push_back(record);
  }
  return out;
}

TEST(CsvReaderTest, ReadsQuotedFieldsAndLineBreaks) {
  auto r = read_all("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(r.records[1].line, 2);
  EXPECT_EQ(r.records[2].fields, (std::vector<std::string>{"1", "", "3"}));
  EXPECT_EQ(r.records[2].line, 4);
  EXPECT_EQ(r.records[2].columns, (std::vector<std::int64_t>{1, 3, 4}));
}

TEST(CsvReaderTest, SkipsByteOrderMarkAndEmptyLines) {
  auto r = read_all("\xEF\xBB\xBFmonth,count\n\n2023-01,5\n");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].fields[0], "month");
  EXPECT_EQ(r.records[1].line, 3);
}

TEST(CsvReaderTest, ReportsLineAndColumnAndGoesOn) {
  auto r = read_all("a,b\n\"x\"y,2\nok,1\nab\"c,3\nDari\xc3\xa9n,\xff\nlast,1\n");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0],
            "t.csv: line 2, column 4: a quoted field must be followed by a comma or a line end");
  EXPECT_EQ(r.errors[1].substr(0, 26), "t.csv: line 4, column 3: a");
  EXPECT_EQ(r.errors[2], "t.csv: line 5, column 8: the text is not valid UTF-8");
  ASSERT_EQ(r.records.size(), 3u);  // header, ok, last
  EXPECT_EQ(r.records[1].fields[0], "ok");
  EXPECT_EQ(r.records[2].fields[0], "last");
}

TEST(CsvReaderTest, UnclosedQuoteAtEndIsAnError) {
  auto r = read_all("a,b\n1,\"open\n2,3\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0],
            "t.csv: line 2, column 3: a quoted field is not closed before the end of the file");
}

TEST(CsvReaderTest, OversizedRecordIsRefused) {
  CsvReader reader(make_string_stream("\"" + std::string(5000, 'x') + "\n", "big.csv"),
                   CsvOptions{.max_record_bytes = 1000});
  CsvRecord record;
  auto more = reader.next(record);
  ASSERT_FALSE(more.has_value());
  EXPECT_EQ(more.error().code(), ErrorCode::kResourceExhausted);
}

// A stream that fails partway, like a disk error.
class FailingStream final : public InputStream {
 public:
  Result<std::size_t> read(char* buffer, std::size_t size) override {
    if (calls_++ > 0) return make_error(ErrorCode::kUnavailable, "disk gone");
    std::string chunk = "a,b\n1,2\n3";
    std::size_t n = std::min(size, chunk.size());
    std::copy_n(chunk.data(), n, buffer);
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  int calls_ = 0;
  std::string name_ = "failing.csv";
};

TEST(CsvReaderTest, StreamFailureIsReportedNotTreatedAsEnd) {
  CsvReader reader(std::make_unique<FailingStream>());
  CsvRecord record;
  EXPECT_TRUE(reader.next(record).value());
  EXPECT_TRUE(reader.next(record).value());
  auto third = reader.next(record);
  ASSERT_FALSE(third.has_value());
  EXPECT_EQ(third.error().code(), ErrorCode::kUnavailable);
}

TEST(CsvReaderTest, ReadsAcrossChunkBoundaries) {
  // Records larger than one 64 KiB chunk, with quotes and CRLF straddling the edge.
  std::string big(70000, 'z');
  std::string text = "h1,h2\r\n\"" + big + "\"\"q\",x\r\n";
  text += std::string(65536 - (text.size() % 65536) - 1, 'y') + "\r\nend,1\r\n";
  auto r = read_all(text);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[1].fields[0], big + "\"q");
  EXPECT_EQ(r.records[3].fields[0], "end");
}

TEST(CsvReaderTest, ReusedRecordTakesEachRowsOwnFieldsAndColumns) {
  // One CsvRecord is reused across rows of different widths; accented text counts one column
  // per character, inside and outside quotes, and a quoted line break moves to the next line.
  CsvReader reader(make_string_stream(
      "Darién,\"Canaán\nMembrillo\",z,w\nuno\nñandú,\"x\",\xff\n", "t.csv"));
  CsvRecord record;
  ASSERT_TRUE(reader.next(record).value());
  EXPECT_EQ(record.fields, (std::vector<std::string>{"Darién", "Canaán\nMembrillo", "z", "w"}));
  EXPECT_EQ(record.columns, (std::vector<std::int64_t>{1, 8, 12, 14}));
  ASSERT_TRUE(reader.next(record).value());
  EXPECT_EQ(record.line, 3);
  EXPECT_EQ(record.fields, (std::vector<std::string>{"uno"}));
  EXPECT_EQ(record.columns, (std::vector<std::int64_t>{1}));
  auto bad = reader.next(record);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "t.csv: line 4, column 11: the text is not valid UTF-8");
  EXPECT_FALSE(reader.next(record).value());
  EXPECT_TRUE(record.fields.empty());
}

TEST(CsvWriterTest, QuotesOnlyWhatNeedsItAndReadsBackTheSame) {
  EXPECT_EQ(csv_field("Ana"), "Ana");
  EXPECT_EQ(csv_field("Canaán, Membrillo"), "\"Canaán, Membrillo\"");
  EXPECT_EQ(csv_field("alias \"El Mono\""), "\"alias \"\"El Mono\"\"\"");
  std::string row;
  for (std::string_view v : {"a,b", "line\nbreak", "plain"}) {
    if (!row.empty()) row += ',';
    append_csv_field(row, v);
  }
  CsvReader reader(make_string_stream(row + "\n", "w.csv"));
  CsvRecord record;
  ASSERT_TRUE(reader.next(record).value());
  EXPECT_EQ(record.fields, (std::vector<std::string>{"a,b", "line\nbreak", "plain"}));
}

}  // namespace
}  // namespace escudo

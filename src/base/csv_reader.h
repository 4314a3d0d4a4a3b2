// A streaming CSV reader (RFC 4180): comma-separated, fields optionally in double quotes, a
// doubled quote inside quotes is one quote, quoted fields may hold commas and line breaks,
// records end with CRLF or LF. A UTF-8 byte-order mark at the start is skipped. Every field is
// checked to be valid UTF-8. Memory stays bounded by the longest record, not the file.
//
// Errors name the source, line and column (1-based, in characters) so a user can find them:
//   "transits.csv: line 12, column 9: a quoted field must be followed by a comma or a line end"
// After a syntax error the reader skips to the start of the next line, so an importer can
// report every bad row in one pass.
//
//   CsvReader reader(std::move(stream));
//   CsvRecord record;
//   while (true) {
//     ESCUDO_ASSIGN_OR_RETURN(bool more, reader.next(record));   // or handle the error, go on
//     if (!more) break;
//     use(record.fields, record.line);
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/input_stream.h"
#include "base/status.h"

namespace escudo {

struct CsvRecord {
  std::vector<std::string> fields;
  // The line on which the record starts (1-based).
  std::int64_t line = 0;
  // The character column where each field starts (1-based), for messages about a field.
  std::vector<std::int64_t> columns;
};

struct CsvOptions {
  // A record longer than this is an error (kResourceExhausted); protects memory from a file
  // with a stray quote that would otherwise swallow the rest of the file into one field.
  std::size_t max_record_bytes = 1 << 20;
  // Lines that are completely empty are skipped rather than read as a one-field record.
  bool skip_empty_lines = true;
};

class CsvReader {
 public:
  explicit CsvReader(std::unique_ptr<InputStream> input, CsvOptions options = {});

  // Reads the next record into `record`. Returns true when a record was read, false at the end.
  // kInvalidArgument for malformed CSV or invalid UTF-8 (the reader has then moved past the
  // bad line and the next call goes on), kResourceExhausted for an oversized record, and the
  // stream's own error when reading fails (the reader then stays at the end). Not thread-safe.
  Result<bool> next(CsvRecord& record);

  const std::string& source_name() const { return input_->name(); }
  // Where the last error returned by next() was found (line, column; 1-based).
  std::int64_t error_line() const { return error_line_; }
  std::int64_t error_column() const { return error_column_; }

 private:
  // Returns the next byte, or -1 at the end of the stream.
  Result<int> get();
  int peek_buffered();
  // Appends to `field` the bytes of the current chunk up to the next byte that needs a
  // decision (quote, line end, and outside quotes comma and carriage return), keeping the
  // line, column and record size exact.
  Status take_run(std::string& field, std::size_t& record_bytes, bool in_quotes);
  // Skips the rest of the current physical line after a syntax error.
  Status skip_line();
  std::unexpected<Error> syntax_error(std::int64_t line, std::int64_t column,
                                      std::string_view why);

  std::unique_ptr<InputStream> input_;
  CsvOptions options_;
  std::string buffer_;
  std::string spare_;  // a field buffer kept between records
  std::size_t pos_ = 0;
  bool eof_ = false;
  bool started_ = false;
  std::int64_t line_ = 1;
  std::int64_t column_ = 1;  // the character column of the next byte
  std::int64_t error_line_ = 0;
  std::int64_t error_column_ = 0;
};

}  // namespace escudo

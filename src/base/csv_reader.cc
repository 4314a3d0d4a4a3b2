#include "base/csv_reader.h"

#include "base/utf8.h"

namespace escudo {
namespace {
constexpr std::size_t kChunkBytes = 1 << 16;

bool is_continuation_byte(int c) { return (c & 0xC0) == 0x80; }
}  // namespace

CsvReader::CsvReader(std::unique_ptr<InputStream> input, CsvOptions options)
    : input_(std::move(input)), options_(options) {}

Result<int> CsvReader::get() {
  if (pos_ == buffer_.size()) {
    if (eof_) return -1;
    buffer_.resize(kChunkBytes);
    auto n = input_->read(buffer_.data(), buffer_.size());
    if (!n) {
      eof_ = true;
      buffer_.clear();
      pos_ = 0;
      return std::unexpected(n.error());
    }
    buffer_.resize(*n);
    pos_ = 0;
    if (*n == 0) {
      eof_ = true;
      return -1;
    }
  }
  int c = static_cast<unsigned char>(buffer_[pos_++]);
  if (c == '\n') {
    ++line_;
    column_ = 1;
  } else if (!is_continuation_byte(c)) {
    ++column_;
  }
  return c;
}

// Only used to look one byte ahead for CRLF and "" within the current buffer; a chunk edge
// falls back to reading the next byte with get().
int CsvReader::peek_buffered() {
  return pos_ < buffer_.size() ? static_cast<unsigned char>(buffer_[pos_]) : -2;
}

Status CsvReader::skip_line() {
  while (true) {
    ESCUDO_ASSIGN_OR_RETURN(int c, get());
    if (c == -1 || c == '\n') return ok_status();
  }
}

std::unexpected<Error> CsvReader::syntax_error(std::int64_t line, std::int64_t column,
                                               std::string_view why) {
  error_line_ = line;
  error_column_ = column;
  return errorf(ErrorCode::kInvalidArgument, "{}: line {}, column {}: {}", input_->name(), line,
                column, why);
}

Result<bool> CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.columns.clear();

  if (!started_) {
    started_ = true;
    // Skip a UTF-8 byte-order mark; it is not part of the first header name.
    ESCUDO_ASSIGN_OR_RETURN(int c, get());
    if (c == 0xEF && peek_buffered() == 0xBB) {
      ESCUDO_TRY(get());
      ESCUDO_ASSIGN_OR_RETURN(int c3, get());
      if (c3 != 0xBF) return syntax_error(1, 1, "the file starts with a broken byte-order mark");
      column_ = 1;
    } else if (c != -1) {
      --pos_;  // put it back: the chunk holds it
      if (c == '\n') --line_;
      column_ = 1;
    }
  }

  while (true) {
    record.line = line_;
    std::string field;
    std::int64_t field_line = line_;
    std::int64_t field_column = column_;
    std::size_t record_bytes = 0;
    bool in_quotes = false;
    bool was_quoted = false;
    bool after_closing_quote = false;
    bool any_byte = false;

    auto finish_field = [&]() -> Status {
      if (auto bad = find_invalid_utf8(field)) {
        std::int64_t column = field_column + (was_quoted ? 1 : 0) +
                              static_cast<std::int64_t>(count_code_points(field.substr(0, *bad)));
        return syntax_error(field_line, column, "the text is not valid UTF-8");
      }
      record.fields.push_back(std::move(field));
      record.columns.push_back(field_column);
      field.clear();
      was_quoted = false;
      after_closing_quote = false;
      return ok_status();
    };
    auto fail = [&](std::unexpected<Error> error, bool at_line_end) -> std::unexpected<Error> {
      if (!at_line_end) {
        if (auto skipped = skip_line(); !skipped) return std::unexpected(skipped.error());
      }
      record.fields.clear();
      record.columns.clear();
      return error;
    };

    while (true) {
      std::int64_t char_line = line_;
      std::int64_t char_column = column_;
      ESCUDO_ASSIGN_OR_RETURN(int c, get());
      if (c != -1 && ++record_bytes > options_.max_record_bytes) {
        error_line_ = record.line;
        error_column_ = 1;
        auto error = errorf(ErrorCode::kResourceExhausted,
                            "{}: line {}: a record is longer than {} bytes (is a quote missing?)",
                            input_->name(), record.line, options_.max_record_bytes);
        return fail(error, false);
      }
      if (in_quotes) {
        if (c == -1) {
          return fail(syntax_error(field_line, field_column,
                                   "a quoted field is not closed before the end of the file"),
                      true);
        }
        if (c == '"') {
          int next = peek_buffered();
          if (next == -2) {
            ESCUDO_ASSIGN_OR_RETURN(next, get());
            if (next == '"') {
              field.push_back('"');
              continue;
            }
            in_quotes = false;
            after_closing_quote = true;
            if (next == -1) {
              ESCUDO_TRY(finish_field());
              return true;
            }
            // Re-dispatch `next` as if read after the closing quote.
            c = next;
            char_line = line_;
            char_column = column_ - 1;
          } else if (next == '"') {
            ESCUDO_TRY(get());
            field.push_back('"');
            continue;
          } else {
            in_quotes = false;
            after_closing_quote = true;
            continue;
          }
        } else {
          field.push_back(static_cast<char>(c));
          continue;
        }
      }
      // Outside quotes.
      if (c == -1) {
        if (!any_byte && record.fields.empty()) return false;
        if (auto s = finish_field(); !s) return fail(std::unexpected(s.error()), true);
        return true;
      }
      any_byte = true;
      if (c == ',') {
        if (auto s = finish_field(); !s) return fail(std::unexpected(s.error()), false);
        field_line = line_;
        field_column = column_;
        continue;
      }
      if (c == '\r') {
        int next = peek_buffered();
        if (next == -2) {
          ESCUDO_ASSIGN_OR_RETURN(next, get());
          if (next != '\n' && next != -1) {
            return fail(syntax_error(char_line, char_column,
                                     "a carriage return must be followed by a line feed"),
                        next == '\n');
          }
        } else if (next == '\n') {
          ESCUDO_TRY(get());
        } else {
          return fail(syntax_error(char_line, char_column,
                                   "a carriage return must be followed by a line feed"),
                      false);
        }
        c = '\n';
      }
      if (c == '\n') {
        if (options_.skip_empty_lines && record.fields.empty() && field.empty() && !was_quoted &&
            !after_closing_quote) {
          break;  // an empty line: start over on the next one
        }
        if (auto s = finish_field(); !s) return fail(std::unexpected(s.error()), true);
        return true;
      }
      if (after_closing_quote) {
        return fail(syntax_error(char_line, char_column,
                                 "a quoted field must be followed by a comma or a line end"),
                    false);
      }
      if (c == '"') {
        if (!field.empty()) {
          return fail(syntax_error(char_line, char_column,
                                   "a quote inside an unquoted field (quote the whole field and "
                                   "double the quote)"),
                      false);
        }
        in_quotes = true;
        was_quoted = true;
        continue;
      }
      field.push_back(static_cast<char>(c));
    }
  }
}

}  // namespace escudo

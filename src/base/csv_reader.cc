#include "base/csv_reader.h"

#include "base/utf8.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
Status CsvReader::take_run(std::string& field, std::size_t& record_bytes, bool in_quotes) {
  const char* begin = buffer_.data() + pos_;
  const char* end = buffer_.data() + buffer_.size();
  const char* p = begin;
  std::int64_t columns = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: stop at the first byte that needs a decision, and count the
  // characters before it (every byte that is not a UTF-8 continuation byte).
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i line_feed = _mm_set1_epi8('\n');
  const __m128i comma = _mm_set1_epi8(in_quotes ? '"' : ',');
  const __m128i carriage = _mm_set1_epi8(in_quotes ? '"' : '\r');
  const __m128i top_two = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i continuation = _mm_set1_epi8(static_cast<char>(0x80));
  while (end - p >= 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, line_feed)),
                                _mm_or_si128(_mm_cmpeq_epi8(bytes, comma), _mm_cmpeq_epi8(bytes, carriage)));
    auto stop_mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
    auto cont_mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(bytes, top_two), continuation)));
    int take = stop_mask == 0 ? 16 : std::countr_zero(stop_mask);
    unsigned taken = take == 16 ? 0xFFFFu : (1u << take) - 1;
    columns += take - std::popcount(cont_mask & taken);
    p += take;
    if (take < 16) break;
  }
#endif
  while (p != end) {
    char c = *p;
    if (c == '"' || c == '\n' || (!in_quotes && (c == ',' || c == '\r'))) break;
    columns += is_continuation_byte(static_cast<unsigned char>(c)) ? 0 : 1;
    ++p;
  }
  auto n = static_cast<std::size_t>(p - begin);
  // Leave the byte that passes the record limit to get(), which reports it.
  if (record_bytes + n > options_.max_record_bytes) return ok_status();
  field.append(begin, n);
  record_bytes += n;
  column_ += columns;
  pos_ += n;
  return ok_status();
}

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
  // The strings of the previous record are reused (swapped with `field`), so that reading a
  // file allocates once per column rather than once per field.
  std::size_t used = 0;
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
    std::string field = std::move(spare_);
    field.clear();
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
      if (used < record.fields.size()) {
        record.fields[used].swap(field);
      } else {
        record.fields.push_back(std::move(field));
      }
      ++used;
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
      used = 0;
      record.fields.clear();
      record.columns.clear();
      return error;
    };
    auto done = [&]() -> Result<bool> {
      record.fields.resize(used);
      return true;
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
              return done();
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
          if (c != '\n') ESCUDO_TRY(take_run(field, record_bytes, true));
          continue;
        }
      }
      // Outside quotes.
      if (c == -1) {
        if (!any_byte && used == 0) {
          record.fields.clear();
          return false;
        }
        if (auto s = finish_field(); !s) return fail(std::unexpected(s.error()), true);
        return done();
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
        if (options_.skip_empty_lines && used == 0 && field.empty() && !was_quoted &&
            !after_closing_quote) {
          spare_ = std::move(field);
          break;  // an empty line: start over on the next one
        }
        if (auto s = finish_field(); !s) return fail(std::unexpected(s.error()), true);
        spare_ = std::move(field);
        return done();
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
      ESCUDO_TRY(take_run(field, record_bytes, false));
    }
  }
}

}  // namespace escudo

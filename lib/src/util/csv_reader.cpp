// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/csv_reader.hpp>

#include <cfp/util/text.hpp>

namespace cfp::util {

int CsvReader::peek()
{
  if (m_pos == m_end) {
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_end = static_cast<std::size_t>(m_in.gcount());
    m_pos = 0;
    if (m_end == 0) {
      return -1;
    }
  }
  return static_cast<unsigned char>(m_buffer[m_pos]);
}

int CsvReader::get()
{
  const int c = peek();
  if (c >= 0) {
    ++m_pos;
    ++m_consumed;
    if (c == '\n') {
      ++m_line;
    }
  }
  return c;
}

void CsvReader::skip_rest_of_record(CsvRecord& record, Skip skip, bool in_quotes, bool field_start)
{
  // Quotes still count: a line break inside a quoted field does not end the record, so that
  // the lines of a malformed record are never read as records of their own. Only a quote at
  // the start of a field opens one; any other is a character like the rest.
  bool quoted = skip == Skip::honouring_quotes && in_quotes;
  for (int c = peek(); c >= 0 && (quoted || c != '\n'); c = peek()) {
    const char ch = static_cast<char>(get());
    if (record.raw.size() < k_max_record_bytes) {
      record.raw += ch;
    }
    if (skip == Skip::to_line_end) {
      continue;
    }
    if (quoted) {
      if (ch == '"') {
        if (peek() == '"') {
          get();
          if (record.raw.size() < k_max_record_bytes) {
            record.raw += '"';
          }
        } else {
          quoted = false;
        }
      }
    } else if (ch == m_delimiter) {
      field_start = true;
    } else {
      quoted = ch == '"' && field_start;
      field_start = false;
    }
  }
  get();
  if (!record.raw.empty() && record.raw.back() == '\r') {
    record.raw.pop_back();
  }
  if (record.raw.size() >= k_max_record_bytes) {
    record.raw.clear(); // too long to be worth echoing in a rejects file
  }
}

bool CsvReader::next(CsvRecord& record)
{
  record.fields.clear();
  record.raw.clear();
  record.error.clear();

  if (!m_started) {
    m_started = true;
    // A UTF-8 byte order mark before the header is allowed and dropped. A character that merely
    // starts with the same byte (U+E000 to U+FFFF) is data; the start of a mark cut short is an error.
    if (peek() == 0xEF) {
      const std::string_view head(m_buffer.data() + m_pos, std::min<std::size_t>(3, m_end - m_pos));
      const std::string_view bom = "\xEF\xBB\xBF";
      if (head == bom) {
        get();
        get();
        get();
      } else if (bom.starts_with(head.substr(0, 2)) && (head.size() < 3 || !is_valid_utf8(head))) {
        // The bytes of the mark are dropped; the rest of the line is the record's.
        for (std::size_t i = 0; i < head.size() && head[i] == bom[i]; ++i) {
          get();
        }
        record.line = m_line;
        record.error = "the file starts with an incomplete byte order mark";
        skip_rest_of_record(record, Skip::honouring_quotes, false, true);
        return true;
      }
    }
  }

  // Empty lines between records are skipped, and so are carriage returns on a line of nothing
  // else (a stray one at the end of a file). A carriage return alone before other text is no
  // line end: the record that starts with it is malformed.
  while (peek() == '\n' || peek() == '\r') {
    if (get() == '\r') {
      const int next = peek();
      if (next < 0 || next == '\n' || next == '\r') {
        continue;
      }
      record.line = m_line;
      record.raw = "\r";
      record.error = "a carriage return outside quotes that does not end the line";
      record.fields.emplace_back();
      skip_rest_of_record(record, Skip::honouring_quotes);
      return true;
    }
  }
  if (peek() < 0) {
    return false;
  }
  record.line = m_line;

  std::string field;
  bool quoted = false;     // inside a quoted field
  bool was_quoted = false; // the current field began with a quote
  // A field or record too long to be one: the rest of the line goes, whatever the quotes say
  // (an early stray quote must not swallow the file).
  const auto too_long = [&] {
    if (field.size() <= k_max_field_bytes && record.raw.size() <= k_max_record_bytes) {
      return false;
    }
    record.error = field.size() > k_max_field_bytes
                     ? "field " + std::to_string(record.fields.size() + 1) + " is longer than 1 MiB"
                     : std::string("the record is longer than 4 MiB");
    field.clear();
    record.fields.clear();
    record.raw.clear();
    skip_rest_of_record(record, Skip::to_line_end);
    record.raw.clear();
    return true;
  };
  const auto finish_field = [&] {
    if (record.error.empty() && !is_valid_utf8(field)) {
      record.error = field.find('\0') != std::string::npos
                       ? "a NUL byte is not allowed"
                       : "field " + std::to_string(record.fields.size() + 1) + " is not valid UTF-8";
    }
    record.fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };

  for (;;) {
    const int c = get();
    if (c < 0) {
      if (quoted) {
        record.error = "a quoted field is not closed before the end of the file";
      }
      finish_field();
      return true;
    }
    const char ch = static_cast<char>(c);
    if (quoted) {
      record.raw += ch;
      if (ch == '"') {
        if (peek() == '"') {
          record.raw += static_cast<char>(get());
          field += '"';
        } else {
          quoted = false;
          const int after = peek();
          if (after >= 0 && after != m_delimiter && after != '\n' && after != '\r') {
            record.error = m_delimiter == ','
                               ? "a closing quote must be followed by a comma or the end of the line"
                               : "a closing quote must be followed by the delimiter or the end of the line";
            finish_field();
            skip_rest_of_record(record, Skip::honouring_quotes);
            return true;
          }
        }
      } else {
        field += ch;
      }
      if (too_long()) {
        return true;
      }
      continue;
    }
    if (ch == '\n' || (ch == '\r' && peek() == '\n')) {
      if (ch == '\r') {
        get();
      }
      finish_field();
      return true;
    }
    record.raw += ch;
    if (ch == m_delimiter) {
      finish_field();
      if (record.fields.size() >= k_max_fields) {
        record.error = "more than " + std::to_string(k_max_fields) + " fields";
        skip_rest_of_record(record, Skip::honouring_quotes, false, true);
        record.fields.clear();
        return true;
      }
    } else if (ch == '"') {
      if (!field.empty() || was_quoted) {
        record.error = "a quote inside an unquoted field (quote the whole field and double the quote)";
        finish_field();
        skip_rest_of_record(record, Skip::honouring_quotes);
        return true;
      }
      quoted = true;
      was_quoted = true;
    } else if (ch == '\r') {
      record.error = "a carriage return outside quotes that does not end the line";
      finish_field();
      skip_rest_of_record(record, Skip::honouring_quotes);
      return true;
    } else {
      field += ch;
    }
    if (too_long()) {
      return true;
    }
  }
}

} // namespace cfp::util

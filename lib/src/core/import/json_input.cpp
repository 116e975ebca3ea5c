// SPDX-License-Identifier: EUPL-1.2
#include "json_input.hpp"

#include <algorithm>

namespace cfp::core::detail {

namespace {

constexpr int k_eof = std::char_traits<char>::eof();

bool is_space(int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_digit(int c)
{
  return c >= '0' && c <= '9';
}

bool is_number_character(int c)
{
  return is_digit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The letters of the literals true, false and null (anything else the parser refuses).
bool is_letter(int c)
{
  return c >= 'a' && c <= 'z';
}

unsigned hex_value(int c)
{
  if (is_digit(c)) {
    return static_cast<unsigned>(c - '0');
  }
  if (c >= 'a' && c <= 'f') {
    return static_cast<unsigned>(c - 'a' + 10);
  }
  if (c >= 'A' && c <= 'F') {
    return static_cast<unsigned>(c - 'A' + 10);
  }
  return 0; // not a hex digit: the parser refuses the escape
}

} // namespace

int JsonInput::source_peek()
{
  if (m_pos == m_end) {
    m_end = static_cast<std::size_t>(
        std::max<std::streamsize>(0, m_in.sgetn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()))));
    m_pos = 0;
    if (m_end == 0) {
      return k_eof;
    }
  }
  return static_cast<unsigned char>(m_buffer[m_pos]);
}

void JsonInput::source_take(int c)
{
  ++m_pos;
  if (c == '\n') {
    ++m_line;
  }
}

int JsonInput::produce()
{
  for (;;) {
    if (m_made_pos < m_made.size()) {
      m_after_newline = false;
      ++m_since_token;
      return static_cast<unsigned char>(m_made[m_made_pos++]);
    }
    if (m_skip) {
      skip_rest_of_record();
    }
    const int c = source_peek();
    if (c == k_eof) {
      return k_eof;
    }
    if (m_record_bytes >= m_max_record_bytes && continues_record(c) && can_cut()) {
      cut();
      continue;
    }
    if (m_since_token >= k_max_bytes_between_tokens && m_token == Token::none && m_containers.size() <= 1) {
      if (is_space(c)) {
        source_take(c);
        continue;
      }
      if (m_containers.size() == 1 && !m_containers.front()) {
        inject_zero(c);
        continue;
      }
    }
    source_take(c);
    m_after_newline = c == '\n';
    ++m_since_token;
    track(c);
    return c;
  }
}

void JsonInput::track(int c)
{
  if (m_in_record) {
    ++m_record_bytes;
  }
  switch (m_token) {
  case Token::string:
    track_string(c);
    return;
  case Token::number:
    if (is_number_character(c)) {
      m_digit_last = is_digit(c);
      return;
    }
    end_value(false); // and `c` is what follows the number
    break;
  case Token::literal:
    if (is_letter(c)) {
      return;
    }
    end_value(false);
    break;
  case Token::none:
    break;
  }
  switch (c) {
  case '"':
    m_key = m_expect == Expect::key || m_expect == Expect::key_or_close;
    begin_value();
    m_token = Token::string;
    m_since_token = 0;
    m_escape = 0;
    m_high_surrogate = false;
    m_utf8_left = 0;
    return;
  case '[':
  case '{':
    begin_value();
    m_containers.push_back(c == '{');
    m_expect = c == '{' ? Expect::key_or_close : Expect::value_or_close;
    return;
  case ']':
  case '}':
    if (!m_containers.empty()) {
      m_containers.pop_back();
    }
    end_value(false);
    return;
  case ',':
    m_expect = !m_containers.empty() && m_containers.back() ? Expect::key : Expect::value;
    return;
  case ':':
    m_expect = Expect::value;
    return;
  default:
    if (c == '-' || is_digit(c)) {
      begin_value();
      m_token = Token::number;
      m_digit_last = is_digit(c);
      m_since_token = 0;
    } else if (is_letter(c)) {
      begin_value();
      m_token = Token::literal;
    }
    // else white space, or a byte the parser refuses
  }
}

void JsonInput::track_string(int c)
{
  if (m_escape == 1) {
    m_escape = c == 'u' ? 2 : 0;
    m_code = 0;
    m_high_surrogate = false;
    return;
  }
  if (m_escape >= 2) {
    m_code = m_code * 16 + hex_value(c);
    if (++m_escape == 6) {
      m_escape = 0;
      m_high_surrogate = m_code >= 0xD800 && m_code <= 0xDBFF;
    }
    return;
  }
  if (c == '\\') {
    m_escape = 1;
  } else if (c == '"') {
    end_value(m_key);
  } else if (m_utf8_left > 0) {
    --m_utf8_left; // a continuation byte (the parser checks that it is one)
  } else {
    m_high_surrogate = false;
    m_utf8_left = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  }
}

void JsonInput::begin_value()
{
  // A value right inside the top-level array is a record.
  if (!m_in_record && m_containers.size() == 1 && !m_containers.front()) {
    m_in_record = true;
    m_record_bytes = 1;
    m_record_cut = false;
  }
}

void JsonInput::end_value(bool key)
{
  m_token = Token::none;
  m_expect = key ? Expect::colon : Expect::comma_or_close;
  if (m_containers.size() <= 1) {
    m_in_record = false;
  }
}

bool JsonInput::continues_record(int c) const
{
  if (!m_in_record) {
    return false;
  }
  // A number or literal that is the record itself ends before the byte that follows it.
  if (m_containers.size() == 1 && m_token == Token::number) {
    return is_number_character(c);
  }
  if (m_containers.size() == 1 && m_token == Token::literal) {
    return is_letter(c);
  }
  return true;
}

bool JsonInput::can_cut() const
{
  switch (m_token) {
  case Token::none:
    return true;
  case Token::string:
    // Not inside an escape, a surrogate pair or a UTF-8 sequence, which the parser would refuse.
    return m_escape == 0 && !m_high_surrogate && m_utf8_left == 0;
  case Token::number:
    return m_digit_last; // "1e" or "-" alone would be refused
  case Token::literal:
    return false; // a few letters more, or the parser stops at them
  }
  return false;
}

void JsonInput::cut()
{
  m_made.clear();
  m_made_pos = 0;
  if (m_token == Token::string) {
    m_made += m_key ? "\":null" : "\"";
  } else if (m_token == Token::none) {
    switch (m_expect) {
    case Expect::value:
      m_made += "null";
      break;
    case Expect::key:
      m_made += "\"\":null";
      break;
    case Expect::colon:
      m_made += ":null";
      break;
    case Expect::value_or_close:
    case Expect::key_or_close:
    case Expect::comma_or_close:
      break;
    }
  }
  for (std::size_t i = m_containers.size(); i > 1; --i) {
    m_made += m_containers[i - 1] ? '}' : ']';
  }
  m_skip = true;
  m_skip_depth = m_containers.size() - 1;
  m_skip_string = m_token == Token::string;
  m_skip_number = m_token == Token::number;
  m_containers.resize(1);
  // A number that is the record itself goes on in the parser until the byte after what is skipped.
  m_token = m_skip_number && m_skip_depth == 0 ? Token::number : Token::none;
  m_expect = Expect::comma_or_close;
  m_in_record = false;
  m_record_cut = true;
  m_since_token = 0; // the parser holds at most the record's 4 MiB, and counts on from there
}

void JsonInput::skip_rest_of_record()
{
  m_skip = false;
  if (m_skip_depth == 0 && m_skip_number) {
    for (int c = source_peek(); is_number_character(c); c = source_peek()) {
      source_take(c);
    }
    return;
  }
  bool in_string = m_skip_string;
  bool escape = false;
  for (int c = source_peek(); c != k_eof && (in_string || m_skip_depth > 0); c = source_peek()) {
    source_take(c);
    if (in_string) {
      if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++m_skip_depth;
    } else if (c == ']' || c == '}') {
      --m_skip_depth;
    }
  }
}

void JsonInput::inject_zero(int next)
{
  // A `0` record, with what separates it from the records around it.
  switch (m_expect) {
  case Expect::value_or_close:
    m_made = next == ']' ? "0 " : "0,";
    break;
  case Expect::value:
    m_made = "0,";
    break;
  default:
    m_made = ",0 ";
    break;
  }
  m_made_pos = 0;
  for (const char c : m_made) {
    track(static_cast<unsigned char>(c));
  }
  ++m_injected;
}

} // namespace cfp::core::detail

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "limits.hpp"

#include <cstddef>
#include <istream>
#include <iterator>
#include <streambuf>
#include <string>
#include <vector>

namespace cfp::core::detail {

/// The bytes of a JSON input file on their way to nlohmann's parser, with the lines counted.
/// A record (a value of the top-level array) longer than k_max_record_bytes is cut short: the
/// parser is handed what closes it (the string it is in, `null` where a value is due, the
/// brackets still open), and the rest of the record is skipped, counting quotes and brackets
/// but checking nothing else. So neither the parser nor the record being built grows past the
/// limit, and reading goes on with the next record.
///
/// The parser keeps every byte since the last string or number it read (for its messages).
/// Between records, after k_max_bytes_between_tokens such bytes, blanks are dropped and a `0`
/// is slipped in as a record of its own before the next byte, which resets it; the reader
/// ignores those records (take_injected()). Blanks around the top-level array are dropped
/// likewise. Only the line and column that the parser's own messages quote can differ then.
class JsonInput
{
public:
  /// `max_record_bytes`: the limit (tests choose a small one).
  explicit JsonInput(std::istream& in, std::size_t max_record_bytes = k_max_record_bytes)
      : m_in(*in.rdbuf()), m_max_record_bytes(max_record_bytes)
  {
  }

  /// The next byte for the parser (as an unsigned char), or EOF at the end.
  int peek()
  {
    if (!m_has_next) {
      m_next = plain_string_byte();
      if (m_next < 0) {
        m_next = produce();
      }
      m_has_next = true;
    }
    return m_next;
  }
  /// Takes the byte peek() gave.
  void advance()
  {
    peek();
    m_has_next = false;
  }

  /// 1 + the line breaks read so far, those of skipped bytes included.
  std::size_t line() const { return m_line; }
  /// Whether the last byte taken was a line break.
  bool after_newline() const { return m_after_newline; }
  /// Whether the record being read, or the last one read, was cut short.
  bool record_cut() const { return m_record_cut; }
  /// Whether a `0` record was slipped in that the reader has not yet been told of; true once
  /// for each, so that the reader can drop it.
  bool take_injected()
  {
    if (m_injected == 0) {
      return false;
    }
    --m_injected;
    return true;
  }

  /// How many bytes that are no string or number the parser may collect in a row between records.
  static constexpr std::size_t k_max_bytes_between_tokens = std::size_t{64} << 10;

private:
  enum class Expect { value, value_or_close, key, key_or_close, colon, comma_or_close };
  enum class Token { none, string, number, literal };

  // The next byte when it is plain text inside a string well within the limits (most bytes of
  // a file are): no state changes but counts. Else -1, and produce() does the rest.
  int plain_string_byte()
  {
    if (m_token != Token::string || m_escape != 0 || m_utf8_left != 0 || m_pos == m_end ||
        m_record_bytes >= m_max_record_bytes || m_made_pos < m_made.size() || m_skip) {
      return -1;
    }
    const auto c = static_cast<unsigned char>(m_buffer[m_pos]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
      return -1;
    }
    ++m_pos;
    m_record_bytes += m_in_record ? 1 : 0;
    ++m_since_token;
    m_high_surrogate = false;
    m_after_newline = false;
    return c;
  }
  // The next byte of the input, or EOF; and taking it.
  int source_peek();
  void source_take(int c);
  int produce();
  void track(int c);
  void track_string(int c);
  void begin_value();
  void end_value(bool key);
  bool continues_record(int c) const;
  bool can_cut() const;
  void cut();
  void skip_rest_of_record();
  void inject_zero(int next);

  std::streambuf& m_in;
  std::vector<char> m_buffer = std::vector<char>(std::size_t{1} << 16);
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
  std::size_t m_max_record_bytes;
  int m_next = 0;
  bool m_has_next = false;
  std::size_t m_line = 1;
  bool m_after_newline = false;

  // The document's shape, as far as the parser has read it.
  std::vector<bool> m_containers; ///< the open arrays (false) and objects (true), outermost first
  Expect m_expect = Expect::value;
  Token m_token = Token::none;
  bool m_key = false;            ///< the string is a key
  int m_escape = 0;              ///< 0: none; 1: after a backslash; 2 to 5: in the hex digits of \u
  unsigned m_code = 0;           ///< the code unit of a \u escape
  bool m_high_surrogate = false; ///< the last escape was a high surrogate, which a low one must follow
  int m_utf8_left = 0;           ///< continuation bytes still due in the string
  bool m_digit_last = false;     ///< the number so far ends with a digit

  // The record being read, and what closes and skips one that is too long.
  bool m_in_record = false;
  std::size_t m_record_bytes = 0;
  bool m_record_cut = false;
  std::string m_made; ///< bytes for the parser that are not the input's: what closes a record, a `0`
  std::size_t m_made_pos = 0;
  std::size_t m_since_token = 0; ///< bytes handed over since a string or number began, or a record was cut
  std::size_t m_injected = 0;
  bool m_skip = false;
  std::size_t m_skip_depth = 0;
  bool m_skip_string = false;
  bool m_skip_number = false;
};

/// An input iterator over a JsonInput, the form in which nlohmann's parser takes bytes.
class JsonInputIterator
{
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  JsonInputIterator() = default; ///< the end
  explicit JsonInputIterator(JsonInput& input) : m_input(&input) {}

  char operator*() const { return static_cast<char>(m_input->peek()); }
  JsonInputIterator& operator++()
  {
    m_input->advance();
    return *this;
  }
  bool operator==(const JsonInputIterator& other) const { return at_end() == other.at_end(); }
  bool operator!=(const JsonInputIterator& other) const { return !(*this == other); }

private:
  bool at_end() const { return m_input == nullptr || m_input->peek() == std::char_traits<char>::eof(); }

  JsonInput* m_input = nullptr;
};

} // namespace cfp::core::detail

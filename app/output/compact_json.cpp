// SPDX-License-Identifier: EUPL-1.2
#include "compact_json.hpp"

#include <cfp/util/text.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cfp::cli {

namespace {

constexpr std::size_t max_keys = 256; // beyond it, checking each key against the others costs more than reading

class Checker
{
public:
  explicit Checker(std::string_view text) : m_text(text) {}

  bool object()
  {
    if (!take('{')) {
      return false;
    }
    m_open.push_back({'{', m_keys.size()});
    if (take('}')) {
      m_open.pop_back();
      return at_end();
    }
    if (!key()) {
      return false;
    }
    for (;;) {
      const auto read = value();
      if (read == Read::failed) {
        return false;
      }
      if (read == Read::opened) {
        continue; // on to its first value
      }
      // After a value: more of its container, or the container's end (and perhaps the end of
      // the one around it).
      for (;;) {
        const auto open = m_open.back();
        if (take(',')) {
          if (open.kind == '{' && !key()) {
            return false;
          }
          break;
        }
        if (!take(open.kind == '{' ? '}' : ']')) {
          return false;
        }
        m_keys.resize(open.first_key);
        m_open.pop_back();
        if (m_open.empty()) {
          return at_end();
        }
      }
    }
  }

private:
  struct Open
  {
    char kind;             // '{' or '['
    std::size_t first_key; // in m_keys
  };

  bool at_end() const { return m_at == m_text.size(); }
  bool take(char c)
  {
    if (m_at < m_text.size() && m_text[m_at] == c) {
      ++m_at;
      return true;
    }
    return false;
  }
  bool take(std::string_view word)
  {
    if (m_text.substr(m_at, word.size()) == word) {
      m_at += word.size();
      return true;
    }
    return false;
  }

  // A key and its colon; false when the object already has it. Two keys with the same text are
  // the same key: each character has one written form here.
  bool key()
  {
    const std::size_t start = m_at;
    if (!string()) {
      return false;
    }
    const auto name = m_text.substr(start, m_at - start);
    const auto first = m_keys.begin() + static_cast<std::ptrdiff_t>(m_open.back().first_key);
    if (static_cast<std::size_t>(m_keys.end() - first) >= max_keys || std::find(first, m_keys.end(), name) != m_keys.end()) {
      return false;
    }
    m_keys.push_back(name);
    return take(':');
  }

  enum class Read { failed, whole, opened };

  // A value. An object or array that is empty is read whole; any other is left open on m_open,
  // with an object's first key read, for the caller to read its first value: no recursion.
  Read value()
  {
    if (m_at >= m_text.size()) {
      return Read::failed;
    }
    const auto whole = [](bool read) { return read ? Read::whole : Read::failed; };
    switch (m_text[m_at]) {
    case '"':
      return whole(string());
    case '{':
      ++m_at;
      if (take('}')) {
        return Read::whole;
      }
      m_open.push_back({'{', m_keys.size()});
      return key() ? Read::opened : Read::failed;
    case '[':
      ++m_at;
      if (take(']')) {
        return Read::whole;
      }
      m_open.push_back({'[', m_keys.size()});
      return Read::opened;
    case 't':
      return whole(take("true"));
    case 'f':
      return whole(take("false"));
    case 'n':
      return whole(take("null"));
    default:
      return whole(number());
    }
  }

  bool string()
  {
    if (!take('"')) {
      return false;
    }
    while (m_at < m_text.size()) {
      const auto c = static_cast<unsigned char>(m_text[m_at]);
      if (c == '"') {
        ++m_at;
        return true;
      }
      if (c < 0x20) {
        return false; // not JSON
      }
      if (c == '\\') {
        if (!escape()) {
          return false;
        }
      } else if (c < 0x80) {
        ++m_at;
      } else if (!utf8()) {
        return false;
      }
    }
    return false;
  }

  bool escape()
  {
    ++m_at;
    if (m_at >= m_text.size()) {
      return false;
    }
    switch (m_text[m_at]) {
    case '"':
    case '\\':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      ++m_at;
      return true;
    case 'u': {
      // Only a control character without a short form is written as \u00XX, in lowercase.
      const auto hex = m_text.substr(m_at + 1, 4);
      if (hex.size() != 4 || hex[0] != '0' || hex[1] != '0' || (hex[2] != '0' && hex[2] != '1')) {
        return false;
      }
      const char low = hex[3];
      const bool digit = (low >= '0' && low <= '9') || (low >= 'a' && low <= 'f');
      const int code = (hex[2] - '0') * 16 + (low <= '9' ? low - '0' : low - 'a' + 10);
      if (!digit || code == 0x08 || code == 0x09 || code == 0x0a || code == 0x0c || code == 0x0d) {
        return false;
      }
      m_at += 5;
      return true;
    }
    default:
      return false; // \/ reads as / and is written so; anything else is not JSON
    }
  }

  // A run of bytes past ASCII: whole characters of valid UTF-8 (a run never ends inside one, whose
  // every byte is past ASCII), as the serializer writes them.
  bool utf8()
  {
    std::size_t end = m_at;
    while (end < m_text.size() && static_cast<unsigned char>(m_text[end]) >= 0x80) {
      ++end;
    }
    if (!util::is_valid_utf8(m_text.substr(m_at, end - m_at))) {
      return false;
    }
    m_at = end;
    return true;
  }

  // A whole number as the serializer writes it back: the reader keeps one within 64 bits (signed
  // when negative) as an integer; a larger one, a fraction or an exponent becomes a double,
  // written another way.
  bool number()
  {
    const bool negative = take('-');
    const std::size_t start = m_at;
    while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9') {
      ++m_at;
    }
    const auto digits = m_text.substr(start, m_at - start);
    if (digits.empty() || (digits[0] == '0' && (digits.size() > 1 || negative))) {
      return false;
    }
    if (m_at < m_text.size() && (m_text[m_at] == '.' || m_text[m_at] == 'e' || m_text[m_at] == 'E')) {
      return false;
    }
    const std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
    return digits.size() < limit.size() || (digits.size() == limit.size() && digits <= limit);
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  std::vector<Open> m_open;
  std::vector<std::string_view> m_keys; // of the objects open, each object's after those around it
};

} // namespace

bool is_compact_json_object(std::string_view text)
{
  return Checker(text).object();
}

bool json_depth_at_most(std::string_view text, std::size_t limit)
{
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i; // the escaped character, a quote perhaps
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) {
        return false;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

} // namespace cfp::cli

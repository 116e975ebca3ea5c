// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/text.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <utf8proc.h>

namespace cfp::util {

namespace {

// Calls `visit(codepoint, byte_length)` for each character; a byte that does not start a
// valid sequence is reported as codepoint -1 with length 1.
template<typename Visit>
void for_each_codepoint(std::string_view text, Visit visit)
{
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t codepoint = -1;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes, remaining, &codepoint);
    if (length <= 0) {
      visit(-1, 1);
      bytes += 1;
      remaining -= 1;
    } else {
      visit(codepoint, length);
      bytes += length;
      remaining -= length;
    }
  }
}

// Whether `codepoint` changes the direction of the text around it (Unicode's bidirectional
// formatting characters): shown as they are, they can make a line read other than it is stored.
bool is_bidi_control(utf8proc_int32_t codepoint)
{
  return codepoint == 0x061c || codepoint == 0x200e || codepoint == 0x200f ||
         (codepoint >= 0x202a && codepoint <= 0x202e) || (codepoint >= 0x2066 && codepoint <= 0x2069);
}

// Appends one character (`bytes`, decoded as `codepoint`, or -1 for a byte that is not UTF-8)
// to `out` as escape_controls shows it.
// How many bytes at the start of `text` are printable ASCII (space to '~'): each is one
// character, one column wide, that no escaping changes.
std::size_t plain_ascii_prefix(std::string_view text)
{
  const auto end = std::find_if(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte >= 0x7f;
  });
  return static_cast<std::size_t>(end - text.begin());
}

void append_escaped(std::string& out, utf8proc_int32_t codepoint, std::string_view bytes, LineFeeds line_feeds)
{
  constexpr char k_hex[] = "0123456789abcdef";
  const auto hex_byte = [&](unsigned value) {
    out += "\\x";
    out += k_hex[(value >> 4) & 0xf];
    out += k_hex[value & 0xf];
  };
  if (codepoint < 0) {
    hex_byte(static_cast<unsigned char>(bytes.front()));
  } else if (codepoint == '\n') {
    out += line_feeds == LineFeeds::keep ? "\n" : "\\n";
  } else if (codepoint == '\r') {
    out += "\\r";
  } else if (codepoint == '\t') {
    out += "\\t";
  } else if (codepoint < 0x20 || codepoint == 0x7f) {
    hex_byte(static_cast<unsigned>(codepoint));
  } else if ((codepoint >= 0x80 && codepoint < 0xa0) || is_bidi_control(codepoint)) {
    const auto value = static_cast<unsigned>(codepoint);
    out += "\\u";
    for (const int shift : {12, 8, 4, 0}) {
      out += k_hex[(value >> shift) & 0xf];
    }
  } else {
    out += bytes;
  }
}

// Calls `visit(codepoint, bytes)` for each character of `text`, as for_each_codepoint reads it.
template<typename Visit>
void for_each_character(std::string_view text, Visit visit)
{
  std::size_t offset = 0;
  for_each_codepoint(text, [&](utf8proc_int32_t codepoint, utf8proc_ssize_t length) {
    const auto size = static_cast<std::size_t>(length);
    visit(codepoint, text.substr(offset, size));
    offset += size;
  });
}

} // namespace

std::string escape_controls(std::string_view text, LineFeeds line_feeds)
{
  // Most text is printable ASCII, which stays as it is: it is copied whole, and only what
  // follows it is read character by character (a table escapes every cell it prints).
  const auto plain = plain_ascii_prefix(text);
  std::string escaped(text.substr(0, plain));
  if (plain == text.size()) {
    return escaped;
  }
  escaped.reserve(text.size());
  for_each_character(text.substr(plain), [&](utf8proc_int32_t codepoint, std::string_view bytes) {
    append_escaped(escaped, codepoint, bytes, line_feeds);
  });
  return escaped;
}

bool is_plain_ascii(std::string_view text)
{
  return plain_ascii_prefix(text) == text.size();
}

std::string excerpt(std::string_view value, std::size_t limit)
{
  std::string shown;
  std::string character;
  bool cut = false;
  for_each_character(value, [&](utf8proc_int32_t codepoint, std::string_view bytes) {
    if (cut) {
      return;
    }
    character.clear();
    append_escaped(character, codepoint, bytes, LineFeeds::escape);
    if (shown.size() + character.size() > limit) {
      cut = true;
      return;
    }
    shown += character;
  });
  return cut ? shown + "…" : shown;
}

bool is_valid_utf8(std::string_view text)
{
  bool valid = true;
  for_each_codepoint(text, [&](utf8proc_int32_t codepoint, utf8proc_ssize_t) {
    if (codepoint <= 0) {
      valid = false;
    }
  });
  return valid;
}

bool has_control_characters(std::string_view text, std::string_view allowed)
{
  bool found = false;
  for_each_codepoint(text, [&](utf8proc_int32_t codepoint, utf8proc_ssize_t) {
    const bool control = (codepoint >= 0 && codepoint < 0x20) || (codepoint >= 0x7f && codepoint < 0xa0);
    if (control && allowed.find(static_cast<char>(codepoint)) == std::string_view::npos) {
      found = true;
    }
  });
  return found;
}

std::size_t count_characters(std::string_view text)
{
  std::size_t count = 0;
  for_each_codepoint(text, [&](utf8proc_int32_t, utf8proc_ssize_t) { ++count; });
  return count;
}

std::string_view character_at(std::string_view text, std::size_t offset)
{
  if (offset >= text.size()) {
    return {};
  }
  const auto rest = text.substr(offset);
  std::size_t length = 1;
  for_each_codepoint(rest.substr(0, std::min<std::size_t>(4, rest.size())),
                     [&, first = true](utf8proc_int32_t, utf8proc_ssize_t size) mutable {
                       if (first) {
                         length = static_cast<std::size_t>(size);
                         first = false;
                       }
                     });
  return rest.substr(0, length);
}

std::size_t display_width(std::string_view text)
{
  // A printable ASCII character is one column wide; the rest is measured character by character.
  const auto plain = plain_ascii_prefix(text);
  std::size_t width = plain;
  for_each_codepoint(text.substr(plain), [&](utf8proc_int32_t codepoint, utf8proc_ssize_t) {
    width += codepoint < 0 ? 1 : static_cast<std::size_t>(std::max(0, utf8proc_charwidth(codepoint)));
  });
  return width;
}

std::string fit_width(std::string_view text, std::size_t width)
{
  std::string shown = escape_controls(text);
  if (display_width(shown) <= width) {
    return shown;
  }
  if (width == 0) {
    return {};
  }
  // The characters, each as it shows, that fit in width - 1 columns, then the ellipsis.
  shown.clear();
  std::string character;
  std::size_t used = 0;
  bool full = false;
  for_each_character(text, [&](utf8proc_int32_t codepoint, std::string_view bytes) {
    if (full) {
      return;
    }
    character.clear();
    append_escaped(character, codepoint, bytes, LineFeeds::escape);
    const std::size_t columns = display_width(character);
    if (used + columns > width - 1) {
      full = true;
      return;
    }
    used += columns;
    shown += character;
  });
  return shown + "\u2026";
}

std::string_view trim(std::string_view text)
{
  constexpr std::string_view k_space = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(k_space);
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(k_space);
  return text.substr(first, last - first + 1);
}

namespace {

bool is_white_space(utf8proc_int32_t codepoint)
{
  const auto category = utf8proc_category(codepoint);
  return codepoint == '\t' || codepoint == '\n' || codepoint == '\r' || codepoint == '\f' || codepoint == '\v' ||
         category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
}

} // namespace

bool has_surrounding_space(std::string_view text)
{
  if (text.empty()) {
    return false;
  }
  bool first = true;
  bool starts = false;
  bool ends = false;
  for_each_codepoint(text, [&](utf8proc_int32_t codepoint, utf8proc_ssize_t) {
    const bool space = codepoint >= 0 && is_white_space(codepoint);
    if (first) {
      starts = space;
      first = false;
    }
    ends = space;
  });
  return starts || ends;
}

std::string comparison_key(std::string_view text)
{
  if (!is_valid_utf8(text)) {
    return std::string(text);
  }
  // Spacing first: trimmed, and every run of white space one space.
  std::string spaced;
  bool pending_space = false;
  for_each_character(text, [&](utf8proc_int32_t codepoint, std::string_view bytes) {
    if (is_white_space(codepoint)) {
      pending_space = !spaced.empty();
      return;
    }
    if (pending_space) {
      spaced += ' ';
      pending_space = false;
    }
    spaced.append(bytes);
  });
  utf8proc_uint8_t* folded = nullptr;
  const auto length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(spaced.data()), static_cast<utf8proc_ssize_t>(spaced.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (length < 0 || folded == nullptr) {
    std::free(folded);
    return spaced;
  }
  std::string key(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(length));
  std::free(folded);
  return key;
}

std::string to_upper_ascii(std::string_view text)
{
  std::string result(text);
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return result;
}

std::string to_lower_ascii(std::string_view text)
{
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return result;
}

bool iequals(std::string_view a, std::string_view b)
{
  return a.size() == b.size() && to_lower_ascii(a) == to_lower_ascii(b);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
  std::string result;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      result += separator;
    }
    result += parts[i];
  }
  return result;
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

} // namespace cfp::util

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/html.hpp>

#include <utf8proc.h>

namespace cfp::util {

std::string escape_html(std::string_view text)
{
  constexpr std::string_view k_replacement = "\xEF\xBF\xBD";
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      utf8proc_int32_t code_point = 0;
      const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                           static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
      // C1 controls and bidirectional controls, which would turn the text around, show too.
      const bool control = (code_point >= 0x80 && code_point <= 0x9F) ||
                           (code_point >= 0x202A && code_point <= 0x202E) ||
                           (code_point >= 0x2066 && code_point <= 0x2069);
      if (length <= 0 || control) {
        escaped += k_replacement;
        i += length <= 0 ? 1 : static_cast<std::size_t>(length);
      } else {
        escaped.append(text.substr(i, static_cast<std::size_t>(length)));
        i += static_cast<std::size_t>(length);
      }
      continue;
    }
    ++i;
    switch (c) {
    case '&':
      escaped += "&amp;";
      break;
    case '<':
      escaped += "&lt;";
      break;
    case '>':
      escaped += "&gt;";
      break;
    case '"':
      escaped += "&quot;";
      break;
    case '\'':
      escaped += "&#39;";
      break;
    default:
      if ((byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7F) {
        escaped += k_replacement;
      } else {
        escaped += c;
      }
    }
  }
  return escaped;
}

} // namespace cfp::util

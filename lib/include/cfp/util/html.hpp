// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Writing text into HTML and SVG.

#include <string>
#include <string_view>

namespace cfp::util {

/// `text` as HTML text or a quoted attribute value: & < > " ' as character references, and
/// control characters (but tab and line feed; C1 and bidirectional controls too) and bytes that
/// are not UTF-8 as U+FFFD, so that no value becomes markup, breaks the document or turns the
/// text around it.
std::string escape_html(std::string_view text);

} // namespace cfp::util

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::util {

/// True when `text` is well-formed UTF-8 with no NUL byte.
bool is_valid_utf8(std::string_view text);

/// True when `text` contains a control character (C0, DEL or C1) other than those in `allowed`.
bool has_control_characters(std::string_view text, std::string_view allowed = {});

/// Characters (Unicode code points) in `text`; an invalid byte counts as one.
std::size_t count_characters(std::string_view text);

/// Columns `text` takes on a terminal: wide characters count two, combining marks zero.
/// Invalid UTF-8 counts one column a byte.
std::size_t display_width(std::string_view text);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// ASCII upper- and lower-case copies; other bytes are left alone.
std::string to_upper_ascii(std::string_view text);
std::string to_lower_ascii(std::string_view text);

/// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);

/// `parts` joined with `separator`.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// Edit distance (insertions, deletions, substitutions) between two ASCII strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace cfp::util

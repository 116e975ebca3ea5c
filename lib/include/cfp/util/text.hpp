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

/// The character that starts at byte `offset` of `text` (its bytes), or the byte alone there
/// when it does not start valid UTF-8: what a message quotes of an unexpected character.
std::string_view character_at(std::string_view text, std::size_t offset);

/// Columns `text` takes on a terminal: wide characters count two, combining marks zero.
/// Invalid UTF-8 counts one column a byte.
std::size_t display_width(std::string_view text);

/// Whether escape_controls writes a line feed as `\n` or keeps it: a message of several lines
/// keeps its own, a value shown on one line may not break it.
enum class LineFeeds { escape, keep };

/// `text` as a terminal may show it without being driven by it: CR, LF and TAB as `\r`, `\n`
/// and `\t`, other C0 controls and DEL as `\xNN` (ESC is `\x1b`), C1 controls (U+0080 to
/// U+009F) and the bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
/// U+2069) as `\uNNNN`, and each byte that is not part of valid UTF-8 as `\xNN`, all in
/// lower-case hex. A backslash stays as it is, so `\x1b` may also be those four characters:
/// the escaped text is for people; JSON and CSV keep the bytes.
std::string escape_controls(std::string_view text, LineFeeds line_feeds = LineFeeds::escape);

/// `text` as escape_controls shows it, cut to at most `width` terminal columns: whole when it
/// fits, else the characters that fit in `width` - 1 columns followed by "…" (one column). A
/// wide character or an escape that would straddle the cut goes whole; a combining mark stays
/// with the character before it. Width 0 gives "".
std::string fit_width(std::string_view text, std::size_t width);

/// Whether `text` is printable ASCII only (space to '~'): escape_controls leaves it as it is,
/// and it takes one column a byte.
bool is_plain_ascii(std::string_view text);

/// How many bytes of a value a message quotes (excerpt), before "…".
inline constexpr std::size_t k_excerpt_bytes = 80;

/// `value` as a message quotes it: escaped as escape_controls does (line feeds too, and a NUL as
/// `\x00`, so that it cannot end the message early), and when the escaped text is longer than
/// `limit` bytes, cut after the last whole character (or escape) that fits, with "…" appended.
std::string excerpt(std::string_view value, std::size_t limit = k_excerpt_bytes);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// ASCII upper- and lower-case copies; other bytes are left alone.
std::string to_upper_ascii(std::string_view text);
std::string to_lower_ascii(std::string_view text);

/// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);

/// The form two names are compared in when case and spacing must not matter: valid UTF-8
/// `text` with Unicode white space (no-break spaces too) trimmed at both ends, runs of it inside
/// made one space, composed (NFC: "é" typed in one character or two is the same) and case-folded
/// by Unicode's rules ("LINKÖPING" and "Linköping" give the same key). Invalid UTF-8 is
/// returned as it is.
std::string comparison_key(std::string_view text);

/// Whether `text` begins or ends with Unicode white space (a no-break space too).
bool has_surrounding_space(std::string_view text);

/// `parts` joined with `separator`.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// Edit distance (insertions, deletions, substitutions) between two ASCII strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace cfp::util

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstddef>
#include <string_view>

namespace cfp::cli {

/// Whether `text` is a JSON object written exactly as dump_json (value_text.hpp) writes it after
/// reading it (ordered_json::parse): no space between tokens, each key once in its object,
/// strings escaped as the serializer escapes them (only `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`
/// and other control characters as lowercase `\u00XX`; valid UTF-8 otherwise as it is), whole
/// numbers with no sign on zero, no leading zero and within 64 bits. A text it accepts can be
/// shown as it is, without being read into a document and written again; it turns down every
/// other text (numbers with a fraction or an exponent, objects of more than 256 keys), which is
/// then read and written the long way. One pass, no recursion: nesting of any depth is safe.
bool is_compact_json_object(std::string_view text);

/// How deep JSON read into a document may nest: what SQLite's json_valid accepts, which every
/// stored document passed (a CHECK). Reading, copying and writing a document recurse once a
/// level, so one nested further (written into the file behind cfp's back) could overflow the
/// stack.
inline constexpr std::size_t k_max_json_depth = 2000;

/// Whether no array or object in `text` (JSON or not) opens more than `limit` levels deep;
/// brackets inside strings do not count. One pass, no recursion.
bool json_depth_at_most(std::string_view text, std::size_t limit);

} // namespace cfp::cli

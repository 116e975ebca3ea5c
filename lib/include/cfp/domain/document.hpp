// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/time.hpp>
#include <cfp/util/result.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::domain {

/// The kinds of document a proposal has, in the order they are listed: the technical part
/// (Part B), annexes, letters of support from the participating states, anything else.
inline constexpr std::array<std::string_view, 4> k_part_kinds{"part-b", "annex", "support-letter", "other"};

/// The largest number a further document of one kind may have (`annex-2` ... `annex-20`).
inline constexpr int k_max_part_number = 20;

/// How large one document may be unless its call says otherwise: 50 MiB.
inline constexpr std::int64_t k_default_document_limit = std::int64_t{50} << 20;
/// How large the documents of one proposal version may be together: 200 MiB. No call may let a
/// single document be larger.
inline constexpr std::int64_t k_proposal_documents_limit = std::int64_t{200} << 20;

/// The part named `text` (ASCII case ignored), in its canonical spelling: a kind of
/// k_part_kinds, or for annexes, support letters and other documents that kind followed by a
/// number from 2 to k_max_part_number for further ones (`support-letter-2`). There is one part B.
util::Result<std::string> parse_part(std::string_view text);

/// The kind of a canonical part name (`support-letter-2` -> `support-letter`).
std::string_view part_kind(std::string_view part);

/// Orders canonical part names as proposals list them: by kind (k_part_kinds), then number.
bool part_before(std::string_view a, std::string_view b);

/// The parts a call requires, read from a comma-separated list of kinds (`part-b,support-letter`;
/// empty: none). Each must be a kind of k_part_kinds, named once. Returned in k_part_kinds order.
util::Result<std::vector<std::string>> parse_required_parts(std::string_view text);

/// A document limit typed by a person or a script: bytes, or a number with KiB, MiB, GiB
/// (also KB, MB, GB: the same powers of 1024), from 1 KiB to k_proposal_documents_limit.
util::Result<std::int64_t> parse_document_limit(std::string_view text);

/// A size as people read it: "812 B", "4.2 MB" (decimal: 1 MB = 1,000,000 bytes), "1.1 GB".
std::string format_size(std::int64_t bytes);

/// A size in the binary units limits are given in: "50 MiB", "512 KiB", "1000 B".
std::string format_limit(std::int64_t bytes);

/// The media types cfp recognises from a file's first and last bytes.
inline constexpr std::string_view k_pdf = "application/pdf";
inline constexpr std::string_view k_octet_stream = "application/octet-stream";

/// Tells the media type of a file from its content (its magic bytes), never from its name: fed
/// the whole file in pieces, it keeps only the first and the last bytes it was given.
class MediaSniffer
{
public:
  void update(const char* data, std::size_t size);
  /// The media type of what was fed: application/pdf (starts with `%PDF-` and ends with
  /// `%%EOF`, but for line ends and blanks), image/png, image/jpeg, application/zip (also the
  /// Office and OpenDocument files), text/plain (UTF-8 without control characters but tab and
  /// line ends), else application/octet-stream.
  std::string media_type() const;
  /// Whether the content starts as a PDF does, whatever its end.
  bool starts_as_pdf() const;

private:
  static constexpr std::size_t k_tail = 1024;
  std::string m_head;     ///< the first 1024 bytes
  std::string m_tail;     ///< the last bytes fed, up to 2 * k_tail
  bool m_text = true;     ///< every byte so far could be UTF-8 text
  int m_continuation = 0; ///< UTF-8 continuation bytes still expected
  std::uint64_t m_size = 0;
};

/// The file name extension cfp gives a document of `media_type` when it writes it out
/// (`pdf`, `png`, `jpg`, `zip`, `txt`, `bin`).
std::string_view extension_of(std::string_view media_type);

/// Empty when a document with this content may be part `part`, else why not: a part B must be
/// a PDF, and a file whose name ends in `.pdf` must be one whatever its part.
std::optional<std::string> check_document(std::string_view part, std::string_view file_name,
                                          std::string_view media_type, bool starts_as_pdf);

/// Empty when `name` may be kept as a document's file name (the last component of the path it
/// was read from: UTF-8, 1-255 bytes, no control characters, no '/'), else why not.
std::optional<std::string> check_file_name(std::string_view name);

/// The longest title of a document, in bytes: it is kept in every audit entry of the proposal's
/// later versions, so it stays a title, not a text.
inline constexpr std::size_t k_max_document_title_bytes = 1000;

/// Empty when `title` may be a document's title (free text, domain::check_text, of at most
/// k_max_document_title_bytes), else why not.
std::optional<std::string> check_document_title(std::string_view title);

/// One document of a proposal version: which part it is, the file it came from, and what was
/// stored of it.
struct Document
{
  std::string part;
  std::string file_name;            ///< the name of the file attached, without its folder
  std::optional<std::string> title; ///< what the official called it
  std::int64_t size = 0;
  std::string media_type;
  std::string sha256; ///< 64 lowercase hex digits
  int version = 0;    ///< the proposal version it was attached in
  Instant recorded_at;
  std::string recorded_by;

  bool operator==(const Document&) const = default;
};

} // namespace cfp::domain

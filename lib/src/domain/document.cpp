// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/document.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace cfp::domain {

namespace {

std::string kinds_list()
{
  std::vector<std::string> kinds(k_part_kinds.begin(), k_part_kinds.end());
  return util::join(kinds, ", ");
}

std::size_t kind_index(std::string_view kind)
{
  return static_cast<std::size_t>(std::find(k_part_kinds.begin(), k_part_kinds.end(), kind) - k_part_kinds.begin());
}

// The number of a further part (`annex-3` -> 3), or 1 for the first of its kind.
int part_number(std::string_view part)
{
  const auto kind = part_kind(part);
  if (part.size() == kind.size()) {
    return 1;
  }
  int number = 0;
  std::from_chars(part.data() + kind.size() + 1, part.data() + part.size(), number);
  return number;
}

} // namespace

util::Result<std::string> parse_part(std::string_view text)
{
  const auto name = util::to_lower_ascii(util::trim(text));
  for (const auto kind : k_part_kinds) {
    if (name == kind) {
      return name;
    }
    if (kind == "part-b" || name.size() <= kind.size() + 1 || name.compare(0, kind.size(), kind) != 0 ||
        name[kind.size()] != '-') {
      continue;
    }
    const std::string_view digits = std::string_view(name).substr(kind.size() + 1);
    int number = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error == std::errc{} && end == digits.data() + digits.size() && digits.front() != '0' && number >= 2 &&
        number <= k_max_part_number) {
      return name;
    }
    return util::Failure{fmt::format("'{}' is not a part: a further {} is numbered from 2 to {} ({}-2)",
                                     util::excerpt(text), kind, k_max_part_number, kind)};
  }
  return util::Failure{fmt::format("'{}' is not a part; the parts are {} (and annex-2, support-letter-2, ... for "
                                   "further ones)",
                                   util::excerpt(text), kinds_list())};
}

std::string_view part_kind(std::string_view part)
{
  for (const auto kind : k_part_kinds) {
    if (part.size() >= kind.size() && part.substr(0, kind.size()) == kind &&
        (part.size() == kind.size() || part[kind.size()] == '-')) {
      return kind;
    }
  }
  return part;
}

bool part_before(std::string_view a, std::string_view b)
{
  const auto kind_a = kind_index(part_kind(a));
  const auto kind_b = kind_index(part_kind(b));
  if (kind_a != kind_b) {
    return kind_a < kind_b;
  }
  const auto number_a = part_number(a);
  const auto number_b = part_number(b);
  return number_a != number_b ? number_a < number_b : a < b;
}

util::Result<std::vector<std::string>> parse_required_parts(std::string_view text)
{
  std::vector<std::string> parts;
  if (util::trim(text).empty()) {
    return parts;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = std::min(text.find(',', start), text.size());
    const auto name = util::to_lower_ascii(util::trim(text.substr(start, comma - start)));
    if (name.empty()) {
      return util::Failure{"an empty part name; give the kinds separated by commas (part-b,support-letter)"};
    }
    if (kind_index(name) == k_part_kinds.size()) {
      return util::Failure{fmt::format("'{}' is not a kind of part; a call may require {}", util::excerpt(name),
                                       kinds_list())};
    }
    if (std::find(parts.begin(), parts.end(), name) != parts.end()) {
      return util::Failure{fmt::format("{} is named twice", name)};
    }
    parts.push_back(name);
    start = comma + 1;
  }
  std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return part_before(a, b); });
  return parts;
}

util::Result<std::int64_t> parse_document_limit(std::string_view text)
{
  const auto trimmed = util::trim(text);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), number);
  const auto fail = [&] {
    return util::Failure{fmt::format("'{}' is not a document size; give bytes or a whole number of KiB, MiB or GiB "
                                     "(20MiB), from 1 KiB to {}",
                                     util::excerpt(text), format_limit(k_proposal_documents_limit))};
  };
  if (error != std::errc{} || end == trimmed.data() || number <= 0) {
    return fail();
  }
  const auto unit =
      util::to_lower_ascii(util::trim(trimmed.substr(static_cast<std::size_t>(end - trimmed.data()))));
  int shift = -1;
  if (unit.empty() || unit == "b") {
    shift = 0;
  } else if (unit == "kib" || unit == "kb" || unit == "k") {
    shift = 10;
  } else if (unit == "mib" || unit == "mb" || unit == "m") {
    shift = 20;
  } else if (unit == "gib" || unit == "gb" || unit == "g") {
    shift = 30;
  }
  if (shift < 0 || number > (k_proposal_documents_limit >> shift)) {
    return fail();
  }
  const auto bytes = number << shift;
  if (bytes < 1024) {
    return fail();
  }
  return bytes;
}

std::string format_size(std::int64_t bytes)
{
  if (bytes < 1000) {
    return fmt::format("{} B", bytes);
  }
  static constexpr std::array<std::string_view, 3> k_units{"kB", "MB", "GB"};
  double value = static_cast<double>(bytes) / 1000.0;
  std::size_t unit = 0;
  while (value >= 999.95 && unit + 1 < k_units.size()) {
    value /= 1000.0;
    ++unit;
  }
  return fmt::format("{:.1f} {}", value, k_units[unit]);
}

std::string format_limit(std::int64_t bytes)
{
  if (bytes % (std::int64_t{1} << 30) == 0) {
    return fmt::format("{} GiB", bytes >> 30);
  }
  if (bytes % (std::int64_t{1} << 20) == 0) {
    return fmt::format("{} MiB", bytes >> 20);
  }
  if (bytes % 1024 == 0) {
    return fmt::format("{} KiB", bytes >> 10);
  }
  return fmt::format("{} B", bytes);
}

void MediaSniffer::update(const char* data, std::size_t size)
{
  if (size == 0) {
    return;
  }
  m_size += size;
  if (m_head.size() < k_tail) {
    m_head.append(data, std::min(size, k_tail - m_head.size()));
  }
  // Text: well-formed UTF-8 sequences, no control characters but tab, line feed, carriage return
  // and form feed. Checked byte by byte as the pieces arrive, so a sequence may span two.
  for (std::size_t i = 0; i < size && m_text; ++i) {
    const auto byte = static_cast<unsigned char>(data[i]);
    if (m_continuation > 0) {
      m_text = (byte & 0xC0U) == 0x80U;
      --m_continuation;
    } else if (byte < 0x80U) {
      m_text = byte >= 0x20U ? byte != 0x7FU : (byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f');
    } else if ((byte & 0xE0U) == 0xC0U && byte >= 0xC2U) {
      m_continuation = 1;
    } else if ((byte & 0xF0U) == 0xE0U) {
      m_continuation = 2;
    } else if ((byte & 0xF8U) == 0xF0U && byte <= 0xF4U) {
      m_continuation = 3;
    } else {
      m_text = false;
    }
  }
  if (size >= k_tail) {
    m_tail.assign(data + size - k_tail, k_tail);
  } else {
    m_tail.append(data, size);
    if (m_tail.size() > 2 * k_tail) {
      m_tail.erase(0, m_tail.size() - k_tail);
    }
  }
}

bool MediaSniffer::starts_as_pdf() const
{
  return m_head.starts_with("%PDF-");
}

std::string MediaSniffer::media_type() const
{
  if (starts_as_pdf()) {
    // As PDF readers look for it: `%%EOF` within the last 1024 bytes, so that a writer's
    // padding after it is no reason to refuse a whole document.
    std::string_view tail = m_tail;
    if (tail.size() > k_tail) {
      tail.remove_prefix(tail.size() - k_tail);
    }
    return tail.find("%%EOF") != std::string_view::npos ? std::string(k_pdf) : std::string(k_octet_stream);
  }
  const std::string_view head = m_head;
  if (head.starts_with("\x89PNG\r\n\x1a\n")) {
    return "image/png";
  }
  if (head.starts_with("\xff\xd8\xff")) {
    return "image/jpeg";
  }
  if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) {
    return "application/zip";
  }
  if (m_size > 0 && m_text && m_continuation == 0) {
    return "text/plain";
  }
  return std::string(k_octet_stream);
}

std::string_view extension_of(std::string_view media_type)
{
  if (media_type == k_pdf) {
    return "pdf";
  }
  if (media_type == "image/png") {
    return "png";
  }
  if (media_type == "image/jpeg") {
    return "jpg";
  }
  if (media_type == "application/zip") {
    return "zip";
  }
  if (media_type == "text/plain") {
    return "txt";
  }
  return "bin";
}

std::optional<std::string> check_document(std::string_view part, std::string_view file_name,
                                          std::string_view media_type, bool starts_as_pdf)
{
  if (media_type == k_pdf) {
    return std::nullopt;
  }
  const auto lower_name = util::to_lower_ascii(file_name);
  const bool named_pdf = lower_name.ends_with(".pdf");
  if (part != "part-b" && !named_pdf) {
    return std::nullopt;
  }
  std::string found;
  if (starts_as_pdf) {
    found = "it starts as a PDF but has no %%EOF in its last 1024 bytes: it was cut short, or is not a PDF";
  } else {
    found = fmt::format("its content is {}, not a PDF (a PDF starts with %PDF- and ends with %%EOF)", media_type);
  }
  if (part == "part-b") {
    return fmt::format("a part-b must be a PDF, and {}", found);
  }
  return fmt::format("the file is named .pdf, but {}", found);
}

std::optional<std::string> check_document_title(std::string_view title)
{
  if (auto problem = check_text(title, "title")) {
    return problem;
  }
  if (title.size() > k_max_document_title_bytes) {
    return fmt::format("a document's title is at most {} bytes; this one has {}", k_max_document_title_bytes,
                       title.size());
  }
  return std::nullopt;
}

std::optional<std::string> check_file_name(std::string_view name)
{
  if (name.empty() || name == "." || name == "..") {
    return "a document needs a file name";
  }
  if (name.size() > 255) {
    return "a file name is at most 255 bytes";
  }
  if (!util::is_valid_utf8(name)) {
    return "the file name is not valid UTF-8";
  }
  if (util::has_control_characters(name) || name.find('/') != std::string_view::npos) {
    return "the file name holds a control character or '/'";
  }
  if (util::trim(name).size() != name.size()) {
    return "the file name starts or ends with a space";
  }
  // The characters that reverse or isolate the direction of text: `letter\u202Efdp.exe` would
  // show as `letterexe.pdf`.
  for (const auto* mark : {"\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
                           "\u2066", "\u2067", "\u2068", "\u2069"}) {
    if (name.find(mark) != std::string_view::npos) {
      return "the file name holds a character that changes the direction of text, which can disguise it";
    }
  }
  return std::nullopt;
}

} // namespace cfp::domain

// SPDX-License-Identifier: EUPL-1.2
#include "changes.hpp"

#include "value_text.hpp"

#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::cli {

std::string change_text(const domain::Value& value, const date::time_zone& zone)
{
  std::string text;
  if (const auto* names = std::get_if<std::vector<std::string>>(&value)) {
    text = util::join(*names, ",");
  } else {
    text = human_text(value, zone);
  }
  // A title or a reason may be long, or hold line breaks: the line quotes the start of it.
  return text.empty() ? std::string("(none)") : util::excerpt(text);
}

std::string changed_line(const std::vector<FieldChange>& changes, const std::vector<std::string>& described)
{
  if (changes.empty() && described.empty()) {
    return {};
  }
  std::vector<std::string> parts = described;
  parts.reserve(described.size() + changes.size());
  for (const auto& change : changes) {
    parts.push_back(change.field + " " + change.before + " -> " + change.after);
  }
  return "changed: " + util::join(parts, "; ");
}

namespace {

// A document as a change names it: its file name (escaped, cut short) and size.
std::string document_text(const domain::Document& document)
{
  return fmt::format("{}, {}", util::excerpt(util::escape_controls(document.file_name), 60),
                     domain::format_size(document.size));
}

} // namespace

std::vector<std::string> document_changes(const std::vector<domain::Document>& before,
                                          const std::vector<domain::Document>& after)
{
  std::vector<std::string> changes;
  const auto find = [](const std::vector<domain::Document>& documents, const std::string& part) {
    const auto found = std::find_if(documents.begin(), documents.end(),
                                    [&](const domain::Document& document) { return document.part == part; });
    return found == documents.end() ? nullptr : &*found;
  };
  std::vector<std::string> parts;
  for (const auto* documents : {&before, &after}) {
    for (const auto& document : *documents) {
      if (std::find(parts.begin(), parts.end(), document.part) == parts.end()) {
        parts.push_back(document.part);
      }
    }
  }
  std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return domain::part_before(a, b); });
  for (const auto& part : parts) {
    const auto* old_document = find(before, part);
    const auto* new_document = find(after, part);
    if (old_document == nullptr) {
      changes.push_back(fmt::format("{} attached: {}", part, document_text(*new_document)));
    } else if (new_document == nullptr) {
      changes.push_back(fmt::format("{} detached: {}", part, document_text(*old_document)));
    } else if (old_document->sha256 != new_document->sha256) {
      auto change = fmt::format("{} replaced: {} -> {}", part, domain::format_size(old_document->size),
                                domain::format_size(new_document->size));
      if (old_document->file_name != new_document->file_name) {
        change += fmt::format(" ({} -> {})", util::excerpt(util::escape_controls(old_document->file_name), 60),
                              util::excerpt(util::escape_controls(new_document->file_name), 60));
      } else if (old_document->size == new_document->size) {
        change += fmt::format(" (SHA-256 {} -> {})", old_document->sha256.substr(0, 12),
                              new_document->sha256.substr(0, 12));
      }
      changes.push_back(std::move(change));
    } else if (old_document->file_name != new_document->file_name || old_document->title != new_document->title) {
      changes.push_back(fmt::format("{} renamed: {}", part, document_text(*new_document)));
    }
  }
  return changes;
}

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#include "changes.hpp"

#include "value_text.hpp"

#include <cfp/util/text.hpp>

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

std::string changed_line(const std::vector<FieldChange>& changes)
{
  if (changes.empty()) {
    return {};
  }
  std::vector<std::string> parts;
  parts.reserve(changes.size());
  for (const auto& change : changes) {
    parts.push_back(change.field + " " + change.before + " -> " + change.after);
  }
  return "changed: " + util::join(parts, "; ");
}

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The line a changing command prints on stderr to say what it changed, field by field, from
// the same field tables the outputs use: "changed: partners CZ,DK -> SE; eu_contribution_eur
// 300,000,000.00 -> 310,000,000.00".

#include <cfp/core/field.hpp>
#include <cfp/domain/document.hpp>
#include <cfp/domain/value.hpp>

#include <date/tz.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// One field whose value differs between two versions of a record, as people read it.
struct FieldChange
{
  std::string field;
  std::string before;
  std::string after;
};

/// `value` as a changed line shows it: money grouped, instants in `zone`, lists joined with
/// ',', and "(none)" for a value that is absent or empty.
std::string change_text(const domain::Value& value, const date::time_zone& zone);

/// "changed: FIELD BEFORE -> AFTER; ..."; empty when nothing changed. `described` are changes
/// already put in words (a document attached), listed first.
std::string changed_line(const std::vector<FieldChange>& changes, const std::vector<std::string>& described = {});

/// What changed in the documents between two versions, in part order: "part-b attached:
/// partb.pdf, 4.2 MB", "part-b replaced: 4.2 MB -> 4.3 MB", "annex detached: annex.pdf, 1.0 MB".
std::vector<std::string> document_changes(const std::vector<domain::Document>& before,
                                          const std::vector<domain::Document>& after);

/// The fields of `fields` whose values differ between `before` and `after`, in field order,
/// leaving out those named in `ignore` (a version number, an id).
template<typename Row, typename Input>
std::vector<FieldChange> field_changes(const core::Fields<Row, Input>& fields, const Row& before, const Row& after,
                                       const core::Display& display, std::initializer_list<std::string_view> ignore)
{
  std::vector<FieldChange> changes;
  for (const auto& field : fields) {
    if (std::find(ignore.begin(), ignore.end(), field.name) != ignore.end()) {
      continue;
    }
    const auto old_value = field.get(before, display);
    const auto new_value = field.get(after, display);
    if (old_value != new_value) {
      changes.push_back(
          {std::string(field.name), change_text(old_value, *display.zone), change_text(new_value, *display.zone)});
    }
  }
  return changes;
}

} // namespace cfp::cli

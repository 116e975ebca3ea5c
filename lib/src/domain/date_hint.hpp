// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cfp::domain::detail {

/// A date written the way people write it elsewhere, in the form cfp reads (YYYY-MM-DD): day
/// first (31/01/2025, 31.01.2025, 31-01-2025) or year first with slashes or dots (2025/01/31),
/// followed by what came after it (a time). Empty when `text` is not such a date; whether the
/// date exists is for the caller to check.
std::optional<std::string> iso_form(std::string_view text);

} // namespace cfp::domain::detail

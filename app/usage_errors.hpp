// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// The name among `names` closest to `word` (ignoring ASCII case), when one is close enough to
/// be what was meant: at most one edit (insertion, deletion, substitution or two neighbours
/// swapped) for a word up to 4 characters, two up to 8, three beyond; or a name that `word` of
/// 3 or more characters begins. Empty when none is, or when several are equally close.
std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& names);

/// CLI11's complaint about the command line `args` (without the program name), which `app`
/// failed to parse with `error`, in plain words: the unknown command or option with the closest
/// one named ("did you mean"), a group without its command with its commands listed, an option
/// given twice or without its value said so. Other messages are CLI11's own.
std::string explain_usage_error(CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& args);

} // namespace cfp::cli

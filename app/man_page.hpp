// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "help_topics.hpp"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

namespace cfp::cli {

/// `text` as roff reads it back as text: backslashes and hyphens escaped (`\e`, `\-`, so that
/// options copied from the page are typed right), a line that starts with `.` or `'` made
/// text, and every character past ASCII named by its code point (`\[u00F6]`), so that neither
/// groff nor mandoc needs to guess the page's encoding.
std::string roff_text(std::string_view text);

/// Writes the cfp(1) manual page, in roff with the man macros, from the command tree `app`
/// (what `cfp --help` shows: its global options, then every command and its options, with
/// their help) and the help topics, which become its sections (DATES, MONEY ..., EXIT STATUS,
/// ENVIRONMENT).
void write_man_page(const CLI::App& app, std::span<const HelpTopic> topics, std::ostream& out);

} // namespace cfp::cli

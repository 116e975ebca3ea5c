// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// The kinds of value a word may be, besides commands and options: what the database holds
/// (calls, cut-off labels, acronyms, states) and what cfp knows itself (sectors, plans ...).
enum class ValueKind { none, calls, cutoffs, acronyms, states, sectors, parts, plans, statuses, outcomes, formats,
                       input_formats, delimiters, shells, files };

/// Where the values of a kind come from: the database, for calls, cut-offs, acronyms and states;
/// `call` is the call the words named before (`--call X`, or a CALL argument), or empty: the
/// cut-offs and acronyms of that call alone then.
using ValueSource = std::function<std::vector<std::string>(ValueKind kind, const std::string& call)>;

/// What the word being typed, the last of `words` (the words after the program's name, the
/// last one possibly empty), may become in the command tree `app`: the subcommands, options or
/// values that begin with it, sorted, each once. Files are left to the shell (nothing).
std::vector<std::string> complete(const CLI::App& app, const std::vector<std::string>& words,
                                  const ValueSource& values);

/// The kind of value the word after `option` (a long name such as "--host") is, given that
/// the option belongs to the command `command` ("proposal add").
ValueKind value_kind_of_option(std::string_view option);

/// The words of a command line typed up to the cursor, as the shell will pass them: blanks
/// between words, single and double quotes, backslash escapes; nothing expanded. The last word
/// is the one being typed: empty after a blank, and a quote left open is part of it.
std::vector<std::string> words_of_line(std::string_view line);

/// The script that makes `shell` (bash, zsh or fish) complete cfp's words by asking
/// `cfp __complete WORDS...`; empty for another shell.
std::string completion_script(std::string_view shell);

/// The database's global option, if `words` give it (`--db PATH` or `--db=PATH`), as the shell
/// would pass it: quotes around it taken off, a leading `~/` read as `home`.
std::string database_in(const std::vector<std::string>& words, const std::string& home);

} // namespace cfp::cli

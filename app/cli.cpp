// SPDX-License-Identifier: EUPL-1.2
#include "cli.hpp"

#include "command_tree.hpp"
#include "commands/registry.hpp"
#include "context.hpp"
#include "help_formatter.hpp"
#include "help_topics.hpp"
#include "man_page.hpp"
#include "usage_errors.hpp"
#include "version.hpp"

#include <cfp/error.hpp>
#include <cfp/util/fd_streambuf.hpp>
#include <cfp/util/text.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <unistd.h>

extern char** environ;

namespace cfp::cli {

namespace {

int exit_code_for(ErrorKind kind)
{
  switch (kind) {
  case ErrorKind::not_found:
  case ErrorKind::refused:
    return k_exit_refused;
  case ErrorKind::usage:
    return k_exit_usage;
  case ErrorKind::invalid_input:
    return k_exit_invalid_input;
  case ErrorKind::input_file:
    return k_exit_no_input;
  case ErrorKind::storage:
    return k_exit_storage;
  case ErrorKind::busy:
    return k_exit_busy;
  case ErrorKind::internal:
    return k_exit_software;
  }
  return k_exit_software;
}

// The command line as the audit log records it, quoted where a shell would need it.
// `word` as a shell reads it back: as it is when it is plain, else in single quotes.
std::string shell_quoted(const std::string& word)
{
  const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("-_./=:,+@%").find(c) != std::string_view::npos;
  });
  if (plain) {
    return word;
  }
  std::string quoted = "'";
  for (const char c : word) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

// The command line as the audit log records it: the variables that changed what its values and
// its time mean (CFP_NOW, CFP_TZ) first, then cfp and its arguments, quoted where a shell needs.
std::string command_line(const std::vector<std::string>& args, const Environment& env)
{
  std::string line;
  for (const char* name : {"CFP_NOW", "CFP_TZ"}) {
    if (const auto found = env.find(name); found != env.end() && !found->second.empty()) {
      line += std::string(name) + "=" + shell_quoted(found->second) + " ";
    }
  }
  line += "cfp";
  for (const auto& arg : args) {
    line += " " + shell_quoted(arg);
  }
  return line;
}


// Refuses a --format the command cannot print, before anything runs.
void check_format(const Formats& formats, Format format)
{
  if (std::find(formats.accepted.begin(), formats.accepted.end(), format) == formats.accepted.end()) {
    throw Error(ErrorKind::usage, std::string(formats.refusal));
  }
}

// What a command that changed the database adds when its output could not be written.
constexpr auto k_stays_recorded = "; what the command recorded in the database stays recorded ('cfp log' shows it)";

// The whole program, as `cfp --help` shows it: the global options (read into `options`) and the
// commands `args` names (see add_command_tree), registered into `registry`.
void build_app(CLI::App& app, GlobalOptions& options, Registry& registry, const std::vector<std::string>& args)
{
  app.fallthrough();
  app.require_subcommand(1);
  app.set_version_flag("--version", version_line());
  app.footer("Exit codes: 0 ok, 1 refused or not found, 2 usage, 65 invalid value, 66 input file, "
             "70 internal error, 74 database unusable, 75 database busy. See docs/cli.md.\n"
             "Topics: 'cfp help' lists them (dates, money, states, formats, exit-codes, environment, "
             "database).");
  add_global_options(app, options);
  add_command_tree(app, registry, args);
  show_examples_in_help(app);
}

constexpr auto k_description = "cfp: keeps calls for proposals, their cut-offs and proposals in one SQLite database";

// `cfp help --man` (hidden; the build writes cfp.1 with it): the manual page of the whole tree.
int write_manual(std::ostream& out, std::ostream& err)
{
  CLI::App app{k_description, "cfp"};
  GlobalOptions options;
  Registry registry;
  build_app(app, options, registry, {"--help"});
  write_man_page(app, help_topics(), out);
  out.flush();
  if (!out) {
    err << "cfp: error: cannot write to standard output: " << util::write_failure(out) << '\n';
    return k_exit_storage;
  }
  return k_exit_ok;
}

// `cfp help`: the usage and the topics; `cfp help TOPIC`: the topic; `cfp help COMMAND...`: as
// `cfp COMMAND... --help`.
int run_help(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env,
             Terminals terminals)
{
  const auto topics = help_topics();
  if (args.size() == 2 && args[1] == "--man") {
    return write_manual(out, err);
  }
  if (args.size() == 1) {
    const int code = run({"--help"}, out, err, env, terminals);
    out << "\nHelp topics ('cfp help TOPIC'):\n";
    for (const auto& topic : topics) {
      out << fmt::format("  {:<13}{}\n", topic.name, topic.summary);
    }
    out << "\nEvery command's own help: 'cfp help COMMAND' or 'cfp COMMAND --help'. The whole manual: docs/cli.md.\n";
    return code;
  }
  const std::string& word = args[1];
  if (args.size() == 2) {
    for (const auto& topic : topics) {
      if (util::to_lower_ascii(word) == topic.name) {
        out << topic.text;
        return k_exit_ok;
      }
    }
  }
  const std::vector<std::string> words(args.begin() + 1, args.end());
  if (!named_group(words).empty()) {
    auto with_help = words;
    with_help.emplace_back("--help");
    return run(with_help, out, err, env, terminals);
  }
  std::vector<std::string> names;
  for (const auto& topic : topics) {
    names.emplace_back(topic.name);
  }
  for (const auto name : group_names()) {
    names.emplace_back(name);
  }
  const auto closest = closest_name(word, names);
  err << "cfp: error: "
      << util::escape_controls(fmt::format("no help topic or command '{}'{}", util::excerpt(word),
                                           closest ? fmt::format("; did you mean '{}'?", *closest)
                                                   : std::string("; 'cfp help' lists them")))
      << '\n';
  return k_exit_usage;
}

} // namespace

namespace {

// run() without the last check of its output.
int run_unchecked(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env,
                  Terminals terminals)
{
  if (!args.empty() && args.front() == "help") {
    return run_help(args, out, err, env, terminals);
  }
  if (!args.empty() && args.front() == "__complete") {
    return run_complete({args.begin() + 1, args.end()}, out, env);
  }
  CLI::App app{k_description, "cfp"};
  GlobalOptions options;
  Registry registry;
  build_app(app, options, registry, args);

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help, out, err);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version, out, err);
  } catch (const CLI::ParseError& error) {
    // In plain words, with the closest name of a mistyped word ("cfp proposl list").
    const std::string message = explain_usage_error(app, error, args);
    err << "cfp: error: " << util::escape_controls(message, util::LineFeeds::keep)
        << "\nRun 'cfp --help' (or 'cfp COMMAND --help') for the usage.\n";
    return k_exit_usage;
  }

  try {
    const Command* command = registry.find(chosen_command(app));
    if (command == nullptr) {
      throw Error(ErrorKind::internal, "the command has no handler");
    }
    Context context(options, env, out, err, command_line(args, env), terminals);
    check_format(command->formats, context.format());
    const bool dry_run = command->dry_run && *command->dry_run;
    if (dry_run) {
      context.set_dry_run();
    }
    try {
      command->handler(context);
    } catch (const Error& error) {
      // A list that failed to reach stdout after its command recorded a change (rank --apply):
      // the data is lost, not the change.
      constexpr std::string_view k_stdout_failure = "cannot write to standard output";
      if (error.kind() == ErrorKind::storage && error.message().starts_with(k_stdout_failure) &&
          context.may_have_written()) {
        throw Error(ErrorKind::storage, error.message() + k_stays_recorded);
      }
      throw;
    }
    if (dry_run) {
      context.note("dry run: nothing was changed; run the command again without --dry-run to make the change");
    }
    out.flush();
    if (!out) {
      // The data is lost, not the change: say both, so that a script neither trusts the output
      // nor runs the command again.
      throw Error(ErrorKind::storage,
                  "cannot write to standard output: " + util::write_failure(out) +
                      (context.may_have_written() ? k_stays_recorded : ""));
    }
    return k_exit_ok;
  } catch (const Error& error) {
    // Messages quote values (util::excerpt); what else reached them cannot drive the terminal
    // either. Their own line breaks stay.
    err << "cfp: error: " << util::escape_controls(error.message(), util::LineFeeds::keep) << '\n';
    return exit_code_for(error.kind());
  } catch (const std::exception& error) {
    err << "cfp: error: internal error: " << util::escape_controls(error.what(), util::LineFeeds::keep)
        << "; please report this\n";
    return k_exit_software;
  }
}

} // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env,
        Terminals terminals)
{
  const int code = run_unchecked(args, out, err, env, terminals);
  // Whatever printed it (a command, --help, --version, a help topic, completion), output that
  // did not reach stdout is no success.
  if (code == k_exit_ok) {
    out.flush();
    if (!out) {
      err << "cfp: error: cannot write to standard output: " << util::write_failure(out) << '\n';
      return k_exit_storage;
    }
  }
  return code;
}

std::optional<std::string> usage_error(const std::vector<std::string>& args)
{
  CLI::App app{k_description, "cfp"};
  GlobalOptions options;
  Registry registry;
  build_app(app, options, registry, args);
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    return std::nullopt;
  } catch (const CLI::CallForAllHelp&) {
    return std::nullopt;
  } catch (const CLI::CallForVersion&) {
    return std::nullopt;
  } catch (const CLI::ParseError& error) {
    return explain_usage_error(app, error, args);
  }
  const Command* command = registry.find(chosen_command(app));
  if (command == nullptr) {
    return "the command has no handler";
  }
  try {
    check_format(command->formats, parse_format(options.format).value_or(Format::table));
  } catch (const Error& error) {
    return error.message();
  }
  return std::nullopt;
}

int run(int argc, char** argv, std::ostream& out, std::ostream& err)
{
  std::vector<std::string> args(argv + 1, argv + argc);
  Environment env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const auto equals = text.find('=');
    if (equals != std::string_view::npos) {
      env.emplace(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
    }
  }
  Terminals terminals{::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1};
  terminals.in = ::isatty(STDIN_FILENO) == 1;
  if (terminals.out) {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
      terminals.columns = size.ws_col;
    }
  }
  return run(args, out, err, env, terminals);
}

} // namespace cfp::cli

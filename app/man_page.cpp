// SPDX-License-Identifier: EUPL-1.2
#include "man_page.hpp"

#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <vector>

namespace cfp::cli {

namespace {

// The code point of one UTF-8 character, given as its bytes (util::character_at); a byte that
// starts no valid character stands for itself.
std::uint32_t code_point(std::string_view bytes)
{
  const auto lead = static_cast<unsigned char>(bytes.front());
  if (bytes.size() == 1) {
    return lead;
  }
  std::uint32_t value = lead & (0x7Fu >> bytes.size());
  for (const char continuation : bytes.substr(1)) {
    value = (value << 6) | (static_cast<unsigned char>(continuation) & 0x3Fu);
  }
  return value;
}

// `text` in bold (or another font: I italics), escaped.
std::string in_font(char font, std::string_view text)
{
  return fmt::format("\\f{}{}\\fR", font, roff_text(text));
}

std::vector<std::string_view> lines_of(std::string_view text)
{
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return lines;
}

// One entry of a list: the term on its line, the text indented under it (a blank line would be
// a paragraph break, which linters of man pages flag).
void write_entry(std::string_view term, std::string_view text, std::ostream& out)
{
  out << ".TP\n" << term << '\n';
  if (!text.empty()) {
    out << roff_text(text) << '\n';
  }
}

// What the options of --help show, on the page: `--status TEXT ...` (names in bold, what the
// option takes in italics) for an option, its name in italics for a positional argument
// (`FILE ...` when it takes several; the usage line says which are optional).
std::string option_term(const CLI::Option& option, const CLI::Formatter& formatter)
{
  if (option.get_positional()) {
    return in_font('I', option.get_name(true, false)) + (option.get_expected_max() > 1 ? " ..." : "");
  }
  std::vector<std::string> names;
  for (const auto& name : option.get_snames()) {
    names.push_back(in_font('B', "-" + name));
  }
  for (const auto& name : option.get_lnames()) {
    names.push_back(in_font('B', "--" + name));
  }
  std::string term = util::join(names, ", ");
  const std::string takes = formatter.make_option_opts(&option);
  if (!util::trim(takes).empty()) {
    term += " " + in_font('I', util::trim(takes));
  }
  return term;
}

// Options --help shows: not hidden (no group), and not a subcommand's -h, which every command
// has and GLOBAL OPTIONS lists once.
bool shown(const CLI::App& command, const CLI::Option& option)
{
  const bool help =
      command.get_parent() != nullptr && (&option == command.get_help_ptr() || &option == command.get_help_all_ptr());
  return !option.get_group().empty() && !help;
}

std::vector<const CLI::App*> shown_subcommands(const CLI::App& command)
{
  return command.get_subcommands([](const CLI::App* sub) {
    return !sub->get_name().empty() && !sub->get_group().empty() && !sub->get_disabled();
  });
}

// A command's section: its usage, what it does, its arguments and options, then each of its
// own commands' sections (`cfp log`, then `cfp log verify`).
void write_command(const CLI::App& command, const std::string& path, const CLI::Formatter& formatter, std::ostream& out)
{
  out << ".SS \"" << roff_text(path) << "\"\n";
  // CLI11's usage line, `Usage: cfp proposal show [OPTIONS] ACRONYM`, with the path in bold.
  const std::string usage = formatter.make_usage(&command, path);
  const auto start = usage.find(path);
  const auto rest =
      start == std::string::npos ? std::string_view() : util::trim(std::string_view(usage).substr(start + path.size()));
  out << in_font('B', path) << (rest.empty() ? "" : " ") << roff_text(rest) << '\n';
  if (!command.get_description().empty()) {
    out << ".PP\n" << roff_text(command.get_description()) << '\n';
  }
  for (const bool positional : {true, false}) {
    for (const auto* option : command.get_options()) {
      if (option->get_positional() == positional && shown(command, *option)) {
        write_entry(option_term(*option, formatter), option->get_description(), out);
      }
    }
  }
  for (const auto* sub : shown_subcommands(command)) {
    write_command(*sub, path + " " + sub->get_name(), formatter, out);
  }
}

struct Entry
{
  std::string_view term;
  std::string text;
  std::size_t column = 0; ///< where the text starts on the topic's lines
};

// Indented lines of two columns (`  CFP_DB     the database ...`, the text's further lines
// starting in its column) as entries; nothing when a line is not of that shape (an example).
std::optional<std::vector<Entry>> as_entries(const std::vector<std::string_view>& lines)
{
  std::vector<Entry> entries;
  for (const auto line : lines) {
    const auto lead = line.find_first_not_of(' ');
    if (!entries.empty() && lead >= entries.back().column) {
      entries.back().text += " " + std::string(line.substr(lead));
      continue;
    }
    const auto gap = line.find("  ", lead);
    const auto column = gap == std::string_view::npos ? gap : line.find_first_not_of(' ', gap);
    if (column == std::string_view::npos) {
      return std::nullopt;
    }
    entries.push_back({line.substr(lead, gap - lead), std::string(line.substr(column)), column});
  }
  return entries;
}

// A run of a topic's lines: prose (filled by the formatter), a table (a list of entries), or
// examples (as they are written, under the text).
void write_run(const std::vector<std::string_view>& run, bool indented, std::ostream& out)
{
  if (run.empty()) {
    return;
  }
  if (!indented) {
    out << ".PP\n";
    for (const auto line : run) {
      out << roff_text(line) << '\n';
    }
    return;
  }
  if (const auto entries = as_entries(run)) {
    for (const auto& entry : *entries) {
      write_entry(in_font('B', entry.term), entry.text, out);
    }
    return;
  }
  std::size_t indent = std::string_view::npos;
  for (const auto line : run) {
    indent = std::min(indent, line.find_first_not_of(' '));
  }
  out << ".PP\n.RS 4\n.nf\n";
  for (const auto line : run) {
    out << roff_text(line.substr(indent)) << '\n';
  }
  out << ".fi\n.RE\n";
}

// A help topic's page as a section, without its first line: the section's name replaces it.
void write_topic(const HelpTopic& topic, std::ostream& out)
{
  out << ".SH \"" << roff_text(topic.section) << "\"\n";
  const auto lines = lines_of(topic.text);
  std::vector<std::string_view> run;
  bool indented = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto line = lines[i];
    if (line.empty() || (!run.empty() && line.starts_with(' ') != indented)) {
      write_run(run, indented, out);
      run.clear();
    }
    if (!line.empty()) {
      indented = run.empty() ? line.starts_with(' ') : indented;
      run.push_back(line);
    }
  }
  write_run(run, indented, out);
}

} // namespace

std::string roff_text(std::string_view text)
{
  std::string roff;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (line_start && (c == '.' || c == '\'')) {
      roff += "\\&"; // else a control line: `.TH`, `'br`
    }
    line_start = c == '\n';
    if (static_cast<unsigned char>(c) >= 0x80) {
      const auto character = util::character_at(text, i);
      roff += fmt::format("\\[u{:04X}]", code_point(character));
      i += character.size();
      continue;
    }
    if (c == '\\') {
      roff += "\\e";
    } else if (c == '-') {
      roff += "\\-";
    } else {
      roff += c;
    }
    ++i;
  }
  return roff;
}

void write_man_page(const CLI::App& app, std::span<const HelpTopic> topics, std::ostream& out)
{
  const CLI::Formatter formatter;
  const std::string& name = app.get_name();
  std::string summary = app.get_description();
  if (summary.starts_with(name + ": ")) {
    summary.erase(0, name.size() + 2);
  }

  out << ".\\\" Written by '" << name << " help --man' from the commands of '" << name << " --help'. Do not edit.\n"
      << ".TH " << roff_text(util::to_upper_ascii(name)) << " 1 \"\" \"" << roff_text(name + " " CFP_VERSION)
      << "\" \"User Commands\"\n"
      << ".nh\n" // no hyphens added inside options, paths and zones
      << ".ad l\n"
      << ".SH NAME\n"
      << roff_text(name) << " \\- " << roff_text(summary) << '\n'
      << ".SH SYNOPSIS\n"
      << in_font('B', name) << " [\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]\n.br\n"
      << in_font('B', name + " help") << " [\\fITOPIC\\fR | \\fICOMMAND\\fR]\n.br\n"
      << in_font('B', name + " --version") << '\n'
      << ".SH DESCRIPTION\n"
      << in_font('B', name) << ' ' << roff_text(summary) << ".\n"
      << ".PP\n"
      << "The global options may come before or after the command. Data goes to standard output,\n"
      << "messages to standard error: an error is one line, " << in_font('B', name + ": error:")
      << " and what to do,\nand the exit status says which kind of error it was (EXIT STATUS).\n"
      << ".PP\n"
      << in_font('B', name + " help") << " lists the commands and the help topics; " << in_font('B', name + " help")
      << " \\fITOPIC\\fR\nshows one";
  if (!topics.empty()) {
    out << " (the sections " << roff_text(topics.front().section) << " to " << roff_text(topics.back().section)
        << " below)";
  }
  out << ", and " << in_font('B', name) << " \\fICOMMAND\\fR " << in_font('B', "--help")
      << " one command's usage and options.\n";

  out << ".SH \"GLOBAL OPTIONS\"\n";
  for (const auto* option : app.get_options()) {
    if (shown(app, *option)) {
      write_entry(option_term(*option, formatter), option->get_description(), out);
    }
  }
  out << ".SH COMMANDS\n";
  for (const auto* command : shown_subcommands(app)) {
    write_command(*command, name + " " + command->get_name(), formatter, out);
  }
  for (const auto& topic : topics) {
    write_topic(topic, out);
  }
  out << ".SH FILES\n"
      << ".TP\n"
      << in_font('I', "$XDG_DATA_HOME/" + name + "/" + name + ".db") << '\n'
      << "The database, when neither " << in_font('B', "--db") << " nor CFP_DB names one;\n"
      << in_font('I', "~/.local/share/" + name + "/" + name + ".db") << " when XDG_DATA_HOME is not set.\n"
      << ".SH \"SEE ALSO\"\n"
      << ".BR sqlite3 (1)\n"
      << ".PP\n"
      << "docs/cli.md in " << roff_text(name) << "'s sources: every command with an example.\n";
}

} // namespace cfp::cli

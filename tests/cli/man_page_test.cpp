// SPDX-License-Identifier: EUPL-1.2
// `cfp help --man`: the manual page cfp(1), from the command tree `cfp --help` shows.
#include "cli/cli_fixture.hpp"

#include "command_tree.hpp"
#include "commands/registry.hpp"
#include "context.hpp"
#include "help_topics.hpp"
#include "man_page.hpp"

#include <cfp/util/text.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace cfp::test {
namespace {

class ManPageTest : public CliTest
{
protected:
  /// The page, as the build writes it.
  std::string page()
  {
    const auto result = cfp({"help", "--man"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    return result.out;
  }

  /// The part of `text` from the line `heading` to the next heading of the same kind
  /// (`.SS` or `.SH`), or empty when there is no such line.
  static std::string section(const std::string& text, const std::string& heading)
  {
    const auto start = text.find("\n" + heading + "\n");
    if (start == std::string::npos) {
      return {};
    }
    const auto end = text.find("\n" + heading.substr(0, 3) + " ", start + 1);
    const auto next_chapter = text.find("\n.SH ", start + 1);
    return text.substr(start, std::min(end, next_chapter) - start);
  }
};

// Every command of the tree, depth first, with its path (`cfp log verify`).
void walk(const CLI::App& command, const std::string& path,
          std::vector<std::pair<std::string, const CLI::App*>>& commands)
{
  commands.emplace_back(path, &command);
  for (const auto* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
    walk(*sub, path + " " + sub->get_name(), commands);
  }
}

TEST_F(ManPageTest, NamesEveryCommandAndEveryOptionOfTheTreeWithItsHelp)
{
  const std::string text = page();
  CLI::App app{"cfp", "cfp"};
  cli::GlobalOptions options;
  cli::Registry registry;
  cli::add_global_options(app, options);
  cli::add_command_tree(app, registry, {});
  std::vector<std::pair<std::string, const CLI::App*>> commands;
  walk(app, "cfp", commands);
  ASSERT_GT(commands.size(), 60u) << "the whole tree";

  std::size_t leaves = 0;
  for (const auto& [path, command] : commands) {
    const bool top = command == &app;
    const std::string part =
        top ? section(text, ".SH \"GLOBAL OPTIONS\"") : section(text, ".SS \"" + cli::roff_text(path) + "\"");
    ASSERT_FALSE(part.empty()) << path << " has no section";
    leaves += command->get_subcommands([](const CLI::App*) { return true; }).empty() ? 1u : 0u;
    if (!top) {
      EXPECT_NE(part.find("\n\\fB" + cli::roff_text(path) + "\\fR"), std::string::npos) << path << ": its usage";
      EXPECT_NE(part.find(cli::roff_text(command->get_description())), std::string::npos) << path;
    }
    for (const auto* option : command->get_options()) {
      if (option->get_group().empty() || (!top && option == command->get_help_ptr())) {
        continue; // hidden; every command has -h, --help, which GLOBAL OPTIONS lists once
      }
      const std::string name = (option->get_positional() ? "\\fI" + cli::roff_text(option->get_name(true, false))
                                                         : "\\fB" + cli::roff_text(option->get_name(false, false))) +
                               "\\fR";
      const auto at = part.find(name);
      ASSERT_NE(at, std::string::npos) << path << ": " << option->get_name(true, true);
      // The option's help follows its term on the next line.
      const auto help = part.find('\n', at);
      EXPECT_EQ(part.compare(help + 1, cli::roff_text(option->get_description()).size(),
                             cli::roff_text(option->get_description())),
                0)
          << path << ": " << option->get_name(true, true);
    }
  }
  EXPECT_GT(leaves, 50u);
  EXPECT_EQ(section(text, ".SS \"cfp proposal list\"").find("\\-\\-help"), std::string::npos)
      << "once, not per command";
  EXPECT_NE(section(text, ".SH \"GLOBAL OPTIONS\"").find("\\fB\\-\\-version\\fR"), std::string::npos);
}

TEST_F(ManPageTest, HasTheSectionsOfAManualAndATopicASection)
{
  const std::string text = page();
  EXPECT_EQ(text.find(".TH CFP 1 \"\" \"cfp " + cli::roff_text(CFP_VERSION) + "\""), text.find("\n.TH") + 1);
  for (const char* heading : {".SH NAME\ncfp \\- keeps calls for proposals", ".SH SYNOPSIS", ".SH DESCRIPTION",
                              ".SH \"GLOBAL OPTIONS\"", ".SH COMMANDS", ".SH FILES", ".SH \"SEE ALSO\""}) {
    EXPECT_NE(text.find("\n" + std::string(heading)), std::string::npos) << heading;
  }
  for (const auto& topic : cli::help_topics()) {
    const std::string part = section(text, ".SH \"" + std::string(topic.section) + "\"");
    ASSERT_FALSE(part.empty()) << topic.name;
    // Every line of the topic but its title is on the page, in its words.
    const auto lines = lines_of(std::string(topic.text));
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const std::string line(util::trim(lines[i]));
      const std::string first_column = line.substr(0, line.find("  "));
      EXPECT_NE(part.find(cli::roff_text(first_column)), std::string::npos) << topic.name << ": " << lines[i];
    }
  }
  EXPECT_NE(text.find(".SH \"EXIT STATUS\""), std::string::npos);
  EXPECT_NE(text.find(".SH \"ENVIRONMENT\""), std::string::npos);
  EXPECT_TRUE(std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
      << "characters past ASCII are named by their code points";
  EXPECT_NE(section(text, ".SH \"OUTPUT FORMATS\"").find("\\[u2026]"), std::string::npos) << "the ellipsis of cut text";
}

TEST_F(ManPageTest, TextThatRoffWouldReadAsARequestOrAnEscapeIsEscaped)
{
  EXPECT_EQ(cli::roff_text(".TH gone"), "\\&.TH gone");
  EXPECT_EQ(cli::roff_text("'br"), "\\&'br");
  EXPECT_EQ(cli::roff_text("one\n.two\n'three"), "one\n\\&.two\n\\&'three");
  EXPECT_EQ(cli::roff_text("a.b 'c'"), "a.b 'c'");
  EXPECT_EQ(cli::roff_text("C:\\cfp \\fB"), "C:\\ecfp \\efB");
  EXPECT_EQ(cli::roff_text("--db 2025-02-01"), "\\-\\-db 2025\\-02\\-01");
  EXPECT_EQ(cli::roff_text("Linköping …"), "Link\\[u00F6]ping \\[u2026]");
  EXPECT_EQ(cli::roff_text("€ 𝄞"), "\\[u20AC] \\[u1D11E]");
}

TEST_F(ManPageTest, GroffFormatsItWithoutAWarning)
{
  const std::filesystem::path groff = "/usr/bin/groff";
  ASSERT_TRUE(std::filesystem::exists(groff)) << "groff is missing: scripts/install-deps.sh groff-base";
  const auto file = m_dir / "cfp.1";
  std::ofstream(file) << page();
  const std::vector<std::string> env{"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", "HOME=" + m_dir.path().string()};
  // As man formats it, with every warning on.
  const auto checked = run_process({groff.string(), "-man", "-Tutf8", "-ww", "-z", file.string()}, env);
  EXPECT_EQ(checked.exit_code, 0);
  EXPECT_EQ(checked.err, "");
  // Plain text (no bold by overstriking), 80 columns wide.
  const auto shown = run_process({groff.string(), "-man", "-Tutf8", "-ww", "-P-cbou", "-rLL=80n", file.string()}, env);
  EXPECT_EQ(shown.err, "");
  EXPECT_NE(shown.out.find("cfp proposal list"), std::string::npos);
  EXPECT_NE(shown.out.find("\"…\""), std::string::npos) << "named characters come out as themselves";
  EXPECT_NE(shown.out.find("EXIT STATUS"), std::string::npos);
}

TEST_F(ManPageTest, OnlyHelpAloneTakesMan)
{
  fails({"help", "--man", "extra"}, 2, "cfp: error: no help topic or command '--man'");
  EXPECT_EQ(cfp({"help"}).out.find("--man"), std::string::npos) << "not listed: the build uses it";
}

} // namespace
} // namespace cfp::test

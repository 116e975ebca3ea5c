// SPDX-License-Identifier: EUPL-1.2
#include "docs/cli_document.hpp"

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace cfp::test::docs {

namespace fs = std::filesystem;

const fs::path k_document = fs::path(CFP_SOURCE_DIR) / "docs" / "cli.md";

namespace {

// Sentences of "About the examples" that this test implements: if one changes, so must the test.
constexpr std::string_view k_order_rule =
    "first those of [Global options](#global-options), then those of [Commands](#commands) in their order, "
    "then those of the other sections, so later examples see the changes of earlier ones.";
constexpr std::string_view k_stderr_rule =
    "What a command prints on stderr is shown after its stdout, with the exit status when it is not 0.";
constexpr std::string_view k_csv_rule = "CSV records end with CRLF; the examples show them as plain lines.";

/// A problem with the document itself, at one of its lines.
struct DocumentError : std::runtime_error
{
  DocumentError(int line, const std::string& message)
      : std::runtime_error("docs/cli.md:" + std::to_string(line) + ": " + message)
  {
  }
};

/// A fenced block of the document with what stands between it and the block before it.
struct Block
{
  std::string language; ///< "console", "text", "json" ...
  int line = 0;         ///< of the opening fence
  std::vector<std::string> lines;
  std::vector<std::string> prose; ///< non-blank lines since the previous block or heading
  bool follows_directly = false;  ///< only blank lines since the previous block
  std::string chapter;
  std::string section;
};

// The lines of the file at `path`, without their LF.
std::vector<std::string> read_lines(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// Whether `line` separates paragraphs.
bool is_blank(const std::string& line)
{
  return line.find_first_not_of(" \t") == std::string::npos;
}

// The lines of a fenced block as a program prints them: each line ends with LF.
std::string as_text(const std::vector<std::string>& lines)
{
  std::string text;
  for (const auto& line : lines) {
    text += line + '\n';
  }
  return text;
}

// The fenced blocks of the document, with the headings and prose before each.
std::vector<Block> read_blocks(const std::vector<std::string>& lines)
{
  std::vector<Block> blocks;
  std::string chapter;
  std::string section;
  std::vector<std::string> prose;
  bool after_block = false;
  std::optional<Block> open;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const int number = static_cast<int>(i) + 1;
    if (open) {
      if (line == "```") {
        blocks.push_back(std::move(*open));
        open.reset();
        prose.clear();
        after_block = true;
      } else {
        open->lines.push_back(line);
      }
    } else if (line.starts_with("```")) {
      open = Block{line.substr(3), number, {}, prose, after_block && prose.empty(), chapter, section};
    } else if (line.starts_with("## ")) {
      chapter = line.substr(3);
      section.clear();
      prose.clear();
      after_block = false;
    } else if (line.starts_with("### ")) {
      section = line.substr(4);
      prose.clear();
      after_block = false;
    } else if (!is_blank(line)) {
      prose.push_back(line);
    }
  }
  if (open) {
    throw DocumentError(open->line, "a fenced block is not closed");
  }
  return blocks;
}

// The name of the first file that `command` reads, if it names one.
std::optional<std::string> file_read_by(const std::string& command)
{
  static const std::regex k_reader(R"(import (?:proposals|scores|calls) ([^\s-]\S*)|(?:^|[^<])<\s*([^\s<>|&;]+))");
  std::smatch match;
  if (!std::regex_search(command, match, k_reader)) {
    return std::nullopt;
  }
  return match[1].matched ? match[1].str() : match[2].str();
}

// The examples of one console block. A command may go on over lines ending with `\` and take a
// heredoc, whose lines belong to the command and not to its output.
std::vector<Example> read_console(const Block& block)
{
  static const std::regex k_heredoc(R"((?:^|[^<])<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2)");
  std::vector<Example> examples;
  for (std::size_t i = 0; i < block.lines.size(); ++i) {
    const std::string& line = block.lines[i];
    const int number = block.line + 1 + static_cast<int>(i);
    if (!line.starts_with("$ ")) {
      if (examples.empty()) {
        throw DocumentError(number, "a console block must start with a `$ ` line");
      }
      examples.back().out += line + '\n';
      continue;
    }
    Example example;
    example.line = number;
    example.chapter = block.chapter;
    example.section = block.section;
    example.command = line.substr(2);
    while (example.command.ends_with('\\') && i + 1 < block.lines.size()) {
      const std::string& next = block.lines[++i];
      example.command += '\n' + (next.starts_with("> ") ? next.substr(2) : next);
    }
    const std::string opening = example.command;
    for (std::sregex_iterator heredoc(opening.begin(), opening.end(), k_heredoc), end; heredoc != end; ++heredoc) {
      const std::string delimiter = (*heredoc)[3];
      const bool strips_tabs = (*heredoc)[1].length() > 0;
      for (bool closed = false; !closed;) {
        if (++i == block.lines.size()) {
          throw DocumentError(number, "the heredoc " + delimiter + " is not closed");
        }
        const std::string& body = block.lines[i];
        example.command += '\n' + body;
        closed = (strips_tabs ? body.substr(std::min(body.find_first_not_of('\t'), body.size())) : body) == delimiter;
      }
    }
    example.out_line = block.line + 2 + static_cast<int>(i);
    examples.push_back(std::move(example));
  }
  if (examples.empty()) {
    throw DocumentError(block.line, "a console block without a `$ ` line");
  }
  return examples;
}

// The exit status that "stderr:" or "stderr, exit status N:" announces for the block after it.
std::optional<int> stderr_status(const Block& block)
{
  static const std::regex k_stderr_intro(R"(stderr(?:, exit status (\d+))?:)");
  if (block.prose.size() != 1) {
    return std::nullopt;
  }
  std::smatch match;
  if (std::regex_match(block.prose.front(), match, k_stderr_intro)) {
    return match[1].matched ? std::stoi(match[1].str()) : 0;
  }
  // A new way of writing it must not turn expected stderr into an illustration unnoticed.
  if (block.prose.front().find("stderr") != std::string::npos ||
      block.prose.front().find("exit status") != std::string::npos) {
    throw DocumentError(block.line, "unknown way of showing stderr: " + block.prose.front());
  }
  return std::nullopt;
}

// The examples of the document in its order, each with its stderr, exit status and input file.
std::vector<Example> read_examples(const std::vector<Block>& blocks)
{
  std::vector<Example> examples;
  const Block* file = nullptr; // a block that the example right after it reads
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    if (block.language == "console") {
      auto more = read_console(block);
      if (file != nullptr) {
        const auto name = file_read_by(more.front().command);
        if (!name) {
          throw DocumentError(file->line, "a block right before an example must be a file that the example reads");
        }
        more.front().input = InputFile{*name, as_text(file->lines), file->line};
        file = nullptr;
      }
      examples.insert(examples.end(), more.begin(), more.end());
    } else if (const auto status = i > 0 && blocks[i - 1].language == "console" ? stderr_status(block) : std::nullopt) {
      examples.back().err = as_text(block.lines);
      examples.back().err_line = block.line + 1;
      examples.back().status = *status;
    } else if (i + 1 < blocks.size() && blocks[i + 1].language == "console" && blocks[i + 1].follows_directly) {
      file = &block;
    }
    // Any other block, such as the shape of an `import calls` document, only illustrates.
  }
  return examples;
}

// The paragraph that starts with `opening`, its lines joined by single spaces.
std::string paragraph(const std::vector<std::string>& lines, std::string_view opening)
{
  const auto first =
      std::find_if(lines.begin(), lines.end(), [&](const auto& line) { return line.starts_with(opening); });
  std::string text;
  for (auto line = first; line != lines.end() && !is_blank(*line); ++line) {
    text += (text.empty() ? "" : " ") + *line;
  }
  return text;
}

// Every `quoted` span of `text` that matches `pattern`, in order.
std::vector<std::string> code_spans(const std::string& text, const std::regex& pattern = std::regex(".*"))
{
  static const std::regex k_span("`([^`]+)`");
  std::vector<std::string> spans;
  for (std::sregex_iterator span(text.begin(), text.end(), k_span), end; span != end; ++span) {
    if (std::regex_match((*span)[1].str(), pattern)) {
      spans.push_back((*span)[1].str());
    }
  }
  return spans;
}

// Takes the environment, the folders and the order of the examples from "About the examples".
void apply_about(const std::vector<std::string>& lines, Document& document)
{
  const std::string about = paragraph(lines, "**About the examples.**");
  for (const auto rule : {k_order_rule, k_stderr_rule, k_csv_rule}) {
    if (about.find(rule) == std::string::npos) {
      throw std::runtime_error("'About the examples' no longer says \"" + std::string(rule) +
                               "\"; teach tests/docs/cli_examples_test.cpp what it says now");
    }
  }
  document.env = code_spans(about, std::regex("[A-Z_]+=.*"));
  std::smatch match;
  static const std::regex k_empty_folder("The ((?:`[^`]+`(?:, | and ))*`[^`]+`) examples start from an empty folder");
  static const std::regex k_demo("`(docs/examples/[^`]+\\.sh)`");
  static const std::regex k_demo_user("recorded as user `([^`]+)`");
  if (document.env.empty() || !std::regex_search(about, match, k_empty_folder)) {
    throw std::runtime_error("'About the examples' no longer says what is exported and which examples start empty");
  }
  const auto empty_folder_sections = code_spans(match[1].str());
  if (!std::regex_search(about, match, k_demo)) {
    throw std::runtime_error("'About the examples' no longer names the script that builds the demo database");
  }
  document.demo_script = fs::path(CFP_SOURCE_DIR) / match[1].str();
  if (!std::regex_search(about, match, k_demo_user)) {
    throw std::runtime_error("'About the examples' no longer says who the demo database is recorded as");
  }
  document.demo_user = match[1].str();

  for (const auto& name : empty_folder_sections) {
    bool found = false;
    for (auto& example : document.examples) {
      if (example.section == name) {
        example.stage = Stage::empty_folder;
        found = true;
      }
    }
    if (!found) {
      throw std::runtime_error("'About the examples' names `" + name + "`, a section without examples");
    }
  }
  // k_order_rule: Global options, then Commands, then the other chapters, each in the order read.
  const auto rank = [](const Example& example) {
    const int chapter = example.chapter == "Global options" ? 0 : example.chapter == "Commands" ? 1 : 2;
    return std::pair{example.stage == Stage::empty_folder ? 0 : 1, chapter};
  };
  std::stable_sort(document.examples.begin(), document.examples.end(),
                   [&](const Example& a, const Example& b) { return rank(a) < rank(b); });
}

} // namespace

// docs/cli.md as examples in replay order, or the problem that keeps it from being read so.
Document read_document()
{
  Document document;
  try {
    const auto lines = read_lines(k_document);
    document.examples = read_examples(read_blocks(lines));
    apply_about(lines, document);
  } catch (const std::exception& error) {
    document.examples.clear();
    document.problem = error.what();
  }
  return document;
}

/// docs/cli.md, read once per process.
const Document& document()
{
  static const Document document = read_document();
  return document;
}

} // namespace cfp::test::docs

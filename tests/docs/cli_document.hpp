// SPDX-License-Identifier: EUPL-1.2
#pragma once

// docs/cli.md read as a list of examples to replay: each `$ COMMAND` with the stdout, stderr
// and exit status the document shows for it, the file it reads, and the folder it runs in, in
// the order the document's "About the examples" paragraph gives.
//
// How docs/cli.md shows an example (the reader holds it to each rule):
// - a ```console block holds `$ COMMAND` lines, each followed by the lines it prints on stdout;
// - "stderr:" or "stderr, exit status N:" and then a fenced block show what the last command
//   of the console block prints on stderr; without them it prints nothing there and exits 0;
// - a fenced block directly followed by an example is a file that the example reads
//   (`import ... FILE` or `< FILE`); it is written to the folder before the example runs;
// - CSV records end with CRLF but are shown as plain lines.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cfp::test::docs {

/// docs/cli.md in the source tree.
extern const std::filesystem::path k_document;

/// Which folder an example runs in, as "About the examples" says.
enum class Stage { empty_folder, demo_database };

/// A file that an example reads, shown in the document right before the example.
struct InputFile
{
  std::string name;
  std::string text;
  int line = 0; ///< of its opening fence
};

/// One `$ COMMAND` of docs/cli.md with what the document says it prints.
struct Example
{
  int line = 0;        ///< of the `$ ` line
  std::string chapter; ///< the `##` heading above it
  std::string section; ///< the `###` heading above it, if any
  std::string command; ///< as bash reads it, heredoc lines included
  std::string out;     ///< expected stdout
  int out_line = 0;    ///< of the first stdout line
  std::string err;     ///< expected stderr
  int err_line = 0;    ///< of the first stderr line; 0 when the document shows none
  int status = 0;      ///< expected exit status
  std::optional<InputFile> input;
  Stage stage = Stage::demo_database;
};

/// docs/cli.md read as examples in the order in which they must be replayed.
struct Document
{
  std::vector<std::string> env;      ///< "NAME=value" exported for every example
  std::filesystem::path demo_script; ///< builds the database of the demo_database stage
  std::string demo_user;             ///< CFP_USER of the demo script
  std::vector<Example> examples;
  std::string problem; ///< why the document could not be read as examples, if it could not
};

/// docs/cli.md as examples in replay order, read once per process; Document::problem says
/// why it could not be read so.
const Document& document();

} // namespace cfp::test::docs

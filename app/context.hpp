// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "cli.hpp"
#include "output/format.hpp"

#include <cfp/core/clock.hpp>
#include <cfp/core/field.hpp>
#include <cfp/core/session.hpp>
#include <cfp/store/database.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace cfp::cli {

/// The global options as parsed; resolved against the environment by Context.
struct GlobalOptions
{
  std::optional<std::string> db;
  std::optional<std::string> as;
  std::optional<std::string> tz;
  std::optional<std::string> wait;
  std::string format = "table";
  bool no_input = false; ///< never ask on the terminal
};

/// Everything a command needs besides its own options: streams, format, zone, clock, and the
/// database, opened on first use with the access the command declares.
class Context
{
public:
  Context(const GlobalOptions& options, const Environment& env, std::ostream& out, std::ostream& err,
          std::string command_line, Terminals terminals = {});

  /// Whether stderr is a terminal (progress displays go there only then).
  bool err_is_terminal() const { return m_terminals.err; }
  /// Whether tables may stand rows out in colour: stdout is a terminal, NO_COLOR is unset or
  /// empty, and TERM names a terminal other than "dumb".
  bool colour() const;
  /// How many columns a table may take: 0 (no limit) unless stdout is a terminal; then
  /// COLUMNS when it holds a width from 20 to 10000, else the terminal's own, else 80.
  std::size_t table_width() const;

  /// Whether the command may ask for what is missing: stdin and stderr are terminals and
  /// --no-input was not given.
  bool may_ask() const { return on_terminal() && !m_options.no_input; }
  /// Whether a person is at a terminal: stdin and stderr are terminals.
  bool on_terminal() const { return m_terminals.in && m_terminals.err; }
  /// Where answers to questions are read.
  std::istream& in();

  std::ostream& out() { return m_out; }
  std::ostream& err() { return m_err; }
  /// Writes `message` and a line end on stderr, escaped so that the values it holds cannot drive
  /// the terminal (util::escape_controls); its own line breaks stay.
  void note(std::string_view message);
  Format format() const { return m_format; }
  const date::time_zone& zone() const { return *m_zone; }
  const core::Clock& clock() const { return *m_clock; }
  /// The display zone and the clock's "now", for values that depend on the viewer.
  core::Display display() const { return {m_zone, m_clock->now()}; }

  /// Where the database lives: --db, else CFP_DB, else $XDG_DATA_HOME/cfp/cfp.db.
  std::filesystem::path database_path() const;

  /// Opens the database (once) and returns a session on it. Read-only commands never create
  /// or migrate the file; with OlderSchema::open they open one older than this cfp all the same
  /// (`db check`, `db backup`).
  core::Session session(store::Access access, store::OlderSchema older_schema = store::OlderSchema::refuse);

  /// Whether the command opened the database for writing, and so may have recorded a change.
  bool may_have_written() const
  {
    return m_database && m_database->options().access == store::Access::read_write && !m_wrote_nothing;
  }
  /// Says that the command, though it opened the database for writing, recorded nothing (a dry
  /// run, a refused import).
  void wrote_nothing() { m_wrote_nothing = true; }

  /// Makes every write of this command a dry run: checked, reported, rolled back.
  void set_dry_run() { m_dry_run = true; }
  /// Whether this command runs dry (--dry-run).
  bool dry_run() const { return m_dry_run; }

  /// Makes a server database this command creates a test sandbox (`db init --sandbox`).
  void set_sandbox() { m_sandbox = true; }

private:
  std::string resolve_actor() const;

  const GlobalOptions& m_options;
  const Environment& m_env;
  std::ostream& m_out;
  std::ostream& m_err;
  std::string m_command_line;
  Format m_format = Format::table;
  Terminals m_terminals;
  bool m_wrote_nothing = false;
  bool m_dry_run = false;
  bool m_sandbox = false;
  const date::time_zone* m_zone = nullptr;
  std::unique_ptr<core::Clock> m_clock;
  core::SystemClock m_real_clock; ///< the machine's clock, recorded beside a simulated one
  bool m_simulated = false;       ///< CFP_NOW is set
  std::chrono::milliseconds m_busy_timeout = store::k_default_busy_timeout;
  std::unique_ptr<store::Database> m_database;
};

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#include "context.hpp"

#include <cfp/domain/time.hpp>
#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iostream>
#include <pwd.h>
#include <unistd.h>

namespace cfp::cli {

namespace {

constexpr std::string_view k_server_schemes[] = {"postgresql://", "postgres://", "pg:"};

std::optional<std::string> non_empty(const Environment& env, const std::string& name)
{
  const auto found = env.find(name);
  if (found == env.end() || found->second.empty()) {
    return std::nullopt;
  }
  return found->second;
}

// CFP_BUSY_TIMEOUT_MS: how long to wait for another writer, in milliseconds (0 to 600000).
std::chrono::milliseconds busy_timeout(const Environment& env)
{
  const auto text = non_empty(env, "CFP_BUSY_TIMEOUT_MS");
  if (!text) {
    return store::k_default_busy_timeout;
  }
  std::int64_t value = -1;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  // from_chars takes "-0"; a sign of any kind is refused.
  if (error != std::errc{} || end != text->data() + text->size() || value < 0 || value > 600'000 ||
      text->front() == '-') {
    throw Error(ErrorKind::usage,
                fmt::format("CFP_BUSY_TIMEOUT_MS '{}': give a whole number of milliseconds from 0 to 600000",
                            util::excerpt(*text)));
  }
  return std::chrono::milliseconds(value);
}

// --wait SECONDS: 0 to 600, to the millisecond ("2", "0.5", "1.25").
std::chrono::milliseconds wait_seconds(const std::string& text)
{
  const auto refuse = [&] {
    return Error(ErrorKind::usage,
                 fmt::format("--wait '{}': give a number of seconds from 0 to 600, such as 10 or 0.5", text));
  };
  const auto dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? std::string{} : text.substr(dot + 1);
  const auto digits = [](const std::string& part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || whole.size() > 3 || !digits(whole) || (dot != std::string::npos && fraction.empty()) ||
      fraction.size() > 3 || !digits(fraction)) {
    throw refuse();
  }
  const auto ms = std::stol(whole) * 1000 + (fraction.empty() ? 0 : std::stol((fraction + "00").substr(0, 3)));
  if (ms > 600'000) {
    throw refuse();
  }
  return std::chrono::milliseconds(ms);
}

// Whether the database location names a server database (postgresql://, postgres://, pg:),
// which the store reads; here only to leave such a location alone where a file is looked for.
bool names_a_server(std::string_view location)
{
  const auto start = location.find_first_not_of(" \t\r\n");
  location.remove_prefix(start == std::string_view::npos ? location.size() : start);
  return std::any_of(std::begin(k_server_schemes), std::end(k_server_schemes), [&](std::string_view scheme) {
    return location.size() >= scheme.size() && util::iequals(location.substr(0, scheme.size()), scheme);
  });
}

// "Now" by the database server's clock: the time of the transaction under way, or of the
// moment it is asked outside one. Officials on many machines then agree on it, whatever their
// own clocks say.
class ServerClock final : public core::Clock
{
public:
  explicit ServerClock(store::Database& database) : m_database(database) {}
  domain::Instant now() const override
  {
    const auto now = m_database.server_now();
    return now ? *now : core::SystemClock().now();
  }

private:
  store::Database& m_database;
};

} // namespace

Context::Context(const GlobalOptions& options, const Environment& env, std::ostream& out, std::ostream& err,
                 std::string command_line, Terminals terminals)
    : m_options(options), m_env(env), m_out(out), m_err(err), m_command_line(std::move(command_line)),
      m_format(parse_format(options.format).value_or(Format::table)), m_terminals(terminals)
{
  const bool from_flag = options.tz.has_value();
  const std::string zone_name = options.tz ? *options.tz : non_empty(env, "CFP_TZ").value_or("Europe/Brussels");
  m_zone = util::value_or_throw(domain::find_zone(zone_name), ErrorKind::invalid_input, from_flag ? "--tz" : "CFP_TZ");

  if (const auto now = non_empty(env, "CFP_NOW")) {
    const auto when = util::value_or_throw(domain::parse_when(*now, *m_zone, domain::BareDate::start_of_day),
                                           ErrorKind::invalid_input, fmt::format("CFP_NOW '{}'", util::excerpt(*now)));
    m_clock = std::make_unique<core::FixedClock>(when.instant);
    m_simulated = true;
  } else {
    m_clock = std::make_unique<core::SystemClock>();
  }
  m_busy_timeout = options.wait ? wait_seconds(*options.wait) : busy_timeout(env);
}

bool Context::colour() const
{
  const auto term = non_empty(m_env, "TERM");
  return m_terminals.out && !non_empty(m_env, "NO_COLOR") && term && *term != "dumb";
}

std::size_t Context::table_width() const
{
  if (!m_terminals.out) {
    return 0;
  }
  if (const auto columns = non_empty(m_env, "COLUMNS")) {
    std::size_t width = 0;
    const auto* end = columns->data() + columns->size();
    const auto [rest, problem] = std::from_chars(columns->data(), end, width);
    if (problem == std::errc{} && rest == end && width >= 20 && width <= 10000) {
      return width;
    }
  }
  return m_terminals.columns >= 20 ? m_terminals.columns : 80;
}

std::filesystem::path Context::database_path() const
{
  if (m_options.db) {
    if (m_options.db->empty()) {
      throw Error(ErrorKind::usage, "--db needs a path");
    }
    return *m_options.db;
  }
  if (const auto path = non_empty(m_env, "CFP_DB")) {
    return *path;
  }
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  if (const auto data_home = non_empty(m_env, "XDG_DATA_HOME"); data_home && data_home->front() == '/') {
    return std::filesystem::path(*data_home) / "cfp" / "cfp.db";
  }
  if (const auto home = non_empty(m_env, "HOME"); home && home->front() == '/') {
    return std::filesystem::path(*home) / ".local" / "share" / "cfp" / "cfp.db";
  }
  throw Error(ErrorKind::usage, "cannot tell where the database lives: HOME is not set; give --db PATH or set CFP_DB");
}

std::string Context::resolve_actor() const
{
  std::string actor;
  std::string source;
  if (m_options.as) {
    actor = *m_options.as;
    source = "--as";
  } else if (const auto cfp_user = non_empty(m_env, "CFP_USER")) {
    actor = *cfp_user;
    source = "CFP_USER";
  } else if (const auto user = non_empty(m_env, "USER")) {
    actor = *user;
    source = "USER";
  } else if (const auto login = non_empty(m_env, "LOGNAME")) {
    actor = *login;
    source = "LOGNAME";
  } else if (const passwd* entry = ::getpwuid(::geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    actor = entry->pw_name;
    source = "the user database";
  } else {
    actor = fmt::format("uid {}", ::geteuid());
    source = "the user id";
  }
  if (!util::is_valid_utf8(actor) || util::has_control_characters(actor) || util::trim(actor).empty() ||
      actor.size() > 200) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("{}: the actor must be 1 to 200 bytes of UTF-8 text without control characters", source));
  }
  return actor;
}

std::istream& Context::in()
{
  return m_terminals.input != nullptr ? *m_terminals.input : std::cin;
}

void Context::note(std::string_view message)
{
  m_err << util::escape_controls(message, util::LineFeeds::keep) << '\n';
}

core::Session Context::session(store::Access access, store::OlderSchema older_schema)
{
  const std::string actor = access == store::Access::read_write ? resolve_actor() : std::string{};
  if (!m_database) {
    store::OpenOptions options;
    options.access = access;
    options.older_schema = older_schema;
    options.busy_timeout = m_busy_timeout;
    options.retry_for = m_busy_timeout;
    if (m_dry_run && access == store::Access::read_write) {
      const auto path = database_path();
      std::error_code error;
      // A server database is not a file: opening it read-only below says whether it is there,
      // and never repeats the location, which may hold a password.
      if (!names_a_server(path.string()) && !std::filesystem::exists(path, error)) {
        throw Error(ErrorKind::refused,
                    fmt::format("there is no database at {} yet, and a dry run creates none; run the command without "
                                "--dry-run, or name the database with --db",
                                util::excerpt(path.string())));
      }
      // A dry run changes nothing, not even the schema: a database older than this cfp is
      // refused, as a read-only command refuses it, before it is opened for writing.
      store::OpenOptions check = options;
      check.access = store::Access::read_only;
      store::Database::open(path.string(), check);
      options.discard_writes = true;
      m_wrote_nothing = true;
    }
    options.sandbox = m_sandbox;
    const auto location = database_path().string();
    const auto refuse_simulated_time = [](const std::string& database) {
      return Error(ErrorKind::usage,
                   fmt::format("CFP_NOW cannot be used on {}: on a server database \"now\" is the "
                               "server's clock; unset CFP_NOW (only a test sandbox, made with 'cfp db init --sandbox' "
                               "in a new database, accepts it)",
                               database));
    };
    // A new server database would be made (not as a sandbox) before CFP_NOW is refused, and could
    // not become a sandbox after: it is looked at first, read-only.
    if (m_simulated && !m_sandbox && access == store::Access::read_write && names_a_server(location)) {
      store::OpenOptions look = options;
      look.access = store::Access::read_only;
      look.older_schema = store::OlderSchema::open;
      try {
        store::Database::open(location, look);
      } catch (const Error& error) {
        if (error.kind() != ErrorKind::storage || error.message().find("holds no cfp data yet") == std::string::npos) {
          throw;
        }
        throw refuse_simulated_time("a new server database");
      }
    }
    auto database = store::Database::open(location, options);
    if (m_simulated && !database->accepts_simulated_time()) {
      throw refuse_simulated_time("the database " + database->location());
    }
    // A file's "now" is the machine's (server_now() is empty); asking a server costs a round trip.
    if (!m_simulated && database->backend() != "sqlite") {
      m_clock = std::make_unique<ServerClock>(*database);
    }
    // A server database that accepts a simulated "now" is for tests and training: every command
    // on it says so, so that nothing from it is taken for a real record.
    if (database->backend() != "sqlite" && database->accepts_simulated_time()) {
      note(fmt::format("note: {} is a test sandbox: what it holds are not real records", database->location()));
    }
    m_database = std::move(database);
  }
  return core::Session{*m_database, *m_clock, actor, m_command_line, *m_zone, m_simulated ? &m_real_clock : nullptr};
}

} // namespace cfp::cli

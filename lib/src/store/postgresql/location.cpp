// SPDX-License-Identifier: EUPL-1.2
#include "location.hpp"

#include "libpq.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <map>
#include <memory>

namespace cfp::store::postgresql {

namespace {

std::string_view without_leading_space(std::string_view text)
{
  const auto start = text.find_first_not_of(" \t\r\n");
  text.remove_prefix(start == std::string_view::npos ? text.size() : start);
  return text;
}

constexpr std::string_view k_forms = "give postgresql://USER@HOST:PORT/DBNAME, or pg: followed by libpq's "
                                     "key=value pairs ('cfp help database')";

// Whether `ports` is one port, or several separated by commas (one a host), each 1 to 65535.
bool ports_are_numbers(std::string_view ports)
{
  for (;;) {
    const auto comma = ports.find(',');
    const auto port = ports.substr(0, comma);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos ||
        std::stoi(std::string(port)) < 1 || std::stoi(std::string(port)) > 65535) {
      return false;
    }
    if (comma == std::string_view::npos) {
      return true;
    }
    ports.remove_prefix(comma + 1);
  }
}

} // namespace

bool is_server_location(std::string_view location)
{
  location = without_leading_space(location);
  for (const std::string_view scheme : {"postgresql://", "postgres://", "pg:"}) {
    if (location.size() >= scheme.size() && util::iequals(location.substr(0, scheme.size()), scheme)) {
      return true;
    }
  }
  return false;
}

Location parse_location(std::string_view text)
{
  text = without_leading_space(text);
  std::string conninfo;
  if (text.size() >= 3 && util::iequals(text.substr(0, 3), "pg:")) {
    conninfo = std::string(text.substr(3));
    if (util::trim(conninfo).empty()) {
      throw Error(ErrorKind::usage, fmt::format("the database 'pg:' names no server; {}", k_forms));
    }
  } else {
    // libpq reads the scheme in lower case only.
    const auto colon = text.find(':');
    conninfo = util::to_lower_ascii(std::string(text.substr(0, colon))) + std::string(text.substr(colon));
  }
  // libpq's own reading, so that what is checked is what it will use. Its messages may quote
  // the string, so they are not repeated.
  const auto& api = libpq();
  char* problem = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(api.conninfo_free)> options(api.conninfo_parse(conninfo.c_str(), &problem),
                                                                         api.conninfo_free);
  if (problem != nullptr) {
    api.freemem(problem);
  }
  if (!options) {
    throw Error(ErrorKind::usage, fmt::format("the database location is not a PostgreSQL connection string libpq can "
                                              "read; {}",
                                              k_forms));
  }
  std::map<std::string, std::string> given;
  for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
    if (option->val != nullptr) {
      given[option->keyword] = option->val;
    }
  }
  // libpq reads a dbname holding "=" or a URI as a connection string of its own, which may hold
  // a password in turn; and a key's passphrase is a password too.
  const auto dbname = given.find("dbname");
  const bool nested =
      dbname != given.end() && (dbname->second.find('=') != std::string::npos || is_server_location(dbname->second));
  if (given.count("password") != 0 || given.count("sslpassword") != 0 || nested) {
    throw Error(ErrorKind::usage,
                "the database location holds a password, which would show in the process list and the shell's "
                "history: leave it out, and put it in ~/.pgpass (or PGPASSWORD, or use peer or certificate "
                "authentication); 'cfp help database' shows how");
  }
  // libpq reads the port only when it connects, and says so as a connection failure.
  // libpq reads the port only when it connects, and says so as a connection failure.
  if (given.count("port") != 0 && !ports_are_numbers(given["port"])) {
    throw Error(ErrorKind::usage, fmt::format("the database location's port '{}' is not a number from 1 to 65535; {}",
                                              util::excerpt(given["port"]), k_forms));
  }
  std::string shown = "postgresql://";
  if (given.count("user") != 0) {
    shown += given["user"] + "@";
  }
  if (given.count("host") != 0) {
    shown += given["host"];
  } else if (given.count("service") != 0) {
    shown += "service:" + given["service"];
  } else {
    shown += "localhost";
  }
  if (given.count("port") != 0) {
    shown += ":" + given["port"];
  }
  shown += "/";
  if (given.count("dbname") != 0) {
    shown += given["dbname"];
  }
  // One connection string: what was given, then what cfp needs unless it was given.
  const auto quoted = [](const std::string& value) {
    std::string out = "'";
    for (const char c : value) {
      if (c == '\'' || c == '\\') {
        out += '\\';
      }
      out += c;
    }
    return out + "'";
  };
  std::string full;
  for (const auto& [keyword, value] : given) {
    full += fmt::format("{}={} ", keyword, quoted(value));
  }
  if (given.count("connect_timeout") == 0) {
    full += "connect_timeout=10 ";
  }
  // A network that goes quiet is noticed: the socket fails when what was sent stays
  // unacknowledged for 30 s, and a wait for the server's answer is probed.
  for (const auto& [keyword, value] : {std::pair<std::string, std::string>{"tcp_user_timeout", "30000"},
                                       {"keepalives_idle", "10"},
                                       {"keepalives_interval", "5"},
                                       {"keepalives_count", "3"}}) {
    if (given.count(keyword) == 0) {
      full += fmt::format("{}={} ", keyword, value);
    }
  }
  if (given.count("application_name") == 0) {
    full += "application_name=cfp ";
  }
  full += "client_encoding=UTF8";
  return {full, util::escape_controls(shown)};
}

} // namespace cfp::store::postgresql

// SPDX-License-Identifier: EUPL-1.2
#include "help_topics.hpp"

#include <array>

namespace cfp::cli {

namespace {

constexpr std::string_view k_dates = R"(Dates and times (WHEN)

Every instant cfp keeps is UTC; it shows them in the display zone (--tz, else CFP_TZ, else
Europe/Brussels) and reads them in these forms:

  2025-02-01                  a bare date
  2025-02-01 17:00            a wall time in the display zone (seconds optional)
  2025-02-01T17:00:30         the same, with a T
  2025-02-01T16:00:00Z        an instant in UTC
  2025-02-01T17:00+01:00      an instant with its offset (+0100, +01 and -05:00 too)

The 17:00 Brussels rule: a cut-off given as a bare date (deadline add, closes_at of import
calls) closes at 17:00:00 Brussels time that day, whatever --tz says, as the EU's calls do.
cfp keeps that legal wall time and zone beside the instant, so a cut-off stays 17:00 in
Brussels across daylight saving time: 17:00 CET is 16:00 UTC in winter, 17:00 CEST is 15:00
UTC in summer. A submission at 17:00:00 exactly is in time; 17:00:01 is late.

Elsewhere a bare date is the first instant of that day in the display zone (log --until: its
last second, so that the whole day is in).

A wall time that a clock change skips (2025-03-30 02:30 in Brussels) is refused; one that
happens twice (2025-10-26 02:30) must be given with its offset, which the message suggests.
Dates run from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z; no fractions of a second.

  cfp deadline add EUROHPC-2024-CEI-AI-01 2025-02-01
  cfp log --since 2025-01-01 --until 2025-01-31
  cfp --tz UTC deadline list
)";

constexpr std::string_view k_money = R"(Money

Amounts are euros, kept as whole cents (never floating point):

  485M        485,000,000.00 (k thousand, M million, bn billion, any case)
  1.5bn       1,500,000,000.00
  12_000.50   12,000.50 (_ between groups of three digits)
  0.001k      1.00 (with a suffix, any decimals that come to whole cents)

Without a suffix at most two decimals: 1.000 is refused rather than read as one euro, since in
much of Europe it means a thousand. Refused: negative amounts, 1,000, 1.000, 1,5M (use a
decimal point: 1.5M), 2 000 000 (use 2_000_000 or 2M), a euro sign, .5M and 12.M.
Output: 1,500,000,000.00 in tables, "1500000000.00" in JSON and CSV.

  cfp proposal add ... --eu-contribution 31.5M --national-contribution 31_500_000
  cfp rank EUROHPC-2024-CEI-AI-01 --budget 600M
)";

constexpr std::string_view k_states = R"(Participating states

Hosts and partners are two-letter codes: the 27 EU members and AL, CH, IL, IS, MD, ME, MK,
NO, RS, TR, UK ('cfp state list' shows them with their names). Codes are read in any case;
GR is taken as EL (Greece) and GB as UK, the codes the EU writes. An unknown code or a name is
refused with the closest codes as a suggestion ('Austria' is not a participating state; did you
mean AT?). The host is never a partner, and a partner is named once.

  cfp proposal add ... --host fi --partner se,NO --partner DK
  cfp proposal list --state EL
  cfp report states
)";

constexpr std::string_view k_formats = R"(Output formats (--format, any case)

  table    for people (the default): aligned columns, instants in the display zone, money
           with separators; on a terminal, tables fit its width (COLUMNS) and cut the widest
           text with "…"; piped, nothing is cut. Control characters show escaped (\t, \x1b).
  json     for programs: an array (a list) or an object (one record), indented; instants in
           UTC, money as strings in euros ("1500000.00"), arrays for partners and sectors.
  ndjson   one JSON object a line, for streams.
  csv      RFC 4180 with a header line; arrays joined with ';', booleans true/false, null as
           an empty field. The columns of 'export proposals' are those 'import proposals'
           reads.

Data goes to stdout, messages to stderr: 'cfp proposal list --format csv > list.csv' gives a
clean file. An empty list prints nothing on stdout (a table) or [] / a header only.

  cfp proposal list --format JSON
  cfp export proposals > proposals.csv
)";

constexpr std::string_view k_exit_codes = R"(Exit codes

   0  success (also --help, --version, an update that changes nothing)
   1  refused by a rule, or not found (a cut-off that passed, a duplicate acronym, no such
      proposal)
   2  usage error (unknown command or option, a missing argument, a bad --format)
  65  invalid value (a date, an amount, a state code; an invalid record of an import, which
      then imports nothing)
  66  input file missing or unreadable, or an output file that may not be written
  70  internal error: a bug, please report it
  74  database unusable (missing, corrupt, newer, not cfp's, disk full), or stdout not written
  75  database busy: another process held it longer than --wait

Every error is one 'cfp: error: ...' on stderr that says what to do; stdout then stays empty.
)";

constexpr std::string_view k_environment = R"(Environment

  CFP_DB               the database, when --db is not given (else $XDG_DATA_HOME/cfp/cfp.db,
                       else ~/.local/share/cfp/cfp.db): a file, or a server database
                       ('cfp help database')
  CFP_USER             who acts, for the audit log, when --as is not given (else USER)
  CFP_TZ               the display zone, when --tz is not given (else Europe/Brussels)
  CFP_NOW              a fixed "now" in any WHEN form ('cfp help dates'). Every rule that
                       depends on the time uses it (open cut-offs, submission times, time
                       left): for tests, demos and reproducible examples, such as showing the
                       AI Factories calls as they were on 2024-10-20. What is recorded while it
                       is set is marked simulated, beside the machine's real time.
  CFP_BUSY_TIMEOUT_MS  how long to wait for another writer, when --wait is not given
  COLUMNS              the width tables fit on a terminal (else the terminal's own)
  NO_COLOR             no colours in tables when set
  TMPDIR               where long tables and piped imports wait in unnamed temporary files

Empty variables count as unset.

  CFP_NOW=2024-10-20 cfp deadline list
)";

constexpr std::string_view k_database = R"(Where the data lives

A database file (the default):
  cfp --db ~/calls/cfp.db call list        any path; CFP_DB when --db is not given
  cfp --db ./pg:notes.db call list         a file whose name starts like a server's

A PostgreSQL server database, for a team working on the same calls from many machines:
  cfp --db postgresql://alice@db.example.eu/cfp call list
  cfp --db postgres://alice@db.example.eu:5433/cfp?sslmode=verify-full call list
  cfp --db 'pg:host=/run/postgresql dbname=cfp' call list    libpq's key=value pairs

A password is never part of --db or CFP_DB (they show in the process list and the shell's
history): cfp refuses one there. libpq finds it in ~/.pgpass or PGPASSWORD, or uses peer or
certificate authentication; cfp never prints it.

On a server database:
  * 'cfp db init' (by the database's owner) creates the schema and the roles cfp_reader
    (reads), cfp_official (proposals, imports), cfp_evaluator (scores) and cfp_admin (calls,
    cut-offs, criteria, experts); GRANT one of them to each person's login role.
  * "Now" is the server's clock, for every rule and every record. CFP_NOW is refused,
    unless the database was made as a test sandbox: 'cfp db init --sandbox' in a new database.
  * Writes run SERIALIZABLE; one that loses a race with another official's is run again,
    within --wait, as a write waits for a lock on a file.
  * This cfp keeps calls, cut-offs, criteria, proposals, experts, scores, rankings and the
    audit log there; documents still need a database file.
  * Each person's login role is granted one of the roles, and CONNECT on the database.
  * Backups are pg_dump's ('cfp db backup' copies files).

docs/deployment.md in the source tree sets up a server database for a team.
)";

constexpr std::array k_topics{
    HelpTopic{"dates", "WHEN: date and time forms, the 17:00 Brussels rule, zones and DST", k_dates, "DATES"},
    HelpTopic{"money", "amounts in euros: 485M, 1.5bn, 12_000.50", k_money, "MONEY"},
    HelpTopic{"states", "participating state codes and names", k_states, "PARTICIPATING STATES"},
    HelpTopic{"formats", "table, json, ndjson and csv output", k_formats, "OUTPUT FORMATS"},
    HelpTopic{"exit-codes", "what each exit status means", k_exit_codes, "EXIT STATUS"},
    HelpTopic{"environment", "CFP_DB, CFP_NOW, CFP_TZ and the other variables", k_environment, "ENVIRONMENT"},
    HelpTopic{"database", "a database file, or a PostgreSQL server database for a team", k_database, "DATABASE"},
};

} // namespace

std::span<const HelpTopic> help_topics()
{
  return k_topics;
}

} // namespace cfp::cli

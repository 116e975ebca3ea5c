// SPDX-License-Identifier: EUPL-1.2
// Writes a seeded, reproducible CSV of proposals for the import benchmark
// (tests/bench/import_benchmark.sh), and optionally the calls JSON they belong to; for the
// evaluation benchmark (tests/bench/evaluation_benchmark.sh) also a pool of experts and their
// scores of those proposals; for the report benchmark (tests/bench/report_benchmark.sh), with
// --two-calls, proposals spread over two calls of five cut-offs each, some of them drafts.
//
//   cfp_generate --rows 100000 --seed 42 --out proposals.csv --calls calls.json
//   cfp_generate --rows 10000 --seed 42 --out proposals.csv --experts experts.tsv --scores scores.csv
//   cfp_generate --rows 100000 --seed 42 --out proposals.csv --calls calls.json --two-calls
//
// The same rows and seed give the same bytes on every platform: the random numbers come from
// std::mt19937_64, whose output the standard fixes, and are mapped onto ranges by this file
// rather than by std::uniform_int_distribution, whose algorithm is left to the library.
// Every record is valid for `cfp import proposals` with CFP_NOW at or after 2024-10-19T10:00:00Z:
// unique acronyms, a host from the participating states, three distinct partners that are not
// the host, two distinct sectors, status submitted, submitted before the first cut-off.
// With --two-calls the records are valid with CFP_NOW after their submission time (they are
// submitted within 20 days before their cut-off closes, to a call and cut-off drawn at random),
// and one in 50 is a draft, with no submission time; the calls JSON then holds both calls.
// The scores come from a random stream of their own, so that asking for them leaves the
// proposals' bytes as they are; see generate_scores.cpp for what they respect.

#include "generate_scores.hpp"
#include "generator.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace {

using cfp::bench::append_field;
using cfp::bench::append_number;
using cfp::bench::k_call;
using cfp::bench::k_states;
using cfp::bench::Parties;
using cfp::bench::Random;

constexpr std::array<std::string_view, 11> k_sectors{"health",    "manufacturing", "climate", "finance",
                                                     "automotive", "cybersecurity", "agrifood", "education",
                                                     "culture",   "green-economy", "space"};

constexpr std::array<std::string_view, 3> k_plans{"new", "upgrade", "none"};

// Title and entity stems, several with non-ASCII letters, one with a comma and quotes so that
// the CSV quoting path is exercised too.
constexpr std::array<std::string_view, 8> k_titles{
  "Fábrica de IA",        "KI-Fabrik Süd",      "Usine d'IA à Grenoble",     "Fabryka SI Łódź",
  "Τεχνητή Νοημοσύνη",    "AI Factory Nord",    "AI Factory \"Aurora\", phase", "Tehisintellekti tehas"};

constexpr std::array<std::string_view, 6> k_entities{"Centre de calcul n°",     "Universität Stuttgart HLRS",
                                                     "Barcelona Supercomputing Center", "Linköping University",
                                                     "CSC – IT Center for Science",     "Consorzio CINECA"};

// 2024-10-15T10:00:00Z, the centre of the submission times; cfp's first cut-off is
// 2024-11-04T16:00:00Z and the benchmark runs with CFP_NOW=2024-10-20T00:00:00Z.
constexpr std::chrono::sys_seconds k_submitted_centre{std::chrono::sys_days{std::chrono::year{2024} /
                                                                            std::chrono::October / 15} +
                                                      std::chrono::hours{10}};
constexpr std::int64_t k_submitted_spread_seconds = 3 * 24 * 3600; // +/- three days

// The second call of --two-calls.
constexpr std::string_view k_second_call = "EUROHPC-2024-CEI-AI-02";

// A cut-off of --two-calls: its day, closing at 17:00 Brussels time, which is `utc_hour` UTC.
struct CutoffDay
{
  int year;
  unsigned month;
  unsigned day;
  int utc_hour;

  std::chrono::sys_seconds closes_at() const
  {
    return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}} +
           std::chrono::hours{utc_hour};
  }
};

// Five cut-offs a call, interleaved in time; a closing in summer time is 15:00 UTC.
constexpr std::array<std::array<CutoffDay, 5>, 2> k_two_call_cutoffs{{
  {{{2024, 11, 4, 16}, {2025, 2, 1, 16}, {2025, 5, 2, 15}, {2025, 9, 1, 15}, {2025, 12, 31, 16}}},
  {{{2024, 12, 2, 16}, {2025, 3, 3, 16}, {2025, 6, 2, 15}, {2025, 10, 1, 15}, {2026, 1, 15, 16}}},
}};
constexpr std::array<std::string_view, 2> k_two_calls{k_call, k_second_call};
constexpr std::int64_t k_submitted_before_seconds = 20 * 24 * 3600; // at most 20 days before the cut-off

struct Options
{
  std::uint64_t rows = 100'000;
  std::uint64_t seed = 1;
  std::string out = "-";
  std::optional<std::string> calls;
  std::optional<std::string> experts;
  std::optional<std::string> scores;
  bool two_calls = false;
};

[[noreturn]] void usage(const std::string& message)
{
  std::cerr << "cfp_generate: " << message << "\n"
            << "usage: cfp_generate [--rows N] [--seed S] [--out FILE|-] [--calls CALLS.json]\n"
            << "                    [--experts EXPERTS.tsv] [--scores SCORES.csv] [--two-calls]\n";
  std::exit(2);
}

std::uint64_t parse_count(std::string_view text, std::string_view name)
{
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    usage(std::string(name) + " needs a non-negative integer, not '" + std::string(text) + "'");
  }
  return value;
}

Options parse_options(int argc, char** argv)
{
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      usage("writes N proposals as CSV");
    }
    if (arg == "--two-calls") {
      options.two_calls = true;
      continue;
    }
    if (i + 1 >= argc) {
      usage(std::string(arg) + " needs a value");
    }
    const std::string_view value = argv[++i];
    if (arg == "--rows") {
      options.rows = parse_count(value, arg);
    } else if (arg == "--seed") {
      options.seed = parse_count(value, arg);
    } else if (arg == "--out") {
      options.out = std::string(value);
    } else if (arg == "--calls") {
      options.calls = std::string(value);
    } else if (arg == "--experts") {
      options.experts = std::string(value);
    } else if (arg == "--scores") {
      options.scores = std::string(value);
    } else {
      usage("unknown option " + std::string(arg));
    }
  }
  if (options.rows > 9'999'999) {
    usage("--rows is at most 9999999 (acronyms are P0000001 ... P9999999)");
  }
  return options;
}

// Cents as euros with two decimals: 1234567890 -> "12345678.90".
void append_euros(std::string& line, std::int64_t cents)
{
  const auto value = static_cast<std::uint64_t>(cents);
  append_number(line, value / 100, 1);
  line += '.';
  append_number(line, value % 100, 2);
}

// An instant as UTC ISO-8601: 2024-10-15T10:00:00Z.
void append_instant(std::string& line, std::chrono::sys_seconds instant)
{
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{instant - day};
  append_number(line, static_cast<std::uint64_t>(static_cast<int>(date.year())), 4);
  line += '-';
  append_number(line, static_cast<unsigned>(date.month()), 2);
  line += '-';
  append_number(line, static_cast<unsigned>(date.day()), 2);
  line += 'T';
  append_number(line, static_cast<std::uint64_t>(time.hours().count()), 2);
  line += ':';
  append_number(line, static_cast<std::uint64_t>(time.minutes().count()), 2);
  line += ':';
  append_number(line, static_cast<std::uint64_t>(time.seconds().count()), 2);
  line += 'Z';
}

// Where a proposal goes: its call, and for --two-calls its submission time or none (a draft).
// Without a time and not a draft, it is submitted around k_submitted_centre.
struct Placement
{
  std::string_view call = k_call;
  std::optional<std::chrono::sys_seconds> submitted_at;
  bool draft = false;
};

// A placement of --two-calls: a draft one time in 50, else a call and cut-off at random and a
// time within k_submitted_before_seconds before its closing (and at least an hour before).
Placement place_in_two_calls(Random& random)
{
  Placement placement;
  placement.draft = random.below(50) == 0;
  const std::size_t call = random.below(k_two_calls.size());
  placement.call = k_two_calls[call];
  const auto& cutoffs = k_two_call_cutoffs[call];
  const auto closes_at = cutoffs[random.below(cutoffs.size())].closes_at();
  const auto before = std::chrono::seconds{random.between(3600, k_submitted_before_seconds)};
  if (!placement.draft) {
    placement.submitted_at = closes_at - before;
  }
  return placement;
}

// One proposal as a CSV line (with its line feed) in the order of k_header.
Parties append_proposal(std::string& line, std::uint64_t number, Random& random, const Placement& placement)
{
  // Host and three partners: the first four of a partial Fisher-Yates shuffle are distinct.
  std::array<std::size_t, k_states.size()> states{};
  for (std::size_t i = 0; i < states.size(); ++i) {
    states[i] = i;
  }
  for (std::size_t i = 0; i < 4; ++i) {
    std::swap(states[i], states[i + random.below(states.size() - i)]);
  }
  const std::size_t first_sector = random.below(k_sectors.size());
  const std::size_t second_sector = (first_sector + 1 + random.below(k_sectors.size() - 1)) % k_sectors.size();

  append_field(line, placement.call);
  line += ",P";
  append_number(line, number, 7);
  line += ',';
  std::string title(k_titles[random.below(k_titles.size())]);
  title += ' ';
  title += std::to_string(number);
  append_field(line, title);
  line += ',';
  line += k_states[states[0]];
  line += ',';
  line += k_states[states[1]];
  line += ';';
  line += k_states[states[2]];
  line += ';';
  line += k_states[states[3]];
  line += ',';
  Parties parties{{states[0], states[1], states[2], states[3]},
                  std::string(k_entities[random.below(k_entities.size())])};
  parties.entity += ' ';
  parties.entity += std::to_string(random.below(1000));
  append_field(line, parties.entity);
  line += ',';
  line += k_plans[random.below(k_plans.size())];
  line += ',';
  line += random.below(2) == 0 ? "false" : "true";
  line += ',';
  append_euros(line, random.between(100'000'000, 30'000'000'000)); // 1M to 300M euros
  line += ',';
  append_euros(line, random.between(0, 30'000'000'000));
  line += ',';
  line += k_sectors[first_sector];
  line += ';';
  line += k_sectors[second_sector];
  if (placement.draft) {
    line += ",draft,";
  } else {
    line += ",submitted,";
    append_instant(line, placement.submitted_at ? *placement.submitted_at
                                                : k_submitted_centre + std::chrono::seconds{random.between(
                                                                           -k_submitted_spread_seconds,
                                                                           k_submitted_spread_seconds)});
  }
  line += '\n';
  return parties;
}

constexpr std::string_view k_header = "call,acronym,title,host,partners,entity,plan,experimental_platform,"
                                      "eu_contribution_eur,national_contribution_eur,sectors,status,submitted_at\n";

// The call the proposals belong to, in the form of `cfp export calls` / `cfp import calls`.
constexpr std::string_view k_calls_json = R"({
  "calls": [
    {
      "code": "EUROHPC-2024-CEI-AI-01",
      "title": "AI Factories: hosting entities for new or upgraded AI-optimised supercomputers",
      "opens_at": "2024-09-09T22:00:00Z",
      "budget_eur": "1500000000.00",
      "cutoffs": [
        {
          "label": "2024-11-04",
          "closes_at": "2024-11-04T16:00:00Z",
          "legal_wall_time": "2024-11-04T17:00:00",
          "legal_zone": "Europe/Brussels"
        },
        {
          "label": "2025-02-01",
          "closes_at": "2025-02-01T16:00:00Z",
          "legal_wall_time": "2025-02-01T17:00:00",
          "legal_zone": "Europe/Brussels"
        }
      ]
    }
  ]
}
)";

// The calls JSON of --two-calls: k_calls_json's call with five cut-offs, and a second call.
std::string two_calls_json()
{
  std::string json = "{\n  \"calls\": [";
  for (std::size_t call = 0; call < k_two_calls.size(); ++call) {
    json += call == 0 ? "\n" : ",\n";
    json += "    {\n      \"code\": \"";
    json += k_two_calls[call];
    json += "\",\n      \"title\": \"AI Factories: hosting entities, ";
    json += call == 0 ? "first" : "second";
    json += " call\",\n      \"opens_at\": \"2024-09-09T22:00:00Z\",\n      \"budget_eur\": \"";
    json += call == 0 ? "1500000000.00" : "750000000.00";
    json += "\",\n      \"cutoffs\": [";
    for (std::size_t i = 0; i < k_two_call_cutoffs[call].size(); ++i) {
      const auto& cutoff = k_two_call_cutoffs[call][i];
      std::string day;
      append_number(day, static_cast<std::uint64_t>(cutoff.year), 4);
      day += '-';
      append_number(day, cutoff.month, 2);
      day += '-';
      append_number(day, cutoff.day, 2);
      std::string closes_at;
      append_instant(closes_at, cutoff.closes_at());
      json += i == 0 ? "\n" : ",\n";
      json += "        {\n          \"label\": \"" + day + "\",\n          \"closes_at\": \"" + closes_at +
              "\",\n          \"legal_wall_time\": \"" + day +
              "T17:00:00\",\n          \"legal_zone\": \"Europe/Brussels\"\n        }";
    }
    json += "\n      ]\n    }";
  }
  json += "\n  ]\n}\n";
  return json;
}

bool write_file(const std::string& path, std::string_view text)
{
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

// An output file, or standard output for "-".
class Output
{
public:
  explicit Output(const std::string& path) : m_path(path)
  {
    if (path != "-") {
      m_file.open(path, std::ios::binary | std::ios::trunc);
    }
  }

  bool opened() const { return m_path == "-" || m_file.is_open(); }
  const std::string& path() const { return m_path; }

  // Writes `chunk` once it holds 1 MiB, or always with `all`, and empties it.
  void write(std::string& chunk, bool all = false)
  {
    if (!all && chunk.size() < (1U << 20)) {
      return;
    }
    stream().write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    chunk.clear();
  }

  bool finish()
  {
    stream().flush();
    return static_cast<bool>(stream());
  }

private:
  std::ostream& stream() { return m_path == "-" ? std::cout : m_file; }

  std::string m_path;
  std::ofstream m_file;
};

} // namespace

int main(int argc, char** argv)
{
  const Options options = parse_options(argc, argv);

  if (options.calls && !write_file(*options.calls, options.two_calls ? two_calls_json() : std::string(k_calls_json))) {
    std::cerr << "cfp_generate: cannot write " << *options.calls << "\n";
    return 1;
  }
  if (options.experts && !write_file(*options.experts, cfp::bench::experts_tsv())) {
    std::cerr << "cfp_generate: cannot write " << *options.experts << "\n";
    return 1;
  }

  Output out(options.out);
  std::optional<Output> scores_out;
  if (options.scores) {
    scores_out.emplace(*options.scores);
  }
  for (const Output* output : {&out, scores_out ? &*scores_out : nullptr}) {
    if (output && !output->opened()) {
      std::cerr << "cfp_generate: cannot write " << output->path() << "\n";
      return 1;
    }
  }

  // The scores' own stream: the proposals come out the same with or without them.
  Random random(options.seed);
  Random score_random(options.seed ^ 0x9e37'79b9'7f4a'7c15U);
  std::string chunk(k_header);
  std::string score_chunk(cfp::bench::k_scores_header);
  for (std::uint64_t number = 1; number <= options.rows; ++number) {
    const Placement placement = options.two_calls ? place_in_two_calls(random) : Placement{};
    const Parties parties = append_proposal(chunk, number, random, placement);
    out.write(chunk);
    if (scores_out) {
      cfp::bench::append_scores(score_chunk, number, parties, score_random);
      scores_out->write(score_chunk);
    }
  }
  out.write(chunk, true);
  if (!out.finish()) {
    std::cerr << "cfp_generate: writing the CSV failed\n";
    return 1;
  }
  if (scores_out) {
    scores_out->write(score_chunk, true);
    if (!scores_out->finish()) {
      std::cerr << "cfp_generate: writing the scores failed\n";
      return 1;
    }
  }
  return 0;
}

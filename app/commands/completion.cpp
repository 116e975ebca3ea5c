// SPDX-License-Identifier: EUPL-1.2
// `cfp completion SHELL` prints a completion script; the script asks `cfp __complete WORDS...`.
#include "../command_tree.hpp"
#include "../completion.hpp"
#include "registry.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/states.hpp>
#include <cfp/domain/document.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/util/text.hpp>

#include <sstream>

namespace cfp::cli {

namespace {

// How long completing waits for a database another process holds locked: a TAB must not
// freeze the shell for the busy timeout of commands.
constexpr auto k_completion_wait = "0.2";

// The values of `kind` the database at `database` (or the default one) holds, of `call` alone
// when it is given; none when there is no database or it cannot be read: completing never
// creates, changes or complains.
std::vector<std::string> database_values(ValueKind kind, const std::string& call, const std::string& database,
                                         const Environment& env)
{
  std::vector<std::string> values;
  try {
    GlobalOptions options;
    if (!database.empty()) {
      options.db = database;
    }
    options.wait = k_completion_wait;
    Environment quiet = env;
    quiet.erase("CFP_BUSY_TIMEOUT_MS");
    std::ostringstream out;
    std::ostringstream err;
    Context context(options, quiet, out, err, "cfp __complete");
    const std::vector<std::string> calls = call.empty() ? std::vector<std::string>{} : std::vector<std::string>{call};
    auto session = context.session(store::Access::read_only);
    switch (kind) {
    case ValueKind::calls:
      for (const auto& each : core::list_calls(session)) {
        values.push_back(each.code);
      }
      break;
    case ValueKind::cutoffs:
      for (const auto& deadline : core::list_deadlines(session, calls, core::DeadlineSet::all)) {
        values.push_back(deadline.cutoff.label);
      }
      break;
    case ValueKind::acronyms: {
      core::ProposalQuery query;
      query.detail = store::ProposalDetail::summary;
      query.calls = calls;
      core::for_each_proposal(session, query, {},
                              [&values](const domain::Proposal& proposal) { values.push_back(proposal.acronym); });
      break;
    }
    case ValueKind::states:
      for (const auto& state : core::list_states(session, core::StateSet::all)) {
        values.push_back(state.code);
      }
      break;
    default:
      break;
    }
  } catch (const std::exception&) {
    return {};
  }
  return values;
}

// What cfp knows itself, and else what the database holds.
std::vector<std::string> known_values(ValueKind kind, const std::string& call, const std::string& database,
                                      const Environment& env)
{
  switch (kind) {
  case ValueKind::sectors:
    return {domain::k_sectors.begin(), domain::k_sectors.end()};
  case ValueKind::parts:
    return {domain::k_part_kinds.begin(), domain::k_part_kinds.end()};
  default:
    return database_values(kind, call, database, env);
  }
}

} // namespace

int run_complete(const std::vector<std::string>& words, std::ostream& out, const Environment& env)
{
  CLI::App app{"", "cfp"};
  app.set_version_flag("--version", "");
  GlobalOptions options;
  add_global_options(app, options);
  Registry registry;
  add_command_tree(app, registry, {});
  // `__complete --line LINE`: the line as typed, split here as the shell would (bash's own
  // splitting for completion breaks words at '=' and ':' and keeps quotes).
  std::vector<std::string> typed =
      words.size() == 2 && words.front() == "--line" ? words_of_line(words.back()) : words;
  if (typed.empty()) {
    typed.emplace_back();
  }
  const auto home = env.find("HOME");
  const std::string database = database_in(typed, home == env.end() ? std::string{} : home->second);
  const auto candidates = complete(app, typed, [&](ValueKind kind, const std::string& call) {
    auto values = known_values(kind, call, database, env);
    if (values.empty() && !call.empty()) {
      values = known_values(kind, {}, database, env); // a call mistyped or not there: all of them
    }
    return values;
  });
  for (const auto& candidate : candidates) {
    // A value with characters cfp's output shows escaped (controls, line breaks, invisible or
    // reordering marks) is left out: put on the command line as it is, it would mislead.
    if (util::escape_controls(candidate) == candidate) {
      out << candidate << '\n';
    }
  }
  return 0;
}

void register_completion_command(CLI::App& app, Registry& registry)
{
  auto shell = std::make_shared<std::string>();
  auto* completion = app.add_subcommand("completion", "Print the script that completes cfp's words in a shell");
  completion->add_option("SHELL", *shell, "bash, zsh or fish")
      ->required()
      ->transform(CLI::IsMember({"bash", "zsh", "fish"}, CLI::ignore_case));
  completion->footer("Load it now:  source <(cfp completion bash)   (zsh: the same after compinit;\n"
                     "              fish: cfp completion fish | source)\n"
                     "Installed by cmake --install (and the Debian package) where each shell looks for it.");
  registry.on(completion, [shell](Context& context) { context.out() << completion_script(*shell); });
}

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/proposals.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace cfp::cli {

class Context;

/// After a change of an existing proposal: what changed (documents, then fields) and the
/// proposal's state on stderr, with the receipt when it is submitted; its reference (or record)
/// on stdout.
void print_changed(Context& context, const core::ProposalChange& change);

/// The option that gives a proposal field (its JSON name: "host", "eu_contribution_eur",
/// "add_partners" ...) on the command line, as messages name it ("--host"); the field's own
/// name for any other.
std::string option_of_field(std::string_view field);

/// The field options shared by `proposal add` and `proposal update`, bound before parsing and
/// turned into a core::ProposalInput afterwards (only the options actually given count).
struct FieldOptions
{
  std::string title;
  std::string host;
  std::vector<std::string> partners;
  std::string entity;
  std::string plan;
  bool experimental_platform = false;
  bool no_experimental_platform = false;
  std::string eu_contribution;
  std::string national_contribution;
  std::vector<std::string> sectors;
  bool clear_partners = false;
  bool clear_sectors = false;
  std::vector<std::string> add_partners;
  std::vector<std::string> remove_partners;
  std::vector<std::string> add_sectors;
  std::vector<std::string> remove_sectors;

  CLI::Option* title_option = nullptr;
  CLI::Option* host_option = nullptr;
  CLI::Option* partners_option = nullptr;
  CLI::Option* entity_option = nullptr;
  CLI::Option* plan_option = nullptr;
  CLI::Option* eu_option = nullptr;
  CLI::Option* national_option = nullptr;
  CLI::Option* sectors_option = nullptr;
  CLI::Option* add_partners_option = nullptr; ///< only on update, like the three below
  CLI::Option* remove_partners_option = nullptr;
  CLI::Option* add_sectors_option = nullptr;
  CLI::Option* remove_sectors_option = nullptr;

  /// Adds the options to `command`; `for_update` adds those only an update has.
  void bind(CLI::App& command, bool for_update);
  /// The options given, as core takes them; throws a usage error for options that exclude each other.
  core::ProposalInput input() const;
};

} // namespace cfp::cli

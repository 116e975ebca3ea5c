// SPDX-License-Identifier: EUPL-1.2
#include "proposal_options.hpp"

#include <cfp/error.hpp>

#include <map>

namespace cfp::cli {

void FieldOptions::bind(CLI::App& command, bool for_update)
{
  // On `add`, the required options are checked by the command: on a terminal it asks for them.
  const std::string required = for_update ? "" : " (required; asked for on a terminal)";
  title_option = command.add_option("--title", title, "Title of the proposal" + required);
  host_option = command.add_option("--host", host, "Host state (code such as ES; GR and GB are accepted)" + required);
  partners_option = command
                        .add_option("--partner", partners,
                                    for_update ? "Partner states: replaces the whole list (to change one, use "
                                                 "--add-partner or --remove-partner); repeat or separate with commas"
                                               : "Partner state; repeat or separate with commas")
                        ->delimiter(',');
  entity_option = command.add_option("--entity", entity, "Hosting entity" + required);
  plan_option = command.add_option("--plan", plan,
                                   for_update ? "AI supercomputer: new, upgrade or none"
                                              : "AI supercomputer: new, upgrade or none (default new)");
  command.add_flag("--experimental-platform", experimental_platform, "The proposal includes an experimental platform");
  eu_option = command.add_option("--eu-contribution", eu_contribution,
                                 for_update ? "EU contribution in euros (485M, 1.5bn); '' leaves it out (drafts only)"
                                            : "EU contribution in euros (485M, 1.5bn); required unless --draft");
  national_option = command.add_option("--national-contribution", national_contribution,
                                       for_update ? "National contribution in euros; '' leaves it out"
                                                  : "National contribution in euros (may be left out)");
  sectors_option = command
                       .add_option("--sector", sectors,
                                   for_update ? "Target sectors: replaces the whole list (to change one, use "
                                                "--add-sector or --remove-sector); repeat or separate with commas"
                                              : "Target sector; repeat or separate with commas")
                       ->delimiter(',');
  if (for_update) {
    command.add_flag("--no-experimental-platform", no_experimental_platform, "No experimental platform");
    command.add_flag("--clear-partners", clear_partners, "Remove every partner state");
    command.add_flag("--clear-sectors", clear_sectors, "Remove every sector");
    add_partners_option =
        command.add_option("--add-partner", add_partners, "Add a partner state, keeping the others")->delimiter(',');
    remove_partners_option =
        command.add_option("--remove-partner", remove_partners, "Remove one partner state, keeping the others")
            ->delimiter(',');
    add_sectors_option =
        command.add_option("--add-sector", add_sectors, "Add a target sector, keeping the others")->delimiter(',');
    remove_sectors_option =
        command.add_option("--remove-sector", remove_sectors, "Remove one target sector, keeping the others")
            ->delimiter(',');
  }
}

std::string option_of_field(std::string_view field)
{
  static const std::map<std::string_view, std::string_view> options{
      {"call", "--call"},
      {"acronym", "--acronym"},
      {"title", "--title"},
      {"host", "--host"},
      {"partners", "--partner"},
      {"add_partners", "--add-partner"},
      {"remove_partners", "--remove-partner"},
      {"entity", "--entity"},
      {"plan", "--plan"},
      {"eu_contribution_eur", "--eu-contribution"},
      {"national_contribution_eur", "--national-contribution"},
      {"sectors", "--sector"},
      {"add_sectors", "--add-sector"},
      {"remove_sectors", "--remove-sector"},
  };
  const auto found = options.find(field);
  return std::string(found == options.end() ? field : found->second);
}

core::ProposalInput FieldOptions::input() const
{
  if (experimental_platform && no_experimental_platform) {
    throw Error(ErrorKind::usage, "--experimental-platform and --no-experimental-platform exclude each other");
  }
  if ((clear_partners && partners_option->count() > 0) || (clear_sectors && sectors_option->count() > 0)) {
    throw Error(ErrorKind::usage, "--clear-partners and --clear-sectors exclude --partner and --sector");
  }
  const auto given = [](const CLI::Option* option) { return option != nullptr && option->count() > 0; };
  if ((given(partners_option) || clear_partners) && (given(add_partners_option) || given(remove_partners_option))) {
    throw Error(ErrorKind::usage, "--partner and --clear-partners replace the whole list; they exclude "
                                  "--add-partner and --remove-partner");
  }
  if ((given(sectors_option) || clear_sectors) && (given(add_sectors_option) || given(remove_sectors_option))) {
    throw Error(ErrorKind::usage, "--sector and --clear-sectors replace the whole list; they exclude "
                                  "--add-sector and --remove-sector");
  }
  core::ProposalInput input;
  input.add_partners = add_partners;
  input.remove_partners = remove_partners;
  input.add_sectors = add_sectors;
  input.remove_sectors = remove_sectors;
  // Messages name each field by the option that gave it.
  input.label = option_of_field;
  if (given(title_option)) {
    input.title = title;
  }
  if (given(host_option)) {
    input.host = host;
  }
  if (given(partners_option) || clear_partners) {
    input.partners = partners;
  }
  if (given(entity_option)) {
    input.entity = entity;
  }
  if (given(plan_option)) {
    input.plan = plan;
  }
  if (experimental_platform || no_experimental_platform) {
    input.experimental_platform = experimental_platform;
  }
  if (given(eu_option)) {
    input.eu_contribution = eu_contribution;
  }
  if (given(national_option)) {
    input.national_contribution = national_contribution;
  }
  if (given(sectors_option) || clear_sectors) {
    input.sectors = sectors;
  }
  return input;
}

} // namespace cfp::cli

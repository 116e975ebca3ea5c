// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/proposals.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <map>

namespace cfp::cli {

namespace {

// The field options shared by `proposal add` and `proposal update`, bound before parsing and
// turned into a core::ProposalInput afterwards (only the options actually given count).
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

  CLI::Option* title_option = nullptr;
  CLI::Option* host_option = nullptr;
  CLI::Option* partners_option = nullptr;
  CLI::Option* entity_option = nullptr;
  CLI::Option* plan_option = nullptr;
  CLI::Option* eu_option = nullptr;
  CLI::Option* national_option = nullptr;
  CLI::Option* sectors_option = nullptr;

  void bind(CLI::App& command, bool for_update)
  {
    title_option = command.add_option("--title", title, "Title of the proposal");
    host_option = command.add_option("--host", host, "Host state (code such as ES; GR and GB are accepted)");
    partners_option =
        command.add_option("--partner", partners, "Partner state; repeat or separate with commas")->delimiter(',');
    entity_option = command.add_option("--entity", entity, "Hosting entity");
    plan_option = command.add_option("--plan", plan,
                                     for_update ? "AI supercomputer: new, upgrade or none"
                                                : "AI supercomputer: new, upgrade or none (default new)");
    command.add_flag("--experimental-platform", experimental_platform,
                     "The proposal includes an experimental platform");
    eu_option = command.add_option("--eu-contribution", eu_contribution, "EU contribution in euros (485M, 1.5bn)");
    national_option =
        command.add_option("--national-contribution", national_contribution, "National contribution in euros");
    sectors_option =
        command.add_option("--sector", sectors, "Target sector; repeat or separate with commas")->delimiter(',');
    if (for_update) {
      command.add_flag("--no-experimental-platform", no_experimental_platform, "No experimental platform");
      command.add_flag("--clear-partners", clear_partners, "Remove every partner state");
      command.add_flag("--clear-sectors", clear_sectors, "Remove every sector");
    } else {
      title_option->required();
      host_option->required();
      entity_option->required();
    }
  }

  core::ProposalInput input() const
  {
    if (experimental_platform && no_experimental_platform) {
      throw Error(ErrorKind::usage, "--experimental-platform and --no-experimental-platform exclude each other");
    }
    if ((clear_partners && partners_option->count() > 0) || (clear_sectors && sectors_option->count() > 0)) {
      throw Error(ErrorKind::usage, "--clear-partners and --clear-sectors exclude --partner and --sector");
    }
    core::ProposalInput input;
    const auto given = [](const CLI::Option* option) { return option->count() > 0; };
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
};

struct AddOptions
{
  std::string call;
  std::string acronym;
  bool draft = false;
  FieldOptions fields;
};

struct UpdateOptions
{
  std::string ref;
  FieldOptions fields;
};

std::string reference(const domain::Proposal& proposal)
{
  return proposal.call_code + "/" + proposal.acronym;
}

std::string local_time(const std::optional<domain::Instant>& instant, const date::time_zone& zone)
{
  return instant ? domain::format_local(*instant, zone) : std::string{};
}

std::string describe(const domain::Proposal& proposal, const date::time_zone& zone)
{
  if (proposal.status == domain::ProposalStatus::draft) {
    return fmt::format("{} (id {}) is a draft, version {}", reference(proposal), proposal.id, proposal.version);
  }
  return fmt::format("{} (id {}) is {} for cut-off '{}' (closes {}), version {}", reference(proposal), proposal.id,
                     domain::to_string(proposal.status), proposal.cutoff_label.value_or("?"),
                     local_time(proposal.cutoff_closes_at, zone), proposal.version);
}

// Commands that change a proposal print its reference (CALL/ACRONYM) on stdout, or the whole
// record with --format json or csv, and say what happened on stderr.
void print_changed(Context& context, const domain::Proposal& proposal, const std::string& message)
{
  context.note(message);
  if (context.format() == Format::table) {
    context.out() << reference(proposal) << '\n';
  } else {
    print_one(context.format(), context.out(), context.display(), core::proposal_fields(), proposal, {});
  }
}

// After a submission (add, submit, or an update that submits again), the receipt: when, which
// version, and the SHA-256 of what was submitted.
void print_changed(Context& context, const domain::Proposal& proposal)
{
  std::string message = describe(proposal, context.zone());
  if (proposal.status == domain::ProposalStatus::submitted && proposal.submitted_at) {
    message += fmt::format("\nreceipt: version {} submitted at {}, SHA-256 {}", proposal.version,
                           domain::format_utc(*proposal.submitted_at), core::version_digest(proposal));
  }
  print_changed(context, proposal, message);
}

// The proposal fields and the SHA-256 of the version (`proposal show`).
const core::Fields<domain::Proposal, core::ProposalFileRecord>& show_fields()
{
  static const auto fields = [] {
    auto all = core::proposal_fields();
    all.push_back({"sha256", core::FieldKind::text, [](const domain::Proposal& proposal, const core::Display&) {
                     return domain::Value(core::version_digest(proposal));
                   }});
    return all;
  }();
  return fields;
}

// The version fields and the SHA-256 of each version (`proposal history`).
const core::Fields<domain::ProposalVersion>& history_fields()
{
  static const auto fields = [] {
    auto all = core::version_fields();
    all.push_back({"sha256", core::FieldKind::text, [](const domain::ProposalVersion& version, const core::Display&) {
                     return domain::Value(core::version_digest(version.proposal));
                   }});
    return all;
  }();
  return fields;
}

void run_add(Context& context, const AddOptions& options)
{
  auto session = context.session(store::Access::read_write);
  print_changed(context,
                core::add_proposal(session, {options.call, options.acronym, options.fields.input(), options.draft}));
}

// The field/value lines `cfp proposal show` prints as a table.
std::vector<Line> proposal_lines(const domain::Proposal& proposal, const date::time_zone& zone)
{
  const auto& fields = proposal.fields;
  std::vector<Line> lines{
      {"id", std::to_string(proposal.id)},
      {"call", proposal.call_code},
      {"acronym", proposal.acronym},
      {"title", fields.title},
      {"host", fields.host},
      {"partners", util::join(fields.partners, ", ")},
      {"entity", fields.entity},
      {"plan", std::string(domain::to_string(fields.plan))},
      {"experimental platform", fields.experimental_platform ? "yes" : "no"},
      {"EU contribution", domain::format_money_grouped(fields.eu_contribution) + " EUR"},
      {"national contribution", domain::format_money_grouped(fields.national_contribution) + " EUR"},
      {"sectors", util::join(fields.sectors, ", ")},
      {"status", std::string(domain::to_string(proposal.status))},
      {"cut-off", proposal.cutoff_label
                      ? *proposal.cutoff_label + " (closes " + local_time(proposal.cutoff_closes_at, zone) + ")"
                      : std::string{}},
      {"submitted", local_time(proposal.submitted_at, zone)},
      {"version", std::to_string(proposal.version)},
  };
  if (proposal.withdrawal_reason) {
    lines.emplace_back("withdrawal reason", *proposal.withdrawal_reason);
  }
  if (proposal.outcome) {
    lines.emplace_back("outcome", std::string(domain::to_string(*proposal.outcome)));
  }
  lines.emplace_back("SHA-256", core::version_digest(proposal));
  return lines;
}

// Names of the fields whose values differ between two versions, for the history table.
std::string changes(const domain::Proposal* before, const domain::Proposal& after, const core::Display& display)
{
  if (before == nullptr) {
    return "created";
  }
  std::vector<std::string> names;
  for (const auto& field : core::proposal_fields()) {
    if (field.name != "version" && field.get(*before, display) != field.get(after, display)) {
      names.emplace_back(field.name);
    }
  }
  return util::join(names, ", ");
}

void run_history(Context& context, const std::string& ref)
{
  auto session = context.session(store::Access::read_only);
  const auto versions = core::proposal_history(session, ref);
  const auto display = context.display();
  // What each version changed, by its position in the history.
  std::map<const domain::ProposalVersion*, std::string> changed;
  const domain::Proposal* previous = nullptr;
  for (const auto& version : versions) {
    changed[&version] = changes(previous, version.proposal, display);
    previous = &version.proposal;
  }
  const auto& fields = history_fields();
  bool any_simulated = false;
  std::vector<Column<domain::ProposalVersion>> columns{
      field_column(fields, "version", "VERSION", Align::right),
      {"RECORDED",
       [&any_simulated](const domain::ProposalVersion& v, const core::Display& d) {
         any_simulated = any_simulated || v.simulated;
         return domain::format_local(v.recorded_at, *d.zone) + (v.simulated ? " *" : "");
       }},
      field_column(fields, "recorded_by", "BY"),
      field_column(fields, "status", "STATUS"),
      field_column(fields, "cutoff", "CUT-OFF"),
      {"SHA-256", [](const domain::ProposalVersion& v,
                     const core::Display&) { return core::version_digest(v.proposal).substr(0, 12); }},
      {"CHANGED", [&changed](const domain::ProposalVersion& v, const core::Display&) { return changed.at(&v); }},
  };
  ListPrinter<domain::ProposalVersion> printer(context.format(), context.out(), context.err(), display, fields,
                                               std::move(columns));
  for (const auto& version : versions) {
    printer.add(version);
  }
  printer.finish();
  if (any_simulated) {
    context.err() << "* simulated time: recorded while CFP_NOW was set; the real time is in --format json "
                     "(recorded_real_at)\n";
  }
}

} // namespace

void register_proposal_commands(CLI::App& app, Registry& registry)
{
  auto* proposal = add_group(app, "proposal", "Proposals: record, submit, update, withdraw, list");
  const std::string ref_help = "The proposal: its acronym, CALL/ACRONYM, or its numeric id";

  auto add_options = std::make_shared<AddOptions>();
  auto* add = proposal->add_subcommand("add", "Record a proposal and submit it now (or keep it as a --draft)");
  add->add_option("--call", add_options->call, "Call code")->required();
  add->add_option("--acronym", add_options->acronym, "Acronym, unique within the call")->required();
  add_options->fields.bind(*add, false);
  add->add_flag("--draft", add_options->draft, "Keep it as a draft; submit it later with 'proposal submit'");
  registry.on(add, [add_options](Context& context) { run_add(context, *add_options); });

  auto submit_ref = std::make_shared<std::string>();
  auto* submit = proposal->add_subcommand("submit", "Submit a draft, or resubmit a withdrawn proposal");
  submit->add_option("REF", *submit_ref, ref_help)->required();
  registry.on(submit, [submit_ref](Context& context) {
    auto session = context.session(store::Access::read_write);
    print_changed(context, core::submit_proposal(session, *submit_ref));
  });

  auto update_options = std::make_shared<UpdateOptions>();
  auto* update = proposal->add_subcommand("update", "Change fields of a proposal before its cut-off");
  update->add_option("REF", update_options->ref, ref_help)->required();
  update_options->fields.bind(*update, true);
  registry.on(update, [update_options](Context& context) {
    const auto input = update_options->fields.input();
    auto session = context.session(store::Access::read_write);
    const auto outcome = core::update_proposal(session, update_options->ref, input);
    if (!outcome.changed) {
      print_changed(context, outcome.proposal,
                    fmt::format("{} unchanged: the values given are the current ones", reference(outcome.proposal)));
      return;
    }
    print_changed(context, outcome.proposal);
  });

  auto withdraw_ref = std::make_shared<std::string>();
  auto withdraw_reason = std::make_shared<std::string>();
  auto* withdraw = proposal->add_subcommand("withdraw", "Withdraw a submitted proposal before its cut-off");
  withdraw->add_option("REF", *withdraw_ref, ref_help)->required();
  withdraw->add_option("--reason", *withdraw_reason, "Why it is withdrawn")->required();
  registry.on(withdraw, [withdraw_ref, withdraw_reason](Context& context) {
    auto session = context.session(store::Access::read_write);
    print_changed(context, core::withdraw_proposal(session, *withdraw_ref, *withdraw_reason));
  });

  auto show_ref = std::make_shared<std::string>();
  auto* show = proposal->add_subcommand("show", "Show the current version of a proposal");
  show->add_option("REF", *show_ref, ref_help)->required();
  registry.on(show, [show_ref](Context& context) {
    auto session = context.session(store::Access::read_only);
    const auto found = core::show_proposal(session, *show_ref);
    print_one(context.format(), context.out(), context.display(), show_fields(), found,
              proposal_lines(found, context.zone()));
  });

  auto history_ref = std::make_shared<std::string>();
  auto* history = proposal->add_subcommand("history", "Show every version of a proposal, oldest first");
  history->add_option("REF", *history_ref, ref_help)->required();
  registry.on(history, [history_ref](Context& context) { run_history(context, *history_ref); });

  register_proposal_list(*proposal, registry);
}

} // namespace cfp::cli

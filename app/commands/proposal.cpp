// SPDX-License-Identifier: EUPL-1.2
#include "../output/changes.hpp"
#include "../output/printer.hpp"
#include "proposal_options.hpp"
#include "proposal_prompt.hpp"
#include "registry.hpp"

#include <cfp/core/proposals.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace cfp::cli {

namespace {

struct AddOptions
{
  std::string call;
  std::string acronym;
  bool draft = false;
  FieldOptions fields;
  CLI::Option* call_option = nullptr;
  CLI::Option* acronym_option = nullptr;
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

// An amount as tables show it, or nothing when it was never given (as `call show` shows a budget).
std::string money_text(const std::optional<domain::Cents>& cents)
{
  return cents ? domain::format_money_grouped(*cents) + " EUR" : std::string{};
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
  if (proposal.status == domain::ProposalStatus::submitted && proposal.submitted_at && !context.dry_run()) {
    message += fmt::format("\nreceipt: version {} submitted at {}, SHA-256 {}", proposal.version,
                           domain::format_utc(*proposal.submitted_at), core::version_digest(proposal));
  }
  print_changed(context, proposal, message);
}

} // namespace

// The same after a change of an existing proposal, led by what changed: its documents, then
// field by field.
void print_changed(Context& context, const core::ProposalChange& change)
{
  for (const auto& warning : change.warnings) {
    context.note("warning: " + warning);
  }
  if (!change.changed) {
    print_changed(context, change.proposal,
                  fmt::format("{} unchanged: the values given are the current ones", reference(change.proposal)));
    return;
  }
  const auto line = changed_line(
      field_changes(core::proposal_fields(), change.before, change.proposal, context.display(), {"version", "cutoff_closes_at"}),
      document_changes(change.before.documents, change.proposal.documents));
  if (!line.empty()) {
    context.note(line);
  }
  print_changed(context, change.proposal);
}

namespace {

// The proposal fields and the SHA-256 of the version (`proposal show`).
const core::Fields<domain::Proposal, core::ProposalFileRecord>& show_fields()
{
  static const auto fields = [] {
    auto all = core::proposal_fields();
    all.push_back({"sha256", core::FieldKind::text, [](const domain::Proposal& proposal, const core::Display&) {
                     return domain::Value(core::version_digest(proposal));
                   }});
    all.push_back({"documents", core::FieldKind::list, [](const domain::Proposal& proposal, const core::Display&) {
                     std::vector<std::string> parts;
                     for (const auto& document : proposal.documents) {
                       parts.push_back(document.part);
                     }
                     return domain::Value(std::move(parts));
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

std::vector<Line> proposal_lines(const domain::Proposal& proposal, const date::time_zone& zone);

// Records a proposal. What the command line lacks is asked for on a terminal, else named in one
// usage error.
void run_add(Context& context, const AddOptions& options)
{
  core::NewProposal request{options.call, options.acronym, options.fields.input(), options.draft, std::nullopt};
  const GivenOnCommandLine given{options.call_option->count() > 0, options.acronym_option->count() > 0};
  const auto missing = missing_options(request, given);
  // The EU contribution alone is a rule of submissions, not an option the command needs: the
  // rules say so with every other problem of the values (exit 65).
  const bool only_contribution = missing == std::vector<std::string>{"--eu-contribution"};
  if (!missing.empty() && !context.may_ask() && !only_contribution) {
    const bool contribution = std::find(missing.begin(), missing.end(), "--eu-contribution") != missing.end();
    throw Error(ErrorKind::usage,
                fmt::format("missing {}; give {} on the command line{}{}", util::join(missing, ", "),
                            missing.size() == 1 ? "it" : "them",
                            context.on_terminal() ? "" : ", or run the command on a terminal to be asked for them",
                            contribution ? " (a --draft may leave out --eu-contribution until it is submitted)" : ""));
  }
  auto session = context.session(store::Access::read_write);
  if (!missing.empty() && context.may_ask()) {
    ask_for_proposal(context, session, request, given, [&context](const domain::Proposal& proposal) {
      auto lines = proposal_lines(proposal, context.zone());
      std::erase_if(lines, [](const Line& line) {
        return line.first == "id" || line.first == "version" || line.first == "SHA-256" || line.first == "submitted";
      });
      return lines;
    });
  }
  const auto change = core::add_proposal(session, request);
  if (missing.empty() || !context.may_ask()) { // else the summary showed them before the confirmation
    for (const auto& warning : change.warnings) {
      context.note("warning: " + warning);
    }
  }
  print_changed(context, change.proposal);
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
      {"EU contribution", money_text(fields.eu_contribution)},
      {"national contribution", money_text(fields.national_contribution)},
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
  if (!proposal.documents.empty()) {
    std::vector<std::string> documents;
    for (const auto& document : proposal.documents) {
      documents.push_back(fmt::format("{} ({}, {})", document.part, document.file_name,
                                      domain::format_size(document.size)));
    }
    lines.emplace_back("documents", util::join(documents, ", "));
  }
  lines.emplace_back("SHA-256", core::version_digest(proposal));
  return lines;
}

// Names of the fields whose values differ between two versions, for the history table, after
// what changed in the documents.
std::string changes(const domain::Proposal* before, const domain::Proposal& after, const core::Display& display)
{
  if (before == nullptr) {
    auto attached = document_changes({}, after.documents);
    attached.insert(attached.begin(), "created");
    return util::join(attached, "; ");
  }
  std::vector<std::string> names = document_changes(before->documents, after.documents);
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
  const auto display = context.display();
  // What the version given changed since the one before it (a version at a time: none is held).
  std::optional<domain::Proposal> previous;
  std::string changed;
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
      {"CHANGED", [&changed](const domain::ProposalVersion&, const core::Display&) { return changed; }},
  };
  ListPrinter<domain::ProposalVersion> printer(context.format(), context.out(), context.err(), display, fields,
                                               std::move(columns));
  printer.fit(context.table_width());
  auto passes = printer.passes();
  passes.between = [&previous, between = passes.between] {
    previous.reset();
    if (between) {
      between();
    }
  };
  core::for_each_proposal_version(
      session, ref,
      [&](const domain::ProposalVersion& version) {
        changed = changes(previous ? &*previous : nullptr, version.proposal, display);
        printer.add(version);
        previous = version.proposal;
      },
      passes);
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
  add_options->call_option = add->add_option("--call", add_options->call, "Call code (required; asked for on a terminal)");
  add_options->acronym_option = add->add_option("--acronym", add_options->acronym,
                                                "Acronym, unique within the call (required; asked for on a terminal)");
  add_options->fields.bind(*add, false);
  add->add_flag("--draft", add_options->draft, "Keep it as a draft; submit it later with 'proposal submit'");
  registry.on_change(add, [add_options](Context& context) { run_add(context, *add_options); });

  auto submit_ref = std::make_shared<std::string>();
  auto* submit = proposal->add_subcommand("submit", "Submit a draft, or resubmit a withdrawn proposal");
  submit->add_option("REF", *submit_ref, ref_help)->required();
  registry.on_change(submit, [submit_ref](Context& context) {
    auto session = context.session(store::Access::read_write);
    print_changed(context, core::submit_proposal(session, *submit_ref));
  });

  auto resubmit_options = std::make_shared<UpdateOptions>();
  auto* resubmit = proposal->add_subcommand(
      "resubmit", "Enter a proposal that a closed cut-off did not fund (withdrawn or rejected) into the next open "
                  "one, changing the fields given in the same version");
  resubmit->add_option("REF", resubmit_options->ref, ref_help)->required();
  resubmit_options->fields.bind(*resubmit, true);
  registry.on_change(resubmit, [resubmit_options](Context& context) {
    const auto input = resubmit_options->fields.input();
    auto session = context.session(store::Access::read_write);
    print_changed(context, core::resubmit_proposal(session, resubmit_options->ref, input));
  });

  auto update_options = std::make_shared<UpdateOptions>();
  auto* update = proposal->add_subcommand("update", "Change fields of a proposal before its cut-off");
  update->add_option("REF", update_options->ref, ref_help)->required();
  update_options->fields.bind(*update, true);
  registry.on_change(update, [update_options](Context& context) {
    const auto input = update_options->fields.input();
    auto session = context.session(store::Access::read_write);
    print_changed(context, core::update_proposal(session, update_options->ref, input));
  });

  auto withdraw_ref = std::make_shared<std::string>();
  auto withdraw_reason = std::make_shared<std::string>();
  auto* withdraw = proposal->add_subcommand("withdraw", "Withdraw a submitted proposal before its cut-off");
  withdraw->add_option("REF", *withdraw_ref, ref_help)->required();
  withdraw->add_option("--reason", *withdraw_reason, "Why it is withdrawn")->required();
  registry.on_change(withdraw, [withdraw_ref, withdraw_reason](Context& context) {
    auto session = context.session(store::Access::read_write);
    print_changed(context, core::withdraw_proposal(session, *withdraw_ref, *withdraw_reason));
  });

  register_proposal_delete(*proposal, registry);
  register_proposal_documents(*proposal, registry);

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

// SPDX-License-Identifier: EUPL-1.2
// The corrections: `call update|set-parts|remove`, `deadline update|remove` and `proposal
// delete`. Each says on stderr what it changed (or that nothing did) and prints what it changed
// on stdout: its reference in a table, the record (as it is now, or as it was removed) otherwise.
#include "../output/changes.hpp"
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/corrections.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/domain/document.hpp>
#include <cfp/domain/money.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

// The call fields, then its document rules: what the corrections of a call print.
const core::Fields<domain::Call>& corrected_call_fields()
{
  static const auto fields = [] {
    auto all = core::call_fields();
    const auto& rules = core::call_document_fields();
    all.insert(all.end(), rules.begin(), rules.end());
    return all;
  }();
  return fields;
}

void print_call(Context& context, const domain::Call& call)
{
  if (context.format() == Format::table) {
    context.out() << call.code << '\n';
  } else {
    print_one(context.format(), context.out(), context.display(), corrected_call_fields(), call, {});
  }
}

// How the changed line shows a call's document rules: the limit in the units it is given in
// ("50 MiB -> 20 MiB"), not in bytes.
const core::Fields<domain::Call>& document_rule_changes()
{
  static const core::Fields<domain::Call> fields{
      {"required_parts", core::FieldKind::list,
       [](const domain::Call& c, const core::Display&) { return domain::Value(c.required_parts); }},
      {"document_limit", core::FieldKind::text,
       [](const domain::Call& c, const core::Display&) {
         return domain::Value(domain::format_limit(c.document_limit));
       }},
  };
  return fields;
}

void print_cutoff(Context& context, const domain::Cutoff& cutoff, const std::optional<domain::Instant>& call_opens)
{
  const auto display = context.display();
  if (context.format() == Format::table) {
    context.out() << cutoff.call_code << '/' << util::escape_controls(cutoff.label) << '\n';
  } else {
    print_one(context.format(), context.out(), display, core::deadline_fields(),
              core::deadline_status(cutoff, call_opens, display.now), {});
  }
}

// "3 cut-offs", "1 cut-off".
std::string count_of(std::size_t count, std::string_view noun, std::string_view plural)
{
  return fmt::format("{} {}", count, count == 1 ? noun : plural);
}

void run_call_update(Context& context, const core::CallCorrection& request)
{
  auto session = context.session(store::Access::read_write);
  const auto change = core::update_call(session, request);
  const auto& call = change.call;
  if (!change.changed) {
    context.note(fmt::format("call {} unchanged: the values given are the current ones", call.code));
  } else {
    auto changes = field_changes(core::call_fields(), change.before, call, context.display(), {});
    for (auto& rule : field_changes(document_rule_changes(), change.before, call, context.display(), {})) {
      changes.push_back(std::move(rule));
    }
    context.note(changed_line(changes));
    context.note(fmt::format("updated call {}", call.code));
  }
  for (const auto& warning : change.warnings) {
    context.note("warning: " + warning);
  }
  if (change.selected_over_budget && call.budget) {
    context.note(fmt::format("warning: the proposals selected by 'cfp rank --apply' request {} EUR, more than the "
                             "new budget of {} EUR; run 'cfp rank {} --apply' again to draw the funding line under it",
                             domain::format_money_grouped(*change.selected_over_budget),
                             domain::format_money_grouped(*call.budget), call.code));
  }
  print_call(context, call);
}

void run_call_remove(Context& context, const std::string& code)
{
  auto session = context.session(store::Access::read_write);
  const auto removed = core::remove_call(session, code);
  context.note(fmt::format("removed call {} with its {} and {}; the audit log keeps them ('cfp log')",
                           removed.call.code, count_of(removed.cutoffs.size(), "cut-off", "cut-offs"),
                           count_of(removed.criteria.size(), "criterion", "criteria")));
  print_call(context, removed.call);
}

void run_deadline_update(Context& context, const core::DeadlineCorrection& request)
{
  auto session = context.session(store::Access::read_write);
  const auto change = core::update_deadline(session, request);
  const auto& cutoff = change.cutoff;
  if (!change.changed) {
    context.note(fmt::format("cut-off '{}' of call {} unchanged: the values given are the current ones", cutoff.label,
                             cutoff.call_code));
  } else {
    context.note(changed_line(field_changes(core::cutoff_fields(), change.before, cutoff, context.display(), {})));
    context.note(fmt::format("updated cut-off '{}' of call {}: closes {} ({})", cutoff.label, cutoff.call_code,
                             domain::format_local(cutoff.closes_at, context.zone()),
                             domain::format_utc(cutoff.closes_at)));
  }
  print_cutoff(context, cutoff, change.call_opens);
}

void run_deadline_remove(Context& context, const std::string& call, const std::string& label)
{
  auto session = context.session(store::Access::read_write);
  const auto removed = core::remove_deadline(session, call, label);
  const auto& cutoff = removed.cutoff;
  context.note(fmt::format("removed cut-off '{}' of call {} (closing {})", cutoff.label, cutoff.call_code,
                           domain::format_local(cutoff.closes_at, context.zone())));
  if (removed.stranded_drafts > 0) {
    context.note(fmt::format("call {} has no open cut-off left: its {} cannot be submitted until one is added "
                             "('cfp deadline add {} WHEN')",
                             cutoff.call_code,
                             count_of(static_cast<std::size_t>(removed.stranded_drafts), "draft", "drafts"),
                             cutoff.call_code));
  }
  print_cutoff(context, cutoff, removed.call_opens);
}

void run_proposal_delete(Context& context, const std::string& ref)
{
  auto session = context.session(store::Access::read_write);
  const auto deleted = core::delete_draft(session, ref);
  const auto& proposal = deleted.proposal;
  const auto name = proposal.call_code + "/" + proposal.acronym;
  std::vector<std::string> went;
  if (deleted.earlier_versions > 0) {
    went.push_back(count_of(deleted.earlier_versions, "earlier version", "earlier versions"));
  }
  if (deleted.declared_conflicts > 0) {
    went.push_back(
        count_of(deleted.declared_conflicts, "declared conflict of interest", "declared conflicts of interest"));
  }
  context.note(went.empty()
                   ? fmt::format("deleted draft {} (id {}); the audit log keeps it ('cfp log')", name, proposal.id)
                   : fmt::format("deleted draft {} (id {}) with its {}; the audit log keeps them all ('cfp log')", name,
                                 proposal.id, util::join(went, " and ")));
  if (context.format() == Format::table) {
    context.out() << name << '\n';
  } else {
    print_one(context.format(), context.out(), context.display(), core::proposal_fields(), proposal, {});
  }
}

} // namespace

void register_call_corrections(CLI::App& call, Registry& registry)
{
  auto update_request = std::make_shared<core::CallCorrection>();
  auto* update = call.add_subcommand("update", "Correct the title, opening or budget of a call");
  update->add_option("CODE", update_request->code, "Call code")->required();
  update->add_option("--title", update_request->title, "Title of the call");
  update->add_option("--opens", update_request->opens, "When the call opens (WHEN), or 'none'");
  update->add_option("--budget", update_request->budget, "Budget in euros (485M, 1.5bn), or 'none'");
  update->add_option("--required-parts", update_request->required_parts,
                     "Kinds of document a submission must have (part-b,annex,support-letter,other), or 'none'");
  update->add_option("--document-limit", update_request->document_limit,
                     "How large one document may be: 20MiB, 512KiB, bytes (1 KiB to 200 MiB; default 50 MiB)");
  registry.on_change(update, [update_request](Context& context) { run_call_update(context, *update_request); });

  // The same correction as `call update CODE --required-parts LIST`, by the name officials look for.
  auto parts_request = std::make_shared<core::CallCorrection>();
  auto* set_parts = call.add_subcommand("set-parts", "Set the kinds of document a submission to a call must have");
  set_parts->add_option("CODE", parts_request->code, "Call code")->required();
  set_parts
      ->add_option("LIST", parts_request->required_parts,
                   "Kinds separated by commas (part-b,annex,support-letter,other); 'none' or '' for none")
      ->required();
  registry.on_change(set_parts, [parts_request](Context& context) { run_call_update(context, *parts_request); });

  auto remove_code = std::make_shared<std::string>();
  auto* remove = call.add_subcommand("remove", "Remove a call that has no proposals, with its cut-offs and criteria");
  remove->add_option("CODE", *remove_code, "Call code")->required();
  registry.on_change(remove, [remove_code](Context& context) { run_call_remove(context, *remove_code); });
}

void register_deadline_corrections(CLI::App& deadline, Registry& registry)
{
  auto update_request = std::make_shared<core::DeadlineCorrection>();
  auto* update = deadline.add_subcommand("update", "Move or relabel a cut-off that no proposal was submitted to");
  update->add_option("CALL", update_request->call_code, "Call code")->required();
  update->add_option("LABEL", update_request->label, "Label of the cut-off")->required();
  update->add_option("--when", update_request->when, "New closing time, as for 'deadline add' (WHEN)");
  update->add_option("--label", update_request->new_label, "New label");
  registry.on_change(update, [update_request](Context& context) { run_deadline_update(context, *update_request); });

  auto remove_call = std::make_shared<std::string>();
  auto remove_label = std::make_shared<std::string>();
  auto* remove = deadline.add_subcommand("remove", "Remove a cut-off that no proposal was submitted to");
  remove->add_option("CALL", *remove_call, "Call code")->required();
  remove->add_option("LABEL", *remove_label, "Label of the cut-off")->required();
  registry.on_change(remove, [remove_call, remove_label](Context& context) {
    run_deadline_remove(context, *remove_call, *remove_label);
  });
}

void register_proposal_delete(CLI::App& proposal, Registry& registry)
{
  auto ref = std::make_shared<std::string>();
  auto* remove = proposal.add_subcommand("delete", "Delete a draft, with its earlier versions");
  remove->add_option("REF", *ref, "The proposal: its acronym, CALL/ACRONYM, or its numeric id")->required();
  registry.on_change(remove, [ref](Context& context) { run_proposal_delete(context, *ref); });
}

} // namespace cfp::cli

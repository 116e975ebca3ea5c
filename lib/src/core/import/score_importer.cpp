// SPDX-License-Identifier: EUPL-1.2
#include "score_importer.hpp"

#include "read_records.hpp"

#include <cfp/store/audit_repository.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/expert_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::core::detail {

namespace {

std::string blank_to_empty(const std::optional<std::string>& text)
{
  return text ? *text : std::string{};
}

} // namespace

ScoreImporter::ScoreImporter(const Session& session, store::Transaction& tx, const ImportOptions& options,
                             std::ostream* rejects, Pass pass)
    : m_tx(&tx), m_apply(pass == Pass::apply), m_reference(tx), m_rejects(rejects, options.format, options.delimiter),
      m_stamp(session.stamp())
{
}

std::string ScoreImporter::describe(const Group& group) const
{
  return fmt::format("the evaluation of {} by {}", group.proposal->acronym, group.expert->name);
}

void ScoreImporter::take(ScoreInputRecord& record)
{
  if (record.line == 0) {
    m_rejects.header(record.raw); // the CSV header
    return;
  }
  ++m_summary.records;
  std::uint32_t group_index = k_no_group;
  if (!check(record, group_index, true).empty()) {
    if (group_index != k_no_group && m_groups[group_index].invalid_line == 0) {
      m_groups[group_index].invalid_line = record.line;
    }
    ++m_invalid_rows;
  }
  m_row_groups.push_back(group_index);
}

std::vector<ImportError> ScoreImporter::check(const ScoreInputRecord& record, std::uint32_t& group_index,
                                              bool recording)
{
  const auto& values = record.values;
  std::vector<ImportError> errors = record.errors;
  if (!errors.empty()) {
    // A row broken in its form still belongs to its evaluation when its key reads: the
    // evaluation is rejected with it rather than found incomplete.
    if (values.call && values.acronym && values.expert) {
      CallEntry* entry = call(*values.call);
      const domain::Proposal* target = entry != nullptr ? proposal(*entry, *values.acronym) : nullptr;
      const domain::Expert* scorer = target != nullptr ? expert(*values.expert) : nullptr;
      if (scorer != nullptr && target->cutoff_id) {
        group_index = recording ? group(*entry, *target, *scorer, record.line) : find_group(*target, *scorer);
      }
    }
    return errors;
  }
  const auto add = [&](const std::string& column, const std::string& message) {
    errors.push_back({record.line, column, message});
  };

  // The evaluation the row belongs to: a submitted proposal whose cut-off has passed, and an expert.
  CallEntry* entry = call(blank_to_empty(values.call));
  const domain::Proposal* target = nullptr;
  if (entry == nullptr) {
    add("call", fmt::format("no call '{}'; 'cfp call list' shows the calls", util::excerpt(*values.call)));
  } else if (target = proposal(*entry, *values.acronym); target == nullptr) {
    add("acronym", fmt::format("no proposal '{}' in call {}", util::excerpt(*values.acronym), entry->info->call.code));
  } else if (target->status != domain::ProposalStatus::submitted) {
    add("acronym", fmt::format("{} is {}: only a submitted proposal is evaluated", target->acronym,
                               domain::to_string(target->status)));
  } else if (!target->cutoff_closes_at || m_stamp.at <= *target->cutoff_closes_at) {
    add("acronym", fmt::format("the cut-off {} of {} has not passed yet (it closes at {}): its content can still "
                               "change",
                               util::excerpt(target->cutoff_label.value_or("?")), target->acronym,
                               target->cutoff_closes_at ? domain::format_utc(*target->cutoff_closes_at) : "?"));
  }
  const domain::Expert* scorer = expert(*values.expert);
  if (scorer == nullptr) {
    add("expert", fmt::format("no expert '{}'; 'cfp expert list' shows the experts", util::excerpt(*values.expert)));
  }
  const bool keyed = errors.empty();
  if (keyed) {
    group_index = recording ? group(*entry, *target, *scorer, record.line) : find_group(*target, *scorer);
    if (const auto& conflict = m_groups[group_index].conflict) {
      add("expert", *conflict);
    }
  }

  // The values, checked whatever the key's problems, so that one run reports them all.
  std::optional<std::size_t> position;
  if (entry != nullptr) {
    const auto& criteria = entry->criteria;
    const auto found = std::find_if(criteria.begin(), criteria.end(),
                                    [&](const domain::Criterion& c) { return c.key == *values.criterion; });
    if (found == criteria.end()) {
      std::vector<std::string> keys;
      for (const auto& criterion : criteria) {
        keys.push_back(criterion.key);
      }
      add("criterion", fmt::format("the call has no criterion '{}'; its criteria: {}", util::excerpt(*values.criterion),
                                   util::join(keys, ", ")));
    } else {
      position = static_cast<std::size_t>(found - criteria.begin());
    }
  }
  const auto score = domain::parse_score(*values.score);
  if (!score) {
    add("score", score.error());
  }
  std::optional<std::string> comment;
  if (values.comment && !util::trim(*values.comment).empty()) {
    if (auto problem = domain::check_text(*values.comment, "comment")) {
      add("comment", *problem);
    } else {
      comment = values.comment;
    }
  }
  if (!keyed || !errors.empty()) {
    return errors;
  }

  // Within its evaluation: each criterion once, one comment.
  Group& evaluation = m_groups[group_index];
  if (position) {
    if (const auto earlier = evaluation.lines[*position]; earlier != 0 && earlier != record.line) {
      add("criterion", fmt::format("{} is scored twice in {}: on line {} and on line {}", *values.criterion,
                                   describe(evaluation), earlier, record.line));
    }
  }
  if (comment && evaluation.comment && *comment != *evaluation.comment) {
    add("comment", fmt::format("not the comment of line {}: the rows of {} share one comment (or leave it empty on "
                               "all but one)",
                               evaluation.comment_line, describe(evaluation)));
  }
  if (!errors.empty() || !recording) {
    return errors;
  }
  evaluation.scores[*position] = score.value();
  evaluation.lines[*position] = record.line;
  if (comment && !evaluation.comment) {
    evaluation.comment = std::move(comment);
    evaluation.comment_line = record.line;
  }
  return errors;
}

bool ScoreImporter::settle()
{
  bool any_invalid = m_invalid_rows > 0;
  for (auto& evaluation : m_groups) {
    if (evaluation.invalid_line != 0) {
      evaluation.problem = fmt::format("{} is rejected as a whole: line {} is invalid", describe(evaluation),
                                       evaluation.invalid_line);
      any_invalid = true;
      continue;
    }
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < evaluation.lines.size(); ++i) {
      if (evaluation.lines[i] == 0) {
        missing.push_back(evaluation.call->criteria[i].key);
      }
    }
    if (!missing.empty()) {
      evaluation.problem = fmt::format("{} has no score for {}: every criterion of the call needs one",
                                       describe(evaluation), util::join(missing, ", "));
      any_invalid = true;
    }
  }
  return any_invalid;
}

void ScoreImporter::report(const ScoreInputRecord& record)
{
  if (record.line == 0) {
    return;
  }
  const std::size_t row = m_reported++;
  // The row's own errors are found again (the caches make it cheap) rather than kept for
  // every invalid row of what may be a huge file.
  std::uint32_t group_index = k_no_group;
  auto errors = check(record, group_index, false);
  if (const auto index = m_row_groups.at(row); errors.empty() && index != k_no_group && !m_groups[index].problem.empty()) {
    const bool missing = m_groups[index].invalid_line == 0;
    errors.push_back({record.line, missing ? "criterion" : "record", m_groups[index].problem});
  }
  if (errors.empty()) {
    return;
  }
  reject(m_summary, m_rejects, record, errors);
}

std::map<std::pair<std::int64_t, std::int64_t>, domain::Evaluation>
ScoreImporter::current_evaluations(const CallEntry& entry)
{
  std::map<std::pair<std::int64_t, std::int64_t>, domain::Evaluation> current;
  std::size_t valid = 0;
  for (const auto& group : m_groups) {
    valid += group.call == &entry && group.problem.empty() ? 1U : 0U;
  }
  if (valid > k_read_at_once) {
    m_tx->evaluations().for_each(entry.info->call.id, std::nullopt, [&](const domain::Evaluation& evaluation) {
      current.emplace(std::pair{evaluation.proposal_id, evaluation.expert_id}, evaluation);
    });
    return current;
  }
  for (const auto& group : m_groups) {
    if (group.call == &entry && group.problem.empty()) {
      if (auto found =
              m_tx->evaluations().find(group.proposal->id, *group.proposal->cutoff_id, group.expert->id)) {
        current.emplace(std::pair{group.proposal->id, group.expert->id}, std::move(*found));
      }
    }
  }
  return current;
}

void ScoreImporter::rebind(const Session& session, store::Transaction& tx, Pass pass)
{
  m_tx = &tx;
  m_apply = pass == Pass::apply;
  m_stamp = session.stamp();
}

void ScoreImporter::write()
{
  m_summary.inserted = m_summary.updated = m_summary.unchanged = 0;
  for (const auto& [code, entry] : m_calls) {
    if (entry.info == nullptr) {
      continue;
    }
    const auto current = current_evaluations(entry);
    for (const auto& group : m_groups) {
      if (group.call != &entry || !group.problem.empty()) {
        continue;
      }
      domain::Evaluation evaluation;
      evaluation.proposal_id = group.proposal->id;
      evaluation.cutoff_id = *group.proposal->cutoff_id;
      evaluation.expert_id = group.expert->id;
      evaluation.expert = group.expert->name;
      for (std::size_t i = 0; i < group.scores.size(); ++i) {
        evaluation.scores.emplace_back(group.call->criteria[i].key, group.scores[i]);
      }
      evaluation.comment = group.comment;
      const auto found = current.find({evaluation.proposal_id, evaluation.expert_id});
      const auto earlier = found != current.end() ? std::optional(found->second) : std::nullopt;
      if (earlier && earlier->scores == evaluation.scores && earlier->comment == evaluation.comment) {
        ++m_summary.unchanged;
        continue;
      }
      ++(earlier ? m_summary.updated : m_summary.inserted);
      if (m_apply) {
        m_tx->evaluations().save(evaluation, earlier, m_stamp);
        m_tx->audit().note_related({domain::SubjectKind::proposal, evaluation.proposal_id});
      }
    }
  }
}

} // namespace cfp::core::detail

namespace cfp::core {

ImportSummary import_scores(Session& session, std::istream& in, const ImportOptions& options)
{
  using detail::Pass;
  // What the check pass found, kept for the apply pass: when no other connection has
  // committed since, it still holds, and the apply pass only writes.
  std::optional<detail::ScoreImporter> checked;
  std::optional<std::int64_t> checked_at;
  return detail::run_import(
      session, in, options, "scores", detail::Passes::check_then_apply,
      [&](store::Transaction& tx, util::SpoolFile& input, util::SpoolFile* rejects, Pass pass) {
        const auto counter = tx.change_counter();
        if (pass == Pass::apply && checked && counter && counter == checked_at) {
          checked->rebind(session, tx, pass);
          checked->write();
          return checked->summary();
        }
        if (rejects != nullptr) {
          rejects->clear();
        }
        auto& importer =
            checked.emplace(session, tx, options, rejects != nullptr ? &rejects->writer() : nullptr, pass);
        checked_at = pass == Pass::check ? counter : std::nullopt;
        detail::ProgressCounter progress(options, pass);
        detail::read_records<ScoreFileRecord>(input.read_from_start(), options,
                                              detail::score_schema(), [&](detail::ScoreInputRecord& record) {
                                                importer.take(record);
                                                progress.count(importer.summary().records);
                                              });
        if (importer.settle()) {
          detail::read_records<ScoreFileRecord>(input.read_from_start(), options,
                                                detail::score_schema(),
                                                [&](detail::ScoreInputRecord& record) { importer.report(record); });
        }
        importer.write();
        detail::finish_rejects(importer.rejects(), rejects);
        return importer.summary();
      });
}

} // namespace cfp::core

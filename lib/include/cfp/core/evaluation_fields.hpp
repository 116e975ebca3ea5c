// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fields of the records of evaluation, described once (see record_fields.hpp).

#include <cfp/core/experts.hpp>
#include <cfp/core/field.hpp>
#include <cfp/core/ranking.hpp>
#include <cfp/core/score_file.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/domain/criterion.hpp>
#include <cfp/domain/expert.hpp>

namespace cfp::core {

/// A criterion: call key name weight threshold position; weight and threshold are exact
/// decimals ("1.5", "3.0").
const Fields<domain::Criterion>& criterion_fields();

/// An expert: name state organisation email.
const Fields<domain::Expert>& expert_fields();

/// A conflict of interest: expert expert_state call acronym cause detail.
const Fields<ConflictListing>& conflict_fields();

/// A declared conflict (`expert conflict`, and each of `expert show`): expert call acronym
/// reason declared_at.
const Fields<store::DeclaredConflict>& declared_conflict_fields();

/// One criterion of one proposal, as `score list` lists it.
struct ScoreRow
{
  std::string call;
  std::string acronym;
  std::string cutoff;
  CriterionScores scores;
};

/// A score row: call acronym cutoff criterion scores (each expert's: [{"expert", "score",
/// "comment"}])
/// experts consensus source spread wide_spread.
const Fields<ScoreRow>& score_row_fields();

/// An evaluation summary: call acronym cutoff criteria (each: criterion name consensus
/// threshold passed source comment) total weighted_total overall_threshold passed, then where
/// it stands in its cut-off's ranking: rank passing status reason, and the outcome recorded.
const Fields<EvaluationSummary>& summary_fields();

/// A version of an expert's evaluation (`score history`): call acronym cutoff expert version
/// current set_aside recorded_at recorded_by scores ({"excellence": 4.5, ...}) comment.
const Fields<EvaluationVersion>& evaluation_version_fields();

/// A score file's row (`import scores`, `export scores`): call acronym expert criterion score
/// comment; every field is read from files, and all but the comment are required.
const Fields<ScoreFileRow, ScoreFileRecord>& score_file_fields();

} // namespace cfp::core

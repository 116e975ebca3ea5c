// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>
#include <cfp/domain/call.hpp>
#include <cfp/domain/criterion.hpp>
#include <cfp/store/transaction.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// A call with its criteria, by position.
struct CallCriteria
{
  domain::Call call;
  std::vector<domain::Criterion> criteria;
};

/// The criteria of the call with this code. Not found when there is no such call.
CallCriteria list_criteria(Session& session, const std::string& call_code);

/// What `cfp criterion add` and `cfp criterion set` ask for, as typed.
struct CriterionRequest
{
  std::string call_code;
  std::string key;
  std::optional<std::string> name;
  std::optional<std::string> weight;    ///< "1", "1.5": 0.001 to 100
  std::optional<std::string> threshold; ///< "3", "3.5": 0 to 5 in half points
  std::optional<std::string> position;  ///< from 1; the others move to make room
};

/// Adds a criterion to a call (name required; weight 1, threshold 3 and the last position by
/// default). Refused when the key is taken or the call has k_max_criteria already.
domain::Criterion add_criterion(Session& session, const CriterionRequest& request);

/// What set_criterion did: the criterion as it is now, and whether anything changed.
struct CriterionUpdate
{
  domain::Criterion criterion;
  bool changed = false;
};

/// Changes the fields `request` gives of one criterion; moving it to another position moves
/// the criteria between. Not found when the call has no such criterion.
CriterionUpdate set_criterion(Session& session, const CriterionRequest& request);

/// Removes one criterion. Refused for a call's last criterion, and when the criteria left
/// could no longer reach the overall threshold.
domain::Criterion remove_criterion(Session& session, const std::string& call_code, const std::string& key);

/// What set_overall_threshold did.
struct ThresholdUpdate
{
  domain::Call call;
  domain::HalfPoints before = 0;
};

/// Sets the sum of consensus scores a proposal of the call must reach ("10", "10.5"): at most
/// what the call's criteria can give together (5 points each).
ThresholdUpdate set_overall_threshold(Session& session, const std::string& call_code, const std::string& points);

/// The evaluation settings a calls file gives a call (`import calls`); what is left out stays.
struct EvaluationSettings
{
  /// The whole list, in position order; each with key, name and optionally weight and threshold.
  std::optional<std::vector<CriterionRequest>> criteria;
  std::optional<std::string> overall_threshold; ///< "10", "10.5"
};

/// Gives `call` (stored, its criteria too) `settings` inside the caller's write transaction:
/// criteria with a key it has keep their id, those it lacks are added and the others removed,
/// each change audited as `criterion add|set|remove` would; then the overall threshold. True
/// when anything changed. Invalid (65) as `criterion add` and `call set-threshold` would refuse
/// a value, for an empty list, more than k_max_criteria, a key given twice, or an overall
/// threshold beyond what the criteria give; refused (1) once the call's proposals are being
/// scored and anything would change.
bool apply_evaluation_settings(const Session& session, store::Transaction& tx, domain::Call& call,
                               const EvaluationSettings& settings);

/// Gives a call just stored the standard criteria, each audited, inside the caller's write
/// transaction.
void add_standard_criteria(const Session& session, store::Transaction& tx, const domain::Call& call);

} // namespace cfp::core

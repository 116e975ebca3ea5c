// SPDX-License-Identifier: EUPL-1.2
#include "correction_rules.hpp"

#include <cfp/error.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <map>

namespace cfp::core::detail {

std::string some_of(const std::vector<std::string>& names, std::size_t shown)
{
  if (names.size() <= shown) {
    return util::join(names, ", ");
  }
  const std::vector<std::string> first(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(shown));
  return fmt::format("{} and {} more", util::join(first, ", "), names.size() - shown);
}

std::vector<std::string> proposal_names(const std::string& call_code, const std::vector<store::Submission>& submissions)
{
  // By proposal: whether its current version is among them, else its first earlier version.
  std::vector<std::int64_t> order;
  std::map<std::int64_t, const store::Submission*> shown;
  for (const auto& submission : submissions) {
    auto [found, added] = shown.try_emplace(submission.proposal_id, &submission);
    if (added) {
      order.push_back(submission.proposal_id);
    } else if (submission.current) {
      found->second = &submission;
    }
  }
  std::vector<std::string> names;
  for (const auto id : order) {
    const auto& submission = *shown.at(id);
    names.push_back(submission.current
                        ? fmt::format("{}/{}", call_code, submission.acronym)
                        : fmt::format("{}/{} (version {})", call_code, submission.acronym, submission.version));
  }
  return names;
}

void require_nothing_bound(const store::Transaction& tx, const domain::Call& call, const domain::Cutoff& cutoff,
                           std::string_view what)
{
  std::vector<store::Submission> bound;
  for (auto& submission : tx.proposals().submissions(call.id)) {
    if (util::iequals(submission.cutoff_label, cutoff.label)) {
      bound.push_back(std::move(submission));
    }
  }
  if (!bound.empty()) {
    throw Error(ErrorKind::refused,
                fmt::format("cannot {}: proposals were submitted to it ({}); a cut-off that received submissions "
                            "(withdrawn ones and earlier versions included) stays as it is; add another with "
                            "'cfp deadline add {} WHEN' instead",
                            what, some_of(proposal_names(call.code, bound)), call.code));
  }
  if (tx.evaluations().any_at_cutoff(cutoff.id)) {
    throw Error(ErrorKind::refused,
                fmt::format("cannot {}: proposals were evaluated at it ('cfp score list --call {}' shows the scores); "
                            "it stays as it is",
                            what, call.code));
  }
}

} // namespace cfp::core::detail

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/score.hpp>

#include <optional>
#include <string>

namespace cfp::core {

/// One row of a score file (`import scores`, `export scores`): one expert's score of one
/// criterion of one proposal. The rows of one proposal and expert together are that expert's
/// evaluation, which gives every criterion of the call.
struct ScoreFileRow
{
  std::string call;
  std::string acronym;
  std::string expert;
  std::string criterion;
  domain::HalfPoints score = 0;
  std::optional<std::string> comment; ///< the evaluation's, on each of its rows
};

/// A row of a score file as read, its values still text. Empty members were not in the file.
struct ScoreFileRecord
{
  std::optional<std::string> call;
  std::optional<std::string> acronym;
  std::optional<std::string> expert;
  std::optional<std::string> criterion;
  std::optional<std::string> score;
  std::optional<std::string> comment;
};

} // namespace cfp::core

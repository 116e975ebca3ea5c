#pragma once

// Rules shared by the proposal commands and the batch import: reading typed values into a
// proposal's fields and deciding the cut-off of a submission. Private to core.

#include <cfp/core/proposals.hpp>
#include <cfp/domain/call.hpp>
#include <cfp/domain/state.hpp>
#include <cfp/store/database.hpp>
#include <cfp/util/result.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core::detail {

/// A call with its cut-offs, by closing time.
struct CallInfo
{
  domain::Call call;
  std::vector<domain::Cutoff> cutoffs;
};

/// The states and calls, read once per command so that checking many rows costs no queries.
/// Valid for the transaction it was made in.
class ReferenceData
{
public:
  explicit ReferenceData(store::Database& database);

  /// The canonical code of a participating state ("gr" -> "EL"), or nullopt.
  std::optional<std::string> state_code(std::string_view input) const;

  /// "'XX' is not a participating state; did you mean ...?"
  std::string unknown_state(std::string_view input) const;

  /// The call with this code (case-insensitive), or nullptr.
  const CallInfo* call(const std::string& code);

  const std::vector<domain::State>& states() const { return m_states; }

private:
  store::Database& m_database;
  std::vector<domain::State> m_states;
  std::map<std::string, CallInfo> m_calls;
};

/// Applies the values given in `input` onto `fields` and checks the result; returns each broken
/// rule with its column name (title, host, partners, ...). `fields` is canonical afterwards.
std::vector<domain::FieldError> apply_input(const ReferenceData& reference, domain::ProposalFields& fields,
                                            const ProposalInput& input);

/// The cut-off a submission of `fields` to `call` at `at` belongs to, or why there is none
/// (the call has not opened, no cut-off is open, a state does not take part yet).
util::Result<domain::Cutoff> submission_cutoff(const ReferenceData& reference, const CallInfo& call,
                                               const domain::ProposalFields& fields, domain::Instant at);

/// "2025-02-01 17:00:00 CET (Brussels time)".
std::string brussels_time(domain::Instant instant);

} // namespace cfp::core::detail

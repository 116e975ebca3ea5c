// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "../reference_data.hpp"
#include "import_run.hpp"
#include "input_record.hpp"
#include "reject_writer.hpp"

#include <cfp/core/session.hpp>
#include <cfp/core/transfer.hpp>
#include <cfp/store/transaction.hpp>

namespace cfp::core::detail {

/// Checks the records of one proposal file against the rules of `proposal add` and `update`
/// and, in Pass::apply, writes each valid one at once (until an invalid one, unless
/// skip_invalid: the transaction is then discarded); counts what it did (or would do) and
/// writes the invalid ones to `rejects` (when not null).
class Importer
{
public:
  Importer(const Session& session, store::Transaction& tx, const ImportOptions& options, std::ostream* rejects,
           Pass pass);

  /// Takes one record (line 0: the CSV header, for the rejects file).
  void take(InputRecord& record);

  ImportSummary& summary() { return m_summary; }
  RejectWriter& rejects() { return m_rejects; }

private:
  std::vector<ImportError> check_and_apply(InputRecord& record);

  // The audit entry of a proposal submitted before its cut-off closed, imported later.
  void record_historical(const domain::Proposal& proposal);

  const Session& m_session;
  store::Transaction& m_tx;
  bool m_apply;
  bool m_all_or_nothing; ///< an invalid record stops the writes (not skip_invalid)
  bool m_historical;
  ReferenceData m_reference;
  RejectWriter m_rejects;
  domain::Stamp m_stamp; ///< of every change the import makes; its `at` is the import's "now"
  domain::Instant m_now;
  ImportSummary m_summary;
};

} // namespace cfp::core::detail

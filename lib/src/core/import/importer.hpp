// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "../reference_data.hpp"
#include "input_record.hpp"
#include "reject_writer.hpp"

#include <cfp/core/session.hpp>
#include <cfp/core/transfer.hpp>
#include <cfp/store/transaction.hpp>

namespace cfp::core::detail {

/// Checks the records of one proposal file against the rules of `proposal add` and `update`
/// and writes each valid one at once, inside the caller's write transaction; counts what it
/// did and keeps what is wrong with the others.
class Importer
{
public:
  Importer(const Session& session, store::Transaction& tx, const ImportOptions& options);

  /// Takes one record (line 0: the CSV header, for the rejects file).
  void take(InputRecord& record);

  ImportSummary& summary() { return m_summary; }
  RejectWriter& rejects() { return m_rejects; }

private:
  std::vector<ImportError> check_and_apply(InputRecord& record);

  const Session& m_session;
  store::Transaction& m_tx;
  ReferenceData m_reference;
  RejectWriter m_rejects;
  domain::Stamp m_stamp; ///< of every change the import makes; its `at` is the import's "now"
  domain::Instant m_now;
  ImportSummary m_summary;
};

} // namespace cfp::core::detail

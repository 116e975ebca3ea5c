// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Helpers for the tests of the import's readers: run a reader on a text, keep every record it
// hands over, and say what it threw.

#include "core/import/input_record.hpp"

#include <cfp/error.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace cfp::test {

/// A reader of the import: read_csv_records, read_json_records or read_ndjson_records.
using ProposalReader = void (*)(std::istream&, const std::string&, const core::detail::RecordSink&);

/// The columns every proposal file must have, as the first line of a CSV file.
inline constexpr auto k_required_header = "call,acronym,title,host,entity";

/// The column names as messages list them.
inline constexpr auto k_known_columns =
    "call, acronym, title, host, partners, entity, plan, experimental_platform, "
    "eu_contribution_eur, national_contribution_eur, sectors, status, submitted_at, withdrawal_reason";

/// What a reader did with a text: the records it handed over and the error it threw, if any.
struct ReadResult
{
  std::vector<core::detail::InputRecord> records;
  std::optional<ErrorKind> kind; ///< empty when nothing was thrown
  std::string message;
};

/// Runs `reader` on `text`, named `source` in messages.
inline ReadResult read_with(ProposalReader reader, const std::string& text, const std::string& source)
{
  ReadResult result;
  std::istringstream in(text);
  try {
    reader(in, source, [&](core::detail::InputRecord& record) { result.records.push_back(record); });
  } catch (const Error& error) {
    result.kind = error.kind();
    result.message = error.what();
  }
  return result;
}

/// The problems of `record` as "LINE:column: message", in order.
inline std::vector<std::string> problems(const core::detail::InputRecord& record)
{
  std::vector<std::string> result;
  for (const auto& error : record.errors) {
    result.push_back(std::to_string(error.line) + ":" + error.column + ": " + error.message);
  }
  return result;
}

using Problems = std::vector<std::string>;

} // namespace cfp::test

#pragma once

// Readers of proposal files (CSV, JSON, NDJSON) that hand over one record at a time, so that an
// import never holds the whole file. Private to core.

#include <cfp/core/transfer.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cfp::core::detail {

/// One record of a proposal file, its values as text, ready for the rules.
struct InputRecord
{
  std::size_t line = 0;
  std::string raw;                 ///< CSV: the record as written; NDJSON: the line
  nlohmann::ordered_json object;   ///< JSON and NDJSON: the object as read
  std::vector<ImportError> errors; ///< what is wrong with its form (types, unknown keys, ragged rows)

  std::optional<std::string> call;
  std::optional<std::string> acronym;
  std::optional<std::string> status;
  std::optional<std::string> submitted_at;
  ProposalInput input;
};

/// Reads `in` in `format`, calling `on_record` for each record. Throws cfp::Error
/// (invalid_input) naming `source` and the line when the file as a whole cannot be read.
void read_records(std::istream& in, DataFormat format, const std::string& source,
                  const std::function<void(InputRecord&)>& on_record);

/// Writes rejected records in the format they came in, with an extra `error` column.
class RejectWriter
{
public:
  RejectWriter(std::ostream* out, DataFormat format) : m_out(out), m_format(format) {}

  void header(const std::string& raw_header);
  void write(const InputRecord& record, const std::string& error);
  void finish();

private:
  std::ostream* m_out;
  DataFormat m_format;
  std::string m_header;
  bool m_wrote_any = false;
};

} // namespace cfp::core::detail

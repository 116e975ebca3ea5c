// SPDX-License-Identifier: EUPL-1.2
#include "reject_writer.hpp"

#include <cfp/error.hpp>
#include <cfp/util/csv.hpp>

namespace cfp::core::detail {

using nlohmann::ordered_json;

void RejectWriter::header(const std::string& raw_header)
{
  m_header = raw_header;
}

void RejectWriter::write(const InputRecord& record, const std::string& error)
{
  if (m_out == nullptr) {
    return;
  }
  switch (m_format) {
  case DataFormat::csv:
    if (!m_wrote_any) {
      *m_out << m_header << ",error\r\n";
    }
    *m_out << record.raw << ',' << util::csv_field(error) << "\r\n";
    break;
  case DataFormat::ndjson:
  case DataFormat::json: {
    ordered_json reject = record.object.is_object() ? record.object : ordered_json::object();
    if (!record.object.is_object()) {
      // A line that is not JSON comes back as its text; a JSON record has no text of its own,
      // and a null one stays null.
      reject["record"] = record.object.is_null() && !record.raw.empty() ? ordered_json(record.raw) : record.object;
    }
    reject["error"] = error;
    if (m_format == DataFormat::json) {
      *m_out << (m_wrote_any ? ",\n" : "[\n") << reject.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    } else {
      *m_out << reject.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    }
    break;
  }
  }
  m_wrote_any = true;
}

void RejectWriter::finish()
{
  if (m_out == nullptr) {
    return;
  }
  if (m_format == DataFormat::json) {
    *m_out << (m_wrote_any ? "\n]\n" : "[]\n");
  } else if (m_format == DataFormat::csv && !m_wrote_any) {
    *m_out << m_header << ",error\r\n";
  }
  m_out->flush();
  if (!m_out->good()) {
    throw Error(ErrorKind::input_file, "cannot write the rejects file (disk full?); nothing was imported");
  }
}

} // namespace cfp::core::detail

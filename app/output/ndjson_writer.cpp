// SPDX-License-Identifier: EUPL-1.2
#include "ndjson_writer.hpp"

#include "value_text.hpp"

namespace cfp::cli {

void NdjsonWriter::begin(const std::vector<std::string_view>& names)
{
  m_names.assign(names.begin(), names.end());
}

void NdjsonWriter::record(const std::vector<domain::Value>& values)
{
  auto object = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < m_names.size() && i < values.size(); ++i) {
    object[m_names[i]] = json_value(values[i]);
  }
  m_out << dump_json(object) << '\n';
}

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "record_writer.hpp"

#include <string>

namespace cfp::cli {

/// NDJSON: each record one compact JSON object on its own line; an empty list prints nothing.
class NdjsonWriter final : public RecordWriter
{
public:
  explicit NdjsonWriter(std::ostream& out) : m_out(out) {}

  void begin(const std::vector<std::string_view>& names) override;
  void record(const std::vector<domain::Value>& values) override;
  void end() override {}

private:
  std::ostream& m_out;
  std::vector<std::string> m_names;
};

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "record_writer.hpp"

#include <string>

namespace cfp::cli {

/// JSON: a list is an array ("[]" when empty), one record an object; indented by two spaces,
/// or one compact record a line.
class JsonWriter final : public RecordWriter
{
public:
  JsonWriter(std::ostream& out, Shape shape, JsonLayout layout) : m_out(out), m_shape(shape), m_layout(layout) {}

  void begin(const std::vector<std::string_view>& names) override;
  void record(const std::vector<domain::Value>& values) override;
  void end() override;

private:
  std::ostream& m_out;
  Shape m_shape;
  JsonLayout m_layout;
  std::vector<std::string> m_names;
  bool m_first = true;
};

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#include "json_writer.hpp"

#include "value_text.hpp"

namespace cfp::cli {

namespace {

nlohmann::ordered_json object_of(const std::vector<std::string>& names, const std::vector<domain::Value>& values)
{
  auto object = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) {
    object[names[i]] = json_value(values[i]);
  }
  return object;
}

// `text` indented by `indent` more spaces on every line but the first.
std::string indent_continuations(const std::string& text, std::string_view indent)
{
  std::string indented;
  indented.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    indented += c;
    if (c == '\n') {
      indented += indent;
    }
  }
  return indented;
}

} // namespace

void JsonWriter::begin(const std::vector<std::string_view>& names)
{
  m_names.assign(names.begin(), names.end());
  m_first = true;
  if (m_shape == Shape::list) {
    m_out << '[';
  }
}

void JsonWriter::record(const std::vector<domain::Value>& values)
{
  const auto object = object_of(m_names, values);
  if (m_shape == Shape::one) {
    m_out << dump_json(object, 2) << '\n';
    return;
  }
  m_out << (m_first ? "\n  " : ",\n  ");
  // An element of an indented array is indented by two more spaces than the array.
  m_out << (m_layout == JsonLayout::indented ? indent_continuations(dump_json(object, 2), "  ") : dump_json(object));
  m_first = false;
}

void JsonWriter::end()
{
  if (m_shape == Shape::list) {
    m_out << (m_first ? "]\n" : "\n]\n");
  }
}

} // namespace cfp::cli

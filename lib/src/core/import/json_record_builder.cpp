// SPDX-License-Identifier: EUPL-1.2
#include "json_record_builder.hpp"

#include "columns.hpp"
#include "limits.hpp"

#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::core::detail {

using nlohmann::ordered_json;

void JsonRecordBuilder::reset()
{
  m_value = nullptr;
  m_stack.clear();
  m_key.clear();
  m_field.clear();
  m_keys.clear();
  m_duplicates.clear();
  m_problems.clear();
  m_number_texts.clear();
  m_record_refused = false;
  m_complete = false;
  m_too_deep = false;
}

bool JsonRecordBuilder::string(std::string& value)
{
  if (value.size() > k_max_string_bytes) {
    count_item();
    refuse_value("a string is longer than 1 MiB");
    m_complete = m_stack.empty();
    return true;
  }
  return scalar(std::move(value));
}

bool JsonRecordBuilder::key(std::string& name)
{
  auto& top = m_stack.back();
  const bool record_level = m_stack.size() == 1;
  if ((!record_level || name != "error") && ++top.count == k_max_keys + 1) {
    if (record_level) {
      refuse_record(fmt::format("the record has more than {} keys", k_max_keys));
    } else {
      refuse_value(fmt::format("an object has more than {} keys", k_max_keys));
    }
  }
  if (name.size() > k_max_string_bytes) {
    if (record_level) {
      refuse_record("a key is longer than 1 MiB");
    } else {
      refuse_value("a key is longer than 1 MiB");
    }
  }
  if (record_level) {
    if (!m_record_refused && ++m_keys[name] == 2) {
      m_duplicates.push_back(name);
    }
    m_field = name;
  }
  m_key = std::move(name);
  return true;
}

bool JsonRecordBuilder::scalar(ordered_json value)
{
  count_item();
  store(std::move(value));
  m_complete = m_stack.empty();
  return true;
}

bool JsonRecordBuilder::open(bool object)
{
  if (static_cast<int>(m_stack.size()) >= m_max_depth) {
    m_too_deep = true;
    return false;
  }
  count_item();
  ordered_json* slot = nullptr;
  ordered_json container = object ? ordered_json::object() : ordered_json::array();
  if (m_stack.empty()) {
    m_value = std::move(container);
    slot = &m_value;
  } else if (auto& top = m_stack.back(); top.value != nullptr) {
    if (top.object) {
      slot = &((*top.value)[m_key] = std::move(container));
    } else {
      top.value->push_back(std::move(container));
      slot = &top.value->back();
    }
  }
  m_stack.push_back({slot, object, 0});
  return true;
}

bool JsonRecordBuilder::close()
{
  m_stack.pop_back();
  m_complete = m_stack.empty();
  return true;
}

void JsonRecordBuilder::count_item()
{
  if (!m_stack.empty() && !m_stack.back().object && ++m_stack.back().count == k_max_items + 1) {
    refuse_value(fmt::format("an array has more than {} items", k_max_items));
  }
}

void JsonRecordBuilder::store(ordered_json value)
{
  if (m_stack.empty()) {
    if (!m_record_refused) {
      m_value = std::move(value);
    }
    return;
  }
  auto& top = m_stack.back();
  if (top.value == nullptr) {
    return;
  }
  if (top.object) {
    (*top.value)[m_key] = std::move(value);
  } else {
    top.value->push_back(std::move(value));
  }
}

void JsonRecordBuilder::refuse_value(const std::string& message)
{
  if (m_stack.empty() || !m_stack.front().object) {
    refuse_record(message); // a scalar or an array where the record's object should be
    return;
  }
  add_problem(m_field, message);
  // The member's value becomes null, and nothing more is kept inside it.
  if (m_stack.front().value != nullptr) {
    (*m_stack.front().value)[m_field] = nullptr;
  }
  for (std::size_t i = 1; i < m_stack.size(); ++i) {
    m_stack[i].value = nullptr;
  }
}

void JsonRecordBuilder::refuse_record(const std::string& message)
{
  add_problem("record", message);
  m_record_refused = true;
  m_value = nullptr;
  for (auto& frame : m_stack) {
    frame.value = nullptr;
  }
}

void JsonRecordBuilder::add_problem(const std::string& column, const std::string& message)
{
  if (std::find(m_problems.begin(), m_problems.end(), std::pair{column, message}) == m_problems.end()) {
    m_problems.emplace_back(column, message);
  }
}

template<typename Values>
void JsonRecordBuilder::finish(InputRecordOf<Values>& record, const FileSchema<Values>& schema)
{
  for (auto& [column, message] : m_problems) {
    record.errors.push_back({record.line, std::move(column), std::move(message)});
  }
  if (!m_record_refused) {
    record.number_texts = std::move(m_number_texts);
    take_object(record, schema, std::move(m_value));
    for (const auto& name : m_duplicates) {
      record.errors.push_back({record.line, name, fmt::format("'{}' appears twice in the record", util::excerpt(name))});
    }
  }
  reset();
}

template void JsonRecordBuilder::finish(InputRecordOf<ProposalFileRecord>&, const FileSchema<ProposalFileRecord>&);
template void JsonRecordBuilder::finish(InputRecordOf<ScoreFileRecord>&, const FileSchema<ScoreFileRecord>&);

} // namespace cfp::core::detail

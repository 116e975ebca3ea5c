// SPDX-License-Identifier: EUPL-1.2
#include "columns.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::core::detail {

using nlohmann::ordered_json;

namespace {

std::size_t position_of(const FileField& field)
{
  return static_cast<std::size_t>(&field - proposal_file_fields().data());
}

bool is_blank(const FileValue& value)
{
  if (std::holds_alternative<std::monostate>(value)) {
    return true;
  }
  const auto* text = std::get_if<std::string>(&value);
  return text != nullptr && util::trim(*text).empty();
}

// The value of a JSON member as its field's kind accepts it, or why it does not.
std::variant<FileValue, std::string> json_value(const FileField& field, const ordered_json& value)
{
  if (value.is_null()) {
    return FileValue{};
  }
  switch (field.kind) {
  case FieldKind::list: {
    if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); })) {
      return std::string("must be an array of strings, such as [\"PT\", \"RO\"]");
    }
    std::vector<std::string> items;
    for (const auto& item : value) {
      items.push_back(item.template get<std::string>());
    }
    return FileValue{std::move(items)};
  }
  case FieldKind::flag:
    if (value.is_boolean()) {
      return FileValue{value.template get<bool>()};
    }
    break;
  case FieldKind::money:
    if (value.is_number()) {
      if (!value.is_number_integer()) {
        return std::string("a JSON number is accepted only when it is an integer; write other amounts as strings "
                           "such as \"1250000.50\"");
      }
      return FileValue{value.dump()};
    }
    break;
  case FieldKind::text:
  case FieldKind::integer:
  case FieldKind::instant:
  case FieldKind::json:
    break;
  }
  if (value.is_string()) {
    return FileValue{value.template get<std::string>()};
  }
  return fmt::format("must be a string, not {}", value.type_name());
}

} // namespace

const FileField* file_field(std::string_view name)
{
  for (const auto& field : proposal_file_fields()) {
    if (field.name == name) {
      return &field;
    }
  }
  return nullptr;
}

bool is_ignored_column(std::string_view name)
{
  return name == "error";
}

std::string known_columns()
{
  std::string names;
  for (const auto& field : proposal_file_fields()) {
    names += names.empty() ? "" : ", ";
    names += field.name;
  }
  return names;
}

std::vector<std::string_view> required_columns()
{
  std::vector<std::string_view> names;
  for (const auto& field : proposal_file_fields()) {
    if (field.required) {
      names.push_back(field.name);
    }
  }
  return names;
}

void fail_file(const std::string& source, std::size_t line, const std::string& message)
{
  throw Error(ErrorKind::invalid_input, fmt::format("{}:{}: {}", source, line, message));
}

void set_value(InputRecord& record, const FileField& field, const FileValue& value)
{
  if (auto problem = field.read(record.values, value)) {
    record.errors.push_back({record.line, std::string(field.name), std::move(*problem)});
  }
  record.filled.set(position_of(field), !is_blank(value));
}

void check_required(InputRecord& record)
{
  for (const auto& field : proposal_file_fields()) {
    if (field.required && !record.filled.test(position_of(field))) {
      record.errors.push_back({record.line, std::string(field.name), "a value is required"});
    }
  }
}

void take_object(InputRecord& record, ordered_json object)
{
  record.object = std::move(object);
  if (!record.object.is_object()) {
    record.errors.push_back({record.line, "record", "each record must be a JSON object"});
    return;
  }
  for (const auto& [key, value] : record.object.items()) {
    if (is_ignored_column(key)) {
      continue;
    }
    const FileField* field = file_field(key);
    if (field == nullptr) {
      record.errors.push_back(
          {record.line, key, fmt::format("unknown key '{}'; the keys are {}", util::excerpt(key), known_columns())});
      continue;
    }
    auto accepted = json_value(*field, value);
    if (auto* problem = std::get_if<std::string>(&accepted)) {
      record.errors.push_back({record.line, key, std::move(*problem)});
      continue;
    }
    set_value(record, *field, std::get<FileValue>(accepted));
  }
  if (record.errors.empty()) {
    check_required(record);
  }
}

} // namespace cfp::core::detail

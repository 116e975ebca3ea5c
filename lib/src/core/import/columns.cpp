// SPDX-License-Identifier: EUPL-1.2
#include "columns.hpp"

#include <cfp/core/evaluation_fields.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::core::detail {

using nlohmann::ordered_json;

namespace {

bool is_blank(const FileValue& value)
{
  if (std::holds_alternative<std::monostate>(value)) {
    return true;
  }
  const auto* text = std::get_if<std::string>(&value);
  return text != nullptr && util::trim(*text).empty();
}

// The value of a JSON member as its column's kind accepts it, or why it does not.
template<typename Values>
std::variant<FileValue, std::string> json_value(const FileColumn<Values>& column, const ordered_json& value,
                                                const std::string* text)
{
  if (value.is_null()) {
    return FileValue{};
  }
  switch (column.kind) {
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
  case FieldKind::decimal:
    if (value.is_number()) {
      // As written: 4.5 stays "4.5", and 4.9999999999999999 is not taken for 5; what the
      // column accepts is its own rule.
      return FileValue{text != nullptr ? *text : value.dump()};
    }
    if (!value.is_string()) {
      return fmt::format("must be a number such as 4.5, not {}", value.type_name());
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

template<typename Row, typename Values>
FileSchema<Values> schema_of(const Fields<Row, Values>& fields, std::string header_hint)
{
  FileSchema<Values> schema;
  for (const auto& field : fields) {
    schema.columns.push_back({field.name, field.kind, field.read, field.required});
  }
  schema.header_hint = std::move(header_hint);
  return schema;
}

} // namespace

template<typename Values>
const FileColumn<Values>* FileSchema<Values>::column(std::string_view name) const
{
  for (const auto& candidate : columns) {
    if (candidate.name == name) {
      return &candidate;
    }
  }
  return nullptr;
}

template<typename Values>
std::string FileSchema<Values>::known() const
{
  std::string names;
  for (const auto& candidate : columns) {
    names += names.empty() ? "" : ", ";
    names += candidate.name;
  }
  return names;
}

template<typename Values>
std::vector<std::string_view> FileSchema<Values>::required() const
{
  std::vector<std::string_view> names;
  for (const auto& candidate : columns) {
    if (candidate.required) {
      names.push_back(candidate.name);
    }
  }
  return names;
}

const FileSchema<ProposalFileRecord>& proposal_schema()
{
  static const auto schema = schema_of(proposal_file_fields(), "call,acronym,title,host,entity,...");
  return schema;
}

const FileSchema<ScoreFileRecord>& score_schema()
{
  static const auto schema = schema_of(score_file_fields(), "call,acronym,expert,criterion,score,comment");
  return schema;
}

bool is_ignored_column(std::string_view name)
{
  return name == "error";
}

void fail_file(const std::string& source, std::size_t line, const std::string& message)
{
  throw Error(ErrorKind::invalid_input, fmt::format("{}:{}: {}", source, line, message));
}

template<typename Values>
void set_value(InputRecordOf<Values>& record, const FileSchema<Values>& schema, const FileColumn<Values>& column,
               const FileValue& value)
{
  if (auto problem = column.read(record.values, value)) {
    record.errors.push_back({record.line, std::string(column.name), std::move(*problem)});
  }
  record.filled.set(schema.position(column), !is_blank(value));
}

template<typename Values>
void check_required(InputRecordOf<Values>& record, const FileSchema<Values>& schema)
{
  for (const auto& column : schema.columns) {
    if (column.required && !record.filled.test(schema.position(column))) {
      record.errors.push_back({record.line, std::string(column.name), "a value is required"});
    }
  }
}

template<typename Values>
void take_object(InputRecordOf<Values>& record, const FileSchema<Values>& schema, ordered_json object)
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
    const FileColumn<Values>* column = schema.column(key);
    if (column == nullptr) {
      record.errors.push_back(
          {record.line, key, fmt::format("unknown key '{}'; the keys are {}", util::excerpt(key), schema.known())});
      continue;
    }
    const std::string* text = nullptr;
    for (const auto& [name, written] : record.number_texts) {
      text = name == key && value.is_number_float() ? &written : text;
    }
    auto accepted = json_value(*column, value, text);
    if (auto* problem = std::get_if<std::string>(&accepted)) {
      record.errors.push_back({record.line, key, std::move(*problem)});
      continue;
    }
    set_value(record, schema, *column, std::get<FileValue>(accepted));
  }
  if (record.errors.empty()) {
    check_required(record, schema);
  }
}

// The kinds of input file.
template struct FileSchema<ProposalFileRecord>;
template void set_value(InputRecordOf<ProposalFileRecord>&, const FileSchema<ProposalFileRecord>&, const FileColumn<ProposalFileRecord>&, const FileValue&);
template void check_required(InputRecordOf<ProposalFileRecord>&, const FileSchema<ProposalFileRecord>&);
template void take_object(InputRecordOf<ProposalFileRecord>&, const FileSchema<ProposalFileRecord>&, ordered_json);
template struct FileSchema<ScoreFileRecord>;
template void set_value(InputRecordOf<ScoreFileRecord>&, const FileSchema<ScoreFileRecord>&, const FileColumn<ScoreFileRecord>&, const FileValue&);
template void check_required(InputRecordOf<ScoreFileRecord>&, const FileSchema<ScoreFileRecord>&);
template void take_object(InputRecordOf<ScoreFileRecord>&, const FileSchema<ScoreFileRecord>&, ordered_json);

} // namespace cfp::core::detail

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/value.hpp>
#include <cfp/error.hpp>

#include <date/tz.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cfp::core {

/// What values that depend on the viewer are computed from: the display zone and "now".
struct Display
{
  const date::time_zone* zone = nullptr;
  domain::Instant now{};
};

/// A value of a field as a proposal file gives it: nothing (an empty cell or null), text,
/// a list (a JSON array) or a flag (a JSON boolean).
using FileValue = std::variant<std::monostate, std::string, std::vector<std::string>, bool>;

/// What a field holds, which decides what a file may give for it.
enum class FieldKind {
  text,    ///< a string
  integer, ///< a whole number
  flag,    ///< true or false; files may also say yes/no/1/0
  money,   ///< euros; files give a string, or in JSON an integer
  decimal, ///< an exact decimal such as a score; files give a string, or in JSON a number
  instant, ///< a UTC instant; files give any WHEN form
  list,    ///< names; CSV separates them with ';', JSON gives an array of strings
  json,    ///< a JSON document
};

/// One field of a record of type Row: its name (the JSON key and CSV column), its kind, how
/// to get its typed value from a Row and, for a record that is also read from files, how a
/// file's value lands in the Input being built. Every output format, the table columns that
/// show the field, and the import all go by this one description.
template<typename Row, typename Input = std::monostate>
struct Field
{
  std::string_view name;
  FieldKind kind = FieldKind::text;
  std::function<domain::Value(const Row&, const Display&)> get;
  /// Stores a file's value in `Input`, or says what is wrong with it; empty: not read from files.
  std::optional<std::string> (*read)(Input&, const FileValue&) = nullptr;
  /// A file must name this column and give it a value.
  bool required = false;
};

/// The fields of a record, in output order.
template<typename Row, typename Input = std::monostate>
using Fields = std::vector<Field<Row, Input>>;

/// The field called `name`; an unknown name is a bug.
template<typename Row, typename Input>
const Field<Row, Input>& field_named(const Fields<Row, Input>& fields, std::string_view name)
{
  for (const auto& field : fields) {
    if (field.name == name) {
      return field;
    }
  }
  throw Error(ErrorKind::internal, "no field '" + std::string(name) + "'");
}

/// The names of `fields`, in order.
template<typename Row, typename Input>
std::vector<std::string_view> field_names(const Fields<Row, Input>& fields)
{
  std::vector<std::string_view> names;
  names.reserve(fields.size());
  for (const auto& field : fields) {
    names.push_back(field.name);
  }
  return names;
}

/// The values of `row` for every field, in order.
template<typename Row, typename Input>
std::vector<domain::Value> field_values(const Fields<Row, Input>& fields, const Row& row, const Display& display)
{
  std::vector<domain::Value> values;
  values.reserve(fields.size());
  for (const auto& field : fields) {
    values.push_back(field.get(row, display));
  }
  return values;
}

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "columns.hpp"
#include "input_record.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cfp::core::detail {

/// Builds the JSON value of one record of a JSON or NDJSON input file from the events of
/// nlohmann's SAX parser, within the limits of limits.hpp. A value that breaks one (a string
/// over 1 MiB, an array of more than 1024 items, an object of more than 64 keys) is kept as
/// null and its member reported; a record that breaks one as a whole (more than 64 keys, a key
/// over 1 MiB, a record that is a long array) is not kept at all. Keys given twice are found
/// with a hash table, and nothing more is stored once a limit is passed, so a record costs
/// time and memory in proportion to its bytes.
class JsonRecordBuilder
{
public:
  /// `max_depth`: the most arrays and objects that may be open at once in one record.
  explicit JsonRecordBuilder(int max_depth) : m_max_depth(max_depth) {}

  /// Forgets the record built last; the next event begins a new one.
  void reset();
  /// Whether the record is complete: its last container closed, or it is a scalar.
  bool complete() const { return m_complete; }
  /// Whether the parser was stopped because the record nests deeper than `max_depth`.
  bool too_deep() const { return m_too_deep; }

  // The events of nlohmann's SAX parser; false stops it.
  bool null() { return scalar(nullptr); }
  bool boolean(bool value) { return scalar(value); }
  bool number_integer(nlohmann::json::number_integer_t value) { return scalar(value); }
  bool number_unsigned(nlohmann::json::number_unsigned_t value) { return scalar(value); }
  bool number_float(nlohmann::json::number_float_t value, const std::string& text)
  {
    if (m_stack.size() == 1) {
      m_number_texts.emplace_back(m_field, text); // a member's number as written, for exact decimals
    }
    return scalar(value);
  }
  bool string(std::string& value);
  bool binary(nlohmann::json::binary_t&) { return scalar(nullptr); }
  bool start_object(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(false); }
  bool end_array() { return close(); }
  bool key(std::string& name);
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

  /// Hands the record over to `record` (the value, then its problems on `record.line`: limits
  /// passed, then those of take_object, then keys given twice), and forgets it.
  template<typename Values>
  void finish(InputRecordOf<Values>& record, const FileSchema<Values>& schema);

private:
  // An open array or object, and where it is being built (nullptr: it is not kept).
  struct Frame
  {
    nlohmann::ordered_json* value = nullptr;
    bool object = false;
    std::size_t count = 0; ///< items, or keys (at the record's level, `error` not counted)
  };

  bool scalar(nlohmann::ordered_json value);
  bool open(bool object);
  bool close();
  // Counts a value as an item of the innermost array, if it is one, refusing the array past the limit.
  void count_item();
  void store(nlohmann::ordered_json value);
  // A value inside the current member breaks a limit: the member becomes null.
  void refuse_value(const std::string& message);
  // The record as a whole breaks a limit: it is not kept.
  void refuse_record(const std::string& message);
  void add_problem(const std::string& column, const std::string& message);

  int m_max_depth;
  nlohmann::ordered_json m_value;
  std::vector<Frame> m_stack;
  std::string m_key;                           ///< the key of the member to come in the innermost object
  std::string m_field;                         ///< the record's key whose value is being read
  std::unordered_map<std::string, int> m_keys; ///< the record's keys, and how often each came
  std::vector<std::string> m_duplicates;
  std::vector<std::pair<std::string, std::string>> m_problems; ///< column, message
  std::vector<std::pair<std::string, std::string>> m_number_texts; ///< key, text
  bool m_record_refused = false;
  bool m_complete = false;
  bool m_too_deep = false;
};

} // namespace cfp::core::detail

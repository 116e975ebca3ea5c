// SPDX-License-Identifier: EUPL-1.2
#include "json_reader.hpp"

#include "columns.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <iterator>

namespace cfp::core::detail {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

// Counts lines as the JSON parser reads, so that each object knows the line it starts on.
class LineCountingIterator
{
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  LineCountingIterator() = default;
  LineCountingIterator(std::istreambuf_iterator<char> it, std::size_t* line, bool* after_newline)
      : m_it(it), m_line(line), m_after_newline(after_newline)
  {
  }

  char operator*() const { return *m_it; }
  LineCountingIterator& operator++()
  {
    *m_after_newline = *m_it == '\n';
    if (*m_after_newline) {
      ++*m_line;
    }
    ++m_it;
    return *this;
  }
  bool operator==(const LineCountingIterator& other) const { return m_it == other.m_it; }
  bool operator!=(const LineCountingIterator& other) const { return m_it != other.m_it; }

private:
  std::istreambuf_iterator<char> m_it;
  std::size_t* m_line = nullptr;
  bool* m_after_newline = nullptr;
};

// Builds one object at a time out of a top-level array and hands it over.
class ArraySax
{
public:
  ArraySax(const std::size_t* line, const bool* after_newline, const RecordSink& on_record)
      : m_line(line), m_after_newline(after_newline), m_on_record(on_record)
  {
  }

  bool null() { return value(nullptr); }
  bool boolean(bool v) { return value(v); }
  bool number_integer(json::number_integer_t v) { return value(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(v); }
  bool number_float(json::number_float_t v, const std::string&) { return value(v); }
  bool string(std::string& v) { return value(v); }
  bool binary(json::binary_t&) { return value(nullptr); }

  bool start_object(std::size_t)
  {
    if (too_deep()) {
      return false;
    }
    if (m_depth == 0) {
      m_error = "the document must be one JSON array of objects";
      return false;
    }
    if (m_depth == 1) {
      m_start = *m_line;
      m_current = ordered_json::object();
      m_stack.clear();
      m_stack.push_back(&m_current);
    } else {
      push(ordered_json::object());
    }
    ++m_depth;
    return true;
  }
  bool end_object()
  {
    --m_depth;
    if (m_depth == 1) {
      emit();
    } else {
      m_stack.pop_back();
    }
    return true;
  }
  bool start_array(std::size_t)
  {
    if (too_deep()) {
      return false;
    }
    if (m_depth == 1) {
      // An array where an object should be: a record of the wrong type, read whole.
      m_start = *m_line;
      m_current = ordered_json::array();
      m_stack.clear();
      m_stack.push_back(&m_current);
    } else if (m_depth >= 2) {
      push(ordered_json::array());
    }
    ++m_depth;
    return true;
  }
  bool end_array()
  {
    --m_depth;
    if (m_depth == 1) {
      emit();
    } else if (m_depth >= 2) {
      m_stack.pop_back();
    }
    return true;
  }
  bool key(std::string& k)
  {
    if (m_depth == 2 && m_current.is_object() && m_current.contains(k)) {
      m_duplicates.push_back(k);
    }
    m_key = k;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error)
  {
    m_error = error.what();
    return false;
  }

  const std::string& error() const { return m_error; }

private:
  // A record is an object of strings and arrays of strings; far deeper nesting is refused
  // before it is built (copying a deep tree recurses).
  bool too_deep()
  {
    if (m_depth < k_max_depth) {
      return false;
    }
    m_error = fmt::format("values nested more than {} levels deep", k_max_depth);
    return true;
  }

  static constexpr int k_max_depth = 16;

  template<typename T>
  bool value(T v)
  {
    if (m_depth == 0) {
      m_error = "the document must be one JSON array of objects";
      return false;
    }
    if (m_depth == 1) {
      // A scalar where an object should be: a record of the wrong type. The parser reads one
      // character past a number; when that was a line break, the number stood on the line before.
      m_start = *m_line - (*m_after_newline ? 1 : 0);
      m_current = ordered_json(v);
      emit();
      return true;
    }
    auto& top = *m_stack.back();
    if (top.is_object()) {
      top[m_key] = v;
    } else {
      top.push_back(v);
    }
    return true;
  }

  void push(ordered_json container)
  {
    auto& top = *m_stack.back();
    if (top.is_object()) {
      top[m_key] = std::move(container);
      m_stack.push_back(&top[m_key]);
    } else {
      top.push_back(std::move(container));
      m_stack.push_back(&top.back());
    }
  }

  void emit()
  {
    InputRecord record;
    record.line = m_start;
    take_object(record, m_current);
    for (const auto& key : m_duplicates) {
      record.errors.push_back({record.line, key, fmt::format("'{}' appears twice in the record", util::excerpt(key))});
    }
    m_duplicates.clear();
    m_on_record(record);
  }

  const std::size_t* m_line;
  const bool* m_after_newline;
  const RecordSink& m_on_record;
  int m_depth = 0;
  std::size_t m_start = 0;
  std::string m_key;
  ordered_json m_current;
  std::vector<ordered_json*> m_stack;
  std::vector<std::string> m_duplicates;
  std::string m_error;
};

} // namespace

void read_json_records(std::istream& in, const std::string& source, const RecordSink& on_record)
{
  std::size_t line = 1;
  bool after_newline = false;
  ArraySax sax(&line, &after_newline, on_record);
  LineCountingIterator begin(std::istreambuf_iterator<char>(in), &line, &after_newline);
  LineCountingIterator end(std::istreambuf_iterator<char>(), &line, &after_newline);
  const bool ok = json::sax_parse(begin, end, &sax);
  if (!ok) {
    fail_file(source, line, "not a JSON array of objects: " + sax.error());
  }
}

} // namespace cfp::core::detail

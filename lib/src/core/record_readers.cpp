#include "record_readers.hpp"

#include <cfp/error.hpp>
#include <cfp/util/csv.hpp>
#include <cfp/util/csv_reader.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

namespace cfp::core::detail {

using nlohmann::json;
using nlohmann::ordered_json;

const std::vector<std::string> k_required_columns{"call", "acronym", "title", "host", "entity"};

namespace {

std::string known_columns()
{
  return util::join(k_transfer_columns, ", ");
}

bool is_column(const std::string& name)
{
  return std::find(k_transfer_columns.begin(), k_transfer_columns.end(), name) != k_transfer_columns.end();
}

// The column a rejects file adds; ignored on import, so that a corrected rejects file imports as it is.
bool is_ignored_column(const std::string& name)
{
  return name == "error";
}

std::vector<std::string> split_list(const std::string& text)
{
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(';', start), text.size());
    const auto part = util::trim(std::string_view(text).substr(start, end - start));
    if (!part.empty()) {
      parts.emplace_back(part);
    }
    start = end + 1;
  }
  return parts;
}

std::optional<bool> parse_bool(const std::string& text)
{
  const std::string value = util::to_lower_ascii(util::trim(text));
  if (value == "true" || value == "yes" || value == "1") {
    return true;
  }
  if (value == "false" || value == "no" || value == "0") {
    return false;
  }
  return std::nullopt;
}

// Stores one text value (nullopt: the cell is empty or null) under its column.
void set_value(InputRecord& record, const std::string& column, const std::optional<std::string>& value)
{
  const std::string text = value.value_or("");
  const bool empty = util::trim(text).empty();
  if (column == "call") {
    record.call = text;
  } else if (column == "acronym") {
    record.acronym = text;
  } else if (column == "title") {
    record.input.title = text;
  } else if (column == "host") {
    record.input.host = text;
  } else if (column == "entity") {
    record.input.entity = text;
  } else if (column == "plan") {
    record.input.plan = empty ? std::string("new") : text;
  } else if (column == "experimental_platform") {
    if (empty) {
      record.input.experimental_platform = false;
    } else if (auto flag = parse_bool(text)) {
      record.input.experimental_platform = *flag;
    } else {
      record.errors.push_back({record.line, column, fmt::format("'{}' is not a boolean; use true, false, yes, no, 1 or 0",
                                                                text)});
    }
  } else if (column == "eu_contribution_eur") {
    record.input.eu_contribution = empty ? std::string("0") : text;
  } else if (column == "national_contribution_eur") {
    record.input.national_contribution = empty ? std::string("0") : text;
  } else if (column == "partners") {
    record.input.partners = split_list(text);
  } else if (column == "sectors") {
    record.input.sectors = split_list(text);
  } else if (column == "status") {
    record.status = empty ? std::string("submitted") : text;  // without the column: nullopt, keep
  } else if (column == "submitted_at") {
    if (!empty) {
      record.submitted_at = text;
    }
  }
}

void check_required(InputRecord& record)
{
  const auto missing = [&](const std::optional<std::string>& value, const std::string& column) {
    if (!value || util::trim(*value).empty()) {
      record.errors.push_back({record.line, column, "a value is required"});
    }
  };
  missing(record.call, "call");
  missing(record.acronym, "acronym");
  missing(record.input.title, "title");
  missing(record.input.host, "host");
  missing(record.input.entity, "entity");
}

[[noreturn]] void fail(const std::string& source, std::size_t line, const std::string& message)
{
  throw Error(ErrorKind::invalid_input, fmt::format("{}:{}: {}", source, line, message));
}

// ---- CSV ------------------------------------------------------------------------------------

void read_csv(std::istream& in, const std::string& source, const std::function<void(InputRecord&)>& on_record)
{
  util::CsvReader reader(in);
  util::CsvRecord csv;
  if (!reader.next(csv)) {
    fail(source, 1, "the file is empty; the first line must name the columns (call,acronym,title,host,entity,...)");
  }
  if (!csv.error.empty()) {
    fail(source, csv.line, "header: " + csv.error);
  }
  const std::size_t header_line = csv.line;
  const std::vector<std::string> header = csv.fields;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& name = header[i];
    if (!is_column(name) && !is_ignored_column(name)) {
      fail(source, header_line, fmt::format("header: unknown column '{}'; the columns are {}", name, known_columns()));
    }
    if (std::find(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(i), name) !=
        header.begin() + static_cast<std::ptrdiff_t>(i)) {
      fail(source, header_line, fmt::format("header: column '{}' appears twice", name));
    }
  }
  for (const auto& required : k_required_columns) {
    if (std::find(header.begin(), header.end(), required) == header.end()) {
      fail(source, header_line, fmt::format("header: the required column '{}' is missing", required));
    }
  }

  InputRecord record;
  record.raw = csv.raw;
  record.line = 0; // the header, for the rejects writer
  on_record(record);

  while (reader.next(csv)) {
    record = InputRecord{};
    record.line = csv.line;
    record.raw = csv.raw;
    if (!csv.error.empty()) {
      record.errors.push_back({csv.line, "record", csv.error});
    } else if (csv.fields.size() != header.size()) {
      record.errors.push_back(
        {csv.line, "record", fmt::format("{} fields where the header has {}", csv.fields.size(), header.size())});
    } else {
      for (std::size_t i = 0; i < header.size(); ++i) {
        set_value(record, header[i], csv.fields[i]);
      }
      check_required(record);
    }
    on_record(record);
  }
}

// ---- JSON and NDJSON --------------------------------------------------------------------------

// Reads one JSON object into `record`, checking keys and types.
void take_object(InputRecord& record, const ordered_json& object)
{
  record.object = object;
  if (!object.is_object()) {
    record.errors.push_back({record.line, "record", "each record must be a JSON object"});
    return;
  }
  for (const auto& [key, value] : object.items()) {
    if (is_ignored_column(key)) {
      continue;
    }
    if (!is_column(key)) {
      record.errors.push_back(
        {record.line, key, fmt::format("unknown key '{}'; the keys are {}", key, known_columns())});
      continue;
    }
    if (value.is_null()) {
      set_value(record, key, std::nullopt);
    } else if (key == "partners" || key == "sectors") {
      if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); })) {
        record.errors.push_back({record.line, key, "must be an array of strings, such as [\"PT\", \"RO\"]"});
        continue;
      }
      std::vector<std::string> items;
      for (const auto& item : value) {
        items.push_back(item.template get<std::string>());
      }
      (key == "partners" ? record.input.partners : record.input.sectors) = items;
    } else if (key == "experimental_platform" && value.is_boolean()) {
      record.input.experimental_platform = value.template get<bool>();
    } else if ((key == "eu_contribution_eur" || key == "national_contribution_eur") && value.is_number()) {
      if (!value.is_number_integer()) {
        record.errors.push_back(
          {record.line, key, "a JSON number is accepted only when it is an integer; write other amounts as strings "
                             "such as \"1250000.50\""});
        continue;
      }
      set_value(record, key, value.dump());
    } else if (value.is_string()) {
      set_value(record, key, value.template get<std::string>());
    } else {
      record.errors.push_back({record.line, key, fmt::format("must be a string, not {}", value.type_name())});
    }
  }
  if (record.errors.empty()) {
    check_required(record);
  }
}

// The deepest nesting of brackets and braces outside strings in one JSON text.
int nesting_depth(const std::string& text)
{
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

void read_ndjson(std::istream& in, const std::string& source, const std::function<void(InputRecord&)>& on_record)
{
  std::string line;
  std::size_t number = 0;
  bool any = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (util::trim(line).empty()) {
      continue;
    }
    any = true;
    InputRecord record;
    record.line = number;
    record.raw = line;
    if (nesting_depth(line) > 16) {
      record.errors.push_back({number, "record", "values nested more than 16 levels deep"});
    } else if (!util::is_valid_utf8(line)) {
      record.errors.push_back({number, "record", line.find('\0') != std::string::npos ? "a NUL byte is not allowed"
                                                                                       : "the line is not valid UTF-8"});
    } else {
      std::vector<std::string> seen;
      std::vector<std::string> duplicates;
      const auto watch_keys = [&](int depth, ordered_json::parse_event_t event, ordered_json& parsed) {
        if (depth == 1 && event == ordered_json::parse_event_t::key) {
          const auto name = parsed.get<std::string>();
          if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            duplicates.push_back(name);
          }
          seen.push_back(name);
        }
        return true;
      };
      auto object = ordered_json::parse(line, watch_keys, false);
      if (object.is_discarded()) {
        record.errors.push_back({number, "record", "the line is not a JSON object"});
      } else {
        take_object(record, object);
        for (const auto& key : duplicates) {
          record.errors.push_back({number, key, fmt::format("'{}' appears twice in the record", key)});
        }
      }
    }
    on_record(record);
  }
  if (!any) {
    fail(source, 1, "the file is empty; give one JSON object per line");
  }
}

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
  ArraySax(const std::size_t* line, const bool* after_newline, const std::function<void(InputRecord&)>& on_record)
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
      record.errors.push_back({record.line, key, fmt::format("'{}' appears twice in the record", key)});
    }
    m_duplicates.clear();
    m_on_record(record);
  }

  const std::size_t* m_line;
  const bool* m_after_newline;
  const std::function<void(InputRecord&)>& m_on_record;
  int m_depth = 0;
  std::size_t m_start = 0;
  std::string m_key;
  ordered_json m_current;
  std::vector<ordered_json*> m_stack;
  std::vector<std::string> m_duplicates;
  std::string m_error;
};

void read_json(std::istream& in, const std::string& source, const std::function<void(InputRecord&)>& on_record)
{
  std::size_t line = 1;
  bool after_newline = false;
  ArraySax sax(&line, &after_newline, on_record);
  LineCountingIterator begin(std::istreambuf_iterator<char>(in), &line, &after_newline);
  LineCountingIterator end(std::istreambuf_iterator<char>(), &line, &after_newline);
  const bool ok = json::sax_parse(begin, end, &sax);
  if (!ok) {
    fail(source, line, "not a JSON array of objects: " + sax.error());
  }
}

} // namespace

void read_records(std::istream& in, DataFormat format, const std::string& source,
                  const std::function<void(InputRecord&)>& on_record)
{
  switch (format) {
  case DataFormat::csv:
    read_csv(in, source, on_record);
    return;
  case DataFormat::json:
    read_json(in, source, on_record);
    return;
  case DataFormat::ndjson:
    read_ndjson(in, source, on_record);
    return;
  }
}

void RejectWriter::header(const std::string& raw_header)
{
  m_header = raw_header;
}

void RejectWriter::write(const InputRecord& record, const std::string& error)
{
  if (m_out == nullptr) {
    return;
  }
  switch (m_format) {
  case DataFormat::csv:
    if (!m_wrote_any) {
      *m_out << m_header << ",error\r\n";
    }
    *m_out << record.raw << ',' << util::csv_field(error) << "\r\n";
    break;
  case DataFormat::ndjson:
  case DataFormat::json: {
    ordered_json reject = record.object.is_object() ? record.object : ordered_json::object();
    if (!record.object.is_object()) {
      reject["record"] = record.object.is_null() ? ordered_json(record.raw) : record.object;
    }
    reject["error"] = error;
    if (m_format == DataFormat::json) {
      *m_out << (m_wrote_any ? ",\n" : "[\n") << reject.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    } else {
      *m_out << reject.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    }
    break;
  }
  }
  m_wrote_any = true;
}

void RejectWriter::finish()
{
  if (m_out == nullptr) {
    return;
  }
  if (m_format == DataFormat::json) {
    *m_out << (m_wrote_any ? "\n]\n" : "[]\n");
  } else if (m_format == DataFormat::csv && !m_wrote_any) {
    *m_out << m_header << ",error\r\n";
  }
  m_out->flush();
  if (!m_out->good()) {
    throw Error(ErrorKind::input_file, "cannot write the rejects file (disk full?); nothing was imported");
  }
}

} // namespace cfp::core::detail

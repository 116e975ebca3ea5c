// SPDX-License-Identifier: EUPL-1.2
#include "json_reader.hpp"

#include "columns.hpp"
#include "json_input.hpp"
#include "json_record_builder.hpp"
#include "limits.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::core::detail {

using nlohmann::json;

namespace {

// The parser's message, cut short: it quotes the token it stopped at, which may be megabytes.
std::string parser_message(const std::string& what)
{
  constexpr std::size_t k_max = 1024;
  if (what.size() <= k_max) {
    return what;
  }
  std::size_t end = k_max;
  while (end > 0 && (static_cast<unsigned char>(what[end]) & 0xC0) == 0x80) {
    --end; // not inside a UTF-8 sequence
  }
  return what.substr(0, end) + "...";
}

// Hands each value of the top-level array to a JsonRecordBuilder and each record it builds over.
template<typename Values>
class ArraySax
{
public:
  ArraySax(JsonInput& input, const FileSchema<Values>& schema, const RecordSinkOf<Values>& on_record)
      : m_input(input), m_schema(schema), m_on_record(on_record)
  {
  }

  bool null() { return forward(true, [&] { return m_builder.null(); }); }
  bool boolean(bool v) { return forward(true, [&] { return m_builder.boolean(v); }); }
  bool number_integer(json::number_integer_t v) { return forward(true, [&] { return m_builder.number_integer(v); }); }
  bool number_unsigned(json::number_unsigned_t v)
  {
    return forward(true, [&] { return m_builder.number_unsigned(v); });
  }
  bool number_float(json::number_float_t v, const std::string& s)
  {
    return forward(true, [&] { return m_builder.number_float(v, s); });
  }
  bool string(std::string& v) { return forward(true, [&] { return m_builder.string(v); }); }
  bool binary(json::binary_t& v) { return forward(true, [&] { return m_builder.binary(v); }); }
  bool start_object(std::size_t n) { return forward(false, [&] { return m_builder.start_object(n); }); }
  bool end_object() { return forward(false, [&] { return m_builder.end_object(); }); }
  bool start_array(std::size_t n)
  {
    if (!m_in_document) {
      m_in_document = true;
      return true;
    }
    return forward(false, [&] { return m_builder.start_array(n); });
  }
  bool end_array()
  {
    if (!m_in_record) {
      m_in_document = false; // the document's array ends
      return true;
    }
    return forward(false, [&] { return m_builder.end_array(); });
  }
  bool key(std::string& k) { return forward(false, [&] { return m_builder.key(k); }); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error)
  {
    m_error = parser_message(error.what());
    return false;
  }

  const std::string& error() const { return m_error; }

private:
  // `scalar`: the event is a value that may be a record by itself, whose line is the one the
  // parser read it on (it reads one character past a number: a line break there is not its line).
  template<typename Event>
  bool forward(bool scalar, Event event)
  {
    if (!m_in_document) {
      m_error = "the document must be one JSON array of objects";
      return false;
    }
    if (!m_in_record) {
      if (scalar && m_input.take_injected()) {
        return true; // a `0` that JsonInput slipped in between records
      }
      m_in_record = true;
      m_start = m_input.line() - (scalar && m_input.after_newline() ? 1 : 0);
    }
    if (!event()) {
      m_error = fmt::format("values nested more than {} levels deep", k_max_depth);
      return false;
    }
    if (m_builder.complete()) {
      m_in_record = false;
      emit();
    }
    return true;
  }

  void emit()
  {
    InputRecordOf<Values> record;
    record.line = m_start;
    if (m_input.record_cut()) {
      // What the parser saw of the record was cut short (json_input.hpp): only its size counts.
      m_builder.reset();
      record.errors.push_back({record.line, "record", "the record is longer than 4 MiB"});
    } else {
      m_builder.finish(record, m_schema);
    }
    m_on_record(record);
  }

  JsonInput& m_input;
  const FileSchema<Values>& m_schema;
  const RecordSinkOf<Values>& m_on_record;
  // The document's array holds the records: 15 levels are left for them.
  JsonRecordBuilder m_builder{k_max_depth - 1};
  bool m_in_document = false;
  bool m_in_record = false;
  std::size_t m_start = 0;
  std::string m_error;
};

} // namespace

template<typename Values>
void read_json_records(std::istream& in, const std::string& source, const FileSchema<Values>& schema,
                       const RecordSinkOf<Values>& on_record)
{
  JsonInput input(in);
  ArraySax<Values> sax(input, schema, on_record);
  const bool ok = json::sax_parse(JsonInputIterator(input), JsonInputIterator(), &sax);
  if (!ok) {
    fail_file(source, input.line(), "not a JSON array of objects: " + sax.error());
  }
}

template void read_json_records(std::istream&, const std::string&, const FileSchema<ProposalFileRecord>&,
                                const RecordSinkOf<ProposalFileRecord>&);
template void read_json_records(std::istream&, const std::string&, const FileSchema<ScoreFileRecord>&,
                                const RecordSinkOf<ScoreFileRecord>&);

} // namespace cfp::core::detail

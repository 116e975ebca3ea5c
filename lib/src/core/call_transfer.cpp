// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/criteria.hpp>
#include <cfp/core/transfer.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <istream>
#include <ostream>

namespace cfp::core {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// Reads a JSON string member; absent or null gives nullopt.
std::optional<std::string> optional_string(const json& object, const char* key, const std::string& where)
{
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    return std::nullopt;
  }
  if (!found->is_string()) {
    throw Error(ErrorKind::invalid_input, fmt::format("{}: {} must be a string", where, key));
  }
  return found->get<std::string>();
}

// A calls document is small by nature (`export calls` writes a few hundred bytes a cut-off),
// and is held whole: these limits bound what a hostile one costs (at worst some 270 MB for
// 16 MiB of small numbers; tests/fuzz/regressions/memory.md).
constexpr std::size_t k_max_document_bytes = std::size_t{16} << 20;
constexpr int k_max_depth = 16;

// The document's bytes; one over k_max_document_bytes is refused before it is parsed.
std::string read_document(std::istream& in, const std::string& source_name)
{
  std::string text;
  std::array<char, 1 << 16> buffer{};
  for (;;) {
    const auto count = in.rdbuf()->sgetn(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (count <= 0) {
      return text;
    }
    text.append(buffer.data(), static_cast<std::size_t>(count));
    if (text.size() > k_max_document_bytes) {
      throw Error(
          ErrorKind::invalid_input,
          fmt::format("{}: the document is larger than 16 MiB; split the calls into several files", source_name));
    }
  }
}

// The limits of the document's values, checked by a SAX pass before the document is built:
// nesting and the length of strings and keys.
class DocumentCheck
{
public:
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const std::string&) { return true; }
  bool string(std::string& value) { return text(value); }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return open(); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(); }
  bool end_array() { return close(); }
  bool key(std::string& name) { return text(name); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

  /// Why the check stopped the parser; empty when the document is broken JSON.
  const std::string& problem() const { return m_problem; }

private:
  bool open()
  {
    if (++m_depth > k_max_depth) {
      m_problem = fmt::format("values nested more than {} levels deep", k_max_depth);
      return false;
    }
    return true;
  }
  bool close()
  {
    --m_depth;
    return true;
  }
  bool text(const std::string& value)
  {
    if (value.size() > domain::k_max_text_bytes) {
      m_problem = "a string is longer than 1 MiB";
      return false;
    }
    return true;
  }

  int m_depth = 0;
  std::string m_problem;
};

// The document, read and checked.
json parse_document(std::istream& in, const std::string& source_name)
{
  const std::string text = read_document(in, source_name);
  DocumentCheck check;
  if (!json::sax_parse(text, &check)) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("{}: {}", source_name, check.problem().empty() ? "not a JSON document" : check.problem()));
  }
  return json::parse(text);
}

void only_keys(const json& object, const std::vector<std::string>& keys, const std::string& where)
{
  for (const auto& [key, value] : object.items()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      throw Error(ErrorKind::invalid_input, fmt::format("{}: unknown key '{}'; the keys are {}", where,
                                                        util::excerpt(key), util::join(keys, ", ")));
    }
  }
}

// The criteria and overall threshold of a call of the document, as given.
EvaluationSettings evaluation_settings(const json& item, const std::string& where)
{
  // A number as written ("10", "4.5"), or a string.
  const auto decimal = [](const json& object, const char* key, const std::string& place) -> std::optional<std::string> {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
      return std::nullopt;
    }
    if (found->is_number()) {
      return found->dump();
    }
    if (!found->is_string()) {
      throw Error(ErrorKind::invalid_input, fmt::format("{}: {} must be a number or a string", place, key));
    }
    return found->get<std::string>();
  };
  EvaluationSettings settings;
  settings.overall_threshold = decimal(item, "overall_threshold", where);
  const auto criteria = item.find("criteria");
  if (criteria == item.end() || criteria->is_null()) {
    return settings;
  }
  if (!criteria->is_array()) {
    throw Error(ErrorKind::invalid_input, where + ": criteria must be an array");
  }
  settings.criteria.emplace();
  std::size_t index = 0;
  for (const auto& entry : *criteria) {
    const std::string place = fmt::format("{}.criteria[{}]", where, index++);
    if (!entry.is_object()) {
      throw Error(ErrorKind::invalid_input, place + ": must be an object");
    }
    only_keys(entry, {"key", "name", "weight", "threshold", "position"}, place);
    CriterionRequest request;
    request.key = optional_string(entry, "key", place).value_or("");
    request.name = optional_string(entry, "name", place);
    request.weight = decimal(entry, "weight", place);
    request.threshold = decimal(entry, "threshold", place);
    if (const auto position = entry.find("position");
        position != entry.end() && !(position->is_number_integer() && position->get<std::int64_t>() ==
                                                                           static_cast<std::int64_t>(index))) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("{}: position must be {}: criteria are listed in their order", place, index));
    }
    settings.criteria->push_back(std::move(request));
  }
  return settings;
}

// The document rules a call of the document gives, applied to `call`: a key left out keeps the
// value `call` has, null sets the default. `required_parts` is an array of kinds (as `export
// calls` writes it) or a string as `call set-parts` takes it; `document_limit_bytes` a number
// of bytes, or a string with a unit ("20MiB").
void read_document_rules(const json& item, domain::Call& call, const std::string& where)
{
  if (const auto parts = item.find("required_parts"); parts != item.end()) {
    std::string text;
    if (parts->is_array()) {
      std::vector<std::string> kinds;
      for (const auto& kind : *parts) {
        // An empty name is refused here: alone, it would read as the empty list.
        if (!kind.is_string() || util::trim(kind.get<std::string>()).empty()) {
          throw Error(ErrorKind::invalid_input, where + ": required_parts must hold kinds of part (part-b, annex, "
                                                        "support-letter, other)");
        }
        kinds.push_back(kind.get<std::string>());
      }
      text = util::join(kinds, ",");
    } else if (parts->is_string()) {
      text = parts->get<std::string>();
    } else if (!parts->is_null()) {
      throw Error(ErrorKind::invalid_input, where + ": required_parts must be an array of kinds of part");
    }
    call.required_parts =
        util::value_or_throw(domain::parse_required_parts(text), ErrorKind::invalid_input, where + ": required_parts");
  }
  if (const auto limit = item.find("document_limit_bytes"); limit != item.end()) {
    if (limit->is_null()) {
      call.document_limit = domain::k_default_document_limit;
    } else if (!limit->is_number_integer() && !limit->is_string()) {
      throw Error(ErrorKind::invalid_input, where + ": document_limit_bytes must be a whole number of bytes");
    } else {
      call.document_limit = util::value_or_throw(
          domain::parse_document_limit(limit->is_string() ? limit->get<std::string>() : limit->dump()),
          ErrorKind::invalid_input, where + ": document_limit_bytes");
    }
  }
}

} // namespace

CallImportSummary import_calls(Session& session, std::istream& in, const std::string& source_name)
{
  const json document = parse_document(in, source_name);
  if (!document.is_object() || !document.contains("calls") || !document["calls"].is_array()) {
    throw Error(ErrorKind::invalid_input, fmt::format("{}: expected {{\"calls\": [...]}}", source_name));
  }
  only_keys(document, {"calls"}, source_name);

  return session.database.write(fmt::format("import calls from {}", source_name), [&](store::Transaction& tx) {
    CallImportSummary summary;
    auto& calls = tx.calls();
    std::size_t index = 0;
    for (const auto& item : document["calls"]) {
      const std::string where = fmt::format("{}: calls[{}]", source_name, index++);
      if (!item.is_object()) {
        throw Error(ErrorKind::invalid_input, where + ": must be an object");
      }
      only_keys(item,
                {"code", "title", "opens_at", "budget_eur", "required_parts", "document_limit_bytes",
                 "overall_threshold", "criteria", "cutoffs"},
                where);
      NewCall request;
      request.code = optional_string(item, "code", where).value_or("");
      request.title = optional_string(item, "title", where).value_or("");
      request.opens = optional_string(item, "opens_at", where);
      if (const auto budget = item.find("budget_eur"); budget != item.end() && budget->is_number_integer()) {
        request.budget = budget->dump();
      } else {
        request.budget = optional_string(item, "budget_eur", where);
      }

      const auto settings = evaluation_settings(item, where); // its messages name where already
      domain::Call call;
      bool added = false;
      bool same = false; // an existing call that the file does not change
      try {
        call = checked_call(session, request);
      } catch (const Error& error) {
        throw Error(error.kind(), where + ": " + error.message());
      }
      if (auto existing = calls.find(call.code)) {
        call.id = existing->id;
        call.code = existing->code;
        // A key left out keeps the stored value; null clears it.
        if (!item.contains("opens_at")) {
          call.opens_at = existing->opens_at;
        }
        if (!item.contains("budget_eur")) {
          call.budget = existing->budget;
        }
        call.required_parts = existing->required_parts;
        call.document_limit = existing->document_limit;
        read_document_rules(item, call, where);
        // The evaluation settings are the file's criteria and overall_threshold, below.
        call.overall_threshold = existing->overall_threshold;
        const auto cutoffs_now = calls.cutoffs(call.id);
        if (call.opens_at && !cutoffs_now.empty() && cutoffs_now.front().closes_at <= *call.opens_at) {
          throw Error(ErrorKind::refused,
                      fmt::format("{}: the call cannot open at {}, after its cut-off '{}' ({})", where,
                                  domain::format_utc(*call.opens_at), util::excerpt(cutoffs_now.front().label),
                                  domain::format_utc(cutoffs_now.front().closes_at)));
        }
        if (existing->title == call.title && existing->opens_at == call.opens_at && existing->budget == call.budget &&
            existing->required_parts == call.required_parts && existing->document_limit == call.document_limit) {
          same = true;
        } else {
          calls.update(call);
          record_audit(session, tx,
                       {{domain::SubjectKind::call, call.id},
                        "call " + call.code,
                        "update",
                        store::snapshot(*existing),
                        store::snapshot(call)});
        }
      } else {
        read_document_rules(item, call, where);
        call.id = calls.insert(call, session.clock.now());
        record_audit(
            session, tx,
            {{domain::SubjectKind::call, call.id}, "call " + call.code, "add", std::nullopt, store::snapshot(call)});
        // A new call gets the standard criteria unless the file gives its own.
        if (!settings.criteria) {
          add_standard_criteria(session, tx, call);
        }
        added = true;
      }
      try {
        same = !apply_evaluation_settings(session, tx, call, settings) && same;
      } catch (const Error& error) {
        throw Error(error.kind(), where + ": " + error.message());
      }
      ++(added ? summary.calls_added : same ? summary.calls_unchanged : summary.calls_updated);
      if (!same) {
        tx.audit().note_related({domain::SubjectKind::call, call.id}); // for `log --call`
      }

      const auto cutoffs = item.find("cutoffs");
      if (cutoffs == item.end() || cutoffs->is_null()) {
        continue;
      }
      if (!cutoffs->is_array()) {
        throw Error(ErrorKind::invalid_input, where + ": cutoffs must be an array");
      }
      std::size_t cutoff_index = 0;
      for (const auto& entry : *cutoffs) {
        const std::string cutoff_where = fmt::format("{}.cutoffs[{}]", where, cutoff_index++);
        if (!entry.is_object()) {
          throw Error(ErrorKind::invalid_input, cutoff_where + ": must be an object");
        }
        only_keys(entry, {"label", "closes_at", "legal_wall_time", "legal_zone"}, cutoff_where);
        NewDeadline deadline;
        deadline.call_code = call.code;
        deadline.label = optional_string(entry, "label", cutoff_where);
        deadline.when = optional_string(entry, "closes_at", cutoff_where).value_or("");
        const auto wall_time = optional_string(entry, "legal_wall_time", cutoff_where);
        const auto zone = optional_string(entry, "legal_zone", cutoff_where);
        if (wall_time.has_value() != zone.has_value()) {
          throw Error(ErrorKind::invalid_input,
                      cutoff_where + ": give both legal_wall_time and legal_zone, or neither");
        }
        std::optional<LegalTime> legal;
        if (wall_time) {
          legal = LegalTime{*wall_time, *zone};
        }
        try {
          const auto outcome = add_deadline_in_transaction(session, tx, deadline, legal, Duplicate::same_is_unchanged);
          ++(outcome ? summary.cutoffs_added : summary.cutoffs_unchanged);
          if (outcome) {
            tx.audit().note_related({domain::SubjectKind::call, call.id});
          }
        } catch (const Error& error) {
          throw Error(error.kind(), cutoff_where + ": " + error.message());
        }
      }
    }
    const ordered_json counts{{"file", source_name},
                              {"calls_added", summary.calls_added},
                              {"calls_updated", summary.calls_updated},
                              {"calls_unchanged", summary.calls_unchanged},
                              {"cutoffs_added", summary.cutoffs_added},
                              {"cutoffs_unchanged", summary.cutoffs_unchanged}};
    record_audit(session, tx,
                 {{domain::SubjectKind::import, std::nullopt},
                  "import calls " + source_name,
                  "import",
                  std::nullopt,
                  counts.dump(-1, ' ', false, ordered_json::error_handler_t::replace),
                  store::Related::noted});
    return summary;
  });
}

} // namespace cfp::core

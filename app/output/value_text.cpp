// SPDX-License-Identifier: EUPL-1.2
#include "value_text.hpp"

#include "compact_json.hpp"

#include <cfp/util/text.hpp>

#include <charconv>
#include <iterator>

namespace cfp::cli {

using nlohmann::ordered_json;

namespace {

// Calls the overload of `visitor` that fits the alternative `value` holds.
template<typename... Ts>
struct Overloaded : Ts...
{
  using Ts::operator()...;
};
template<typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string csv_of(const ordered_json& value)
{
  if (value.is_null()) {
    return {};
  }
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_array()) {
    std::string joined;
    for (const auto& element : value) {
      if (!joined.empty()) {
        joined += ';';
      }
      joined += csv_of(element);
    }
    return joined;
  }
  return dump_json(value);
}

} // namespace

std::string dump_json(const ordered_json& value, int indent)
{
  return value.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

ordered_json json_value(const domain::Value& value)
{
  return std::visit(
      Overloaded{
          [](std::monostate) { return ordered_json(nullptr); },
          [](bool flag) { return ordered_json(flag); },
          [](std::int64_t number) { return ordered_json(number); },
          [](const std::string& text) { return ordered_json(text); },
          [](const domain::Money& money) { return ordered_json(domain::format_money_plain(money.cents)); },
          [](const domain::Instant& instant) { return ordered_json(domain::format_utc(instant)); },
          [](const std::vector<std::string>& names) { return ordered_json(names); },
          [](const domain::JsonText& json) {
            // The schema checks stored documents; one that is not JSON all the same shows as null,
            // and so does one nested deeper than the schema lets any be.
            if (!json_depth_at_most(json.text, k_max_json_depth)) {
              return ordered_json(nullptr);
            }
            auto parsed = ordered_json::parse(json.text, nullptr, false);
            return parsed.is_discarded() ? ordered_json(nullptr) : parsed;
          },
          [](const domain::Decimal& decimal) {
            // A short decimal parses to the double whose shortest form is the same digits; one
            // with more digits than a double holds (a share of a budget past 10^15 percent) stays
            // a string rather than become another number.
            auto parsed = ordered_json::parse(decimal.text, nullptr, false);
            return parsed.is_number() && parsed.dump() == decimal.text ? parsed : ordered_json(decimal.text);
          },
      },
      value);
}

void assign_csv_text(std::string& cell, const domain::Value& value)
{
  // Each alternative written straight into the cell, which keeps its capacity from row to row;
  // only a JSON document goes through its JSON form.
  std::visit(Overloaded{
                 [&](std::monostate) { cell.clear(); },
                 [&](bool flag) { cell.assign(flag ? "true" : "false"); },
                 [&](std::int64_t number) {
                   char digits[24];
                   const auto written = std::to_chars(std::begin(digits), std::end(digits), number);
                   cell.assign(digits, written.ptr);
                 },
                 [&](const std::string& text) { cell.assign(text); },
                 [&](const domain::Money& money) { cell.assign(domain::format_money_plain(money.cents)); },
                 [&](const domain::Instant& instant) { cell.assign(domain::format_utc(instant)); },
                 [&](const std::vector<std::string>& names) { cell = util::join(names, ";"); },
                 [&](const domain::JsonText& json) {
                   // An object stored as cfp writes it (the audit's before and after) is shown as it
                   // is; any other text is read and written again.
                   if (is_compact_json_object(json.text)) {
                     cell.assign(json.text);
                   } else {
                     cell = csv_of(json_value(json));
                   }
                 },
                 [&](const domain::Decimal& decimal) {
                   cell.assign(decimal.text); // "4.0" as written, where a JSON number would lose the ".0"
                 },
             },
             value);
}

std::string csv_text(const domain::Value& value)
{
  std::string cell;
  assign_csv_text(cell, value);
  return cell;
}

std::string human_text(const domain::Value& value, const date::time_zone& zone)
{
  return std::visit(Overloaded{
                        [](std::monostate) { return std::string(); },
                        [](bool flag) { return std::string(flag ? "yes" : "no"); },
                        [](std::int64_t number) { return std::to_string(number); },
                        [](const std::string& text) { return text; },
                        [](const domain::Money& money) { return domain::format_money_grouped(money.cents); },
                        [&](const domain::Instant& instant) { return domain::format_local(instant, zone); },
                        [](const std::vector<std::string>& names) { return util::join(names, ", "); },
                        [](const domain::JsonText& json) { return json.text; },
                        [](const domain::Decimal& decimal) { return decimal.text; },
                    },
                    value);
}

} // namespace cfp::cli

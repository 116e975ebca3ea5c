// SPDX-License-Identifier: EUPL-1.2
#pragma once

// How each kind of field value is written in each output format.

#include <cfp/domain/value.hpp>

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <string>

namespace cfp::cli {

/// JSON: null, booleans, numbers and strings as they are; money as a string of euros with two
/// decimals ("485000000.00"), so that no reader makes it a floating-point number; instants in
/// UTC ("2025-02-01T16:00:00Z"); lists as arrays; a JSON document as itself.
nlohmann::ordered_json json_value(const domain::Value& value);

/// `value` as JSON text (`indent` as nlohmann's dump takes it). Bytes that are not UTF-8 (a file
/// name, a command line) become U+FFFD rather than stopping the output: JSON cannot hold them.
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

/// CSV: the JSON form, with strings as they are, arrays joined with ';' and null empty; a
/// decimal as it was written ("4.0").
std::string csv_text(const domain::Value& value);

/// csv_text into `cell`, reusing its storage (a CSV writer's cells from row to row).
void assign_csv_text(std::string& cell, const domain::Value& value);

/// Tables: instants in `zone` ("2025-02-01 17:00:00 CET"), money with thousands separators
/// ("1,500,000,000.00"), flags yes/no, lists joined with ", ", null empty.
std::string human_text(const domain::Value& value, const date::time_zone& zone);

} // namespace cfp::cli

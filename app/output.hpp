#pragma once

#include "context.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cfp::cli {

/// Rows for a human: a header and cells, printed with columns aligned by on-screen width.
struct Table
{
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> right_aligned; ///< indexes of numeric columns
};

/// Prints `table` with columns aligned by display width (accented and wide characters count
/// as they show); line breaks and tabs inside cells print as spaces.
void print_table(std::ostream& out, const Table& table);

/// Prints a list: a JSON array of `records`, CSV with `fields` as header, or `table`.
void print_list(Context& context, const std::vector<std::string>& fields, const nlohmann::ordered_json& records,
                const Table& table);

/// Prints one record: a JSON object, CSV with one row, or a two-column field/value table.
void print_record(Context& context, const std::vector<std::string>& fields, const nlohmann::ordered_json& record,
                  const std::vector<std::pair<std::string, std::string>>& lines);

} // namespace cfp::cli

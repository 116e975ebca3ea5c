#include "output.hpp"

#include <cfp/util/csv.hpp>
#include <cfp/util/text.hpp>

#include <algorithm>

namespace cfp::cli {

namespace {

std::string flatten(const std::string& text)
{
  std::string flat = text;
  std::replace_if(flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return flat;
}

void print_csv(std::ostream& out, const std::vector<std::string>& fields, const nlohmann::ordered_json& records)
{
  util::CsvWriter writer(out);
  writer.write_row(fields);
  for (const auto& record : records) {
    std::vector<std::string> cells;
    cells.reserve(fields.size());
    for (const auto& field : fields) {
      cells.push_back(record.contains(field) ? util::csv_cell(record.at(field)) : std::string{});
    }
    writer.write_row(cells);
  }
}

} // namespace

void print_table(std::ostream& out, const Table& table)
{
  const std::size_t columns = table.headers.size();
  std::vector<std::size_t> widths(columns, 0);
  const auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < columns && i < cells.size(); ++i) {
      widths[i] = std::max(widths[i], util::display_width(flatten(cells[i])));
    }
  };
  measure(table.headers);
  for (const auto& row : table.rows) {
    measure(row);
  }
  const auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < columns; ++i) {
      const std::string cell = i < cells.size() ? flatten(cells[i]) : std::string{};
      const std::string padding(widths[i] - util::display_width(cell), ' ');
      const bool right = std::find(table.right_aligned.begin(), table.right_aligned.end(), i) !=
                         table.right_aligned.end();
      if (i > 0) {
        line += "  ";
      }
      line += right ? padding + cell : cell + padding;
    }
    out << line.substr(0, line.find_last_not_of(' ') + 1) << '\n';
  };
  print_row(table.headers);
  for (const auto& row : table.rows) {
    print_row(row);
  }
}

void print_list(Context& context, const std::vector<std::string>& fields, const nlohmann::ordered_json& records,
                const Table& table)
{
  switch (context.format()) {
  case Format::json:
    context.out() << records.dump(2) << '\n';
    break;
  case Format::ndjson:
    for (const auto& record : records) {
      context.out() << record.dump() << '\n';
    }
    break;
  case Format::csv:
    print_csv(context.out(), fields, records);
    break;
  case Format::table:
    if (table.rows.empty()) {
      context.err() << "(none)\n";
    } else {
      print_table(context.out(), table);
    }
    break;
  }
}

void print_record(Context& context, const std::vector<std::string>& fields, const nlohmann::ordered_json& record,
                  const std::vector<std::pair<std::string, std::string>>& lines)
{
  switch (context.format()) {
  case Format::json:
    context.out() << record.dump(2) << '\n';
    break;
  case Format::ndjson:
    context.out() << record.dump() << '\n';
    break;
  case Format::csv:
    print_csv(context.out(), fields, nlohmann::ordered_json::array({record}));
    break;
  case Format::table: {
    std::size_t width = 0;
    for (const auto& [name, value] : lines) {
      width = std::max(width, util::display_width(name));
    }
    // Continuation lines of a multi-line value are indented under its first line.
    const std::string indent(width + 2, ' ');
    for (const auto& [name, value] : lines) {
      std::string indented;
      for (const char c : value) {
        indented += c;
        if (c == '\n') {
          indented += indent;
        }
      }
      const std::string line =
        name + ':' + std::string(width - util::display_width(name) + 1, ' ') + indented;
      context.out() << line.substr(0, line.find_last_not_of(' ') + 1) << '\n';
    }
    break;
  }
  }
}

} // namespace cfp::cli

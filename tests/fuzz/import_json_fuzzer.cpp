// SPDX-License-Identifier: EUPL-1.2
// The import's JSON reader (read_json_records) on any bytes: one array of objects, built one
// object at a time by nlohmann's SAX parser. A cfp::Error (invalid_input) is an expected
// outcome; anything else, or a broken invariant of import_reader_fuzzing.hpp, is a finding.

#include "core/import/json_reader.hpp"
#include "import_reader_fuzzing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  cfp::fuzz::fuzz_reader(&cfp::core::detail::read_json_records, cfp::core::DataFormat::json,
                         std::string(cfp::fuzz::as_text(data, size)), cfp::fuzz::Lines::non_decreasing);
  return 0;
}

// SPDX-License-Identifier: EUPL-1.2
// The import's NDJSON reader (read_ndjson_records) on any bytes: one object a line. A
// cfp::Error (invalid_input) is an expected outcome; anything else, or a broken invariant of
// import_reader_fuzzing.hpp, is a finding.

#include "core/import/ndjson_reader.hpp"
#include "import_reader_fuzzing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  cfp::fuzz::fuzz_reader(&cfp::core::detail::read_ndjson_records, cfp::core::DataFormat::ndjson,
                         std::string(cfp::fuzz::as_text(data, size)), cfp::fuzz::Lines::increasing);
  return 0;
}

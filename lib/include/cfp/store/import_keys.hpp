// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace cfp::store {

/// The (call, acronym) keys a batch import has seen, with the line of each, kept by the
/// database so that a duplicate is found in constant memory however long the file.
class ImportKeys
{
public:
  ImportKeys(const ImportKeys&) = delete;
  ImportKeys& operator=(const ImportKeys&) = delete;
  virtual ~ImportKeys() = default;

  /// The line where `key` was seen before, or nullopt (and the key is remembered at `line`).
  virtual std::optional<std::size_t> seen(const std::string& key, std::size_t line) = 0;

protected:
  ImportKeys() = default;
};

} // namespace cfp::store

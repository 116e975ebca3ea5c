// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/audit.hpp>

#include <string>
#include <string_view>

namespace cfp::store {

/// The seal before the first entry: 64 zeros.
inline constexpr std::string_view k_first_seal = "0000000000000000000000000000000000000000000000000000000000000000";

/// The seal of `entry`: the SHA-256 (64 lowercase hex digits) of the previous entry's seal and
/// of every stored field of the entry, id included, each length-prefixed so that no two
/// entries read alike. Any backend writes and checks the same chain.
std::string audit_seal(std::string_view previous_seal, const domain::AuditEntry& entry);

} // namespace cfp::store

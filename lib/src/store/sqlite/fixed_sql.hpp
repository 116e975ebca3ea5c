// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "../fixed_sql.hpp"

namespace cfp::store::sqlite {

using store::FixedSql;

} // namespace cfp::store::sqlite

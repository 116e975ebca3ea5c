// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include <cfp/domain/proposal.hpp>

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

namespace cfp::test {
namespace {

TEST(ReferenceDataTest, TheSectorTableListsTheDomainSectorsInOrder)
{
  DatabaseFixture fixture;
  SQLite::Statement statement(fixture.connection(), "SELECT name FROM sector ORDER BY position");
  std::vector<std::string> stored;
  while (statement.executeStep()) {
    stored.push_back(statement.getColumn(0).getString());
  }
  EXPECT_EQ(stored, std::vector<std::string>(domain::k_sectors.begin(), domain::k_sectors.end()));
}

} // namespace
} // namespace cfp::test

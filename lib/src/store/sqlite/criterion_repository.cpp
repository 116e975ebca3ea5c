// SPDX-License-Identifier: EUPL-1.2
#include "criterion_repository.hpp"

namespace cfp::store::sqlite {

std::vector<domain::Criterion> SqliteCriterionRepository::of_call(std::int64_t call_id) const
{
  static constexpr char k_sql[] = "SELECT k.id, c.code, k.key, k.name, k.weight, k.threshold, k.position "
                                  "FROM criterion k JOIN call c ON c.id = k.call_id "
                                  "WHERE k.call_id = ?1 ORDER BY k.position";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, call_id);
  std::vector<domain::Criterion> criteria;
  while (statement.executeStep()) {
    domain::Criterion criterion;
    criterion.id = statement.getColumn(0).getInt64();
    criterion.call_code = statement.getColumn(1).getString();
    criterion.key = statement.getColumn(2).getString();
    criterion.name = statement.getColumn(3).getString();
    criterion.weight = statement.getColumn(4).getInt64();
    criterion.threshold = statement.getColumn(5).getInt64();
    criterion.position = statement.getColumn(6).getInt();
    criteria.push_back(std::move(criterion));
  }
  return criteria;
}

void SqliteCriterionRepository::replace(std::int64_t call_id, const std::vector<domain::Criterion>& criteria)
{
  // Removed and written again, so that positions can move without meeting each other in the
  // (call_id, position) key; a criterion keeps its id. Nothing refers to a criterion yet when
  // its call's criteria may change (they are frozen once scored).
  static constexpr char k_remove[] = "DELETE FROM criterion WHERE call_id = ?1";
  static constexpr char k_insert[] = "INSERT INTO criterion (id, call_id, key, name, weight, threshold, position) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  auto& remove = m_statements.get(k_remove);
  remove.bind(1, call_id);
  remove.exec();
  // Those that keep their id first: a new one takes the next free id, which must not be one of
  // theirs.
  for (const bool keeps_id : {true, false}) {
    for (const auto& criterion : criteria) {
      if ((criterion.id != 0) != keeps_id) {
        continue;
      }
      auto& insert = m_statements.get(k_insert);
      if (keeps_id) {
        insert.bind(1, criterion.id);
      }
      insert.bind(2, call_id);
      insert.bind(3, criterion.key);
      insert.bind(4, criterion.name);
      insert.bind(5, criterion.weight);
      insert.bind(6, criterion.threshold);
      insert.bind(7, criterion.position);
      insert.exec();
    }
  }
}

} // namespace cfp::store::sqlite

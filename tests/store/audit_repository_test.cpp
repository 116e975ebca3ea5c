// SPDX-License-Identifier: EUPL-1.2
// The audit repository, and the counts a transaction reports.

#include "store/repository_fixture.hpp"

namespace cfp::test {
namespace {

store::AuditFilter of_proposal(std::int64_t id)
{
  store::AuditFilter filter;
  filter.proposal_ids = {id};
  return filter;
}

TEST_F(RepositoryTest, AuditListsNewestFirstWithLimitAndProposalFilter)
{
  in_transaction([&] {
    const auto call = make_call("C");
    const auto first = proposals().insert(call.id, make_proposal(call, "ONE", "ES", {}, {}, std::nullopt), stamp(utc("2024-10-01T10:00:00Z"), "alice"));
    const auto second = proposals().insert(call.id, make_proposal(call, "TWO", "ES", {}, {}, std::nullopt), stamp(utc("2024-10-01T10:00:00Z"), "alice"));
    const auto append = [&](const std::string& at, std::optional<std::int64_t> proposal_id, const std::string& action) {
      domain::AuditEntry entry;
      entry.at = utc(at);
      entry.actor = "alice";
      entry.command = "cfp proposal " + action;
      entry.entity = "proposal";
      entry.action = action;
      entry.subject = proposal_id ? domain::AuditSubject{domain::SubjectKind::proposal, proposal_id}
                                  : domain::AuditSubject{domain::SubjectKind::import, std::nullopt};
      entry.before = R"({"version":1})";
      entry.after = R"({"version":2})";
      audit().append(entry);
    };
    append("2024-10-01T10:00:00Z", std::nullopt, "call-add");
    append("2024-10-01T11:00:00Z", first, "add");
    append("2024-10-01T12:00:00Z", second, "add");
    append("2024-10-01T13:00:00Z", first, "update");

    const auto all = audit().list({}, 100);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].action, "update");
    EXPECT_EQ(all[0].at, utc("2024-10-01T13:00:00Z"));
    EXPECT_EQ(all[0].subject.id, first);
    EXPECT_EQ(all[0].actor, "alice");
    EXPECT_EQ(all[0].command, "cfp proposal update");
    EXPECT_EQ(all[0].before, R"({"version":1})");
    EXPECT_EQ(all[0].after, R"({"version":2})");
    EXPECT_EQ(all[3].action, "call-add");
    EXPECT_FALSE(all[3].subject.id);

    const auto newest_two = audit().list({}, 2);
    ASSERT_EQ(newest_two.size(), 2u);
    EXPECT_EQ(newest_two[0].at, utc("2024-10-01T13:00:00Z"));
    EXPECT_EQ(newest_two[1].at, utc("2024-10-01T12:00:00Z"));

    const auto about_first = audit().list(of_proposal(first), 100);
    ASSERT_EQ(about_first.size(), 2u);
    EXPECT_EQ(about_first[0].action, "update");
    EXPECT_EQ(about_first[1].action, "add");
    EXPECT_EQ(audit().list(of_proposal(first), 1).size(), 1u);
  });
}

TEST_F(RepositoryTest, AnAuditSummaryReadsEveryEntryInTheSameOrderWithoutItsDocuments)
{
  in_transaction([&] {
    const auto call = make_call("C");
    const auto first = proposals().insert(call.id, make_proposal(call, "ONE", "ES", {}, {}, std::nullopt),
                                          stamp(utc("2024-10-01T10:00:00Z"), "alice"));
    const auto append = [&](const std::string& at, std::optional<std::int64_t> proposal_id, const std::string& actor,
                            const std::string& action, std::optional<std::string> before) {
      domain::AuditEntry entry;
      entry.at = utc(at);
      entry.actor = actor;
      entry.command = "cfp proposal " + action;
      entry.entity = "proposal";
      entry.action = action;
      entry.subject = proposal_id ? domain::AuditSubject{domain::SubjectKind::proposal, proposal_id}
                                  : domain::AuditSubject{domain::SubjectKind::import, std::nullopt};
      entry.before = std::move(before);
      entry.after = R"({"at":")" + at + "\"}";
      audit().append(entry);
    };
    append("2024-10-01T10:00:00Z", std::nullopt, "bob", "call-add", std::nullopt);
    append("2024-10-01T11:00:00Z", first, "alice", "add", R"({"version":0})");
    append("2024-10-01T11:00:00Z", first, "Carol", "update", R"({"version":1})");
    append("2024-10-01T09:00:00Z", first, "alice", "update", R"({"version":2})");
    for (int key = 0; key <= static_cast<int>(store::AuditSort::simulated); ++key) {
      for (const auto direction : {store::Direction::ascending, store::Direction::descending}) {
        for (const bool of_first : {false, true}) {
          const store::AuditOrder order{static_cast<store::AuditSort>(key), direction, std::nullopt};
          store::AuditFilter filter = of_first ? of_proposal(first) : store::AuditFilter{};
          std::vector<domain::AuditEntry> whole;
          audit().for_each(filter, order, [&](const domain::AuditEntry& entry) { whole.push_back(entry); });
          filter.detail = store::AuditDetail::summary;
          std::vector<domain::AuditEntry> summary;
          audit().for_each(filter, order, [&](const domain::AuditEntry& entry) { summary.push_back(entry); });
          ASSERT_EQ(summary.size(), whole.size()) << "order " << key;
          ASSERT_EQ(whole.size(), of_first ? 3u : 4u);
          for (std::size_t i = 0; i < whole.size(); ++i) {
            EXPECT_EQ(summary[i].id, whole[i].id) << "order " << key << ", row " << i;
            EXPECT_EQ(summary[i].at, whole[i].at);
            EXPECT_EQ(summary[i].real_at, whole[i].real_at);
            EXPECT_EQ(summary[i].simulated, whole[i].simulated);
            EXPECT_EQ(summary[i].actor, whole[i].actor);
            EXPECT_EQ(summary[i].command, whole[i].command);
            EXPECT_EQ(summary[i].entity, whole[i].entity);
            EXPECT_EQ(summary[i].action, whole[i].action);
            EXPECT_EQ(summary[i].subject.id, whole[i].subject.id);
            EXPECT_TRUE(whole[i].after) << "the whole entry has its documents";
            EXPECT_FALSE(summary[i].before);
            EXPECT_FALSE(summary[i].after);
          }
        }
      }
    }
  });
}

TEST_F(RepositoryTest, AuditKeepsMissingBeforeAndAfterAsEmpty)
{
  in_transaction([&] {
    domain::AuditEntry entry;
    entry.subject = {domain::SubjectKind::call, 1};
    entry.at = utc("2024-10-01T10:00:00Z");
    entry.actor = "alice";
    entry.command = "cfp call add";
    entry.entity = "call C";
    entry.action = "add";
    audit().append(entry);
    const auto entries = audit().list({}, 10);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_FALSE(entries[0].before);
    EXPECT_FALSE(entries[0].after);
  });
}

TEST_F(RepositoryTest, CountRowsAndJournalMode)
{
  in_transaction([&] {
    const auto call = make_call("C");
    calls().insert_cutoff(call.id, cutoff("1", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    proposals().insert(call.id, make_proposal(call, "X", "ES", {}, {}, std::nullopt), stamp(utc("2024-10-01T10:00:00Z"), "alice"));
    const auto info = m_tx->info();
    const auto& counts = info.counts;
    EXPECT_EQ(counts.calls, 1);
    EXPECT_EQ(counts.cutoffs, 1);
    EXPECT_EQ(counts.proposals, 1);
    EXPECT_EQ(counts.audit_entries, 0);
    EXPECT_EQ(info.journal_mode, "wal");
  });
}

domain::AuditEntry import_entry(const std::string& file)
{
  domain::AuditEntry entry;
  entry.subject = {domain::SubjectKind::import, std::nullopt};
  entry.at = utc("2024-10-01T10:00:00Z");
  entry.actor = "alice";
  entry.command = "cfp import proposals " + file;
  entry.entity = "import proposals " + file;
  entry.action = "import";
  return entry;
}

std::vector<std::string> entities(const std::vector<domain::AuditEntry>& entries)
{
  std::vector<std::string> result;
  for (const auto& entry : entries) {
    result.push_back(entry.entity);
  }
  return result;
}

TEST_F(RepositoryTest, AnEntryAppendedWithTheNotesConcernsWhatWasNotedAndOnlyThat)
{
  std::int64_t one = 0;
  std::int64_t two = 0;
  in_transaction([&] {
    const auto call = make_call("C");
    one = proposals().insert(call.id, make_proposal(call, "ONE", "ES", {}, {}, std::nullopt),
                             stamp(utc("2024-10-01T10:00:00Z"), "alice"));
    two = proposals().insert(call.id, make_proposal(call, "TWO", "ES", {}, {}, std::nullopt),
                             stamp(utc("2024-10-01T10:00:00Z"), "alice"));
    audit().note_related({domain::SubjectKind::proposal, one});
    audit().note_related({domain::SubjectKind::proposal, one}); // noted once
    audit().append(import_entry("other.csv"));                   // takes no note
    audit().append(import_entry("a.csv"), store::Related::noted);
    audit().append(import_entry("b.csv"), store::Related::noted); // the notes are taken
  });
  // Notes left unclaimed by a transaction, and those of one that rolls back, go nowhere.
  in_transaction([&] { audit().note_related({domain::SubjectKind::proposal, two}); });
  EXPECT_THROW(in_transaction([&] {
                 audit().note_related({domain::SubjectKind::proposal, two});
                 throw Error(ErrorKind::refused, "rolled back");
               }),
               Error);
  in_transaction([&] {
    audit().append(import_entry("c.csv"), store::Related::noted);
    store::AuditFilter of_one;
    of_one.proposal_ids = {one};
    EXPECT_EQ(entities(audit().list(of_one, 10)), (std::vector<std::string>{"import proposals a.csv"}));
    store::AuditFilter of_two;
    of_two.proposal_ids = {two};
    EXPECT_TRUE(audit().list(of_two, 10).empty());
  });
}

} // namespace
} // namespace cfp::test

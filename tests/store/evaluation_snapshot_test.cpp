// SPDX-License-Identifier: EUPL-1.2
// An evaluation's snapshot, as evaluation_version keeps each replaced evaluation: read back as
// written, and a malformed one reported as a storage error rather than read wrongly.

#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>

#include <gtest/gtest.h>

namespace cfp::test {
namespace {

TEST(EvaluationSnapshotTest, ReadsBackWhatWasWritten)
{
  domain::Evaluation evaluation;
  evaluation.expert = "Ana Ferreira";
  evaluation.scores = {{"excellence", 9}, {"impact", 8}, {"implementation", 0}};
  evaluation.comment = "Solid \"plan\"";
  evaluation.version = 3;
  const auto read = store::evaluation_from_snapshot(store::snapshot(evaluation));
  EXPECT_EQ(read.expert, evaluation.expert);
  EXPECT_EQ(read.scores, evaluation.scores);
  EXPECT_EQ(read.comment, evaluation.comment);
  EXPECT_EQ(read.version, 3);
  evaluation.comment.reset();
  EXPECT_FALSE(store::evaluation_from_snapshot(store::snapshot(evaluation)).comment);
}

TEST(EvaluationSnapshotTest, AMalformedOneIsAStorageError)
{
  for (const char* text : {"not json", R"({"expert":"A","scores":{"impact":"9"},"comment":null,"version":1})",
                           R"({"expert":"A","scores":{"impact":4.5},"comment":null,"version":1})",
                           R"({"expert":"A","scores":{},"comment":null})"}) {
    try {
      store::evaluation_from_snapshot(text);
      ADD_FAILURE() << text;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::storage) << text;
    }
  }
}

} // namespace
} // namespace cfp::test

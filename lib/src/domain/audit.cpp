// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/audit.hpp>

#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <array>

namespace cfp::domain {

namespace {

constexpr std::array k_kinds{SubjectKind::call,  SubjectKind::cutoff,    SubjectKind::proposal, SubjectKind::expert,
                             SubjectKind::score, SubjectKind::criterion, SubjectKind::import};

} // namespace

std::string_view to_string(SubjectKind kind)
{
  switch (kind) {
  case SubjectKind::call:
    return "call";
  case SubjectKind::cutoff:
    return "cutoff";
  case SubjectKind::proposal:
    return "proposal";
  case SubjectKind::expert:
    return "expert";
  case SubjectKind::score:
    return "score";
  case SubjectKind::criterion:
    return "criterion";
  case SubjectKind::import:
    return "import";
  }
  return "import";
}

util::Result<SubjectKind> parse_subject_kind(std::string_view text)
{
  for (const auto kind : k_kinds) {
    if (text == to_string(kind)) {
      return kind;
    }
  }
  return util::Failure{fmt::format("'{}' is not a kind of audit subject", util::excerpt(text))};
}

} // namespace cfp::domain

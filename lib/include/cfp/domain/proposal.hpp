// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/document.hpp>
#include <cfp/domain/money.hpp>
#include <cfp/domain/time.hpp>
#include <cfp/util/result.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::domain {

/// What the proposal plans for its AI-optimised supercomputer.
enum class Plan { new_system, upgrade, none };

/// Where a proposal stands in its life.
enum class ProposalStatus { draft, submitted, withdrawn };

/// What the evaluation decided for a proposal (`cfp rank --apply`); not its status.
enum class Outcome { selected, reserve, rejected };

/// The target sectors of the AI Factories calls, in the calls' order.
inline constexpr std::array<std::string_view, 11> k_sectors{"health",     "manufacturing", "climate",  "finance",
                                                            "automotive", "cybersecurity", "agrifood", "education",
                                                            "culture",    "green-economy", "space"};

std::string_view to_string(Plan plan);
std::string_view to_string(ProposalStatus status);
util::Result<Plan> parse_plan(std::string_view text);
util::Result<ProposalStatus> parse_status(std::string_view text);
std::string_view to_string(Outcome outcome);
util::Result<Outcome> parse_outcome(std::string_view text);

/// The sector named `text` (case-insensitive), in its canonical spelling.
util::Result<std::string> parse_sector(std::string_view text);

/// Empty when `acronym` is valid (1-32 letters, digits, '-', '_', '.'), else why not.
std::optional<std::string> check_acronym(std::string_view acronym);

/// What an applicant states in a proposal; everything but identity and life cycle.
struct ProposalFields
{
  std::string title;
  std::string host;                  ///< state code
  std::vector<std::string> partners; ///< state codes, sorted, never the host
  std::string entity;                ///< the hosting entity
  Plan plan = Plan::new_system;
  bool experimental_platform = false;
  std::optional<Cents> eu_contribution;       ///< absent until given; required to submit
  std::optional<Cents> national_contribution; ///< absent until given
  std::vector<std::string> sectors;           ///< canonical names, in k_sectors order

  bool operator==(const ProposalFields&) const = default;
};

/// A proposal as it stands now (its latest version).
struct Proposal
{
  std::int64_t id = 0;
  std::string call_code;
  std::string acronym;
  ProposalFields fields;
  ProposalStatus status = ProposalStatus::draft;
  std::optional<std::int64_t> cutoff_id;
  std::optional<std::string> cutoff_label;
  std::optional<Instant> cutoff_closes_at;
  std::optional<Instant> submitted_at;
  std::optional<std::string> withdrawal_reason;
  int version = 1;
  std::optional<Outcome> outcome; ///< recorded by the evaluation, apart from the versions
  /// The documents of this version, by part (domain::part_before). Read where one proposal is
  /// shown or changed (core::resolve_proposal, the history); empty in lists.
  std::vector<Document> documents;
};

/// One earlier or current version of a proposal, as history shows it.
struct ProposalVersion
{
  Proposal proposal;
  Instant recorded_at; ///< the time the version went by (simulated when `simulated`)
  std::string recorded_by;
  std::optional<Instant> recorded_real_at; ///< the machine's clock; empty for versions older than schema 5
  bool simulated = false;                  ///< `recorded_at` came from CFP_NOW
};

/// A rule broken by one field; `field` uses the JSON field names.
struct FieldError
{
  std::string field;
  std::string message;
};

/// Checks the rules that need no database: non-empty UTF-8 text, distinct partners, the host
/// not among them. State codes and sectors must already be canonical.
std::vector<FieldError> validate(const ProposalFields& fields);

/// Empty when `fields` may be submitted, else why not (with the JSON field name): a
/// submission states the EU contribution it requests; the national one may stay absent.
std::optional<FieldError> check_submittable(const ProposalFields& fields);

/// Sorts partners and orders sectors the way the calls list them, so equal sets compare equal.
void canonicalize(ProposalFields& fields);

/// The longest free text (a title, an entity, a reason), in bytes: as long as the longest
/// field an import file may hold, so that whatever a file can carry a flag can set, and back.
inline constexpr std::size_t k_max_text_bytes = std::size_t{1} << 20;

/// Empty when `text` is acceptable free text for `what` (non-empty UTF-8 of at most
/// k_max_text_bytes, no control characters but tab and line breaks), else why not.
std::optional<std::string> check_text(std::string_view text, std::string_view what);

} // namespace cfp::domain

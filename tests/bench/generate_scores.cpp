// SPDX-License-Identifier: EUPL-1.2
#include "generate_scores.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace cfp::bench {

namespace {

// The pool of experts: two a state for 20 states, so that every proposal (a host and three
// partners) leaves at least 32 experts free of a conflict of interest. Names are unique (given
// name by position in the pool, family name by eights); the organisations are none of the
// entities (k_entities in generate_proposals.cpp), so that only host and partners rule out.
constexpr std::size_t k_experts = 40;
constexpr auto k_expert_states = std::to_array<std::string_view>(
  {"AT", "BE", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HU", "IE", "IT", "NL", "PL", "PT", "SI", "ES", "SE", "NO",
   "IS"});
static_assert(k_expert_states.size() * 2 == k_experts);
constexpr std::array<std::string_view, 8> k_given_names{"Zoë",    "Łukasz", "Søren", "Ana",
                                                        "Jürgen", "Élodie", "Mihai", "Katrin"};
constexpr std::array<std::string_view, 5> k_family_names{"Andersen", "Kovačević", "Müller", "Ó Briain", "Papadopoulou"};
static_assert(k_given_names.size() * k_family_names.size() == k_experts);
constexpr std::array<std::string_view, 5> k_organisations{"Agence nationale d'évaluation", "Forschungsrat Nord",
                                                          "Research Evaluation Office", "Istituto di Valutazione",
                                                          "Rada Naukowa"};

// The call's standard criteria in position order, as `cfp import scores` names them.
constexpr std::array<std::string_view, 3> k_criteria{"excellence", "impact", "implementation"};

// Some evaluations carry a comment (the same on each of their rows): one with a comma and
// quotes, some with non-ASCII letters.
constexpr std::array<std::string_view, 4> k_comments{
  "Convincing user communities; the GPU partition is modest", "Plan de formation solide, calendrier serré",
  "\"Aurora\" phase 2 depends on national co-funding, not yet confirmed", "Überzeugendes Konzept"};

std::string expert_name(std::size_t expert)
{
  return std::string(k_given_names[expert % k_given_names.size()]) + " " +
         std::string(k_family_names[expert / k_given_names.size()]);
}

std::string_view expert_state(std::size_t expert)
{
  return k_expert_states[expert / 2];
}

std::string_view expert_organisation(std::size_t expert)
{
  return k_organisations[expert % k_organisations.size()];
}

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b)
{
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

// Whether cfp lets `expert` score a proposal with these parties: the expert's state is neither
// the host nor a partner, and the expert's organisation is not the entity.
bool may_score(std::size_t expert, const Parties& parties)
{
  for (const auto state : parties.states) {
    if (k_states[state] == expert_state(expert)) {
      return false;
    }
  }
  return !equal_ignoring_ascii_case(expert_organisation(expert), parties.entity);
}

void append_points(std::string& line, std::int64_t half_points)
{
  append_number(line, static_cast<std::uint64_t>(half_points / 2), 1);
  line += half_points % 2 == 0 ? ".0" : ".5";
}

} // namespace

std::string experts_tsv()
{
  std::string text = "name\tstate\torganisation\n";
  for (std::size_t expert = 0; expert < k_experts; ++expert) {
    text += expert_name(expert);
    text += '\t';
    text += expert_state(expert);
    text += '\t';
    text += expert_organisation(expert);
    text += '\n';
  }
  return text;
}

// The scores of proposal `number` as CSV lines in the order of k_scores_header: three distinct
// experts free of a conflict of interest, each scoring every criterion from 0 to 5 in half
// points. A proposal has a level (2.5 to 5 points), each criterion one within a point of it, and
// each expert scores within half a point of the criterion's, so that many proposals miss a
// threshold (3 a criterion, 10 overall) and many tie.
void append_scores(std::string& lines, std::uint64_t number, const Parties& parties, Random& random)
{
  std::array<std::size_t, k_experts> free{};
  std::size_t count = 0;
  for (std::size_t expert = 0; expert < k_experts; ++expert) {
    if (may_score(expert, parties)) {
      free[count++] = expert;
    }
  }
  for (std::size_t i = 0; i < 3; ++i) {
    std::swap(free[i], free[i + random.below(count - i)]);
  }
  const auto clamp = [](std::int64_t points) { return std::min<std::int64_t>(std::max<std::int64_t>(points, 0), 10); };
  const std::int64_t level = random.between(5, 10);
  std::array<std::int64_t, k_criteria.size()> criterion_levels{};
  for (auto& criterion_level : criterion_levels) {
    criterion_level = clamp(level + random.between(-2, 2));
  }
  for (std::size_t e = 0; e < 3; ++e) {
    const std::string name = expert_name(free[e]);
    const std::string_view comment = random.below(8) == 0 ? k_comments[random.below(k_comments.size())] : "";
    for (std::size_t c = 0; c < k_criteria.size(); ++c) {
      append_field(lines, k_call);
      lines += ",P";
      append_number(lines, number, 7);
      lines += ',';
      append_field(lines, name);
      lines += ',';
      lines += k_criteria[c];
      lines += ',';
      append_points(lines, clamp(criterion_levels[c] + random.between(-1, 1)));
      lines += ',';
      append_field(lines, comment);
      lines += '\n';
    }
  }
}

} // namespace cfp::bench

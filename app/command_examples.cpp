// SPDX-License-Identifier: EUPL-1.2
#include "command_examples.hpp"

#include <algorithm>
#include <iterator>

namespace cfp::cli {

namespace {

// On the example data of docs/examples/ai-factories.sh: the AI Factories calls, their cut-offs
// as labelled there, the seven selected factories, the illustrative experts; ALPS-AI is a new
// proposal (CH takes part from 2025-01-01). tests/docs/command_examples_run_test.cpp runs each one
// on a copy of that database, some after the examples they build on.
constexpr std::array k_examples{
    // db
    CommandExamples{"db", {"cfp db status"}},
    CommandExamples{"db init", {"cfp db init", "cfp --db archive/cfp.db db init"}},
    CommandExamples{"db status", {"cfp db status", "cfp db status --format json"}},
    CommandExamples{"db check", {"cfp db check"}},
    CommandExamples{"db backup", {"cfp db backup cfp-backup.db", "cfp db backup cfp-backup.db --force"}},
    // state
    CommandExamples{"state", {"cfp state list --eu"}},
    CommandExamples{"state list", {"cfp state list", "cfp state list --eu --format csv"}},
    // call
    CommandExamples{"call", {"cfp call show EUROHPC-2024-CEI-AI-01"}},
    CommandExamples{"call add",
                    {"cfp call add EUROHPC-2025-AI-ANTENNAS --title \"AI Factory Antennas\" \\\n"
                     "    --opens 2025-03-01 --budget 55M"}},
    CommandExamples{"call list", {"cfp call list", "cfp call list --sort budget_eur --desc --format csv"}},
    CommandExamples{"call show", {"cfp call show EUROHPC-2024-CEI-AI-01"}},
    CommandExamples{"call set-threshold", {"cfp call set-threshold EUROHPC-2024-CEI-AI-02 10.5"}},
    CommandExamples{"call update",
                    {"cfp call update EUROHPC-2024-CEI-AI-02 --budget 500M",
                     "cfp call update EUROHPC-2024-CEI-AI-02 --required-parts part-b --document-limit 20MiB"}},
    CommandExamples{"call set-parts", {"cfp call set-parts EUROHPC-2024-CEI-AI-02 part-b,support-letter"}},
    CommandExamples{"call remove", {"cfp call remove EUROHPC-2024-CEI-AI-02"}},
    // deadline
    CommandExamples{"deadline", {"cfp deadline list --open"}},
    CommandExamples{"deadline add",
                    {"cfp deadline add EUROHPC-2024-CEI-AI-02 2025-10-01",
                     "cfp deadline add EUROHPC-2024-CEI-AI-01 \"2025-10-15 12:00\" --label \"2025-10-15 (extra)\""}},
    CommandExamples{"deadline list",
                    {"cfp deadline list --open", "cfp deadline list --call EUROHPC-2024-CEI-AI-01 --format csv"}},
    CommandExamples{"deadline update",
                    {"cfp deadline update EUROHPC-2024-CEI-AI-01 \"2025-05-02 (assumed)\" --when 2025-05-05 \\\n"
                     "    --label 2025-05-05"}},
    CommandExamples{"deadline remove", {"cfp deadline remove EUROHPC-2024-CEI-AI-02 \"2025-12-31 (assumed)\""}},
    // proposal
    CommandExamples{"proposal", {"cfp proposal list --call EUROHPC-2024-CEI-AI-01 --status submitted"}},
    CommandExamples{
        "proposal add",
        {"cfp proposal add --call EUROHPC-2024-CEI-AI-01 --acronym ALPS-AI --title \"Alps AI Factory\" \\\n"
         "    --host CH --partner IT --entity \"Swiss National Supercomputing Centre (CSCS)\" \\\n"
         "    --eu-contribution 40M --national-contribution 40M --sector health,climate",
         "cfp proposal add --call EUROHPC-2024-CEI-AI-02 --acronym ALPS-AI --title \"Alps AI services\" \\\n"
         "    --host CH --entity \"Swiss National Supercomputing Centre (CSCS)\" \\\n"
         "    --eu-contribution 6M --draft"}},
    CommandExamples{"proposal submit", {"cfp proposal submit ALPS-AI"}},
    CommandExamples{"proposal resubmit", {"cfp proposal resubmit Pharos --eu-contribution 18M"}},
    CommandExamples{"proposal update",
                    {"cfp proposal update ALPS-AI --eu-contribution 45M --add-partner AT",
                     "cfp --as \"Maria Rossi\" proposal update ALPS-AI --title \"Alps AI Factory (revised)\""}},
    CommandExamples{"proposal withdraw",
                    {"cfp proposal withdraw ALPS-AI --reason \"National co-funding not confirmed yet\""}},
    CommandExamples{"proposal delete", {"cfp proposal delete ALPS-AI"}},
    CommandExamples{"proposal attach",
                    {"cfp proposal attach ALPS-AI part-b.pdf --part part-b --title \"Technical description\""}},
    CommandExamples{"proposal detach", {"cfp proposal detach ALPS-AI part-b"}},
    CommandExamples{"proposal documents",
                    {"cfp proposal documents BSC-AIF", "cfp proposal documents BSC-AIF --version 1"}},
    CommandExamples{"proposal document", {"cfp proposal document BSC-AIF part-b --out part-b.pdf"}},
    CommandExamples{"proposal show",
                    {"cfp proposal show BSC-AIF", "cfp proposal show EUROHPC-2024-CEI-AI-01/MIMER --format json"}},
    CommandExamples{"proposal history", {"cfp proposal history MIMER"}},
    CommandExamples{"proposal list",
                    {"cfp proposal list --call EUROHPC-2024-CEI-AI-01 --status submitted",
                     "cfp proposal list --state no,pl --sort eu_contribution_eur --desc --format csv"}},
    // criterion
    CommandExamples{"criterion", {"cfp criterion list EUROHPC-2024-CEI-AI-01"}},
    CommandExamples{"criterion list", {"cfp criterion list EUROHPC-2024-CEI-AI-01"}},
    CommandExamples{"criterion add",
                    {"cfp criterion add EUROHPC-2024-CEI-AI-02 sustainability \\\n"
                     "    --name \"Energy efficiency and sustainability\" --weight 0.5 --threshold 2.5"}},
    CommandExamples{"criterion set", {"cfp criterion set EUROHPC-2024-CEI-AI-02 excellence --weight 1.5"}},
    CommandExamples{"criterion remove", {"cfp criterion remove EUROHPC-2024-CEI-AI-02 implementation"}},
    // expert
    CommandExamples{"expert", {"cfp expert conflicts --call EUROHPC-2024-CEI-AI-01"}},
    CommandExamples{"expert add",
                    {"cfp expert add \"Piotr Nowak\" --state PL \\\n"
                     "    --organisation \"Poznań Supercomputing and Networking Center\" \\\n"
                     "    --email piotr.nowak@example.eu"}},
    CommandExamples{"expert list", {"cfp expert list", "cfp expert list --sort organisation --format csv"}},
    CommandExamples{"expert show", {"cfp expert show \"Marie Dubois\""}},
    CommandExamples{"expert conflict",
                    {"cfp expert conflict \"Marie Dubois\" LUMI-AIF --reason \"Reviewed its consortium agreement\""}},
    CommandExamples{"expert conflicts",
                    {"cfp expert conflicts --call EUROHPC-2024-CEI-AI-01",
                     "cfp expert conflicts --expert \"Katrin Vogel\" --format json"}},
    // score and consensus
    CommandExamples{"score", {"cfp score list MIMER"}},
    CommandExamples{"score add",
                    {"cfp score add MIMER --expert \"Katrin Vogel\" excellence=4 impact=4.5 implementation=3.5 \\\n"
                     "    --comment \"Convincing user communities; thin staffing plan\""}},
    CommandExamples{
        "score list",
        {"cfp score list MIMER", "cfp score list --call EUROHPC-2024-CEI-AI-01 --sort spread --desc --limit 4"}},
    CommandExamples{"score history", {"cfp score history MIMER --expert \"Nora Hansen\""}},
    CommandExamples{"score summary", {"cfp score summary MIMER", "cfp score summary Pharos --format json"}},
    CommandExamples{"consensus", {"cfp consensus set MIMER excellence=4 impact=4"}},
    CommandExamples{"consensus set",
                    {"cfp consensus set MIMER excellence=4 impact=4 \\\n"
                     "    --comment \"Sound science case; the GPU partition is modest for the communities targeted\""}},
    // report
    CommandExamples{"report", {"cfp report deadlines"}},
    CommandExamples{
        "report deadlines",
        {"cfp report deadlines", "cfp report deadlines --call EUROHPC-2024-CEI-AI-01 --within 30 --format csv"}},
    CommandExamples{"report states", {"cfp report states --call EUROHPC-2024-CEI-AI-01 --cutoff 2024-11-04"}},
    CommandExamples{"report calls", {"cfp report calls", "cfp report calls --at 2025-02-01 --format json"}},
    CommandExamples{"report ics", {"cfp report ics --call EUROHPC-2024-CEI-AI-01 > cut-offs.ics"}},
    CommandExamples{"report html", {"cfp report html --out dashboard.html"}},
    // rank and log
    CommandExamples{"rank",
                    {"cfp rank EUROHPC-2024-CEI-AI-01 --cutoff 2024-11-04 --budget 600M",
                     "cfp rank EUROHPC-2024-CEI-AI-01 --cutoff 2024-11-04 --budget 600M --apply"}},
    CommandExamples{"log", {"cfp log --limit 5", "cfp log --ref MIMER --action update --format json"}},
    CommandExamples{"log verify", {"cfp log verify"}},
    // import and export
    CommandExamples{"import", {"cfp import proposals proposals.csv --dry-run"}},
    CommandExamples{"import proposals",
                    {"cfp import proposals proposals.csv --dry-run",
                     "cfp import proposals proposals.csv --skip-invalid --rejects rejects.csv"}},
    CommandExamples{"import scores", {"cfp import scores scores.csv"}},
    CommandExamples{"import calls", {"cfp import calls calls.json"}},
    CommandExamples{"import documents", {"cfp import documents documents --dry-run"}},
    CommandExamples{"export", {"cfp export proposals --call EUROHPC-2024-CEI-AI-01 > proposals.csv"}},
    CommandExamples{"export proposals",
                    {"cfp export proposals --call EUROHPC-2024-CEI-AI-01 > proposals.csv",
                     "cfp export proposals --format ndjson > proposals.ndjson"}},
    CommandExamples{"export scores", {"cfp export scores --call EUROHPC-2024-CEI-AI-01 > scores.csv"}},
    CommandExamples{"export calls", {"cfp export calls > calls.json"}},
    CommandExamples{"export documents", {"cfp export documents --out documents"}},
    CommandExamples{"completion", {"cfp completion bash > cfp.bash", "cfp completion zsh > _cfp"}},
};

} // namespace

std::span<const CommandExamples> command_examples()
{
  return k_examples;
}

std::vector<std::string_view> examples_of(std::string_view path)
{
  std::vector<std::string_view> found;
  for (const auto& command : k_examples) {
    if (command.path == path) {
      std::copy_if(command.examples.begin(), command.examples.end(), std::back_inserter(found),
                   [](std::string_view example) { return !example.empty(); });
    }
  }
  return found;
}

std::string command_path(const CLI::App& command)
{
  std::string path;
  for (const CLI::App* at = &command; at->get_parent() != nullptr; at = at->get_parent()) {
    path = at->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

} // namespace cfp::cli

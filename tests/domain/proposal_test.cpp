// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/proposal.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using domain::canonicalize;
using domain::check_acronym;
using domain::check_text;
using domain::FieldError;
using domain::parse_plan;
using domain::parse_sector;
using domain::parse_status;
using domain::Plan;
using domain::ProposalFields;
using domain::ProposalStatus;
using domain::validate;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

ProposalFields valid_fields()
{
  ProposalFields fields;
  fields.title = "AI Factory Iberia";
  fields.host = "ES";
  fields.partners = {"PT", "RO"};
  fields.entity = "Barcelona Supercomputing Center";
  fields.plan = Plan::upgrade;
  fields.eu_contribution = 6'150'000'000;
  fields.national_contribution = 6'150'000'000;
  fields.sectors = {"health", "climate"};
  return fields;
}

std::vector<std::string> fields_of(const std::vector<FieldError>& errors)
{
  std::vector<std::string> fields;
  for (const auto& error : errors) {
    fields.push_back(error.field);
  }
  return fields;
}

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

// --- plan, status, sector ---------------------------------------------------------------

TEST(ProposalTest, PlanIsParsedCaseInsensitivelyAndTrimmed)
{
  EXPECT_EQ(parse_plan("new").value(), Plan::new_system);
  EXPECT_EQ(parse_plan("UPGRADE").value(), Plan::upgrade);
  EXPECT_EQ(parse_plan(" None\t").value(), Plan::none);
}

TEST(ProposalTest, PlanRoundTripsThroughItsName)
{
  for (const Plan plan : {Plan::new_system, Plan::upgrade, Plan::none}) {
    EXPECT_EQ(parse_plan(domain::to_string(plan)).value(), plan) << domain::to_string(plan);
  }
}

TEST(ProposalTest, UnknownPlanIsRefusedNamingTheChoices)
{
  for (const std::string text : {"", "new_system", "renew", "upgrades"}) {
    const auto parsed = parse_plan(text);
    ASSERT_FALSE(parsed.ok()) << "'" << text << "'";
    EXPECT_TRUE(contains(parsed.error(), "new, upgrade or none")) << parsed.error();
  }
}

TEST(ProposalTest, StatusIsParsedCaseInsensitivelyAndTrimmed)
{
  EXPECT_EQ(parse_status("draft").value(), ProposalStatus::draft);
  EXPECT_EQ(parse_status("Submitted").value(), ProposalStatus::submitted);
  EXPECT_EQ(parse_status(" WITHDRAWN ").value(), ProposalStatus::withdrawn);
}

TEST(ProposalTest, StatusRoundTripsThroughItsName)
{
  for (const ProposalStatus status : {ProposalStatus::draft, ProposalStatus::submitted, ProposalStatus::withdrawn}) {
    EXPECT_EQ(parse_status(domain::to_string(status)).value(), status) << domain::to_string(status);
  }
}

TEST(ProposalTest, UnknownStatusIsRefused)
{
  for (const std::string text : {"", "open", "withdraw", "submit"}) {
    const auto parsed = parse_status(text);
    ASSERT_FALSE(parsed.ok()) << "'" << text << "'";
    EXPECT_TRUE(contains(parsed.error(), "draft, submitted or withdrawn")) << parsed.error();
  }
}

TEST(ProposalTest, SectorIsReturnedInItsCanonicalSpelling)
{
  EXPECT_EQ(parse_sector("health").value(), "health");
  EXPECT_EQ(parse_sector("Health").value(), "health");
  EXPECT_EQ(parse_sector(" GREEN-ECONOMY ").value(), "green-economy");
}

TEST(ProposalTest, EverySectorOfTheCallsIsAccepted)
{
  for (const auto sector : domain::k_sectors) {
    const auto parsed = parse_sector(sector);
    ASSERT_TRUE(parsed.ok()) << sector;
    EXPECT_EQ(parsed.value(), sector);
  }
}

TEST(ProposalTest, UnknownSectorIsRefusedListingTheSectors)
{
  for (const std::string text : {"", "green economy", "green_economy", "healthcare", "defence"}) {
    const auto parsed = parse_sector(text);
    ASSERT_FALSE(parsed.ok()) << "'" << text << "'";
    EXPECT_TRUE(contains(parsed.error(), "health, manufacturing")) << parsed.error();
    EXPECT_TRUE(contains(parsed.error(), "space")) << parsed.error();
  }
}

// --- acronym ------------------------------------------------------------------------------

TEST(ProposalTest, AcronymOfLettersDigitsDashUnderscoreAndDotIsValid)
{
  for (const std::string acronym : {"BSC-AIF", "A", "x1", "AI_Factory.2", "JUPITER-AI-F"}) {
    EXPECT_EQ(check_acronym(acronym), std::nullopt) << acronym;
  }
}

TEST(ProposalTest, AcronymOfThirtyTwoCharactersIsValidButNotThirtyThree)
{
  EXPECT_EQ(check_acronym(std::string(32, 'A')), std::nullopt);
  EXPECT_NE(check_acronym(std::string(33, 'A')), std::nullopt);
}

TEST(ProposalTest, EmptyAcronymIsRefused)
{
  EXPECT_NE(check_acronym(""), std::nullopt);
}

TEST(ProposalTest, AcronymWithOtherCharactersIsRefused)
{
  for (const std::string acronym : {"BSC AIF", " BSC", "BSC/AIF", "ÉCOLE", "a,b", "a\"b", "tab\there", "x\n"}) {
    const auto problem = check_acronym(acronym);
    ASSERT_NE(problem, std::nullopt) << "'" << acronym << "'";
    EXPECT_TRUE(contains(*problem, "1 to 32")) << *problem;
  }
}

// --- free text ----------------------------------------------------------------------------

TEST(ProposalTest, OrdinaryTextIsAcceptable)
{
  EXPECT_EQ(check_text("AI Factory Iberia", "title"), std::nullopt);
  EXPECT_EQ(check_text("Fundación Ñandú — 日本 😀", "title"), std::nullopt);
}

TEST(ProposalTest, TabsAndLineBreaksAreAllowedInText)
{
  EXPECT_EQ(check_text("first line\nsecond\tcolumn\r\nthird", "title"), std::nullopt);
  EXPECT_EQ(check_text(std::string_view("a\0b", 3), "comment"), "the comment contains a NUL character");
}

TEST(ProposalTest, EmptyOrBlankTextIsRefusedNamingTheField)
{
  for (const std::string text : {"", " ", "\t\n", "  \r\n  "}) {
    const auto problem = check_text(text, "title");
    ASSERT_NE(problem, std::nullopt) << "'" << text << "'";
    EXPECT_TRUE(contains(*problem, "title")) << *problem;
    EXPECT_TRUE(contains(*problem, "empty")) << *problem;
  }
}

TEST(ProposalTest, InvalidUtf8IsRefused)
{
  for (const std::string text : {"caf\xe9", "\xff", "abc\xc3", "\xc0\xaf"}) {
    const auto problem = check_text(text, "entity");
    ASSERT_NE(problem, std::nullopt);
    EXPECT_TRUE(contains(*problem, "UTF-8")) << *problem;
    EXPECT_TRUE(contains(*problem, "entity")) << *problem;
  }
}

TEST(ProposalTest, ControlCharactersOtherThanTabAndLineBreaksAreRefused)
{
  for (const std::string text : {"bell\a", "esc\x1b[31m", "del\x7f", "nel\xc2\x85", "form\ffeed", "vert\vtab"}) {
    const auto problem = check_text(text, "title");
    ASSERT_NE(problem, std::nullopt) << "'" << text << "'";
    EXPECT_TRUE(contains(*problem, "control character")) << *problem;
  }
}

TEST(ProposalTest, NulByteIsRefused)
{
  EXPECT_NE(check_text(std::string("a\0b", 3), "title"), std::nullopt);
}

TEST(ProposalTest, TextOfOneMebibyteIsAcceptableButNotOneByteMore)
{
  EXPECT_EQ(check_text(std::string(domain::k_max_text_bytes, 'a'), "title"), std::nullopt);
  EXPECT_EQ(check_text(std::string(domain::k_max_text_bytes + 1, 'a'), "entity"),
            "the entity is longer than 1 MiB (1048577 bytes)");
}

// --- validate -----------------------------------------------------------------------------

TEST(ProposalTest, ValidFieldsHaveNoErrors)
{
  EXPECT_THAT(validate(valid_fields()), IsEmpty());
}

TEST(ProposalTest, ProposalWithoutPartnersOrSectorsIsValid)
{
  ProposalFields fields = valid_fields();
  fields.partners.clear();
  fields.sectors.clear();
  fields.eu_contribution = 0;
  fields.national_contribution = 0;
  EXPECT_THAT(validate(fields), IsEmpty());
}

TEST(ProposalTest, EmptyTitleIsAnErrorOnTheTitleField)
{
  ProposalFields fields = valid_fields();
  fields.title = "  ";
  EXPECT_THAT(fields_of(validate(fields)), ElementsAre("title"));
}

TEST(ProposalTest, EmptyEntityIsAnErrorOnTheEntityField)
{
  ProposalFields fields = valid_fields();
  fields.entity = "";
  EXPECT_THAT(fields_of(validate(fields)), ElementsAre("entity"));
}

TEST(ProposalTest, TitleWithAControlCharacterIsAnError)
{
  ProposalFields fields = valid_fields();
  fields.title = "AI\x1b Factory";
  EXPECT_THAT(fields_of(validate(fields)), ElementsAre("title"));
}

TEST(ProposalTest, HostCannotAlsoBeAPartner)
{
  ProposalFields fields = valid_fields();
  fields.partners = {"ES", "PT"};
  const auto errors = validate(fields);
  ASSERT_THAT(fields_of(errors), ElementsAre("partners"));
  EXPECT_TRUE(contains(errors[0].message, "ES")) << errors[0].message;
  EXPECT_TRUE(contains(errors[0].message, "host")) << errors[0].message;
}

TEST(ProposalTest, PartnerNamedTwiceIsAnError)
{
  ProposalFields fields = valid_fields();
  fields.partners = {"PT", "RO", "PT"};
  const auto errors = validate(fields);
  ASSERT_THAT(fields_of(errors), ElementsAre("partners"));
  EXPECT_TRUE(contains(errors[0].message, "PT")) << errors[0].message;
  EXPECT_TRUE(contains(errors[0].message, "twice")) << errors[0].message;
}

TEST(ProposalTest, TitleOverOneMebibyteIsAnErrorOnTheTitleField)
{
  ProposalFields fields = valid_fields();
  fields.title = std::string(domain::k_max_text_bytes + 1, 'a');
  EXPECT_THAT(fields_of(validate(fields)), ElementsAre("title"));
}

TEST(ProposalTest, APartnerNamedThreeTimesIsNamedTwiceTwice)
{
  ProposalFields fields = valid_fields();
  fields.partners = {"PT", "PT", "RO", "PT"};
  EXPECT_THAT(fields_of(validate(fields)), ElementsAre("partners", "partners"));
}

TEST(ProposalTest, SectorNamedTwiceIsAnError)
{
  ProposalFields fields = valid_fields();
  fields.sectors = {"health", "space", "health"};
  const auto errors = validate(fields);
  ASSERT_THAT(fields_of(errors), ElementsAre("sectors"));
  EXPECT_TRUE(contains(errors[0].message, "health")) << errors[0].message;
}

TEST(ProposalTest, NegativeContributionsAreErrorsOnTheirJsonFields)
{
  ProposalFields fields = valid_fields();
  fields.eu_contribution = -1;
  fields.national_contribution = -100;
  EXPECT_THAT(fields_of(validate(fields)), ElementsAre("eu_contribution_eur", "national_contribution_eur"));
}

TEST(ProposalTest, EveryBrokenRuleIsReportedAtOnce)
{
  ProposalFields fields = valid_fields();
  fields.title = "";
  fields.entity = "\xff";
  fields.partners = {"ES"};
  fields.sectors = {"space", "space"};
  fields.eu_contribution = -1;
  EXPECT_THAT(fields_of(validate(fields)),
              ElementsAre("title", "entity", "partners", "sectors", "eu_contribution_eur"));
}

// --- canonicalize -------------------------------------------------------------------------

TEST(ProposalTest, CanonicalizeSortsPartners)
{
  ProposalFields fields = valid_fields();
  fields.partners = {"RO", "IT", "PT"};
  canonicalize(fields);
  EXPECT_THAT(fields.partners, ElementsAre("IT", "PT", "RO"));
}

TEST(ProposalTest, CanonicalizeOrdersSectorsAsTheCallsListThem)
{
  ProposalFields fields = valid_fields();
  fields.sectors = {"space", "health", "green-economy", "climate", "finance"};
  canonicalize(fields);
  EXPECT_THAT(fields.sectors, ElementsAre("health", "climate", "finance", "green-economy", "space"));
}

TEST(ProposalTest, CanonicalizeMakesTheSameSetsCompareEqual)
{
  ProposalFields a = valid_fields();
  ProposalFields b = valid_fields();
  a.partners = {"RO", "PT", "IT"};
  b.partners = {"IT", "RO", "PT"};
  a.sectors = {"space", "health"};
  b.sectors = {"health", "space"};
  EXPECT_NE(a, b);
  canonicalize(a);
  canonicalize(b);
  EXPECT_EQ(a, b);
}

TEST(ProposalTest, CanonicalizeLeavesEverythingElseAlone)
{
  const ProposalFields original = valid_fields();
  ProposalFields fields = original;
  canonicalize(fields);
  EXPECT_EQ(fields, original);
}

TEST(ProposalTest, ASubmissionNeedsTheEuContributionButNotTheNationalOne)
{
  auto fields = valid_fields();
  EXPECT_FALSE(domain::check_submittable(fields));
  fields.national_contribution.reset();
  EXPECT_FALSE(domain::check_submittable(fields));
  EXPECT_THAT(validate(fields), IsEmpty()) << "absent is valid";
  fields.eu_contribution = 0;
  EXPECT_FALSE(domain::check_submittable(fields)) << "0 is an amount";
  fields.eu_contribution.reset();
  const auto problem = domain::check_submittable(fields);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->field, "eu_contribution_eur");
  EXPECT_THAT(validate(fields), IsEmpty()) << "a draft may leave it out";
}

} // namespace
} // namespace cfp::test

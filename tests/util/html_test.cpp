// SPDX-License-Identifier: EUPL-1.2
// util::escape_html: what HTML gives meaning to becomes a character reference; control
// characters and bytes that are not UTF-8 become U+FFFD; the rest stays as it is.

#include <cfp/util/html.hpp>

#include <gtest/gtest.h>

namespace cfp::util {
namespace {

TEST(EscapeHtmlTest, MarkupCharactersBecomeReferences)
{
  EXPECT_EQ(escape_html(R"(<script>alert('x') & "y"</script>)"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  EXPECT_EQ(escape_html("&amp;"), "&amp;amp;");
}

TEST(EscapeHtmlTest, TextAndUtf8StayAsTheyAre)
{
  EXPECT_EQ(escape_html("Linköping 東京 Türkiye\ttab\nline"), "Linköping 東京 Türkiye\ttab\nline");
  EXPECT_EQ(escape_html(""), "");
}

TEST(EscapeHtmlTest, ControlCharactersAndBrokenUtf8BecomeReplacementCharacters)
{
  EXPECT_EQ(escape_html(std::string("a\x01"
                                    "b\x1b[31mc\x7f",
                                    10)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD[31mc\xEF\xBF\xBD");
  EXPECT_EQ(escape_html(std::string("nul\0!", 5)), "nul\xEF\xBF\xBD!");
  EXPECT_EQ(escape_html("\xC3"), "\xEF\xBF\xBD") << "a cut-short sequence";
  EXPECT_EQ(escape_html("\xFF<"), "\xEF\xBF\xBD&lt;");
  EXPECT_EQ(escape_html("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") << "a surrogate";
  EXPECT_EQ(escape_html("a\xC2\x9B"
                        "b"),
            "a\xEF\xBF\xBD"
            "b")
      << "a C1 control (CSI)";
  EXPECT_EQ(escape_html("\xE2\x80\xAELTR\xE2\x81\xA6x\xE2\x81\xA9"), "\xEF\xBF\xBDLTR\xEF\xBF\xBDx\xEF\xBF\xBD")
      << "bidirectional overrides and isolates";
  EXPECT_EQ(escape_html("\xE2\x80\x8F\xE2\x80\x94"), "\xE2\x80\x8F\xE2\x80\x94") << "a mark and a dash stay";
}

} // namespace
} // namespace cfp::util

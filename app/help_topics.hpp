// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <span>
#include <string_view>

namespace cfp::cli {

/// A page of `cfp help TOPIC`: what a person needs to know about one kind of value or one
/// convention, in a few screens, with examples; docs/cli.md says the rest.
struct HelpTopic
{
  std::string_view name;    ///< as typed after `cfp help`
  std::string_view summary; ///< one line, for the list of topics
  std::string_view text;    ///< the page, ending in a line break
  std::string_view section; ///< the page's section of the cfp(1) manual page (its title replaces the first line)
};

/// Every topic, in the order `cfp help` lists them.
std::span<const HelpTopic> help_topics();

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/store/audit_chain.hpp>

#include <cfp/util/digest.hpp>

#include <fmt/format.h>

namespace cfp::store {

namespace {

// Feeds one field as "LENGTH:BYTES," (a netstring), or "-," for a field with no value.
void feed(util::Sha256& hash, std::string_view field)
{
  const auto prefix = fmt::format("{}:", field.size());
  hash.update(prefix.data(), prefix.size());
  hash.update(field.data(), field.size());
  hash.update(",", 1);
}

void feed_absent(util::Sha256& hash)
{
  hash.update("-,", 2);
}

template<typename T>
void feed_optional(util::Sha256& hash, const std::optional<T>& value)
{
  if (value) {
    feed(hash, *value);
  } else {
    feed_absent(hash);
  }
}

} // namespace

std::string audit_seal(std::string_view previous_seal, const domain::AuditEntry& entry)
{
  util::Sha256 hash;
  feed(hash, "cfp audit seal 1");
  feed(hash, previous_seal);
  feed(hash, std::to_string(entry.id));
  feed(hash, domain::format_utc(entry.at));
  if (entry.real_at) {
    feed(hash, domain::format_utc(*entry.real_at));
  } else {
    feed_absent(hash);
  }
  feed(hash, entry.simulated ? "1" : "0");
  feed(hash, entry.actor);
  feed(hash, entry.command);
  feed(hash, entry.entity);
  feed(hash, entry.action);
  feed(hash, domain::to_string(entry.subject.kind));
  if (entry.subject.id) {
    feed(hash, std::to_string(*entry.subject.id));
  } else {
    feed_absent(hash);
  }
  feed_optional(hash, entry.before);
  feed_optional(hash, entry.after);
  return hash.hex();
}

} // namespace cfp::store

// Strong ids: a UserId cannot be passed where an AgencyId is expected.
//
//   struct UserIdTag {};
//   using UserId = Id<UserIdTag>;
//   UserId id{42};  int64_t raw = id.value();
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace escudo {

template <typename Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t value) : value_(value) {}

  constexpr std::int64_t value() const { return value_; }
  // Ids are assigned by the store starting at 1; 0 means "not yet stored".
  constexpr bool valid() const { return value_ > 0; }

  friend constexpr auto operator<=>(Id, Id) = default;

 private:
  std::int64_t value_ = 0;
};

struct AgencyIdTag {};
struct UserIdTag {};
struct SessionIdTag {};
struct AuditEntryIdTag {};
struct ImportIdTag {};

using AgencyId = Id<AgencyIdTag>;
using UserId = Id<UserIdTag>;
using SessionId = Id<SessionIdTag>;
using AuditEntryId = Id<AuditEntryIdTag>;
using ImportId = Id<ImportIdTag>;

}  // namespace escudo

template <typename Tag>
struct std::hash<escudo::Id<Tag>> {
  std::size_t operator()(escudo::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value());
  }
};

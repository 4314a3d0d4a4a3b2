// The audit log's hash chain: each entry's hash covers the previous entry's hash and the
// entry's own canonical text, so changing, removing or reordering any stored entry breaks
// every hash after it. The first entry chains to kGenesisHash.
//
//   std::string h = crypto::chain_hash(previous_hash, canonical_entry_text);
#pragma once

#include <string>
#include <string_view>

namespace escudo::crypto {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 over (previous_hash, "\n", canonical_entry), as 64 hex digits. Thread-safe.
std::string chain_hash(std::string_view previous_hash, std::string_view canonical_entry);

}  // namespace escudo::crypto

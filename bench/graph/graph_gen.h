// Heavy-tailed random graphs for the benchmarks: a preferential-attachment tree (so every node
// has a link and the graph is connected), then links drawn Chung–Lu style, each end chosen
// with probability proportional to a power-law weight, until the wanted number of distinct
// links. Degrees then follow a power law with exponent about 2.5, as call and transfer
// networks do. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace escudo::bench {

struct GeneratedGraph {
  std::uint32_t nodes = 0;
  std::vector<std::uint32_t> source, target;  // distinct undirected pairs, no self-loops
};

GeneratedGraph generate_heavy_tailed(std::uint32_t nodes, std::uint64_t links, std::uint64_t seed);

// Node names as written in the CSV: "p" followed by a scrambled number, so the file order says
// nothing about the structure.
std::string node_name(std::uint32_t node);

}  // namespace escudo::bench

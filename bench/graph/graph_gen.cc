#include "graph_gen.h"

#include <algorithm>
#include <cmath>

#include <iterator>
#include <random>

namespace escudo::bench {

GeneratedGraph generate_heavy_tailed(std::uint32_t nodes, std::uint64_t links, std::uint64_t seed) {
  // std::mt19937_64's output is specified bit for bit, unlike the standard distributions, so
  // the uniform draws are made here from its raw output.
  std::mt19937_64 engine(seed);
  auto uniform = [&] { return static_cast<double>(engine() >> 11) * 0x1.0p-53; };
  auto shuffle = [&](std::vector<std::uint64_t>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[engine() % i]);
  };
  GeneratedGraph g;
  g.nodes = nodes;
  // Power-law weights w_i = (i + 10)^(-1/(γ-1)), γ = 2.5; cumulative for sampling by bisection.
  std::vector<double> cumulative(nodes);
  double total = 0;
  for (std::uint32_t i = 0; i < nodes; ++i) {
    total += std::pow(static_cast<double>(i) + 10.0, -1.0 / 1.5);
    cumulative[i] = total;
  }
  auto draw = [&]() {
    double x = uniform() * total;
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(it - cumulative.begin(), nodes - 1));
  };
  auto key = [](std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | b;
  };
  // The tree: node i joins an earlier node drawn by weight (redrawn while not earlier).
  std::vector<std::uint64_t> tree;
  tree.reserve(nodes);
  for (std::uint32_t i = 1; i < nodes; ++i) {
    std::uint32_t j = draw();
    while (j >= i) j = draw();
    tree.push_back(key(i, j));
  }
  std::sort(tree.begin(), tree.end());
  const std::uint64_t wanted = links > tree.size() ? links - tree.size() : 0;
  std::vector<std::uint64_t> extra;
  while (true) {
    while (extra.size() < wanted + wanted / 16 + 16) {
      std::uint32_t a = draw(), b = draw();
      if (a != b) extra.push_back(key(a, b));
    }
    std::sort(extra.begin(), extra.end());
    extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
    std::vector<std::uint64_t> fresh;
    std::set_difference(extra.begin(), extra.end(), tree.begin(), tree.end(), std::back_inserter(fresh));
    extra.swap(fresh);
    if (extra.size() >= wanted) break;
  }
  shuffle(extra);
  extra.resize(wanted);
  std::vector<std::uint64_t> pairs = std::move(tree);
  pairs.insert(pairs.end(), extra.begin(), extra.end());
  shuffle(pairs);
  g.source.reserve(links);
  g.target.reserve(links);
  for (std::uint64_t p : pairs) {
    g.source.push_back(static_cast<std::uint32_t>(p >> 32));
    g.target.push_back(static_cast<std::uint32_t>(p));
  }
  return g;
}

std::string node_name(std::uint32_t node) {
  // An invertible scramble of 32 bits.
  std::uint32_t x = node * 2654435761u;
  x ^= x >> 15;
  return "p" + std::to_string(x);
}

}  // namespace escudo::bench

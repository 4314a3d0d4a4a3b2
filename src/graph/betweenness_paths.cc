// Betweenness estimated from sampled shortest paths (Riondato & Kornaropoulos 2016): draw an
// ordered pair (s, t) of distinct nodes, find every shortest s–t path with a balanced
// bidirectional search, pick one of them uniformly and credit its inner nodes. The share of
// samples a node is inside estimates its betweenness without bias.
//
// Why this instead of sampled sources on large graphs: one source costs a search over the whole
// graph (every arc, twice), while a pair costs two small searches that meet in the middle; on a
// heavy-tailed graph each side reaches the hubs in a step or two and stops there. The estimate's
// error shrinks with the number of pairs as 1/√k for every node at once, and the pairs are
// independent, where the pairs of one source all share it.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "base/random.h"
#include "graph/internal/parallel.h"
#include "graph/internal/sampled_paths.h"

namespace escudo::graph::internal {
namespace {

constexpr std::int32_t kUnseen = -1;

// One side of the bidirectional search: its distances and path counts from its root, the nodes
// it touched (to reset them) and its current frontier.
struct Side {
  explicit Side(NodeIndex n) : dist(n, kUnseen), sigma(n, 0.0) {}
  std::vector<std::int32_t> dist;
  std::vector<double> sigma;
  std::vector<NodeIndex> touched;
  std::vector<NodeIndex> frontier, next;
  std::uint64_t frontier_arcs = 0;  // arcs leaving the frontier: the cost of expanding it
  std::int32_t depth = 0;

  void start(NodeIndex root, std::uint64_t arcs) {
    dist[root] = 0;
    sigma[root] = 1.0;
    touched.assign(1, root);
    frontier.assign(1, root);
    frontier_arcs = arcs;
    depth = 0;
  }
  void reset() {
    for (NodeIndex v : touched) {
      dist[v] = kUnseen;
      sigma[v] = 0.0;
    }
  }
};

class PairSampler {
 public:
  explicit PairSampler(const Graph& g) : g_(g), s_(g.node_count()), t_(g.node_count()) {}

  // Samples one shortest path from s to t (s ≠ t) and adds 1 to hits[] for each inner node.
  // Does nothing when t cannot be reached from s.
  void sample(NodeIndex s, NodeIndex t, Xoshiro256& rng, std::vector<std::uint32_t>& hits) {
    s_.start(s, g_.out_degree(s));
    t_.start(t, g_.in_degree(t));
    meet_.clear();
    bool forward = true;
    while (!s_.frontier.empty() && !t_.frontier.empty()) {
      forward = s_.frontier_arcs <= t_.frontier_arcs;
      if (forward) {
        expand</*kForward=*/true>(s_, t_);
      } else {
        expand</*kForward=*/false>(t_, s_);
      }
      if (!meet_.empty()) break;
    }
    if (!meet_.empty()) walk(forward ? s_ : t_, forward ? t_ : s_, forward, rng, hits);
    s_.reset();
    t_.reset();
  }

 private:
  // Grows `side` by one whole level (along out-arcs from s, along in-arcs towards t); the newly
  // reached nodes that `other` has seen are where the shortest paths meet.
  template <bool kForward>
  void expand(Side& side, const Side& other) {
    const std::int32_t level = side.depth + 1;
    side.next.clear();
    std::uint64_t arcs = 0;
    for (NodeIndex v : side.frontier) {
      const double sv = side.sigma[v];
      for (NodeIndex w : kForward ? g_.out_neighbors(v) : g_.in_neighbors(v)) {
        const std::int32_t dw = side.dist[w];
        if (dw == kUnseen) {
          side.dist[w] = level;
          side.sigma[w] = sv;
          side.touched.push_back(w);
          side.next.push_back(w);
          arcs += kForward ? g_.out_degree(w) : g_.in_degree(w);
          if (other.dist[w] != kUnseen) meet_.push_back(w);
        } else if (dw == level) {
          side.sigma[w] += sv;
        }
      }
    }
    side.frontier.swap(side.next);
    side.frontier_arcs = arcs;
    side.depth = level;
  }

  // Picks a meeting node in proportion to the paths through it, then walks back to each root,
  // choosing each predecessor in proportion to its path count: a uniform shortest path.
  void walk(const Side& grown, const Side& other, bool grown_is_source, Xoshiro256& rng,
            std::vector<std::uint32_t>& hits) {
    double total = 0;
    for (NodeIndex x : meet_) total += grown.sigma[x] * other.sigma[x];
    double r = rng.unit() * total;
    NodeIndex x = meet_.back();
    for (NodeIndex m : meet_) {
      r -= grown.sigma[m] * other.sigma[m];
      if (r < 0) {
        x = m;
        break;
      }
    }
    if (grown.dist[x] != 0 && other.dist[x] != 0) ++hits[x];
    // The source side steps back along in-arcs, the target side along out-arcs.
    walk_back(grown, x, /*along_in=*/grown_is_source, rng, hits);
    walk_back(other, x, /*along_in=*/!grown_is_source, rng, hits);
  }

  void walk_back(const Side& side, NodeIndex from, bool along_in, Xoshiro256& rng,
                 std::vector<std::uint32_t>& hits) {
    NodeIndex u = from;
    while (side.dist[u] > 1) {
      const std::int32_t want = side.dist[u] - 1;
      double r = rng.unit() * side.sigma[u];
      NodeIndex pick = u;
      for (NodeIndex p : along_in ? g_.in_neighbors(u) : g_.out_neighbors(u)) {
        if (side.dist[p] != want) continue;
        pick = p;
        r -= side.sigma[p];
        if (r < 0) break;
      }
      u = pick;
      ++hits[u];
    }
  }

  const Graph& g_;
  Side s_, t_;
  std::vector<NodeIndex> meet_;
};

}  // namespace

std::vector<double> sampled_path_shares(const Graph& g, std::uint64_t samples, std::uint64_t seed,
                                        int threads) {
  const NodeIndex n = g.node_count();
  std::vector<double> share(n, 0.0);
  if (n < 3 || samples == 0) return share;
  // Sample i draws its pair from its own generator, so the counts do not depend on how the
  // samples are dealt to threads.
  std::vector<std::vector<std::uint32_t>> hits(
      static_cast<std::size_t>(thread_count(threads, static_cast<std::size_t>(samples))));
  const auto nthreads = static_cast<std::uint64_t>(hits.size());
  run_on_threads(static_cast<int>(nthreads), [&](int t) {
    auto& mine = hits[static_cast<std::size_t>(t)];
    mine.assign(n, 0);
    PairSampler sampler(g);
    for (std::uint64_t i = static_cast<std::uint64_t>(t); i < samples; i += nthreads) {
      std::uint64_t state = seed ^ (i * 0xd1342543de82ef95ULL);
      Xoshiro256 rng(splitmix64(state));
      const auto s = static_cast<NodeIndex>(rng.below(n));
      auto other = static_cast<NodeIndex>(rng.below(n - 1));
      if (other >= s) ++other;
      sampler.sample(s, other, rng, mine);
    }
  });
  const double per_sample = 1.0 / static_cast<double>(samples);
  for (const auto& mine : hits) {
    for (NodeIndex v = 0; v < n; ++v) share[v] += static_cast<double>(mine[v]);
  }
  for (double& x : share) x *= per_sample;
  return share;
}

}  // namespace escudo::graph::internal

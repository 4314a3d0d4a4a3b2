// Leiden on a compact weighted undirected graph of its own (a Level), which aggregation
// shrinks level after level. The refinement step merges each node greedily into the
// well-connected part of its community that gains the most (the paper draws among gaining
// parts at random; greedy keeps the guarantee that every community is connected and is
// reproducible from the visiting order alone).
#include "graph/communities.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "base/random.h"

namespace escudo::graph {
namespace {

struct Level {
  std::uint32_t n = 0;
  std::vector<std::uint64_t> offset;
  std::vector<std::uint32_t> nbr;  // never the node itself
  std::vector<double> w;
  std::vector<double> self;  // weight of the edges folded into this node (each once)
  std::vector<double> k;     // strength: Σ w to others + 2 · self
};

Level base_level(const Graph& g, bool weighted) {
  Graph undirected_copy;
  const Graph* u = &g;
  if (g.directed()) {
    EdgeTable t;
    t.weight.reserve(g.edge_count());
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
      t.source.push_back(g.edge_source(e));
      t.target.push_back(g.edge_target(e));
      t.weight.push_back(weighted ? g.edge_weight(e) : 1.0);
    }
    undirected_copy = Graph::build(g.node_count(), t, {.directed = false}).value();
    u = &undirected_copy;
    weighted = true;  // the summed weights of the two directions
  }
  Level L;
  L.n = u->node_count();
  L.offset.assign(L.n + 1, 0);
  for (NodeIndex v = 0; v < L.n; ++v) L.offset[v + 1] = L.offset[v] + u->out_degree(v);
  L.nbr.reserve(L.offset[L.n]);
  L.w.reserve(L.offset[L.n]);
  L.self.assign(L.n, 0.0);
  L.k.assign(L.n, 0.0);
  for (NodeIndex v = 0; v < L.n; ++v) {
    auto nb = u->out_neighbors(v);
    auto ws = u->out_weights(v);
    for (std::size_t i = 0; i < nb.size(); ++i) {
      double w = weighted ? ws[i] : 1.0;
      L.nbr.push_back(nb[i]);
      L.w.push_back(w);
      L.k[v] += w;
    }
  }
  return L;
}

// Scratch for summing a node's edge weights by community: a dense array and the list of
// entries touched, so clearing costs only what was used.
class Accumulator {
 public:
  explicit Accumulator(std::size_t n) : weight_(n, 0.0), seen_(n, 0) {}
  void add(std::uint32_t c, double w) {
    if (seen_[c] == 0) {
      seen_[c] = 1;
      touched_.push_back(c);
    }
    weight_[c] += w;
  }
  double weight(std::uint32_t c) const { return weight_[c]; }
  const std::vector<std::uint32_t>& touched() const { return touched_; }
  void clear() {
    for (auto c : touched_) {
      weight_[c] = 0.0;
      seen_[c] = 0;
    }
    touched_.clear();
  }

 private:
  std::vector<double> weight_;
  std::vector<std::uint8_t> seen_;
  std::vector<std::uint32_t> touched_;
};

std::vector<std::uint32_t> random_order(std::uint32_t n, Xoshiro256& rng) {
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  rng.shuffle(order);
  return order;
}

// Leiden's fast local moving: a queue of nodes, each moved to the neighbouring community (or
// an empty one) that gains the most; the neighbours of a moved node outside its new community
// are queued again. `comm` holds ids < n. Returns whether any node moved.
bool move_nodes(const Level& L, std::vector<std::uint32_t>& comm, double gamma, double two_m,
                Xoshiro256& rng) {
  const std::uint32_t n = L.n;
  std::vector<double> total(n, 0.0);
  std::vector<std::uint32_t> size(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    total[comm[v]] += L.k[v];
    ++size[comm[v]];
  }
  std::vector<std::uint32_t> empty;
  for (std::uint32_t c = n; c-- > 0;) {
    if (size[c] == 0) empty.push_back(c);
  }
  std::vector<std::uint32_t> queue = random_order(n, rng);
  std::vector<std::uint8_t> queued(n, 1);
  std::size_t head = 0;
  Accumulator acc(n);
  bool changed = false;
  // The queue is a ring over `queue`: at most n nodes are ever waiting.
  std::size_t waiting = n;
  while (waiting > 0) {
    const std::uint32_t v = queue[head];
    head = (head + 1) % n;
    --waiting;
    queued[v] = 0;
    const std::uint32_t from = comm[v];
    for (std::uint64_t i = L.offset[v]; i < L.offset[v + 1]; ++i) acc.add(comm[L.nbr[i]], L.w[i]);
    total[from] -= L.k[v];
    --size[from];
    const double kv = L.k[v] * gamma / two_m;
    std::uint32_t best = from;
    double best_gain = acc.weight(from) - kv * total[from];
    for (std::uint32_t c : acc.touched()) {
      double gain = acc.weight(c) - kv * total[c];
      if (gain > best_gain) {
        best_gain = gain;
        best = c;
      }
    }
    if (best_gain < 0 && size[from] > 0 && !empty.empty()) {
      best = empty.back();  // alone is better than anywhere else
    }
    if (size[from] == 0 && best != from) empty.push_back(from);
    if (best != from && !empty.empty() && empty.back() == best) empty.pop_back();
    total[best] += L.k[v];
    ++size[best];
    comm[v] = best;
    acc.clear();
    if (best != from) {
      changed = true;
      for (std::uint64_t i = L.offset[v]; i < L.offset[v + 1]; ++i) {
        std::uint32_t u = L.nbr[i];
        if (queued[u] == 0 && comm[u] != best) {
          queued[u] = 1;
          queue[(head + waiting) % n] = u;
          ++waiting;
        }
      }
    }
  }
  return changed;
}

// Renumbers labels to 0 … count-1 by first appearance; returns count.
std::uint32_t renumber(std::vector<std::uint32_t>& label) {
  std::vector<std::uint32_t> map(label.size(), std::numeric_limits<std::uint32_t>::max());
  std::uint32_t next = 0;
  for (auto& l : label) {
    if (map[l] == std::numeric_limits<std::uint32_t>::max()) map[l] = next++;
    l = map[l];
  }
  return next;
}

// Splits each community of `comm` (ids < count) into well-connected parts. Returns the part
// of each node, numbered 0 … parts-1.
std::vector<std::uint32_t> refine(const Level& L, const std::vector<std::uint32_t>& comm,
                                  std::uint32_t count, double gamma, double two_m,
                                  Xoshiro256& rng) {
  const std::uint32_t n = L.n;
  std::vector<double> comm_total(count, 0.0);
  for (std::uint32_t v = 0; v < n; ++v) comm_total[comm[v]] += L.k[v];
  std::vector<std::uint32_t> part(n);
  std::iota(part.begin(), part.end(), 0u);
  std::vector<double> part_total(L.k);
  std::vector<std::uint32_t> part_size(n, 1);
  // Weight from each part to the rest of its community.
  std::vector<double> part_out(n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v) {
    for (std::uint64_t i = L.offset[v]; i < L.offset[v + 1]; ++i) {
      if (comm[L.nbr[i]] == comm[v]) part_out[v] += L.w[i];
    }
  }
  const double scale = gamma / two_m;
  Accumulator acc(n);
  for (std::uint32_t v : random_order(n, rng)) {
    if (part_size[part[v]] != 1) continue;  // only singletons move
    const std::uint32_t c = comm[v];
    const double kv = L.k[v];
    if (part_out[part[v]] < scale * kv * (comm_total[c] - kv)) continue;  // not well connected
    for (std::uint64_t i = L.offset[v]; i < L.offset[v + 1]; ++i) {
      std::uint32_t u = L.nbr[i];
      if (comm[u] == c && part[u] != part[v]) acc.add(part[u], L.w[i]);
    }
    std::uint32_t best = part[v];
    double best_gain = 0;
    for (std::uint32_t s : acc.touched()) {
      if (part_out[s] < scale * part_total[s] * (comm_total[c] - part_total[s])) continue;
      double gain = acc.weight(s) - scale * kv * part_total[s];
      if (gain > best_gain) {
        best_gain = gain;
        best = s;
      }
    }
    if (best != part[v]) {
      const std::uint32_t old = part[v];
      part_out[best] += part_out[old] - 2.0 * acc.weight(best);
      part_total[best] += kv;
      ++part_size[best];
      part_size[old] = 0;
      part[v] = best;
    }
    acc.clear();
  }
  renumber(part);
  return part;
}

// The graph whose nodes are the parts (ids < parts).
Level aggregate(const Level& L, const std::vector<std::uint32_t>& part, std::uint32_t parts) {
  Level A;
  A.n = parts;
  A.offset.assign(parts + 1, 0);
  A.self.assign(parts, 0.0);
  A.k.assign(parts, 0.0);
  std::vector<std::uint32_t> start(parts + 1, 0);
  for (std::uint32_t v = 0; v < L.n; ++v) ++start[part[v] + 1];
  for (std::uint32_t p = 0; p < parts; ++p) start[p + 1] += start[p];
  std::vector<std::uint32_t> members(L.n);
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::uint32_t v = 0; v < L.n; ++v) members[fill[part[v]]++] = v;
  }
  Accumulator acc(parts);
  for (std::uint32_t p = 0; p < parts; ++p) {
    for (std::uint32_t j = start[p]; j < start[p + 1]; ++j) {
      const std::uint32_t v = members[j];
      A.self[p] += L.self[v];
      A.k[p] += L.k[v];
      for (std::uint64_t i = L.offset[v]; i < L.offset[v + 1]; ++i) {
        std::uint32_t q = part[L.nbr[i]];
        if (q == p) {
          A.self[p] += 0.5 * L.w[i];  // seen from both ends
        } else {
          acc.add(q, L.w[i]);
        }
      }
    }
    std::vector<std::uint32_t> nb(acc.touched());
    std::sort(nb.begin(), nb.end());
    for (std::uint32_t q : nb) {
      A.nbr.push_back(q);
      A.w.push_back(acc.weight(q));
    }
    A.offset[p + 1] = A.nbr.size();
    acc.clear();
  }
  return A;
}

// One run of Leiden from `membership` (one entry per node of L). Returns the new membership.
std::vector<std::uint32_t> leiden_round(const Level& base, std::vector<std::uint32_t> membership,
                                        double gamma, double two_m, Xoshiro256& rng) {
  Level level = base;
  std::vector<std::uint32_t> node_map(base.n);  // original node → node of `level`
  std::iota(node_map.begin(), node_map.end(), 0u);
  std::vector<std::uint32_t> comm = std::move(membership);
  for (int depth = 0; depth < 64; ++depth) {
    move_nodes(level, comm, gamma, two_m, rng);
    const std::uint32_t count = renumber(comm);
    if (count == level.n) break;  // every community is one node: nothing left to aggregate
    std::vector<std::uint32_t> part = refine(level, comm, count, gamma, two_m, rng);
    std::uint32_t parts = *std::max_element(part.begin(), part.end()) + 1;
    if (parts == level.n) {
      part = comm;  // nothing merged (no node well connected): aggregate the communities
      parts = count;
    }
    std::vector<std::uint32_t> next_comm(parts);
    for (std::uint32_t v = 0; v < level.n; ++v) next_comm[part[v]] = comm[v];
    for (auto& m : node_map) m = part[m];
    level = aggregate(level, part, parts);
    comm = std::move(next_comm);
  }
  std::vector<std::uint32_t> out(base.n);
  for (std::uint32_t v = 0; v < base.n; ++v) out[v] = comm[node_map[v]];
  renumber(out);
  return out;
}

}  // namespace

Result<Partition> leiden(const Graph& g, const LeidenOptions& options) {
  if (!(options.resolution > 0) || !std::isfinite(options.resolution)) {
    return errorf(ErrorCode::kInvalidArgument, "the resolution must be a number > 0, got {}",
                  options.resolution);
  }
  Level base = base_level(g, options.weighted);
  double two_m = std::accumulate(base.k.begin(), base.k.end(), 0.0);
  Partition p;
  p.community.resize(base.n);
  std::iota(p.community.begin(), p.community.end(), 0u);
  if (two_m > 0) {
    Xoshiro256 rng(options.seed);
    for (int round = 0; round < std::max(options.rounds, 1); ++round) {
      auto next = leiden_round(base, p.community, options.resolution, two_m, rng);
      bool same = next == p.community;
      p.community = std::move(next);
      if (same) break;
    }
  }
  p.count = renumber(p.community);
  ESCUDO_ASSIGN_OR_RETURN(p.modularity,
                          modularity(g, p.community, options.resolution, options.weighted));
  return p;
}

Result<double> modularity(const Graph& g, std::span<const std::uint32_t> community,
                          double resolution, bool weighted) {
  if (community.size() != g.node_count()) {
    return errorf(ErrorCode::kInvalidArgument, "a partition needs a community for each of the {} nodes, got {}",
                  g.node_count(), community.size());
  }
  std::uint32_t count = 0;
  for (auto c : community) count = std::max(count, c + 1);
  std::vector<double> total(count, 0.0);
  double inside = 0, two_m = 0;
  for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
    double w = weighted ? g.edge_weight(e) : 1.0;
    NodeIndex u = g.edge_source(e), v = g.edge_target(e);
    total[community[u]] += w;
    total[community[v]] += w;
    two_m += 2 * w;
    if (community[u] == community[v]) inside += 2 * w;
  }
  if (two_m == 0) return 0.0;
  double expected = 0;
  for (double t : total) expected += (t / two_m) * (t / two_m);
  return inside / two_m - resolution * expected;
}

Result<PartitionAgreement> compare_partitions(std::span<const std::uint32_t> a,
                                              std::span<const std::uint32_t> b) {
  if (a.size() != b.size()) {
    return errorf(ErrorCode::kInvalidArgument, "the partitions label {} and {} items", a.size(), b.size());
  }
  const double n = static_cast<double>(a.size());
  PartitionAgreement out;
  if (a.empty()) return out;
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> joint;
  std::map<std::uint32_t, double> ca, cb;
  for (std::size_t i = 0; i < a.size(); ++i) {
    joint[{a[i], b[i]}] += 1;
    ca[a[i]] += 1;
    cb[b[i]] += 1;
  }
  auto entropy = [&](const std::map<std::uint32_t, double>& c) {
    double h = 0;
    for (auto& [_, x] : c) h -= (x / n) * std::log(x / n);
    return h;
  };
  double mi = 0;
  for (auto& [key, x] : joint) mi += (x / n) * std::log(x * n / (ca[key.first] * cb[key.second]));
  double ha = entropy(ca), hb = entropy(cb);
  out.nmi = ha + hb > 0 ? 2 * mi / (ha + hb) : 1.0;
  auto pairs = [](double x) { return x * (x - 1) / 2; };
  double sum_joint = 0, sum_a = 0, sum_b = 0;
  for (auto& [_, x] : joint) sum_joint += pairs(x);
  for (auto& [_, x] : ca) sum_a += pairs(x);
  for (auto& [_, x] : cb) sum_b += pairs(x);
  double expected = sum_a * sum_b / pairs(n);
  double max_index = (sum_a + sum_b) / 2;
  out.ari = max_index - expected != 0 ? (sum_joint - expected) / (max_index - expected) : 1.0;
  return out;
}

}  // namespace escudo::graph

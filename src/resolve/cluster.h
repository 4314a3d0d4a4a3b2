// Clustering that does not chain through one weak link. Links are taken strongest first; two
// groups merge only when the evidence between the whole groups holds: the mean match
// probability over every cross pair (sampled past `max_linkage_pairs`) reaches
// `linkage_threshold`, and no cross pair is a reviewed "different". So A~B and B~C do not put A
// with C when A and C disagree, and one boat phone cannot tie its passengers together.
//
//   LinkageClusterer c(n, {.linkage_threshold = 0.5}, scorer, &constraints);
//   for (const Link& l : links_strongest_first) c.try_link(l.a, l.b);
//   c.group_of(a) == c.group_of(b)
//
// Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <unordered_set>
#include <vector>

namespace escudo::resolve {

struct Link {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  float probability = 0;
};

// Sorts strongest first; ties by record indices, so the result does not depend on the order in
// which links were found.
void sort_links(std::vector<Link>& links);

// Reviewed pairs: "same" pairs are merged before any link, "different" pairs never end up
// together.
class Constraints {
 public:
  void add_cannot_link(std::uint32_t a, std::uint32_t b) { cannot_.insert(key(a, b)); }
  bool cannot_link(std::uint32_t a, std::uint32_t b) const {
    return !cannot_.empty() && cannot_.contains(key(a, b));
  }
  bool empty() const { return cannot_.empty(); }
  void add_must_link(std::uint32_t a, std::uint32_t b) { must_.push_back({a, b}); }
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& must_links() const { return must_; }

 private:
  static std::uint64_t key(std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    return (std::uint64_t{a} << 32) | b;
  }
  std::unordered_set<std::uint64_t> cannot_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> must_;
};

struct ClusterOptions {
  double linkage_threshold = 0.5;
  int max_linkage_pairs = 400;
};

// The match probability of two records, or a negative number when the two share no field that
// says anything (a tip with only an alias against a registration without one): such a pair
// is neither for nor against.
using PairScorer = std::function<double(std::uint32_t, std::uint32_t)>;

// Mean probability over the cross pairs of two groups that carry evidence (an even sample past
// `max_pairs`); 1 when none does.
double mean_linkage(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                    const PairScorer& scorer, int max_pairs);

class LinkageClusterer {
 public:
  // Records 0..n-1, each alone at first. `constraints` may be null; it must outlive this.
  LinkageClusterer(std::uint32_t n, ClusterOptions options, PairScorer scorer,
                   const Constraints* constraints);

  // Merges the groups of the reviewed "same" pairs, whatever the evidence.
  void apply_must_links();
  // Merges the groups of a and b when the group-level evidence holds; returns whether they are
  // together afterwards.
  bool try_link(std::uint32_t a, std::uint32_t b);
  // Merges unconditionally unless a "different" review forbids it.
  bool force_link(std::uint32_t a, std::uint32_t b);

  std::uint32_t group_of(std::uint32_t record);
  // Members of the group whose representative is `group` (group_of's result).
  const std::vector<std::uint32_t>& members(std::uint32_t group) const;
  std::uint32_t size() const { return static_cast<std::uint32_t>(parent_.size()); }

 private:
  bool allowed(std::uint32_t ra, std::uint32_t rb) const;
  void unite(std::uint32_t ra, std::uint32_t rb);

  ClusterOptions options_;
  PairScorer scorer_;
  const Constraints* constraints_;
  std::vector<std::uint32_t> parent_;
  // Members per representative; empty for a record alone (single_ holds it then).
  std::vector<std::vector<std::uint32_t>> members_;
  mutable std::vector<std::uint32_t> single_;
};

}  // namespace escudo::resolve

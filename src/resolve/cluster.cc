#include "resolve/cluster.h"

#include <algorithm>

namespace escudo::resolve {

void sort_links(std::vector<Link>& links) {
  std::sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
    if (x.probability != y.probability) return x.probability > y.probability;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  });
}

double mean_linkage(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                    const PairScorer& scorer, int max_pairs) {
  const std::size_t total = a.size() * b.size();
  if (total == 0) return 0;
  const std::size_t step =
      total <= static_cast<std::size_t>(max_pairs) ? 1 : total / static_cast<std::size_t>(max_pairs) + 1;
  double sum = 0;
  std::size_t count = 0;
  for (std::size_t k = 0; k < total; k += step) {
    double p = scorer(a[k / b.size()], b[k % b.size()]);
    if (p < 0) continue;
    sum += p;
    ++count;
  }
  return count == 0 ? 1.0 : sum / static_cast<double>(count);
}

LinkageClusterer::LinkageClusterer(std::uint32_t n, ClusterOptions options, PairScorer scorer,
                                   const Constraints* constraints)
    : options_(options), scorer_(std::move(scorer)), constraints_(constraints), parent_(n),
      members_(n), single_(1) {
  for (std::uint32_t i = 0; i < n; ++i) parent_[i] = i;
}

std::uint32_t LinkageClusterer::group_of(std::uint32_t x) {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];
    x = parent_[x];
  }
  return x;
}

const std::vector<std::uint32_t>& LinkageClusterer::members(std::uint32_t group) const {
  if (members_[group].empty()) {
    single_[0] = group;
    return single_;
  }
  return members_[group];
}

bool LinkageClusterer::allowed(std::uint32_t ra, std::uint32_t rb) const {
  if (constraints_ == nullptr || constraints_->empty()) return true;
  std::vector<std::uint32_t> a = members(ra);
  const std::vector<std::uint32_t>& b = members(rb);
  for (std::uint32_t x : a) {
    for (std::uint32_t y : b) {
      if (constraints_->cannot_link(x, y)) return false;
    }
  }
  return true;
}

void LinkageClusterer::unite(std::uint32_t ra, std::uint32_t rb) {
  std::vector<std::uint32_t> a = members(ra);
  std::vector<std::uint32_t> b = members(rb);
  if (a.size() < b.size()) {
    std::swap(ra, rb);
    std::swap(a, b);
  }
  parent_[rb] = ra;
  a.insert(a.end(), b.begin(), b.end());
  members_[ra] = std::move(a);
  std::vector<std::uint32_t>().swap(members_[rb]);
}

void LinkageClusterer::apply_must_links() {
  if (constraints_ == nullptr) return;
  for (auto [a, b] : constraints_->must_links()) force_link(a, b);
}

bool LinkageClusterer::force_link(std::uint32_t a, std::uint32_t b) {
  std::uint32_t ra = group_of(a), rb = group_of(b);
  if (ra == rb) return true;
  if (!allowed(ra, rb)) return false;
  unite(ra, rb);
  return true;
}

bool LinkageClusterer::try_link(std::uint32_t a, std::uint32_t b) {
  std::uint32_t ra = group_of(a), rb = group_of(b);
  if (ra == rb) return true;
  if (!allowed(ra, rb)) return false;
  const auto& ma = members(ra);
  std::vector<std::uint32_t> copy_a(ma.begin(), ma.end());
  if (copy_a.size() > 1 || members(rb).size() > 1) {
    double linkage = mean_linkage(copy_a, members(rb), scorer_, options_.max_linkage_pairs);
    if (linkage < options_.linkage_threshold) return false;
  }
  unite(ra, rb);
  return true;
}

}  // namespace escudo::resolve

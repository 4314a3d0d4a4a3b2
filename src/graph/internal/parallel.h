// Running a kernel on a few threads. The engine owns no pool: each call starts its threads and
// joins them before returning, so a caller never shares state with another call.
#pragma once

#include <algorithm>
#include <thread>
#include <vector>

namespace escudo::graph::internal {

// The number of threads to use: `requested` when positive, else the machine's cores; never
// more than `work_items` (at least 1).
inline int thread_count(int requested, std::size_t work_items) {
  int t = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  t = std::max(t, 1);
  if (work_items < static_cast<std::size_t>(t)) t = static_cast<int>(std::max<std::size_t>(work_items, 1));
  return t;
}

// Calls fn(thread_index) on `threads` threads (the calling thread is index 0) and waits.
template <typename Fn>
void run_on_threads(int threads, Fn&& fn) {
  if (threads <= 1) {
    fn(0);
    return;
  }
  std::vector<std::jthread> pool;
  pool.reserve(static_cast<std::size_t>(threads - 1));
  for (int t = 1; t < threads; ++t) pool.emplace_back([&fn, t] { fn(t); });
  fn(0);
}

}  // namespace escudo::graph::internal

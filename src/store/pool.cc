#include "store/pool.h"

namespace escudo::store {

Result<std::unique_ptr<DatabasePool>> DatabasePool::open_sqlite(const std::string& path,
                                                                std::size_t size,
                                                                DatabaseOptions options,
                                                                int checkpoint_interval_ms) {
  std::unique_ptr<DatabasePool> pool(new DatabasePool());
  if (!options.write_lock) options.write_lock = std::make_shared<std::mutex>();
  if (checkpoint_interval_ms > 0) {
    options.auto_checkpoint = false;
    ESCUDO_ASSIGN_OR_RETURN(pool->checkpointer_db_, store::open_sqlite(path, options));
    Database* db = pool->checkpointer_db_.get();
    pool->checkpointer_ = std::jthread([db, checkpoint_interval_ms](std::stop_token stop) {
      std::mutex m;
      std::condition_variable_any cv;
      std::unique_lock lock(m);
      while (!stop.stop_requested()) {
        // Wakes early only when a stop is requested.
        cv.wait_for(lock, stop, std::chrono::milliseconds(checkpoint_interval_ms),
                    [] { return false; });
        (void)db->checkpoint();  // a failure is retried on the next tick
      }
    });
  }
  for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
    ESCUDO_ASSIGN_OR_RETURN(auto db, store::open_sqlite(path, options));
    pool->free_.push_back(std::move(db));
  }
  return pool;
}

DatabasePool::~DatabasePool() {
  if (checkpointer_.joinable()) {
    checkpointer_.request_stop();
    checkpointer_.join();
  }
}

DatabasePool::Lease DatabasePool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !free_.empty(); });
  auto db = std::move(free_.back());
  free_.pop_back();
  return Lease(this, std::move(db));
}

void DatabasePool::give_back(std::unique_ptr<Database> db) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(db));
  }
  available_.notify_one();
}

}  // namespace escudo::store

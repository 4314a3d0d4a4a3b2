#include "store/pool.h"

namespace escudo::store {

Result<std::unique_ptr<DatabasePool>> DatabasePool::open_sqlite(const std::string& path,
                                                                std::size_t size,
                                                                DatabaseOptions options) {
  std::unique_ptr<DatabasePool> pool(new DatabasePool());
  if (!options.write_lock) options.write_lock = std::make_shared<std::mutex>();
  for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
    ESCUDO_ASSIGN_OR_RETURN(auto db, store::open_sqlite(path, options));
    pool->free_.push_back(std::move(db));
  }
  return pool;
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

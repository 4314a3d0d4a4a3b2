// A fixed set of connections shared by threads. Each thread takes one with acquire(), uses it
// alone, and gives it back when the Lease ends. Thread-safe.
//
//   auto lease = pool.acquire();
//   ESCUDO_TRY(UserRepo(*lease).set_language(id, Language::kEnglish));
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <string>
#include <vector>

#include "store/database.h"

namespace escudo::store {

class DatabasePool {
 public:
  class Lease {
   public:
    Lease(DatabasePool* pool, std::unique_ptr<Database> db) : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (db_) pool_->give_back(std::move(db_));
    }
    Database& operator*() { return *db_; }
    Database* operator->() { return db_.get(); }

   private:
    DatabasePool* pool_;
    std::unique_ptr<Database> db_;
  };

  // Opens `size` connections to the SQLite file at `path` (the first one migrates it), and a
  // background thread that checkpoints the write-ahead log every `checkpoint_interval_ms`
  // (0: leave it to the committing connections, as a short command-line job does).
  static Result<std::unique_ptr<DatabasePool>> open_sqlite(const std::string& path,
                                                           std::size_t size,
                                                           DatabaseOptions options = {},
                                                           int checkpoint_interval_ms = 0);
  ~DatabasePool();

  // Waits until a connection is free.
  Lease acquire();

 private:
  DatabasePool() = default;
  void give_back(std::unique_ptr<Database> db);

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Database>> free_;
  std::unique_ptr<Database> checkpointer_db_;
  std::jthread checkpointer_;
};

}  // namespace escudo::store

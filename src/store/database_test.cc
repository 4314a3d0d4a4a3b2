#include "store/database.h"

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "store/pool.h"
#include "testing/temp_dir.h"

#include <thread>

namespace escudo::store {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_sqlite(dir_.file("t.db"));
    ASSERT_TRUE(opened.has_value()) << opened.error().message();
    db_ = std::move(*opened);
    ASSERT_TRUE(db_->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER)")
                    .has_value());
  }

  std::int64_t count() { return db_->query_int("SELECT COUNT(*) FROM t").value().value(); }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseTest, OpensWithWalForeignKeysAndMigrations) {
  std::string mode;
  ASSERT_TRUE(db_->query("PRAGMA journal_mode", {}, [&](const Row& r) {
                   mode = r.get_text(0);
                   return ok_status();
                 }).has_value());
  EXPECT_EQ(mode, "wal");
  EXPECT_EQ(db_->query_int("PRAGMA foreign_keys").value().value(), 1);
  EXPECT_EQ(schema_version(*db_).value(), all_migrations().back().version);
  EXPECT_EQ(db_->backend(), "sqlite");
}

TEST_F(DatabaseTest, PlaceholdersBindByNumberInAnyOrder) {
  ASSERT_TRUE(db_->execute("INSERT INTO t (n, name) VALUES ($2, $1)", {"ana", std::int64_t{7}})
                  .has_value());
  EXPECT_EQ(db_->query_int("SELECT n FROM t WHERE name = $1", {"ana"}).value(), 7);
  auto wrong_count = db_->execute("INSERT INTO t (name) VALUES ($1)", {"a", "b"});
  ASSERT_FALSE(wrong_count.has_value());
  EXPECT_EQ(wrong_count.error().code(), ErrorCode::kInvalidArgument);
}

TEST_F(DatabaseTest, SqlMetacharactersAreData) {
  const std::string evil = "x'); DROP TABLE t; --";
  ASSERT_TRUE(db_->execute("INSERT INTO t (name) VALUES ($1)", {evil}).has_value());
  std::string back;
  ASSERT_TRUE(db_->query("SELECT name FROM t", {}, [&](const Row& r) {
                   back = r.get_text(0);
                   return ok_status();
                 }).has_value());
  EXPECT_EQ(back, evil);
  EXPECT_EQ(count(), 1);
}

TEST_F(DatabaseTest, ConstraintErrorsMapToCodes) {
  ASSERT_TRUE(db_->execute("INSERT INTO t (name) VALUES ($1)", {"a"}).has_value());
  auto dup = db_->execute("INSERT INTO t (name) VALUES ($1)", {"a"});
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code(), ErrorCode::kAlreadyExists);
  auto fk = db_->execute("INSERT INTO users (username, display_name, agency_id, password_hash, "
                         "created_at) VALUES ('x', 'x', 999, 'h', 0)");
  ASSERT_FALSE(fk.has_value());
  EXPECT_EQ(fk.error().code(), ErrorCode::kFailedPrecondition);
  auto syntax = db_->execute("SELEKT 1");
  ASSERT_FALSE(syntax.has_value());
  EXPECT_EQ(syntax.error().code(), ErrorCode::kInvalidArgument);
}

TEST_F(DatabaseTest, TransactionRollsBackUnlessCommitted) {
  {
    auto tx = Transaction::begin(*db_);
    ASSERT_TRUE(tx.has_value());
    ASSERT_TRUE(db_->execute("INSERT INTO t (name) VALUES ('gone')").has_value());
  }
  EXPECT_EQ(count(), 0);
  {
    auto tx = Transaction::begin(*db_);
    ASSERT_TRUE(db_->execute("INSERT INTO t (name) VALUES ('kept')").has_value());
    ASSERT_TRUE(tx->commit().has_value());
  }
  EXPECT_EQ(count(), 1);
}

TEST_F(DatabaseTest, CallbackErrorStopsQueryAndStatementIsReusable) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(db_->execute("INSERT INTO t (n) VALUES ($1)", {std::int64_t{i}}).has_value());
  }
  int seen = 0;
  auto stopped = db_->query("SELECT n FROM t ORDER BY n", {}, [&](const Row&) -> Status {
    if (++seen == 2) return make_error(ErrorCode::kFailedPrecondition, "stop");
    return ok_status();
  });
  EXPECT_FALSE(stopped.has_value());
  EXPECT_EQ(seen, 2);
  // Same SQL again, and nested inside itself.
  int outer = 0;
  int inner = 0;
  ASSERT_TRUE(db_->query("SELECT n FROM t ORDER BY n", {}, [&](const Row&) -> Status {
                   ++outer;
                   return db_->query("SELECT n FROM t ORDER BY n", {}, [&](const Row&) {
                     ++inner;
                     return ok_status();
                   });
                 }).has_value());
  EXPECT_EQ(outer, 5);
  EXPECT_EQ(inner, 25);
}

TEST(DatabaseOpenTest, NotADatabaseIsDataLoss) {
  testing::TempDir dir;
  testing::write_file(dir.file("junk.db"), std::string(4096, 'x'));
  auto opened = open_sqlite(dir.file("junk.db"));
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code(), ErrorCode::kDataLoss) << opened.error().message();
}

TEST(DatabaseOpenTest, NewerSchemaIsRefused) {
  testing::TempDir dir;
  {
    auto db = open_sqlite(dir.file("a.db")).value();
    ASSERT_TRUE(db->execute("INSERT INTO schema_migrations VALUES (999, 'future', 0)").has_value());
  }
  auto opened = open_sqlite(dir.file("a.db"));
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code(), ErrorCode::kFailedPrecondition);
}

TEST(DatabaseOpenTest, AMigrationNumberedInAGapStillRunsLater) {
  testing::TempDir dir;
  auto db = open_sqlite(dir.file("g.db")).value();
  int newest = schema_version(*db).value();
  std::vector<Migration> migrations(all_migrations().begin(), all_migrations().end());
  migrations.push_back({newest + 2, "later", "CREATE TABLE later (x INTEGER)"});
  ASSERT_TRUE(migrate(*db, migrations).has_value());
  // A migration that fills the gap below the newest applied one arrives afterwards.
  migrations.insert(migrations.end() - 1, Migration{newest + 1, "gap", "CREATE TABLE gap (x INTEGER)"});
  ASSERT_TRUE(migrate(*db, migrations).has_value());
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM sqlite_master WHERE name = 'gap'").value(), 1);
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM schema_migrations").value(),
            static_cast<std::int64_t>(migrations.size()));
  ASSERT_TRUE(migrate(*db, migrations).has_value());  // nothing runs twice
}

TEST(DatabaseOpenTest, MissingFolderIsUnavailable) {
  auto opened = open_sqlite("/nonexistent-folder/x/escudo.db");
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code(), ErrorCode::kUnavailable);
}

TEST(DatabaseOpenTest, FailedMigrationKeepsNothing) {
  testing::TempDir dir;
  auto db = open_sqlite(dir.file("m.db")).value();
  int before = schema_version(*db).value();
  std::vector<Migration> migrations(all_migrations().begin(), all_migrations().end());
  migrations.push_back({before + 1, "broken", "CREATE TABLE half (x INTEGER); SELEKT nonsense;"});
  auto result = migrate(*db, migrations);
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message().find("broken"), std::string::npos);
  EXPECT_EQ(schema_version(*db).value(), before);
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").value(), 0);
}

TEST(DatabasePoolTest, ConnectionsSeeEachOthersWrites) {
  testing::TempDir dir;
  auto pool = DatabasePool::open_sqlite(dir.file("p.db"), 3).value();
  {
    auto a = pool->acquire();
    ASSERT_TRUE(a->execute("CREATE TABLE k (v INTEGER)").has_value());
    ASSERT_TRUE(a->execute("INSERT INTO k VALUES (42)").has_value());
  }
  auto b = pool->acquire();
  auto c = pool->acquire();
  auto d = pool->acquire();
  EXPECT_EQ(d->query_int("SELECT v FROM k").value(), 42);
}

TEST(DatabasePoolTest, BackgroundCheckpointKeepsTheLogShort) {
  testing::TempDir dir;
  auto pool = DatabasePool::open_sqlite(dir.file("c.db"), 2, {}, 20).value();
  {
    auto db = pool->acquire();
    ASSERT_TRUE(db->execute("CREATE TABLE k (v TEXT)").has_value());
    for (int i = 0; i < 3000; ++i) {
      auto tx = Transaction::begin(*db).value();
      ASSERT_TRUE(db->execute("INSERT INTO k VALUES ($1)", {std::string(200, 'x')}).has_value());
      ASSERT_TRUE(tx.commit().has_value());
    }
  }
  // Connections no longer checkpoint on commit; the background thread copies the log back.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto db = pool->acquire();
  std::int64_t log_frames = -1;
  std::int64_t checkpointed = -1;
  ASSERT_TRUE(db->query("PRAGMA wal_checkpoint(PASSIVE)", {}, [&](const Row& r) {
                   log_frames = r.get_int(1);
                   checkpointed = r.get_int(2);
                   return ok_status();
                 }).has_value());
  EXPECT_EQ(log_frames, checkpointed);  // everything in the log is already in the database
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM k").value(), 3000);
}

}  // namespace
}  // namespace escudo::store

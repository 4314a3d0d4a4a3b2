// What every `escudo` command shares: how it fails, opens the database and reads a password.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "service/services.h"

namespace escudo::cli {

inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;

// Prints "escudo: <message>" to standard error; returns kFailed.
int fail(const Error& error);

// The services on the SQLite file `db`, or nullptr after saying why.
// `server`: a long-running process, which checkpoints the database log in the background.
// `tip_pow_difficulty`: the proof of work the public tip routes ask for (0: the default).
std::unique_ptr<service::Services> open_services(const std::string& db, bool server = false,
                                                 int tip_pow_difficulty = 0);

// One line from standard input when `from_stdin` (--password-stdin), or nullopt after saying
// why; `whose` names the password in that message ("the", "the tip handler's").
std::optional<std::string> read_password(bool from_stdin, std::string_view whose = "the");

}  // namespace escudo::cli

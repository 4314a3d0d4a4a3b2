// The escudo HTTP server: API routes, the web UI's static files and security headers on every
// response, on an asynchronous HTTP/1.1 engine (Boost.Beast inside api/http/) with keep-alive,
// header and body limits, and read, write and idle timeouts. Handlers marked `offload` run on a
// worker pool so Argon2id or an import never stalls the I/O threads.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto server, api::Server::create(services, {.port = 0}));
//   ESCUDO_ASSIGN_OR_RETURN(std::uint16_t port, server->start());
//   server->run();   // until stop() or, with handle_signals, Ctrl-C
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "service/services.h"

namespace escudo::api {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (start() says which)
  int io_threads = 2;
  int worker_threads = 2;
  std::string web_root;  // the built web UI (web/dist); empty serves a "not built" page
  std::size_t max_header_bytes = 16 << 10;
  int read_timeout_ms = 30'000;   // for a request's body once its header arrived
  int write_timeout_ms = 30'000;
  int idle_timeout_ms = 60'000;   // between requests on a kept-alive connection, and for a header
  bool secure_cookies = false;
  bool handle_signals = false;    // stop on SIGINT and SIGTERM
};

class Server {
 public:
  // The routes are built here; nothing listens until start().
  static Result<std::unique_ptr<Server>> create(service::Services& services,
                                                ServerOptions options);
  virtual ~Server() = default;

  // Binds and listens. Returns the port. kUnavailable when the address cannot be bound.
  virtual Result<std::uint16_t> start() = 0;
  // Serves until stop(). Blocks the calling thread.
  virtual void run() = 0;
  // Stops serving; run() returns soon after. Thread-safe.
  virtual void stop() = 0;
};

}  // namespace escudo::api

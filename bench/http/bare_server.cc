// bare_http_server: the ceiling escudo's HTTP layer is measured against.
//
// A Boost.Beast HTTP/1.1 server with nothing but the transport in it: every request, whatever its
// method or target, gets 200 and the body {"status":"ok"}. It has the same shape as escudo's
// server (C++20 coroutines, two I/O threads sharing one io_context, keep-alive), so the gap
// between the two is what escudo's routing, sessions and handlers cost. bench/http/run drives it.
//
//   $ bare_http_server --port 0
//   bare listening on http://127.0.0.1:41234
//
// It binds 127.0.0.1 only and runs until SIGINT or SIGTERM.

// clang-format off
#include <utility>  // Before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it.
// clang-format on

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::string_view kBody = R"({"status":"ok"})";
constexpr int kIoThreads = 2;

// Answers requests on one connection until the client closes it or asks to.
asio::awaitable<void> serve_connection(tcp::socket socket) {
  beast::flat_buffer buffer;
  beast::error_code ec;
  for (;;) {
    http::request<http::string_body> request;
    co_await http::async_read(socket, buffer, request,
                              asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;  // end_of_stream when the client closes; anything else ends it too.

    http::response<http::string_body> response{http::status::ok, request.version()};
    response.set(http::field::server, "bare");
    response.set(http::field::content_type, "application/json");
    response.keep_alive(request.keep_alive());
    response.body() = kBody;
    response.prepare_payload();
    co_await http::async_write(socket, response, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !response.keep_alive()) break;
  }
  socket.shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> accept_connections(tcp::acceptor& acceptor) {
  for (;;) {
    beast::error_code ec;
    tcp::socket socket =
        co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted) co_return;
    if (ec) continue;  // A connection reset before it was accepted; the next one may be fine.
    // One coroutine per connection never has two operations in flight, so it needs no strand
    // even though both I/O threads may resume it.
    asio::co_spawn(acceptor.get_executor(), serve_connection(std::move(socket)), asio::detached);
  }
}

// Returns the port from `--port N` or `--port=N`, or nothing when the arguments are wrong.
std::optional<std::uint16_t> parse_port(int argc, char** argv) {
  std::optional<std::string_view> value;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--port" && i + 1 < argc) {
      value = argv[++i];
    } else if (arg.starts_with("--port=")) {
      value = arg.substr(std::string_view("--port=").size());
    } else {
      return std::nullopt;
    }
  }
  if (!value) return std::nullopt;
  std::uint16_t port = 0;
  auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), port);
  if (error != std::errc() || end != value->data() + value->size()) return std::nullopt;
  return port;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<std::uint16_t> port = parse_port(argc, argv);
  if (!port) {
    std::cerr << "usage: bare_http_server --port N   (0 picks a free port)\n";
    return 2;
  }
  try {
    asio::io_context io{kIoThreads};
    tcp::acceptor acceptor{io, {asio::ip::make_address_v4("127.0.0.1"), *port}};
    asio::co_spawn(io, accept_connections(acceptor), asio::detached);

    asio::signal_set signals{io, SIGINT, SIGTERM};
    signals.async_wait([&io](const beast::error_code&, int) { io.stop(); });

    std::cout << "bare listening on http://127.0.0.1:" << acceptor.local_endpoint().port()
              << std::endl;

    std::vector<std::jthread> threads;
    for (int i = 1; i < kIoThreads; ++i) threads.emplace_back([&io] { io.run(); });
    io.run();
  } catch (const std::exception& e) {
    std::cerr << "bare_http_server: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

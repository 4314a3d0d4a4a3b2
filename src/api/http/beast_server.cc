// The Boost.Beast engine behind api::Server. Beast and Asio types never leave this file.
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <algorithm>
#include <filesystem>
#include <atomic>
#include <thread>
#include <vector>

#include "api/error_mapping.h"
#include "api/http_types.h"
#include "api/router.h"
#include "api/routes.h"
#include "api/server.h"
#include "api/static_files.h"
#include "base/log.h"

namespace escudo::api {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// Boost 1.74's Beast speaks boost::string_view.
std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }

constexpr std::size_t kLargestBodyBytes = 64u << 20;

constexpr std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
     "base-uri 'none'; form-action 'self'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"},
};

Response plain_error(int status, std::string_view message) {
  Response r = error_response(Error(ErrorCode::kInvalidArgument, std::string(message)));
  r.status = status;
  r.close = true;
  return r;
}

// The security headers as they go on the wire, built once.
const std::string& security_header_block() {
  static const std::string block = [] {
    std::string out;
    for (const auto& [name, value] : kSecurityHeaders) {
      out.append(name).append(": ").append(value).append("\r\n");
    }
    return out;
  }();
  return block;
}

// A header value never carries a line break onto the wire (no response splitting).
void append_header_value(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c != '\r' && c != '\n') out.push_back(c);
  }
}

// HTTP/1.1 response text for `r`. Written by hand rather than through Beast's field list, which
// allocates per header: the constant security headers are one pre-built block.
std::string serialize_response(const Response& r, unsigned version, bool keep_alive, bool head) {
  bool no_body = r.status == 204 || r.status == 304 || (r.status >= 100 && r.status < 200);
  std::string out;
  out.reserve(security_header_block().size() + r.body.size() + 256);
  out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(r.status);
  out += ' ';
  out += sv(http::obsolete_reason(static_cast<http::status>(r.status)));
  out += "\r\n";
  if (!r.content_type.empty()) {
    out += "Content-Type: ";
    append_header_value(out, r.content_type);
    out += "\r\n";
  }
  out += security_header_block();
  for (const auto& [name, value] : r.headers) {
    append_header_value(out, name);
    out += ": ";
    append_header_value(out, value);
    out += "\r\n";
  }
  if (!no_body) {
    out += "Content-Length: ";
    out += std::to_string(r.body.size());
    out += "\r\n";
  }
  if (!keep_alive) {
    out += "Connection: close\r\n";
  } else if (version == 10) {
    out += "Connection: keep-alive\r\n";
  }
  out += "\r\n";
  if (!head && !no_body) out += r.body;
  return out;
}

class BeastServer final : public Server {
 public:
  BeastServer(service::Services& services, ServerOptions options)
      : options_(std::move(options)),
        router_([&services](std::string_view token) {
          return services.access().authenticate(token);
        }),
        static_files_(options_.web_root),
        workers_(static_cast<std::size_t>(std::max(1, options_.worker_threads))),
        acceptor_(io_) {
    add_all_routes(router_, services, {.secure_cookies = options_.secure_cookies});
  }

  ~BeastServer() override {
    stop();
    workers_.join();
  }

  Result<std::uint16_t> start() override {
    beast::error_code ec;
    auto address = asio::ip::make_address(options_.address, ec);
    if (ec) {
      return errorf(ErrorCode::kInvalidArgument, "'{}' is not an IP address", options_.address);
    }
    tcp::endpoint endpoint(address, options_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return errorf(ErrorCode::kUnavailable, "cannot listen on {}:{}: {}", options_.address,
                    options_.port, ec.message());
    }
    asio::co_spawn(io_, accept_loop(), asio::detached);
    return acceptor_.local_endpoint().port();
  }

  void run() override {
    std::optional<asio::signal_set> signals;
    if (options_.handle_signals) {
      signals.emplace(io_, SIGINT, SIGTERM);
      signals->async_wait([this](const beast::error_code& ec, int) {
        if (!ec) stop();
      });
    }
    std::vector<std::thread> threads;
    for (int i = 1; i < std::max(1, options_.io_threads); ++i) {
      threads.emplace_back([this] { io_.run(); });
    }
    io_.run();
    for (auto& t : threads) t.join();
  }

  void stop() override {
    if (stopped_.exchange(true)) return;
    asio::post(io_, [this] {
      beast::error_code ec;
      acceptor_.close(ec);
    });
    io_.stop();
  }

 private:
  asio::awaitable<void> accept_loop() {
    while (acceptor_.is_open()) {
      beast::error_code ec;
      tcp::socket socket = co_await acceptor_.async_accept(
          io_, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (ec == asio::error::operation_aborted || !acceptor_.is_open()) co_return;
        continue;  // a client that went away mid-handshake, or too many open files: go on
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto executor = socket.get_executor();
      asio::co_spawn(executor, connection(std::move(socket)), asio::detached);
    }
  }

  Request to_request(const http::request<http::string_body>& req, std::string address) {
    Request r;
    r.method = std::string(sv(req.method_string()));
    r.raw_target = std::string(sv(req.target()));
    std::string_view target = sv(req.target());
    std::size_t q = target.find('?');
    auto decoded = decode_path(target.substr(0, q));
    r.path = decoded.value_or("");
    if (q != std::string_view::npos) r.query = parse_query(target.substr(q + 1));
    for (const auto& field : req) {
      std::string name(sv(field.name_string()));
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      r.headers[std::move(name)] = std::string(sv(field.value()));
    }
    r.body = req.body();
    r.client_address = std::move(address);
    return r;
  }

  Response dispatch(Request& request) {
    if (request.path.empty() || request.path.front() != '/') {
      return plain_error(400, "the request path is malformed");
    }
    // The public tip pages are routes too (served by the binary, not the web UI's build).
    if (request.path.starts_with("/api/") || request.path == "/api" || request.path == "/tip" ||
        request.path.starts_with("/tip/")) {
      Response r = router_.handle(request);
      r.headers.emplace_back("Cache-Control", "no-store");
      return r;
    }
    if (request.method != "GET" && request.method != "HEAD") {
      Response r = plain_error(405, "only GET and HEAD are allowed on web pages");
      r.close = false;
      return r;
    }
    return static_files_.serve(request);
  }

  asio::awaitable<void> write_response(beast::tcp_stream& stream, Response response,
                                       unsigned version, bool keep_alive, bool head,
                                       beast::error_code& ec) {
    std::string wire = serialize_response(response, version, keep_alive && !response.close, head);
    stream.expires_after(std::chrono::milliseconds(options_.write_timeout_ms));
    co_await asio::async_write(stream, asio::buffer(wire),
                               asio::redirect_error(asio::use_awaitable, ec));
  }


  asio::awaitable<void> connection(tcp::socket socket) {
    beast::error_code ec;
    std::string address = socket.remote_endpoint(ec).address().to_string();
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    try {
      while (true) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
        parser.body_limit(kLargestBodyBytes);
        stream.expires_after(std::chrono::milliseconds(options_.idle_timeout_ms));
        co_await http::async_read_header(stream, buffer, parser,
                                         asio::redirect_error(asio::use_awaitable, ec));
        if (ec == http::error::end_of_stream || ec == asio::error::eof ||
            ec == beast::error::timeout || ec == asio::error::connection_reset ||
            ec == asio::error::operation_aborted) {
          break;
        }
        if (ec == http::error::header_limit) {
          co_await write_response(stream, plain_error(431, "the request headers are too large"),
                                  11, false, false, ec);
          break;
        }
        if (ec == http::error::body_limit) {
          co_await write_response(stream, plain_error(413, "the request body is too large"), 11,
                                  false, false, ec);
          break;
        }
        if (ec) {
          co_await write_response(stream, plain_error(400, "the request is not valid HTTP/1.1"),
                                  11, false, false, ec);
          break;
        }
        auto& header = parser.get();
        unsigned version = header.version();
        std::string_view target = sv(header.target());
        std::string target_path(target.substr(0, target.find('?')));
        std::string method(sv(header.method_string()));
        std::size_t limit = router_.max_body_bytes(method, decode_path(target_path).value_or(""));
        if (parser.content_length() && *parser.content_length() > limit) {
          co_await write_response(
              stream,
              plain_error(413, fmt::format("the request body is larger than {} bytes", limit)),
              version, false, false, ec);
          break;
        }
        parser.body_limit(limit);
        if (!parser.is_done()) {
          if (header[http::field::expect] == "100-continue") {
            http::response<http::empty_body> cont{http::status::continue_, version};
            co_await http::async_write(stream, cont, asio::redirect_error(asio::use_awaitable, ec));
            if (ec) break;
          }
          stream.expires_after(std::chrono::milliseconds(options_.read_timeout_ms));
          co_await http::async_read(stream, buffer, parser,
                                    asio::redirect_error(asio::use_awaitable, ec));
          if (ec == http::error::body_limit) {
            co_await write_response(
                stream,
                plain_error(413, fmt::format("the request body is larger than {} bytes", limit)),
                version, false, false, ec);
            break;
          }
          if (ec) break;
        }
        auto request_message = parser.release();
        bool keep_alive = request_message.keep_alive();
        bool head = request_message.method() == http::verb::head;
        Request request = to_request(request_message, address);
        Response response;
        if (router_.offload(request.method, request.path)) {
          response = co_await asio::co_spawn(
              workers_.get_executor(),
              [this, &request]() -> asio::awaitable<Response> { co_return dispatch(request); },
              asio::use_awaitable);
        } else {
          response = dispatch(request);
        }
        bool close = response.close;
        co_await write_response(stream, std::move(response), version, keep_alive, head, ec);
        if (ec || !keep_alive || close) break;
      }
    } catch (const std::exception& e) {
      log::error("http.connection_failed", {{"error", e.what()}});
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  ServerOptions options_;
  Router router_;
  StaticFiles static_files_;
  asio::io_context io_;
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  std::atomic<bool> stopped_{false};
};

}  // namespace

Result<std::unique_ptr<Server>> Server::create(service::Services& services, ServerOptions options) {
  if (!options.web_root.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(options.web_root, ec)) {
      return errorf(ErrorCode::kNotFound, "the web UI folder {} does not exist; build it with "
                                          "`npm run build` in web/",
                    options.web_root);
    }
  }
  return std::unique_ptr<Server>(new BeastServer(services, std::move(options)));
}

}  // namespace escudo::api

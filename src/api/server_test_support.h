// The real server on 127.0.0.1, port 0, over a real SQLite file, spoken to over TCP: a client
// and the fixture the API tests share.
#pragma once

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <thread>

#include "api/server.h"
#include "base/input_stream.h"
#include "crypto/totp.h"
#include "service/services.h"
#include "testing/temp_dir.h"

namespace escudo::api::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
namespace fs = std::filesystem;
using escudo::testing::TempDir;
using escudo::testing::write_file;

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; repeated ones joined by "\n"
  std::string body;
  bool closed = false;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// A keep-alive HTTP/1.1 client connection, synchronous.
class Client {
 public:
  explicit Client(std::uint16_t port) : stream_(io_) {
    stream_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }

  Reply send(const std::string& method, const std::string& target, const std::string& body = "",
             std::vector<std::pair<std::string, std::string>> headers = {}) {
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, "127.0.0.1");
    for (auto& [k, v] : headers) req.set(k, v);
    if (!body.empty() || method == "POST" || method == "PUT") {
      req.body() = body;
      req.prepare_payload();
    }
    http::write(stream_, req);
    return read_reply(method == "HEAD");
  }

  // Writes raw bytes, for requests a normal client would not make.
  Reply send_raw(const std::string& bytes) {
    asio::write(stream_, asio::buffer(bytes));
    return read_reply(false);
  }

 private:
  Reply read_reply(bool head) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(64u << 20);
    parser.skip(head);
    beast::error_code ec;
    http::read(stream_, buffer_, parser, ec);
    Reply r;
    if (ec) {
      r.closed = true;
      return r;
    }
    auto& res = parser.get();
    r.status = static_cast<int>(res.result_int());
    for (const auto& f : res) {
      std::string name(f.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto& slot = r.headers[name];
      slot += (slot.empty() ? "" : "\n") + std::string(f.value());
    }
    r.body = res.body();
    return r;
  }

  asio::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The web UI folder, a secret next to it, and a symlink that tries to reach the secret.
    fs::create_directories(dir_.file("web/assets"));
    write_file(dir_.file("web/index.html"), "<!doctype html><title>escudo</title>");
    write_file(dir_.file("web/assets/app-1234.js"), "console.log(1)");
    write_file(dir_.file("secret.txt"), "TOP SECRET");
    fs::create_symlink(dir_.file("secret.txt"), dir_.file("web/link.txt"));

    service::ServicesOptions options;
    options.access.password_cost = crypto::PasswordCost::minimum_for_tests();
    options.tips.receipt_cost = crypto::PasswordCost::minimum_for_tests();
    options.tips.pow_difficulty = 6;
    services_ = service::Services::open_sqlite(dir_.file("api.db"), options).value();
    auto& access = services_->access();
    auto actor = service::Actor::command_line();
    ASSERT_TRUE(access.create_user(actor, {.username = "ana", .display_name = "Ana",
                                           .agency = "SNM", .roles = {model::Role::kAnalyst},
                                           .password = "analyst password"}));
    ASSERT_TRUE(access.create_user(actor, {.username = "reg", .display_name = "Reg",
                                           .agency = "SNM", .roles = {model::Role::kRegistrar},
                                           .password = "registrar password"}));
    auto admin = access.create_user(actor, {.username = "boss", .display_name = "Boss",
                                            .agency = "SNM", .roles = {model::Role::kAdmin},
                                            .password = "admin password"});
    admin_totp_ = *admin->totp_secret;

    ServerOptions server_options;
    server_options.port = 0;
    server_options.web_root = dir_.file("web");
    server_options.idle_timeout_ms = 1500;
    server_ = Server::create(*services_, server_options).value();
    port_ = server_->start().value();
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    server_->stop();
    thread_.join();
  }

  struct Session {
    std::string cookie;
    std::string csrf;
  };

  Session login(Client& c, const std::string& user, const std::string& password,
                const std::string& code = "") {
    std::string body = R"({"username":")" + user + R"(","password":")" + password + "\"";
    if (!code.empty()) body += R"(,"totp_code":")" + code + "\"";
    body += "}";
    Reply r = c.send("POST", "/api/session", body, {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 200) << r.body;
    std::string set_cookie = r.header("set-cookie");
    Session s;
    s.cookie = set_cookie.substr(0, set_cookie.find(';'));
    auto pos = r.body.find("\"csrf_token\":\"");
    if (pos != std::string::npos) {
      pos += 14;
      s.csrf = r.body.substr(pos, r.body.find('"', pos) - pos);
    }
    return s;
  }

  std::int64_t scalar(const std::string& sql) {
    return services_->pool().acquire()->query_int(sql).value().value_or(-1);
  }

  TempDir dir_;
  std::unique_ptr<service::Services> services_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
  std::string admin_totp_;
};

}  // namespace escudo::api::testing

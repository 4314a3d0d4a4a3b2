#include "base/log.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace escudo::log {
namespace {

constexpr std::array<std::string_view, 10> kSecretWords = {
    "password", "token", "secret", "cookie", "csrf", "totp", "authorization", "key", "tip",
    "passphrase"};

class CaptureSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit CaptureSink(std::vector<std::string>* lines) : lines_(lines) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    lines_->emplace_back(msg.payload.data(), msg.payload.size());
  }
  void flush_() override {}

 private:
  std::vector<std::string>* lines_;
};

spdlog::logger& logger() {
  static std::shared_ptr<spdlog::logger> instance = [] {
    // shared_ptr: spdlog's sink and logger API is built on it.
    auto l = std::make_shared<spdlog::logger>(
        "escudo", std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    l->set_level(spdlog::level::info);
    return l;
  }();
  return *instance;
}

bool needs_quotes(std::string_view value) {
  if (value.empty()) return true;
  return std::any_of(value.begin(), value.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u <= ' ' || c == '"' || c == '=' || c == '\\' || u == 0x7f;
  });
}

void append_value(std::string& out, std::string_view value) {
  if (!needs_quotes(value)) {
    out += value;
    return;
  }
  out.push_back('"');
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";  // one event, one line: no forged log lines
    } else if (u < 0x20 || u == 0x7f) {
      out += fmt::format("\\x{:02x}", u);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void write(spdlog::level::level_enum level, std::string_view event,
           std::initializer_list<Field> fields) {
  auto& l = logger();
  if (!l.should_log(level)) return;
  l.log(level, "{}", format_event(event, fields));
}

std::shared_ptr<CaptureSink> g_capture;

}  // namespace

bool is_secret_key(std::string_view key) {
  std::string lower(key);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(kSecretWords.begin(), kSecretWords.end(),
                     [&](std::string_view word) { return lower.find(word) != std::string::npos; });
}

std::string format_event(std::string_view event, std::initializer_list<Field> fields) {
  std::string out(event);
  for (const auto& field : fields) {
    out.push_back(' ');
    out += field.key;
    out.push_back('=');
    if (is_secret_key(field.key)) {
      out += "[redacted]";
    } else {
      append_value(out, field.value);
    }
  }
  return out;
}

void set_level(Level level) {
  static constexpr spdlog::level::level_enum kMap[] = {
      spdlog::level::debug, spdlog::level::info, spdlog::level::warn, spdlog::level::err,
      spdlog::level::off};
  logger().set_level(kMap[static_cast<int>(level)]);
}

bool set_level_by_name(std::string_view name) {
  if (name == "debug") set_level(Level::kDebug);
  else if (name == "info") set_level(Level::kInfo);
  else if (name == "warn") set_level(Level::kWarn);
  else if (name == "error") set_level(Level::kError);
  else if (name == "off") set_level(Level::kOff);
  else return false;
  return true;
}

void debug(std::string_view event, std::initializer_list<Field> fields) {
  write(spdlog::level::debug, event, fields);
}
void info(std::string_view event, std::initializer_list<Field> fields) {
  write(spdlog::level::info, event, fields);
}
void warn(std::string_view event, std::initializer_list<Field> fields) {
  write(spdlog::level::warn, event, fields);
}
void error(std::string_view event, std::initializer_list<Field> fields) {
  write(spdlog::level::err, event, fields);
}

ScopedCapture::ScopedCapture(std::vector<std::string>* lines) {
  g_capture = std::make_shared<CaptureSink>(lines);
  logger().sinks().push_back(g_capture);
}

ScopedCapture::~ScopedCapture() {
  auto& sinks = logger().sinks();
  sinks.erase(std::remove(sinks.begin(), sinks.end(), g_capture), sinks.end());
  g_capture.reset();
}

}  // namespace escudo::log

// libFuzzer target: the HTTP layer's request parser and framing checks — cpp-httplib 0.18.7
// (with the project's compile-time limits) reading requests from the fuzzer's bytes as one
// kept-alive connection, behind Tessera's pre-routing checks (server/http_guard.cpp:
// check_framing, declared_body_length, close_after_answer), with a JSON route, a route that
// answers a body (ranges apply to it) and a mounted folder.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "http/guard.hpp"

namespace {
class MemoryStream final : public httplib::Stream {
 public:
  MemoryStream(const char* data, std::size_t size) : data_(data), size_(size) {}
  bool is_readable() const override { return offset_ < size_; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const auto count = std::min(size, size_ - offset_);
    if (count == 0) return -1;
    std::memcpy(ptr, data_ + offset_, count);
    offset_ += count;
    return static_cast<ssize_t>(count);
  }
  ssize_t write(const char*, size_t size) override { return static_cast<ssize_t>(size); }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = "127.0.0.1", port = 40000; }
  void get_local_ip_and_port(std::string& ip, int& port) const override { ip = "127.0.0.1", port = 8080; }
  socket_t socket() const override { return INVALID_SOCKET; }
  bool exhausted() const { return offset_ >= size_; }

 private:
  const char* data_;
  std::size_t size_;
  std::size_t offset_ = 0;
};

class FuzzServer final : public tessera::server::GuardedServer {
 public:
  FuzzServer() : GuardedServer(tessera::server::GuardLimits{}, {}) {
    set_payload_max_length(64 * 1024);
    set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      if (const auto refusal = tessera::server::check_framing(req, 8 * 1024)) {
        res.status = refusal->status;
        close_after_answer(res);
        return HandlerResponse::Handled;
      }
      headers_read(tessera::server::declared_body_length(req));
      return HandlerResponse::Unhandled;
    });
    Post("/api/v1/echo", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.body, "application/json");
    });
    Get("/api/v1/text", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(1000, 'x'), "text/plain");
    });
    const auto folder = std::filesystem::temp_directory_path() / "tessera-fuzz-www";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "app.js") << std::string(5000, 'j');
    set_mount_point("/", folder.string());
  }
  void feed(const char* data, std::size_t size) {
    MemoryStream stream(data, size);
    for (int request = 0; request < 16 && !stream.exhausted(); ++request) {
      bool connection_closed = false;
      if (!process_request(stream, "127.0.0.1", 40000, "127.0.0.1", 8080, false, connection_closed, nullptr) ||
          connection_closed)
        break;
    }
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static FuzzServer server;
  server.feed(reinterpret_cast<const char*>(data), size);
  return 0;
}

// The web client's files, served the way a CDN serves them. The web root (written by the build,
// cmake/WebOutput.cmake) is read once, when the server starts: each file with its precompressed
// .br and .gz copies, kept in memory and found by its exact name, so no request path reaches the
// file system (no traversal, no NUL trick, nothing compressed at request time). An answer is the
// copy the client accepts (Accept-Encoding; Vary: Accept-Encoding). A name that carries its
// content's digest (app.3f2a9c01d4.wasm) is immutable for a year; the other names (index.html,
// sw.js, manifest.webmanifest) are "no-cache" with an ETag, answered 304 on If-None-Match.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tessera::server {

enum class ContentCoding { identity, gzip, brotli };

// The coding to send for an Accept-Encoding header, given which copies exist: brotli before
// gzip (smaller), each only when the header accepts it (q > 0, by name or by "*"); identity
// otherwise (an answer is always possible).
ContentCoding choose_coding(std::string_view accept_encoding, bool have_brotli, bool have_gzip);

// A name of the form <stem>.<10 lowercase hex digits>.<extension>, as the build names every
// file but the page, the service worker and the manifest.
bool is_digest_named(std::string_view file_name);

// Whether an If-None-Match header holds `etag` (weak comparison, RFC 9110 §13.1.2) or is "*".
bool etag_matches(std::string_view if_none_match, std::string_view etag);

class StaticFiles {
 public:
  StaticFiles() = default;
  // Reads every regular file under `root` (names starting with '.' and the .br/.gz copies are
  // not files of their own). An empty or missing root serves nothing.
  static StaticFiles load(const std::filesystem::path& root);

  // Answers a GET or HEAD of req.path ("/" is "/index.html"): true if it names one of the files.
  // A request with a Range gets ranges of the identity bytes (cpp-httplib cuts them).
  bool serve(const httplib::Request& req, httplib::Response& res) const;

  std::size_t file_count() const { return files_.size(); }
  std::size_t bytes_held() const { return bytes_held_; }
  bool has(const std::string& path) const { return files_.count(path) != 0; }

 private:
  struct Copy {
    std::shared_ptr<const std::string> bytes;  // null: no such copy
    std::string etag;
  };
  struct File {
    std::string content_type;
    bool immutable = false;
    Copy identity, gzip, brotli;
  };
  std::unordered_map<std::string, File> files_;  // by request path, "/fonts/DejaVuSans.<digest>.ttf"
  std::size_t bytes_held_ = 0;
};

}  // namespace tessera::server

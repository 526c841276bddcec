// The web client's files (see static_files.hpp).
//
// [SECTION] Negotiation and names  [SECTION] Loading  [SECTION] Answers
#include "http/static_files.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <tuple>

#include "adapters/crypto.hpp"

namespace tessera::server {

// [SECTION] Negotiation and names
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The q-value of one element's parameters ("q=0.5"): 1 when absent, 0 when unreadable.
double quality_of(std::string_view parameters) {
  while (!parameters.empty()) {
    const auto end = parameters.find(';');
    const auto parameter = trim(parameters.substr(0, end));
    parameters = end == std::string_view::npos ? std::string_view{} : parameters.substr(end + 1);
    if (parameter.size() < 2 || std::tolower(static_cast<unsigned char>(parameter[0])) != 'q' || parameter[1] != '=')
      continue;
    const auto value = parameter.substr(2);
    if (value.empty() || value.size() > 5 || (value[0] != '0' && value[0] != '1')) return 0;
    double q = value[0] - '0';
    if (value.size() > 1) {
      if (value[1] != '.') return 0;
      double scale = 0.1;
      for (const char digit : value.substr(2)) {
        if (digit < '0' || digit > '9') return 0;
        q += (digit - '0') * scale;
        scale /= 10;
      }
    }
    return std::min(q, 1.0);
  }
  return 1;
}

}  // namespace

ContentCoding choose_coding(std::string_view accept_encoding, bool have_brotli, bool have_gzip) {
  // The q-value of each coding by name, and of "*" (what any coding not named gets).
  double brotli = -1, gzip = -1, any = -1;
  while (!accept_encoding.empty()) {
    const auto end = accept_encoding.find(',');
    const auto element = trim(accept_encoding.substr(0, end));
    accept_encoding = end == std::string_view::npos ? std::string_view{} : accept_encoding.substr(end + 1);
    const auto semicolon = element.find(';');
    const auto name = trim(element.substr(0, semicolon));
    const double q = semicolon == std::string_view::npos ? 1.0 : quality_of(element.substr(semicolon + 1));
    if (equals_ignoring_case(name, "br")) brotli = q;
    else if (equals_ignoring_case(name, "gzip") || equals_ignoring_case(name, "x-gzip")) gzip = std::max(gzip, q);
    else if (name == "*") any = q;
  }
  if (brotli < 0) brotli = any;
  if (gzip < 0) gzip = any;
  if (have_brotli && brotli > 0 && brotli >= gzip) return ContentCoding::brotli;
  if (have_gzip && gzip > 0) return ContentCoding::gzip;
  if (have_brotli && brotli > 0) return ContentCoding::brotli;
  return ContentCoding::identity;
}

bool is_digest_named(std::string_view file_name) {
  const auto slash = file_name.rfind('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  const auto last_dot = file_name.rfind('.');
  if (last_dot == std::string_view::npos || last_dot < 12 || last_dot + 1 == file_name.size()) return false;
  const auto digest = file_name.substr(last_dot - 10, 10);
  return file_name[last_dot - 11] == '.' && last_dot - 11 > 0 &&
         std::all_of(digest.begin(), digest.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  const auto opaque = [](std::string_view tag) { return tag.substr(0, 2) == "W/" ? tag.substr(2) : tag; };
  while (!if_none_match.empty()) {
    const auto end = if_none_match.find(',');
    const auto candidate = trim(if_none_match.substr(0, end));
    if_none_match = end == std::string_view::npos ? std::string_view{} : if_none_match.substr(end + 1);
    if (candidate == "*" || (!candidate.empty() && opaque(candidate) == opaque(etag))) return true;
  }
  return false;
}

// [SECTION] Loading
namespace {

const std::map<std::string, std::string, std::less<>>& content_types() {
  static const std::map<std::string, std::string, std::less<>> types{
      {".wasm", "application/wasm"},
      {".js", "text/javascript; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".ttf", "font/ttf"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".css", "text/css; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
  };
  return types;
}

std::shared_ptr<const std::string> read_whole(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return nullptr;
  return std::make_shared<const std::string>(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

bool is_compressed_copy(const std::filesystem::path& path) {
  const auto extension = path.extension();
  return extension == ".br" || extension == ".gz";
}

}  // namespace

StaticFiles StaticFiles::load(const std::filesystem::path& root) {
  StaticFiles files;
  std::error_code error;
  if (root.empty() || !std::filesystem::is_directory(root, error)) return files;
  for (auto entry = std::filesystem::recursive_directory_iterator(root, error);
       !error && entry != std::filesystem::recursive_directory_iterator(); entry.increment(error)) {
    const auto& path = entry->path();
    const auto name = path.filename().string();
    if (name.empty() || name[0] == '.') {
      if (entry->is_directory(error)) entry.disable_recursion_pending();
      continue;
    }
    if (!entry->is_regular_file(error) || is_compressed_copy(path)) continue;
    const std::string relative = std::filesystem::relative(path, root, error).generic_string();
    if (error || relative.empty()) continue;

    File file;
    const auto type = content_types().find(path.extension().string());
    file.content_type = type == content_types().end() ? "application/octet-stream" : type->second;
    file.immutable = is_digest_named(relative);
    file.identity.bytes = read_whole(path);
    if (!file.identity.bytes) continue;
    const std::string digest = sha256_hex(*file.identity.bytes).substr(0, 20);
    file.identity.etag = "\"" + digest + "\"";
    for (auto [copy, suffix, tag] : {std::tuple{&file.brotli, ".br", "-br"}, std::tuple{&file.gzip, ".gz", "-gz"}}) {
      auto compressed = path;
      compressed += suffix;
      if (!std::filesystem::is_regular_file(compressed, error)) continue;
      copy->bytes = read_whole(compressed);
      copy->etag = "\"" + digest + tag + "\"";
      if (copy->bytes) files.bytes_held_ += copy->bytes->size();
    }
    files.bytes_held_ += file.identity.bytes->size();
    files.files_.emplace("/" + relative, std::move(file));
  }
  if (error) std::fprintf(stderr, "tessera: reading the web root %s: %s\n", root.c_str(), error.message().c_str());
  return files;
}

// [SECTION] Answers
bool StaticFiles::serve(const httplib::Request& req, httplib::Response& res) const {
  const auto found = files_.find(req.path == "/" ? std::string("/index.html") : req.path);
  if (found == files_.end()) return false;
  const File& file = found->second;

  // Ranges are of the identity bytes (a range of a compressed copy would be another resource).
  const bool ranged = req.has_header("Range");
  const ContentCoding coding = ranged ? ContentCoding::identity
                                      : choose_coding(req.get_header_value("Accept-Encoding"),
                                                      file.brotli.bytes != nullptr, file.gzip.bytes != nullptr);
  const Copy& copy = coding == ContentCoding::brotli ? file.brotli : coding == ContentCoding::gzip ? file.gzip : file.identity;

  res.set_header("Vary", "Accept-Encoding");
  res.set_header("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  res.set_header("ETag", copy.etag);
  if (coding == ContentCoding::brotli) res.set_header("Content-Encoding", "br");
  else if (coding == ContentCoding::gzip) res.set_header("Content-Encoding", "gzip");

  if (req.has_header("If-None-Match") && etag_matches(req.get_header_value("If-None-Match"), copy.etag)) {
    res.status = 304;
    // What a 200 would have sent (RFC 9110 §8.6), so the library does not write "0".
    res.set_header("Content-Length", std::to_string(copy.bytes->size()));
    return true;
  }
  res.set_content_provider(copy.bytes->size(), file.content_type,
                           [bytes = copy.bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             sink.write(bytes->data() + offset, length);
                             return true;
                           });
  return true;
}

}  // namespace tessera::server

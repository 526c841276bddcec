// The web client served as a CDN serves it (server/http/static_files.hpp), on a web output the
// build's own script writes (cmake/WebOutput.cmake, run here on small stand-ins for app.js,
// app.wasm and the font): each file under a name with its digest, which index.html and the
// service worker name; the precompressed copy the client accepts (br, else gzip, else identity)
// with Vary; digest names immutable; index.html, sw.js and the manifest no-cache with an ETag
// and 304 on If-None-Match; compressed copies never files of their own.
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <unistd.h>

#include "fixtures.hpp"
#include "http/static_files.hpp"

using namespace tessera;
using namespace tessera::testing;
using server::ContentCoding;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

int run(const std::string& command) { return std::system(command.c_str()); }

// A web output made by cmake/WebOutput.cmake from web/ and stand-ins for the linked program
// and the cut font, in a folder of its own.
struct WebOutput {
  std::filesystem::path folder;
  std::filesystem::path www;
  std::string app_js, app_wasm, font;

  WebOutput() {
    static std::atomic<int> counter{0};
    folder = std::filesystem::temp_directory_path() /
             ("tessera-web-output-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    www = folder / "www";
    std::filesystem::create_directories(folder / "link");
    for (int i = 0; i < 3000; ++i) app_js += "function f" + std::to_string(i % 50) + "() { return Module.ccall(1); }\n";
    app_wasm = std::string("\0asm\1\0\0\0", 8);
    for (int i = 0; i < 20000; ++i) app_wasm += static_cast<char>(i % 7);
    font = std::string(30000, 'f');
    std::ofstream(folder / "link/app.js", std::ios::binary) << app_js;
    std::ofstream(folder / "link/app.wasm", std::ios::binary) << app_wasm;
    std::ofstream(folder / "font.ttf", std::ios::binary) << font;
    const std::string command = std::string("\"") + TESSERA_CMAKE + "\" -DWEB=" + TESSERA_SOURCE_DIR + "/web -DLINK=" +
                                (folder / "link").string() + " -DFONT=" + (folder / "font.ttf").string() +
                                " -DWWW=" + www.string() + " -DBROTLI=" + TESSERA_BROTLI + " -DGZIP=" + TESSERA_GZIP +
                                " -P " + TESSERA_SOURCE_DIR + "/cmake/WebOutput.cmake";
    BOOST_TEST_REQUIRE(run(command) == 0);
  }
  ~WebOutput() {
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  }
  std::string index_html() const { return read_file(www / "index.html"); }
  // The local addresses index.html names (src= and href=), in order.
  std::vector<std::string> named_in_index() const {
    std::vector<std::string> names;
    const std::string text = index_html();
    const std::regex attribute(R"re((?:src|href)="([^"]+)")re");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), attribute); it != std::sregex_iterator(); ++it) {
      const std::string name = (*it)[1];
      if (name.find(':') == std::string::npos && name[0] != '/') names.push_back(name);
    }
    return names;
  }
  // The name index.html gives the file built from `original` (app.js → app.<digest>.js).
  std::string name_of(const std::string& stem, const std::string& extension) const {
    for (const auto& name : named_in_index())
      if (std::regex_match(name, std::regex(stem + R"(\.[0-9a-f]{10}\.)" + extension))) return name;
    return "";
  }
};

struct StaticFilesFixture {
  WebOutput output;
  TestServer server{[this](server::Config& config) { config.web_root = output.www.string(); }};

  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_decompress(false);  // the bytes as sent
    return client.Get(path, headers);
  }
};

std::string decompressed(const std::string& tool, const std::string& bytes, const std::filesystem::path& scratch) {
  std::ofstream(scratch, std::ios::binary) << bytes;
  const auto out = scratch.string() + ".out";
  BOOST_TEST_REQUIRE(run("\"" + tool + "\" -d -c " + scratch.string() + " > " + out) == 0);
  return read_file(out);
}

}  // namespace

// [SECTION] The rules, as tables
BOOST_AUTO_TEST_SUITE(static_files_rules)

BOOST_AUTO_TEST_CASE(the_coding_sent_for_each_accept_encoding) {
  struct Row {
    const char* accept_encoding;
    bool have_brotli, have_gzip;
    ContentCoding sent;
  };
  const Row rows[] = {
      {"gzip, deflate, br, zstd", true, true, ContentCoding::brotli},  // Chromium
      {"gzip, deflate, br", true, true, ContentCoding::brotli},        // Firefox, Safari
      {"gzip, deflate", true, true, ContentCoding::gzip},
      {"gzip", true, true, ContentCoding::gzip},
      {"x-gzip", true, true, ContentCoding::gzip},
      {"GZIP, BR", true, true, ContentCoding::brotli},
      {"br;q=0, gzip", true, true, ContentCoding::gzip},
      {"br;q=0.5, gzip;q=0.8", true, true, ContentCoding::gzip},  // the client prefers gzip
      {"br;q=1.0, gzip;q=0.8", true, true, ContentCoding::brotli},
      {"br, gzip", false, true, ContentCoding::gzip},  // no .br copy
      {"br", false, true, ContentCoding::identity},
      {"br, gzip", false, false, ContentCoding::identity},
      {"", true, true, ContentCoding::identity},  // no header: identity
      {"identity", true, true, ContentCoding::identity},
      {"deflate", true, true, ContentCoding::identity},
      {"*", true, true, ContentCoding::brotli},
      {"*;q=0", true, true, ContentCoding::identity},
      {"gzip;q=0, *", true, true, ContentCoding::brotli},
      {"br;q=0, gzip;q=0", true, true, ContentCoding::identity},
      {"br;q=x, gzip;q=0.8", true, true, ContentCoding::gzip},  // an unreadable q counts as 0
      {"br;q=2, gzip", true, true, ContentCoding::gzip},        // so does one outside 0-1
      {"br ; q=0.001, gzip;q=0", true, true, ContentCoding::brotli},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT("Accept-Encoding: " << row.accept_encoding << " (br " << row.have_brotli << ", gz " << row.have_gzip << ")") {
      BOOST_TEST(static_cast<int>(server::choose_coding(row.accept_encoding, row.have_brotli, row.have_gzip)) ==
                 static_cast<int>(row.sent));
    }
  }
}

BOOST_AUTO_TEST_CASE(names_with_a_digest) {
  BOOST_TEST(server::is_digest_named("app.3f2a9c01d4.wasm"));
  BOOST_TEST(server::is_digest_named("fonts/DejaVuSans.0123456789.ttf"));
  BOOST_TEST(!server::is_digest_named("index.html"));
  BOOST_TEST(!server::is_digest_named("sw.js"));
  BOOST_TEST(!server::is_digest_named("manifest.webmanifest"));
  BOOST_TEST(!server::is_digest_named("app.3f2a9c.wasm"));       // too short
  BOOST_TEST(!server::is_digest_named("app.3F2A9C01D4.wasm"));   // the build writes lower case
  BOOST_TEST(!server::is_digest_named(".3f2a9c01d4.wasm"));      // no stem
  BOOST_TEST(!server::is_digest_named("app.3f2a9c01d4."));       // no extension
  BOOST_TEST(!server::is_digest_named("app-3f2a9c01d4.wasm"));
}

BOOST_AUTO_TEST_CASE(if_none_match_lists) {
  BOOST_TEST(server::etag_matches(R"("abc")", R"("abc")"));
  BOOST_TEST(server::etag_matches(R"(W/"abc")", R"("abc")"));  // weak comparison
  BOOST_TEST(server::etag_matches(R"("x", "abc")", R"("abc")"));
  BOOST_TEST(server::etag_matches("*", R"("abc")"));
  BOOST_TEST(!server::etag_matches(R"("abd")", R"("abc")"));
  BOOST_TEST(!server::etag_matches(R"("abc-br")", R"("abc")"));  // another copy's tag
  BOOST_TEST(!server::etag_matches("", R"("abc")"));
}

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] A real server on the build's web output
BOOST_FIXTURE_TEST_SUITE(static_files, StaticFilesFixture)

BOOST_AUTO_TEST_CASE(index_html_names_the_digest_named_files_and_each_exists) {
  const auto names = output.named_in_index();
  const std::set<std::string> named(names.begin(), names.end());
  const std::string app_js = output.name_of("app", "js"), app_wasm = output.name_of("app", "wasm");
  const std::string font = output.name_of("fonts/DejaVuSans", "ttf");
  BOOST_TEST_REQUIRE(!app_js.empty());
  BOOST_TEST_REQUIRE(!app_wasm.empty());
  BOOST_TEST_REQUIRE(!font.empty());
  BOOST_TEST(!output.name_of("boot", "js").empty());
  BOOST_TEST(!output.name_of("ports", "js").empty());
  BOOST_TEST(named.count("manifest.webmanifest") == 1u);
  // The preload link names exactly the wasm file (boot.js hands the same address to app.js).
  BOOST_TEST(output.index_html().find(R"(id="tessera-wasm" href=")" + app_wasm + "\"") != std::string::npos);
  BOOST_TEST(output.index_html().find(R"(id="tessera-font" href=")" + font + "\"") != std::string::npos);
  BOOST_TEST(output.index_html().find("@TESSERA") == std::string::npos);  // every name configured
  const std::string worker = read_file(output.www / "sw.js");
  for (const auto& name : names) {
    BOOST_TEST_CONTEXT(name) {
      const auto answer = get("/" + name);
      BOOST_TEST_REQUIRE(answer);
      BOOST_TEST(answer->status == 200);
      BOOST_TEST(worker.find("'" + name + "'") != std::string::npos);  // kept offline
      if (name != "manifest.webmanifest") {
        BOOST_TEST(server::is_digest_named(name));
        BOOST_TEST(answer->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
      }
    }
  }
  // The digest is of the content: the bytes are those linked.
  BOOST_TEST(get("/" + app_js)->body == output.app_js);
  BOOST_TEST(get("/" + app_wasm)->body == output.app_wasm);
  BOOST_TEST(get("/" + font)->body == output.font);
  // Nothing under the names the build no longer uses.
  for (const char* old : {"/app.js", "/app.wasm", "/boot.js", "/ports.js", "/fonts/DejaVuSans.ttf"}) {
    BOOST_TEST_CONTEXT(old) { BOOST_TEST(get(old)->status == 404); }
  }
}

BOOST_AUTO_TEST_CASE(brotli_is_sent_when_accepted_as_the_build_compressed_it) {
  const std::string app_js = output.name_of("app", "js");
  const auto answer = get("/" + app_js, {{"Accept-Encoding", "gzip, deflate, br"}});
  BOOST_TEST_REQUIRE(answer);
  BOOST_TEST(answer->status == 200);
  BOOST_TEST(answer->get_header_value("Content-Encoding") == "br");
  BOOST_TEST(answer->get_header_value("Vary") == "Accept-Encoding");
  BOOST_TEST(answer->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  BOOST_TEST(answer->body == read_file(output.www / (app_js + ".br")));  // the build's copy, as it is
  BOOST_TEST(answer->body.size() < output.app_js.size() / 10);
  BOOST_TEST(decompressed(TESSERA_BROTLI, answer->body, output.folder / "scratch.br") == output.app_js);
  // The wasm and the page too.
  const auto wasm = get("/" + output.name_of("app", "wasm"), {{"Accept-Encoding", "br"}});
  BOOST_TEST(wasm->get_header_value("Content-Encoding") == "br");
  BOOST_TEST(wasm->get_header_value("Content-Type") == "application/wasm");
  BOOST_TEST(decompressed(TESSERA_BROTLI, wasm->body, output.folder / "scratch-wasm.br") == output.app_wasm);
  const auto page = get("/", {{"Accept-Encoding", "br"}});
  BOOST_TEST(page->get_header_value("Content-Encoding") == "br");
  BOOST_TEST(decompressed(TESSERA_BROTLI, page->body, output.folder / "scratch-page.br") == output.index_html());
}

BOOST_AUTO_TEST_CASE(gzip_is_sent_when_only_gzip_is_accepted) {
  const std::string app_js = output.name_of("app", "js");
  for (const char* accept : {"gzip", "gzip, deflate", "br;q=0, gzip"}) {
    BOOST_TEST_CONTEXT(accept) {
      const auto answer = get("/" + app_js, {{"Accept-Encoding", accept}});
      BOOST_TEST_REQUIRE(answer);
      BOOST_TEST(answer->get_header_value("Content-Encoding") == "gzip");
      BOOST_TEST(answer->get_header_value("Vary") == "Accept-Encoding");
      BOOST_TEST(answer->body == read_file(output.www / (app_js + ".gz")));
      BOOST_TEST(decompressed(TESSERA_GZIP, answer->body, output.folder / "scratch.gz") == output.app_js);
    }
  }
}

BOOST_AUTO_TEST_CASE(identity_is_sent_otherwise) {
  const std::string app_js = output.name_of("app", "js");
  for (const httplib::Headers& headers :
       {httplib::Headers{}, httplib::Headers{{"Accept-Encoding", "identity"}},
        httplib::Headers{{"Accept-Encoding", "deflate"}}, httplib::Headers{{"Accept-Encoding", "br;q=0, gzip;q=0"}}}) {
    const auto answer = get("/" + app_js, headers);
    BOOST_TEST_REQUIRE(answer);
    BOOST_TEST(answer->status == 200);
    BOOST_TEST(!answer->has_header("Content-Encoding"));
    BOOST_TEST(answer->get_header_value("Vary") == "Accept-Encoding");
    BOOST_TEST(answer->body == output.app_js);
  }
  // A range is of the identity bytes, even when br is accepted.
  const auto ranged = get("/" + app_js, {{"Accept-Encoding", "br"}, {"Range", "bytes=0-99"}});
  BOOST_TEST(ranged->status == 206);
  BOOST_TEST(!ranged->has_header("Content-Encoding"));
  BOOST_TEST(ranged->body == output.app_js.substr(0, 100));
}

BOOST_AUTO_TEST_CASE(the_fixed_names_are_no_cache_with_an_etag_and_304_when_unchanged) {
  for (const char* path : {"/", "/index.html", "/sw.js", "/manifest.webmanifest"}) {
    BOOST_TEST_CONTEXT(path) {
      for (const char* accept : {"", "gzip", "br"}) {
        BOOST_TEST_CONTEXT("Accept-Encoding: " << accept) {
          const httplib::Headers encoding{{"Accept-Encoding", accept}};
          const auto first = get(path, encoding);
          BOOST_TEST_REQUIRE(first);
          BOOST_TEST(first->status == 200);
          BOOST_TEST(first->get_header_value("Cache-Control") == "no-cache");
          const std::string etag = first->get_header_value("ETag");
          BOOST_TEST_REQUIRE(etag.size() > 2u);
          BOOST_TEST(etag.front() == '"');
          httplib::Headers again = encoding;
          again.emplace("If-None-Match", etag);
          const auto revalidated = get(path, again);
          BOOST_TEST(revalidated->status == 304);
          BOOST_TEST(revalidated->body.empty());
          BOOST_TEST(revalidated->get_header_value("ETag") == etag);
          BOOST_TEST(revalidated->get_header_value("Cache-Control") == "no-cache");
          BOOST_TEST(revalidated->get_header_value("X-Content-Type-Options") == "nosniff");  // the security headers
          httplib::Headers other = encoding;
          other.emplace("If-None-Match", "\"an-older-version\"");
          const auto changed = get(path, other);
          BOOST_TEST(changed->status == 200);
          BOOST_TEST(changed->body == first->body);
        }
      }
    }
  }
  // Each copy has its own tag: the page in br is not the page in gzip.
  BOOST_TEST(get("/", {{"Accept-Encoding", "br"}})->get_header_value("ETag") !=
             get("/", {{"Accept-Encoding", "gzip"}})->get_header_value("ETag"));
}

BOOST_AUTO_TEST_CASE(compressed_copies_and_unknown_names_are_not_files) {
  const std::string app_js = output.name_of("app", "js");
  BOOST_TEST(std::filesystem::exists(output.www / (app_js + ".br")));
  for (const std::string path : {"/" + app_js + ".br", "/" + app_js + ".gz", std::string("/index.html.gz"), std::string("/nothing.js"),
                                 std::string("/fonts/"), std::string("/fonts"), "/../www/" + app_js}) {
    BOOST_TEST_CONTEXT(path) {
      const auto answer = get(path);
      BOOST_TEST_REQUIRE(answer);
      BOOST_TEST(answer->status == 404);
      BOOST_TEST(answer->body.find("\"not_found\"") != std::string::npos);  // a JSON error
    }
  }
  // The API is not a file: its own answers, never cached.
  const auto health = get("/api/v1/health", {{"Accept-Encoding", "br"}});
  BOOST_TEST(health->status == 200);
  BOOST_TEST(health->get_header_value("Cache-Control") == "no-store");
  BOOST_TEST(!health->has_header("Content-Encoding"));
}

BOOST_AUTO_TEST_SUITE_END()

// The authorization matrix (SPEC §1.3 and §3): every endpoint × six subjects (anonymous, owner
// of account A, authorized user of A, owner of account B, operator, admin) × {own object, another
// account's object}, against one real server; the expected status of every cell is read from
// tests/server/authorization_matrix.tsv (its header defines the columns and the placeholders).
// The table must have a row for every route the server registers (parsed from the route files
// with a regex) and for every endpoint heading of docs/api.md.
#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "fake_paypal.hpp"
#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {

// [SECTION] The table
const std::filesystem::path kSourceDir = TESSERA_SOURCE_DIR;
const std::filesystem::path kTablePath = kSourceDir / "tests/server/authorization_matrix.tsv";
constexpr const char* kPassword = "correct-horse-battery";

enum Subject { anonymous, owner_a, user_a, owner_b, operator_, admin, kSubjects };
constexpr std::array<const char*, kSubjects> kSubjectNames{"anonymous", "owner_a", "user_a", "owner_b", "operator", "admin"};
constexpr std::array<const char*, 2> kSideNames{"own", "other"};
constexpr int kAccountA = 0;
constexpr int kAccountB = 1;

struct Row {
  int line = 0;
  std::string method;
  std::string path;       // with {placeholders} and maybe ?query
  std::string isolation;  // fresh | world
  std::string body;       // JSON with {placeholders}, "-" or "text:..."
  std::array<std::string, 2 * kSubjects> expected;  // subject × (own, other): a status or "-"
  std::string where() const { return "authorization_matrix.tsv:" + std::to_string(line) + " " + method + " " + path; }
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<Row> read_table(std::vector<std::string>& problems) {
  std::vector<Row> rows;
  std::istringstream lines(read_file(kTablePath));
  std::string text;
  for (int number = 1; std::getline(lines, text); ++number) {
    std::istringstream fields(text);
    std::vector<std::string> parts;
    for (std::string field; fields >> field;) parts.push_back(field);
    if (parts.empty() || parts[0][0] == '#') continue;
    Row row;
    row.line = number;
    if (parts.size() != 4 + row.expected.size()) {
      problems.push_back("authorization_matrix.tsv:" + std::to_string(number) + ": " + std::to_string(parts.size()) +
                         " fields, expected 16 (method path isolation body and 12 statuses)");
      continue;
    }
    row.method = parts[0];
    row.path = parts[1];
    row.isolation = parts[2];
    row.body = parts[3];
    std::copy(parts.begin() + 4, parts.end(), row.expected.begin());
    if (row.isolation != "fresh" && row.isolation != "world")
      problems.push_back(row.where() + ": isolation must be fresh or world");
    for (const std::string& status : row.expected)
      if (status != "-" && !std::regex_match(status, std::regex("[1-5][0-9][0-9]")))
        problems.push_back(row.where() + ": bad status " + status);
    rows.push_back(row);
  }
  return rows;
}

// [SECTION] The endpoints: the server's routes and the documentation's headings
// An endpoint as "METHOD /api/v1/path/{}" (every path parameter as {}, no query).
std::string endpoint_key(const std::string& method, std::string path) {
  path = path.substr(0, path.find('?'));
  path = std::regex_replace(path, std::regex(R"(\{[^}]*\})"), "{}");
  return method + " " + path;
}

// The routes registered with cpp-httplib: `.Get(api + "/x"` or `.Post(api + R"(/x/(\d+))"`, where
// the pattern may also be a constant kName defined in the same file (+ "/suffix").
std::set<std::string> registered_routes() {
  std::set<std::string> routes;
  std::vector<std::filesystem::path> files{kSourceDir / "server/http/server.cpp"};
  for (const auto& entry : std::filesystem::directory_iterator(kSourceDir / "server/http"))
    if (entry.path().filename().string().rfind("routes_", 0) == 0 && entry.path().extension() == ".cpp")
      files.push_back(entry.path());
  const std::regex raw_constant(R"re((k[A-Za-z]+)\s*=\s*R"\((.*?)\)")re");
  const std::regex registration(
      R"re(\.(Get|Post|Put|Delete)\(\s*(?:routes_?\.)?api\s*\+\s*(?:R"\((.*?)\)"|"([^"]*)"|(k[A-Za-z]+))(?:\s*\+\s*"([^"]*)")?)re");
  const std::regex capture_group(R"(\([^()]*\))");
  for (const auto& file : files) {
    const std::string source = read_file(file);
    std::map<std::string, std::string> constants;
    for (std::sregex_iterator it(source.begin(), source.end(), raw_constant), end; it != end; ++it)
      constants[(*it)[1]] = (*it)[2];
    for (std::sregex_iterator it(source.begin(), source.end(), registration), end; it != end; ++it) {
      const auto& match = *it;
      std::string method = match[1];
      std::transform(method.begin(), method.end(), method.begin(), ::toupper);
      std::string pattern = match[2].matched ? match[2].str() : match[3].matched ? match[3].str() : "";
      if (match[4].matched) {
        if (!constants.count(match[4])) throw std::runtime_error(file.string() + ": unknown route constant " + match[4].str());
        pattern = constants[match[4]];
      }
      pattern += match[5].str();
      routes.insert(method + " /api/v1" + std::regex_replace(pattern, capture_group, "{}"));
    }
  }
  return routes;
}

// The endpoints docs/api.md documents: "### `GET /orders`, `GET /orders/{id}`".
std::set<std::string> documented_endpoints() {
  std::set<std::string> endpoints;
  std::istringstream lines(read_file(kSourceDir / "docs/api.md"));
  const std::regex endpoint("`(GET|POST|PUT|DELETE) (/[^`]*)`");
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("### ", 0) != 0) continue;
    for (std::sregex_iterator it(line.begin(), line.end(), endpoint), end; it != end; ++it)
      endpoints.insert(endpoint_key((*it)[1], "/api/v1" + (*it)[2].str()));
  }
  return endpoints;
}

// [SECTION] The world: two customer accounts, staff, and a fake PayPal
struct World {
  std::array<std::string, 2> owner_email, user_email;
  std::array<Id, 2> account{};
  std::vector<ApiClient> owner, user;  // the factories' sessions, by account (A = 0, B = 1)
};

struct Answer {
  int status = 0;
  std::string raw;
  std::string code() const {
    const json body = json::parse(raw, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_object()) return body["error"].value("code", "");
    return "";
  }
};

struct MatrixFixture {
  FakePayPal paypal;
  TestServer server{[this](server::Config& config) { config.paypal = paypal.config(5); }};
  ApiClient operator_api{server.port()};
  ApiClient admin_api{server.port()};
  int counter = 0;

  MatrixFixture() {
    server.create_staff("operator@matrix.test", kPassword, "Olga Operator", "operator");
    server.create_staff("admin@matrix.test", kPassword, "Adam Admin", "admin");
    log_in_staff();
  }

  // The staff sessions the factories use (again after a cell that may have ended them: a
  // password change ends every other session of its user).
  void log_in_staff() {
    require(operator_api.post("/api/v1/auth/login", {{"email", "operator@matrix.test"}, {"password", kPassword}}), 200,
            "operator log-in");
    require(admin_api.post("/api/v1/auth/login", {{"email", "admin@matrix.test"}, {"password", kPassword}}), 200,
            "admin log-in");
  }

  std::string unique(const std::string& prefix) { return prefix + "-" + std::to_string(++counter); }

  static const ApiResponse& require(const ApiResponse& response, int status, const std::string& what) {
    if (response.status != status)
      throw std::runtime_error(what + ": expected " + std::to_string(status) + ", got " + std::to_string(response.status) +
                               " " + response.raw.substr(0, 200));
    return response;
  }

  // Two accounts, each: an owner with a subscription (1 included + 1 extra user, paid by check and
  // recorded by the admin) and an authorized user invited with the subscription scope.
  World make_world() {
    World world;
    const std::string tag = unique("w");
    for (int account : {kAccountA, kAccountB}) {
      const std::string letter = account == kAccountA ? "a" : "b";
      world.owner_email[account] = "owner-" + letter + "-" + tag + "@example.com";
      world.user_email[account] = "user-" + letter + "-" + tag + "@example.com";
      ApiClient owner(server.port());
      const auto me = require(owner.post("/api/v1/auth/signup", {{"name", "Owner " + letter},
                                                                 {"email", world.owner_email[account]},
                                                                 {"password", kPassword}}),
                              201, "owner sign-up");
      world.account[account] = me.body["user"]["account_id"].get<Id>();
      const auto order = require(
          owner.post("/api/v1/orders", {{"kind", "subscription"}, {"extra_users", 1}, {"method", "check"}}), 201,
          "subscription order");
      require(admin_api.post("/api/v1/admin/orders/" + std::to_string(order.body["id"].get<Id>()) + "/payment",
                             json::object()),
              200, "subscription payment");
      const auto invited = require(owner.post("/api/v1/account/invitations",
                                              {{"email", world.user_email[account]}, {"scope", {{"subscription", true}}}}),
                                   201, "user invitation");
      ApiClient user(server.port());
      require(user.post("/api/v1/invitations/" + token_of(invited.body) + "/accept",
                        {{"name", "User " + letter}, {"password", kPassword}}),
              201, "user accepts");
      world.owner.push_back(std::move(owner));
      world.user.push_back(std::move(user));
    }
    return world;
  }

  static std::string token_of(const json& invitation) {
    const std::string link = invitation.value("link", "");
    return link.substr(link.find("#invitation=") + 12);
  }

  // [SECTION] Factories: a fresh object of one account, as {"id": ..., other fields}
  Id open_ticket(ApiClient& opener) {
    const auto opened = require(opener.post("/api/v1/tickets", ticket_body("Matrix"), {{"Idempotency-Key", unique("key")}}),
                                201, "open a ticket");
    return opened.body["ticket"]["id"].get<Id>();
  }
  void act(ApiClient& actor, Id ticket, const std::string& action) {
    require(actor.post("/api/v1/tickets/" + std::to_string(ticket) + "/actions", {{"action", action}}), 200, action);
  }
  Id resolved_ticket(ApiClient& opener) {
    const Id ticket = open_ticket(opener);
    act(operator_api, ticket, "take");
    act(operator_api, ticket, "resolve");
    return ticket;
  }
  json order(World& world, int account, const std::string& method) {
    return require(world.owner[account].post("/api/v1/orders",
                                              {{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", method}}),
                   201, method + " order")
        .body;
  }
  json invitation(World& world, int account) {
    const auto invited =
        require(world.owner[account].post("/api/v1/account/invitations", {{"email", unique("invitee") + "@example.com"}}),
                201, "invitation");
    return {{"id", invited.body["id"]}, {"token", token_of(invited.body)}};
  }

  json make_object(const std::string& kind, World& world, int account) {
    ApiClient& owner = world.owner[account];
    if (kind == "ticket") return {{"id", open_ticket(owner)}};
    if (kind == "user_ticket") return {{"id", open_ticket(world.user[account])}};
    if (kind == "taken_ticket") {
      const Id ticket = open_ticket(owner);
      act(operator_api, ticket, "take");
      return {{"id", ticket}};
    }
    if (kind == "resolved_ticket") return {{"id", resolved_ticket(owner)}};
    if (kind == "user_resolved_ticket") return {{"id", resolved_ticket(world.user[account])}};
    if (kind == "closed_ticket" || kind == "user_closed_ticket") {
      ApiClient& opener = kind == "closed_ticket" ? owner : world.user[account];
      const Id ticket = resolved_ticket(opener);
      act(opener, ticket, "confirm_resolution");
      return {{"id", ticket}};
    }
    if (kind == "attachment") {
      const Id ticket = open_ticket(owner);
      const auto added = require(owner.post_bytes("/api/v1/tickets/" + std::to_string(ticket) + "/attachments?filename=a.log",
                                                  "a log line", "text/plain"),
                                 201, "attachment");
      return {{"id", added.body["attachments"][0]["id"]}, {"ticket", ticket}};
    }
    if (kind == "order") return {{"id", order(world, account, "check")["id"]}};
    if (kind == "paypal_order") return {{"id", order(world, account, "paypal")["id"]}};
    if (kind == "approved_paypal_order") {
      const json created = order(world, account, "paypal");
      const std::string url = created["approve_url"];
      if (!paypal.approve(url.substr(url.find("token=") + 6))) throw std::runtime_error("the fake PayPal did not approve");
      return {{"id", created["id"]}};
    }
    if (kind == "invoice") {
      const Id id = order(world, account, "check")["id"];
      const auto paid = require(admin_api.post("/api/v1/admin/orders/" + std::to_string(id) + "/payment", json::object()),
                                200, "payment");
      return {{"id", paid.body["invoice_id"]}};
    }
    if (kind == "invitation") return invitation(world, account);
    if (kind == "member") {
      ApiClient member(server.port());
      const auto accepted = require(member.post("/api/v1/invitations/" + invitation(world, account)["token"].get<std::string>() +
                                                    "/accept",
                                                {{"name", "Member"}, {"password", kPassword}}),
                                    201, "member accepts");
      return {{"id", accepted.body["user"]["id"]}};
    }
    if (kind == "account") return {{"id", world.account[account]}};
    if (kind == "chosen_account") {
      require(owner.post("/api/v1/onboarding/by-email", json::object()), 200, "by email instead");
      return {{"id", world.account[account]}};
    }
    if (kind == "owner_email") return {{"id", world.owner_email[account]}};
    if (kind == "slot") {
      const auto slot = require(admin_api.post("/api/v1/admin/onboarding/slots", {{"starts_at", free_instant()}}), 201,
                                "onboarding slot");
      return {{"id", slot.body["id"]}};
    }
    if (kind == "staff") {
      const auto made = require(admin_api.post("/api/v1/admin/operators", {{"name", "Matrix staff"}, {"email", unique("staff") + "@example.com"},
                                                                           {"password", kPassword}, {"languages", {"en"}}}),
                                201, "staff member");
      return {{"id", made.body["id"]}};
    }
    if (kind == "time") return {{"id", free_instant()}};
    if (kind == "email") return {{"id", unique("matrix") + "@example.com"}};
    if (kind == "password") return {{"id", kPassword}};
    if (kind == "part") return {{"id", "trial"}};
    // A reset link nobody asked for (64 hex digits): the route's answer to anyone, 404.
    if (kind == "unknown_reset_token") {
      std::string token = std::to_string(++counter);
      return {{"id", std::string(64 - token.size(), 'a') + token}};
    }
    if (kind == "missing_mail") return {{"id", 999999999}};  // no mail of the outbox has this id
    if (kind == "catalog") return {{"id", require(admin_api.get("/api/v1/admin/catalog"), 200, "catalog").body}};
    throw std::runtime_error("no factory for {" + kind + "}");
  }

  // A future slot start no other slot has: one hour apart, from tomorrow on.
  Instant free_instant() { return server.now() + kSecondsPerDay + 3600 * static_cast<Instant>(++counter); }

  // [SECTION] One cell
  std::string log_in(Subject subject, const World& world) {
    std::string email;
    switch (subject) {
      case anonymous: return "";
      case owner_a: email = world.owner_email[kAccountA]; break;
      case user_a: email = world.user_email[kAccountA]; break;
      case owner_b: email = world.owner_email[kAccountB]; break;
      case operator_: email = "operator@matrix.test"; break;
      case admin: email = "admin@matrix.test"; break;
      default: break;
    }
    ApiClient client(server.port());
    require(client.post("/api/v1/auth/login", {{"email", email}, {"password", kPassword}}), 200, "log-in of " + email);
    return client.cookie();
  }

  // The account whose objects a cell's placeholders stand for (see the table's header).
  static int account_of(Subject subject, int side) {
    const int own = subject == owner_b ? kAccountB : kAccountA;
    return side == 0 ? own : 1 - own;
  }

  // Replaces every {kind} / {kind.field} with a fresh object's value (one object per kind).
  std::string fill(const std::string& text, std::map<std::string, json>& objects, World& world, int account) {
    static const std::regex placeholder(R"(\{([a-z_]+)(?:\.([a-z_]+))?\})");
    std::string filled;
    auto rest = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
      const auto& match = *it;
      filled.append(rest, match[0].first);
      rest = match[0].second;
      const std::string kind = match[1];
      if (!objects.count(kind)) objects[kind] = make_object(kind, world, account);
      const json& value = objects[kind].at(match[2].matched ? match[2].str() : "id");
      filled += value.is_string() ? value.get<std::string>() : value.dump();
    }
    filled.append(rest, text.cend());
    return filled;
  }

  Answer send(const Row& row, const std::string& path, const std::string& body_template, const std::string& cookie,
              std::map<std::string, json>& objects, World& world, int account) {
    httplib::Headers headers;
    if (!cookie.empty()) headers.emplace("Cookie", cookie);
    if (row.method != "GET") headers.emplace("X-Tessera-Request", "1");
    if (row.method == "POST") headers.emplace("Idempotency-Key", unique("matrix-key"));
    std::string body;
    std::string content_type = "application/json";
    if (body_template == "{webhook}") {
      auto [signed_headers, event] = paypal.make_webhook_event("CHECKOUT.ORDER.APPROVED", {{"id", unique("PAYPAL")}});
      for (const auto& header : signed_headers) headers.insert(header);
      body = event;
    } else if (body_template.rfind("text:", 0) == 0) {
      body = body_template.substr(5);
      content_type = "text/plain";
    } else if (body_template != "-") {
      body = fill(body_template, objects, world, account);
    }
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    Answer answer;
    if (row.method == "GET") {
      // An event stream never ends: keep its status and stop reading.
      client.Get(
          path.c_str(), headers,
          [&answer](const httplib::Response& response) {
            answer.status = response.status;
            return response.get_header_value("Content-Type").find("text/event-stream") == std::string::npos;
          },
          [&answer](const char* data, std::size_t size) {
            answer.raw.append(data, size);
            return true;
          });
      return answer;
    }
    const auto result = [&] {
      if (row.method == "POST") return client.Post(path.c_str(), headers, body, content_type.c_str());
      if (row.method == "PUT") return client.Put(path.c_str(), headers, body, content_type.c_str());
      if (row.method == "DELETE") return client.Delete(path.c_str(), headers);
      throw std::runtime_error("unknown method " + row.method);
    }();
    if (result) {
      answer.status = result->status;
      answer.raw = result->body;
    }
    return answer;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(authorization_matrix, MatrixFixture)

BOOST_AUTO_TEST_CASE(the_table_has_a_row_for_every_registered_and_documented_endpoint) {
  std::vector<std::string> problems;
  const auto rows = read_table(problems);
  std::set<std::string> in_table;
  for (const Row& row : rows) in_table.insert(endpoint_key(row.method, row.path));
  const auto routes = registered_routes();
  const auto documented = documented_endpoints();
  BOOST_TEST_REQUIRE(routes.size() >= 60u, "the route regex found only " << routes.size() << " routes");
  for (const std::string& route : routes)
    if (!in_table.count(route)) problems.push_back("no row for the registered route " + route);
  for (const std::string& endpoint : documented)
    if (!in_table.count(endpoint)) problems.push_back("no row for the documented endpoint " + endpoint);
  for (const std::string& endpoint : in_table) {
    if (!routes.count(endpoint)) problems.push_back("a row for " + endpoint + ", which the server does not register");
    if (!documented.count(endpoint)) problems.push_back("a row for " + endpoint + ", which docs/api.md does not document");
  }
  std::ostringstream report;
  for (const std::string& problem : problems) report << "\n  " << problem;
  BOOST_TEST(problems.empty(), problems.size() << " problems:" << report.str());
}

BOOST_AUTO_TEST_CASE(every_cell_answers_the_status_the_table_expects) {
  std::vector<std::string> problems;
  const auto rows = read_table(problems);
  BOOST_TEST_REQUIRE(!rows.empty());
  World shared = make_world();
  int cells = 0;
  for (const Row& row : rows) {
    for (int subject = 0; subject < kSubjects; ++subject) {
      for (int side = 0; side < 2; ++side) {
        const std::string& expected = row.expected[2 * subject + side];
        if (expected == "-") continue;
        const std::string cell = std::string(kSubjectNames[subject]) + "/" + kSideNames[side];
        try {
          std::optional<World> own_world;
          if (row.isolation == "world") own_world.emplace(make_world());
          World& world = own_world ? *own_world : shared;
          const int account = account_of(static_cast<Subject>(subject), side);
          std::map<std::string, json> objects;
          const std::string path = fill(row.path, objects, world, account);
          const std::string cookie = log_in(static_cast<Subject>(subject), world);
          const Answer answer = send(row, path, row.body, cookie, objects, world, account);
          if (own_world) log_in_staff();
          ++cells;
          if (std::to_string(answer.status) != expected)
            problems.push_back(row.where() + " — " + cell + ": expected " + expected + ", got " +
                               std::to_string(answer.status) + (answer.code().empty() ? "" : " " + answer.code()));
        } catch (const std::exception& failure) {
          problems.push_back(row.where() + " — " + cell + ": setup failed: " + failure.what());
        }
      }
    }
  }
  BOOST_TEST_MESSAGE("authorization matrix: " << rows.size() << " rows, " << cells << " cells checked");
  std::ostringstream report;
  for (const std::string& problem : problems) report << "\n  " << problem;
  BOOST_TEST(problems.empty(), problems.size() << " cells differ from the table:" << report.str());
}

// The matrix sees statuses only; a list answers 200 to everyone, so what it holds is checked here:
// one fresh object of each kind per account, and who finds which in the lists.
BOOST_AUTO_TEST_CASE(lists_hold_only_what_the_subject_may_see) {
  World world = make_world();
  const std::vector<std::string> kinds{"ticket", "user_ticket", "order", "invoice", "invitation"};
  std::map<std::string, std::array<Id, 2>> made;
  for (int account : {kAccountA, kAccountB})
    for (const std::string& kind : kinds) made[kind][account] = make_object(kind, world, account)["id"].get<Id>();
  const auto ids = [](const ApiResponse& answer, const std::string& list) {
    std::set<Id> found;
    if (answer.body.is_object() && answer.body.contains(list))
      for (const json& item : answer.body[list]) found.insert(item["id"].get<Id>());
    return found;
  };
  for (Subject subject : {owner_a, user_a, owner_b, operator_, admin}) {
    ApiClient api(server.port());
    api.set_cookie(log_in(subject, world));
    const bool staff = subject == operator_ || subject == admin;
    const bool owner = subject == owner_a || subject == owner_b;
    const std::set<Id> tickets = ids(api.get("/api/v1/tickets"), "tickets");
    const std::set<Id> orders = ids(api.get("/api/v1/orders"), "orders");
    const std::set<Id> invoices = ids(api.get("/api/v1/invoices"), "invoices");
    const auto people = api.get("/api/v1/account/users");
    const std::set<Id> invitations = ids(people, "invitations");
    for (int side = 0; side < 2; ++side) {
      const int account = account_of(subject, side);
      const bool own = side == 0;
      const std::string context = std::string(kSubjectNames[subject]) + ", " + kSideNames[side] + " account's ";
      BOOST_TEST(tickets.count(made["ticket"][account]) == (staff || (own && owner)), context << "owner's ticket");
      BOOST_TEST(tickets.count(made["user_ticket"][account]) == (staff || own), context << "user's ticket");
      BOOST_TEST(orders.count(made["order"][account]) == (own && owner), context << "order");
      BOOST_TEST(invoices.count(made["invoice"][account]) == (own && owner), context << "invoice");
      BOOST_TEST(invitations.count(made["invitation"][account]) == (own && owner), context << "invitation");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// The account area (see account.hpp): its screens and the sign-up, log-in and log-out calls.
#include "areas/account.hpp"

#include "app.hpp"
#include "core/json_read.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

const ScreenDef kScreens[] = {
    {"signup", "/signup", "signup.title", Audience::visitor, nullptr},
    {"login", "/login", "login.title", Audience::visitor, nullptr, "nav.login"},
};

std::optional<wire::Me> decode_me(const HttpResponse& answer) {
  const auto parsed = read::parse(answer.body);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  try {
    return parsed.get<wire::Me>();
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

// Sign-up and log-in answer Me with the session's cookie.
void session_answer(App& app, const HttpResponse& answer, int expected) {
  const auto me = answer.status == expected ? decode_me(answer) : std::nullopt;
  if (me) app.signed_in_as(*me);
  else app.fail(answer);
}

}  // namespace

namespace account {

void install(App& app) {
  app.router().add(kScreens);
  app.requests().on("account.signup", [&app](const Request&, const HttpResponse& answer) { session_answer(app, answer, 201); });
  app.requests().on("account.login", [&app](const Request&, const HttpResponse& answer) { session_answer(app, answer, 200); });
}

void submit_signup(App& app) {
  app.clear_error();
  // The domain's own validation first: a field at fault is shown at once, online or not.
  const json body = wire::to_json(app.account.signup.fields);
  if (const auto parsed = wire::parse_signup(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  app.requests().send(Request{.kind = "account.signup", .method = "POST", .path = "/auth/signup", .body = body.dump()});
}

void submit_login(App& app) {
  app.clear_error();
  const json body = wire::to_json(app.account.login);
  app.requests().send(Request{.kind = "account.login", .method = "POST", .path = "/auth/login", .body = body.dump()});
}

void logout(App& app) {
  app.requests().send(Request{.kind = "account.logout", .method = "POST", .path = "/auth/logout", .body = "{}"});
  app.end_session("/");
}

}  // namespace account

}  // namespace tessera::client

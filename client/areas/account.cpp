// The account area (see account.hpp): its screens and the sign-up, confirmation, log-in and
// log-out calls.
#include "areas/account.hpp"

#include "app.hpp"
#include "core/json_read.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

// The mail's link arrives as "/signup-confirm/<token>": the token is kept in memory and the
// address replaced by "/signup-confirm", so it stays neither in the address bar nor in the history.
void enter_confirm_link(App& app, const RouteParams& params) {
  const std::string token = params.text("token");  // before navigate() replaces the route and its params
  app.account.confirm = SignupConfirmState{};
  app.account.confirm.token = token;
  app.navigate("/signup-confirm", true);
}

void enter_confirm(App& app, const RouteParams&) {
  auto& confirm = app.account.confirm;
  if (confirm.token.empty()) {  // a reload: the token was never written anywhere
    confirm.link_error = make_error("signup_link_missing");
    return;
  }
  if (!confirm.link_error && !app.busy("account.signup_confirm")) account::confirm_signup(app);
}

const ScreenDef kScreens[] = {
    {"signup", "/signup", "signup.title", Audience::visitor, nullptr},
    {"signup_confirm_link", "/signup-confirm/{token}", "signup_confirm.title", Audience::visitor, enter_confirm_link},
    {"signup_confirm", "/signup-confirm", "signup_confirm.title", Audience::visitor, enter_confirm},
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

// Mail off: 201 Me and the session. Mail on: 202 {"status":"confirmation_sent"}, whatever the address.
void signup_answer(App& app, const HttpResponse& answer) {
  if (answer.status == 202) {
    const auto parsed = read::parse(answer.body);
    if (!parsed.is_discarded() && parsed.is_object() && read::text(parsed, "status") == "confirmation_sent") {
      auto& form = app.account.signup;
      form.sent_to = form.fields.email;
      form.fields.password.clear();
      return;
    }
  }
  session_answer(app, answer, 201);
}

void confirm_answer(App& app, const Request& request, const HttpResponse& answer) {
  auto& confirm = app.account.confirm;
  if (read::text(request.context, "token") != confirm.token) return;  // another link since
  if (answer.status == 0) {
    confirm.unanswered = true;
    return;
  }
  if (answer.status == 201) {
    if (const auto me = decode_me(answer)) {
      confirm = SignupConfirmState{};
      app.account.signup = SignupForm{};
      return app.signed_in_as(*me);
    }
  }
  if (answer.status == 404 || answer.status == 410) {
    Error error = App::error_of(answer);
    if (error.code != "signup_link_used" && error.code != "signup_link_expired")
      error = make_error(answer.status == 404 ? "signup_link_unknown" : "signup_link_expired");
    error.field.clear();
    confirm.link_error = error;
    return;
  }
  app.fail(answer);  // 429, 5xx: said in the banner; Try again stays
  confirm.unanswered = true;
}

}  // namespace

namespace account {

void install(App& app) {
  app.router().add(kScreens);
  app.requests().on("account.signup", [&app](const Request&, const HttpResponse& answer) { signup_answer(app, answer); });
  app.requests().on("account.signup_confirm",
                    [&app](const Request& request, const HttpResponse& answer) { confirm_answer(app, request, answer); });
  app.on_test_state([&app](json& out) {
    out["signup"] = {{"sent_to", app.account.signup.sent_to},
                     {"confirm_error", app.account.confirm.link_error ? app.account.confirm.link_error->code : ""},
                     {"confirm_unanswered", app.account.confirm.unanswered}};
  });
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

void signup_again(App& app) {
  app.clear_error();
  app.account.signup.sent_to.clear();
}

void confirm_signup(App& app) {
  auto& confirm = app.account.confirm;
  confirm.unanswered = false;
  app.clear_error();
  const json body{{"token", confirm.token}};
  app.requests().send(Request{.kind = "account.signup_confirm",
                              .method = "POST",
                              .path = "/auth/signup/confirm",
                              .body = body.dump(),
                              .context = {{"token", confirm.token}}});
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

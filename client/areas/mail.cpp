// The mail area (see mail.hpp): its screens, request kinds and answers — the reset link asked
// for and used, the mail preferences, the admin's outbox and its "send again".
//
// [SECTION] Screens  [SECTION] Answers  [SECTION] Actions
#include "areas/mail.hpp"

#include <algorithm>

#include "app.hpp"
#include "core/json_read.hpp"
#include "tessera/email.hpp"
#include "tessera/limits.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

// [SECTION] Screens
void enter_forgot(App& app, const RouteParams&) {
  auto& forgot = app.mail.forgot;
  forgot.sent = false;
  if (!app.account.login.email.empty()) forgot.email = app.account.login.email;  // what was typed on log-in
}

// The mail's link arrives as "/password-reset/<token>": the token is kept in memory and the
// address replaced by "/password-reset", so it stays neither in the address bar nor in the history.
void enter_reset_link(App& app, const RouteParams& params) {
  const std::string token = params.text("token");  // before navigate() replaces the route and its params
  app.mail.reset = ResetState{};
  app.mail.reset.token = token;
  app.navigate("/password-reset", true);
}

void enter_reset(App& app, const RouteParams&) {
  auto& reset = app.mail.reset;
  if (reset.done) return;
  if (reset.token.empty()) {  // a reload: the token was never written anywhere
    reset.link_error = make_error("reset_link_missing");
    return;
  }
  mail::check_reset_link(app);
}

void enter_outbox(App& app, const RouteParams& params) {
  const std::string state = params.text("state");
  const bool known = std::find(std::begin(mail::kStates), std::end(mail::kStates), state) != std::end(mail::kStates);
  app.mail.outbox.filter = known ? state : std::string();
  mail::load_outbox(app);
}

const ScreenDef kScreens[] = {
    {"forgot_password", "/forgot-password", "forgot.title", Audience::visitor, enter_forgot},
    {"password_reset_link", "/password-reset/{token}", "reset.title", Audience::visitor, enter_reset_link},
    {"password_reset", "/password-reset", "reset.title", Audience::visitor, enter_reset},
    {"admin_mail", "/admin/mail", "admin.mail.title", Audience::admin, enter_outbox, "nav.admin_mail", true},
};

// [SECTION] Answers
std::optional<json> object_of(const HttpResponse& answer) {
  auto parsed = read::parse(answer.body);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  return parsed;
}

OutboxMail mail_of(const json& view) {
  OutboxMail mail;
  mail.id = static_cast<Id>(read::integer(view, "id"));
  mail.kind = read::text(view, "kind");
  mail.to = read::text(view, "to");
  mail.language = read::text(view, "language");
  mail.subject = read::text(view, "subject");
  mail.state = read::text(view, "state");
  mail.attempts = read::integer(view, "attempts");
  mail.next_attempt_at = read::integer(view, "next_attempt_at");
  mail.last_error = read::text(view, "last_error");
  mail.created_at = read::integer(view, "created_at");
  if (const auto* sent = read::member(view, "sent_at"); sent && sent->is_number_integer()) mail.sent_at = sent->get<Instant>();
  mail.message_id = read::text(view, "message_id");
  return mail;
}

// A link that cannot be used: the server's reason (404 without one: unknown).
Error link_error_of(const HttpResponse& answer) {
  Error error = App::error_of(answer);
  if (answer.status == 404 && error.code != "reset_link_unknown") error = make_error("reset_link_unknown");
  if (answer.status == 410 && error.code != "reset_link_used" && error.code != "reset_link_expired")
    error = make_error("reset_link_expired");
  error.field.clear();
  return error;
}

void forgot_answer(App& app, const HttpResponse& answer) {
  if (answer.status < 200 || answer.status >= 300) return app.fail(answer);
  app.mail.forgot.sent = true;
}

void check_answer(App& app, const Request& request, const HttpResponse& answer) {
  auto& reset = app.mail.reset;
  if (read::text(request.context, "token") != reset.token) return;  // another link since
  if (answer.status == 0) return;  // no answer: the screen waits for the connection (and asks again then)
  const auto body = answer.status == 200 ? object_of(answer) : std::nullopt;
  if (body && read::integer(*body, "expires_at") > 0) {
    reset.expires_at = read::integer(*body, "expires_at");
    reset.link_error.reset();
    return;
  }
  reset.expires_at.reset();
  reset.link_error = answer.status == 404 || answer.status == 410 ? link_error_of(answer) : App::error_of(answer);
}

void reset_answer(App& app, const HttpResponse& answer) {
  auto& reset = app.mail.reset;
  if (answer.status == 204 || answer.status == 200) {
    reset = ResetState{};
    reset.done = true;
    return;
  }
  if (answer.status == 404 || answer.status == 410) {  // used or expired meanwhile: the form goes
    reset.expires_at.reset();
    reset.link_error = link_error_of(answer);
    return;
  }
  app.fail(answer);
}

std::optional<MailPreferences> preferences_of(const HttpResponse& answer) {
  const auto body = answer.status == 200 ? object_of(answer) : std::nullopt;
  if (!body) return std::nullopt;
  const auto* tickets = read::member(*body, "tickets");
  const auto* commerce = read::member(*body, "commerce");
  if (!tickets || !commerce || !tickets->is_boolean() || !commerce->is_boolean()) return std::nullopt;
  return MailPreferences{tickets->get<bool>(), commerce->get<bool>()};
}

void preferences_answer(App& app, const HttpResponse& answer, bool saving) {
  auto& state = app.mail.preferences;
  if (const auto preferences = preferences_of(answer)) {
    state.form = *preferences;
    state.loaded = true;
    state.error.reset();
    state.saved = saving;
    return;
  }
  state.error = answer.status == 200 ? make_error("internal") : App::error_of(answer);
}

void outbox_answer(App& app, const Request& request, const HttpResponse& answer) {
  auto& outbox = app.mail.outbox;
  if (read::text(request.context, "state") != outbox.filter) return;  // another filter since
  const auto body = answer.status == 200 ? object_of(answer) : std::nullopt;
  if (!body) {
    outbox.loaded = false;
    return app.fail(answer);
  }
  outbox.mail_enabled = read::flag(*body, "mail_enabled", true);
  const auto& counts = read::object(*body, "counts");
  outbox.pending = read::integer(counts, "pending");
  outbox.sent = read::integer(counts, "sent");
  outbox.failed = read::integer(counts, "failed");
  outbox.mails.clear();
  const auto& mails = read::object(*body, "mails");
  if (mails.is_array())
    for (const auto& view : mails)
      if (view.is_object()) outbox.mails.push_back(mail_of(view));
  outbox.loaded = true;
}

void retry_answer(App& app, const HttpResponse& answer) {
  auto& outbox = app.mail.outbox;
  const auto body = answer.status == 200 ? object_of(answer) : std::nullopt;
  if (!body) {
    app.fail(answer);
  } else {
    const OutboxMail mail = mail_of(*body);
    for (auto& shown : outbox.mails)
      if (shown.id == mail.id) shown = mail;
    outbox.retried = mail.to;
  }
  mail::load_outbox(app);  // the counts (and, filtered, the rows) change
}

}  // namespace

namespace mail {

void install(App& app) {
  app.router().add(kScreens);
  auto& requests = app.requests();
  requests.on("mail.forgot", [&app](const Request&, const HttpResponse& answer) { forgot_answer(app, answer); });
  requests.on("mail.check", [&app](const Request& request, const HttpResponse& answer) { check_answer(app, request, answer); });
  requests.on("mail.reset", [&app](const Request&, const HttpResponse& answer) { reset_answer(app, answer); });
  requests.on("mail.preferences", [&app](const Request&, const HttpResponse& answer) {
    preferences_answer(app, answer, false);
  });
  requests.on("mail.preferences_save", [&app](const Request&, const HttpResponse& answer) {
    preferences_answer(app, answer, true);
  });
  requests.on("mail.outbox", [&app](const Request& request, const HttpResponse& answer) { outbox_answer(app, request, answer); });
  requests.on("mail.retry", [&app](const Request&, const HttpResponse& answer) { retry_answer(app, answer); });
  app.on_session_end([&app] {
    // What a visitor typed or was told stays (the reset page ends every session, this one too).
    MailArea fresh;
    fresh.forgot = app.mail.forgot;
    fresh.reset = app.mail.reset;
    app.mail = std::move(fresh);
  });
  app.on_test_state([&app](json& out) {
    const auto& area = app.mail;
    json mails = json::array();
    for (const auto& mail : area.outbox.mails)
      mails.push_back({{"id", mail.id}, {"kind", mail.kind}, {"to", mail.to}, {"state", mail.state}});
    out["mail"] = {
        {"forgot", {{"email", area.forgot.email}, {"sent", area.forgot.sent}}},
        {"reset",
         {{"has_token", !area.reset.token.empty()},
          {"expires_at", area.reset.expires_at.value_or(0)},
          {"link_error", area.reset.link_error ? area.reset.link_error->code : std::string()},
          {"done", area.reset.done}}},
        {"preferences",
         {{"loaded", area.preferences.loaded},
          {"tickets", area.preferences.form.tickets},
          {"commerce", area.preferences.form.commerce},
          {"saved", area.preferences.saved},
          {"error", area.preferences.error ? area.preferences.error->code : std::string()}}},
        {"outbox",
         {{"loaded", area.outbox.loaded},
          {"mail_enabled", area.outbox.mail_enabled},
          {"filter", area.outbox.filter},
          {"counts", {{"pending", area.outbox.pending}, {"sent", area.outbox.sent}, {"failed", area.outbox.failed}}},
          {"mails", mails},
          {"retried", area.outbox.retried}}}};
  });
}

void ask_reset_link(App& app) {
  app.clear_error();
  auto& forgot = app.mail.forgot;
  forgot.sent = false;
  const std::string email = normalize_email(forgot.email);
  if (email.empty()) {
    app.error = make_error("required", "email");
    return;
  }
  if (!is_valid_email(email)) {
    app.error = make_error("invalid_email", "email");
    return;
  }
  app.requests().send(Request{.kind = "mail.forgot",
                              .method = "POST",
                              .path = "/auth/password-reset",
                              .body = json{{"email", email}}.dump()});
}

void check_reset_link(App& app) {
  const auto& reset = app.mail.reset;
  app.requests().send(Request{.kind = "mail.check",
                              .method = "GET",
                              .path = "/auth/password-reset/" + reset.token,
                              .context = {{"token", reset.token}}});
}

void set_new_password(App& app) {
  app.clear_error();
  const auto& reset = app.mail.reset;
  // The server's rules, said at the field before anything is sent: 10 to 128 bytes, twice the same.
  if (reset.password.empty()) {
    app.error = make_error("required", "password");
    return;
  }
  if (reset.password.size() < Limits::password_min) {
    app.error = make_error("password_too_short", "password");
    return;
  }
  if (reset.password.size() > Limits::password_max) {
    app.error = make_error("password_too_long", "password");
    return;
  }
  if (reset.confirmation != reset.password) {
    app.error = make_error("password_mismatch", "confirmation");
    return;
  }
  app.requests().send(Request{.kind = "mail.reset",
                              .method = "POST",
                              .path = "/auth/password-reset/" + reset.token,
                              .body = json{{"password", reset.password}}.dump()});
}

void load_preferences(App& app) {
  app.mail.preferences.saved = false;
  app.requests().send(Request{.kind = "mail.preferences", .method = "GET", .path = "/account/mail-preferences"});
}

void save_preferences(App& app) {
  auto& state = app.mail.preferences;
  state.saved = false;
  state.error.reset();
  const json body{{"tickets", state.form.tickets}, {"commerce", state.form.commerce}};
  app.requests().send(
      Request{.kind = "mail.preferences_save", .method = "PUT", .path = "/account/mail-preferences", .body = body.dump()});
}

void load_outbox(App& app) {
  const auto& filter = app.mail.outbox.filter;
  const std::string query = filter.empty() ? "?limit=100" : "?state=" + filter + "&limit=100";
  app.requests().send(
      Request{.kind = "mail.outbox", .method = "GET", .path = "/admin/mail" + query, .context = {{"state", filter}}});
}

void show_outbox(App& app, std::string_view state) {
  app.mail.outbox.retried.clear();
  app.navigate(state.empty() ? std::string("/admin/mail") : "/admin/mail?state=" + std::string(state), true);
}

void retry(App& app, Id mail_id) {
  app.clear_error();
  app.mail.outbox.retried.clear();
  app.requests().send(Request{.kind = "mail.retry",
                              .method = "POST",
                              .path = "/admin/mail/" + std::to_string(mail_id) + "/retry",
                              .body = "{}"});
}

}  // namespace mail

}  // namespace tessera::client

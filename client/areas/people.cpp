// The people area (see people.hpp): its screens, request kinds and answers, the invitation
// link's address, and the drafts of its forms kept on the device.
//
// [SECTION] Screens  [SECTION] Decoding  [SECTION] Stored documents  [SECTION] Answers  [SECTION] Actions
#include "areas/people.hpp"

#include <imgui.h>

#include "app.hpp"
#include "core/json_read.hpp"
#include "tessera/domain_wire.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

constexpr int kStoredVersion = 1;

// [SECTION] Screens
void enter_users(App& app, const RouteParams&) { people::load_users(app); }
void enter_onboarding(App& app, const RouteParams&) { people::load_onboarding(app); }
void enter_account(App& app, const RouteParams&) {
  app.people.password_changed = false;
  if (app.session.me && app.session.me->user.account_owner) people::load_onboarding(app);
  if (app.session.me && app.session.me->user.role == Role::customer) mail::load_preferences(app);
}
void enter_invitation(App& app, const RouteParams& params) { people::load_invitation(app, params.text("token")); }

const ScreenDef kScreens[] = {
    {"account", "/account", "account.title", Audience::signed_in, enter_account, "nav.account"},
    {"people", "/account/users", "people.title", Audience::customer, enter_users},
    {"onboarding", "/account/onboarding", "onboarding.title", Audience::customer, enter_onboarding},
    // The one-time link "…/#invitation=<token>" arrives as "/invitation/<token>" (the router).
    {"invitation", "/invitation/{token}", "invitation.title", Audience::visitor, enter_invitation},
};

// [SECTION] Decoding
using read::decode;  // core/json_read.hpp

std::string lines_of(const json& list) {
  std::string out;
  if (!list.is_array()) return out;
  for (const auto& entry : list)
    if (entry.is_string()) out += (out.empty() ? "" : "\n") + entry.get<std::string>();
  return out;
}

json list_of(const std::string& lines) {
  json out = json::array();
  std::size_t start = 0;
  while (start <= lines.size()) {
    auto end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    std::string line = lines.substr(start, end - start);
    const auto first = line.find_first_not_of(" \t\r");
    const auto last = line.find_last_not_of(" \t\r");
    if (first != std::string::npos) out.push_back(line.substr(first, last - first + 1));
    start = end + 1;
  }
  return out;
}

OnboardingStep step_from(const json& view) {
  OnboardingStep step;
  step.available = read::flag(view, "available");
  step.required = read::flag(view, "required");
  step.choice = parse_onboarding_choice(read::text(view, "choice")).value_or(OnboardingChoice::pending);
  const auto& call = read::object(view, "call");
  step.call_at = read::integer(call, "starts_at");
  step.call_length = read::integer(call, "length");
  step.done = read::flag(view, "done");
  step.done_at = read::integer(view, "done_at");
  return step;
}

OnboardingForm form_from(const json& view) {
  const auto& contacts = read::object(view, "contacts");
  const auto& environment = read::object(view, "environment");
  return OnboardingForm{lines_of(read::object(contacts, "phones")),
                        lines_of(read::object(contacts, "emails")),
                        read::text(contacts, "preferred_hours"),
                        lines_of(read::object(environment, "devices")),
                        lines_of(read::object(environment, "operating_systems")),
                        read::text(environment, "network"),
                        lines_of(read::object(environment, "key_software")),
                        false};
}

// "contacts.phones[2]" -> "contacts.phones": the form has one field per list.
Error at_form_field(Error error) {
  if (const auto bracket = error.field.find('['); bracket != std::string::npos) {
    error.params["line"] = std::to_string(std::atoi(error.field.c_str() + bracket + 1) + 1);
    error.field.resize(bracket);
  }
  return error;
}

// [SECTION] Stored documents: what is typed in the longer forms.
json save_drafts(const PeopleArea& area) {
  const auto& form = area.onboarding_form;
  json out{{"version", kStoredVersion}, {"invite_email", area.invite_email}};
  if (form.edited)
    out["onboarding"] = {{"phones", form.phones},   {"emails", form.emails},
                         {"preferred_hours", form.preferred_hours}, {"devices", form.devices},
                         {"operating_systems", form.operating_systems}, {"network", form.network},
                         {"key_software", form.key_software}};
  return out;
}

void load_drafts(PeopleArea& area, const json& stored) {
  if (read::integer(stored, "version") != kStoredVersion) return;
  area.invite_email = read::text(stored, "invite_email");
  const auto& form = read::object(stored, "onboarding");
  if (!form.is_object()) return;
  area.onboarding_form = OnboardingForm{read::text(form, "phones"),  read::text(form, "emails"),
                                        read::text(form, "preferred_hours"), read::text(form, "devices"),
                                        read::text(form, "operating_systems"), read::text(form, "network"),
                                        read::text(form, "key_software"), true};
}

// [SECTION] Answers
void users_answer(App& app, const HttpResponse& answer) {
  auto& area = app.people;
  if (answer.status == 403) {
    area.people_owner_only = true;
    return;
  }
  const auto people = answer.status == 200 ? decode<wire::AccountPeople>(answer.body) : std::nullopt;
  if (people) area.people = *people;
  else if (answer.status != 0) app.fail(answer);
  else app.error = make_error("network");
}

// Mail off: the invitation with its link to pass on. Mail on: {"status":"invitation_sent"},
// the same whether the address has an account or not; the link went by mail.
void invite_answer(App& app, const HttpResponse& answer) {
  auto& area = app.people;
  const auto body = answer.status == 201 ? read::parse(answer.body) : json(json::value_t::discarded);
  const bool by_mail = !body.is_discarded() && body.is_object() && read::text(body, "status") == "invitation_sent";
  const auto created = answer.status == 201 && !by_mail ? decode<wire::InvitationView>(answer.body) : std::nullopt;
  if (!created && !by_mail) {
    app.fail(answer);
    if (app.error && app.error->field.rfind("scope", 0) == 0) app.error->field = "scope";
    return;
  }
  area.created = created;
  area.sent_by_mail = by_mail ? area.invite_email : std::string();
  area.link_copied = false;
  area.invite_email.clear();
  area.invite_scope = MemberScope{};
  people::load_users(app);
}

// Withdraw, scope, remove: the list is read again; a short note says what happened.
void change_answer(App& app, const HttpResponse& answer, int expected, std::string_view done_key) {
  if (answer.status != expected) return app.fail(answer);
  app.people.notice = std::string(app.text(done_key));
  app.people.confirm_remove = 0;
  people::load_users(app);
}

void preview_answer(App& app, const HttpResponse& answer) {
  auto& area = app.people;
  const auto preview = answer.status == 200 ? decode<wire::InvitationPreview>(answer.body) : std::nullopt;
  if (preview) {
    area.preview = *preview;
    area.preview_error.reset();
    return;
  }
  if (answer.status == 0) return;  // no answer: the page waits for the connection (and asks again then)
  area.preview.reset();
  area.preview_error = App::error_of(answer);
  if (answer.status == 404) area.preview_error = make_error("invitation_unknown");
}

void accept_answer(App& app, const HttpResponse& answer) {
  const auto me = answer.status == 201 ? decode<wire::Me>(answer.body) : std::nullopt;
  if (!me) return app.fail(answer);
  app.people.accept = wire::AcceptInvitationRequest{};
  app.signed_in_as(*me);
}

void password_answer(App& app, const HttpResponse& answer) {
  if (answer.status != 204) return app.fail(answer);
  app.people.password = wire::PasswordChangeRequest{};
  app.people.password_changed = true;
}

void onboarding_answer(App& app, const HttpResponse& answer) {
  auto& area = app.people;
  if (answer.status == 403) {
    area.onboarding_owner_only = true;
    return;
  }
  const auto parsed = json::parse(answer.body, nullptr, false);
  if (answer.status != 200 || parsed.is_discarded() || !parsed.is_object()) {
    if (answer.status != 0) app.fail(answer);
    else app.error = make_error("network");
    return;
  }
  const auto& view = read::object(parsed, "onboarding");
  OnboardingStep step = step_from(view);
  for (const auto& slot : read::object(parsed, "free_slots"))
    step.free_slots.push_back({read::integer(slot, "id"), read::integer(slot, "starts_at"),
                               read::integer(slot, "length_minutes")});
  area.onboarding = step;
  if (!area.onboarding_form.edited) area.onboarding_form = form_from(view);
}

// Booking, "by email instead", details: the answer is the step; the free slots are read again.
void onboarding_change_answer(App& app, const HttpResponse& answer, bool details) {
  if (answer.status != 200) {
    app.fail(answer);
    if (app.error) app.error = at_form_field(*app.error);
    return;
  }
  if (details) {
    app.people.onboarding_form.edited = false;
    app.people.onboarding_saved = true;
  }
  people::load_onboarding(app);
}

}  // namespace

namespace people {

void install(App& app) {
  app.router().add(kScreens);
  auto& requests = app.requests();
  requests.on("people.list", [&app](const Request&, const HttpResponse& answer) { users_answer(app, answer); });
  requests.on("people.invite", [&app](const Request&, const HttpResponse& answer) { invite_answer(app, answer); });
  requests.on("people.withdraw", [&app](const Request&, const HttpResponse& answer) {
    change_answer(app, answer, 204, "people.withdrawn");
  });
  requests.on("people.scope", [&app](const Request&, const HttpResponse& answer) {
    change_answer(app, answer, 200, "people.scope_changed");
  });
  requests.on("people.remove", [&app](const Request&, const HttpResponse& answer) {
    change_answer(app, answer, 204, "people.removed");
  });
  requests.on("people.preview", [&app](const Request&, const HttpResponse& answer) { preview_answer(app, answer); });
  requests.on("people.accept", [&app](const Request&, const HttpResponse& answer) { accept_answer(app, answer); });
  requests.on("people.password", [&app](const Request&, const HttpResponse& answer) { password_answer(app, answer); });
  requests.on("people.logout_everywhere", [](const Request&, const HttpResponse&) {});
  requests.on("onboarding.get", [&app](const Request&, const HttpResponse& answer) { onboarding_answer(app, answer); });
  requests.on("onboarding.book", [&app](const Request&, const HttpResponse& answer) {
    onboarding_change_answer(app, answer, false);
  });
  requests.on("onboarding.by_email", [&app](const Request&, const HttpResponse& answer) {
    onboarding_change_answer(app, answer, false);
  });
  requests.on("onboarding.details", [&app](const Request&, const HttpResponse& answer) {
    onboarding_change_answer(app, answer, true);
  });
  app.add_document({"people", [&app] { return save_drafts(app.people); },
                    [&app](const json& stored) { load_drafts(app.people, stored); }});
  app.on_session_end([&app] {
    // The invitation page's link stays (the guest may be about to accept it).
    PeopleArea fresh;
    fresh.token = app.people.token;
    fresh.preview = app.people.preview;
    fresh.preview_error = app.people.preview_error;
    app.people = std::move(fresh);
  });
  app.on_test_state([&app](json& out) {
    const auto& area = app.people;
    json users = json::array();
    json invitations = json::array();
    if (area.people) {
      for (const auto& user : area.people->users) users.push_back(user);
      for (const auto& invitation : area.people->invitations) invitations.push_back(invitation);
    }
    out["people"] = {{"users", users},
                     {"invitations", invitations},
                     {"owner_only", area.people_owner_only},
                     {"link", area.created ? area.created->link : std::string()},
                     {"link_copied", area.link_copied},
                     {"sent_by_mail", area.sent_by_mail},
                     {"notice", area.notice},
                     {"invitation_email", area.preview ? area.preview->email : std::string()},
                     {"invitation_error", area.preview_error ? area.preview_error->code : std::string()},
                     {"password_changed", area.password_changed}};
    if (area.onboarding)
      out["onboarding"] = {{"available", area.onboarding->available},
                           {"required", area.onboarding->required},
                           {"choice", to_string(area.onboarding->choice)},
                           {"call_at", area.onboarding->call_at},
                           {"done", area.onboarding->done},
                           {"free_slots", area.onboarding->free_slots.size()},
                           {"saved", area.onboarding_saved}};
  });
}

void load_users(App& app) {
  app.people.people_owner_only = false;
  app.requests().send(Request{.kind = "people.list", .method = "GET", .path = "/account/users"});
}

void invite(App& app) {
  app.clear_error();
  auto& area = app.people;
  area.notice.clear();
  json body{{"email", area.invite_email},
            {"scope", {{"subscription", area.invite_scope.subscription}, {"pool", area.invite_scope.pool}}}};
  const auto parsed = wire::parse_invitation_request(body);
  if (!parsed) {
    app.error = parsed.error();
    return;
  }
  body["email"] = parsed->email;
  app.requests().send(Request{.kind = "people.invite", .method = "POST", .path = "/account/invitations", .body = body.dump()});
}

void copy_link(App& app) {
  if (!app.people.created) return;
  ImGui::SetClipboardText(app.people.created->link.c_str());  // the platform hands it to the system clipboard
  app.people.link_copied = true;
}

void withdraw(App& app, Id invitation_id) {
  app.clear_error();
  if (app.people.created && app.people.created->id == invitation_id) app.people.created.reset();
  app.requests().send(Request{.kind = "people.withdraw",
                              .method = "DELETE",
                              .path = "/account/invitations/" + std::to_string(invitation_id)});
}

void set_scope(App& app, Id user_id, MemberScope scope) {
  app.clear_error();
  const json body{{"subscription", scope.subscription}, {"pool", scope.pool}};
  app.requests().send(Request{.kind = "people.scope",
                              .method = "PUT",
                              .path = "/account/users/" + std::to_string(user_id) + "/scope",
                              .body = body.dump()});
}

void remove(App& app, Id user_id) {
  app.clear_error();
  app.requests().send(Request{.kind = "people.remove", .method = "DELETE", .path = "/account/users/" + std::to_string(user_id)});
}

void load_invitation(App& app, const std::string& token) {
  auto& area = app.people;
  if (area.token != token) {
    area.preview.reset();
    area.preview_error.reset();
  }
  area.token = token;
  area.accept.language = app.language;
  app.requests().send(Request{.kind = "people.preview", .method = "GET", .path = "/invitations/" + token});
}

void accept_invitation(App& app) {
  app.clear_error();
  auto& area = app.people;
  area.accept.language = app.language;
  const json body{{"name", area.accept.name},
                  {"password", area.accept.password},
                  {"language", std::string(to_string(area.accept.language))}};
  if (const auto parsed = wire::parse_accept_invitation(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  app.requests().send(Request{.kind = "people.accept",
                              .method = "POST",
                              .path = "/invitations/" + area.token + "/accept",
                              .body = body.dump()});
}

void change_password(App& app) {
  app.clear_error();
  auto& area = app.people;
  area.password_changed = false;
  const json body{{"current_password", area.password.current_password}, {"new_password", area.password.new_password}};
  if (const auto parsed = wire::parse_password_change(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  app.requests().send(Request{.kind = "people.password", .method = "POST", .path = "/auth/password", .body = body.dump()});
}

void log_out_everywhere(App& app) {
  app.requests().send(Request{.kind = "people.logout_everywhere",
                              .method = "POST",
                              .path = "/auth/logout",
                              .body = json{{"everywhere", true}}.dump()});
  app.end_session("/");
}

void load_onboarding(App& app) {
  app.people.onboarding_owner_only = false;
  app.requests().send(Request{.kind = "onboarding.get", .method = "GET", .path = "/onboarding"});
}

void book_slot(App& app, Id slot_id) {
  app.clear_error();
  app.requests().send(Request{.kind = "onboarding.book",
                              .method = "POST",
                              .path = "/onboarding/booking",
                              .body = json{{"slot_id", slot_id}}.dump()});
}

void choose_by_email(App& app) {
  app.clear_error();
  app.requests().send(Request{.kind = "onboarding.by_email", .method = "POST", .path = "/onboarding/by-email", .body = "{}"});
}

json onboarding_body(const OnboardingForm& form) {
  return {{"contacts",
           {{"phones", list_of(form.phones)}, {"emails", list_of(form.emails)}, {"preferred_hours", form.preferred_hours}}},
          {"environment",
           {{"devices", list_of(form.devices)},
            {"operating_systems", list_of(form.operating_systems)},
            {"network", form.network},
            {"key_software", list_of(form.key_software)}}}};
}

void save_onboarding_details(App& app) {
  app.clear_error();
  app.people.onboarding_saved = false;
  const json body = onboarding_body(app.people.onboarding_form);
  // The server's own rules first (phones, emails, lengths), said at the field, offline too.
  if (const auto parsed = codec::decode_onboarding_details(body); !parsed) {
    app.error = at_form_field(parsed.error());
    return;
  }
  app.requests().send(Request{.kind = "onboarding.details", .method = "PUT", .path = "/onboarding/details", .body = body.dump()});
}

}  // namespace people

}  // namespace tessera::client

// Authorized users (SPEC §1.3) and password changes: invitations by one-time links that live
// 7 days, scopes, the subscription's user limit, removal, and sessions ended by a new password.
#include <regex>

#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
// The token at the end of an invitation link ("…/#invitation=<64 hex>").
std::string token_of(const ApiResponse& invited) {
  const std::string link = invited.body.value("link", std::string());
  const auto at = link.find("#invitation=");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  return link.substr(at + 12);
}

json accept_body(const std::string& name = "Bea User") {
  return {{"name", name}, {"password", "bea's long password"}, {"language", "fr"}};
}

struct MembersFixture : ServerFixture {
  // Ana owns a subscription with `extra` extra users, paid by check and recorded by an admin.
  ApiClient subscriber(const std::string& email, int extra) {
    ApiClient ana = customer(email);
    const auto order = ana.post("/api/v1/orders", json{{"kind", "subscription"}, {"extra_users", extra}, {"method", "check"}});
    BOOST_TEST_REQUIRE(order.status == 201);
    if (!admin_) admin_.emplace(staff("admin@tessera.test", "admin"));
    const auto paid = admin_->post("/api/v1/admin/orders/" + std::to_string(order.body["id"].get<Id>()) + "/payment",
                                   json::object());
    BOOST_TEST_REQUIRE(paid.status == 200);
    return ana;
  }
  // The invitee follows the link: a new client, with its own session once accepted.
  ApiClient accept(const std::string& token, const std::string& name = "Bea User") {
    ApiClient invitee = new_client();
    const auto accepted = invitee.post("/api/v1/invitations/" + token + "/accept", accept_body(name));
    BOOST_TEST_REQUIRE(accepted.status == 201);
    return invitee;
  }
  std::optional<ApiClient> admin_;
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(members, MembersFixture)

BOOST_AUTO_TEST_CASE(the_owner_invites_a_user_who_accepts_once_and_opens_tickets_within_the_scope) {
  ApiClient ana = subscriber("ana@example.com", 1);
  const auto invited = ana.post("/api/v1/account/invitations",
                                json{{"email", " Bea@Example.com "}, {"scope", {{"subscription", true}}}});
  BOOST_TEST_REQUIRE(invited.status == 201);
  BOOST_TEST(invited.body["email"] == "bea@example.com");
  BOOST_TEST(invited.body["state"] == "pending");
  BOOST_TEST(invited.body["expires_at"].get<Instant>() == server.now() + 7 * kSecondsPerDay);
  const std::string token = token_of(invited);
  BOOST_TEST(std::regex_match(token, std::regex("[0-9a-f]{64}")));

  // The public page of the link shows who invited whom; the token is never listed again.
  ApiClient anonymous = new_client();
  const auto preview = anonymous.get("/api/v1/invitations/" + token);
  BOOST_TEST(preview.status == 200);
  BOOST_TEST(preview.body["email"] == "bea@example.com");
  BOOST_TEST(preview.body["invited_by"] == "Ana Customer");
  const auto listed = ana.get("/api/v1/account/users");
  BOOST_TEST(listed.body["invitations"].size() == 1);
  BOOST_TEST(!listed.body["invitations"][0].contains("link"));
  BOOST_TEST(listed.raw.find(token) == std::string::npos);

  ApiClient bea = accept(token);
  const auto me = bea.get("/api/v1/me");
  BOOST_TEST(me.body["user"]["email"] == "bea@example.com");
  BOOST_TEST(me.body["user"]["language"] == "fr");
  BOOST_TEST(me.body["user"]["account_owner"] == false);
  BOOST_TEST(me.body["user"]["account_id"] == ana.get("/api/v1/me").body["user"]["account_id"]);
  BOOST_TEST(me.body["balances"]["funding_options"] == json::array({"subscription"}));

  // Once only: the same link again is refused, and so is the preview.
  ApiClient again = new_client();
  const auto second = again.post("/api/v1/invitations/" + token + "/accept", accept_body("Mallory"));
  BOOST_TEST(second.status == 410);
  BOOST_TEST(second.error_code() == "invitation_used");
  BOOST_TEST(again.get("/api/v1/invitations/" + token).error_code() == "invitation_used");

  // Bea opens a ticket on the subscription; she sees hers, Ana sees every ticket of the account.
  const Id bea_ticket = open_ticket(bea, "bea-1", "Bea's mail");
  const Id ana_ticket = open_ticket(ana, "ana-1", "Ana's printer");
  BOOST_TEST(bea.get("/api/v1/tickets").body["tickets"].size() == 1);
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"].size() == 2);
  BOOST_TEST(bea.get("/api/v1/tickets/" + std::to_string(ana_ticket)).status == 404);
  BOOST_TEST(ana.get("/api/v1/tickets/" + std::to_string(bea_ticket)).status == 200);

  // The owner's list: Ana (owner, every scope) and Bea with hers; the seats used and the limit.
  const auto people = ana.get("/api/v1/account/users");
  BOOST_TEST(people.body["users"].size() == 2);
  BOOST_TEST(people.body["users"][0]["owner"] == true);
  BOOST_TEST(people.body["users"][1]["email"] == "bea@example.com");
  BOOST_TEST(people.body["users"][1]["scope"]["subscription"] == true);
  BOOST_TEST(people.body["users"][1]["scope"]["pool"] == false);
  BOOST_TEST(people.body["invitations"].empty());
  BOOST_TEST(people.body["subscription_user_limit"] == 2);
  BOOST_TEST(people.body["subscription_seats_used"] == 2);
}

BOOST_AUTO_TEST_CASE(the_subscription_user_limit_counts_pending_invitations) {
  ApiClient ana = subscriber("ana@example.com", 1);  // 1 included + 1 extra = 2 users
  const json with_subscription{{"subscription", true}, {"pool", false}};
  BOOST_TEST(ana.post("/api/v1/account/invitations", json{{"email", "bea@example.com"}, {"scope", with_subscription}})
                 .status == 201);
  const auto full = ana.post("/api/v1/account/invitations", json{{"email", "carl@example.com"}, {"scope", with_subscription}});
  BOOST_TEST(full.status == 409);
  BOOST_TEST(full.error_code() == "user_limit_reached");
  BOOST_TEST(full.body["error"]["params"]["limit"] == "2");
  // Without the subscription scope Carl takes no seat; giving it to him later is refused too.
  const auto carl_invited = ana.post("/api/v1/account/invitations", json{{"email", "carl@example.com"}});
  BOOST_TEST_REQUIRE(carl_invited.status == 201);
  ApiClient carl = accept(token_of(carl_invited), "Carl");
  BOOST_TEST(carl.get("/api/v1/me").body["balances"]["funding_options"].empty());
  const auto carl_ticket = carl.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "carl-1"}});
  BOOST_TEST(carl_ticket.status == 402);
  const Id carl_id = carl.get("/api/v1/me").body["user"]["id"].get<Id>();
  const std::string carl_scope = "/api/v1/account/users/" + std::to_string(carl_id) + "/scope";
  BOOST_TEST(ana.put(carl_scope, with_subscription).error_code() == "user_limit_reached");
  // Withdrawing Bea's pending invitation frees the seat.
  const Id bea_invitation = ana.get("/api/v1/account/users").body["invitations"][0]["id"].get<Id>();
  BOOST_TEST(ana.del("/api/v1/account/invitations/" + std::to_string(bea_invitation)).status == 204);
  const auto scoped = ana.put(carl_scope, with_subscription);
  BOOST_TEST(scoped.status == 200);
  BOOST_TEST(scoped.body["scope"]["subscription"] == true);
  BOOST_TEST(carl.get("/api/v1/me").body["balances"]["funding_options"] == json::array({"subscription"}));
}

BOOST_AUTO_TEST_CASE(without_a_subscription_only_pool_or_own_purchases_are_possible) {
  ApiClient ana = customer("ana@example.com");  // trial only
  const auto refused = ana.post("/api/v1/account/invitations",
                                json{{"email", "bea@example.com"}, {"scope", {{"subscription", true}}}});
  BOOST_TEST(refused.status == 409);
  BOOST_TEST(refused.error_code() == "no_subscription");
  const auto invited = ana.post("/api/v1/account/invitations", json{{"email", "bea@example.com"}, {"scope", {{"pool", true}}}});
  BOOST_TEST_REQUIRE(invited.status == 201);
  ApiClient bea = accept(token_of(invited));
  // The owner's trial is the owner's: Bea has nothing to fund a ticket with yet.
  BOOST_TEST(bea.get("/api/v1/me").body["balances"]["funding_options"].empty());
}

BOOST_AUTO_TEST_CASE(a_link_expires_after_seven_days_and_a_new_invitation_replaces_the_old_link) {
  ApiClient ana = customer("ana@example.com");
  const std::string first = token_of(ana.post("/api/v1/account/invitations", json{{"email", "bea@example.com"}}));
  const std::string second = token_of(ana.post("/api/v1/account/invitations", json{{"email", "bea@example.com"}}));
  BOOST_TEST(first != second);
  ApiClient bea = new_client();
  BOOST_TEST(bea.get("/api/v1/invitations/" + first).error_code() == "invitation_revoked");
  BOOST_TEST(ana.get("/api/v1/account/users").body["invitations"].size() == 1);
  server.advance_seconds(7 * kSecondsPerDay);
  const auto late = bea.post("/api/v1/invitations/" + second + "/accept", accept_body());
  BOOST_TEST(late.status == 410);
  BOOST_TEST(late.error_code() == "invitation_expired");
  BOOST_TEST(bea.get("/api/v1/invitations/" + std::string(64, 'a')).status == 404);
  // Expired invitations leave the owner's list.
  ApiClient ana_again = new_client();  // a week later her session has gone idle
  BOOST_TEST(ana_again.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "correct horse battery"}})
                 .status == 200);
  BOOST_TEST(ana_again.get("/api/v1/account/users").body["invitations"].empty());
}

BOOST_AUTO_TEST_CASE(only_the_owner_manages_users_and_an_email_belongs_to_one_account) {
  ApiClient ana = customer("ana@example.com");
  ApiClient zoe = customer("zoe@example.com");
  // Zoe already has a login: she cannot be invited into Ana's account.
  const auto taken = ana.post("/api/v1/account/invitations", json{{"email", "zoe@example.com"}});
  BOOST_TEST(taken.status == 409);
  BOOST_TEST(taken.error_code() == "email_taken");
  BOOST_TEST(ana.post("/api/v1/account/invitations", json{{"email", "ana@example.com"}}).error_code() == "email_taken");
  const auto bad = ana.post("/api/v1/account/invitations", json{{"email", "not an email"}});
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(bad.body["error"]["field"] == "email");
  const auto bad_scope = ana.post("/api/v1/account/invitations", json{{"email", "bea@example.com"}, {"scope", {{"pool", "yes"}}}});
  BOOST_TEST(bad_scope.body["error"]["field"] == "scope.pool");

  const auto invited = ana.post("/api/v1/account/invitations", json{{"email", "bea@example.com"}});
  const Id invitation = invited.body["id"].get<Id>();
  ApiClient bea = accept(token_of(invited));
  const Id bea_id = bea.get("/api/v1/me").body["user"]["id"].get<Id>();
  const Id ana_id = ana.get("/api/v1/me").body["user"]["id"].get<Id>();
  // An authorized user is not the owner; another account's owner sees nothing of Ana's.
  BOOST_TEST(bea.get("/api/v1/account/users").error_code() == "owner_only");
  BOOST_TEST(bea.post("/api/v1/account/invitations", json{{"email", "carl@example.com"}}).error_code() == "owner_only");
  BOOST_TEST(zoe.del("/api/v1/account/users/" + std::to_string(bea_id)).status == 404);
  BOOST_TEST(zoe.put("/api/v1/account/users/" + std::to_string(bea_id) + "/scope", json{{"pool", true}}).status == 404);
  BOOST_TEST(zoe.del("/api/v1/account/invitations/" + std::to_string(invitation)).status == 404);
  ApiClient olga = staff("olga@tessera.test");
  BOOST_TEST(olga.get("/api/v1/account/users").status == 403);
  BOOST_TEST(new_client().get("/api/v1/account/users").status == 401);
  BOOST_TEST(ana.del("/api/v1/account/users/" + std::to_string(ana_id)).error_code() == "cannot_remove_owner");
}

BOOST_AUTO_TEST_CASE(a_removed_user_is_logged_out_keeps_tickets_in_the_account_and_can_be_invited_back) {
  ApiClient ana = subscriber("ana@example.com", 1);
  ApiClient bea = accept(token_of(ana.post("/api/v1/account/invitations",
                                           json{{"email", "bea@example.com"}, {"scope", {{"subscription", true}}}})));
  const Id ticket = open_ticket(bea, "bea-1");
  const Id bea_id = bea.get("/api/v1/me").body["user"]["id"].get<Id>();
  BOOST_TEST(ana.del("/api/v1/account/users/" + std::to_string(bea_id)).status == 204);
  BOOST_TEST(bea.get("/api/v1/me").status == 401);
  BOOST_TEST(new_client().post("/api/v1/auth/login", {{"email", "bea@example.com"}, {"password", "bea's long password"}})
                 .status == 401);
  BOOST_TEST(ana.get("/api/v1/tickets/" + std::to_string(ticket)).status == 200);
  BOOST_TEST(ana.get("/api/v1/account/users").body["users"].size() == 1);
  BOOST_TEST(ana.get("/api/v1/account/users").body["subscription_seats_used"] == 1);
  BOOST_TEST(ana.del("/api/v1/account/users/" + std::to_string(bea_id)).status == 404);
  // Invited back: the same login, a new password, her old ticket still hers.
  ApiClient back = accept(token_of(ana.post("/api/v1/account/invitations", json{{"email", "bea@example.com"}})), "Bea B.");
  BOOST_TEST(back.get("/api/v1/me").body["user"]["id"] == bea_id);
  BOOST_TEST(back.get("/api/v1/me").body["user"]["name"] == "Bea B.");
  BOOST_TEST(back.get("/api/v1/tickets/" + std::to_string(ticket)).status == 200);
}

BOOST_AUTO_TEST_CASE(changing_the_password_ends_the_other_sessions) {
  ApiClient ana = customer("ana@example.com");
  ApiClient laptop = new_client();
  BOOST_TEST(laptop.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "correct horse battery"}}).status == 200);
  const auto wrong = ana.post("/api/v1/auth/password", {{"current_password", "not it at all"}, {"new_password", "a brand new secret"}});
  BOOST_TEST(wrong.status == 403);
  BOOST_TEST(wrong.error_code() == "wrong_password");
  BOOST_TEST(wrong.body["error"]["field"] == "current_password");
  const auto short_one = ana.post("/api/v1/auth/password", {{"current_password", "correct horse battery"}, {"new_password", "short"}});
  BOOST_TEST(short_one.error_code() == "password_too_short");
  BOOST_TEST(laptop.get("/api/v1/me").status == 200);  // nothing changed yet

  const auto changed = ana.post("/api/v1/auth/password",
                                {{"current_password", "correct horse battery"}, {"new_password", "a brand new secret"}});
  BOOST_TEST(changed.status == 204);
  BOOST_TEST(ana.get("/api/v1/me").status == 200);     // this session stays
  BOOST_TEST(laptop.get("/api/v1/me").status == 401);  // the other one ended
  ApiClient again = new_client();
  BOOST_TEST(again.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "correct horse battery"}}).status == 401);
  BOOST_TEST(again.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "a brand new secret"}}).status == 200);
}

BOOST_AUTO_TEST_CASE(paid_seats_cannot_be_removed_while_users_hold_them) {
  ApiClient ana = subscriber("ana@example.com", 1);  // 2 seats: Ana and Bea
  ApiClient bea = accept(token_of(ana.post("/api/v1/account/invitations",
                                           json{{"email", "bea@example.com"}, {"scope", {{"subscription", true}}}})));
  const auto refused = ana.post("/api/v1/subscription/users", json{{"action", "remove"}, {"count", 1}});
  BOOST_TEST(refused.status == 409);
  BOOST_TEST(refused.error_code() == "seats_in_use");
  BOOST_TEST(refused.body["error"]["params"]["used"] == "2");
  BOOST_TEST(refused.body["error"]["params"]["limit"] == "1");
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["subscription_extra_users_next"] == 1);  // nothing changed
  // Bea keeps her login and her tickets, without the subscription: then the seat can go.
  const Id bea_id = bea.get("/api/v1/me").body["user"]["id"].get<Id>();
  BOOST_TEST(ana.put("/api/v1/account/users/" + std::to_string(bea_id) + "/scope", json{{"subscription", false}}).status == 200);
  BOOST_TEST(ana.post("/api/v1/subscription/users", json{{"action", "remove"}, {"count", 1}}).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

// The screen table and addresses. Every screen is one row — id, address pattern, title key,
// who may see it, its draw function and what to do on entering it — registered by the area
// that owns it; the router matches an address ("/tickets/42?tab=time") to the first row whose
// pattern fits and whose audience includes the user. Adding a screen adds a row, not a case.
#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera::client {

class App;

// Who may see a screen. `visitor`: only someone not signed in (home, log-in, sign-up);
// signed-in users are sent to their own start screen instead.
enum class Audience { anyone, visitor, signed_in, customer, staff, admin };
bool audience_includes(Audience audience, std::optional<Role> role);

struct RouteParams {
  std::map<std::string, std::string, std::less<>> values;  // {name} segments and ?query=values
  std::string text(std::string_view name) const;
  std::optional<Id> id(std::string_view name) const;  // a positive whole number, else nullopt
};

struct ScreenDef {
  std::string_view id;         // stable: the test hook's "screen", "tickets.detail"
  std::string_view pattern;    // "/tickets/{id}"; literal segments and {name} placeholders
  std::string_view title_key;  // the page title and heading ("tickets.title")
  Audience audience = Audience::anyone;
  void (*on_enter)(App& app, const RouteParams& params) = nullptr;  // may be null
  // Non-empty: the screen is a place of the top bar's navigation (or its menu) for its
  // audience, under this text key, in the order the tables were added; its test id is
  // "nav.<id>" and its pattern must have no placeholder.
  std::string_view nav_key = {};
  // The screen uses the window's width (a desk with two columns) instead of the reading column.
  bool wide = false;
};

struct Route {
  const ScreenDef* screen = nullptr;
  RouteParams params;
  std::string address;  // normalised: "/tickets/42"
};

class Router {
 public:
  void add(std::span<const ScreenDef> screens);
  const std::vector<ScreenDef>& screens() const { return screens_; }
  const ScreenDef* find(std::string_view id) const;

  // The first screen whose pattern fits `address` and whose audience includes `role`.
  // "name=value" (a link such as "#invitation=<token>") is read as "/name/value".
  std::optional<Route> match(std::string_view address, std::optional<Role> role) const;
  // Whether any screen's pattern fits, whoever may see it (so "sign in first" can be told
  // apart from "no such page").
  const ScreenDef* match_any_audience(std::string_view address) const;

  // "/tickets/{id}" with {id: 42} -> "/tickets/42".
  static std::string address_of(std::string_view pattern, const std::map<std::string, std::string>& params = {});

 private:
  std::vector<ScreenDef> screens_;
};

}  // namespace tessera::client

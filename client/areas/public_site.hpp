// The public area (SPEC §1.12): what a visitor sees before signing up — the home page with the
// catalog's offers and prices, the FAQ, the transparency board (charts of its aggregates and
// its rows page by page, with the CSV and JSON downloads) and the contact form. The FAQ and
// the board are open to everyone, signed in or not. Its values and their texts come from
// shared/ (tessera/public_site.hpp), as the server's plain HTML pages do.
#pragma once
#include <cstddef>
#include <optional>

#include "tessera/catalog.hpp"
#include "tessera/public_site.hpp"
#include "tessera/result.hpp"

namespace tessera::client {

class App;

// What a screen knows of one thing it fetches: in flight, failed (with why), or received.
struct FetchState {
  bool loading = false;
  std::optional<Error> error;  // the last fetch failed ("network": the server is unreachable)
  double at_ms = 0;            // when it was last received (0: never)
};

struct PublicArea {
  std::optional<Catalog> catalog;
  FetchState catalog_fetch;
  std::optional<site::BoardPage> board;  // the aggregates and the page of rows shown
  FetchState board_fetch;
  std::size_t board_offset = 0;          // the first row of the page asked for
  site::ContactRequest contact;          // the contact form as typed
  bool contact_sent = false;             // the last message went through
};

namespace public_site {
constexpr std::size_t kBoardRowsPerPage = 20;
void install(App& app);  // screens, request kinds, the test-state part
void load_catalog(App& app);
void load_board(App& app, std::size_t offset);  // a page of rows, with every aggregate
void send_contact(App& app);  // checks the form as the server does, then sends it
void new_contact(App& app);   // an empty form again, after a message went through
void download_board(App& app, bool csv);  // the whole board, as CSV or JSON
}  // namespace public_site

}  // namespace tessera::client

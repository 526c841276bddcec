// The public side of Tessera (SPEC §1.12), as values both the browser client and the
// server's plain HTML pages draw from: the offers of the catalog with their prices with VAT
// and what each means in one sentence, the FAQ, the transparency board's page as the API
// sends it (rows and aggregates), the contact form's request and its checks, and the
// number formats these pages use (money, durations, shares, ratings) in each language.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/catalog.hpp"
#include "tessera/result.hpp"
#include "tessera/stats.hpp"
#include "tessera/ticket.hpp"
#include "tessera/trial.hpp"
#include "tessera/units.hpp"

namespace tessera::site {

// [SECTION] Number formats
std::string money_text(Cents amount, Language language);            // "€58.80", "58,80 €"
std::string vat_rate_text(BasisPoints rate, Language language);     // 2000 -> "20 %" ("20%" in English)
// Open minutes as "45 min", "2 h 05 min"; nothing -> "—".
std::string duration_text(std::optional<Minutes> minutes, Language language);
std::string per_mille_text(std::int64_t per_mille, Language language);  // 875 -> "87.5%", "87,5 %"
std::string rating_text(std::int64_t hundredths, Language language);    // 467 -> "4.67", "4,67"
// An aggregate's group: a criticality's name, a month ("2026-03" -> "Mar 2026"), or "All tickets".
std::string group_label(std::string_view group, Language language);

// [SECTION] Offers
enum class OfferKind { trial, subscription, pack, minutes };
struct Offer {
  std::string id;            // stable: "trial", "subscription", or the catalog's code ("pack_20")
  OfferKind kind = OfferKind::trial;
  std::string name;          // "20 tickets", "Monthly subscription"
  std::string price;         // "€58.80 incl. VAT", "Free", "€58.80 incl. VAT / month"
  std::string price_detail;  // "€49.00 excl. VAT + 20% VAT"; empty for the trial
  std::string meaning;       // what it is, in one sentence
  std::string extra;         // the subscription's extra users ("Each extra user: …"); else empty
  Cents gross = 0;           // the price with VAT, in cents (0 for the trial)
};
// The trial first, then the subscription, the active packs and the active minute blocks, in
// the catalog's order, prices with the catalog's VAT. `trial` says what a sign-up gets.
std::vector<Offer> offers(const Catalog& catalog, Language language, const TrialRules& trial = {});
std::string vat_note(const Catalog& catalog, Language language);  // "Prices include VAT at 20%."

// [SECTION] FAQ
struct FaqEntry {
  std::string question;
  std::string answer;
};
// The business's questions in reading order (texts "faq.qN.question" / "faq.qN.answer").
std::vector<FaqEntry> faq(Language language);

// [SECTION] The transparency board, as GET /board answers it
struct BoardPage {
  std::vector<BoardRow> rows;
  std::size_t total = 0;  // rows on the whole board
  std::size_t offset = 0;
  std::size_t limit = 0;
  std::vector<BoardAggregate> by_criticality;
  std::vector<BoardAggregate> by_month;
  BoardAggregate all;
};
Result<BoardAggregate> decode_board_aggregate(const nlohmann::json& in);
Result<BoardPage> decode_board_page(const nlohmann::json& in);

// [SECTION] The contact form (POST /contact)
struct ContactLimits {
  static constexpr std::size_t name_max = 100;
  static constexpr std::size_t email_max = 254;
  static constexpr std::size_t message_max = 5000;
};
struct ContactRequest {
  std::string name;
  std::string email;
  std::string message;
};
nlohmann::json to_json(const ContactRequest& request);
// The checks the server makes (required, lengths, a valid email), field by field.
Result<ContactRequest> parse_contact(const nlohmann::json& body);

}  // namespace tessera::site

// JSON of GET /account/ledger (see wire_ledger.hpp): lots and history lines, both directions.
#include "tessera/wire_ledger.hpp"

namespace tessera::wire {

using nlohmann::json;

namespace {

LotKind lot_kind_of(const std::string& text) {
  if (text == "trial_minutes") return LotKind::trial_minutes;
  if (text == "bank_minutes") return LotKind::bank_minutes;
  return LotKind::ticket_units;
}

BalanceKind balance_kind_of(const std::string& text) {
  for (const BalanceKind kind : {BalanceKind::units, BalanceKind::bank_minutes, BalanceKind::trial_minutes,
                                 BalanceKind::overrun, BalanceKind::subscription})
    if (to_string(kind) == text) return kind;
  return BalanceKind::units;
}

json lot_json(const LotView& lot) {
  return {{"id", lot.id},           {"kind", to_string(lot.kind)},   {"offer_code", lot.offer_code},
          {"multi_user", lot.multi_user}, {"starts_at", lot.starts_at}, {"expires_at", lot.expires_at},
          {"bought", lot.bought},   {"rolled_in", lot.rolled_in},    {"used", lot.used},
          {"reserved", lot.reserved}, {"left", lot.left},            {"expired", lot.expired},
          {"expired_unused", lot.expired_unused}};
}

json line_json(const HistoryLine& line) {
  return {{"at", line.at},           {"kind", to_string(line.kind)}, {"balance_kind", to_string(line.balance_kind)},
          {"change", line.change},   {"balance", line.balance},       {"lot", line.lot},
          {"ticket", line.ticket},   {"order", line.order},           {"offer_code", line.offer_code},
          {"users", line.users},     {"period_start", line.period_start}, {"period_end", line.period_end}};
}

}  // namespace

void to_json(json& out, const LedgerView& value) {
  json lots = json::array();
  for (const auto& lot : value.lots) lots.push_back(lot_json(lot));
  json history = json::array();
  for (const auto& line : value.history) history.push_back(line_json(line));
  out = json{{"lots", lots}, {"history", history}};
}

void from_json(const json& in, LedgerView& value) {
  value = LedgerView{};
  for (const auto& item : in.at("lots")) {
    LotView lot;
    lot.id = item.at("id").get<Id>();
    lot.kind = lot_kind_of(item.at("kind").get<std::string>());
    lot.offer_code = item.value("offer_code", std::string());
    lot.multi_user = item.value("multi_user", false);
    lot.starts_at = item.at("starts_at").get<Instant>();
    lot.expires_at = item.at("expires_at").get<Instant>();
    lot.bought = item.at("bought").get<std::int64_t>();
    lot.rolled_in = item.value("rolled_in", std::int64_t{0});
    lot.used = item.at("used").get<std::int64_t>();
    lot.reserved = item.value("reserved", std::int64_t{0});
    lot.left = item.at("left").get<std::int64_t>();
    lot.expired = item.value("expired", false);
    lot.expired_unused = item.value("expired_unused", std::int64_t{0});
    value.lots.push_back(std::move(lot));
  }
  for (const auto& item : in.at("history")) {
    HistoryLine line;
    line.at = item.at("at").get<Instant>();
    line.kind = parse_entry_kind(item.at("kind").get<std::string>()).value_or(EntryKind::lot_purchased);
    line.balance_kind = balance_kind_of(item.at("balance_kind").get<std::string>());
    line.change = item.at("change").get<std::int64_t>();
    line.balance = item.at("balance").get<std::int64_t>();
    line.lot = item.value("lot", Id{0});
    line.ticket = item.value("ticket", Id{0});
    line.order = item.value("order", Id{0});
    line.offer_code = item.value("offer_code", std::string());
    line.users = item.value("users", std::int64_t{0});
    line.period_start = item.value("period_start", Instant{0});
    line.period_end = item.value("period_end", Instant{0});
    value.history.push_back(std::move(line));
  }
}

}  // namespace tessera::wire

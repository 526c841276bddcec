// Ledger entry storage codec (see ledger_codec.hpp).
#include "ledger_codec.hpp"

namespace tessera::server {

using nlohmann::json;

json encode_entry(const LedgerEntry& e) {
  const LedgerEntry defaults;
  json out{{"kind", std::string(to_string(e.kind))}, {"at", e.at}};
  auto put = [&](const char* name, auto value, auto fallback) {
    if (value != fallback) out[name] = value;
  };
  put("lot", e.lot, defaults.lot);
  put("from_lot", e.from_lot, defaults.from_lot);
  put("ticket", e.ticket, defaults.ticket);
  put("user", e.user, defaults.user);
  put("order", e.order, defaults.order);
  put("amount", e.amount, defaults.amount);
  if (e.lot_kind != defaults.lot_kind) out["lot_kind"] = std::string(to_string(e.lot_kind));
  put("multi_user", e.multi_user, defaults.multi_user);
  put("settlement", e.settlement, defaults.settlement);
  if (e.source != defaults.source) out["source"] = std::string(to_string(e.source));
  put("pool", e.pool, defaults.pool);
  put("expires_at", e.expires_at, defaults.expires_at);
  put("period_start", e.period_start, defaults.period_start);
  put("period_end", e.period_end, defaults.period_end);
  put("users", e.users, defaults.users);
  put("cents", e.cents, defaults.cents);
  if (e.method != defaults.method) out["method"] = std::string(to_string(e.method));
  if (e.restart_on != defaults.restart_on) out["restart_on"] = to_iso(e.restart_on);
  put("offer_code", e.offer_code, defaults.offer_code);
  put("note", e.note, defaults.note);
  return out;
}

std::optional<LedgerEntry> decode_entry(const json& in) {
  if (!in.is_object() || !in.contains("kind")) return std::nullopt;
  const auto kind = parse_entry_kind(in.value("kind", ""));
  if (!kind) return std::nullopt;
  LedgerEntry e;
  e.kind = *kind;
  e.at = in.value("at", e.at);
  e.lot = in.value("lot", e.lot);
  e.from_lot = in.value("from_lot", e.from_lot);
  e.ticket = in.value("ticket", e.ticket);
  e.user = in.value("user", e.user);
  e.order = in.value("order", e.order);
  e.amount = in.value("amount", e.amount);
  if (in.contains("lot_kind")) {
    const std::string text = in["lot_kind"].get<std::string>();
    for (LotKind kind_value : {LotKind::trial_minutes, LotKind::ticket_units, LotKind::bank_minutes})
      if (to_string(kind_value) == text) e.lot_kind = kind_value;
  }
  e.multi_user = in.value("multi_user", e.multi_user);
  e.settlement = in.value("settlement", e.settlement);
  if (in.contains("source")) e.source = parse_funding_source(in["source"].get<std::string>()).value_or(e.source);
  e.pool = in.value("pool", e.pool);
  e.expires_at = in.value("expires_at", e.expires_at);
  e.period_start = in.value("period_start", e.period_start);
  e.period_end = in.value("period_end", e.period_end);
  e.users = in.value("users", e.users);
  e.cents = in.value("cents", e.cents);
  if (in.contains("method")) e.method = parse_payment_method(in["method"].get<std::string>()).value_or(e.method);
  if (in.contains("restart_on")) e.restart_on = parse_iso_date(in["restart_on"].get<std::string>()).value_or(e.restart_on);
  e.offer_code = in.value("offer_code", e.offer_code);
  e.note = in.value("note", e.note);
  return e;
}

}  // namespace tessera::server

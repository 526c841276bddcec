// A ticket's cost statement, its description in words, and the cost of a time entry before
// it is logged (see ledger.hpp, "Cost statement").
#include <algorithm>

#include "tessera/ledger.hpp"
#include "tessera/texts.hpp"

namespace tessera {

// [SECTION] Cost statement
TicketCostStatement cost_statement(std::span<const LedgerEntry> entries, Id ticket_id) {
  TicketCostStatement statement;
  statement.ticket = ticket_id;
  std::vector<LotKind> lot_kinds;  // lot id - 1 -> kind, as lots are numbered by the fold
  bool minute_bank_ticket = false;
  for (const LedgerEntry& entry : entries) {
    if (entry.kind == EntryKind::trial_granted || entry.kind == EntryKind::lot_purchased)
      lot_kinds.push_back(entry.kind == EntryKind::trial_granted ? LotKind::trial_minutes : entry.lot_kind);
    if (entry.ticket != ticket_id) continue;
    // Charges follow the time entry that caused them; settlements get a line of their own.
    auto line_for = [&](bool settlement) -> CostLine& {
      const EntryKind wanted = settlement ? EntryKind::lot_purchased : EntryKind::time_logged;
      if (statement.lines.empty() || (settlement && (statement.lines.back().kind != wanted ||
                                                     statement.lines.back().at != entry.at))) {
        CostLine line;
        line.at = entry.at;
        line.kind = wanted;
        statement.lines.push_back(std::move(line));
      }
      return statement.lines.back();
    };
    const auto kind_of_lot = [&](Id lot) {
      return lot >= 1 && lot <= static_cast<Id>(lot_kinds.size()) ? lot_kinds[static_cast<std::size_t>(lot - 1)]
                                                                  : LotKind::ticket_units;
    };
    switch (entry.kind) {
      case EntryKind::ticket_opened:
        statement.source = entry.source;
        minute_bank_ticket = entry.source == FundingSource::minutes;
        break;
      case EntryKind::time_logged:
      case EntryKind::time_adjusted:
        statement.worked += entry.amount;
        statement.lines.push_back(CostLine{entry.at, entry.kind, entry.amount, entry.note, {}});
        break;
      case EntryKind::reservation_used:
        line_for(false).cost.units += 1;
        statement.total.units += 1;
        break;
      case EntryKind::charged:
      case EntryKind::refunded: {
        const std::int64_t amount = entry.kind == EntryKind::charged ? entry.amount : -entry.amount;
        Cost& cost = line_for(entry.settlement).cost;
        switch (kind_of_lot(entry.lot)) {
          case LotKind::ticket_units:
            cost.units += amount;
            statement.total.units += amount;
            break;
          case LotKind::bank_minutes:
            cost.bank_minutes += amount;
            statement.total.bank_minutes += amount;
            // The 30-minute minimum made this line dearer than the time worked so far.
            if (minute_bank_ticket && amount > 0 && statement.total.bank_minutes > statement.worked)
              cost.minimum_applied = true;
            break;
          case LotKind::trial_minutes:
            cost.trial_minutes += amount;
            statement.total.trial_minutes += amount;
            break;
        }
        break;
      }
      case EntryKind::covered_by_subscription:
        line_for(entry.settlement).cost.subscription_minutes += entry.amount;
        statement.total.subscription_minutes += entry.amount;
        break;
      case EntryKind::overrun_recorded:
        line_for(false).cost.overrun_minutes += entry.amount;
        statement.total.overrun_minutes += entry.amount;
        break;
      case EntryKind::overrun_settled:
        line_for(true).cost.overrun_minutes -= entry.amount;
        statement.total.overrun_minutes -= entry.amount;
        break;
      case EntryKind::overrun_cancelled:
        line_for(false).cost.overrun_minutes -= entry.amount;
        statement.total.overrun_minutes -= entry.amount;
        break;
      default: break;
    }
  }
  statement.total.minimum_applied =
      minute_bank_ticket && statement.worked > 0 && statement.total.bank_minutes > statement.worked;
  return statement;
}

std::string describe_cost(const Cost& cost, Language language) {
  std::vector<std::string> parts;
  auto with = [&](std::string_view key, std::int64_t count) {
    parts.push_back(format_text(tr(key, language), {{"count", std::to_string(count)}}));
  };
  if (cost.subscription_minutes > 0) parts.emplace_back(tr("cost.subscription", language));
  if (cost.units != 0) with(cost.units == 1 || cost.units == -1 ? "cost.ticket_one" : "cost.tickets", cost.units);
  if (cost.bank_minutes != 0) with("cost.minutes", cost.bank_minutes);
  if (cost.trial_minutes != 0) with("cost.trial_minutes", cost.trial_minutes);
  if (cost.overrun_minutes > 0) with("cost.overrun_minutes", cost.overrun_minutes);
  std::string text;
  for (const std::string& part : parts) {
    if (!text.empty()) text += " + ";
    text += part;
  }
  if (text.empty()) text = std::string(tr("cost.nothing", language));
  if (cost.minimum_applied) {
    text += ' ';
    text += tr("cost.minimum_applied", language);
  }
  return text;
}

// [SECTION] The cost of a time entry before it is logged
Result<Cost> time_entry_cost_preview(FundingSource source, Minutes worked, Minutes minutes, const LedgerRules& rules) {
  if (minutes < 1 || minutes > rules.maximum_time_entry) return make_error("minutes_out_of_range", "minutes");
  if (worked < 0) worked = 0;
  constexpr Id kUser = 1, kTicket = 1;
  const Minutes total = worked + minutes;
  LedgerRules generous = rules;
  generous.trial.minutes = total + 1;  // the source holds enough: no overrun in the preview
  AccountLedger ledger(generous);
  std::vector<LedgerEntry> entries;
  Instant at = 1'000'000'000;
  const auto run = [&](const LedgerCommand& command) -> std::optional<Error> {
    auto added = execute(ledger, command);
    if (!added) return added.error();
    entries.insert(entries.end(), added.value().begin(), added.value().end());
    ++at;
    return std::nullopt;
  };
  std::optional<Error> failed;
  switch (source) {
    case FundingSource::subscription: failed = run(ActivateSubscription{at, 1}); break;
    case FundingSource::units:
      failed = run(BuyPack{at, kUser, 1, PackOffer{"preview", total / 30 + 2, 12, false, 0, true}});
      break;
    case FundingSource::minutes:
      failed = run(BuyMinutes{at, kUser, 1, MinuteBlockOffer{"preview", std::max<Minutes>(total, generous.minute_bank_minimum) + 1, 12, 0, true}});
      break;
    case FundingSource::trial: failed = run(GrantTrial{at, kUser}); break;
  }
  if (!failed) failed = run(OpenTicket{at, kTicket, UserScope{kUser, true, true}, source});
  for (Minutes left = worked; !failed && left > 0;) {  // what is logged already, in entries the ledger accepts
    const Minutes chunk = std::min(left, rules.maximum_time_entry);
    failed = run(LogTime{at, kTicket, chunk, "worked"});
    left -= chunk;
  }
  if (!failed) failed = run(LogTime{at, kTicket, minutes, "preview"});
  if (failed) return *failed;
  const auto statement = cost_statement(std::span<const LedgerEntry>(entries), kTicket);
  if (statement.lines.empty()) return Cost{};
  return statement.lines.back().cost;
}

}  // namespace tessera

// Evaluations and public pages (SPEC §1.10, §1.12, §5): the customer's rating of a closed
// ticket, the public transparency board (rows and aggregates, JSON and CSV, nothing that
// names a customer; kept in memory until a ticket closes, an evaluation is saved or a setting
// changes), the FAQ in three languages, and the contact form.
#pragma once
#include <nlohmann/json.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "tessera/evaluation.hpp"
#include "tessera/opening_hours.hpp"
#include "tessera/sla.hpp"
#include "tessera/stats.hpp"
#include "tessera/wire.hpp"

namespace tessera::server {

struct ContactDraft {
  std::string name;
  std::string email;
  std::string message;
};

class Transparency {
 public:
  Transparency(Store& store, Context& context);

  Result<EvaluationRecord> evaluate(const UserRecord& user, Id ticket_id, const EvaluationRequest& request);
  std::vector<BoardRow> board_rows();
  nlohmann::json board();  // rows, aggregates per criticality and per month, and overall
  // The board's JSON text, computed once per change of what it shows (Store::board_version).
  std::shared_ptr<const std::string> board_json();
  // One page of the board: rows [offset, offset + limit) and every aggregate, as JSON text
  // {rows, total, offset, limit, by_criticality, by_month, all}.
  std::string board_page(std::size_t offset, std::size_t limit);
  static nlohmann::json faq();
  Result<Id> contact(const ContactDraft& draft);
  Result<std::vector<ContactRecord>> contact_messages(const UserRecord& admin);

  OpeningHours opening_hours();
  SlaTargets sla_targets();

 private:
  // The board as of a Store::board_version: its rows and its JSON text.
  struct BoardSnapshot {
    std::uint64_t version = 0;
    std::vector<BoardRow> rows;
    std::string json;        // everything
    std::string aggregates;  // "by_criticality":[…],"by_month":[…],"all":{…} (inside an object)
  };
  std::shared_ptr<const BoardSnapshot> board_snapshot();
  std::vector<BoardRow> compute_board_rows();

  Store& store_;
  Context& context_;
  std::mutex board_mutex_;      // guards board_cache_
  std::mutex board_computing_;  // one computation at a time: the others wait for its answer
  std::shared_ptr<const BoardSnapshot> board_cache_;
};

Result<ContactDraft> parse_contact(const nlohmann::json& body);

}  // namespace tessera::server

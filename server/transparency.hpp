// Evaluations and public pages (SPEC §1.10, §1.12, §5): the customer's rating of a closed
// ticket, the public transparency board (rows and aggregates, JSON and CSV, nothing that
// names a customer), the FAQ in three languages, and the contact form.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "service.hpp"
#include "tessera/evaluation.hpp"
#include "tessera/opening_hours.hpp"
#include "tessera/sla.hpp"
#include "tessera/stats.hpp"

namespace tessera::server {

struct ContactDraft {
  std::string name;
  std::string email;
  std::string message;
};

class Transparency {
 public:
  Transparency(Store& store, Service& service);

  Result<EvaluationRecord> evaluate(const UserRecord& user, Id ticket_id, const EvaluationRequest& request);
  std::vector<BoardRow> board_rows();
  nlohmann::json board();  // rows, aggregates per criticality and per month, and overall
  static nlohmann::json faq();
  Result<Id> contact(const ContactDraft& draft);
  Result<std::vector<ContactRecord>> contact_messages(const UserRecord& admin);

  OpeningHours opening_hours();
  SlaTargets sla_targets();

 private:
  Store& store_;
  Service& service_;
  TimeZoneRules default_zone_;
};

Result<ContactDraft> parse_contact(const nlohmann::json& body);

}  // namespace tessera::server

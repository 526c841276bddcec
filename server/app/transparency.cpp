// Evaluations, the transparency board, FAQ and contact (see transparency.hpp).
#include "app/transparency.hpp"

#include <map>

#include "tessera/dates.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/email.hpp"
#include "tessera/texts.hpp"
#include "app/readers.hpp"
#include "app/unit_of_work.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
constexpr std::size_t kContactMessageMax = 5000;

Result<std::string> text_field(const json& body, const char* field, std::size_t max, bool required) {
  const auto found = body.find(field);
  if (found == body.end() || found->is_null() || (found->is_string() && found->get<std::string>().empty())) {
    if (required) return make_error("required", field);
    return std::string();
  }
  if (!found->is_string()) return make_error("invalid_type", field);
  std::string text = found->get<std::string>();
  if (text.size() > max) {
    Error error = make_error("too_long", field);
    error.params["max"] = std::to_string(max);
    return error;
  }
  return text;
}
}  // namespace

Result<ContactDraft> parse_contact(const json& body) {
  if (!body.is_object()) return make_error("invalid_json");
  ContactDraft draft;
  auto name = text_field(body, "name", 100, true);
  if (!name) return name.error();
  auto email = text_field(body, "email", 254, true);
  if (!email) return email.error();
  auto message = text_field(body, "message", kContactMessageMax, true);
  if (!message) return message.error();
  draft.name = *name;
  draft.email = normalize_email(*email);
  if (!is_valid_email(draft.email)) return make_error("invalid_email", "email");
  draft.message = *message;
  return draft;
}

Transparency::Transparency(Store& store, Context& context) : store_(store), context_(context) {}

OpeningHours Transparency::opening_hours() { return stored_opening_hours(store_); }
SlaTargets Transparency::sla_targets() { return stored_sla_targets(store_); }

Result<EvaluationRecord> Transparency::evaluate(const UserRecord& user, Id ticket_id, const EvaluationRequest& request) {
  if (user.role != Role::customer) return make_error("forbidden");
  return atomically<EvaluationRecord>(store_, [&]() -> Result<EvaluationRecord> {
    const auto ticket = store_.ticket(ticket_id);
    if (!ticket || !may_see_ticket(context_.viewer_of(user), TicketOwnership{ticket->account_id, ticket->opened_by}))
      return make_error("not_found");
    const auto evaluation =
        evaluate_ticket(ticket->status, store_.evaluation(ticket_id).has_value(), request, context_.now());
    if (!evaluation) return evaluation.error();
    EvaluationRecord record{ticket_id, evaluation->rating, evaluation->comment, evaluation->publish_comment,
                            evaluation->at};
    store_.save_evaluation(record);
    return record;
  });
}

std::shared_ptr<const Transparency::BoardSnapshot> Transparency::board_snapshot() {
  {
    std::lock_guard lock(board_mutex_);
    if (board_cache_ && board_cache_->version == store_.board_version()) return board_cache_;
  }
  std::lock_guard computing(board_computing_);
  // Read the version before the data: a change committed meanwhile makes it stale at once.
  const std::uint64_t version = store_.board_version();
  {
    std::lock_guard lock(board_mutex_);
    if (board_cache_ && board_cache_->version == version) return board_cache_;  // computed while we waited
  }
  auto snapshot = std::make_shared<BoardSnapshot>();
  snapshot->version = version;
  snapshot->rows = compute_board_rows();
  json encoded_rows = json::array(), by_criticality = json::array(), by_month = json::array();
  for (const BoardRow& row : snapshot->rows) encoded_rows.push_back(codec::encode(row));
  for (const BoardAggregate& aggregate : aggregate_by_criticality(snapshot->rows))
    by_criticality.push_back(codec::encode(aggregate));
  for (const BoardAggregate& aggregate : aggregate_by_month(snapshot->rows)) by_month.push_back(codec::encode(aggregate));
  const json aggregates{{"by_criticality", by_criticality},
                        {"by_month", by_month},
                        {"all", codec::encode(aggregate_board(snapshot->rows, "all"))}};
  const std::string aggregates_text = aggregates.dump();
  snapshot->aggregates = aggregates_text.substr(1, aggregates_text.size() - 2);
  snapshot->json = "{\"rows\":" + encoded_rows.dump() + "," + snapshot->aggregates + "}";
  std::lock_guard lock(board_mutex_);
  board_cache_ = snapshot;
  return snapshot;
}

std::vector<BoardRow> Transparency::board_rows() { return board_snapshot()->rows; }

std::string Transparency::board_page(std::size_t offset, std::size_t limit) {
  const auto snapshot = board_snapshot();
  const std::size_t total = snapshot->rows.size();
  const std::size_t first = std::min(offset, total);
  const std::size_t last = std::min(total, first + limit);
  json rows = json::array();
  for (std::size_t i = first; i < last; ++i) rows.push_back(codec::encode(snapshot->rows[i]));
  return "{\"rows\":" + rows.dump() + ",\"total\":" + std::to_string(total) + ",\"offset\":" + std::to_string(offset) +
         ",\"limit\":" + std::to_string(limit) + "," + snapshot->aggregates + "}";
}

json Transparency::board() { return json::parse(board_snapshot()->json); }

std::shared_ptr<const std::string> Transparency::board_json() {
  auto snapshot = board_snapshot();
  return std::shared_ptr<const std::string>(snapshot, &snapshot->json);  // keeps the snapshot alive
}

std::vector<BoardRow> Transparency::compute_board_rows() {
  const OpeningHours hours = opening_hours();
  const SlaTargets targets = sla_targets();
  std::map<Id, EvaluationRecord> evaluations;
  for (EvaluationRecord& evaluation : store_.all_evaluations()) evaluations.emplace(evaluation.ticket_id, evaluation);
  std::map<Id, bool> is_staff_author;
  auto staff = [&](Id author) {
    auto found = is_staff_author.find(author);
    if (found == is_staff_author.end()) {
      const auto user = store_.user_by_id(author);
      found = is_staff_author.emplace(author, user && is_staff(user->role)).first;
    }
    return found->second;
  };
  // The first answer the customer saw, and the first resolution, per ticket.
  std::map<Id, Instant> first_answer, first_resolution;
  for (const TicketEventRecord& event : store_.events_of_tickets_with_status(TicketStatus::closed)) {
    if (event.kind == TicketEventKind::message && event.author_id && staff(*event.author_id)) first_answer.try_emplace(event.ticket_id, event.at);
    if (event.kind == TicketEventKind::status_change && event.status_to == TicketStatus::resolved)
      first_resolution.try_emplace(event.ticket_id, event.at);
  }
  std::vector<BoardRow> rows;
  for (const TicketRecord& ticket : store_.tickets_with_status(TicketStatus::closed)) {
    BoardRow row;
    row.reference = wire::ticket_reference(ticket.id);
    row.category = ticket.category;
    row.criticality = effective_criticality(ticket.criticality, ticket.triage);
    row.language = ticket.language;
    row.month_opened = month_key(local_date_of(hours.zone, ticket.created_at));
    const auto answered = first_answer.find(ticket.id);
    row.first_response_minutes = first_response_minutes(
        hours, ticket.created_at, answered == first_answer.end() ? std::nullopt : std::optional(answered->second));
    const auto resolved = first_resolution.find(ticket.id);
    row.resolution_minutes = resolution_minutes(
        hours, ticket.created_at, resolved == first_resolution.end() ? std::nullopt : std::optional(resolved->second));
    row.within_sla = within_sla(targets, row.criticality, row.first_response_minutes);
    if (const auto evaluation = evaluations.find(ticket.id); evaluation != evaluations.end()) {
      const EvaluationRecord& stored = evaluation->second;
      row.rating = stored.rating;
      row.comment = published_comment(Evaluation{stored.rating, stored.comment, stored.publish_comment, stored.at});
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

json Transparency::faq() {
  json faq = json::object();
  for (Language language : {Language::fr, Language::en, Language::es}) {
    json entries = json::array();
    for (int n = 1;; ++n) {
      const std::string question_key = "faq.q" + std::to_string(n) + ".question";
      const std::string_view question = tr(question_key, language);
      if (question == question_key) break;
      entries.push_back(json{{"question", question}, {"answer", tr("faq.q" + std::to_string(n) + ".answer", language)}});
    }
    faq[std::string(to_string(language))] = entries;
  }
  return faq;
}

Result<Id> Transparency::contact(const ContactDraft& draft) {
  return store_.add_contact_message(ContactRecord{0, draft.name, draft.email, draft.message, context_.now()});
}

Result<std::vector<ContactRecord>> Transparency::contact_messages(const UserRecord& admin) {
  if (admin.role != Role::admin) return make_error("forbidden");
  return store_.contact_messages(500);
}

}  // namespace tessera::server

// Evaluations of closed tickets (see evaluation.hpp).
#include "tessera/evaluation.hpp"

#include "tessera/stats.hpp"

namespace tessera {

Result<Evaluation> evaluate_ticket(TicketStatus status, bool already_rated, const EvaluationRequest& request,
                                   Instant at) {
  if (status != TicketStatus::closed && status != TicketStatus::closed_subscription_ended) {
    Error error = make_error("ticket_not_closed");
    error.params = {{"status", std::string(to_string(status))}};
    return error;
  }
  if (already_rated) return make_error("already_rated");
  if (!is_valid_rating(request.rating)) return make_error("invalid_rating", "rating");
  std::string comment = request.comment;
  const auto first = comment.find_first_not_of(" \t\r\n");
  const auto last = comment.find_last_not_of(" \t\r\n");
  comment = first == std::string::npos ? std::string() : comment.substr(first, last - first + 1);
  if (comment.size() > kMaxEvaluationComment) {
    Error error = make_error("too_long", "comment");
    error.params = {{"max", std::to_string(kMaxEvaluationComment)}};
    return error;
  }
  return Evaluation{request.rating, std::move(comment), request.publish_comment, at};
}

std::optional<std::string> published_comment(const Evaluation& evaluation) {
  if (!evaluation.publish_comment || evaluation.comment.empty()) return std::nullopt;
  return evaluation.comment;
}

}  // namespace tessera

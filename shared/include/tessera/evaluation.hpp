// Evaluations (SPEC §1.10): after a ticket is closed, its customer rates the help 1–5, may
// comment, and chooses whether the comment may be published on the transparency board.
// One evaluation per ticket; the board shows a comment only with its author's consent.
#pragma once
#include <optional>
#include <string>

#include "tessera/result.hpp"
#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera {

constexpr std::size_t kMaxEvaluationComment = 2000;  // bytes of UTF-8

struct EvaluationRequest {
  int rating = 0;  // 1..5
  std::string comment;
  bool publish_comment = false;
};

struct Evaluation {
  int rating = 0;
  std::string comment;  // trimmed; may be empty
  bool publish_comment = false;
  Instant at = 0;
  bool operator==(const Evaluation&) const = default;
};

// Errors: "ticket_not_closed" (params.status), "already_rated", "invalid_rating" (field
// rating), "too_long" (field comment, params.max).
Result<Evaluation> evaluate_ticket(TicketStatus status, bool already_rated, const EvaluationRequest& request,
                                   Instant at);

// The comment the public board may show: only if its author allowed it and it is not empty.
std::optional<std::string> published_comment(const Evaluation& evaluation);

}  // namespace tessera

// What every Tessera mail says (SPEC §1.13), in French, English and Spanish: its kind, the
// topic a customer may turn off, and the subject, plain text and HTML composed from the
// facts a use case gives. The wording is data (shared/texts/mail_texts.tsv); the message that
// carries it over SMTP is mime.hpp's. Pure: no clock, no I/O.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera {

enum class MailKind {
  password_reset, invitation,                                   // security mails (always sent)
  signup_confirmation, signup_account_exists, invitation_account_exists,  // security: sign-up and invitations (no enumeration)
  ticket_received, ticket_replied, resolution_proposed, ticket_closed, awaiting_funding,   // tickets
  order_pending, payment_received, renewal_due, grace_ending, subscription_suspended, units_expiring,  // commerce
  critical_ticket,                                              // staff: a new critical ticket, to operators speaking its language
};
// Every kind, in the order above (for tests and for tables that list them).
inline constexpr MailKind kMailKinds[] = {
    MailKind::password_reset,     MailKind::invitation,       MailKind::ticket_received,
    MailKind::ticket_replied,     MailKind::resolution_proposed, MailKind::ticket_closed,
    MailKind::awaiting_funding,   MailKind::order_pending,    MailKind::payment_received,
    MailKind::renewal_due,        MailKind::grace_ending,     MailKind::subscription_suspended,
    MailKind::units_expiring,     MailKind::critical_ticket,  MailKind::signup_confirmation,
    MailKind::signup_account_exists, MailKind::invitation_account_exists,
};

enum class MailTopic { security, tickets, commerce, staff };
MailTopic topic_of(MailKind kind);
std::string_view to_string(MailKind kind);                 // "password_reset", ... (stored in the database)
std::optional<MailKind> mail_kind_from(std::string_view);  // the inverse
std::string_view to_string(MailTopic topic);               // "security", "tickets", "commerce", "staff"

// What a customer chose to receive (their account settings). Security and staff mails ignore it.
struct MailPreferences { bool tickets = true; bool commerce = true; };
bool mail_wanted(MailKind kind, const MailPreferences& preferences);  // security and staff mails: always true

// Everything a mail may show; the use case fills what its kind needs (unused fields stay empty).
// A fact left empty is left out of the mail; the kinds that say a date in a sentence
// (resolution_proposed, renewal_due, grace_ending, units_expiring) need `date`.
struct MailFacts {
  std::string product = "Tessera";  // the business's name (configuration)
  std::string public_url;           // "https://support.example.com" (configuration)
  std::string recipient_name;       // may be empty: then a neutral greeting
  std::string link;                 // the mail's one action link (reset, invitation, ticket, evaluation, order)
  std::string ticket_reference;     // "#42"
  std::string ticket_subject;
  std::string reply_text;           // the operator's reply, verbatim (plain text, may hold newlines)
  Instant date = 0;                 // the kind's date: auto-close date, renewal/period end, grace end, units' expiry
  std::string amount;               // money already formatted for the language, e.g. "49,00 €"
  std::string order_reference;      // "O-2026-0012" or whatever the caller passes
  std::string instructions;         // payment instructions (bank transfer details / check address / PayPal link), plain text
  std::string offer;                // the offer's name
  int units = 0;                    // units expiring
  std::string inviter;              // who invites (name), invitation
  std::string criticality;          // critical_ticket: the ticket's criticality word
  std::string time_zone;            // optional IANA zone for dates; ignored: dates are the UTC calendar's
};

struct MailContent { std::string subject; std::string text; std::string html; };

// The mail of `kind` in `language`. The subject is one line (CR/LF in facts become spaces);
// the text wraps its own sentences under 78 characters and keeps the reply and the payment
// instructions verbatim; the HTML escapes every fact.
MailContent compose_mail(MailKind kind, Language language, const MailFacts& facts);

// "10 décembre 2026", "10 December 2026", "10 de diciembre de 2026" (French says "1er").
std::string mail_date(Instant at, Language language);

}  // namespace tessera

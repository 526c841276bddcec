// What every mail says (see mail.hpp). A mail is put together from pieces — greeting, the
// kind's sentences, the operator's reply, labelled facts, payment instructions, one action
// link, a footer — and the pieces are written twice: as plain text and as simple HTML.
//
// [SECTION] Kinds and topics  [SECTION] Dates  [SECTION] The pieces of a mail
// [SECTION] Plain text  [SECTION] HTML
#include "tessera/mail.hpp"

#include <map>
#include <vector>

#include "tessera/dates.hpp"
#include "tessera/public_html.hpp"
#include "tessera/texts.hpp"

namespace tessera {

// [SECTION] Kinds and topics

std::string_view to_string(MailKind kind) {
  switch (kind) {
    case MailKind::password_reset: return "password_reset";
    case MailKind::invitation: return "invitation";
    case MailKind::ticket_received: return "ticket_received";
    case MailKind::ticket_replied: return "ticket_replied";
    case MailKind::resolution_proposed: return "resolution_proposed";
    case MailKind::ticket_closed: return "ticket_closed";
    case MailKind::awaiting_funding: return "awaiting_funding";
    case MailKind::order_pending: return "order_pending";
    case MailKind::payment_received: return "payment_received";
    case MailKind::renewal_due: return "renewal_due";
    case MailKind::grace_ending: return "grace_ending";
    case MailKind::subscription_suspended: return "subscription_suspended";
    case MailKind::units_expiring: return "units_expiring";
    case MailKind::critical_ticket: return "critical_ticket";
    case MailKind::signup_confirmation: return "signup_confirmation";
    case MailKind::signup_account_exists: return "signup_account_exists";
    case MailKind::invitation_account_exists: return "invitation_account_exists";
  }
  return "password_reset";
}

std::optional<MailKind> mail_kind_from(std::string_view name) {
  for (const MailKind kind : kMailKinds)
    if (to_string(kind) == name) return kind;
  return std::nullopt;
}

std::string_view to_string(MailTopic topic) {
  switch (topic) {
    case MailTopic::security: return "security";
    case MailTopic::tickets: return "tickets";
    case MailTopic::commerce: return "commerce";
    case MailTopic::staff: return "staff";
  }
  return "security";
}

MailTopic topic_of(MailKind kind) {
  switch (kind) {
    case MailKind::password_reset:
    case MailKind::invitation:
    case MailKind::signup_confirmation:
    case MailKind::signup_account_exists:
    case MailKind::invitation_account_exists: return MailTopic::security;
    case MailKind::ticket_received:
    case MailKind::ticket_replied:
    case MailKind::resolution_proposed:
    case MailKind::ticket_closed:
    case MailKind::awaiting_funding: return MailTopic::tickets;
    case MailKind::order_pending:
    case MailKind::payment_received:
    case MailKind::renewal_due:
    case MailKind::grace_ending:
    case MailKind::subscription_suspended:
    case MailKind::units_expiring: return MailTopic::commerce;
    case MailKind::critical_ticket: return MailTopic::staff;
  }
  return MailTopic::security;
}

bool mail_wanted(MailKind kind, const MailPreferences& preferences) {
  switch (topic_of(kind)) {
    case MailTopic::tickets: return preferences.tickets;
    case MailTopic::commerce: return preferences.commerce;
    case MailTopic::security:
    case MailTopic::staff: return true;
  }
  return true;
}

// [SECTION] Dates

std::string mail_date(Instant at, Language language) {
  const Date date = utc_date_of(at);
  const std::string day = date.day == 1 ? std::string(tr("mail.date.first_day", language)) : std::to_string(date.day);
  return format_text(tr("mail.date", language),
                     {{"day", day},
                      {"month", std::string(tr("mail.month." + std::to_string(date.month), language))},
                      {"year", std::to_string(date.year)}});
}

// [SECTION] The pieces of a mail

namespace {

constexpr std::size_t kTextWidth = 76;

struct Fact {
  std::string label;
  std::string value;
};

struct MailPieces {
  std::string greeting;
  std::vector<std::string> paragraphs;  // the kind's sentences
  std::string quote;                    // the operator's reply, verbatim
  std::vector<Fact> facts;
  std::string instructions;             // payment instructions, verbatim
  std::string action;                   // the link's label
  std::string link;
  std::string product;
  std::string public_url;
  std::string closing;                  // opt-out sentence, or why this mail came
};

// CR, LF and CR LF become one space: a value that must stay on one line.
std::string one_line(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

// The text with "\r\n" and "\r" as "\n".
std::string unix_lines(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += '\n';
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  for (;;) {
    const auto end = text.find('\n');
    lines.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::string without(std::string text, std::string_view piece) {
  if (const auto at = text.find(piece); at != std::string::npos) text.erase(at, piece.size());
  return text;
}

// The template of a kind's text, e.g. tr("mail.ticket_closed.subject").
std::string kind_text(MailKind kind, std::string_view part, Language language) {
  return std::string(tr("mail." + std::string(to_string(kind)) + "." + std::string(part), language));
}

void add_fact(MailPieces& pieces, std::string_view label_key, std::string_view value, Language language) {
  if (!value.empty()) pieces.facts.push_back({std::string(tr(label_key, language)), one_line(value)});
}

bool is_ticket_kind(MailKind kind) {
  return topic_of(kind) == MailTopic::tickets || kind == MailKind::critical_ticket;
}

std::map<std::string, std::string> placeholders(Language language, const MailFacts& facts) {
  std::string inviter = one_line(facts.inviter);
  if (inviter.empty()) inviter = format_text(tr("mail.invitation.someone", language), {{"product", one_line(facts.product)}});
  return {{"product", one_line(facts.product)},
          {"reference", one_line(facts.ticket_reference)},
          {"subject", one_line(facts.ticket_subject)},
          {"order", one_line(facts.order_reference)},
          {"date", mail_date(facts.date, language)},
          {"units", std::to_string(facts.units)},
          {"inviter", inviter}};
}

std::string compose_subject(MailKind kind, Language language, const MailFacts& facts,
                            const std::map<std::string, std::string>& params) {
  std::string subject = kind_text(kind, "subject", language);
  // A missing reference or ticket subject takes its separator with it.
  if (one_line(facts.ticket_reference).empty()) subject = without(std::move(subject), "{reference} — ");
  if (one_line(facts.ticket_subject).empty()) subject = without(without(std::move(subject), " : {subject}"), ": {subject}");
  if (one_line(facts.order_reference).empty())
    for (const char* piece : {" : commande {order}", ": order {order}", ": pedido {order}", " {order}"})
      subject = without(std::move(subject), piece);
  return one_line(format_text(subject, params));
}

// A link as given, or under public_url when it is a path ("/tickets/42").
std::string absolute_link(const MailFacts& facts) {
  if (!facts.link.empty() && facts.link.front() == '/' && !facts.public_url.empty()) {
    std::string base = facts.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return one_line(base + facts.link);
  }
  return one_line(facts.link);
}

MailPieces pieces_of(MailKind kind, Language language, const MailFacts& facts,
                     const std::map<std::string, std::string>& params) {
  MailPieces pieces;
  const std::string name = one_line(facts.recipient_name);
  pieces.greeting = name.empty() ? std::string(tr("mail.greeting.neutral", language))
                                 : format_text(tr("mail.greeting.named", language), {{"name", name}});
  for (std::string& paragraph : split_lines(format_text(kind_text(kind, "body", language), params)))
    if (!paragraph.empty()) pieces.paragraphs.push_back(std::move(paragraph));
  if (kind == MailKind::ticket_replied || kind == MailKind::resolution_proposed)
    pieces.quote = unix_lines(facts.reply_text);
  if (is_ticket_kind(kind)) {
    std::string ticket = one_line(facts.ticket_reference);
    const std::string subject = one_line(facts.ticket_subject);
    if (!ticket.empty() && !subject.empty()) ticket += " — ";
    add_fact(pieces, "mail.fact.ticket", ticket + subject, language);
  }
  switch (kind) {
    case MailKind::awaiting_funding: add_fact(pieces, "mail.fact.owed", facts.amount, language); break;
    case MailKind::critical_ticket: add_fact(pieces, "mail.fact.criticality", facts.criticality, language); break;
    case MailKind::payment_received:
      add_fact(pieces, "mail.fact.order", facts.order_reference, language);
      add_fact(pieces, "mail.fact.offer", facts.offer, language);
      add_fact(pieces, "mail.fact.amount_paid", facts.amount, language);
      break;
    case MailKind::order_pending:
    case MailKind::renewal_due:
    case MailKind::grace_ending:
    case MailKind::subscription_suspended:
      add_fact(pieces, "mail.fact.order", facts.order_reference, language);
      add_fact(pieces, "mail.fact.offer", facts.offer, language);
      add_fact(pieces, "mail.fact.amount_due", facts.amount, language);
      pieces.instructions = unix_lines(facts.instructions);
      break;
    default: break;
  }
  pieces.action = kind_text(kind, "action", language);
  pieces.link = absolute_link(facts);
  pieces.product = one_line(facts.product);
  pieces.public_url = one_line(facts.public_url);
  const MailTopic topic = topic_of(kind);
  pieces.closing = topic == MailTopic::tickets || topic == MailTopic::commerce
                       ? std::string(tr("mail.footer.opt_out", language))
                       : format_text(kind_text(kind, "why", language), params);
  return pieces;
}

// [SECTION] Plain text

// Greedy wrap at spaces, under `width` characters (a word longer than that keeps its line;
// a lone : ; ! or ? stays with the word before it, so a line may then reach width + 2).
std::string wrap(std::string_view paragraph, std::size_t width = kTextWidth) {
  std::string out;
  std::size_t line_length = 0;
  for (std::size_t start = 0; start < paragraph.size();) {
    auto end = paragraph.find(' ', start);
    if (end == std::string_view::npos) end = paragraph.size();
    const std::string_view word = paragraph.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const std::size_t length = code_points(word);
    // French puts a space before : ; ! ? — such a sign never starts a line.
    const bool glued = word == ":" || word == ";" || word == "!" || word == "?";
    if (line_length > 0 && line_length + 1 + length > width && !glued) {
      out += '\n';
      line_length = 0;
    } else if (line_length > 0) {
      out += ' ';
      ++line_length;
    }
    out += word;
    line_length += length;
  }
  return out;
}

std::string render_text(const MailPieces& pieces, Language language) {
  std::string out = wrap(pieces.greeting) + "\n\n";
  for (const std::string& paragraph : pieces.paragraphs) out += wrap(paragraph) + "\n\n";
  if (!pieces.quote.empty()) {
    for (const std::string& line : split_lines(pieces.quote)) out += line.empty() ? ">\n" : "> " + line + "\n";
    out += "\n";
  }
  if (!pieces.facts.empty()) {
    for (const Fact& fact : pieces.facts)
      out += format_text(tr("mail.fact", language), {{"label", fact.label}, {"value", fact.value}}) + "\n";
    out += "\n";
  }
  if (!pieces.instructions.empty()) {
    out += format_text(tr("mail.fact", language), {{"label", std::string(tr("mail.fact.instructions", language))}, {"value", ""}});
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n" + pieces.instructions + "\n\n";
  }
  if (!pieces.link.empty()) {
    out += format_text(tr("mail.fact", language), {{"label", pieces.action}, {"value", ""}});
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n" + pieces.link + "\n\n";
  }
  out += "-- \n" + pieces.product;
  if (!pieces.public_url.empty()) out += " — " + pieces.public_url;
  out += "\n" + wrap(pieces.closing) + "\n";
  return out;
}

// [SECTION] HTML

using site::html_escape;

// The escaped text with its line ends as <br>.
std::string html_lines(std::string_view text) {
  std::string out;
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "<br>\n" : "") + html_escape(lines[i]);
  return out;
}

bool is_web_address(std::string_view link) {
  return link.starts_with("https://") || link.starts_with("http://");
}

constexpr const char* kParagraph = "<p style=\"margin:0 0 16px 0;\">";
constexpr const char* kMuted = "color:#5f6b7a;";
constexpr const char* kAccent = "#1f5fbf";

std::string render_html(const MailPieces& pieces, Language language, std::string_view subject) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(to_string(language)) + "\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" + html_escape(subject) + "</title>\n</head>\n"
                    "<body style=\"margin:0;padding:0;background-color:#f2f4f7;\">\n"
                    "<div style=\"max-width:600px;margin:0 auto;padding:24px 12px;font-family:Helvetica,Arial,sans-serif;"
                    "font-size:15px;line-height:1.5;color:#1d2630;\">\n"
                    "<div style=\"background-color:#ffffff;border-radius:8px;padding:24px;\">\n";
  out += kParagraph + html_escape(pieces.greeting) + "</p>\n";
  for (const std::string& paragraph : pieces.paragraphs) out += kParagraph + html_escape(paragraph) + "</p>\n";
  if (!pieces.quote.empty())
    out += "<blockquote style=\"margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #c9d1db;"
           "background-color:#f7f8fa;\">\n" + html_lines(pieces.quote) + "\n</blockquote>\n";
  if (!pieces.facts.empty()) {
    out += "<table role=\"presentation\" style=\"margin:0 0 16px 0;border-collapse:collapse;\">\n";
    for (const Fact& fact : pieces.facts)
      out += "<tr><td style=\"padding:2px 16px 2px 0;vertical-align:top;" + std::string(kMuted) + "\">" +
             html_escape(fact.label) + "</td><td style=\"padding:2px 0;\"><strong>" + html_escape(fact.value) +
             "</strong></td></tr>\n";
    out += "</table>\n";
  }
  if (!pieces.instructions.empty())
    out += "<p style=\"margin:0 0 4px 0;" + std::string(kMuted) + "\">" +
           html_escape(tr("mail.fact.instructions", language)) + "</p>\n"
           "<p style=\"margin:0 0 16px 0;padding:12px;background-color:#f7f8fa;border-radius:4px;\">\n" +
           html_lines(pieces.instructions) + "\n</p>\n";
  if (!pieces.link.empty()) {
    const std::string link = html_escape(pieces.link);
    if (is_web_address(pieces.link)) {
      out += "<p style=\"margin:24px 0;\"><a href=\"" + link + "\" style=\"display:inline-block;padding:12px 20px;"
             "background-color:" + kAccent + ";color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;\">" +
             html_escape(pieces.action) + "</a></p>\n";
      out += "<p style=\"margin:0;font-size:13px;" + std::string(kMuted) + "\">" +
             html_escape(tr("mail.link_fallback", language)) + "<br>\n<a href=\"" + link + "\" style=\"color:" + kAccent +
             ";word-break:break-all;\">" + link + "</a></p>\n";
    } else {
      out += kParagraph + html_escape(pieces.action) + "<br>\n" + link + "</p>\n";
    }
  }
  out += "</div>\n<p style=\"margin:16px 0 0 0;font-size:13px;text-align:center;" + std::string(kMuted) + "\">";
  if (is_web_address(pieces.public_url))
    out += "<a href=\"" + html_escape(pieces.public_url) + "\" style=\"color:" + kAccent + ";\">" +
           html_escape(pieces.product) + "</a> — " + html_escape(pieces.public_url);
  else
    out += html_escape(pieces.product) + (pieces.public_url.empty() ? "" : " — " + html_escape(pieces.public_url));
  out += "<br>\n" + html_escape(pieces.closing) + "</p>\n</div>\n</body>\n</html>\n";
  return out;
}

}  // namespace

MailContent compose_mail(MailKind kind, Language language, const MailFacts& facts) {
  const auto params = placeholders(language, facts);
  const MailPieces pieces = pieces_of(kind, language, facts, params);
  MailContent content;
  content.subject = compose_subject(kind, language, facts, params);
  content.text = render_text(pieces, language);
  content.html = render_html(pieces, language, content.subject);
  return content;
}

}  // namespace tessera

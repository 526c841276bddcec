// The mails (SPEC §1.13): every kind in French, English and Spanish says what happened, shows
// its facts and its one link, escapes them in HTML and says why it came or how to turn it off;
// and the MIME message that carries a mail reads back to the same subject, parts and
// attachments, with no header a fact could inject.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

#include "tessera/dates.hpp"
#include "tessera/mail.hpp"
#include "tessera/mime.hpp"

using namespace tessera;

namespace {

constexpr Language kLanguages[] = {Language::fr, Language::en, Language::es};

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// The plain text with its wrapped lines joined: a phrase may sit across a line end.
std::string flat(std::string text) {
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

// A text key shown instead of its text ("mail.fact.order") — "this mail." is a sentence's end.
bool shows_a_key(std::string_view text) {
  for (std::size_t at = 0; (at = text.find("mail.", at)) != std::string_view::npos; ++at)
    if (at + 5 < text.size() && text[at + 5] >= 'a' && text[at + 5] <= 'z') return true;
  return false;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::vector<std::string> lines_of(std::string_view text, std::string_view end = "\n") {
  std::vector<std::string> lines;
  for (;;) {
    const auto at = text.find(end);
    lines.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) return lines;
    text.remove_prefix(at + end.size());
  }
}

// 10 December 2026, 12:00 UTC: the date every mail that says one shows.
const Instant kDecember10 = utc_instant(Date{2026, 12, 10}, 12, 0);

MailFacts full_facts() {
  MailFacts facts;
  facts.public_url = "https://support.example.com";
  facts.recipient_name = "Ana";
  facts.link = "https://support.example.com/#/tickets/42";
  facts.ticket_reference = "#42";
  facts.ticket_subject = "Printer offline";
  facts.reply_text = "Please restart the printer.\nThen tell me what the screen says.";
  facts.date = kDecember10;
  facts.amount = "49,00 €";
  facts.order_reference = "O-2026-0012";
  facts.instructions = "IBAN FR76 3000 6000 0112 3456 7890 189\nBIC AGRIFRPP";
  facts.offer = "Pack 20";
  facts.units = 8;
  facts.inviter = "Bea Martin";
  facts.criticality = "Critical";
  return facts;
}

bool is_ticket_kind(MailKind kind) { return topic_of(kind) == MailTopic::tickets || kind == MailKind::critical_ticket; }

}  // namespace

BOOST_AUTO_TEST_SUITE(mail)

// [SECTION] Kinds, topics, preferences

BOOST_AUTO_TEST_CASE(every_kind_round_trips_its_stored_name) {
  std::set<std::string_view> names;
  for (const MailKind kind : kMailKinds) {
    BOOST_TEST(names.insert(to_string(kind)).second);
    BOOST_TEST((mail_kind_from(to_string(kind)) == kind));
  }
  BOOST_TEST(names.size() == 17u);
  BOOST_TEST(to_string(MailKind::password_reset) == "password_reset");
  BOOST_TEST(!mail_kind_from("").has_value());
  BOOST_TEST(!mail_kind_from("Password_Reset").has_value());
}

BOOST_AUTO_TEST_CASE(topics_and_preferences_decide_which_mails_go) {
  struct Row { MailKind kind; MailTopic topic; };
  const Row rows[] = {
      {MailKind::password_reset, MailTopic::security},       {MailKind::invitation, MailTopic::security},
      {MailKind::ticket_received, MailTopic::tickets},       {MailKind::ticket_replied, MailTopic::tickets},
      {MailKind::resolution_proposed, MailTopic::tickets},   {MailKind::ticket_closed, MailTopic::tickets},
      {MailKind::awaiting_funding, MailTopic::tickets},      {MailKind::order_pending, MailTopic::commerce},
      {MailKind::payment_received, MailTopic::commerce},     {MailKind::renewal_due, MailTopic::commerce},
      {MailKind::grace_ending, MailTopic::commerce},         {MailKind::subscription_suspended, MailTopic::commerce},
      {MailKind::units_expiring, MailTopic::commerce},       {MailKind::critical_ticket, MailTopic::staff},
      {MailKind::signup_confirmation, MailTopic::security},  {MailKind::signup_account_exists, MailTopic::security},
      {MailKind::invitation_account_exists, MailTopic::security},
  };
  for (const auto& [kind, topic] : rows) {
    BOOST_TEST_CONTEXT(to_string(kind)) {
      BOOST_TEST((topic_of(kind) == topic));
      const bool always = topic == MailTopic::security || topic == MailTopic::staff;
      BOOST_TEST(mail_wanted(kind, MailPreferences{}));
      BOOST_TEST(mail_wanted(kind, MailPreferences{false, true}) == (always || topic == MailTopic::commerce));
      BOOST_TEST(mail_wanted(kind, MailPreferences{true, false}) == (always || topic == MailTopic::tickets));
      BOOST_TEST(mail_wanted(kind, MailPreferences{false, false}) == always);
    }
  }
}

// [SECTION] What each mail says

BOOST_AUTO_TEST_CASE(every_kind_in_every_language_has_its_subject_link_greeting_and_footer) {
  const MailFacts facts = full_facts();
  for (const MailKind kind : kMailKinds) {
    std::set<std::string> subjects;
    for (const Language language : kLanguages) {
      BOOST_TEST_CONTEXT(to_string(kind) << " in " << to_string(language)) {
        const MailContent mail = compose_mail(kind, language, facts);
        subjects.insert(mail.subject);
        BOOST_TEST(mail.subject.starts_with("[Tessera] "));
        BOOST_TEST(mail.subject.size() > 20u);
        BOOST_TEST(!contains(mail.subject, "{"));
        BOOST_TEST(!contains(mail.text, "{"));
        BOOST_TEST(!contains(mail.html, "{"));
        BOOST_TEST(!shows_a_key(mail.text));  // no text key left untranslated
        BOOST_TEST(!shows_a_key(mail.html));
        BOOST_TEST(contains(mail.text, "\n" + facts.link + "\n"));  // the link alone on its line
        BOOST_TEST(contains(mail.html, "<a href=\"" + facts.link + "\""));
        BOOST_TEST(contains(mail.text, "Ana"));
        BOOST_TEST(contains(mail.html, "Ana"));
        BOOST_TEST(contains(mail.text, "Tessera — https://support.example.com"));
        BOOST_TEST(contains(mail.html, "https://support.example.com"));
        BOOST_TEST(contains(mail.html, "<html lang=\"" + std::string(to_string(language)) + "\">"));
        if (is_ticket_kind(kind)) {
          BOOST_TEST(contains(mail.subject, "#42"));
          BOOST_TEST(contains(mail.subject, "Printer offline"));
          BOOST_TEST(contains(mail.text, "#42 — Printer offline"));
          BOOST_TEST(contains(mail.html, "#42 — Printer offline"));
        }
        // Plain text lines stay short: every line here is one the mail wraps itself.
        for (const std::string& line : lines_of(mail.text)) {
          BOOST_TEST(code_points(line) <= 78u, line);
          BOOST_TEST(!(line.starts_with(": ") || line.starts_with("; ") || line == ":"), line);  // French's " :" stays put
        }
      }
    }
    BOOST_TEST(subjects.size() == 3u, to_string(kind) << ": the subject is the same in two languages");
  }
}

BOOST_AUTO_TEST_CASE(ticket_and_commerce_mails_say_how_to_turn_them_off_the_others_why_they_came) {
  const MailFacts facts = full_facts();
  for (const MailKind kind : kMailKinds) {
    const MailTopic topic = topic_of(kind);
    const bool optional = topic == MailTopic::tickets || topic == MailTopic::commerce;
    const std::string text = compose_mail(kind, Language::en, facts).text;
    BOOST_TEST(contains(flat(text), "turn these mails off in your account settings") == optional, to_string(kind));
    BOOST_TEST(contains(flat(text), "You receive this mail because") == !optional, to_string(kind));
    BOOST_TEST(contains(flat(compose_mail(kind, Language::fr, facts).text), "paramètres de votre compte") == optional);
    BOOST_TEST(contains(flat(compose_mail(kind, Language::es, facts).text), "configuración de su cuenta") == optional);
  }
}

BOOST_AUTO_TEST_CASE(the_reset_mail_says_one_hour_once_and_what_to_do_if_it_was_not_you) {
  const MailContent mail = compose_mail(MailKind::password_reset, Language::en, full_facts());
  BOOST_TEST(mail.subject == "[Tessera] Reset your password");
  BOOST_TEST(contains(flat(mail.text), "valid for one hour and works once"));
  BOOST_TEST(contains(mail.html, "valid for one hour and works once"));
  BOOST_TEST(contains(flat(mail.text), "if it was not you, ignore it"));
  BOOST_TEST(contains(flat(mail.text), "your password stays unchanged"));
  const MailContent french = compose_mail(MailKind::password_reset, Language::fr, full_facts());
  BOOST_TEST(contains(flat(french.text), "valable une heure"));
  BOOST_TEST(contains(flat(compose_mail(MailKind::password_reset, Language::es, full_facts()).text), "una hora"));
}

BOOST_AUTO_TEST_CASE(the_invitation_names_the_inviter_and_the_product) {
  MailFacts facts = full_facts();
  facts.product = "HelpDesk Ana";
  for (const Language language : kLanguages) {
    const MailContent mail = compose_mail(MailKind::invitation, language, facts);
    BOOST_TEST(contains(mail.subject, "Bea Martin"));
    BOOST_TEST(contains(mail.subject, "HelpDesk Ana"));
    BOOST_TEST(contains(mail.text, "Bea Martin"));
    BOOST_TEST(contains(mail.html, "Bea Martin"));
  }
  facts.inviter.clear();
  BOOST_TEST(compose_mail(MailKind::invitation, Language::en, facts).subject ==
             "[HelpDesk Ana] A HelpDesk Ana customer invites you to HelpDesk Ana");
}

BOOST_AUTO_TEST_CASE(an_operators_reply_is_quoted_verbatim) {
  const MailFacts facts = full_facts();
  for (const MailKind kind : {MailKind::ticket_replied, MailKind::resolution_proposed})
    for (const Language language : kLanguages) {
      const MailContent mail = compose_mail(kind, language, facts);
      BOOST_TEST(contains(mail.text, "> Please restart the printer.\n> Then tell me what the screen says.\n"));
      BOOST_TEST(contains(mail.html, "Please restart the printer.<br>\nThen tell me what the screen says."));
    }
  BOOST_TEST(compose_mail(MailKind::ticket_replied, Language::en, facts).subject ==
             "[Tessera] #42 — An operator replied: Printer offline");
}

BOOST_AUTO_TEST_CASE(dates_are_written_the_way_each_language_writes_them) {
  BOOST_TEST(mail_date(kDecember10, Language::en) == "10 December 2026");
  BOOST_TEST(mail_date(kDecember10, Language::fr) == "10 décembre 2026");
  BOOST_TEST(mail_date(kDecember10, Language::es) == "10 de diciembre de 2026");
  BOOST_TEST(mail_date(utc_instant(Date{2027, 1, 1}, 0, 0), Language::fr) == "1er janvier 2027");
  BOOST_TEST(mail_date(utc_instant(Date{2027, 1, 1}, 23, 59), Language::en) == "1 January 2027");
  BOOST_TEST(mail_date(utc_instant(Date{2027, 8, 3}, 8, 0), Language::es) == "3 de agosto de 2027");
  // The kinds that give a date say it in their language.
  const MailFacts facts = full_facts();
  for (const MailKind kind : {MailKind::resolution_proposed, MailKind::renewal_due, MailKind::grace_ending,
                              MailKind::units_expiring})
    for (const Language language : kLanguages) {
      const MailContent mail = compose_mail(kind, language, facts);
      BOOST_TEST(contains(flat(mail.text), mail_date(kDecember10, language)), to_string(kind));
      BOOST_TEST(contains(mail.html, mail_date(kDecember10, language)), to_string(kind));
    }
  BOOST_TEST(contains(flat(compose_mail(MailKind::resolution_proposed, Language::en, facts).text),
                      "closes on 10 December 2026 unless you answer"));
}

BOOST_AUTO_TEST_CASE(money_mails_show_the_amount_the_order_and_the_instructions_verbatim) {
  const MailFacts facts = full_facts();
  for (const MailKind kind : {MailKind::order_pending, MailKind::renewal_due, MailKind::grace_ending,
                              MailKind::subscription_suspended})
    for (const Language language : kLanguages) {
      BOOST_TEST_CONTEXT(to_string(kind) << " in " << to_string(language)) {
        const MailContent mail = compose_mail(kind, language, facts);
        BOOST_TEST(contains(mail.text, "49,00 €"));
        BOOST_TEST(contains(mail.html, "49,00 €"));
        BOOST_TEST(contains(mail.text, "O-2026-0012"));
        BOOST_TEST(contains(mail.text, "\n" + facts.instructions + "\n"));
        BOOST_TEST(contains(mail.html, "IBAN FR76 3000 6000 0112 3456 7890 189<br>\nBIC AGRIFRPP"));
      }
    }
  const MailContent paid = compose_mail(MailKind::payment_received, Language::en, facts);
  BOOST_TEST(paid.subject == "[Tessera] Payment received: order O-2026-0012");
  BOOST_TEST(contains(paid.text, "Amount paid: 49,00 €"));
  BOOST_TEST(contains(flat(paid.text), "invoice is attached"));
  BOOST_TEST(!contains(paid.text, "IBAN"));  // paid: no instructions any more
  const MailContent owed = compose_mail(MailKind::awaiting_funding, Language::en, facts);
  BOOST_TEST(contains(flat(owed.text), "It waits until time is bought"));
  BOOST_TEST(contains(owed.text, "Owed: 49,00 €"));
  BOOST_TEST(contains(compose_mail(MailKind::order_pending, Language::fr, facts).text, "Montant à payer : 49,00 €"));
}

BOOST_AUTO_TEST_CASE(units_expiring_counts_the_units_in_each_language) {
  MailFacts facts = full_facts();
  BOOST_TEST(compose_mail(MailKind::units_expiring, Language::en, facts).subject ==
             "[Tessera] 8 tickets expire on 10 December 2026");
  BOOST_TEST(compose_mail(MailKind::units_expiring, Language::fr, facts).subject ==
             "[Tessera] 8 tickets expirent le 10 décembre 2026");
  BOOST_TEST(compose_mail(MailKind::units_expiring, Language::es, facts).subject ==
             "[Tessera] 8 tickets caducan el 10 de diciembre de 2026");
  facts.units = 1;
  BOOST_TEST(compose_mail(MailKind::units_expiring, Language::en, facts).subject ==
             "[Tessera] 1 ticket expires on 10 December 2026");
  BOOST_TEST(contains(flat(compose_mail(MailKind::units_expiring, Language::fr, facts).text), "1 ticket inutilisé"));
}

BOOST_AUTO_TEST_CASE(the_closed_mail_asks_for_an_evaluation_and_the_staff_mail_names_the_criticality) {
  const MailFacts facts = full_facts();
  BOOST_TEST(contains(flat(compose_mail(MailKind::ticket_closed, Language::en, facts).text), "from 1 to 5 stars"));
  BOOST_TEST(contains(flat(compose_mail(MailKind::ticket_closed, Language::fr, facts).text), "de 1 à 5 étoiles"));
  BOOST_TEST(contains(flat(compose_mail(MailKind::ticket_closed, Language::es, facts).text), "de 1 a 5 estrellas"));
  const MailContent critical = compose_mail(MailKind::critical_ticket, Language::en, facts);
  BOOST_TEST(contains(critical.text, "Criticality: Critical"));
  BOOST_TEST(contains(flat(critical.text), "an operator of Tessera who speaks this ticket's language"));
}

BOOST_AUTO_TEST_CASE(without_a_name_the_greeting_is_neutral) {
  MailFacts facts = full_facts();
  facts.recipient_name.clear();
  BOOST_TEST(compose_mail(MailKind::ticket_received, Language::en, facts).text.starts_with("Hello,\n\n"));
  BOOST_TEST(compose_mail(MailKind::ticket_received, Language::fr, facts).text.starts_with("Bonjour,\n\n"));
  BOOST_TEST(compose_mail(MailKind::ticket_received, Language::es, facts).text.starts_with("Hola:\n\n"));
  facts.recipient_name = "Ana";
  BOOST_TEST(compose_mail(MailKind::ticket_received, Language::es, facts).text.starts_with("Hola, Ana:\n\n"));
}

BOOST_AUTO_TEST_CASE(every_fact_is_escaped_in_html) {
  MailFacts facts = full_facts();
  facts.ticket_subject = "<script>alert(\"x\")</script>";
  facts.reply_text = "Use <b>Ctrl & Alt</b>";
  facts.recipient_name = "Ana <ana@example.com>";
  facts.link = "https://support.example.com/#/t?a=1&b=\"2\"";
  for (const MailKind kind : kMailKinds) {
    const MailContent mail = compose_mail(kind, Language::en, facts);
    BOOST_TEST(!contains(mail.html, "<script>"), to_string(kind));
    BOOST_TEST(!contains(mail.html, "<b>"), to_string(kind));
    BOOST_TEST(!contains(mail.html, "<ana@"), to_string(kind));
    BOOST_TEST(contains(mail.html, "href=\"https://support.example.com/#/t?a=1&amp;b=&quot;2&quot;\""));
    BOOST_TEST(contains(mail.text, facts.link));  // the plain text keeps it as it is
  }
  const MailContent replied = compose_mail(MailKind::ticket_replied, Language::en, facts);
  BOOST_TEST(contains(replied.html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  BOOST_TEST(contains(replied.html, "Use &lt;b&gt;Ctrl &amp; Alt&lt;/b&gt;"));
  BOOST_TEST(contains(replied.text, "> Use <b>Ctrl & Alt</b>"));
}

BOOST_AUTO_TEST_CASE(facts_with_line_breaks_cannot_break_the_subject_and_empty_facts_are_left_out) {
  MailFacts facts = full_facts();
  facts.ticket_subject = "Printer\r\nBcc: someone@example.com";
  const MailContent mail = compose_mail(MailKind::ticket_received, Language::en, facts);
  BOOST_TEST(mail.subject == "[Tessera] #42 — Ticket received: Printer Bcc: someone@example.com");
  MailFacts bare;
  bare.link = "https://support.example.com/#/orders/3";
  const MailContent order = compose_mail(MailKind::order_pending, Language::en, bare);
  BOOST_TEST(order.subject == "[Tessera] Order: awaiting your payment");
  BOOST_TEST(!contains(order.text, "Amount due"));
  BOOST_TEST(!contains(order.text, "How to pay"));
  BOOST_TEST(compose_mail(MailKind::ticket_received, Language::fr, bare).subject == "[Tessera] Ticket reçu");
  // A path is completed with the public address.
  bare.public_url = "https://support.example.com/";
  bare.link = "/#/tickets/9";
  BOOST_TEST(contains(compose_mail(MailKind::ticket_received, Language::en, bare).text,
                      "\nhttps://support.example.com/#/tickets/9\n"));
}

// [SECTION] The MIME message

namespace {
mime::OutgoingMail sample_message() {
  mime::OutgoingMail mail;
  mail.from = "Tessera <no-reply@example.com>";
  mail.to = "ana@example.com";
  mail.subject = "[Tessera] #42 — Réponse d'un opérateur : imprimante hors ligne 🖨️";
  mail.text = "Bonjour Ana,\n\nLigne deux — accentuée é à ç.\n";
  mail.html = "<p>Bonjour Ana,</p>\n<p>Ligne deux — accentuée é à ç. 🖨️</p>\n";
  mail.message_id = "<17.a3f9c2@example.com>";
  mail.date = utc_instant(Date{2026, 12, 3}, 17, 20);
  mail.language = "fr";
  return mail;
}

std::string fake_pdf() {
  std::string bytes = "%PDF-1.4\n";
  for (int i = 0; i < 600; ++i) bytes += static_cast<char>(i % 256);  // every byte, NUL included
  return bytes + "%%EOF";
}

// The header lines of a message (until the first empty line).
std::vector<std::string> header_lines(const std::string& raw) {
  std::vector<std::string> lines;
  for (const std::string& line : lines_of(raw, "\r\n")) {
    if (line.empty()) break;
    lines.push_back(line);
  }
  return lines;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_date_header_is_rfc_5322) {
  BOOST_TEST(mime::rfc5322_date(utc_instant(Date{2026, 12, 3}, 17, 20)) == "Thu, 03 Dec 2026 17:20:00 +0000");
  BOOST_TEST(mime::rfc5322_date(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
  BOOST_TEST(mime::rfc5322_date(utc_instant(Date{2028, 2, 29}, 9, 5, 7)) == "Tue, 29 Feb 2028 09:05:07 +0000");
}

BOOST_AUTO_TEST_CASE(base64_follows_rfc_4648) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},         {"f", "Zg=="},     {"fo", "Zm8="},
                                                         {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    BOOST_TEST(mime::base64_encode(plain) == encoded);
    BOOST_TEST(mime::base64_decode(encoded).value_or("?") == plain);
  }
  BOOST_TEST(!mime::base64_decode("Zm9v!").has_value());
  BOOST_TEST(!mime::base64_decode("Zm9vY").has_value());
  BOOST_TEST(!mime::base64_decode("Zg==Zg").has_value());
  const std::string long_text = fake_pdf();
  const std::string lines = mime::base64_encode(long_text, 76);
  for (const std::string& line : lines_of(lines, "\r\n")) BOOST_TEST(line.size() <= 76u);
  BOOST_TEST(lines_of(lines, "\r\n").front().size() == 76u);
  BOOST_TEST(mime::base64_decode(lines).value_or("") == long_text);
}

BOOST_AUTO_TEST_CASE(a_message_reads_back_to_its_subject_parts_headers_and_attachment) {
  mime::OutgoingMail mail = sample_message();
  mail.attachments.push_back({"facture-2026-000001.pdf", "application/pdf", fake_pdf()});
  const std::string raw = mime::build_message(mail);
  const auto parsed = mime::parse_message(raw);
  BOOST_TEST_REQUIRE(parsed.has_value());
  BOOST_TEST(parsed->subject == mail.subject);
  BOOST_TEST(parsed->text == mail.text);
  BOOST_TEST(parsed->html == mail.html);
  BOOST_TEST_REQUIRE(parsed->attachments.size() == 1u);
  BOOST_TEST(parsed->attachments[0].filename == "facture-2026-000001.pdf");
  BOOST_TEST(parsed->attachments[0].content_type == "application/pdf");
  BOOST_TEST((parsed->attachments[0].bytes == fake_pdf()));
  BOOST_TEST(parsed->headers.at("message-id") == "<17.a3f9c2@example.com>");
  BOOST_TEST(parsed->headers.at("date") == "Thu, 03 Dec 2026 17:20:00 +0000");
  BOOST_TEST(parsed->headers.at("from") == "Tessera <no-reply@example.com>");
  BOOST_TEST(parsed->headers.at("to") == "ana@example.com");
  BOOST_TEST(parsed->headers.at("mime-version") == "1.0");
  BOOST_TEST(parsed->headers.at("content-language") == "fr");
  BOOST_TEST(parsed->headers.at("auto-submitted") == "auto-generated");
  BOOST_TEST(parsed->headers.at("content-type").starts_with("multipart/mixed;"));
  // The subject is not plain ASCII: encoded words, each line under 78 characters.
  BOOST_TEST(contains(raw, "Subject: =?UTF-8?B?"));
  BOOST_TEST(contains(raw, "Content-Disposition: attachment;"));
  BOOST_TEST(contains(raw, "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"));
  BOOST_TEST(raw.find("text/plain") < raw.find("text/html"));
}

BOOST_AUTO_TEST_CASE(without_attachments_the_message_is_one_alternative) {
  const std::string raw = mime::build_message(sample_message());
  const auto parsed = mime::parse_message(raw);
  BOOST_TEST_REQUIRE(parsed.has_value());
  BOOST_TEST(parsed->headers.at("content-type").starts_with("multipart/alternative;"));
  BOOST_TEST(parsed->attachments.empty());
  BOOST_TEST(!contains(raw, "multipart/mixed"));
  BOOST_TEST(parsed->text == sample_message().text);
}

BOOST_AUTO_TEST_CASE(every_line_ends_in_crlf_and_stays_short) {
  mime::OutgoingMail mail = sample_message();
  mail.subject = "";
  for (int i = 0; i < 40; ++i) mail.subject += "Objet très long numéro " + std::to_string(i) + " ";
  mail.text = std::string(5000, 'x');  // one long line of text: base64 cuts it
  mail.attachments.push_back({"données année 2026 — relevé.pdf", "application/pdf", fake_pdf()});
  const std::string raw = mime::build_message(mail);
  for (std::size_t i = 0; i < raw.size(); ++i)
    if (raw[i] == '\n') BOOST_TEST_REQUIRE((i > 0 && raw[i - 1] == '\r'), "a bare LF at " << i);
  for (const std::string& line : lines_of(raw, "\r\n")) BOOST_TEST(line.size() <= 998u);
  for (const std::string& line : header_lines(raw)) BOOST_TEST(line.size() <= 78u, line);
  const auto parsed = mime::parse_message(raw);
  BOOST_TEST_REQUIRE(parsed.has_value());
  BOOST_TEST(parsed->subject == std::string(mime::decode_header_words(parsed->headers.at("subject"))));
  BOOST_TEST(parsed->subject + " " == mail.subject);  // the trailing blank is trimmed
  BOOST_TEST(parsed->text == mail.text);
  BOOST_TEST(parsed->attachments.at(0).filename == "données année 2026 — relevé.pdf");
  // A long ASCII subject folds at spaces and unfolds to the same words.
  mail.subject = "";
  for (int i = 0; i < 30; ++i) mail.subject += (i ? " " : "") + std::string("word") + std::to_string(i);
  const std::string ascii = mime::build_message(mail);
  for (const std::string& line : header_lines(ascii)) BOOST_TEST(line.size() <= 78u, line);
  BOOST_TEST(!contains(ascii, "=?UTF-8?"));
  BOOST_TEST(mime::parse_message(ascii).value().subject == mail.subject);
  // A first word too long for the Subject line, and a long display name that is not ASCII.
  mail.subject = std::string(72, 'a') + " b";
  mail.from = "Assistance informatique à distance de l'équipe Tessera <no-reply-assistance@support.example.com>";
  const std::string tight = mime::build_message(mail);
  for (const std::string& line : header_lines(tight)) BOOST_TEST(line.size() <= 78u, line);
  BOOST_TEST(mime::parse_message(tight).value().subject == mail.subject);
  BOOST_TEST(mime::decode_header_words(mime::parse_message(tight).value().headers.at("from")) == mail.from);
}

BOOST_AUTO_TEST_CASE(no_header_value_can_inject_a_header) {
  mime::OutgoingMail mail = sample_message();
  mail.subject = "Hello\r\nBcc: victim@example.com\r\n\r\nInjected body";
  mail.to = "ana@example.com\r\nCc: other@example.com";
  mail.from = "Tessera\n<no-reply@example.com>";
  mail.message_id = "<1@example.com>\r\nX-Evil: 1";
  mail.language = "fr\r\nX-Evil: 2";
  mail.attachments.push_back({"a\r\nX-Evil: 3.pdf", "application/pdf\r\nX-Evil: 4", "%PDF"});
  const std::string raw = mime::build_message(mail);
  for (const std::string& line : lines_of(raw, "\r\n")) {
    BOOST_TEST(!line.starts_with("Bcc:"));
    BOOST_TEST(!line.starts_with("Cc:"));
    BOOST_TEST(!line.starts_with("X-Evil"));
    BOOST_TEST(!line.starts_with("Injected"));
  }
  const auto parsed = mime::parse_message(raw);
  BOOST_TEST_REQUIRE(parsed.has_value());
  BOOST_TEST(parsed->headers.count("bcc") == 0u);
  BOOST_TEST(parsed->headers.count("cc") == 0u);
  BOOST_TEST(parsed->headers.count("x-evil") == 0u);
  BOOST_TEST(parsed->subject == "Hello Bcc: victim@example.com  Injected body");
  BOOST_TEST(parsed->text == mail.text);
  BOOST_TEST(parsed->attachments.at(0).content_type == "application/octet-stream");  // not a type any more
}

BOOST_AUTO_TEST_CASE(display_names_with_specials_are_quoted_and_others_encoded) {
  mime::OutgoingMail mail = sample_message();
  mail.from = "Tessera Support, Inc. <no-reply@example.com>";
  BOOST_TEST(mime::build_message(mail).starts_with("From: \"Tessera Support, Inc.\" <no-reply@example.com>\r\n"));
  mail.from = "Assistance \"Élise\" <no-reply@example.com>";
  const std::string raw = mime::build_message(mail);
  BOOST_TEST(contains(raw, "From: =?UTF-8?B?"));
  const auto parsed = mime::parse_message(raw);
  BOOST_TEST(mime::decode_header_words(parsed.value().headers.at("from")) ==
             "Assistance \"Élise\" <no-reply@example.com>");
  mail.from = "no-reply@example.com";
  BOOST_TEST(mime::build_message(mail).starts_with("From: no-reply@example.com\r\n"));
}

BOOST_AUTO_TEST_CASE(boundaries_cannot_occur_in_base64) {
  mime::OutgoingMail mail = sample_message();
  mail.attachments.push_back({"a.bin", "application/octet-stream", fake_pdf()});
  const std::string raw = mime::build_message(mail);
  std::vector<std::string> boundaries;
  for (std::size_t at = 0; (at = raw.find("boundary=\"", at)) != std::string::npos;) {
    at += 10;
    boundaries.push_back(raw.substr(at, raw.find('"', at) - at));
  }
  BOOST_TEST_REQUIRE(boundaries.size() == 2u);
  BOOST_TEST(boundaries[0] != boundaries[1]);
  for (const std::string& boundary : boundaries) BOOST_TEST(contains(boundary, "=_"));  // '_' is not base64
  // The same mail built twice is the same message (a retry sends the same bytes).
  BOOST_TEST(raw == mime::build_message(mail));
}

BOOST_AUTO_TEST_CASE(encoded_words_decode_b_and_q_and_join_without_their_blanks) {
  BOOST_TEST(mime::decode_header_words("=?UTF-8?B?w6k=?= =?UTF-8?Q?t=C3=A9_d?=") == "été d");
  BOOST_TEST(mime::decode_header_words("a =?ISO-8859-1?Q?caf=E9?= b") == "a café b");
  BOOST_TEST(mime::decode_header_words("plain =? text") == "plain =? text");
  BOOST_TEST(mime::decode_header_words("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=");
}

BOOST_AUTO_TEST_CASE(what_is_not_such_a_message_is_refused) {
  BOOST_TEST(!mime::parse_message("").has_value());
  BOOST_TEST(!mime::parse_message("just some words\r\n").has_value());
  BOOST_TEST(!mime::parse_message("Subject: no blank line after the headers").has_value());
  BOOST_TEST(!mime::parse_message("Content-Type: multipart/mixed\r\n\r\n--x\r\n\r\nbody\r\n--x--\r\n").has_value());
  BOOST_TEST(!mime::parse_message("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\nbody\r\n").has_value());
  BOOST_TEST(!mime::parse_message("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!\r\n")
                  .has_value());
  // A simple text message is one, with a bare-LF or quoted-printable body too.
  const auto simple = mime::parse_message("Subject: hi\nContent-Transfer-Encoding: quoted-printable\n\ncaf=C3=A9 =\nau lait\n");
  BOOST_TEST_REQUIRE(simple.has_value());
  BOOST_TEST(simple->subject == "hi");
  BOOST_TEST(simple->text == "café au lait\n");
}

BOOST_AUTO_TEST_CASE(every_composed_mail_survives_the_message_in_every_language) {
  const MailFacts facts = full_facts();
  for (const MailKind kind : kMailKinds)
    for (const Language language : kLanguages) {
      const MailContent content = compose_mail(kind, language, facts);
      mime::OutgoingMail mail;
      mail.from = "Tessera <no-reply@example.com>";
      mail.to = "ana@example.com";
      mail.subject = content.subject;
      mail.text = content.text;
      mail.html = content.html;
      mail.message_id = "<" + std::string(to_string(kind)) + "@example.com>";
      mail.date = kDecember10;
      mail.language = std::string(to_string(language));
      if (kind == MailKind::payment_received) mail.attachments.push_back({"invoice.pdf", "application/pdf", fake_pdf()});
      const std::string raw = mime::build_message(mail);
      const auto parsed = mime::parse_message(raw);
      BOOST_TEST_REQUIRE(parsed.has_value());
      BOOST_TEST(parsed->subject == content.subject);
      BOOST_TEST(parsed->text == content.text);
      BOOST_TEST(parsed->html == content.html);
      BOOST_TEST(parsed->attachments.size() == (kind == MailKind::payment_received ? 1u : 0u));
      for (const std::string& line : header_lines(raw)) BOOST_TEST(line.size() <= 78u, line);
    }
}

BOOST_AUTO_TEST_SUITE_END()

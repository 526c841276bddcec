// Private to texts.cpp and the table files: one function per table of texts, each generated
// from shared/texts/<function>.tsv (cmake/EmbedTexts.cmake).
#pragma once
#include <span>

#include "tessera/texts.hpp"

namespace tessera::texts {
std::span<const TextEntry> ui_texts();     // screens, labels, enum names
std::span<const TextEntry> error_texts();  // "error.<code>" for every error code
std::span<const TextEntry> domain_error_texts();  // the domain core's errors, cost statement words
std::span<const TextEntry> faq_texts();           // the business FAQ (SPEC §5)
std::span<const TextEntry> invoice_texts();       // the invoice PDF (SPEC §1.6)
std::span<const TextEntry> commerce_texts();      // orders, payment, invoice lines
std::span<const TextEntry> client_texts();        // the browser client's shell: titles, banners, the outbox
std::span<const TextEntry> site_texts();          // the public side: offers, FAQ page, board, contact (app and HTML)
std::span<const TextEntry> client_desk_texts();   // the operator's desk: queue, timer, time entries
std::span<const TextEntry> client_admin_texts();  // the browser client's admin back office
std::span<const TextEntry> client_people_texts();  // the client's people, onboarding and ticket screens
std::span<const TextEntry> client_money_texts();  // the client's money screens
std::span<const TextEntry> mail_texts();          // every mail (SPEC §1.13): subjects, bodies, facts
std::span<const TextEntry> client_mail_texts();   // the client's mail screens: password reset, preferences, outbox
}  // namespace tessera::texts

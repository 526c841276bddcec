// The invoice as a PDF (SPEC §1.6, §1.11): an A4 document in the account's language, drawn
// with libharu's base-14 Helvetica in WinAnsi (CP1252) encoding so accented text renders.
// Also the pure helpers it draws with — money, VAT rates and dates written the way each
// language writes them, and UTF-8 to CP1252 — declared here so the tests can check them.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "tessera/dates.hpp"
#include "tessera/invoice.hpp"
#include "tessera/ticket.hpp"

namespace tessera::server {

// libharu reported an error (its error and detail codes are in the message).
struct PdfError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The PDF file's bytes ("%PDF-1.x ... %%EOF"): title and number, issue date, seller and
// buyer, one table row per line (long descriptions wrapped, then cut with "…"; more pages
// when the lines do not fit), totals, payment method and date, the "Paid" mark.
// Throws PdfError when libharu fails.
std::string render_invoice_pdf(const tessera::Invoice& invoice, tessera::Language language);

// "1 234,56 €" in French and Spanish, "€1,234.56" in English; negatives start with "-".
std::string format_money(Cents amount, Language language);
// 2000 -> "20 %" (fr, es) / "20%" (en); 550 -> "5,5 %" / "5.5%".
std::string format_vat_rate(BasisPoints rate, Language language);
// "05/03/2026" (fr, es) / "2026-03-05" (en).
std::string format_date(const Date& date, Language language);
// CP1252 bytes for UTF-8 text: ASCII and Latin-1 as they are, the CP1252 extras (€ … ‘ ’ “ ”
// – — œ Š …) to their bytes, no-break spaces to 0xA0, anything else (and invalid UTF-8) to '?'.
std::string utf8_to_cp1252(std::string_view utf8);

}  // namespace tessera::server

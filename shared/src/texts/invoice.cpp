// Texts of the invoice PDF (SPEC §1.6, §1.11): title, parties, the table's column heads,
// totals, payment and page footer, in French, English and Spanish. Payment methods are
// "invoice.payment.<to_string(PaymentMethod)>". Keys are never repeated across tables.
#include <array>

#include "tables.hpp"

namespace tessera::texts {

namespace {
constexpr std::array kInvoiceTexts{
    // [SECTION] Heading and parties
    TextEntry{"invoice.title", "Facture", "Invoice", "Factura"},
    TextEntry{"invoice.title_number", "Facture n° {number}", "Invoice {number}", "Factura n.º {number}"},
    TextEntry{"invoice.issued_on", "Date d'émission", "Issue date", "Fecha de emisión"},
    TextEntry{"invoice.order", "Commande", "Order", "Pedido"},
    TextEntry{"invoice.seller", "Émetteur", "From", "Emisor"},
    TextEntry{"invoice.buyer", "Facturé à", "Bill to", "Facturado a"},
    TextEntry{"invoice.vat_number", "N° de TVA", "VAT no.", "NIF-IVA"},
    TextEntry{"invoice.email", "E-mail", "Email", "Correo"},
    // [SECTION] Table of lines
    TextEntry{"invoice.column.description", "Désignation", "Description", "Descripción"},
    TextEntry{"invoice.column.quantity", "Qté", "Qty", "Cant."},
    TextEntry{"invoice.column.unit_price", "Prix unit. HT", "Unit price", "Precio unit."},
    TextEntry{"invoice.column.vat_rate", "TVA %", "VAT %", "IVA %"},
    TextEntry{"invoice.column.net", "Total HT", "Net", "Base"},
    TextEntry{"invoice.column.vat", "TVA", "VAT", "IVA"},
    TextEntry{"invoice.column.gross", "Total TTC", "Gross", "Total"},
    TextEntry{"invoice.continued", "Facture {number} (suite)", "Invoice {number} (continued)",
              "Factura {number} (continuación)"},
    // [SECTION] Totals and payment
    TextEntry{"invoice.total_net", "Total HT", "Total net", "Base imponible"},
    TextEntry{"invoice.total_vat", "Total TVA", "Total VAT", "Total IVA"},
    TextEntry{"invoice.total_gross", "Total TTC", "Total (VAT included)", "Total (IVA incluido)"},
    TextEntry{"invoice.payment_method", "Moyen de paiement", "Payment method", "Forma de pago"},
    TextEntry{"invoice.paid_on", "Payée le", "Paid on", "Pagada el"},
    TextEntry{"invoice.paid", "Payée", "Paid", "Pagada"},
    TextEntry{"invoice.payment.paypal", "PayPal", "PayPal", "PayPal"},
    TextEntry{"invoice.payment.bank_transfer", "Virement bancaire", "Bank transfer", "Transferencia bancaria"},
    TextEntry{"invoice.payment.check", "Chèque", "Check", "Cheque"},
    TextEntry{"invoice.page", "Page {page} / {pages}", "Page {page} of {pages}", "Página {page} de {pages}"},
};
}  // namespace

std::span<const TextEntry> invoice_texts() { return kInvoiceTexts; }

}  // namespace tessera::texts

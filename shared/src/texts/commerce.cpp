// Texts of buying: order lines as they appear on invoices, order statuses, payment
// instructions, and the errors of orders and payments.
#include <array>

#include "tables.hpp"

namespace tessera::texts {

namespace {
constexpr std::array kCommerceTexts{
    // [SECTION] Invoice lines
    TextEntry{"order.line.subscription", "Abonnement mensuel ({users} utilisateur inclus)",
              "Monthly subscription ({users} user included)", "Suscripción mensual ({users} usuario incluido)"},
    TextEntry{"order.line.extra_users", "Utilisateur supplémentaire (mois)", "Extra user (month)",
              "Usuario adicional (mes)"},
    TextEntry{"order.line.pack", "Pack de {units} {units:ticket|ticket|tickets}, valable {months} mois",
              "Pack of {units} {units:ticket|tickets}, valid {months} months",
              "Paquete de {units} {units:ticket|tickets}, válido {months} meses"},
    TextEntry{"order.line.pack_multi_user", "Pack multi-utilisateur de {units} tickets, valable {months} mois",
              "Multi-user pack of {units} tickets, valid {months} months",
              "Paquete multiusuario de {units} tickets, válido {months} meses"},
    TextEntry{"order.line.minutes", "Banque de {minutes} minutes, valable {months} mois",
              "Bank of {minutes} minutes, valid {months} months", "Bolsa de {minutes} minutos, válida {months} meses"},
    TextEntry{"order.line.renewal", "Renouvellement de l'abonnement du {from} au {to} ({users} utilisateur inclus)",
              "Subscription renewal from {from} to {to} ({users} user included)",
              "Renovación de la suscripción del {from} al {to} ({users} usuario incluido)"},
    TextEntry{"order.line.renewal_extra_users", "Utilisateur supplémentaire du {from} au {to}",
              "Extra user from {from} to {to}", "Usuario adicional del {from} al {to}"},
    TextEntry{"order.line.extra_users_pro_rata", "{users} {users:utilisateur supplémentaire|utilisateur supplémentaire|utilisateurs supplémentaires} jusqu'au {to} (prorata)",
              "{users} extra {users:user|users} until {to} (pro rata)",
              "{users} {users:usuario adicional|usuarios adicionales} hasta el {to} (prorrata)"},
    // [SECTION] Orders and payment
    TextEntry{"order.status.awaiting_approval", "En attente de PayPal", "Waiting for PayPal", "Esperando a PayPal"},
    TextEntry{"order.status.pending_payment", "En attente de paiement", "Awaiting payment", "Pendiente de pago"},
    TextEntry{"order.status.paid", "Payée", "Paid", "Pagado"},
    TextEntry{"order.status.cancelled", "Annulée", "Cancelled", "Cancelado"},
    TextEntry{"order.status.failed", "Échouée", "Failed", "Fallido"},
    TextEntry{"payment.method.paypal", "PayPal", "PayPal", "PayPal"},
    TextEntry{"payment.method.bank_transfer", "Virement bancaire", "Bank transfer", "Transferencia bancaria"},
    TextEntry{"payment.method.check", "Chèque", "Check", "Cheque"},
    TextEntry{"payment.bank_transfer_instructions",
              "Virez {amount} € à {holder}, IBAN {iban}, BIC {bic}, avec la référence {reference}. L'activation "
              "prend quelques jours, dès réception.",
              "Transfer €{amount} to {holder}, IBAN {iban}, BIC {bic}, with the reference {reference}. Activation "
              "takes a few days, as soon as it arrives.",
              "Transfiera {amount} € a {holder}, IBAN {iban}, BIC {bic}, con la referencia {reference}. La "
              "activación tarda unos días, en cuanto llegue."},
    TextEntry{"payment.check_instructions",
              "Envoyez un chèque de {amount} € à l'ordre de {payee}, {address}, en notant la référence {reference} "
              "au dos. L'activation prend quelques jours, dès réception.",
              "Send a check for €{amount} payable to {payee}, {address}, with the reference {reference} on the "
              "back. Activation takes a few days, as soon as it arrives.",
              "Envíe un cheque de {amount} € a nombre de {payee}, {address}, con la referencia {reference} al "
              "dorso. La activación tarda unos días, en cuanto llegue."},
    // [SECTION] Errors
    TextEntry{"error.unknown_offer", "Cette offre n'existe pas.", "This offer does not exist.", "Esta oferta no existe."},
    TextEntry{"error.offer_inactive", "Cette offre n'est plus proposée.", "This offer is no longer sold.",
              "Esta oferta ya no se vende."},
    TextEntry{"error.order_not_payable", "Cette commande ne peut plus être payée.", "This order can no longer be paid.",
              "Este pedido ya no se puede pagar."},
    TextEntry{"error.owner_only", "Seul le titulaire du compte peut faire cela.", "Only the account owner can do this.",
              "Solo el titular de la cuenta puede hacer esto."},
    TextEntry{"error.paypal_unavailable", "Le paiement PayPal n'est pas configuré.", "PayPal payment is not configured.",
              "El pago con PayPal no está configurado."},
    TextEntry{"error.paypal_declined", "PayPal a refusé le paiement.", "PayPal declined the payment.",
              "PayPal rechazó el pago."},
    TextEntry{"error.paypal_unreachable", "PayPal ne répond pas. Réessayez plus tard.",
              "PayPal does not answer. Try again later.", "PayPal no responde. Vuelva a intentarlo más tarde."},
    TextEntry{"error.paypal_timeout", "PayPal a mis trop de temps à répondre. Réessayez.",
              "PayPal took too long to answer. Try again.", "PayPal tardó demasiado en responder. Inténtelo de nuevo."},
    TextEntry{"error.paypal_error", "Erreur de PayPal.", "PayPal error.", "Error de PayPal."},
    TextEntry{"error.paypal_invalid_response", "Réponse de PayPal illisible.", "Unreadable answer from PayPal.",
              "Respuesta de PayPal ilegible."},
    TextEntry{"error.paypal_tls_unavailable", "Connexion sécurisée à PayPal indisponible.",
              "Secure connection to PayPal unavailable.", "Conexión segura con PayPal no disponible."},
    TextEntry{"error.too_many_streams", "Trop de fenêtres ouvertes : les mises à jour en direct sont en pause.",
              "Too many windows open: live updates are paused.",
              "Demasiadas ventanas abiertas: las actualizaciones en directo están en pausa."},
    TextEntry{"error.webhook_unverified", "Événement PayPal non vérifié.", "Unverified PayPal event.",
              "Evento de PayPal no verificado."},
};
}  // namespace

std::span<const TextEntry> commerce_texts() { return kCommerceTexts; }

}  // namespace tessera::texts

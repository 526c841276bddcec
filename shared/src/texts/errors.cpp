// Error texts: "error.<code>" for every error code the server or the client reports.
// The server answers codes; the client shows these texts in the user's language.
#include <array>

#include "tables.hpp"

namespace tessera::texts {

namespace {
constexpr std::array kErrorTexts{
    TextEntry{"error.invalid_json", "La requête n'est pas un JSON valide.", "The request is not valid JSON.",
              "La solicitud no es un JSON válido."},
    TextEntry{"error.body_too_large", "La requête est trop volumineuse.", "The request is too large.",
              "La solicitud es demasiado grande."},
    TextEntry{"error.unauthenticated", "Veuillez vous connecter.", "Please log in.", "Inicie sesión, por favor."},
    TextEntry{"error.forbidden", "Vous n'avez pas le droit de faire cela.", "You are not allowed to do this.",
              "No tiene permiso para hacer esto."},
    TextEntry{"error.not_found", "Introuvable.", "Not found.", "No encontrado."},
    TextEntry{"error.method_not_allowed", "Méthode non autorisée.", "Method not allowed.", "Método no permitido."},
    TextEntry{"error.missing_csrf_header", "Requête refusée : en-tête de sécurité manquant.",
              "Request refused: security header missing.", "Solicitud rechazada: falta la cabecera de seguridad."},
    TextEntry{"error.rate_limited", "Trop de tentatives. Réessayez dans {seconds} secondes.",
              "Too many attempts. Try again in {seconds} seconds.",
              "Demasiados intentos. Vuelva a intentarlo en {seconds} segundos."},
    TextEntry{"error.email_taken", "Un compte existe déjà avec cette adresse e-mail.",
              "An account already exists with this email address.",
              "Ya existe una cuenta con esta dirección de correo."},
    TextEntry{"error.invalid_credentials", "Adresse e-mail ou mot de passe incorrect.",
              "Wrong email address or password.", "Correo electrónico o contraseña incorrectos."},
    TextEntry{"error.invalid_email", "Adresse e-mail invalide.", "Invalid email address.",
              "Dirección de correo no válida."},
    TextEntry{"error.password_too_short", "Le mot de passe doit compter au moins {min} caractères.",
              "The password must be at least {min} characters long.",
              "La contraseña debe tener al menos {min} caracteres."},
    TextEntry{"error.required", "Ce champ est obligatoire.", "This field is required.", "Este campo es obligatorio."},
    TextEntry{"error.too_long", "Ce texte est trop long ({max} caractères au plus).",
              "This text is too long ({max} characters at most).",
              "Este texto es demasiado largo ({max} caracteres como máximo)."},
    TextEntry{"error.invalid_value", "Valeur invalide.", "Invalid value.", "Valor no válido."},
    TextEntry{"error.invalid_type", "Type de valeur invalide.", "Wrong type of value.", "Tipo de valor incorrecto."},
    TextEntry{"error.minutes_out_of_range", "Une saisie de temps compte de 1 à 480 minutes.",
              "A time entry is 1 to 480 minutes.", "Un registro de tiempo tiene de 1 a 480 minutos."},
    TextEntry{"error.no_funding",
              "Aucun crédit disponible pour ce ticket. Achetez une offre pour continuer.",
              "No credit is available for this ticket. Buy an offer to continue.",
              "No hay crédito disponible para este ticket. Compre una oferta para continuar."},
    TextEntry{"error.idempotency_key_required", "En-tête Idempotency-Key manquant.",
              "The Idempotency-Key header is missing.", "Falta la cabecera Idempotency-Key."},
    TextEntry{"error.idempotency_conflict", "Cette clé a déjà servi pour une autre demande.",
              "This key was already used for another request.",
              "Esta clave ya se usó para otra solicitud."},
    TextEntry{"error.invalid_transition", "Action impossible dans l'état actuel du ticket.",
              "This action is not possible in the ticket's current status.",
              "Esta acción no es posible en el estado actual del ticket."},
    TextEntry{"error.forbidden_action", "Votre rôle ne permet pas cette action.", "Your role does not allow this action.",
              "Su función no permite esta acción."},
    TextEntry{"error.work_already_logged", "Du temps a déjà été passé sur ce ticket : il ne peut plus être retiré.",
              "Time was already worked on this ticket: it can no longer be withdrawn.",
              "Ya se trabajó tiempo en este ticket: ya no se puede retirar."},
    TextEntry{"error.ticket_closed", "Ce ticket est fermé.", "This ticket is closed.", "Este ticket está cerrado."},
    TextEntry{"error.already_exists", "Existe déjà.", "Already exists.", "Ya existe."},
    TextEntry{"error.internal", "Erreur interne du serveur. Réessayez plus tard.",
              "Internal server error. Please try again later.",
              "Error interno del servidor. Vuelva a intentarlo más tarde."},
    TextEntry{"error.network", "Pas de connexion au serveur.", "No connection to the server.",
              "Sin conexión con el servidor."},
    // [SECTION] Administration settings and onboarding
    TextEntry{"error.out_of_range", "La valeur doit être comprise entre {min} et {max}.",
              "The value must be between {min} and {max}.", "El valor debe estar entre {min} y {max}."},
    TextEntry{"error.invalid_iban", "IBAN invalide (vérifiez les chiffres).", "Invalid IBAN (check the digits).",
              "IBAN no válido (compruebe los dígitos)."},
    TextEntry{"error.invalid_bic", "BIC invalide (8 ou 11 caractères).", "Invalid BIC (8 or 11 characters).",
              "BIC no válido (8 u 11 caracteres)."},
    TextEntry{"error.onboarding_not_available",
              "La conférence de démarrage est proposée après la première activation de l'abonnement.",
              "The startup conference is offered after the subscription's first activation.",
              "La conferencia de inicio se ofrece tras la primera activación de la suscripción."},
    TextEntry{"error.slot_booked", "Ce créneau est déjà réservé.", "This slot is already booked.",
              "Esta franja ya está reservada."},
    TextEntry{"error.slot_in_past", "Ce créneau est dans le passé.", "This slot is in the past.",
              "Esta franja está en el pasado."},
};
}  // namespace

std::span<const TextEntry> error_texts() { return kErrorTexts; }

}  // namespace tessera::texts

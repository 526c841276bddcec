// Texts of the browser client's shell: page titles, banners (offline, a new version), the
// outbox and drafts written offline (SPEC §2), dates as people read them.
#include <array>

#include "tables.hpp"

namespace tessera::texts {

namespace {
constexpr std::array kClientTexts{
    // [SECTION] Page titles and navigation
    TextEntry{"home.title", "Accueil", "Home", "Inicio"},
    TextEntry{"ticket.title", "Ticket", "Ticket", "Ticket"},
    TextEntry{"nav.menu", "Menu", "Menu", "Menú"},
    TextEntry{"common.cancel", "Annuler", "Cancel", "Cancelar"},
    TextEntry{"login.sign_in_to_continue", "Connectez-vous pour continuer vers la page demandée.",
              "Log in to continue to the page you asked for.", "Inicie sesión para continuar a la página solicitada."},
    // [SECTION] Banners
    TextEntry{"banner.update_ready", "Une nouvelle version de Tessera est prête. Vos brouillons sont conservés.",
              "A new version of Tessera is ready. Your drafts are kept.",
              "Una nueva versión de Tessera está lista. Sus borradores se conservan."},
    TextEntry{"banner.reload", "Recharger", "Reload", "Recargar"},
    TextEntry{"banner.offline",
              "Hors ligne : vos brouillons sont enregistrés sur cet appareil et partiront au retour de la connexion.",
              "Offline: your drafts are saved on this device and will be sent when the connection returns.",
              "Sin conexión: sus borradores se guardan en este dispositivo y se enviarán cuando vuelva la conexión."},
    // [SECTION] Drafts and the outbox
    TextEntry{"draft.saved_on_device", "Brouillon enregistré sur cet appareil.", "Draft saved on this device.",
              "Borrador guardado en este dispositivo."},
    TextEntry{"draft.offline_submit", "Hors ligne : le ticket partira dès le retour de la connexion.",
              "Offline: the ticket will be sent as soon as the connection returns.",
              "Sin conexión: el ticket se enviará en cuanto vuelva la conexión."},
    TextEntry{"outbox.title", "En attente d'envoi", "Waiting to be sent", "Pendiente de envío"},
    TextEntry{"outbox.state.queued", "En attente : partira au retour de la connexion",
              "Queued: will be sent when you are back online", "En cola: se enviará cuando vuelva la conexión"},
    TextEntry{"outbox.state.retrying", "En attente : nouvel essai dans quelques secondes",
              "Queued: trying again in a few seconds", "En cola: nuevo intento en unos segundos"},
    TextEntry{"outbox.state.sending", "Envoi…", "Sending…", "Enviando…"},
    TextEntry{"outbox.state.sent", "Envoyé", "Sent", "Enviado"},
    TextEntry{"outbox.state.failed", "Refusé par le serveur", "Refused by the server", "Rechazado por el servidor"},
    TextEntry{"outbox.edit", "Modifier", "Edit", "Editar"},
    TextEntry{"outbox.discard", "Supprimer", "Discard", "Descartar"},
    TextEntry{"outbox.ticket_sent", "Ticket {reference} envoyé.", "Ticket {reference} sent.", "Ticket {reference} enviado."},
    TextEntry{"outbox.not_persistent",
              "Votre navigateur pourrait effacer les brouillons de cet appareil s'il manque de place.",
              "Your browser may clear the drafts on this device if it runs short of space.",
              "Su navegador podría borrar los borradores de este dispositivo si le falta espacio."},
    TextEntry{"stale.known_at", "Connu le {time} ; peut-être plus à jour.", "Known on {time}; may be out of date.",
              "Conocido el {time}; puede no estar al día."},
    TextEntry{"stale.unknown", "Données de cet appareil ; peut-être plus à jour.",
              "Data from this device; may be out of date.", "Datos de este dispositivo; puede no estar al día."},
    // [SECTION] Tickets
    TextEntry{"ticket.withdraw_confirm", "Retirer ce ticket ? Aucun temps n'a été compté ; il sera fermé.",
              "Withdraw this ticket? No time was logged; it will be closed.",
              "¿Retirar este ticket? No se registró tiempo; se cerrará."},
    TextEntry{"ticket.not_found", "Ce ticket n'existe pas, ou vous n'y avez pas accès.",
              "This ticket does not exist, or you cannot see it.", "Este ticket no existe o no tiene acceso a él."},
    TextEntry{"ticket.not_on_device",
              "Ce ticket n'a pas encore été ouvert sur cet appareil : il s'affichera au retour de la connexion.",
              "This ticket was never opened on this device: it will show when the connection returns.",
              "Este ticket no se abrió aún en este dispositivo: se mostrará cuando vuelva la conexión."},
    TextEntry{"ticket.add_note", "Ajouter la note", "Add the note", "Añadir la nota"},
    // [SECTION] Attachments
    TextEntry{"attachments.title", "Pièces jointes", "Attachments", "Archivos adjuntos"},
    TextEntry{"attachments.download", "Télécharger", "Download", "Descargar"},
    TextEntry{"attachments.line", "{type}, {size} · {who}, {when}", "{type}, {size} · {who}, {when}",
              "{type}, {size} · {who}, {when}"},
    TextEntry{"attachments.size_b", "{size} o", "{size} B", "{size} B"},
    TextEntry{"attachments.size_kb", "{size} Ko", "{size} KB", "{size} KB"},
    TextEntry{"attachments.size_mb", "{size} Mo", "{size} MB", "{size} MB"},
    TextEntry{"timeline.attachment", "Fichier joint : {name}", "File attached: {name}", "Archivo adjunto: {name}"},
    // [SECTION] Dates
    TextEntry{"time.day_month_clock", "{day} {month}, {clock}", "{day} {month}, {clock}", "{day} {month}, {clock}"},
    TextEntry{"month.jan", "janv.", "Jan", "ene."},
    TextEntry{"month.feb", "févr.", "Feb", "feb."},
    TextEntry{"month.mar", "mars", "Mar", "mar."},
    TextEntry{"month.apr", "avr.", "Apr", "abr."},
    TextEntry{"month.may", "mai", "May", "may."},
    TextEntry{"month.jun", "juin", "Jun", "jun."},
    TextEntry{"month.jul", "juil.", "Jul", "jul."},
    TextEntry{"month.aug", "août", "Aug", "ago."},
    TextEntry{"month.sep", "sept.", "Sep", "sept."},
    TextEntry{"month.oct", "oct.", "Oct", "oct."},
    TextEntry{"month.nov", "nov.", "Nov", "nov."},
    TextEntry{"month.dec", "déc.", "Dec", "dic."},
};
}  // namespace

std::span<const TextEntry> client_texts() { return kClientTexts; }

}  // namespace tessera::texts

// Interface texts: screens, labels, and the names of categories, criticalities, statuses
// and languages as people read them.
#include <array>

#include "tables.hpp"

namespace tessera::texts {

namespace {
constexpr std::array kUiTexts{
    // [SECTION] Frame and navigation
    TextEntry{"app.name", "Tessera", "Tessera", "Tessera"},
    TextEntry{"app.tagline", "Assistance informatique à distance, en français, anglais et espagnol.",
              "Remote IT support, in French, English and Spanish.",
              "Asistencia informática remota, en francés, inglés y español."},
    TextEntry{"nav.home", "Accueil", "Home", "Inicio"},
    TextEntry{"nav.login", "Se connecter", "Log in", "Iniciar sesión"},
    TextEntry{"nav.logout", "Se déconnecter", "Log out", "Cerrar sesión"},
    TextEntry{"nav.my_tickets", "Mes tickets", "My tickets", "Mis tickets"},
    TextEntry{"nav.new_ticket", "Nouveau ticket", "New ticket", "Nuevo ticket"},
    TextEntry{"nav.queue", "File d'attente", "Queue", "Cola"},
    TextEntry{"nav.language", "Langue", "Language", "Idioma"},
    TextEntry{"common.back", "Retour", "Back", "Volver"},
    TextEntry{"common.loading", "Chargement…", "Loading…", "Cargando…"},
    TextEntry{"common.refresh", "Actualiser", "Refresh", "Actualizar"},
    // [SECTION] Home, sign-up, log-in
    TextEntry{"home.try_free", "Essayer 15 minutes gratuitement", "Try 15 minutes free",
              "Probar 15 minutos gratis"},
    TextEntry{"home.try_free_note", "Sans paiement. Décrivez votre problème, un technicien vous répond.",
              "No payment needed. Describe your problem and a technician answers.",
              "Sin pago. Describa su problema y un técnico le responde."},
    TextEntry{"home.have_account", "Déjà client ?", "Already a customer?", "¿Ya es cliente?"},
    TextEntry{"signup.title", "Créer votre compte", "Create your account", "Cree su cuenta"},
    TextEntry{"signup.name", "Nom", "Name", "Nombre"},
    TextEntry{"signup.email", "Adresse e-mail", "Email address", "Correo electrónico"},
    TextEntry{"signup.password", "Mot de passe (10 caractères au moins)", "Password (at least 10 characters)",
              "Contraseña (10 caracteres como mínimo)"},
    TextEntry{"signup.language", "Langue", "Language", "Idioma"},
    TextEntry{"signup.submit", "Créer mon compte et recevoir 15 minutes", "Create my account and get 15 minutes",
              "Crear mi cuenta y recibir 15 minutos"},
    TextEntry{"login.title", "Connexion", "Log in", "Inicio de sesión"},
    TextEntry{"login.email", "Adresse e-mail", "Email address", "Correo electrónico"},
    TextEntry{"login.password", "Mot de passe", "Password", "Contraseña"},
    TextEntry{"login.submit", "Se connecter", "Log in", "Iniciar sesión"},
    // [SECTION] Balances
    TextEntry{"balance.trial_left", "Essai gratuit : {minutes} minutes restantes",
              "Free trial: {minutes} minutes left", "Prueba gratuita: quedan {minutes} minutos"},
    TextEntry{"balance.trial_none", "Pas de crédit d'essai.", "No trial credit.", "Sin crédito de prueba."},
    // [SECTION] Tickets
    TextEntry{"tickets.title", "Mes tickets", "My tickets", "Mis tickets"},
    TextEntry{"tickets.empty", "Aucun ticket pour l'instant.", "No tickets yet.", "Todavía no hay tickets."},
    TextEntry{"ticket.new_title", "Décrire votre problème", "Describe your problem", "Describa su problema"},
    TextEntry{"ticket.subject", "Sujet", "Subject", "Asunto"},
    TextEntry{"ticket.description", "Description", "Description", "Descripción"},
    TextEntry{"ticket.category", "Catégorie", "Category", "Categoría"},
    TextEntry{"ticket.criticality", "Criticité", "Criticality", "Criticidad"},
    TextEntry{"ticket.language", "Langue du ticket", "Ticket language", "Idioma del ticket"},
    TextEntry{"ticket.submit", "Envoyer le ticket", "Submit the ticket", "Enviar el ticket"},
    TextEntry{"ticket.status", "Statut", "Status", "Estado"},
    TextEntry{"ticket.reference", "Référence", "Reference", "Referencia"},
    TextEntry{"ticket.timeline", "Historique", "Timeline", "Historial"},
    TextEntry{"ticket.reply", "Votre réponse", "Your reply", "Su respuesta"},
    TextEntry{"ticket.send", "Envoyer", "Send", "Enviar"},
    TextEntry{"ticket.internal_note", "Note interne (invisible du client)", "Internal note (hidden from the customer)",
              "Nota interna (invisible para el cliente)"},
    TextEntry{"ticket.take", "Prendre le ticket", "Take the ticket", "Tomar el ticket"},
    TextEntry{"ticket.log_time", "Enregistrer le temps", "Log time", "Registrar el tiempo"},
    TextEntry{"ticket.minutes", "Minutes travaillées", "Minutes worked", "Minutos trabajados"},
    TextEntry{"ticket.note", "Note sur le travail", "Note on the work", "Nota sobre el trabajo"},
    TextEntry{"ticket.minutes_worked", "{minutes} min travaillées", "{minutes} min worked", "{minutes} min trabajados"},
    TextEntry{"ticket.status_changed", "Statut : {from} → {to}", "Status: {from} → {to}", "Estado: {from} → {to}"},
    TextEntry{"ticket.time_entry", "{minutes} min : {note}", "{minutes} min: {note}", "{minutes} min: {note}"},
    TextEntry{"queue.title", "File d'attente des tickets", "Ticket queue", "Cola de tickets"},
    TextEntry{"queue.empty", "Aucun ticket en attente.", "No tickets waiting.", "No hay tickets en espera."},
    TextEntry{"role.customer", "Client", "Customer", "Cliente"},
    TextEntry{"role.operator", "Technicien", "Operator", "Técnico"},
    TextEntry{"role.admin", "Administrateur", "Administrator", "Administrador"},
    TextEntry{"role.system", "Système", "System", "Sistema"},
    // [SECTION] Enumerations
    TextEntry{"language.fr", "Français", "French", "Francés"},
    TextEntry{"language.en", "Anglais", "English", "Inglés"},
    TextEntry{"language.es", "Espagnol", "Spanish", "Español"},
    TextEntry{"category.hardware", "Matériel", "Hardware", "Hardware"},
    TextEntry{"category.software", "Logiciel", "Software", "Software"},
    TextEntry{"category.network", "Réseau", "Network", "Red"},
    TextEntry{"category.account", "Compte", "Account", "Cuenta"},
    TextEntry{"category.other", "Autre", "Other", "Otro"},
    TextEntry{"criticality.critical", "Critique", "Critical", "Crítica"},
    TextEntry{"criticality.high", "Haute", "High", "Alta"},
    TextEntry{"criticality.normal", "Normale", "Normal", "Normal"},
    TextEntry{"criticality.low", "Basse", "Low", "Baja"},
    TextEntry{"status.new", "Nouveau", "New", "Nuevo"},
    TextEntry{"status.in_progress", "En cours", "In progress", "En curso"},
    TextEntry{"status.waiting_customer", "En attente de votre réponse", "Waiting for your reply",
              "Esperando su respuesta"},
    TextEntry{"status.resolved", "Résolu (à confirmer)", "Resolved (to confirm)", "Resuelto (por confirmar)"},
    TextEntry{"status.closed", "Fermé", "Closed", "Cerrado"},
    TextEntry{"status.withdrawn", "Retiré", "Withdrawn", "Retirado"},
    TextEntry{"status.awaiting_funding", "En attente de crédit", "Awaiting funding", "Esperando crédito"},
    TextEntry{"status.closed_subscription_ended", "Fermé (fin d'abonnement)", "Closed (subscription ended)",
              "Cerrado (fin de la suscripción)"},
};
}  // namespace

std::span<const TextEntry> ui_texts() { return kUiTexts; }

}  // namespace tessera::texts

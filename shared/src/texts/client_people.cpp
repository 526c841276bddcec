// Texts of the browser client's people and tickets screens: my account (password, log out
// everywhere), authorized users and invitations (SPEC §1.3), the invitation page, the
// startup conference (SPEC §1.2), and the completed ticket screens — FAQ suggestions,
// funding choices with their cost, attachments, filters, evaluations (SPEC §1.7, §1.8, §1.10).
#include <array>

#include "tables.hpp"

namespace tessera::texts {

namespace {
constexpr std::array kClientPeopleTexts{
    // [SECTION] Shared by these screens
    TextEntry{"people.retry", "Réessayer", "Try again", "Reintentar"},
    TextEntry{"people.needs_connection", "Il faut une connexion pour cela ; ce que vous avez saisi reste ici.",
              "This needs a connection; what you typed stays here.",
              "Esto necesita conexión; lo que ha escrito se queda aquí."},
    // [SECTION] My account
    TextEntry{"nav.account", "Mon compte", "My account", "Mi cuenta"},
    TextEntry{"account.title", "Mon compte", "My account", "Mi cuenta"},
    TextEntry{"account.who", "Connecté en tant que {name} ({email}).", "Signed in as {name} ({email}).",
              "Sesión iniciada como {name} ({email})."},
    TextEntry{"account.people_help",
              "Les personnes que vous autorisez ouvrent leurs propres tickets sur votre compte ; vous voyez tous les "
              "tickets du compte.",
              "The people you authorize open their own tickets on your account; you see all of the account's tickets.",
              "Las personas que usted autoriza abren sus propios tickets en su cuenta; usted ve todos los tickets de "
              "la cuenta."},
    TextEntry{"account.open_people", "Gérer les utilisateurs", "Manage users", "Gestionar usuarios"},
    TextEntry{"account.open_onboarding", "Ouvrir la conférence de démarrage", "Open the startup conference",
              "Abrir la conferencia de inicio"},
    TextEntry{"account.member_help",
              "Votre accès est géré par le titulaire du compte : il choisit ce que vos tickets peuvent utiliser. Vous "
              "voyez les tickets que vous avez ouverts.",
              "Your access is managed by the account's owner, who chooses what your tickets may use. You see the "
              "tickets you opened.",
              "Su acceso lo gestiona el titular de la cuenta, que elige lo que sus tickets pueden usar. Usted ve los "
              "tickets que abrió."},
    TextEntry{"account.password_heading", "Mot de passe", "Password", "Contraseña"},
    TextEntry{"account.current_password", "Mot de passe actuel", "Current password", "Contraseña actual"},
    TextEntry{"account.new_password", "Nouveau mot de passe", "New password", "Nueva contraseña"},
    TextEntry{"account.password_rules", "Au moins {min} caractères.", "At least {min} characters.",
              "Al menos {min} caracteres."},
    TextEntry{"account.change_password", "Changer le mot de passe", "Change password", "Cambiar la contraseña"},
    TextEntry{"account.password_changed",
              "Mot de passe changé. Vos autres sessions (autres navigateurs, autres appareils) sont fermées.",
              "Password changed. Your other sessions (other browsers, other devices) are ended.",
              "Contraseña cambiada. Sus otras sesiones (otros navegadores, otros dispositivos) se han cerrado."},
    TextEntry{"account.sessions_heading", "Sessions", "Sessions", "Sesiones"},
    TextEntry{"account.logout_everywhere_help",
              "Un appareil perdu ou partagé ? Fermez toutes vos sessions, ici comme ailleurs ; il faudra vous "
              "reconnecter partout.",
              "A lost or shared device? End all your sessions, here and everywhere else; you will log in again "
              "everywhere.",
              "¿Un dispositivo perdido o compartido? Cierre todas sus sesiones, aquí y en todas partes; tendrá que "
              "volver a iniciar sesión en todas partes."},
    TextEntry{"account.logout_everywhere", "Se déconnecter partout", "Log out everywhere", "Cerrar sesión en todas partes"},
    // [SECTION] Authorized users
    TextEntry{"people.title", "Utilisateurs autorisés", "Authorized users", "Usuarios autorizados"},
    TextEntry{"people.intro",
              "Invitez qui vous voulez, de la famille, de l'entreprise ou non. Chaque utilisateur voit ses propres "
              "tickets ; vous voyez tous ceux du compte.",
              "Invite anyone you like, in the family or the company or not. Each user sees their own tickets; you see "
              "all of the account's.",
              "Invite a quien quiera, de la familia o de la empresa o no. Cada usuario ve sus propios tickets; usted "
              "ve todos los de la cuenta."},
    TextEntry{"people.owner_only", "Seul le titulaire du compte gère ses utilisateurs.",
              "Only the account's owner manages its users.", "Solo el titular de la cuenta gestiona sus usuarios."},
    TextEntry{"people.seats",
              "Places de l'abonnement : {used} sur {limit} utilisées (vous, les utilisateurs avec l'abonnement et les "
              "invitations en attente qui le donnent).",
              "Subscription seats: {used} of {limit} used (you, the users with the subscription and the pending "
              "invitations giving it).",
              "Plazas de la suscripción: {used} de {limit} usadas (usted, los usuarios con la suscripción y las "
              "invitaciones pendientes que la dan)."},
    TextEntry{"people.no_subscription_seats",
              "Pas d'abonnement : vos utilisateurs peuvent utiliser le pool des packs multi-utilisateurs, ou ce "
              "qu'ils achètent eux-mêmes.",
              "No subscription: your users can use the multi-user pack pool, or what they buy themselves.",
              "Sin suscripción: sus usuarios pueden usar el fondo de los packs multiusuario, o lo que compren ellos "
              "mismos."},
    TextEntry{"people.invite_heading", "Inviter quelqu'un", "Invite someone", "Invitar a alguien"},
    TextEntry{"people.invite_help",
              "Nous n'envoyons pas d'e-mail : vous recevez un lien à partager vous-même. Il vaut 7 jours et ne sert "
              "qu'une fois.",
              "We send no email: you get a link to share yourself. It works for 7 days, once.",
              "No enviamos ningún correo: recibe un enlace para compartirlo usted mismo. Vale 7 días y sirve una sola "
              "vez."},
    TextEntry{"people.invite_email", "Son adresse e-mail", "Their email address", "Su dirección de correo"},
    TextEntry{"people.scope_subscription", "L'abonnement", "The subscription", "La suscripción"},
    TextEntry{"people.scope_subscription_help",
              "Peut ouvrir des tickets couverts par votre abonnement (occupe une place de l'abonnement).",
              "May open tickets covered by your subscription (takes one of the subscription's seats).",
              "Puede abrir tickets cubiertos por su suscripción (ocupa una plaza de la suscripción)."},
    TextEntry{"people.scope_pool", "Le pool multi-utilisateurs", "The multi-user pool", "El fondo multiusuario"},
    TextEntry{"people.scope_pool_help", "Peut utiliser les tickets de vos packs multi-utilisateurs.",
              "May use the tickets of your multi-user packs.", "Puede usar los tickets de sus packs multiusuario."},
    TextEntry{"people.scope_none", "rien du compte (seulement ce qu'il achète)", "nothing of the account (only what they buy)",
              "nada de la cuenta (solo lo que compre)"},
    TextEntry{"people.invite", "Créer le lien d'invitation", "Create the invitation link", "Crear el enlace de invitación"},
    TextEntry{"people.link_ready", "Lien d'invitation pour {email} : copiez-le et envoyez-le-lui.",
              "Invitation link for {email}: copy it and send it to them.",
              "Enlace de invitación para {email}: cópielo y envíeselo."},
    TextEntry{"people.copy_link", "Copier le lien", "Copy the link", "Copiar el enlace"},
    TextEntry{"people.link_copied", "Copié.", "Copied.", "Copiado."},
    TextEntry{"people.link_once",
              "Le lien n'est montré qu'ici, maintenant ; il vaut jusqu'au {date}, une fois. Perdu ? Invitez à "
              "nouveau : l'ancien lien cesse de fonctionner.",
              "The link is shown only here, now; it works until {date}, once. Lost it? Invite again: the old link "
              "stops working.",
              "El enlace solo se muestra aquí, ahora; vale hasta el {date}, una vez. ¿Lo perdió? Invite de nuevo: el "
              "enlace anterior deja de funcionar."},
    TextEntry{"people.users_heading", "Utilisateurs", "Users", "Usuarios"},
    TextEntry{"people.owner", "Titulaire du compte : tout ce que le compte détient.",
              "Account owner: everything the account holds.", "Titular de la cuenta: todo lo que tiene la cuenta."},
    TextEntry{"people.added_on", "Ajouté le {date}. Peut utiliser :", "Added on {date}. May use:",
              "Añadido el {date}. Puede usar:"},
    TextEntry{"people.no_users", "Personne d'autre pour l'instant.", "Nobody else yet.", "Nadie más por ahora."},
    TextEntry{"people.remove", "Retirer", "Remove", "Quitar"},
    TextEntry{"people.remove_confirm",
              "Retirer {name} ? Ses sessions se ferment et il ne pourra plus se connecter ; ses tickets restent dans "
              "le compte.",
              "Remove {name}? Their sessions end and they can no longer log in; their tickets stay in the account.",
              "¿Quitar a {name}? Sus sesiones se cierran y ya no podrá iniciar sesión; sus tickets se quedan en la "
              "cuenta."},
    TextEntry{"people.removed", "Utilisateur retiré.", "User removed.", "Usuario quitado."},
    TextEntry{"people.scope_changed", "Accès modifié.", "Access changed.", "Acceso modificado."},
    TextEntry{"people.invitations_heading", "Invitations en attente", "Pending invitations", "Invitaciones pendientes"},
    TextEntry{"people.no_invitations", "Aucune invitation en attente.", "No pending invitation.",
              "Ninguna invitación pendiente."},
    TextEntry{"people.invitation_line", "Donnera : {scope}. Le lien vaut jusqu'au {date}.",
              "Will give: {scope}. The link works until {date}.", "Dará: {scope}. El enlace vale hasta el {date}."},
    TextEntry{"people.withdraw", "Retirer l'invitation", "Withdraw the invitation", "Anular la invitación"},
    TextEntry{"people.withdrawn", "Invitation retirée : son lien ne fonctionne plus.",
              "Invitation withdrawn: its link no longer works.", "Invitación anulada: su enlace ya no funciona."},
    // [SECTION] The invitation page
    TextEntry{"invitation.title", "Rejoindre un compte Tessera", "Join a Tessera account", "Unirse a una cuenta Tessera"},
    TextEntry{"invitation.invited_by", "{name} vous invite à utiliser son compte d'assistance, avec l'adresse {email}.",
              "{name} invites you to use their support account, with the address {email}.",
              "{name} le invita a usar su cuenta de asistencia, con la dirección {email}."},
    TextEntry{"invitation.expires", "Ce lien vaut jusqu'au {date}, une seule fois.", "This link works until {date}, once.",
              "Este enlace vale hasta el {date}, una sola vez."},
    TextEntry{"invitation.what_it_gives",
              "Vous pourrez ouvrir des tickets et suivre les vôtres ; le titulaire du compte voit aussi vos tickets.",
              "You will be able to open tickets and follow yours; the account's owner sees your tickets too.",
              "Podrá abrir tickets y seguir los suyos; el titular de la cuenta también ve sus tickets."},
    TextEntry{"invitation.accept", "Rejoindre", "Join", "Unirme"},
    TextEntry{"invitation.ask_again", "Demandez un nouveau lien à la personne qui vous a invité.",
              "Ask the person who invited you for a new link.", "Pida un nuevo enlace a la persona que le invitó."},
    TextEntry{"error.invitation_unknown", "Ce lien d'invitation n'existe pas (vérifiez qu'il est complet).",
              "This invitation link does not exist (check that it is complete).",
              "Este enlace de invitación no existe (compruebe que está completo)."},
    // [SECTION] The startup conference
    TextEntry{"onboarding.title", "Conférence de démarrage", "Startup conference", "Conferencia de inicio"},
    TextEntry{"onboarding.intro",
              "Un appel pour faire connaissance, noter tous les moyens de vous joindre et connaître votre "
              "environnement de travail. Un appel ne vous convient pas ? Faisons-le par e-mail.",
              "A call to get to know each other, note every way to reach you and learn your work environment. A call "
              "does not suit you? Let's do it by email.",
              "Una llamada para conocernos, anotar todas las formas de contactarle y conocer su entorno de trabajo. "
              "¿No le conviene una llamada? Hagámoslo por correo."},
    TextEntry{"onboarding.owner_only", "Seul le titulaire du compte prépare la conférence de démarrage.",
              "Only the account's owner arranges the startup conference.",
              "Solo el titular de la cuenta prepara la conferencia de inicio."},
    TextEntry{"onboarding.not_available",
              "La conférence de démarrage s'ouvre après la première activation de votre abonnement.",
              "The startup conference opens after your subscription's first activation.",
              "La conferencia de inicio se abre tras la primera activación de su suscripción."},
    TextEntry{"onboarding.state_pending", "Conférence de démarrage à organiser : choisissez un créneau ou l'e-mail.",
              "Startup conference to arrange: choose a slot or email.",
              "Conferencia de inicio por organizar: elija un horario o el correo."},
    TextEntry{"onboarding.state_call", "Appel réservé le {date} ({minutes} min). Vous pouvez encore le déplacer.",
              "Call booked on {date} ({minutes} min). You can still move it.",
              "Llamada reservada el {date} ({minutes} min). Todavía puede cambiarla."},
    TextEntry{"onboarding.state_email", "Par e-mail : un technicien vous écrit. Vous pouvez encore réserver un appel.",
              "By email: a technician will write to you. You can still book a call.",
              "Por correo: un técnico le escribirá. Todavía puede reservar una llamada."},
    TextEntry{"onboarding.state_done", "Conférence de démarrage faite le {date}.", "Startup conference done on {date}.",
              "Conferencia de inicio hecha el {date}."},
    TextEntry{"onboarding.choose_heading", "Appel ou e-mail", "Call or email", "Llamada o correo"},
    TextEntry{"onboarding.choose_help", "Les créneaux libres proposés par notre équipe, à votre heure locale :",
              "The free slots our team offers, in your local time:",
              "Los horarios libres que ofrece nuestro equipo, en su hora local:"},
    TextEntry{"onboarding.no_slots", "Aucun créneau libre pour l'instant : revenez plus tard, ou choisissez l'e-mail.",
              "No free slot right now: come back later, or choose email.",
              "Ningún horario libre por ahora: vuelva más tarde, o elija el correo."},
    TextEntry{"onboarding.slot", "{date} · {minutes} min", "{date} · {minutes} min", "{date} · {minutes} min"},
    TextEntry{"onboarding.book", "Réserver", "Book", "Reservar"},
    TextEntry{"onboarding.by_email", "Plutôt par e-mail", "By email instead", "Mejor por correo"},
    TextEntry{"onboarding.contacts_heading", "Comment vous joindre", "How to reach you", "Cómo contactarle"},
    TextEntry{"onboarding.one_per_line", "Un numéro ou une adresse par ligne ; au moins l'un des deux.",
              "One number or address per line; at least one of them.",
              "Un número o una dirección por línea; al menos uno de los dos."},
    TextEntry{"onboarding.phones", "Téléphones", "Phones", "Teléfonos"},
    TextEntry{"onboarding.emails", "Adresses e-mail", "Email addresses", "Direcciones de correo"},
    TextEntry{"onboarding.preferred_hours", "Heures préférées", "Preferred hours", "Horas preferidas"},
    TextEntry{"onboarding.environment_heading", "Votre environnement de travail", "Your work environment",
              "Su entorno de trabajo"},
    TextEntry{"onboarding.environment_help",
              "Les techniciens le voient sur chacun de vos tickets. Modifiable à tout moment. Un élément par ligne.",
              "Technicians see it on each of your tickets. You can change it at any time. One item per line.",
              "Los técnicos lo ven en cada uno de sus tickets. Se puede cambiar en cualquier momento. Un elemento "
              "por línea."},
    TextEntry{"onboarding.devices", "Appareils", "Devices", "Dispositivos"},
    TextEntry{"onboarding.operating_systems", "Systèmes d'exploitation", "Operating systems", "Sistemas operativos"},
    TextEntry{"onboarding.network", "Réseau", "Network", "Red"},
    TextEntry{"onboarding.key_software", "Logiciels clés", "Key software", "Programas clave"},
    TextEntry{"onboarding.save", "Enregistrer", "Save", "Guardar"},
    TextEntry{"onboarding.saved", "Enregistré.", "Saved.", "Guardado."},
    // [SECTION] New ticket: FAQ, funding
    TextEntry{"ticket.faq_heading",
              "Notre FAQ répond peut-être déjà : une question à laquelle elle répond n'a pas besoin de ticket.",
              "Our FAQ may already answer this: a question it answers needs no ticket.",
              "Nuestras preguntas frecuentes quizá ya lo respondan: una pregunta que responden no necesita ticket."},
    TextEntry{"ticket.funding", "Payé par", "Paid with", "Pagado con"},
    TextEntry{"ticket.funding.subscription",
              "L'abonnement : inclus, le temps passé n'est pas décompté",
              "The subscription: included, the time worked is not counted",
              "La suscripción: incluido, el tiempo trabajado no se descuenta"},
    TextEntry{"ticket.funding.units",
              "Un ticket de pack : 1 réservé maintenant ({units} disponibles), 1 de plus par tranche de 30 min "
              "commencée",
              "A pack ticket: 1 reserved now ({units} available), 1 more for each 30 min started",
              "Un ticket de pack: 1 reservado ahora ({units} disponibles), 1 más por cada tramo de 30 min empezado"},
    TextEntry{"ticket.funding.minutes",
              "Le crédit de minutes : {minutes} min restantes, décomptées à la minute, au moins 30 min si on "
              "travaille",
              "The minute bank: {minutes} min left, used by the minute, at least 30 min if any work is done",
              "El saldo de minutos: quedan {minutes} min, por minuto, al menos 30 min si se trabaja"},
    TextEntry{"ticket.funding.trial", "L'essai gratuit : {minutes} min restantes, décomptées à la minute",
              "The free trial: {minutes} min left, used by the minute",
              "La prueba gratuita: quedan {minutes} min, por minuto"},
    TextEntry{"ticket.funding_fixed", "Ce choix ne change plus une fois le ticket envoyé.",
              "This choice does not change once the ticket is sent.", "Esta elección no cambia una vez enviado el ticket."},
    TextEntry{"ticket.no_funding",
              "Rien ne peut payer un nouveau ticket : l'essai est épuisé ou expiré et le compte n'a ni abonnement, ni "
              "tickets, ni minutes. Le titulaire du compte peut en acheter.",
              "Nothing can pay for a new ticket: the trial is used up or expired and the account has no "
              "subscription, tickets or minutes. The account's owner can buy some.",
              "Nada puede pagar un nuevo ticket: la prueba se agotó o caducó y la cuenta no tiene suscripción, "
              "tickets ni minutos. El titular de la cuenta puede comprarlos."},
    TextEntry{"ticket.attach_after",
              "Captures d'écran et journaux : vous pourrez les joindre une fois le ticket envoyé.",
              "Screenshots and logs: you can attach them once the ticket is sent.",
              "Capturas de pantalla y registros: podrá adjuntarlos una vez enviado el ticket."},
    // [SECTION] My tickets: filters
    TextEntry{"tickets.filter.any", "Tous", "Any", "Todos"},
    TextEntry{"tickets.filter.open", "Ouverts", "Open", "Abiertos"},
    TextEntry{"tickets.filter.text", "Chercher (sujet ou référence)", "Search (subject or reference)",
              "Buscar (asunto o referencia)"},
    TextEntry{"tickets.filter.clear", "Effacer les filtres", "Clear the filters", "Quitar los filtros"},
    TextEntry{"tickets.filter_empty", "Aucun ticket ne correspond à ces filtres.", "No ticket matches these filters.",
              "Ningún ticket coincide con estos filtros."},
    TextEntry{"tickets.filter_count", "{shown} tickets sur {total}.", "{shown} of {total} tickets.",
              "{shown} de {total} tickets."},
    // [SECTION] A ticket: resolution, withdrawal, attachments, evaluation
    TextEntry{"ticket.resolution_help",
              "Le technicien pense que c'est résolu. Confirmez si c'est le cas ; sinon refusez et le travail reprend. "
              "Sans réponse, le ticket se ferme après 7 jours.",
              "The technician thinks it is resolved. Confirm if so; otherwise reject and the work goes on. Without an "
              "answer the ticket closes after 7 days.",
              "El técnico cree que está resuelto. Confírmelo si es así; si no, rechácelo y el trabajo sigue. Sin "
              "respuesta, el ticket se cierra a los 7 días."},
    TextEntry{"ticket.withdraw_help", "Possible tant que personne n'a travaillé dessus ; rien n'est décompté.",
              "Possible while nobody has worked on it; nothing is charged.",
              "Posible mientras nadie haya trabajado en él; no se cobra nada."},
    TextEntry{"ticket.attach", "Joindre un fichier…", "Attach a file…", "Adjuntar un archivo…"},
    TextEntry{"ticket.attaching", "Envoi de {name}…", "Sending {name}…", "Enviando {name}…"},
    TextEntry{"ticket.attach_rules",
              "Images (PNG, JPEG, GIF, WebP), PDF ou journaux en texte ; {mb} Mo au plus, {count} fichiers par ticket.",
              "Images (PNG, JPEG, GIF, WebP), PDF or text logs; at most {mb} MB, {count} files per ticket.",
              "Imágenes (PNG, JPEG, GIF, WebP), PDF o registros de texto; {mb} MB como máximo, {count} archivos por "
              "ticket."},
    TextEntry{"ticket.evaluation_heading", "Votre avis", "Your rating", "Su valoración"},
    TextEntry{"ticket.evaluation_help",
              "Comment s'est passée l'aide ? Les notes de chaque ticket sont publiées sur le tableau de transparence.",
              "How was the help? The rating of every ticket is published on the transparency board.",
              "¿Qué tal fue la ayuda? La nota de cada ticket se publica en el panel de transparencia."},
    TextEntry{"ticket.rating", "Note", "Rating", "Nota"},
    TextEntry{"ticket.rating_scale", "(1 : mauvais · 5 : excellent)", "(1: poor · 5: excellent)",
              "(1: malo · 5: excelente)"},
    TextEntry{"ticket.evaluation_comment", "Commentaire (facultatif)", "Comment (optional)", "Comentario (opcional)"},
    TextEntry{"ticket.evaluation_comment_help", "{max} caractères au plus.", "At most {max} characters.",
              "{max} caracteres como máximo."},
    TextEntry{"ticket.evaluation_publish", "Publier mon commentaire", "Publish my comment", "Publicar mi comentario"},
    TextEntry{"ticket.evaluation_publish_help",
              "Sur le tableau de transparence public, sans votre nom ni votre adresse. Sinon, seule la note y figure.",
              "On the public transparency board, without your name or address. Otherwise only the rating shows there.",
              "En el panel de transparencia público, sin su nombre ni su dirección. Si no, solo aparece la nota."},
    TextEntry{"ticket.evaluate", "Envoyer mon avis", "Send my rating", "Enviar mi valoración"},
    TextEntry{"ticket.rated", "Merci : vous avez donné {rating}/5.", "Thank you: you gave {rating}/5.",
              "Gracias: ha dado {rating}/5."},
    TextEntry{"ticket.rated_before", "Vous avez déjà évalué ce ticket. Merci.", "You have already rated this ticket. Thank you.",
              "Ya ha valorado este ticket. Gracias."},
};
}  // namespace

std::span<const TextEntry> client_people_texts() { return kClientPeopleTexts; }

}  // namespace tessera::texts

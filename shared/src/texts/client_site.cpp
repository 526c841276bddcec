// Texts of the public side (SPEC §1.12), shared by the browser client's public screens and the
// server's plain HTML pages: the offers and what each means, prices and number formats, the
// FAQ page, the transparency board, the contact form.
#include <array>

#include "tables.hpp"

namespace tessera::texts {

namespace {
constexpr std::array kSiteTexts{
    // [SECTION] Number formats
    TextEntry{"site.money", "{amount} €", "€{amount}", "{amount} €"},
    TextEntry{"site.percent", "{value} %", "{value}%", "{value} %"},
    TextEntry{"site.none", "—", "—", "—"},
    TextEntry{"site.yes", "Oui", "Yes", "Sí"},
    TextEntry{"site.no", "Non", "No", "No"},
    TextEntry{"site.duration.minutes", "{minutes} min", "{minutes} min", "{minutes} min"},
    TextEntry{"site.duration.hours", "{hours} h {minutes} min", "{hours} h {minutes} min", "{hours} h {minutes} min"},
    TextEntry{"site.month_year", "{month} {year}", "{month} {year}", "{month} {year}"},
    // [SECTION] Prices
    TextEntry{"site.price.gross", "{amount} TTC", "{amount} incl. VAT", "{amount} IVA incl."},
    TextEntry{"site.price.gross_per_month", "{amount} TTC par mois", "{amount} incl. VAT per month",
              "{amount} IVA incl. al mes"},
    TextEntry{"site.price.net_detail", "{net} HT + TVA {rate}", "{net} excl. VAT + {rate} VAT", "{net} sin IVA + IVA {rate}"},
    TextEntry{"site.price.vat_note", "Prix TTC, TVA de {rate} comprise. Une facture pour chaque achat.",
              "Prices include VAT at {rate}. One invoice for every purchase.",
              "Precios con IVA del {rate} incluido. Una factura por cada compra."},
    // [SECTION] Offers
    TextEntry{"site.offer.trial.name", "Essai gratuit", "Free trial", "Prueba gratuita"},
    TextEntry{"site.offer.trial.price", "Gratuit", "Free", "Gratis"},
    TextEntry{"site.offer.trial.meaning",
              "{minutes} minutes d'assistance offertes à l'inscription, valables {days} jours, sans moyen de paiement.",
              "{minutes} minutes of support when you sign up, valid {days} days, with no payment details.",
              "{minutes} minutos de asistencia al registrarse, válidos {days} días, sin datos de pago."},
    TextEntry{"site.offer.subscription.name", "Abonnement mensuel", "Monthly subscription", "Suscripción mensual"},
    TextEntry{"site.offer.subscription.meaning_one",
              "Tickets et temps de travail illimités pour 1 utilisateur, renouvelé chaque mois, résiliable à tout "
              "moment sans frais.",
              "Unlimited tickets and worked time for 1 user, renewed every month, cancel at any time with no fee.",
              "Tickets y tiempo de trabajo ilimitados para 1 usuario, renovada cada mes, cancelable en cualquier "
              "momento sin coste."},
    TextEntry{"site.offer.subscription.meaning_many",
              "Tickets et temps de travail illimités pour {users} utilisateurs, renouvelé chaque mois, résiliable à "
              "tout moment sans frais.",
              "Unlimited tickets and worked time for {users} users, renewed every month, cancel at any time with no fee.",
              "Tickets y tiempo de trabajo ilimitados para {users} usuarios, renovada cada mes, cancelable en "
              "cualquier momento sin coste."},
    TextEntry{"site.offer.subscription.extra", "Chaque utilisateur en plus : {price} par mois.",
              "Each extra user: {price} per month.", "Cada usuario adicional: {price} al mes."},
    TextEntry{"site.offer.pack.name_one", "1 ticket", "1 ticket", "1 ticket"},
    TextEntry{"site.offer.pack.name_many", "{units} tickets", "{units} tickets", "{units} tickets"},
    TextEntry{"site.offer.pack.name_pool", "{units} tickets multi-utilisateurs", "{units} tickets, multi-user pool",
              "{units} tickets multiusuario"},
    TextEntry{"site.offer.pack.meaning_one",
              "Un problème réglé avec jusqu'à {minutes} minutes de travail, valable {months} mois.",
              "One issue solved with up to {minutes} minutes of work, valid {months} months.",
              "Un problema resuelto con hasta {minutes} minutos de trabajo, válido {months} meses."},
    TextEntry{"site.offer.pack.meaning_many",
              "{units} tickets de {minutes} minutes de travail chacun, valables {months} mois ; ceux qui expirent "
              "s'ajoutent à votre pack suivant.",
              "{units} tickets of {minutes} minutes of work each, valid {months} months; expired ones are added to "
              "your next pack.",
              "{units} tickets de {minutes} minutos de trabajo cada uno, válidos {months} meses; los caducados se "
              "suman a su siguiente pack."},
    TextEntry{"site.offer.pack.meaning_pool",
              "Une réserve de {units} tickets de {minutes} minutes partagée par tous les utilisateurs de votre "
              "compte, valable {months} mois.",
              "A pool of {units} tickets of {minutes} minutes shared by every user of your account, valid {months} "
              "months.",
              "Una reserva de {units} tickets de {minutes} minutos compartida por todos los usuarios de su cuenta, "
              "válida {months} meses."},
    TextEntry{"site.offer.minutes.name", "{minutes} minutes", "{minutes} minutes", "{minutes} minutos"},
    TextEntry{"site.offer.minutes.meaning",
              "Décomptées à la minute près, sauf les {minimum} premières minutes de chaque ticket, indivisibles ; "
              "valables {months} mois.",
              "Used minute by minute, except the first {minimum} minutes of each ticket, which are indivisible; valid "
              "{months} months.",
              "Se descuentan minuto a minuto, salvo los {minimum} primeros minutos de cada ticket, indivisibles; "
              "válidos {months} meses."},
    // [SECTION] Pages and navigation
    TextEntry{"site.nav.offers", "Offres et prix", "Offers and prices", "Ofertas y precios"},
    TextEntry{"site.nav.faq", "Questions", "Questions", "Preguntas"},
    TextEntry{"site.nav.board", "Transparence", "Transparency", "Transparencia"},
    TextEntry{"site.html.skip", "Aller au contenu", "Skip to the content", "Ir al contenido"},
    TextEntry{"site.html.pages", "Pages", "Pages", "Páginas"},
    TextEntry{"site.html.app_note",
              "Cette page est la version texte du site ; l'application s'ouvre avec les boutons ci-dessus.",
              "This page is the text version of the site; the buttons above open the app.",
              "Esta página es la versión de texto del sitio; los botones de arriba abren la aplicación."},
    TextEntry{"site.html_version", "Version texte de cette page", "Text version of this page",
              "Versión de texto de esta página"},
    TextEntry{"site.retry", "Réessayer", "Try again", "Reintentar"},
    // [SECTION] Home and offers
    TextEntry{"site.offers.title", "Offres et prix", "Offers and prices", "Ofertas y precios"},
    TextEntry{"site.offers.intro",
              "Aide informatique à distance en français, anglais et espagnol : essayez gratuitement, puis choisissez "
              "l'abonnement, des tickets ou des minutes.",
              "Remote IT help in French, English and Spanish: try it for free, then choose the subscription, tickets "
              "or minutes.",
              "Ayuda informática a distancia en francés, inglés y español: pruébela gratis y elija después la "
              "suscripción, tickets o minutos."},
    TextEntry{"site.offers.error", "Les offres n'ont pas pu être chargées.", "The offers could not be loaded.",
              "No se pudieron cargar las ofertas."},
    TextEntry{"site.offers.buy_note", "Pour acheter, créez un compte ou connectez-vous : le paiement se fait dans votre espace.",
              "To buy, create an account or log in: you pay from your account.",
              "Para comprar, cree una cuenta o inicie sesión: el pago se hace desde su cuenta."},
    TextEntry{"site.home.more", "En savoir plus", "Find out more", "Más información"},
    // [SECTION] FAQ
    TextEntry{"site.faq.title", "Questions fréquentes", "Frequently asked questions", "Preguntas frecuentes"},
    TextEntry{"site.faq.description",
              "Tout sur l'assistance Tessera : essai gratuit, abonnement, tickets, minutes, paiement, délais de réponse.",
              "All about Tessera's support: the free trial, the subscription, tickets, minutes, payment, response "
              "times.",
              "Todo sobre la asistencia de Tessera: prueba gratuita, suscripción, tickets, minutos, pago, tiempos de "
              "respuesta."},
    TextEntry{"site.faq.not_answered", "Votre question n'y est pas ?", "Your question is not here?",
              "¿Su pregunta no está aquí?"},
    // [SECTION] Board
    TextEntry{"site.board.title", "Tableau de transparence", "Transparency board", "Panel de transparencia"},
    TextEntry{"site.board.intro",
              "Chaque ticket clos, sans nom ni adresse : délais de première réponse et de résolution en minutes "
              "d'ouverture, respect de l'engagement de délai (SLA) et évaluation du client.",
              "Every closed ticket, with no name or address: first-response and resolution times in opening-hours "
              "minutes, whether the response-time promise (SLA) was kept, and the customer's rating.",
              "Cada ticket cerrado, sin nombre ni dirección: tiempos de primera respuesta y de resolución en minutos "
              "de horario de apertura, cumplimiento del compromiso de plazo (SLA) y la valoración del cliente."},
    TextEntry{"site.board.download", "Télécharger tout le tableau :", "Download the whole board:",
              "Descargar todo el panel:"},
    TextEntry{"site.board.download_csv", "Télécharger en CSV", "Download CSV", "Descargar CSV"},
    TextEntry{"site.board.download_json", "Télécharger en JSON", "Download JSON", "Descargar JSON"},
    TextEntry{"site.board.empty", "Aucun ticket clos pour l'instant : le tableau se remplit à chaque ticket clos.",
              "No closed ticket yet: the board fills in as tickets are closed.",
              "Aún no hay tickets cerrados: el panel se llena a medida que se cierran."},
    TextEntry{"site.board.error", "Le tableau n'a pas pu être chargé.", "The board could not be loaded.",
              "No se pudo cargar el panel."},
    TextEntry{"site.board.all", "Tous les tickets", "All tickets", "Todos los tickets"},
    TextEntry{"site.board.overall", "Ensemble", "Overall", "En conjunto"},
    TextEntry{"site.board.by_criticality", "Par criticité", "By criticality", "Por criticidad"},
    TextEntry{"site.board.by_month", "Par mois", "By month", "Por mes"},
    TextEntry{"site.board.tickets", "Tickets clos", "Closed tickets", "Tickets cerrados"},
    TextEntry{"site.board.range", "Tickets {first} à {last} sur {total}", "Tickets {first} to {last} of {total}",
              "Tickets {first} a {last} de {total}"},
    TextEntry{"site.board.pages", "Pages du tableau", "Pages of the board", "Páginas del panel"},
    TextEntry{"site.board.previous", "Page précédente", "Previous page", "Página anterior"},
    TextEntry{"site.board.next", "Page suivante", "Next page", "Página siguiente"},
    TextEntry{"site.board.page_of", "Page {page} sur {pages}", "Page {page} of {pages}", "Página {page} de {pages}"},
    TextEntry{"site.board.average_of", "{rating} sur 5 ({count} évaluations)", "{rating} out of 5 ({count} ratings)",
              "{rating} de 5 ({count} valoraciones)"},
    TextEntry{"site.board.no_rating", "Pas encore d'évaluation", "No rating yet", "Aún sin valoraciones"},
    TextEntry{"site.board.rating_of_five", "{rating}/5", "{rating}/5", "{rating}/5"},
    TextEntry{"site.board.rating_count", "{stars}/5 : {count}", "{stars}/5: {count}", "{stars}/5: {count}"},
    TextEntry{"site.board.sla_note",
              "Délais comptés en minutes d'ouverture ; médiane et 90e centile au rang le plus proche.",
              "Times counted in opening-hours minutes; median and 90th percentile by nearest rank.",
              "Tiempos contados en minutos de apertura; mediana y percentil 90 por rango más cercano."},
    TextEntry{"site.board.chart.median", "Première réponse médiane, par mois", "Median first response, per month",
              "Primera respuesta mediana, por mes"},
    TextEntry{"site.board.chart.p90", "90e centile de la première réponse, par mois",
              "90th percentile of the first response, per month", "Percentil 90 de la primera respuesta, por mes"},
    TextEntry{"site.board.chart.criticality", "Première réponse médiane, par criticité",
              "Median first response, per criticality", "Primera respuesta mediana, por criticidad"},
    TextEntry{"site.board.chart.sla", "Part dans les délais (SLA), par criticité", "Share within the SLA, per criticality",
              "Parte dentro del SLA, por criticidad"},
    TextEntry{"site.board.chart.rating", "Évaluation moyenne, par mois", "Average rating, per month",
              "Valoración media, por mes"},
    TextEntry{"site.board.chart.distribution", "Répartition des évaluations (1 à 5)", "Ratings from 1 to 5",
              "Distribución de las valoraciones (1 a 5)"},
    TextEntry{"site.board.chart_empty", "Pas encore de données.", "No data yet.", "Aún no hay datos."},
    TextEntry{"site.board.summary",
              "{tickets} tickets clos · première réponse médiane {median} · {within_sla} dans les délais",
              "{tickets} closed tickets · median first response {median} · {within_sla} within the SLA",
              "{tickets} tickets cerrados · primera respuesta mediana {median} · {within_sla} dentro del SLA"},
    TextEntry{"site.board.row",
              "{category} · {criticality} · {language} · {month}", "{category} · {criticality} · {language} · {month}",
              "{category} · {criticality} · {language} · {month}"},
    TextEntry{"site.board.row_times",
              "Première réponse {first_response} · résolution {resolution} · {sla}",
              "First response {first_response} · resolution {resolution} · {sla}",
              "Primera respuesta {first_response} · resolución {resolution} · {sla}"},
    TextEntry{"site.board.within_sla", "dans les délais", "within the SLA", "dentro del SLA"},
    TextEntry{"site.board.outside_sla", "hors délais", "outside the SLA", "fuera del SLA"},
    TextEntry{"site.board.rating_line", "Évaluation : {rating}/5", "Rating: {rating}/5", "Valoración: {rating}/5"},
    TextEntry{"site.board.col.tickets", "Tickets", "Tickets", "Tickets"},
    TextEntry{"site.board.col.median", "Première réponse médiane", "Median first response", "Primera respuesta mediana"},
    TextEntry{"site.board.col.p90", "90e centile", "90th percentile", "Percentil 90"},
    TextEntry{"site.board.col.within_sla", "Dans les délais", "Within the SLA", "Dentro del SLA"},
    TextEntry{"site.board.col.average_rating", "Évaluation moyenne", "Average rating", "Valoración media"},
    TextEntry{"site.board.col.ratings", "Évaluations (1 à 5)", "Ratings (1 to 5)", "Valoraciones (1 a 5)"},
    TextEntry{"site.board.col.criticality", "Criticité", "Criticality", "Criticidad"},
    TextEntry{"site.board.col.month", "Mois", "Month", "Mes"},
    TextEntry{"site.board.col.reference", "Ticket", "Ticket", "Ticket"},
    TextEntry{"site.board.col.category", "Catégorie", "Category", "Categoría"},
    TextEntry{"site.board.col.language", "Langue", "Language", "Idioma"},
    TextEntry{"site.board.col.first_response", "Première réponse", "First response", "Primera respuesta"},
    TextEntry{"site.board.col.resolution", "Résolution", "Resolution", "Resolución"},
    TextEntry{"site.board.col.rating", "Évaluation", "Rating", "Valoración"},
    TextEntry{"site.board.col.comment", "Commentaire publié", "Published comment", "Comentario publicado"},
    // [SECTION] Contact
    TextEntry{"site.contact.link", "Écrivez-nous", "Write to us", "Escríbanos"},
    TextEntry{"site.contact.title", "Nous écrire", "Contact us", "Contacto"},
    TextEntry{"site.contact.intro",
              "Une question avant de vous lancer ? Nous répondons par e-mail, dans votre langue.",
              "A question before you start? We answer by email, in your language.",
              "¿Una pregunta antes de empezar? Respondemos por correo, en su idioma."},
    TextEntry{"site.contact.name", "Votre nom", "Your name", "Su nombre"},
    TextEntry{"site.contact.email", "Votre adresse e-mail", "Your email address", "Su correo electrónico"},
    TextEntry{"site.contact.message", "Votre message", "Your message", "Su mensaje"},
    TextEntry{"site.contact.rules",
              "{max} caractères au plus. Pour éviter les abus, quelques messages par minute seulement depuis une même "
              "adresse.",
              "At most {max} characters. To prevent abuse, only a few messages a minute are accepted from one address.",
              "{max} caracteres como máximo. Para evitar abusos, solo se aceptan unos pocos mensajes por minuto desde "
              "una misma dirección."},
    TextEntry{"site.contact.count", "{count} / {max}", "{count} / {max}", "{count} / {max}"},
    TextEntry{"site.contact.submit", "Envoyer", "Send", "Enviar"},
    TextEntry{"site.contact.sent", "Merci : votre message est envoyé. Nous vous répondons par e-mail.",
              "Thank you: your message is sent. We will answer by email.",
              "Gracias: su mensaje se ha enviado. Le responderemos por correo."},
    TextEntry{"site.contact.another", "Écrire un autre message", "Write another message", "Escribir otro mensaje"},
};
}  // namespace

std::span<const TextEntry> site_texts() { return kSiteTexts; }

}  // namespace tessera::texts

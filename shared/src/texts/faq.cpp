// The business's FAQ (SPEC §5) in French, English and Spanish, written for this product:
// keys "faq.qN.question" / "faq.qN.answer", N = 1..kFaqCount in reading order. The admin can
// edit the texts later; these are the defaults the public page starts with.
#include <array>

#include "tables.hpp"

namespace tessera::texts {

namespace {
constexpr std::array kFaqTexts{
    // 1. What the service is
    TextEntry{"faq.q1.question", "Qu'est-ce que Tessera ?", "What is Tessera?", "¿Qué es Tessera?"},
    TextEntry{"faq.q1.answer",
              "Une aide informatique à distance pour vos problèmes de matériel et de logiciels : ordinateur qui "
              "rame, imprimante muette, messagerie, réseau, sauvegardes, installation… Le champ est large : "
              "décrivez le problème, nous nous en occupons.",
              "Remote IT help for your hardware and software problems: a slow computer, a silent printer, email, "
              "network, backups, installations… The scope is broad: describe the problem and we take it from there.",
              "Ayuda informática a distancia para sus problemas de hardware y software: un ordenador lento, una "
              "impresora muda, el correo, la red, las copias de seguridad, instalaciones… El ámbito es amplio: "
              "describa el problema y nos encargamos."},
    // 2. Trying it
    TextEntry{"faq.q2.question", "Puis-je essayer avant d'acheter ?", "Can I try before buying?",
              "¿Puedo probar antes de comprar?"},
    TextEntry{"faq.q2.answer",
              "Oui : à l'inscription, vous recevez 15 minutes d'assistance gratuites, sans moyen de paiement. "
              "Décrivez votre problème, un technicien s'y met.",
              "Yes: when you sign up you get 15 minutes of support for free, with no payment details. Describe your "
              "problem and a technician gets to work.",
              "Sí: al registrarse recibe 15 minutos de asistencia gratuitos, sin datos de pago. Describa su problema "
              "y un técnico se pone a trabajar."},
    // 3. Languages
    TextEntry{"faq.q3.question", "Dans quelles langues êtes-vous aidé ?", "Which languages do you work in?",
              "¿En qué idiomas atienden?"},
    TextEntry{"faq.q3.answer", "En français, en anglais et en espagnol : choisissez la langue de chaque ticket.",
              "French, English and Spanish: choose the language of each ticket.",
              "En francés, inglés y español: elija el idioma de cada ticket."},
    // 4. Response times
    TextEntry{"faq.q4.question", "En combien de temps répondez-vous ?", "How quickly do you answer?",
              "¿Cuánto tardan en responder?"},
    TextEntry{"faq.q4.answer",
              "En général entre 1 heure et 24 heures, comptées pendant les heures d'ouverture. Les problèmes les "
              "plus critiques passent en premier. Les délais de réponse et les évaluations des clients de chaque "
              "ticket sont publiés sur notre tableau de transparence.",
              "Usually between 1 hour and 24 hours, counted within opening hours. The most critical issues come "
              "first. The response times and customer ratings of every ticket are published on our transparency "
              "board.",
              "Normalmente entre 1 hora y 24 horas, contadas en horario de apertura. Los problemas más críticos van "
              "primero. Los tiempos de respuesta y las valoraciones de los clientes de cada ticket se publican en "
              "nuestro panel de transparencia."},
    // 5. Invoices
    TextEntry{"faq.q5.question", "Vais-je recevoir une facture ?", "Will I get an invoice?", "¿Recibiré una factura?"},
    TextEntry{"faq.q5.answer",
              "Oui, une facture par achat, toujours disponible dans votre compte et téléchargeable en PDF.",
              "Yes, one invoice per purchase, always available in your account and downloadable as a PDF.",
              "Sí, una factura por compra, siempre disponible en su cuenta y descargable en PDF."},
    // 6. Why one subscription
    TextEntry{"faq.q6.question", "Pourquoi un seul abonnement ?", "Why only one subscription?",
              "¿Por qué una sola suscripción?"},
    TextEntry{"faq.q6.answer",
              "Par simplicité : un prix mensuel, tickets et temps illimités. Vous ajoutez des utilisateurs quand il "
              "le faut ; il convient aussi bien à une famille qu'à une petite entreprise.",
              "For simplicity: one monthly price, unlimited tickets and time. You add users when you need to; it "
              "suits a family as well as a small company.",
              "Por sencillez: un precio mensual, tickets y tiempo ilimitados. Añade usuarios cuando lo necesite; "
              "sirve tanto a una familia como a una pequeña empresa."},
    // 7. Who can be a user
    TextEntry{"faq.q7.question", "Qui peut être utilisateur de mon compte ?", "Who can use my account?",
              "¿Quién puede usar mi cuenta?"},
    TextEntry{"faq.q7.answer",
              "Toute personne que vous autorisez, de votre famille ou de votre entreprise ou non : il suffit de son "
              "adresse e-mail.",
              "Anyone you authorize, inside or outside your family or company: their email address is enough.",
              "Cualquier persona que usted autorice, de su familia o empresa o no: basta con su correo electrónico."},
    // 8. How many questions
    TextEntry{"faq.q8.question", "Combien de questions puis-je poser ?", "How many questions can I ask?",
              "¿Cuántas preguntas puedo hacer?"},
    TextEntry{"faq.q8.answer", "Autant que nécessaire : ouvrez un ticket pour chaque problème.",
              "As many as you need: open a ticket for each issue.",
              "Todas las que necesite: abra un ticket por cada problema."},
    // 9. Cancelling
    TextEntry{"faq.q9.question", "Comment résilier ?", "How do I cancel?", "¿Cómo cancelo?"},
    TextEntry{"faq.q9.answer",
              "À tout moment, sans frais ni justification. Vos tickets restent disponibles jusqu'à la fin du mois "
              "d'abonnement en cours.",
              "At any time, with no fee and no questions. Your tickets remain available until the end of the current "
              "month of subscription.",
              "En cualquier momento, sin coste ni explicaciones. Sus tickets siguen disponibles hasta el final del "
              "mes de suscripción en curso."},
    // 10. Restarting
    TextEntry{"faq.q10.question", "Puis-je me réabonner après avoir résilié ?", "Can I subscribe again after cancelling?",
              "¿Puedo volver a suscribirme tras cancelar?"},
    TextEntry{"faq.q10.answer", "Oui, 3 mois après la date de résiliation. Le site vous indique la date exacte.",
              "Yes, 3 months after the cancellation date. The site tells you the exact date.",
              "Sí, 3 meses después de la fecha de cancelación. La web le indica la fecha exacta."},
    // 11. Startup phone conference
    TextEntry{"faq.q11.question", "À quoi sert la conférence téléphonique de démarrage ?",
              "What is the startup phone conference for?", "¿Para qué sirve la llamada de inicio?"},
    TextEntry{"faq.q11.answer",
              "À faire connaissance, à noter tous les moyens de vous joindre et à découvrir votre environnement "
              "(appareils, systèmes, réseau, logiciels clés) pour vous aider plus vite. Si un appel ne vous convient "
              "pas, choisissez l'échange par e-mail.",
              "To get to know each other, note every way to reach you and learn your environment (devices, systems, "
              "network, key software) so we can help faster. If a call does not suit you, choose email instead.",
              "Para conocernos, anotar todas las formas de contactarle y conocer su entorno (equipos, sistemas, red, "
              "programas clave) y así ayudarle antes. Si una llamada no le conviene, elija el correo electrónico."},
    // 12. Paying
    TextEntry{"faq.q12.question", "Comment payer ?", "How can I pay?", "¿Cómo puedo pagar?"},
    TextEntry{"faq.q12.answer",
              "Par PayPal, avec une activation immédiate, ou par virement bancaire ou chèque, qui retardent "
              "l'activation de quelques jours, le temps de recevoir le paiement.",
              "With PayPal, activated at once, or by bank transfer or check, which delay activation by a few days "
              "while the payment arrives.",
              "Con PayPal, con activación inmediata, o por transferencia bancaria o cheque, que retrasan la "
              "activación unos días mientras llega el pago."},
    // 13. What a ticket is
    TextEntry{"faq.q13.question", "Qu'est-ce qu'un ticket ?", "What is a ticket?", "¿Qué es un ticket?"},
    TextEntry{"faq.q13.answer",
              "Un ticket par problème. Il s'ouvre quand vous l'envoyez et se ferme quand le problème est résolu à "
              "votre satisfaction. Il garde tous les échanges et toutes les étapes.",
              "One ticket per issue. It opens when you submit it and closes when the issue is resolved to your "
              "satisfaction. It keeps every exchange and every step.",
              "Un ticket por problema. Se abre al enviarlo y se cierra cuando el problema está resuelto a su "
              "satisfacción. Guarda todos los intercambios y todos los pasos."},
    // 14. When packs fit
    TextEntry{"faq.q14.question", "Quand choisir les tickets à l'unité ?", "When do ticket packs make sense?",
              "¿Cuándo conviene pagar por ticket?"},
    TextEntry{"faq.q14.answer",
              "Pour un problème ponctuel ; pour des besoins irréguliers (par exemple 20 tickets sur 12 mois) ; ou "
              "pour une organisation qui partage une réserve commune : les packs multi-utilisateurs, à partir de 20 "
              "tickets.",
              "For a one-off issue; for irregular needs (say 20 tickets over 12 months); or for an organisation "
              "sharing one pool: multi-user packs, from 20 tickets.",
              "Para un problema puntual; para necesidades irregulares (por ejemplo 20 tickets en 12 meses); o para "
              "una organización que comparte una reserva común: los paquetes multiusuario, desde 20 tickets."},
    // 15. Indivisible tickets
    TextEntry{"faq.q15.question", "Un ticket peut-il servir à deux problèmes ?", "Can one ticket cover two issues?",
              "¿Un ticket puede servir para dos problemas?"},
    TextEntry{"faq.q15.answer", "Non, les tickets sont indivisibles : un problème, un ticket.",
              "No, tickets are indivisible: one issue, one ticket.",
              "No, los tickets son indivisibles: un problema, un ticket."},
    // 16. Validity of packs
    TextEntry{"faq.q16.question", "Combien de temps mes tickets restent-ils valables ?",
              "How long do my tickets stay valid?", "¿Cuánto tiempo son válidos mis tickets?"},
    TextEntry{"faq.q16.answer",
              "Au moins 6 mois après l'achat. Les tickets expirés non utilisés ne sont pas perdus : ils sont "
              "ajoutés à votre prochain pack.",
              "At least 6 months from purchase. Expired, unused tickets are not lost: they are added to your next "
              "pack.",
              "Al menos 6 meses desde la compra. Los tickets caducados sin usar no se pierden: se añaden a su "
              "próximo paquete."},
    // 17. Time per ticket
    TextEntry{"faq.q17.question", "Combien de temps couvre un ticket ?", "How much time does a ticket cover?",
              "¿Cuánto tiempo cubre un ticket?"},
    TextEntry{"faq.q17.answer",
              "30 minutes de travail. Si le problème demande plus, il utilise un ticket de plus par tranche de 30 "
              "minutes entamée. Seules les minutes réellement travaillées comptent.",
              "30 minutes of work. If the issue needs more, it uses one more ticket for each 30 minutes started. "
              "Only the minutes actually worked count.",
              "30 minutos de trabajo. Si el problema necesita más, usa un ticket más por cada tramo de 30 minutos "
              "empezado. Solo cuentan los minutos realmente trabajados."},
    // 18. Pay-per-minute
    TextEntry{"faq.q18.question", "Comment fonctionne le paiement à la minute ?", "How does pay-per-minute work?",
              "¿Cómo funciona el pago por minuto?"},
    TextEntry{"faq.q18.answer",
              "Vous achetez un crédit de minutes, décompté minute par minute. Seules les 30 premières minutes de "
              "chaque ticket sont indivisibles : un ticket avec du travail coûte au moins 30 minutes.",
              "You buy a bank of minutes, used minute by minute. Only the first 30 minutes of each ticket are "
              "indivisible: a ticket with any work costs at least 30 minutes.",
              "Compra un saldo de minutos, que se descuenta minuto a minuto. Solo los 30 primeros minutos de cada "
              "ticket son indivisibles: un ticket con trabajo cuesta al menos 30 minutos."},
};
}  // namespace

std::span<const TextEntry> faq_texts() { return kFaqTexts; }

}  // namespace tessera::texts

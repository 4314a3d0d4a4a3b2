#include "api/tip_page/strings.h"

namespace escudo::api::tip_page {

const Strings& strings_fr() {
  static constexpr Strings kStrings{
      .code = "fr",
      .name = "Français",
      .page_title = "Signaler de façon anonyme",
      .intro = "Dites-nous ce que vous savez sur le trafic de personnes sur la route du Darién. "
               "Vous n'avez pas besoin de donner votre nom. Vos informations peuvent sauver des "
               "vies et donner droit à une récompense.",
      .safety_1 = "Nous ne gardons ni votre adresse internet ni les données de votre navigateur.",
      .safety_2 = "Nous retirons des photos la position et les données du téléphone avant de les "
                  "garder.",
      .safety_3 = "Si possible, utilisez un téléphone que personne d'autre ne consulte et effacez "
                  "l'historique ensuite.",
      .errors_title = "Il y a un problème",
      .label_text = "Que savez-vous ?",
      .hint_text = "Ce qui s'est passé, qui est impliqué, comment cela fonctionne. Avec vos mots.",
      .details_legend = "Détails (facultatif)",
      .details_hint = "Si vous les connaissez, ils nous aident à agir plus vite.",
      .label_who = "Qui ? Noms, surnoms ou descriptions",
      .label_where = "Où ?",
      .label_when = "Quand ?",
      .label_phones = "Numéros de téléphone",
      .label_accounts = "Comptes bancaires, portefeuilles ou transferts d'argent",
      .label_files = "Photos ou textes (facultatif)",
      .hint_files = "Photos JPEG ou PNG, ou texte. Jusqu'à 5 fichiers de 5 Mo chacun.",
      .noscript = "Ce formulaire a besoin de JavaScript pour une courte vérification contre les "
                  "abus. Activez-le pour envoyer.",
      .send = "Envoyer le signalement",
      .preparing = "Préparation de l'envoi… patientez quelques secondes.",
      .sent_title = "Votre signalement a été envoyé",
      .receipt_label = "Votre code de reçu",
      .receipt_hint = "Notez ce code maintenant : il n'est affiché qu'une fois. Avec lui, vous "
                      "pouvez revenir lire nos réponses et ajouter des informations. Toute "
                      "personne qui a le code peut lire la conversation : gardez-le en lieu sûr.",
      .removed_from = "Nous avons retiré de",
      .status_link = "Déjà envoyé un signalement ? Revenez avec votre code de reçu",
      .status_title = "Revenir avec votre code",
      .status_intro = "Saisissez le code de 20 chiffres reçu lors de l'envoi de votre signalement.",
      .label_receipt = "Code de reçu",
      .open = "Ouvrir",
      .progress_label = "État",
      .progress_received = "Reçu, pas encore examiné",
      .progress_in_progress = "En cours d'examen",
      .progress_closed = "Clos",
      .conversation = "Conversation",
      .from_you = "Vous",
      .from_desk = "Équipe des signalements",
      .no_messages = "Pas encore de message. Revenez dans quelques jours.",
      .add_message = "Ajouter une information ou répondre",
      .label_message = "Votre message",
      .send_message = "Envoyer le message",
      .message_sent = "Votre message a été envoyé.",
      .new_tip_link = "Envoyer un nouveau signalement",
      .err_required = "Écrivez ce que vous savez",
      .err_too_long = "Ce texte est trop long ; raccourcissez-le ou envoyez la suite plus tard",
      .err_not_text = "Ce champ contient des caractères qui ne sont pas du texte",
      .err_file = "Ce fichier n'a pas pu être accepté (seulement photos JPEG ou PNG et texte, "
                  "jusqu'à 5 Mo)",
      .err_too_many_files = "Joignez au plus 5 fichiers",
      .err_files_too_large = "Les fichiers ensemble ne peuvent pas dépasser 10 Mo",
      .err_receipt_wrong = "Ce code ne correspond à aucun signalement. Vérifiez les 20 chiffres.",
      .err_receipt_throttled = "Trop de codes erronés ont été essayés. Attendez une heure et "
                               "réessayez.",
      .err_receipt_malformed = "Le code a 20 chiffres.",
      .err_pow = "Le formulaire n'a pas pu être envoyé. Envoyez-le à nouveau.",
      .err_busy = "Nous recevons trop de messages. Réessayez dans une heure.",
      .err_closed = "La ligne de signalement n'est pas encore ouverte. Réessayez plus tard.",
  };
  return kStrings;
}

}  // namespace escudo::api::tip_page

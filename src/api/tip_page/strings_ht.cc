#include "api/tip_page/strings.h"

namespace escudo::api::tip_page {

const Strings& strings_ht() {
  static constexpr Strings kStrings{
      .code = "ht",
      .name = "Kreyòl ayisyen",
      .page_title = "Fè yon denonsyasyon san non",
      .intro = "Di nou sa ou konnen sou trafik moun sou wout Darién nan. Ou pa bezwen bay non "
               "ou. Enfòmasyon ou yo ka sove lavi, epi yo ka ba ou dwa a yon rekonpans.",
      .safety_1 = "Nou pa kenbe adrès entènèt ou ni enfòmasyon sou navigatè ou.",
      .safety_2 = "Nou retire kote foto a te pran ak enfòmasyon telefòn nan anvan nou kenbe l.",
      .safety_3 = "Si ou kapab, sèvi ak yon telefòn pèsonn lòt moun pa gade, epi efase istorik "
                  "la apre.",
      .errors_title = "Gen yon pwoblèm",
      .label_text = "Kisa ou konnen?",
      .hint_text = "Sa k te pase, ki moun ki ladan l, kijan sa mache. Ekri ak pwòp mo pa ou.",
      .details_legend = "Detay (si ou vle)",
      .details_hint = "Si ou konnen yo, yo ede nou aji pi vit.",
      .label_who = "Ki moun? Non, ti non oswa deskripsyon",
      .label_where = "Ki kote?",
      .label_when = "Ki lè?",
      .label_phones = "Nimewo telefòn",
      .label_accounts = "Kont bank, bous elektwonik oswa transfè lajan",
      .label_files = "Foto oswa tèks (si ou vle)",
      .hint_files = "Foto JPEG oswa PNG, oswa tèks. Jiska 5 fichye, 5 MB chak.",
      .noscript = "Fòmilè sa a bezwen JavaScript pou yon ti verifikasyon kont abi. Aktive l pou "
                  "voye.",
      .send = "Voye denonsyasyon an",
      .preparing = "N ap prepare pou voye… tann kèk segonn.",
      .sent_title = "Denonsyasyon ou a ale",
      .receipt_label = "Kòd resi ou",
      .receipt_hint = "Ekri kòd sa a kounye a: li parèt yon sèl fwa. Avè l ou ka tounen pou li "
                      "repons nou yo epi ajoute enfòmasyon. Nenpòt moun ki gen kòd la ka li "
                      "konvèsasyon an: kenbe l yon kote ki an sekirite.",
      .removed_from = "Nou retire nan",
      .status_link = "Ou te deja voye yon denonsyasyon? Tounen ak kòd resi ou",
      .status_title = "Tounen ak kòd ou",
      .status_intro = "Ekri kòd 20 chif ou te resevwa lè ou te voye denonsyasyon an.",
      .label_receipt = "Kòd resi",
      .open = "Louvri",
      .progress_label = "Eta",
      .progress_received = "Resevwa, poko egzamine",
      .progress_in_progress = "N ap egzamine l",
      .progress_closed = "Fèmen",
      .conversation = "Konvèsasyon",
      .from_you = "Ou menm",
      .from_desk = "Ekip denonsyasyon",
      .no_messages = "Poko gen mesaj. Tounen nan kèk jou.",
      .add_message = "Ajoute enfòmasyon oswa reponn",
      .label_message = "Mesaj ou",
      .send_message = "Voye mesaj la",
      .message_sent = "Mesaj ou a ale.",
      .new_tip_link = "Voye yon nouvo denonsyasyon",
      .err_required = "Ekri sa ou konnen",
      .err_too_long = "Tèks sa a twò long; fè l pi kout oswa voye rès la apre",
      .err_not_text = "Chan sa a gen karaktè ki pa tèks",
      .err_file = "Nou pa t ka aksepte fichye sa a (sèlman foto JPEG oswa PNG ak tèks, jiska 5 MB)",
      .err_too_many_files = "Mete 5 fichye pou pi plis",
      .err_files_too_large = "Fichye yo ansanm pa ka depase 10 MB",
      .err_receipt_wrong = "Kòd sa a pa koresponn ak okenn denonsyasyon. Verifye 20 chif yo.",
      .err_receipt_throttled = "Yo eseye twòp move kòd. Tann inèdtan epi eseye ankò.",
      .err_receipt_malformed = "Kòd la gen 20 chif.",
      .err_pow = "Fòmilè a pa t ka ale. Voye l ankò.",
      .err_busy = "N ap resevwa twòp mesaj. Eseye ankò nan inèdtan.",
      .err_closed = "Liy denonsyasyon an poko louvri. Eseye pita.",
  };
  return kStrings;
}

}  // namespace escudo::api::tip_page

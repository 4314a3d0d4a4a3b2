#include "api/tip_page/strings.h"

namespace escudo::api::tip_page {

const Strings& strings_es() {
  static constexpr Strings kStrings{
      .code = "es",
      .name = "Español",
      .page_title = "Denuncie de forma anónima",
      .intro = "Cuéntenos lo que sabe sobre el tráfico de personas en la ruta del Darién. No "
               "necesita dar su nombre. Su información puede salvar vidas y puede dar derecho a "
               "una recompensa.",
      .safety_1 = "No guardamos su dirección de internet ni los datos de su navegador.",
      .safety_2 = "Quitamos de las fotos la ubicación y los datos del teléfono antes de guardarlas.",
      .safety_3 = "Si puede, use un teléfono que nadie más revise y borre el historial al terminar.",
      .errors_title = "Hay un problema",
      .label_text = "¿Qué sabe?",
      .hint_text = "Qué pasó, quiénes participan, cómo funciona. Escriba con sus palabras.",
      .details_legend = "Detalles (opcional)",
      .details_hint = "Si los conoce, ayudan a actuar más rápido.",
      .label_who = "¿Quiénes? Nombres, apodos o descripciones",
      .label_where = "¿Dónde?",
      .label_when = "¿Cuándo?",
      .label_phones = "Números de teléfono",
      .label_accounts = "Cuentas de banco, billeteras o envíos de dinero",
      .label_files = "Fotos o textos (opcional)",
      .hint_files = "Fotos JPEG o PNG, o texto. Hasta 5 archivos de 5 MB cada uno.",
      .noscript = "Este formulario necesita JavaScript para una breve comprobación contra el "
                  "abuso. Actívelo para enviar.",
      .send = "Enviar denuncia",
      .preparing = "Preparando el envío… espere unos segundos.",
      .sent_title = "Su denuncia fue enviada",
      .receipt_label = "Su código de recibo",
      .receipt_hint = "Anote este código ahora: solo se muestra una vez. Con él puede volver para "
                      "leer nuestras respuestas y añadir información. Quien tenga el código puede "
                      "leer la conversación: guárdelo en un lugar seguro.",
      .removed_from = "Quitamos de",
      .status_link = "¿Ya envió una denuncia? Vuelva con su código de recibo",
      .status_title = "Volver con su código",
      .status_intro = "Escriba el código de 20 números que recibió al enviar su denuncia.",
      .label_receipt = "Código de recibo",
      .open = "Abrir",
      .progress_label = "Estado",
      .progress_received = "Recibida, aún sin revisar",
      .progress_in_progress = "En revisión",
      .progress_closed = "Cerrada",
      .conversation = "Conversación",
      .from_you = "Usted",
      .from_desk = "Equipo de denuncias",
      .no_messages = "Todavía no hay mensajes. Vuelva en unos días.",
      .add_message = "Añadir información o responder",
      .label_message = "Su mensaje",
      .send_message = "Enviar mensaje",
      .message_sent = "Su mensaje fue enviado.",
      .new_tip_link = "Enviar una nueva denuncia",
      .err_required = "Escriba lo que sabe",
      .err_too_long = "Este texto es demasiado largo; acórtelo o envíe el resto después",
      .err_not_text = "Este campo tiene caracteres que no son texto",
      .err_file = "No se pudo aceptar este archivo (solo fotos JPEG o PNG y texto, hasta 5 MB)",
      .err_too_many_files = "Adjunte como máximo 5 archivos",
      .err_files_too_large = "Los archivos juntos no pueden pasar de 10 MB",
      .err_receipt_wrong = "Ese código no corresponde a ninguna denuncia. Revise los 20 números.",
      .err_receipt_throttled = "Se probaron demasiados códigos equivocados. Espere una hora e "
                               "inténtelo de nuevo.",
      .err_receipt_malformed = "El código tiene 20 números.",
      .err_pow = "El formulario no se pudo enviar. Envíelo otra vez.",
      .err_busy = "Estamos recibiendo demasiados mensajes. Inténtelo de nuevo en una hora.",
      .err_closed = "La línea de denuncias aún no está abierta. Inténtelo más tarde.",
  };
  return kStrings;
}

const Strings& strings_for(std::string_view code) {
  if (code == "en") return strings_en();
  if (code == "fr") return strings_fr();
  if (code == "ht") return strings_ht();
  return strings_es();
}

}  // namespace escudo::api::tip_page

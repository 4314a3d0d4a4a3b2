// The words of the public tip pages, one table per language (strings_es.cc, strings_en.cc,
// strings_fr.cc, strings_ht.cc). A translator edits only those files. Plain language: many
// readers are migrants reading in their second language on a small phone.
#pragma once

#include <string_view>

namespace escudo::api::tip_page {

struct Strings {
  std::string_view code;       // "es", "en", "fr", "ht" (the lang attribute)
  std::string_view name;       // the language's own name, for the language links
  std::string_view page_title;
  std::string_view intro;
  std::string_view safety_1;
  std::string_view safety_2;
  std::string_view safety_3;
  std::string_view errors_title;
  std::string_view label_text;
  std::string_view hint_text;
  std::string_view details_legend;
  std::string_view details_hint;
  std::string_view label_who;
  std::string_view label_where;
  std::string_view label_when;
  std::string_view label_phones;
  std::string_view label_accounts;
  std::string_view label_files;
  std::string_view hint_files;
  std::string_view noscript;
  std::string_view send;
  std::string_view preparing;
  std::string_view sent_title;
  std::string_view receipt_label;
  std::string_view receipt_hint;
  std::string_view removed_from;  // followed by the file name and what was removed
  std::string_view status_link;
  std::string_view status_title;
  std::string_view status_intro;
  std::string_view label_receipt;
  std::string_view open;
  std::string_view progress_label;
  std::string_view progress_received;
  std::string_view progress_in_progress;
  std::string_view progress_closed;
  std::string_view conversation;
  std::string_view from_you;
  std::string_view from_desk;
  std::string_view no_messages;
  std::string_view add_message;
  std::string_view label_message;
  std::string_view send_message;
  std::string_view message_sent;
  std::string_view new_tip_link;
  std::string_view err_required;
  std::string_view err_too_long;
  std::string_view err_not_text;
  std::string_view err_file;
  std::string_view err_too_many_files;
  std::string_view err_files_too_large;
  std::string_view err_receipt_wrong;
  std::string_view err_receipt_throttled;
  std::string_view err_receipt_malformed;
  std::string_view err_pow;
  std::string_view err_busy;
  std::string_view err_closed;
};

const Strings& strings_es();
const Strings& strings_en();
const Strings& strings_fr();
const Strings& strings_ht();

// The table for a language code; Spanish for anything else.
const Strings& strings_for(std::string_view code);

}  // namespace escudo::api::tip_page

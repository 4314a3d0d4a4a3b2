#include "api/tip_page/strings.h"

namespace escudo::api::tip_page {

const Strings& strings_en() {
  static constexpr Strings kStrings{
      .code = "en",
      .name = "English",
      .page_title = "Report anonymously",
      .intro = "Tell us what you know about people smuggling on the Darién route. You do not "
               "need to give your name. What you tell us can save lives and may earn a reward.",
      .safety_1 = "We do not keep your internet address or details of your browser.",
      .safety_2 = "We remove location and phone details from photos before keeping them.",
      .safety_3 = "If you can, use a phone nobody else checks, and clear its history afterwards.",
      .errors_title = "There is a problem",
      .label_text = "What do you know?",
      .hint_text = "What happened, who is involved, how it works. Use your own words.",
      .details_legend = "Details (optional)",
      .details_hint = "If you know them, they help us act faster.",
      .label_who = "Who? Names, nicknames or descriptions",
      .label_where = "Where?",
      .label_when = "When?",
      .label_phones = "Phone numbers",
      .label_accounts = "Bank, wallet or money-transfer accounts",
      .label_files = "Photos or text files (optional)",
      .hint_files = "JPEG or PNG photos, or text. Up to 5 files of 5 MB each.",
      .noscript = "This form needs JavaScript for a short anti-abuse check. Turn it on to send.",
      .send = "Send report",
      .preparing = "Getting ready to send… please wait a few seconds.",
      .sent_title = "Your report was sent",
      .receipt_label = "Your receipt code",
      .receipt_hint = "Write this code down now: it is shown only once. With it you can come "
                      "back to read our answers and add information. Anyone with the code can "
                      "read the conversation, so keep it somewhere safe.",
      .removed_from = "We removed from",
      .status_link = "Already sent a report? Come back with your receipt code",
      .status_title = "Come back with your code",
      .status_intro = "Enter the 20-digit code you were given when you sent your report.",
      .label_receipt = "Receipt code",
      .open = "Open",
      .progress_label = "Status",
      .progress_received = "Received, not yet reviewed",
      .progress_in_progress = "Being reviewed",
      .progress_closed = "Closed",
      .conversation = "Conversation",
      .from_you = "You",
      .from_desk = "Tip desk",
      .no_messages = "No messages yet. Please come back in a few days.",
      .add_message = "Add information or answer",
      .label_message = "Your message",
      .send_message = "Send message",
      .message_sent = "Your message was sent.",
      .new_tip_link = "Send a new report",
      .err_required = "Write what you know",
      .err_too_long = "This text is too long; shorten it or send the rest later",
      .err_not_text = "This field holds characters that are not text",
      .err_file = "This file could not be accepted (only JPEG or PNG photos and text, up to 5 MB)",
      .err_too_many_files = "Attach at most 5 files",
      .err_files_too_large = "The files together may not exceed 10 MB",
      .err_receipt_wrong = "That code does not match a report. Check the 20 digits.",
      .err_receipt_throttled = "Too many wrong codes were tried. Wait an hour and try again.",
      .err_receipt_malformed = "The code has 20 digits.",
      .err_pow = "The form could not be sent. Please send it again.",
      .err_busy = "We are receiving too many messages. Please try again in an hour.",
      .err_closed = "The tip line is not open yet. Please try again later.",
  };
  return kStrings;
}

}  // namespace escudo::api::tip_page

#include "api/tip_page/render.h"

#include <fmt/format.h>

namespace escudo::api::tip_page {
namespace {

constexpr std::string_view kLanguages[] = {"es", "en", "fr", "ht"};

void open_page(std::string& out, const Strings& s, std::string_view title, std::string_view path) {
  out += fmt::format(
      "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<meta name=\"referrer\" content=\"no-referrer\"><title>{}</title>"
      "<link rel=\"stylesheet\" href=\"/tip/tip.css\"><script src=\"/tip/pow.js\" defer></script>"
      "</head><body><nav class=\"lang\" aria-label=\"Language / Idioma / Langue / Lang\">",
      s.code, html_escape(title));
  for (std::string_view code : kLanguages) {
    const Strings& other = strings_for(code);
    out += fmt::format("<a href=\"{}?lang={}\" lang=\"{}\"{}>{}</a>", path, code, code,
                       code == s.code ? " aria-current=\"true\"" : "", html_escape(other.name));
  }
  out += "</nav><main>";
}

void close_page(std::string& out) { out += "</main></body></html>"; }

void error_summary(std::string& out, const Strings& s, const std::vector<PageProblem>& problems) {
  if (problems.empty()) return;
  out += fmt::format("<div class=\"errors\" role=\"alert\" tabindex=\"-1\"><h2>{}</h2><ul>",
                     html_escape(s.errors_title));
  for (const auto& p : problems) {
    if (p.field_id.empty()) {
      out += fmt::format("<li>{}</li>", html_escape(p.message));
    } else {
      out += fmt::format("<li><a href=\"#{}\">{}</a></li>", p.field_id, html_escape(p.message));
    }
  }
  out += "</ul></div>";
}

std::string field_error(const std::vector<PageProblem>& problems, std::string_view id) {
  for (const auto& p : problems) {
    if (p.field_id == id) return fmt::format("<p class=\"field-error\">{}</p>", html_escape(p.message));
  }
  return "";
}

std::string value_of(const std::map<std::string, std::string>& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? "" : html_escape(it->second);
}

void pow_fields(std::string& out, const Strings& s, const FormChallenge& c) {
  out += fmt::format(
      "<input type=\"hidden\" name=\"lang\" value=\"{}\">"
      "<input type=\"hidden\" name=\"challenge\" value=\"{}\">"
      "<input type=\"hidden\" name=\"nonce\" value=\"\">"
      "<noscript><p class=\"notice\">{}</p></noscript>",
      s.code, html_escape(c.challenge), html_escape(s.noscript));
}

std::string form_open(const Strings& s, std::string_view action, const FormChallenge& c,
                      std::string_view id) {
  return fmt::format(
      "<form id=\"{}\" method=\"post\" action=\"{}?lang={}\" enctype=\"multipart/form-data\" "
      "data-pow=\"{}\" data-wait=\"{}\" novalidate>",
      id, action, s.code, c.difficulty, html_escape(s.preparing));
}

void submit_button(std::string& out, std::string_view label) {
  out += fmt::format("<button type=\"submit\">{}</button><p class=\"pow-status\" aria-live=\"polite\"></p>",
                     html_escape(label));
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string form_page(const Strings& s, const FormChallenge& challenge,
                      const std::map<std::string, std::string>& values,
                      const std::vector<PageProblem>& problems) {
  std::string out;
  open_page(out, s, s.page_title, "/tip");
  out += fmt::format("<h1>{}</h1>", html_escape(s.page_title));
  error_summary(out, s, problems);
  out += fmt::format("<p>{}</p><ul class=\"safety\"><li>{}</li><li>{}</li><li>{}</li></ul>",
                     html_escape(s.intro), html_escape(s.safety_1), html_escape(s.safety_2),
                     html_escape(s.safety_3));
  out += form_open(s, "/tip", challenge, "tip-form");
  pow_fields(out, s, challenge);
  out += fmt::format(
      "<label for=\"text\">{}</label><p class=\"hint\" id=\"text-hint\">{}</p>{}"
      "<textarea id=\"text\" name=\"text\" rows=\"8\" aria-describedby=\"text-hint\" "
      "required>{}</textarea>",
      html_escape(s.label_text), html_escape(s.hint_text), field_error(problems, "text"),
      value_of(values, "text"));
  out += fmt::format("<fieldset><legend>{}</legend><p class=\"hint\">{}</p>",
                     html_escape(s.details_legend), html_escape(s.details_hint));
  const std::pair<const char*, std::string_view> fields[] = {
      {"who", s.label_who}, {"where", s.label_where}, {"when", s.label_when},
      {"phones", s.label_phones}, {"accounts", s.label_accounts}};
  for (const auto& [name, label] : fields) {
    out += fmt::format(
        "<label for=\"{0}\">{1}</label>{2}<input type=\"text\" id=\"{0}\" name=\"{0}\" "
        "value=\"{3}\" autocomplete=\"off\">",
        name, html_escape(label), field_error(problems, name), value_of(values, name));
  }
  out += "</fieldset>";
  out += fmt::format(
      "<label for=\"attachments\">{}</label><p class=\"hint\" id=\"files-hint\">{}</p>{}"
      "<input type=\"file\" id=\"attachments\" name=\"attachments\" multiple "
      "accept=\"image/jpeg,image/png,text/plain\" aria-describedby=\"files-hint\">",
      html_escape(s.label_files), html_escape(s.hint_files), field_error(problems, "attachments"));
  submit_button(out, s.send);
  out += "</form>";
  out += fmt::format("<p><a href=\"/tip/status?lang={}\">{}</a></p>", s.code,
                     html_escape(s.status_link));
  close_page(out);
  return out;
}

std::string receipt_page(const Strings& s, std::string_view receipt,
                         const std::vector<service::AttachmentReport>& attachments) {
  std::string out;
  open_page(out, s, s.sent_title, "/tip");
  out += fmt::format(
      "<h1>{}</h1><h2>{}</h2><p class=\"receipt\" id=\"receipt\">{}</p><p class=\"notice\">{}</p>",
      html_escape(s.sent_title), html_escape(s.receipt_label), html_escape(receipt),
      html_escape(s.receipt_hint));
  for (const auto& a : attachments) {
    if (a.removed.empty()) continue;
    std::string removed;
    for (const auto& r : a.removed) removed += (removed.empty() ? "" : ", ") + r;
    out += fmt::format("<p>{} {}: {}</p>", html_escape(s.removed_from), html_escape(a.name),
                       html_escape(removed));
  }
  out += fmt::format("<p><a href=\"/tip/status?lang={}\">{}</a></p>", s.code,
                     html_escape(s.status_link));
  close_page(out);
  return out;
}

std::string status_page(const Strings& s, const FormChallenge& challenge,
                        const std::vector<PageProblem>& problems) {
  std::string out;
  open_page(out, s, s.status_title, "/tip/status");
  out += fmt::format("<h1>{}</h1>", html_escape(s.status_title));
  error_summary(out, s, problems);
  out += fmt::format("<p>{}</p>", html_escape(s.status_intro));
  out += form_open(s, "/tip/status", challenge, "status-form");
  pow_fields(out, s, challenge);
  out += fmt::format(
      "<label for=\"receipt\">{}</label>{}<input type=\"text\" id=\"receipt\" name=\"receipt\" "
      "inputmode=\"numeric\" autocomplete=\"off\" spellcheck=\"false\" "
      "placeholder=\"0000 0000 0000 0000 0000\">",
      html_escape(s.label_receipt), field_error(problems, "receipt"));
  submit_button(out, s.open);
  out += fmt::format("</form><p><a href=\"/tip?lang={}\">{}</a></p>", s.code,
                     html_escape(s.new_tip_link));
  close_page(out);
  return out;
}

std::string conversation_page(const Strings& s, const service::TipsterView& view,
                              std::string_view receipt, const FormChallenge& challenge,
                              std::optional<std::string_view> notice,
                              const std::vector<PageProblem>& problems) {
  std::string out;
  open_page(out, s, s.conversation, "/tip/status");
  out += fmt::format("<h1>{}</h1>", html_escape(s.conversation));
  error_summary(out, s, problems);
  if (notice) out += fmt::format("<p class=\"notice\" role=\"status\">{}</p>", html_escape(*notice));
  std::string_view progress = view.progress == "closed"        ? s.progress_closed
                              : view.progress == "in_progress" ? s.progress_in_progress
                                                               : s.progress_received;
  out += fmt::format("<p><strong>{}:</strong> <span id=\"progress\">{}</span> ({})</p>",
                     html_escape(s.progress_label), html_escape(progress), html_escape(view.received_on));
  if (view.messages.empty()) out += fmt::format("<p>{}</p>", html_escape(s.no_messages));
  for (const auto& m : view.messages) {
    bool desk = m.author == "desk";
    out += fmt::format("<div class=\"msg{}\"><p class=\"who\">{} · {}</p>{}</div>",
                       desk ? " desk" : "", html_escape(desk ? s.from_desk : s.from_you),
                       html_escape(m.on_day), html_escape(m.text));
  }
  out += fmt::format("<h2>{}</h2>", html_escape(s.add_message));
  out += form_open(s, "/tip/message", challenge, "message-form");
  pow_fields(out, s, challenge);
  out += fmt::format("<input type=\"hidden\" name=\"receipt\" value=\"{}\">", html_escape(receipt));
  out += fmt::format(
      "<label for=\"message\">{}</label>{}<textarea id=\"message\" name=\"message\" "
      "rows=\"6\"></textarea>",
      html_escape(s.label_message), field_error(problems, "message"));
  out += fmt::format(
      "<label for=\"attachments\">{}</label><p class=\"hint\">{}</p>{}<input type=\"file\" "
      "id=\"attachments\" name=\"attachments\" multiple accept=\"image/jpeg,image/png,text/plain\">",
      html_escape(s.label_files), html_escape(s.hint_files), field_error(problems, "attachments"));
  submit_button(out, s.send_message);
  out += "</form>";
  close_page(out);
  return out;
}

}  // namespace escudo::api::tip_page

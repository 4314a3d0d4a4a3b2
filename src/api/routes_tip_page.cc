// The public tip pages: /tip (the form), /tip/status (come back with the receipt), /tip/message
// (add to a tip), and their script and style sheet. Plain HTML forms posted as
// multipart/form-data; nothing about the visitor (address, browser, language header) is kept
// or logged: handlers take only the form's fields.
#include "api/multipart.h"
#include "api/routes.h"
#include "api/tip_page/assets.h"
#include "api/tip_page/render.h"

namespace escudo::api {
namespace {

using tip_page::FormChallenge;
using tip_page::PageProblem;
using tip_page::Strings;

constexpr std::size_t kMaxFormBytes = 11u << 20;  // 10 MB of files and the text

const Strings& language_of(const Request& req, const std::vector<FormPart>* parts = nullptr) {
  auto q = req.query.find("lang");
  if (q != req.query.end()) return tip_page::strings_for(q->second);
  if (parts != nullptr) {
    std::string lang = form_value(*parts, "lang");
    if (!lang.empty()) return tip_page::strings_for(lang);
  }
  // The browser's first preferred language, read and forgotten.
  std::string_view accept = req.header("accept-language");
  return tip_page::strings_for(accept.substr(0, 2));
}

Response html(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  return r;
}

FormChallenge new_challenge(service::TipService& tips, std::string_view purpose) {
  auto c = tips.challenge(purpose);
  if (!c) return {};
  return {c->challenge, c->difficulty};
}

// A refusal from the service, in the page's language.
std::string message_for(const Strings& s, const Error& e) {
  const std::string& reason = e.reason();
  if (reason == "receipt_wrong") return std::string(s.err_receipt_wrong);
  if (reason == "receipt_throttled") return std::string(s.err_receipt_throttled);
  if (reason == "receipt_malformed") return std::string(s.err_receipt_malformed);
  if (reason == "rate_limited") return std::string(s.err_busy);
  if (reason == "desk_not_set_up") return std::string(s.err_closed);
  return std::string(s.err_pow);
}

std::vector<PageProblem> problems_for(const Strings& s, const std::vector<model::FieldProblem>& problems,
                                      const std::vector<service::AttachmentUpload>& uploads) {
  std::vector<PageProblem> out;
  for (const auto& p : problems) {
    std::string message;
    std::string id = p.field;
    if (p.field.starts_with("attachments[")) {
      std::size_t index = std::strtoul(p.field.c_str() + 12, nullptr, 10);
      message = std::string(s.err_file) +
                (index < uploads.size() ? ": " + uploads[index].name : std::string());
      id = "attachments";
    } else if (p.code == "too_many") {
      message = s.err_too_many_files;
    } else if (p.code == "too_large") {
      message = s.err_files_too_large;
    } else if (p.code == "required") {
      message = s.err_required;
    } else if (p.code == "too_long") {
      message = s.err_too_long;
    } else {
      message = s.err_not_text;
    }
    out.push_back({id, std::move(message)});
  }
  return out;
}

std::vector<service::AttachmentUpload> uploads_of(std::vector<FormPart>& parts) {
  std::vector<service::AttachmentUpload> out;
  for (auto& p : parts) {
    // A file input with no file chosen still sends an empty part.
    if (p.name == "attachments" && p.filename && !(p.filename->empty() && p.data.empty())) {
      out.push_back({*p.filename, std::move(p.data)});
    }
  }
  return out;
}

RouteSpec page_spec(std::string method, std::string pattern, std::string summary) {
  RouteSpec spec{.method = std::move(method), .pattern = std::move(pattern),
                 .summary = std::move(summary), .tag = "tip line (public pages)",
                 .needs_session = false};
  if (spec.method == "POST") {
    spec.offload = true;  // Argon2id of the receipt
    spec.body_content_type = "multipart/form-data";
    spec.max_body_bytes = kMaxFormBytes;
  }
  spec.response_schema = R"({"type":"string","contentMediaType":"text/html"})";
  return spec;
}

}  // namespace

void add_tip_page_routes(Router& router, service::Services& services) {
  auto& tips = services.tips();

  router.add(page_spec("GET", "/tip", "The public tip form (HTML; ?lang=es|en|fr|ht)"),
             [&tips](const Request& req, const service::Principal*) -> Result<Response> {
               const Strings& s = language_of(req);
               return html(200, tip_page::form_page(s, new_challenge(tips, "submit"), {}, {}));
             });

  router.add(page_spec("POST", "/tip", "Send the public tip form"),
             [&tips](const Request& req, const service::Principal*) -> Result<Response> {
               auto parts = parse_multipart(req.header("content-type"), req.body);
               if (!parts) {
                 const Strings& s = language_of(req);
                 return html(400, tip_page::form_page(s, new_challenge(tips, "submit"), {},
                                                      {{"", std::string(s.err_pow)}}));
               }
               const Strings& s = language_of(req, &*parts);
               service::TipSubmission submission;
               std::map<std::string, std::string> values;
               for (const char* name : {"text", "who", "where", "when", "phones", "accounts"}) {
                 values[name] = form_value(*parts, name);
               }
               submission.content = {values["text"], values["who"], values["where"],
                                     values["when"], values["phones"], values["accounts"],
                                     model::parse_tip_language(s.code).value_or(model::TipLanguage::kSpanish)};
               submission.pow = {form_value(*parts, "challenge"), form_value(*parts, "nonce")};
               submission.attachments = uploads_of(*parts);
               std::vector<service::AttachmentUpload> names;
               for (const auto& u : submission.attachments) names.push_back({u.name, ""});
               auto outcome = tips.submit(std::move(submission));
               if (!outcome) {
                 return html(outcome.error().code() == ErrorCode::kResourceExhausted ? 429 : 400,
                             tip_page::form_page(s, new_challenge(tips, "submit"), values,
                                                 {{"", message_for(s, outcome.error())}}));
               }
               if (!outcome->stored) {
                 return html(422, tip_page::form_page(s, new_challenge(tips, "submit"), values,
                                                      problems_for(s, outcome->problems, names)));
               }
               return html(200, tip_page::receipt_page(s, outcome->receipt, outcome->attachments));
             });

  router.add(page_spec("GET", "/tip/status", "Come back with a receipt code (HTML)"),
             [&tips](const Request& req, const service::Principal*) -> Result<Response> {
               return html(200, tip_page::status_page(language_of(req), new_challenge(tips, "status"), {}));
             });

  router.add(page_spec("POST", "/tip/status", "Open a tip's conversation with its receipt code"),
             [&tips](const Request& req, const service::Principal*) -> Result<Response> {
               auto parts = parse_multipart(req.header("content-type"), req.body);
               const Strings& s = parts ? language_of(req, &*parts) : language_of(req);
               if (!parts) {
                 return html(400, tip_page::status_page(s, new_challenge(tips, "status"),
                                                        {{"", std::string(s.err_pow)}}));
               }
               std::string receipt = form_value(*parts, "receipt");
               auto view = tips.tipster_view(receipt, {form_value(*parts, "challenge"),
                                                       form_value(*parts, "nonce")});
               if (!view) {
                 int status = view.error().code() == ErrorCode::kResourceExhausted ? 429 : 400;
                 return html(status, tip_page::status_page(s, new_challenge(tips, "status"),
                                                           {{"receipt", message_for(s, view.error())}}));
               }
               return html(200, tip_page::conversation_page(s, *view, receipt,
                                                            new_challenge(tips, "status"),
                                                            std::nullopt, {}));
             });

  router.add(page_spec("POST", "/tip/message", "Add a message to a tip with its receipt code"),
             [&tips](const Request& req, const service::Principal*) -> Result<Response> {
               auto parts = parse_multipart(req.header("content-type"), req.body);
               const Strings& s = parts ? language_of(req, &*parts) : language_of(req);
               if (!parts) {
                 return html(400, tip_page::status_page(s, new_challenge(tips, "status"),
                                                        {{"", std::string(s.err_pow)}}));
               }
               std::string receipt = form_value(*parts, "receipt");
               std::string text = form_value(*parts, "message");
               auto uploads = uploads_of(*parts);
               std::vector<service::AttachmentUpload> names;
               for (const auto& u : uploads) names.push_back({u.name, ""});
               auto outcome = tips.follow_up(receipt, text, std::move(uploads),
                                             {form_value(*parts, "challenge"), form_value(*parts, "nonce")});
               if (!outcome) {
                 int status = outcome.error().code() == ErrorCode::kResourceExhausted ? 429 : 400;
                 return html(status, tip_page::status_page(s, new_challenge(tips, "status"),
                                                           {{"receipt", message_for(s, outcome.error())}}));
               }
               if (!outcome->stored) {
                 // The conversation is not shown without a verified code: ask for it again.
                 auto problems = problems_for(s, outcome->problems, names);
                 for (auto& p : problems) if (p.field_id == "text") p.field_id = "message";
                 auto view = tips.tipster_view(receipt, {form_value(*parts, "challenge"),
                                                         form_value(*parts, "nonce")});
                 if (!view) {
                   return html(422, tip_page::status_page(s, new_challenge(tips, "status"), problems));
                 }
                 return html(422, tip_page::conversation_page(s, *view, receipt,
                                                              new_challenge(tips, "status"),
                                                              std::nullopt, problems));
               }
               return html(200, tip_page::conversation_page(s, outcome->view, receipt,
                                                            new_challenge(tips, "status"),
                                                            s.message_sent, {}));
             });

  RouteSpec js = page_spec("GET", "/tip/pow.js", "The public pages' proof-of-work script");
  js.response_schema = R"({"type":"string"})";
  router.add(std::move(js), [](const Request&, const service::Principal*) -> Result<Response> {
    Response r;
    r.content_type = "text/javascript; charset=utf-8";
    r.body = std::string(tip_page::pow_script());
    return r;
  });
  RouteSpec css = page_spec("GET", "/tip/tip.css", "The public pages' style sheet");
  css.response_schema = R"({"type":"string"})";
  router.add(std::move(css), [](const Request&, const service::Principal*) -> Result<Response> {
    Response r;
    r.content_type = "text/css; charset=utf-8";
    r.body = std::string(tip_page::style_sheet());
    return r;
  });
}

}  // namespace escudo::api

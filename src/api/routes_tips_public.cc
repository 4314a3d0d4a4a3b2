// The tip line's public JSON API (the same as the HTML pages, for other clients): a challenge,
// submission, the tipster's view and follow-ups. No session, and nothing of the client is read.
#include "api/routes.h"
#include "base/json.h"
#include "crypto/secret_bytes.h"

namespace escudo::api {
namespace {

constexpr std::size_t kMaxJsonTipBytes = 15u << 20;  // 10 MB of files as base64, and the text

Response problems_response(const std::vector<model::FieldProblem>& problems) {
  JsonWriter w;
  w.begin_object().key("error").begin_object();
  w.key("code").value("invalid_argument");
  w.key("message").value(fmt::format("{} field(s) need correcting; nothing was stored", problems.size()));
  w.key("reason").value("bad_fields");
  w.key("fields").begin_array();
  for (const auto& p : problems) {
    w.begin_object().key("field").value(p.field).key("code").value(p.code).key("message").value(p.message).end_object();
  }
  w.end_array().end_object().end_object();
  return Response::json(422, std::move(w).take());
}

void write_view(JsonWriter& w, const service::TipsterView& view) {
  w.begin_object().key("received_on").value(view.received_on).key("progress").value(view.progress);
  w.key("messages").begin_array();
  for (const auto& m : view.messages) {
    w.begin_object().key("author").value(m.author).key("on_day").value(m.on_day).key("text").value(m.text).end_object();
  }
  w.end_array().end_object();
}

Result<std::vector<service::AttachmentUpload>> read_attachments(const JsonValue& body) {
  std::vector<service::AttachmentUpload> out;
  ESCUDO_ASSIGN_OR_RETURN(auto items, body.get_array("attachments"));
  for (const JsonValue* item : items) {
    ESCUDO_ASSIGN_OR_RETURN(std::string name, item->get_string("name"));
    ESCUDO_ASSIGN_OR_RETURN(std::string data, item->get_string("data"));
    service::AttachmentUpload u{std::move(name), ""};
    if (!crypto::from_base64(data, &u.data)) {
      return errorf(ErrorCode::kInvalidArgument, "'{}.data' is not base64", item->path());
    }
    out.push_back(std::move(u));
  }
  return out;
}

Result<service::ProofOfWork> read_pow(const JsonValue& body) {
  service::ProofOfWork pow;
  ESCUDO_ASSIGN_OR_RETURN(pow.challenge, body.get_string("challenge"));
  ESCUDO_ASSIGN_OR_RETURN(pow.nonce, body.get_string("nonce"));
  return pow;
}

Result<std::string> optional_text(const JsonValue& body, std::string_view name) {
  ESCUDO_ASSIGN_OR_RETURN(auto v, body.get_optional_string(name));
  return v.value_or("");
}

constexpr std::string_view kViewSchema =
    R"({"type":"object","properties":{"received_on":{"type":"string"},"progress":{"enum":["received","in_progress","closed"]},"messages":{"type":"array","items":{"type":"object","properties":{"author":{"enum":["tipster","desk"]},"on_day":{"type":"string"},"text":{"type":"string"}}}}}})";

}  // namespace

void add_public_tip_routes(Router& router, service::Services& services) {
  auto& tips = services.tips();

  router.add({.method = "GET",
              .pattern = "/api/public/tips/challenge",
              .summary = "A proof-of-work challenge for the public tip routes",
              .tag = "tip line (public)",
              .needs_session = false,
              .response_schema =
                  R"({"type":"object","properties":{"challenge":{"type":"string"},"difficulty":{"type":"integer"},"expires_at":{"type":"integer"}}})",
              .query = {{"purpose", "submit (a new tip) or status (the receipt routes)"}}},
             [&tips](const Request& req, const service::Principal*) -> Result<Response> {
               auto purpose = req.query.find("purpose");
               ESCUDO_ASSIGN_OR_RETURN(auto c, tips.challenge(purpose == req.query.end() ? "" : purpose->second));
               JsonWriter w;
               w.begin_object().key("challenge").value(c.challenge).key("difficulty").value(c.difficulty)
                   .key("expires_at").value(c.expires_at).end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add(
      {.method = "POST",
       .pattern = "/api/public/tips",
       .summary = "Send a tip anonymously; answers the receipt code once",
       .tag = "tip line (public)",
       .needs_session = false,
       .offload = true,
       .body_content_type = "application/json",
       .max_body_bytes = kMaxJsonTipBytes,
       .request_schema =
           R"({"type":"object","required":["text","challenge","nonce"],"properties":{"text":{"type":"string"},"who":{"type":"string"},"where":{"type":"string"},"when":{"type":"string"},"phones":{"type":"string"},"accounts":{"type":"string"},"language":{"enum":["es","en","fr","ht"]},"attachments":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"data":{"type":"string","contentEncoding":"base64"}}}},"challenge":{"type":"string"},"nonce":{"type":"string"}}})",
       .response_schema =
           R"({"type":"object","properties":{"receipt":{"type":"string"},"attachments":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"media_type":{"type":"string"},"removed":{"type":"array","items":{"type":"string"}}}}}}})",
       .success_status = 201,
       .refuses_fields = true},
      [&tips](const Request& req, const service::Principal*) -> Result<Response> {
        ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
        service::TipSubmission s;
        ESCUDO_ASSIGN_OR_RETURN(s.content.text, optional_text(body, "text"));
        ESCUDO_ASSIGN_OR_RETURN(s.content.who, optional_text(body, "who"));
        ESCUDO_ASSIGN_OR_RETURN(s.content.where, optional_text(body, "where"));
        ESCUDO_ASSIGN_OR_RETURN(s.content.when, optional_text(body, "when"));
        ESCUDO_ASSIGN_OR_RETURN(s.content.phones, optional_text(body, "phones"));
        ESCUDO_ASSIGN_OR_RETURN(s.content.accounts, optional_text(body, "accounts"));
        ESCUDO_ASSIGN_OR_RETURN(auto language, body.get_optional_string("language"));
        if (language) {
          ESCUDO_ASSIGN_OR_RETURN(s.content.language, model::parse_tip_language(*language));
        }
        ESCUDO_ASSIGN_OR_RETURN(s.attachments, read_attachments(body));
        ESCUDO_ASSIGN_OR_RETURN(s.pow, read_pow(body));
        ESCUDO_ASSIGN_OR_RETURN(auto outcome, tips.submit(std::move(s)));
        if (!outcome.stored) return problems_response(outcome.problems);
        JsonWriter w;
        w.begin_object().key("receipt").value(outcome.receipt).key("attachments").begin_array();
        for (const auto& a : outcome.attachments) {
          w.begin_object().key("name").value(a.name).key("media_type").value(a.media_type).key("removed").begin_array();
          for (const auto& r : a.removed) w.value(r);
          w.end_array().end_object();
        }
        w.end_array().end_object();
        return Response::json(201, std::move(w).take());
      });

  router.add({.method = "POST",
              .pattern = "/api/public/tips/status",
              .summary = "A tip's progress and conversation, with its receipt code",
              .tag = "tip line (public)",
              .needs_session = false,
              .offload = true,
              .body_content_type = "application/json",
              .max_body_bytes = 4 << 10,
              .request_schema =
                  R"({"type":"object","required":["receipt","challenge","nonce"],"properties":{"receipt":{"type":"string"},"challenge":{"type":"string"},"nonce":{"type":"string"}}})",
              .response_schema = std::string(kViewSchema)},
             [&tips](const Request& req, const service::Principal*) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
               ESCUDO_ASSIGN_OR_RETURN(std::string receipt, body.get_string("receipt"));
               ESCUDO_ASSIGN_OR_RETURN(auto pow, read_pow(body));
               ESCUDO_ASSIGN_OR_RETURN(auto view, tips.tipster_view(receipt, pow));
               JsonWriter w;
               write_view(w, view);
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "POST",
              .pattern = "/api/public/tips/messages",
              .summary = "Add a message (and files) to a tip, with its receipt code",
              .tag = "tip line (public)",
              .needs_session = false,
              .offload = true,
              .body_content_type = "application/json",
              .max_body_bytes = kMaxJsonTipBytes,
              .request_schema =
                  R"({"type":"object","required":["receipt","text","challenge","nonce"],"properties":{"receipt":{"type":"string"},"text":{"type":"string"},"attachments":{"type":"array"},"challenge":{"type":"string"},"nonce":{"type":"string"}}})",
              .response_schema = std::string(kViewSchema),
              .success_status = 201,
              .refuses_fields = true},
             [&tips](const Request& req, const service::Principal*) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
               ESCUDO_ASSIGN_OR_RETURN(std::string receipt, body.get_string("receipt"));
               ESCUDO_ASSIGN_OR_RETURN(std::string text, optional_text(body, "text"));
               ESCUDO_ASSIGN_OR_RETURN(auto attachments, read_attachments(body));
               ESCUDO_ASSIGN_OR_RETURN(auto pow, read_pow(body));
               ESCUDO_ASSIGN_OR_RETURN(auto outcome, tips.follow_up(receipt, text, std::move(attachments), pow));
               if (!outcome.stored) return problems_response(outcome.problems);
               JsonWriter w;
               write_view(w, outcome.view);
               return Response::json(201, std::move(w).take());
             });
}

}  // namespace escudo::api

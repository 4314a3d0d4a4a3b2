// The tip line and the rewards programme over HTTP: the public pages and JSON routes, the desk,
// the committee, and what the server keeps and logs about a tipster (nothing).
#include <fstream>
#include <regex>
#include <sstream>

#include "api/server_test_support.h"
#include "base/log.h"
#include "crypto/proof_of_work.h"
#include "crypto/secret_bytes.h"
#include "media/media_test_util.h"

namespace escudo::api {
namespace {

using namespace escudo::api::testing;

std::string json_string(const std::string& body, const std::string& key) {
  std::string needle = "\"" + key + "\":\"";
  auto pos = body.find(needle);
  if (pos == std::string::npos) return "";
  pos += needle.size();
  return body.substr(pos, body.find('"', pos) - pos);
}

class TipsServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    auto& access = services_->access();
    auto actor = service::Actor::command_line();
    auto handler = access.create_user(actor, {.username = "desk", .display_name = "Desk",
                                              .agency = "SNM", .roles = {model::Role::kTipHandler},
                                              .password = "tip desk password"});
    handler_totp_ = *handler->totp_secret;
    for (const char* name : {"member.a", "member.b"}) {
      ASSERT_TRUE(access.create_user(actor, {.username = name, .display_name = name, .agency = "SNM",
                                             .roles = {model::Role::kRewardsCommittee},
                                             .password = "committee password"}));
    }
    ASSERT_TRUE(services_->tips().init_desk(actor).has_value());
  }

  // A challenge from the server, solved.
  std::pair<std::string, std::string> solved(Client& c, const std::string& purpose) {
    Reply r = c.send("GET", "/api/public/tips/challenge?purpose=" + purpose);
    EXPECT_EQ(r.status, 200) << r.body;
    std::string challenge = json_string(r.body, "challenge");
    return {challenge, crypto::solve_challenge(challenge, 6)};
  }

  std::string pow_json(Client& c, const std::string& purpose) {
    auto [challenge, nonce] = solved(c, purpose);
    return "\"challenge\":\"" + challenge + "\",\"nonce\":\"" + nonce + "\"";
  }

  Session desk_login(Client& c) {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch()).count();
    return login(c, "desk", "tip desk password", crypto::totp_code(handler_totp_, now).value());
  }

  static std::string multipart(const std::vector<std::tuple<std::string, std::string, std::string>>& fields) {
    std::string body;
    for (const auto& [name, filename, data] : fields) {
      body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"";
      if (!filename.empty()) body += "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream";
      body += "\r\n\r\n" + data + "\r\n";
    }
    return body + "--XyZ--\r\n";
  }

  std::string read_files() {
    std::string all;
    for (const auto& entry : fs::directory_iterator(dir_.path())) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      all += s.str();
    }
    return all;
  }

  std::string handler_totp_;
};

TEST_F(TipsServerTest, FullCycleThroughTheApi) {
  Client c(port_);
  std::string photo = crypto::to_base64(media::testing::jpeg_with_metadata());
  Reply sent = c.send("POST", "/api/public/tips",
                      R"({"text":"The network's accountant pays the boatmen on Fridays","who":"Don Chepe",)"
                      R"("language":"es","attachments":[{"name":"IMG_2231.jpg","data":")" + photo + R"("}],)" +
                          pow_json(c, "submit") + "}",
                      {{"Content-Type", "application/json"}});
  ASSERT_EQ(sent.status, 201) << sent.body;
  std::string receipt = json_string(sent.body, "receipt");
  ASSERT_TRUE(std::regex_match(receipt, std::regex(R"(\d{4}( \d{4}){4})"))) << receipt;
  EXPECT_NE(sent.body.find(R"("removed":["thumbnail","EXIF","XMP","IPTC","comment","data after the image"])"),
            std::string::npos) << sent.body;

  Session desk = desk_login(c);
  Reply inbox = c.send("GET", "/api/tips?status=new", "", {{"Cookie", desk.cookie}});
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  EXPECT_NE(inbox.body.find(R"("total":1)"), std::string::npos);
  EXPECT_NE(inbox.body.find(R"("desk_unlocked":true)"), std::string::npos);
  EXPECT_EQ(inbox.body.find("accountant"), std::string::npos);  // the inbox shows no content
  Reply tip = c.send("GET", "/api/tips/1", "", {{"Cookie", desk.cookie}});
  ASSERT_EQ(tip.status, 200) << tip.body;
  EXPECT_NE(tip.body.find("pays the boatmen on Fridays"), std::string::npos);
  EXPECT_NE(tip.body.find(R"("who":"Don Chepe")"), std::string::npos);
  Reply attachment = c.send("GET", "/api/tips/1/attachments/1", "", {{"Cookie", desk.cookie}});
  ASSERT_EQ(attachment.status, 200);
  EXPECT_EQ(attachment.header("content-type"), "image/jpeg");
  EXPECT_EQ(attachment.body.find(media::testing::kGpsMarker), std::string::npos);
  EXPECT_NE(attachment.header("content-disposition").find("attachment"), std::string::npos);

  auto json_headers = [&](const Session& s) {
    return std::vector<std::pair<std::string, std::string>>{
        {"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
  };
  Reply patched = c.send("PATCH", "/api/tips/1", R"({"status":"actionable","assign_to":"desk","add_tags":["finances"]})",
                         json_headers(desk));
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_NE(patched.body.find(R"("tags":["finances"])"), std::string::npos);
  EXPECT_EQ(c.send("POST", "/api/tips/1/replies", R"({"text":"Which bank does he use?"})", json_headers(desk)).status, 201);

  Reply status = c.send("POST", "/api/public/tips/status",
                        "{\"receipt\":\"" + receipt + "\"," + pow_json(c, "status") + "}",
                        {{"Content-Type", "application/json"}});
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_NE(status.body.find("Which bank does he use?"), std::string::npos);
  EXPECT_NE(status.body.find(R"("progress":"in_progress")"), std::string::npos);
  Reply more = c.send("POST", "/api/public/tips/messages",
                      "{\"receipt\":\"" + receipt + "\",\"text\":\"Banco del Istmo, account ending 4410\"," +
                          pow_json(c, "status") + "}",
                      {{"Content-Type", "application/json"}});
  ASSERT_EQ(more.status, 201) << more.body;

  ASSERT_TRUE(services_->pool().acquire()->execute(
      "INSERT INTO entity_records (record_id, entity_id, probability, updated_at) VALUES ('registration:9', 31, 1, 0)").has_value());
  EXPECT_EQ(c.send("PUT", "/api/tips/1/entities/31", "", {{"Cookie", desk.cookie}, {"X-CSRF-Token", desk.csrf}}).status, 204);
  // An analyst's case, with the asset seizure the tip led to.
  Client other(port_);
  Session ana = login(other, "ana", "analyst password");
  ASSERT_EQ(other.send("POST", "/api/cases", R"({"title":"Cuentas del Istmo","agency":"DIJIN","country":"COL"})",
                       json_headers(ana)).status, 201);
  std::int64_t case_id = scalar("SELECT MAX(id) FROM cases");
  ASSERT_EQ(other.send("POST", "/api/intel/entities", R"({"kind":"person","label":"Don Chepe"})", json_headers(ana)).status, 201);
  std::int64_t account = scalar("SELECT MAX(id) FROM intel_entities");
  Reply seizure = other.send("POST", fmt::format("/api/cases/{}/events", case_id),
                             fmt::format(R"({{"entity_id":{},"kind":"asset_seizure","date":"2025-03-01","agency":"DIJIN","country":"COL"}})", account),
                             json_headers(ana));
  ASSERT_EQ(seizure.status, 201) << seizure.body;
  std::int64_t event_id = scalar("SELECT MAX(id) FROM case_events");
  auto nominate = [&](std::int64_t event) {
    return c.send("POST", "/api/rewards/nominations",
                  fmt::format(R"({{"tip_id":1,"tier":"finances","outcome_kind":"asset_seizure",)"
                              R"("case_event_id":{},"outcome_reference":"Seizure 2025-77","amount":"750,000",)"
                              R"("justification":"The accounts named were frozen"}})", event),
                  json_headers(desk));
  };
  // A reward rests on an outcome of a case that holds the tip.
  Reply unlinked = nominate(event_id);
  EXPECT_EQ(unlinked.status, 400);
  EXPECT_NE(unlinked.body.find("does not hold tip 1"), std::string::npos) << unlinked.body;
  EXPECT_EQ(c.send("PUT", "/api/tips/1/cases/999", "", {{"Cookie", desk.cookie}, {"X-CSRF-Token", desk.csrf}}).status, 400);
  EXPECT_EQ(c.send("PUT", fmt::format("/api/tips/1/cases/{}", case_id), "", {{"Cookie", desk.cookie}, {"X-CSRF-Token", desk.csrf}}).status, 204);
  tip = c.send("GET", "/api/tips/1", "", {{"Cookie", desk.cookie}});
  EXPECT_NE(tip.body.find(fmt::format(R"("entity_ids":[31],"case_ids":[{}])", case_id)), std::string::npos) << tip.body;
  EXPECT_NE(tip.body.find("account ending 4410"), std::string::npos);
  // The case shows the tip the desk linked.
  Reply case_view = other.send("GET", fmt::format("/api/cases/{}", case_id), "", {{"Cookie", ana.cookie}});
  EXPECT_NE(case_view.body.find(R"("kind":"tip","id":1)"), std::string::npos) << case_view.body;

  // An extract for the analyst.
  Reply forwarded = c.send("POST", "/api/tips/1/extracts",
                           R"({"recipient":"ana","text":"Payments to boatmen through Banco del Istmo"})",
                           json_headers(desk));
  ASSERT_EQ(forwarded.status, 201) << forwarded.body;
  Reply extracts = other.send("GET", "/api/tips/extracts", "", {{"Cookie", ana.cookie}});
  ASSERT_EQ(extracts.status, 200) << extracts.body;
  EXPECT_NE(extracts.body.find("Payments to boatmen through Banco del Istmo"), std::string::npos);

  // The reward.
  Reply nominated = nominate(event_id);
  ASSERT_EQ(nominated.status, 201) << nominated.body;
  EXPECT_NE(nominated.body.find(R"("outcome_on":"2025-03-01")"), std::string::npos) << nominated.body;
  EXPECT_NE(nominated.body.find(R"("amount":"$750,000.00")"), std::string::npos);
  Client ca(port_), cb(port_);
  Session a = login(ca, "member.a", "committee password");
  Session b = login(cb, "member.b", "committee password");
  auto post = [&](Client& cl, const Session& s, const std::string& path, const std::string& body) {
    return cl.send("POST", path, body, json_headers(s));
  };
  EXPECT_EQ(post(ca, a, "/api/rewards/nominations/1/reviews", R"({"decision":"approve"})").status, 200);
  Reply twice = post(ca, a, "/api/rewards/nominations/1/reviews", R"({"decision":"approve"})");
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("already_reviewed"), std::string::npos);
  Reply approved = post(cb, b, "/api/rewards/nominations/1/reviews", R"({"decision":"approve"})");
  EXPECT_NE(approved.body.find(R"("status":"approved")"), std::string::npos) << approved.body;
  Reply over = post(ca, a, "/api/rewards/nominations/1/payment",
                    R"({"amount":"1000000.01","paid_on":"2025-04-01","reference":"T-9"})");
  EXPECT_EQ(over.status, 400);
  Reply paid = post(ca, a, "/api/rewards/nominations/1/payment",
                    R"({"amount":"750000","paid_on":"2025-04-01","reference":"Transfer T-9"})");
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_NE(paid.body.find(R"("status":"paid")"), std::string::npos);
  Reply report = ca.send("GET", "/api/rewards/report", "", {{"Cookie", a.cookie}});
  EXPECT_NE(report.body.find(R"({"tier":"finances","status":"paid","count":1,"proposed_usd_cents":75000000,"paid_usd_cents":75000000})"),
            std::string::npos) << report.body;
}

TEST_F(TipsServerTest, DeskRoutesNeedTheTipDeskRole) {
  Client c(port_);
  Session ana = login(c, "ana", "analyst password");
  EXPECT_EQ(c.send("GET", "/api/tips", "", {{"Cookie", ana.cookie}}).status, 403);
  EXPECT_EQ(c.send("GET", "/api/tips/1", "", {{"Cookie", ana.cookie}}).status, 403);
  EXPECT_EQ(c.send("GET", "/api/tips/statistics", "", {{"Cookie", ana.cookie}}).status, 403);
  EXPECT_EQ(c.send("GET", "/api/rewards/nominations", "", {{"Cookie", ana.cookie}}).status, 403);
  EXPECT_EQ(c.send("GET", "/api/tips").status, 401);
}

TEST_F(TipsServerTest, WrongReceiptsAreThrottled) {
  Client c(port_);
  for (int i = 0; i < 5; ++i) {
    Reply r = c.send("POST", "/api/public/tips/status",
                     "{\"receipt\":\"1234 5678 0000 0000 000" + std::to_string(i) + "\"," + pow_json(c, "status") + "}",
                     {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 401) << r.body;
    EXPECT_NE(r.body.find("receipt_wrong"), std::string::npos);
  }
  Reply throttled = c.send("POST", "/api/public/tips/status",
                           "{\"receipt\":\"1234 5678 0000 0000 0009\"," + pow_json(c, "status") + "}",
                           {{"Content-Type", "application/json"}});
  EXPECT_EQ(throttled.status, 429);
  EXPECT_NE(throttled.body.find("receipt_throttled"), std::string::npos);
  // Without a proof of work nothing is even looked up.
  Reply no_pow = c.send("POST", "/api/public/tips/status", R"({"receipt":"1234 5678 0000 0000 0009","challenge":"x","nonce":"1"})",
                        {{"Content-Type", "application/json"}});
  EXPECT_EQ(no_pow.status, 400);
  Reply bad = c.send("POST", "/api/public/tips", "{" + pow_json(c, "submit") + ",\"text\":\"\"}",
                     {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find(R"("field":"text")"), std::string::npos);
}

TEST_F(TipsServerTest, PublicPagesAreSmallSelfContainedAndTranslated) {
  Client c(port_);
  Reply page = c.send("GET", "/tip?lang=en");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(page.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(page.header("cache-control"), "no-store");
  EXPECT_LT(page.body.size(), 8000u);
  EXPECT_EQ(page.body.find("http://"), std::string::npos);
  EXPECT_EQ(page.body.find("https://"), std::string::npos);
  EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(page.body.find("What do you know?"), std::string::npos);
  EXPECT_NE(c.send("GET", "/tip?lang=fr").body.find("Que savez-vous ?"), std::string::npos);
  EXPECT_NE(c.send("GET", "/tip?lang=ht").body.find("Kisa ou konnen?"), std::string::npos);
  EXPECT_NE(c.send("GET", "/tip", "", {{"Accept-Language", "es-CO,es;q=0.9"}}).body.find("¿Qué sabe?"),
            std::string::npos);
  Reply script = c.send("GET", "/tip/pow.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_LT(script.body.size() + c.send("GET", "/tip/tip.css").body.size(), 12000u);

  // The form without JavaScript's help: the test solves the proof of work itself.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("name=\"challenge\" value=\"([^\"]+)\"")));
  std::string challenge = m[1];
  std::string body = multipart({{"lang", "", "en"}, {"challenge", "", challenge},
                                {"nonce", "", crypto::solve_challenge(challenge, 6)},
                                {"text", "", "Form marker: they hide people in the banana trucks"},
                                {"where", "", "Turbo"},
                                {"attachments", "photo.jpg", media::testing::jpeg_with_metadata()}});
  Reply sent = c.send("POST", "/tip?lang=en", body, {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
  ASSERT_EQ(sent.status, 200) << sent.body;
  ASSERT_TRUE(std::regex_search(sent.body, m, std::regex(R"(id="receipt">(\d{4}( \d{4}){4})<)")));
  std::string receipt = m[1];
  EXPECT_NE(sent.body.find("EXIF"), std::string::npos);  // says what was removed

  // A form with a problem comes back with the text kept and the error linked to the field.
  Reply again = c.send("GET", "/tip?lang=en");
  ASSERT_TRUE(std::regex_search(again.body, m, std::regex("name=\"challenge\" value=\"([^\"]+)\"")));
  challenge = m[1];
  Reply refused = c.send("POST", "/tip", multipart({{"lang", "", "en"}, {"challenge", "", challenge},
                                                   {"nonce", "", crypto::solve_challenge(challenge, 6)},
                                                   {"text", "", ""}, {"who", "", "kept <value>"}}),
                         {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("<a href=\"#text\">Write what you know</a>"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"kept &lt;value&gt;\""), std::string::npos);

  // Back with the receipt: the conversation page.
  Reply status_page = c.send("GET", "/tip/status?lang=en");
  ASSERT_TRUE(std::regex_search(status_page.body, m, std::regex("name=\"challenge\" value=\"([^\"]+)\"")));
  challenge = m[1];
  Reply conversation = c.send("POST", "/tip/status", multipart({{"lang", "", "en"}, {"challenge", "", challenge},
                                                               {"nonce", "", crypto::solve_challenge(challenge, 6)},
                                                               {"receipt", "", receipt}}),
                              {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
  ASSERT_EQ(conversation.status, 200) << conversation.body;
  EXPECT_NE(conversation.body.find("Received, not yet reviewed"), std::string::npos);
}

TEST_F(TipsServerTest, NothingOfTheTipsterIsLoggedOrStored) {
  std::vector<std::string> lines;
  std::string receipt;
  {
    log::ScopedCapture capture(&lines);
    Client c(port_);
    std::vector<std::pair<std::string, std::string>> browser = {
        {"Content-Type", "application/json"},
        {"User-Agent", "Mozilla/5.0 (Linux; Android 9; TECNO-KB7) UNIQUE-AGENT-7731"},
        {"X-Forwarded-For", "203.0.113.77"},
        {"Accept-Language", "ht-HT"}};
    Reply sent = c.send("POST", "/api/public/tips",
                        R"({"text":"LOG-MARKER-6612 the coyote is called Pelao",)" + pow_json(c, "submit") + "}",
                        browser);
    ASSERT_EQ(sent.status, 201) << sent.body;
    receipt = json_string(sent.body, "receipt");
    Reply wrong = c.send("POST", "/api/public/tips/status",
                         "{\"receipt\":\"0000 0000 1111 2222 3333\"," + pow_json(c, "status") + "}", browser);
    EXPECT_EQ(wrong.status, 401);
    Reply right = c.send("POST", "/api/public/tips/status",
                         "{\"receipt\":\"" + receipt + "\"," + pow_json(c, "status") + "}", browser);
    EXPECT_EQ(right.status, 200);
    Session desk = desk_login(c);
    EXPECT_EQ(c.send("GET", "/api/tips/1", "", {{"Cookie", desk.cookie}}).status, 200);
  }
  std::string all_logs;
  for (const auto& l : lines) all_logs += l + "\n";
  std::string files = read_files();
  for (std::string_view secret : {"127.0.0.1", "203.0.113.77", "UNIQUE-AGENT", "TECNO", "LOG-MARKER",
                                  "Pelao", "ht-HT"}) {
    EXPECT_EQ(all_logs.find(secret), std::string::npos) << secret << " in logs:\n" << all_logs;
    EXPECT_EQ(files.find(secret), std::string::npos) << secret << " in the database files";
  }
  std::string digits;
  for (char ch : receipt) if (ch != ' ') digits += ch;
  EXPECT_EQ(all_logs.find(digits.substr(8)), std::string::npos);
  EXPECT_EQ(files.find(digits.substr(8)), std::string::npos);
}

}  // namespace
}  // namespace escudo::api

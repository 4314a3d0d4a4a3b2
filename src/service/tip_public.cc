// The public side of the tip line: challenges, submission, the tipster's return visits.
#include "base/civil_date.h"
#include "base/json.h"
#include "crypto/crypto.h"
#include "crypto/proof_of_work.h"
#include "crypto/receipt.h"
#include "media/attachment.h"
#include "service/tip_service.h"
#include "store/key_repo.h"

namespace escudo::service {

struct TipService::Verified {
  store::TipRecord tip;
  crypto::ReceiptKeys keys;
};

namespace {

constexpr int kLocatorAttempts = 8;

std::string seal_b64(std::string_view public_key, std::string_view plaintext) {
  // The key was read from the store and checked by its size when decoded: sealing cannot fail.
  return crypto::to_base64(crypto::seal(public_key, plaintext).value_or(""));
}

Result<std::string> decode(std::string_view b64) {
  std::string out;
  if (!crypto::from_base64(b64, &out)) return make_error(ErrorCode::kDataLoss, "a stored value is not valid base64");
  return out;
}

std::string_view progress_of(std::string_view status) {
  if (status == "new") return "received";
  if (status == "closed") return "closed";
  return "in_progress";
}

std::unexpected<Error> wrong_receipt() {
  return make_error(ErrorCode::kUnauthenticated,
                    "this receipt code does not match a tip; check the 20 digits and try again",
                    "receipt_wrong");
}

}  // namespace

bool TipService::take(std::int64_t& window_start, std::int64_t& count, std::int64_t limit) {
  std::lock_guard lock(mu_);
  std::int64_t now = clock_.now_unix_seconds();
  if (now - window_start >= 3600) {
    window_start = now;
    count = 0;
  }
  if (count >= limit) return false;
  ++count;
  return true;
}

Result<std::string> TipService::pow_key(store::Database& db) {
  {
    std::lock_guard lock(mu_);
    if (!pow_key_.empty()) return pow_key_;
  }
  store::TipRepo tips(db);
  ESCUDO_ASSIGN_OR_RETURN(auto stored, tips.setting("pow_key"));
  std::string key;
  if (stored && crypto::from_base64(*stored, &key) && key.size() == 32) {
    // Another server process made it.
  } else {
    key = crypto::random_bytes(32);
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(db));
    ESCUDO_ASSIGN_OR_RETURN(auto again, tips.setting("pow_key"));
    if (again && crypto::from_base64(*again, &key) && key.size() == 32) {
      // made meanwhile
    } else {
      ESCUDO_TRY(tips.set_setting("pow_key", crypto::to_base64(key)));
    }
    ESCUDO_TRY(tx.commit());
  }
  std::lock_guard lock(mu_);
  pow_key_ = key;
  return key;
}

Result<Challenge> TipService::challenge(std::string_view purpose) {
  if (purpose != "submit" && purpose != "status") {
    return make_error(ErrorCode::kInvalidArgument, "'purpose' must be submit or status");
  }
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(std::string key, pow_key(*db));
  Challenge c;
  c.difficulty = policy_.pow_difficulty;
  c.expires_at = clock_.now_unix_seconds() + policy_.challenge_seconds;
  c.challenge = crypto::issue_challenge(key, purpose, c.difficulty, c.expires_at);
  return c;
}

Status TipService::spend(store::Database& db, const ProofOfWork& pow, std::string_view purpose) {
  ESCUDO_ASSIGN_OR_RETURN(std::string key, pow_key(db));
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_TRY(crypto::check_solution(key, pow.challenge, pow.nonce, purpose, policy_.pow_difficulty, now));
  auto spent = store::TipRepo(db).spend_challenge(crypto::sha256_hex(pow.challenge),
                                                  crypto::challenge_expiry(pow.challenge), now);
  if (!spent && spent.error().code() == ErrorCode::kAlreadyExists) {
    return make_error(ErrorCode::kInvalidArgument,
                      "this form was already sent once; reload the page to send again",
                      "pow_invalid");
  }
  return spent;
}

Result<std::vector<model::FieldProblem>> TipService::seal_attachments(
    std::vector<AttachmentUpload>& uploads, std::string_view desk_public_key,
    std::vector<std::pair<std::string, std::string>>* sealed,
    std::vector<AttachmentReport>* reports) {
  std::vector<model::FieldProblem> problems;
  if (uploads.size() > model::kMaxTipAttachments) {
    problems.push_back({"attachments", "too_many",
                        fmt::format("attach at most {} files", model::kMaxTipAttachments)});
    return problems;
  }
  std::size_t total = 0;
  for (const auto& u : uploads) total += u.data.size();
  if (total > model::kMaxTipAttachmentsBytes) {
    problems.push_back({"attachments", "too_large",
                        fmt::format("the attached files together may not exceed {} MB",
                                    model::kMaxTipAttachmentsBytes >> 20)});
    return problems;
  }
  for (std::size_t i = 0; i < uploads.size(); ++i) {
    auto clean = media::clean_attachment(uploads[i].name, uploads[i].data);
    if (!clean) {
      problems.push_back({fmt::format("attachments[{}]", i), "bad_file", clean.error().message()});
      continue;
    }
    if (desk_public_key.empty()) continue;
    JsonWriter meta;
    meta.begin_object()
        .key("name").value(clean->name)
        .key("media_type").value(clean->media_type)
        .key("size").value(static_cast<std::int64_t>(clean->data.size()))
        .key("removed").begin_array();
    for (const auto& r : clean->removed) meta.value(r);
    meta.end_array().end_object();
    sealed->emplace_back(seal_b64(desk_public_key, meta.str()), seal_b64(desk_public_key, clean->data));
    reports->push_back({clean->name, clean->media_type, clean->removed});
    std::fill(uploads[i].data.begin(), uploads[i].data.end(), '\0');
  }
  return problems;
}

Result<SubmitOutcome> TipService::submit(TipSubmission submission) {
  SubmitOutcome out;
  out.problems = model::validate_tip(submission.content);
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto desk_key, store::KeyRepo(*db).current_desk_key());
  if (!desk_key) {
    return make_error(ErrorCode::kUnavailable,
                      "the tip line is not open yet; please try again later", "desk_not_set_up");
  }
  ESCUDO_ASSIGN_OR_RETURN(std::string desk_public, decode(desk_key->public_key));
  std::vector<std::pair<std::string, std::string>> sealed_attachments;
  ESCUDO_ASSIGN_OR_RETURN(auto attachment_problems,
                          seal_attachments(submission.attachments,
                                           out.problems.empty() ? std::string_view(desk_public) : "",
                                           &sealed_attachments, &out.attachments));
  for (auto& p : attachment_problems) out.problems.push_back(std::move(p));
  if (!out.problems.empty()) {
    out.attachments.clear();
    return out;
  }
  if (!take(submit_window_, submit_count_, policy_.max_submissions_per_hour)) {
    return make_error(ErrorCode::kResourceExhausted,
                      "the tip line is receiving too many tips right now; please try again in an "
                      "hour",
                      "rate_limited");
  }
  ESCUDO_TRY(spend(*db, submission.pow, "submit"));

  std::string body = model::tip_content_to_json(submission.content);
  std::string sealed_body = seal_b64(desk_public, body);
  std::fill(body.begin(), body.end(), '\0');
  std::int64_t now = clock_.now_unix_seconds();
  CivilDate today = civil_date_from_unix_seconds(now);
  std::int64_t start_of_day = now - (now % 86400);

  for (int attempt = 0; attempt < kLocatorAttempts; ++attempt) {
    crypto::ReceiptCode code = crypto::new_receipt_code();
    std::string salt = crypto::random_bytes(crypto::kSaltBytes);
    ESCUDO_ASSIGN_OR_RETURN(crypto::ReceiptKeys keys,
                            crypto::derive_receipt_keys(code.secret, salt, policy_.receipt_cost));
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
    store::TipRepo tips(*db);
    auto id = tips.insert({.locator = code.locator,
                           .receipt_salt = crypto::to_base64(salt),
                           .receipt_verifier = keys.verifier,
                           .receipt_ops = static_cast<std::int64_t>(policy_.receipt_cost.ops),
                           .receipt_memory = static_cast<std::int64_t>(policy_.receipt_cost.memory_bytes),
                           .tipster_public_key = crypto::to_base64(keys.tipster.public_key),
                           .desk_key_id = desk_key->id,
                           .sealed_body = sealed_body,
                           .received_on = today.to_string(),
                           .updated_at = start_of_day,
                           .attachment_count = static_cast<std::int64_t>(sealed_attachments.size())});
    if (!id) {
      if (id.error().code() == ErrorCode::kAlreadyExists) continue;  // locator taken: draw again
      return std::unexpected(id.error());
    }
    for (const auto& [meta, data] : sealed_attachments) {
      ESCUDO_TRY(tips.insert_attachment(*id, std::nullopt, desk_key->id, meta, data));
    }
    ESCUDO_TRY(tx.commit());
    out.stored = true;
    out.receipt = code.formatted();
    return out;
  }
  return make_error(ErrorCode::kUnavailable, "no free receipt code could be drawn; send again");
}

Result<TipService::Verified> TipService::verify_receipt(store::Database& db,
                                                        std::string_view receipt) {
  ESCUDO_ASSIGN_OR_RETURN(crypto::ReceiptCode code, crypto::parse_receipt_code(receipt));
  store::TipRepo tips(db);
  std::int64_t now = clock_.now_unix_seconds();
  std::int64_t since = now - policy_.receipt_window_seconds;
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t for_tip, tips.receipt_failures_for(code.locator, since));
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t overall, tips.receipt_failures_since(since));
  if (for_tip >= policy_.max_receipt_failures_per_tip ||
      overall >= policy_.max_receipt_failures_overall) {
    return make_error(ErrorCode::kResourceExhausted,
                      fmt::format("too many wrong receipt codes were tried; wait {} minutes and "
                                  "try again",
                                  policy_.receipt_window_seconds / 60),
                      "receipt_throttled");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto found, tips.find_by_locator(code.locator));
  std::string salt;
  crypto::PasswordCost cost = policy_.receipt_cost;
  if (found) {
    ESCUDO_ASSIGN_OR_RETURN(salt, decode(found->receipt_salt));
    cost = {static_cast<std::uint64_t>(found->receipt_ops),
            static_cast<std::size_t>(found->receipt_memory)};
  } else {
    salt = std::string(crypto::kSaltBytes, '\x5A');  // the same work for a locator that is not there
  }
  ESCUDO_ASSIGN_OR_RETURN(crypto::ReceiptKeys keys, crypto::derive_receipt_keys(code.secret, salt, cost));
  if (!found || !crypto::constant_time_equal(keys.verifier, found->receipt_verifier)) {
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(db));
    ESCUDO_TRY(tips.prune_receipt_failures(since));
    ESCUDO_TRY(tips.record_receipt_failure(code.locator, now));
    ESCUDO_TRY(tx.commit());
    return wrong_receipt();
  }
  return Verified{std::move(*found), std::move(keys)};
}

Result<TipsterView> TipService::tipster_view(std::string_view receipt, const ProofOfWork& pow) {
  if (!take(check_window_, check_count_, policy_.max_receipt_checks_per_hour)) {
    return make_error(ErrorCode::kResourceExhausted,
                      "too many visits right now; please try again in an hour", "rate_limited");
  }
  auto db = pool_.acquire();
  ESCUDO_TRY(crypto::parse_receipt_code(receipt));
  ESCUDO_TRY(spend(*db, pow, "status"));
  ESCUDO_ASSIGN_OR_RETURN(Verified v, verify_receipt(*db, receipt));
  TipsterView view;
  view.received_on = v.tip.received_on;
  view.progress = std::string(progress_of(v.tip.status));
  ESCUDO_ASSIGN_OR_RETURN(auto messages, store::TipRepo(*db).messages_of(v.tip.id));
  for (const auto& m : messages) {
    ESCUDO_ASSIGN_OR_RETURN(std::string sealed, decode(m.sealed_for_tipster));
    ESCUDO_ASSIGN_OR_RETURN(std::string text, crypto::open_sealed(v.keys.tipster, sealed));
    view.messages.push_back({m.author, m.on_day, std::move(text)});
  }
  return view;
}

Result<FollowUpOutcome> TipService::follow_up(std::string_view receipt, std::string_view text,
                                              std::vector<AttachmentUpload> attachments,
                                              const ProofOfWork& pow) {
  FollowUpOutcome out;
  out.problems = model::validate_tip_message("message", text);
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto desk_key, store::KeyRepo(*db).current_desk_key());
  if (!desk_key) return make_error(ErrorCode::kUnavailable, "the tip line is not open yet", "desk_not_set_up");
  ESCUDO_ASSIGN_OR_RETURN(std::string desk_public, decode(desk_key->public_key));
  std::vector<std::pair<std::string, std::string>> sealed_attachments;
  std::vector<AttachmentReport> reports;
  ESCUDO_ASSIGN_OR_RETURN(auto attachment_problems,
                          seal_attachments(attachments, out.problems.empty() ? std::string_view(desk_public) : "",
                                           &sealed_attachments, &reports));
  for (auto& p : attachment_problems) out.problems.push_back(std::move(p));
  if (!out.problems.empty()) return out;
  if (!take(check_window_, check_count_, policy_.max_receipt_checks_per_hour)) {
    return make_error(ErrorCode::kResourceExhausted,
                      "too many visits right now; please try again in an hour", "rate_limited");
  }
  ESCUDO_TRY(crypto::parse_receipt_code(receipt));
  ESCUDO_TRY(spend(*db, pow, "status"));
  ESCUDO_ASSIGN_OR_RETURN(Verified v, verify_receipt(*db, receipt));
  std::int64_t now = clock_.now_unix_seconds();
  std::string day = civil_date_from_unix_seconds(now).to_string();
  {
    ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
    store::TipRepo tips(*db);
    ESCUDO_ASSIGN_OR_RETURN(
        std::int64_t message_id,
        tips.insert_message(v.tip.id, "tipster", std::nullopt, day, desk_key->id,
                            seal_b64(desk_public, text), seal_b64(v.keys.tipster.public_key, text)));
    for (const auto& [meta, data] : sealed_attachments) {
      ESCUDO_TRY(tips.insert_attachment(v.tip.id, message_id, desk_key->id, meta, data));
    }
    if (!sealed_attachments.empty()) {
      ESCUDO_TRY(tips.add_attachments(v.tip.id, static_cast<std::int64_t>(sealed_attachments.size())));
    }
    ESCUDO_TRY(tips.set_unread(v.tip.id, true, now - (now % 86400)));
    ESCUDO_TRY(tx.commit());
  }
  out.stored = true;
  out.view.received_on = v.tip.received_on;
  out.view.progress = std::string(progress_of(v.tip.status));
  ESCUDO_ASSIGN_OR_RETURN(auto messages, store::TipRepo(*db).messages_of(v.tip.id));
  for (const auto& m : messages) {
    ESCUDO_ASSIGN_OR_RETURN(std::string sealed, decode(m.sealed_for_tipster));
    ESCUDO_ASSIGN_OR_RETURN(std::string plain, crypto::open_sealed(v.keys.tipster, sealed));
    out.view.messages.push_back({m.author, m.on_day, std::move(plain)});
  }
  return out;
}

}  // namespace escudo::service

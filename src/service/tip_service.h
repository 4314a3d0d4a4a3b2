// The tip line: the public side (submit a tip, come back with the receipt, read answers, add
// to it) and the tip desk (inbox, triage, answers, links, extracts), plus the desk's keys
// (set-up, grants, rotation).
//
// Every tip, attachment, note and message is sealed to the desk's public key before it reaches
// the store; only a handler whose session unlocked the desk key (service/keyring.h) reads them.
// The public calls take no address and no browser details, keep none, log none, and write no
// audit entry (whose exact times could be matched against network records); desk calls are
// audited in the same transaction as the change.
//
//   auto challenge = tips.challenge("submit");          // the form carries it
//   auto outcome = tips.submit({.content = {...}, .pow = {challenge, nonce}});
//   outcome->receipt   // "4821 0937 5512 6604 1298": shown once, never stored
//   auto view = tips.tipster_view(receipt, pow);         // answers from the desk
//
// Thread-safe: each call takes its own connection from the pool.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "crypto/password.h"
#include "model/tip.h"
#include "service/keyring.h"
#include "service/principal.h"
#include "service/resolve_service.h"
#include "store/pool.h"
#include "store/tip_repo.h"

namespace escudo::service {

struct TipPolicy {
  // Argon2id cost of checking a receipt code (the deliberate slow hash).
  crypto::PasswordCost receipt_cost = crypto::PasswordCost::interactive();
  // Leading zero bits the proof of work needs: about 2^16 SHA-256 hashes, under a second in a
  // cheap phone's browser.
  int pow_difficulty = 16;
  std::int64_t challenge_seconds = 2 * 60 * 60;  // a long tip takes a while to write
  // Receipt guessing: at most this many wrong codes per tip, and over all tips, per window.
  std::int64_t receipt_window_seconds = 60 * 60;
  std::int64_t max_receipt_failures_per_tip = 5;
  std::int64_t max_receipt_failures_overall = 1000;
  // Public requests over all clients, per hour (no address is kept, so the limits are global).
  std::int64_t max_submissions_per_hour = 600;
  std::int64_t max_receipt_checks_per_hour = 6000;
};

struct ProofOfWork {
  std::string challenge;
  std::string nonce;
};

struct AttachmentUpload {
  std::string name;
  std::string data;
};

struct TipSubmission {
  model::TipContent content;
  std::vector<AttachmentUpload> attachments;
  ProofOfWork pow;
};

struct AttachmentReport {
  std::string name;
  std::string media_type;
  std::vector<std::string> removed;  // what was taken out before storing ("EXIF", …)
};

struct SubmitOutcome {
  bool stored = false;                        // false: see problems; nothing was stored
  std::vector<model::FieldProblem> problems;
  std::string receipt;                        // "dddd dddd dddd dddd dddd", shown once
  std::vector<AttachmentReport> attachments;
};

struct TipsterMessage {
  std::string author;  // "tipster" or "desk"
  std::string on_day;
  std::string text;
};

// What a tipster sees with their receipt.
struct TipsterView {
  std::string received_on;
  std::string progress;  // "received", "in_progress" or "closed" (never the desk's own states)
  std::vector<TipsterMessage> messages;
};

struct FollowUpOutcome {
  bool stored = false;
  std::vector<model::FieldProblem> problems;
  TipsterView view;
};

struct Challenge {
  std::string challenge;
  int difficulty = 0;
  std::int64_t expires_at = 0;
};

struct TipAttachmentInfo {
  std::int64_t id = 0;
  std::optional<std::int64_t> message_id;
  std::string name;
  std::string media_type;
  std::int64_t size = 0;
  std::vector<std::string> removed;
};

struct TipMessageView {
  std::int64_t id = 0;
  std::string author;
  std::string username;  // the handler, for desk messages
  std::string on_day;
  std::string text;
};

struct TipNoteView {
  std::int64_t id = 0;
  std::string username;
  std::int64_t at = 0;
  std::string text;
};

struct TipDetail {
  store::TipSummary summary;
  model::TipContent content;
  std::vector<TipAttachmentInfo> attachments;
  std::vector<TipMessageView> messages;
  std::vector<TipNoteView> notes;
  std::vector<std::int64_t> entity_ids;
  std::vector<std::int64_t> case_ids;
};

struct AttachmentContent {
  TipAttachmentInfo info;
  std::string data;
};

// Changes to a tip's handling; unset members stay as they are.
struct TipUpdate {
  std::optional<model::TipStatus> status;
  std::optional<std::string> assign_to;          // a user name; "" clears the assignment
  std::optional<std::int64_t> duplicate_of;      // a tip id; 0 clears it
  std::vector<std::string> add_tags;
  std::vector<std::string> remove_tags;
};

struct ExtractView {
  std::int64_t id = 0;
  std::int64_t tip_id = 0;
  std::string from;
  std::int64_t created_at = 0;
  std::string text;
};

struct DeskSetupReport {
  std::int64_t desk_key_id = 0;
  std::vector<std::string> granted;  // handlers who can open the desk now
  std::vector<std::string> waiting;  // handlers without a key pair yet (never signed in)
};

struct RotationReport {
  std::int64_t old_key_id = 0;
  std::int64_t new_key_id = 0;
  std::int64_t tips = 0;
  std::int64_t attachments = 0;
  std::int64_t messages = 0;
  std::int64_t notes = 0;
  std::vector<std::string> granted;
};

struct NamedPerson {
  std::string record_id;  // tip:<id>:<n>
  std::int64_t entity_id = 0;
};

class TipService {
 public:
  TipService(store::DatabasePool& pool, const Clock& clock, Keyring& keyring, ResolveService& resolve,
             TipPolicy policy = {})
      : pool_(pool), clock_(clock), keyring_(keyring), resolve_(resolve), policy_(policy) {}

  const TipPolicy& policy() const { return policy_; }

  // ---- The public side (no principal). ----

  // A signed proof-of-work challenge for `purpose` ("submit" or "status"). kInvalidArgument
  // for another purpose.
  Result<Challenge> challenge(std::string_view purpose);

  // Checks every field and attachment first (problems come back in the outcome, nothing is
  // spent), then the proof of work, then seals and stores the tip. kInvalidArgument /
  // kFailedPrecondition (reason pow_invalid / pow_expired) for the proof of work;
  // kResourceExhausted past the hourly limit; kUnavailable before the desk has a key.
  // CPU-heavy (the receipt's Argon2id).
  Result<SubmitOutcome> submit(TipSubmission submission);

  // The tip's progress and conversation. kUnauthenticated (reason "receipt_wrong") when the
  // code matches no tip, with the same message and work whether the locator exists or not;
  // kResourceExhausted (reason "receipt_throttled") while too many wrong codes were tried for
  // this locator or overall; kInvalidArgument for a malformed code or proof of work.
  Result<TipsterView> tipster_view(std::string_view receipt, const ProofOfWork& pow);

  // Adds a message (and attachments) to the tip; same errors as tipster_view.
  Result<FollowUpOutcome> follow_up(std::string_view receipt, std::string_view text,
                                    std::vector<AttachmentUpload> attachments,
                                    const ProofOfWork& pow);

  // ---- The desk (tips.read to read, tips.manage to change; all audited). ----

  Result<store::InboxPage> inbox(const Principal& principal, const store::InboxFilter& filter);
  // Opens the tip with the session's desk key; marks the tipster's messages read.
  Result<TipDetail> open(const Principal& principal, std::int64_t tip_id);
  Result<AttachmentContent> attachment(const Principal& principal, std::int64_t tip_id,
                                       std::int64_t attachment_id);
  Result<store::TipSummary> update(const Principal& principal, std::int64_t tip_id,
                                   const TipUpdate& update);
  Result<std::int64_t> add_note(const Principal& principal, std::int64_t tip_id, std::string_view text);
  // An answer the tipster reads with their receipt.
  Result<std::int64_t> reply(const Principal& principal, std::int64_t tip_id, std::string_view text);
  Status link_entity(const Principal& principal, std::int64_t tip_id, std::int64_t entity_id, bool linked);
  Status link_case(const Principal& principal, std::int64_t tip_id, std::int64_t case_id, bool linked);
  // A person the tip names, as the handler writes them (a full name, and a phone when the tip
  // gives one), joins entity resolution as record `tip:<id>:<n>`: the same person named in an
  // interview, a registration or another tip becomes one entity. The tip is linked to that
  // entity, which is returned. Like an extract, what the handler writes leaves the sealed tip;
  // the audit entry says that it was done, not the name.
  Result<NamedPerson> name_person(const Principal& principal, std::int64_t tip_id,
                                  std::string_view full_name, std::string_view phone);
  // Passes `text` (what the handler chose to share) to an investigator: a user with
  // tips.extracts. kFailedPrecondition when they have no key pair yet.
  Result<std::int64_t> forward(const Principal& principal, std::int64_t tip_id,
                               std::string_view recipient, std::string_view text);
  // tips.extracts: the extracts forwarded to oneself (audited).
  Result<std::vector<ExtractView>> my_extracts(const Principal& principal);

  // Re-enters the password to unlock the session's keys (after a server restart).
  Status unlock(const Principal& principal, std::string_view password);
  bool desk_unlocked(const Principal& principal) { return keyring_.desk_unlocked(principal); }

  // Counts by status, month and tag, never content (tips.read, or the command line).
  Result<store::TipCounts> statistics(const Actor& actor);

  // ---- The desk's keys. ----

  // Command line only: the desk's first key pair, granted to every tip handler with a key pair.
  // kAlreadyExists when the desk has a key (rotate instead).
  Result<DeskSetupReport> init_desk(const Actor& actor);
  // Grants the desk key to `username` (a tip handler with a key pair). From the desk: needs
  // tips.manage and an unlocked desk. audited.
  Status grant(const Principal& principal, std::string_view username);
  // The same from the command line, with an existing handler's name and password.
  Status grant_with_password(const Actor& actor, std::string_view handler,
                             std::string_view password, std::string_view username);
  // A new desk key pair: every sealed tip, attachment, message and note is opened with the old
  // key and sealed to the new one, and the new secret key is granted to every holder of the
  // old, in one transaction. Needs a handler's name and password (to open the old key).
  Result<RotationReport> rotate(const Actor& actor, std::string_view handler,
                                std::string_view password);

 private:
  struct Verified;
  Result<std::string> pow_key(store::Database& db);
  Status spend(store::Database& db, const ProofOfWork& pow, std::string_view purpose);
  Result<Verified> verify_receipt(store::Database& db, std::string_view receipt);
  bool take(std::int64_t& window_start, std::int64_t& count, std::int64_t limit);
  Result<DeskKey> desk(const Principal& principal, model::Permission permission);
  Result<std::vector<model::FieldProblem>> seal_attachments(
      std::vector<AttachmentUpload>& uploads, std::string_view desk_public_key,
      std::vector<std::pair<std::string, std::string>>* sealed,
      std::vector<AttachmentReport>* reports);

  store::DatabasePool& pool_;
  const Clock& clock_;
  Keyring& keyring_;
  ResolveService& resolve_;
  TipPolicy policy_;
  std::mutex mu_;
  std::string pow_key_;
  std::int64_t submit_window_ = 0;
  std::int64_t submit_count_ = 0;
  std::int64_t check_window_ = 0;
  std::int64_t check_count_ = 0;
};

}  // namespace escudo::service

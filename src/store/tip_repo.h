// The tip desk's tables. Every text column named sealed_* holds base64 of a sealed box (the
// service seals and opens; this layer never sees a tip in the clear). The inbox reads only the
// columns kept in the clear: status, day received, last change, assignment, duplicates, tags.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace escudo::store {

struct NewTip {
  std::string locator;
  std::string receipt_salt;
  std::string receipt_verifier;
  std::int64_t receipt_ops = 0;
  std::int64_t receipt_memory = 0;
  std::string tipster_public_key;
  std::int64_t desk_key_id = 0;
  std::string sealed_body;
  std::string received_on;  // YYYY-MM-DD
  std::int64_t updated_at = 0;
  std::int64_t attachment_count = 0;
};

struct TipRecord {
  std::int64_t id = 0;
  std::string locator;
  std::string receipt_salt;
  std::string receipt_verifier;
  std::int64_t receipt_ops = 0;
  std::int64_t receipt_memory = 0;
  std::string tipster_public_key;
  std::int64_t desk_key_id = 0;
  std::string sealed_body;
  std::string received_on;
  std::string status;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> assigned_to;
  std::optional<std::int64_t> duplicate_of;
  std::int64_t attachment_count = 0;
  bool unread_from_tipster = false;
};

// What the inbox shows of a tip: nothing sealed.
struct TipSummary {
  std::int64_t id = 0;
  std::string received_on;
  std::string status;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> assigned_to;
  std::string assigned_username;
  std::optional<std::int64_t> duplicate_of;
  std::int64_t attachment_count = 0;
  bool unread_from_tipster = false;
  std::vector<std::string> tags;
};

struct InboxFilter {
  std::optional<std::string> status;
  std::optional<std::string> tag;
  std::optional<std::int64_t> assigned_to;  // 0: unassigned
  std::optional<std::string> from_day;      // inclusive, YYYY-MM-DD
  std::optional<std::string> to_day;
  bool unread_only = false;
  std::optional<std::int64_t> before_id;    // the page after the one that ended with this id
  int limit = 50;
};

struct InboxPage {
  std::vector<TipSummary> tips;  // newest first
  std::int64_t total = 0;        // matching the filter, all pages
};

struct SealedAttachment {
  std::int64_t id = 0;
  std::optional<std::int64_t> message_id;
  std::int64_t desk_key_id = 0;
  std::string sealed_meta;
  std::string sealed_data;  // empty when listed without data
};

struct SealedMessage {
  std::int64_t id = 0;
  std::string author;  // "tipster" or "desk"
  std::optional<std::int64_t> user_id;
  std::string username;
  std::string on_day;
  std::int64_t desk_key_id = 0;
  std::string sealed_for_desk;
  std::string sealed_for_tipster;
};

struct SealedNote {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::int64_t at = 0;
  std::int64_t desk_key_id = 0;
  std::string sealed_text;
};

struct SealedExtract {
  std::int64_t id = 0;
  std::int64_t tip_id = 0;
  std::int64_t recipient_id = 0;
  std::string created_by;
  std::int64_t created_at = 0;
  std::string sealed_text;
};

// One sealed value anywhere in the tip tables, for re-sealing under a new desk key.
enum class SealedColumn {
  kTipBody,
  kAttachmentMeta,
  kAttachmentData,
  kMessageForDesk,
  kNote,
};

struct TipCounts {
  std::vector<std::pair<std::string, std::int64_t>> by_status;
  std::vector<std::pair<std::string, std::int64_t>> by_month;  // YYYY-MM
  std::vector<std::pair<std::string, std::int64_t>> by_tag;
  std::int64_t total = 0;
};

class TipRepo {
 public:
  explicit TipRepo(Database& db) : db_(db) {}

  // kAlreadyExists when the locator is taken (the caller draws another).
  Result<std::int64_t> insert(const NewTip& tip);
  // kNotFound when there is no such tip.
  Result<TipRecord> find(std::int64_t id);
  Result<std::optional<TipRecord>> find_by_locator(std::string_view locator);

  Result<InboxPage> inbox(const InboxFilter& filter);
  Result<std::vector<std::string>> tags_of(std::int64_t tip_id);

  Status set_status(std::int64_t id, std::string_view status, std::int64_t now);
  Status set_assigned(std::int64_t id, std::optional<std::int64_t> user_id, std::int64_t now);
  Status set_duplicate_of(std::int64_t id, std::optional<std::int64_t> original, std::int64_t now);
  Status set_unread(std::int64_t id, bool unread, std::int64_t now);
  Status add_attachments(std::int64_t id, std::int64_t count);
  Status add_tag(std::int64_t id, std::string_view tag, std::int64_t now);
  Status remove_tag(std::int64_t id, std::string_view tag, std::int64_t now);

  Result<std::int64_t> insert_attachment(std::int64_t tip_id, std::optional<std::int64_t> message_id,
                                         std::int64_t desk_key_id, std::string_view sealed_meta,
                                         std::string_view sealed_data);
  // Without their data.
  Result<std::vector<SealedAttachment>> attachments_of(std::int64_t tip_id);
  // kNotFound unless the attachment belongs to the tip.
  Result<SealedAttachment> attachment(std::int64_t tip_id, std::int64_t attachment_id);

  Result<std::int64_t> insert_message(std::int64_t tip_id, std::string_view author,
                                      std::optional<std::int64_t> user_id, std::string_view on_day,
                                      std::int64_t desk_key_id, std::string_view sealed_for_desk,
                                      std::string_view sealed_for_tipster);
  Result<std::vector<SealedMessage>> messages_of(std::int64_t tip_id);

  Result<std::int64_t> insert_note(std::int64_t tip_id, std::int64_t user_id, std::int64_t at,
                                   std::int64_t desk_key_id, std::string_view sealed_text);
  Result<std::vector<SealedNote>> notes_of(std::int64_t tip_id);

  Status link_entity(std::int64_t tip_id, std::int64_t entity_id, std::int64_t user_id, std::int64_t at);
  Status unlink_entity(std::int64_t tip_id, std::int64_t entity_id);
  Result<std::vector<std::int64_t>> entities_of(std::int64_t tip_id);
  // kInvalidArgument when there is no such case.
  Status link_case(std::int64_t tip_id, std::int64_t case_id, std::string_view username,
                   std::int64_t at);
  Status unlink_case(std::int64_t tip_id, std::int64_t case_id);
  Result<std::vector<std::int64_t>> cases_of(std::int64_t tip_id);

  Result<std::int64_t> insert_extract(std::int64_t tip_id, std::int64_t recipient_id,
                                      std::int64_t created_by, std::int64_t at,
                                      std::string_view sealed_text);
  Result<std::vector<SealedExtract>> extracts_for(std::int64_t recipient_id);

  // Re-sealing: every value of a column with its row id, then the replacement.
  Status for_each_sealed(SealedColumn column,
                         const std::function<Status(std::int64_t id, std::string_view sealed)>& f);
  Status replace_sealed(SealedColumn column, std::int64_t id, std::string_view sealed,
                        std::int64_t desk_key_id);

  // Failed receipt checks (no address is ever kept).
  Status record_receipt_failure(std::string_view locator, std::int64_t at);
  Result<std::int64_t> receipt_failures_for(std::string_view locator, std::int64_t since);
  Result<std::int64_t> receipt_failures_since(std::int64_t since);
  Status prune_receipt_failures(std::int64_t before);

  // kAlreadyExists when this challenge was already spent.
  Status spend_challenge(std::string_view challenge_hash, std::int64_t expires_at, std::int64_t now);

  Result<std::optional<std::string>> setting(std::string_view name);
  Status set_setting(std::string_view name, std::string_view value);

  Result<TipCounts> counts();

 private:
  Database& db_;
};

}  // namespace escudo::store

#include "store/tip_repo.h"

#include <map>

namespace escudo::store {
namespace {

constexpr std::string_view kSelectTip =
    "SELECT t.id, t.locator, t.receipt_salt, t.receipt_verifier, t.receipt_ops, t.receipt_memory, "
    "t.tipster_public_key, t.desk_key_id, b.sealed_body, t.received_on, t.status, t.updated_at, "
    "t.assigned_to, t.duplicate_of, t.attachment_count, t.unread_from_tipster FROM tips t "
    "JOIN tip_bodies b ON b.tip_id = t.id ";

std::optional<std::int64_t> optional_int(const Row& row, int column) {
  return row.is_null(column) ? std::nullopt : std::optional<std::int64_t>(row.get_int(column));
}

SqlValue optional_value(const std::optional<std::int64_t>& v) {
  return v ? SqlValue(*v) : SqlValue(nullptr);
}

TipRecord read_tip(const Row& row) {
  TipRecord t;
  t.id = row.get_int(0);
  t.locator = row.get_text(1);
  t.receipt_salt = row.get_text(2);
  t.receipt_verifier = row.get_text(3);
  t.receipt_ops = row.get_int(4);
  t.receipt_memory = row.get_int(5);
  t.tipster_public_key = row.get_text(6);
  t.desk_key_id = row.get_int(7);
  t.sealed_body = row.get_text(8);
  t.received_on = row.get_text(9);
  t.status = row.get_text(10);
  t.updated_at = row.get_int(11);
  t.assigned_to = optional_int(row, 12);
  t.duplicate_of = optional_int(row, 13);
  t.attachment_count = row.get_int(14);
  t.unread_from_tipster = row.get_int(15) != 0;
  return t;
}

Status expect_tip(Database& db, std::int64_t id) {
  ESCUDO_ASSIGN_OR_RETURN(auto found, db.query_int("SELECT COUNT(*) FROM tips WHERE id = $1", {id}));
  if (found.value_or(0) == 0) return errorf(ErrorCode::kNotFound, "there is no tip {}", id);
  return ok_status();
}

struct SealedColumnSql {
  std::string_view select;
  std::string_view update;
};

SealedColumnSql sql_of(SealedColumn column) {
  switch (column) {
    case SealedColumn::kTipBody:  // the desk key id is set on tips by replace_sealed()
      return {"SELECT tip_id, sealed_body FROM tip_bodies ORDER BY tip_id",
              "UPDATE tip_bodies SET sealed_body = $1 WHERE tip_id = $2"};
    case SealedColumn::kAttachmentMeta:
      return {"SELECT id, sealed_meta FROM tip_attachments ORDER BY id",
              "UPDATE tip_attachments SET sealed_meta = $1, desk_key_id = $2 WHERE id = $3"};
    case SealedColumn::kAttachmentData:
      return {"SELECT id, sealed_data FROM tip_attachments ORDER BY id",
              "UPDATE tip_attachments SET sealed_data = $1, desk_key_id = $2 WHERE id = $3"};
    case SealedColumn::kMessageForDesk:
      return {"SELECT id, sealed_for_desk FROM tip_messages ORDER BY id",
              "UPDATE tip_messages SET sealed_for_desk = $1, desk_key_id = $2 WHERE id = $3"};
    case SealedColumn::kNote:
      return {"SELECT id, sealed_text FROM tip_notes ORDER BY id",
              "UPDATE tip_notes SET sealed_text = $1, desk_key_id = $2 WHERE id = $3"};
  }
  return {};
}

}  // namespace

Result<std::int64_t> TipRepo::insert(const NewTip& t) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO tips (locator, receipt_salt, receipt_verifier, receipt_ops, receipt_memory, "
      "tipster_public_key, desk_key_id, received_on, updated_at, attachment_count) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      {t.locator, t.receipt_salt, t.receipt_verifier, t.receipt_ops, t.receipt_memory,
       t.tipster_public_key, t.desk_key_id, t.received_on, t.updated_at, t.attachment_count},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  ESCUDO_TRY(db_.execute("INSERT INTO tip_bodies (tip_id, sealed_body) VALUES ($1, $2)",
                         {id, t.sealed_body}));
  return id;
}

Result<TipRecord> TipRepo::find(std::int64_t id) {
  std::optional<TipRecord> out;
  ESCUDO_TRY(db_.query(std::string(kSelectTip) + "WHERE t.id = $1", {id}, [&](const Row& row) {
    out = read_tip(row);
    return ok_status();
  }));
  if (!out) return errorf(ErrorCode::kNotFound, "there is no tip {}", id);
  return std::move(*out);
}

Result<std::optional<TipRecord>> TipRepo::find_by_locator(std::string_view locator) {
  std::optional<TipRecord> out;
  ESCUDO_TRY(db_.query(std::string(kSelectTip) + "WHERE t.locator = $1", {locator},
                       [&](const Row& row) {
                         out = read_tip(row);
                         return ok_status();
                       }));
  return out;
}

Result<InboxPage> TipRepo::inbox(const InboxFilter& f) {
  std::string where = " WHERE 1 = 1";
  std::vector<SqlValue> params;
  auto add = [&](std::string_view clause, SqlValue value) {
    params.push_back(value);
    where += fmt::format(" AND {}${}", clause, params.size());
  };
  if (f.status) add("t.status = ", std::string_view(*f.status));
  if (f.assigned_to) {
    if (*f.assigned_to == 0) {
      where += " AND t.assigned_to IS NULL";
    } else {
      add("t.assigned_to = ", *f.assigned_to);
    }
  }
  if (f.from_day) add("t.received_on >= ", std::string_view(*f.from_day));
  if (f.to_day) add("t.received_on <= ", std::string_view(*f.to_day));
  if (f.unread_only) where += " AND t.unread_from_tipster = 1";
  if (f.tag) {
    // Driven from the tag's index rather than probing every tip.
    params.push_back(std::string_view(*f.tag));
    where += fmt::format(" AND t.id IN (SELECT tip_id FROM tip_tags WHERE tag = ${})", params.size());
  }
  InboxPage page;
  ESCUDO_TRY(db_.query("SELECT COUNT(*) FROM tips t" + where, params, [&](const Row& row) {
    page.total = row.get_int(0);
    return ok_status();
  }));
  std::string page_where = where;
  std::vector<SqlValue> page_params = params;
  if (f.before_id) {
    page_params.push_back(*f.before_id);
    page_where += fmt::format(" AND t.id < ${}", page_params.size());
  }
  page_params.push_back(std::int64_t{std::clamp(f.limit, 1, 500)});
  std::string sql = fmt::format(
      "SELECT t.id, t.received_on, t.status, t.updated_at, t.assigned_to, u.username, "
      "t.duplicate_of, t.attachment_count, t.unread_from_tipster FROM tips t "
      "LEFT JOIN users u ON u.id = t.assigned_to{} ORDER BY t.id DESC LIMIT ${}",
      page_where, page_params.size());
  std::map<std::int64_t, std::size_t> index;
  ESCUDO_TRY(db_.query(sql, page_params, [&](const Row& row) {
    TipSummary s;
    s.id = row.get_int(0);
    s.received_on = row.get_text(1);
    s.status = row.get_text(2);
    s.updated_at = row.get_int(3);
    s.assigned_to = optional_int(row, 4);
    if (!row.is_null(5)) s.assigned_username = row.get_text(5);
    s.duplicate_of = optional_int(row, 6);
    s.attachment_count = row.get_int(7);
    s.unread_from_tipster = row.get_int(8) != 0;
    index[s.id] = page.tips.size();
    page.tips.push_back(std::move(s));
    return ok_status();
  }));
  if (!page.tips.empty()) {
    std::string in;
    std::vector<SqlValue> ids;
    for (const auto& s : page.tips) {
      ids.push_back(s.id);
      in += fmt::format("{}${}", in.empty() ? "" : ", ", ids.size());
    }
    ESCUDO_TRY(db_.query("SELECT tip_id, tag FROM tip_tags WHERE tip_id IN (" + in +
                             ") ORDER BY tag",
                         ids, [&](const Row& row) {
                           page.tips[index[row.get_int(0)]].tags.push_back(row.get_text(1));
                           return ok_status();
                         }));
  }
  return page;
}

Result<std::vector<std::string>> TipRepo::tags_of(std::int64_t tip_id) {
  std::vector<std::string> out;
  ESCUDO_TRY(db_.query("SELECT tag FROM tip_tags WHERE tip_id = $1 ORDER BY tag", {tip_id},
                       [&](const Row& row) {
                         out.push_back(row.get_text(0));
                         return ok_status();
                       }));
  return out;
}

Status TipRepo::set_status(std::int64_t id, std::string_view status, std::int64_t now) {
  ESCUDO_TRY(expect_tip(db_, id));
  return db_.execute("UPDATE tips SET status = $1, updated_at = $2 WHERE id = $3", {status, now, id});
}

Status TipRepo::set_assigned(std::int64_t id, std::optional<std::int64_t> user_id, std::int64_t now) {
  ESCUDO_TRY(expect_tip(db_, id));
  return db_.execute("UPDATE tips SET assigned_to = $1, updated_at = $2 WHERE id = $3",
                     {optional_value(user_id), now, id});
}

Status TipRepo::set_duplicate_of(std::int64_t id, std::optional<std::int64_t> original,
                                 std::int64_t now) {
  ESCUDO_TRY(expect_tip(db_, id));
  return db_.execute("UPDATE tips SET duplicate_of = $1, updated_at = $2 WHERE id = $3",
                     {optional_value(original), now, id});
}

Status TipRepo::set_unread(std::int64_t id, bool unread, std::int64_t now) {
  return db_.execute(
      "UPDATE tips SET unread_from_tipster = $1, "
      "updated_at = CASE WHEN updated_at > $2 THEN updated_at ELSE $2 END WHERE id = $3",
      {std::int64_t{unread ? 1 : 0}, now, id});
}

Status TipRepo::add_attachments(std::int64_t id, std::int64_t count) {
  return db_.execute("UPDATE tips SET attachment_count = attachment_count + $1 WHERE id = $2",
                     {count, id});
}

Status TipRepo::add_tag(std::int64_t id, std::string_view tag, std::int64_t now) {
  ESCUDO_TRY(expect_tip(db_, id));
  ESCUDO_TRY(db_.execute("INSERT INTO tip_tags (tip_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                         {id, tag}));
  return db_.execute("UPDATE tips SET updated_at = $1 WHERE id = $2", {now, id});
}

Status TipRepo::remove_tag(std::int64_t id, std::string_view tag, std::int64_t now) {
  ESCUDO_TRY(expect_tip(db_, id));
  ESCUDO_TRY(db_.execute("DELETE FROM tip_tags WHERE tip_id = $1 AND tag = $2", {id, tag}));
  return db_.execute("UPDATE tips SET updated_at = $1 WHERE id = $2", {now, id});
}

Result<std::int64_t> TipRepo::insert_attachment(std::int64_t tip_id,
                                                std::optional<std::int64_t> message_id,
                                                std::int64_t desk_key_id,
                                                std::string_view sealed_meta,
                                                std::string_view sealed_data) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO tip_attachments (tip_id, message_id, desk_key_id, sealed_meta, sealed_data) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {tip_id, optional_value(message_id), desk_key_id, sealed_meta, sealed_data},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::vector<SealedAttachment>> TipRepo::attachments_of(std::int64_t tip_id) {
  std::vector<SealedAttachment> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, message_id, desk_key_id, sealed_meta FROM tip_attachments WHERE tip_id = $1 "
      "ORDER BY id",
      {tip_id}, [&](const Row& row) {
        out.push_back({row.get_int(0), optional_int(row, 1), row.get_int(2), row.get_text(3), ""});
        return ok_status();
      }));
  return out;
}

Result<SealedAttachment> TipRepo::attachment(std::int64_t tip_id, std::int64_t attachment_id) {
  std::optional<SealedAttachment> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, message_id, desk_key_id, sealed_meta, sealed_data FROM tip_attachments "
      "WHERE tip_id = $1 AND id = $2",
      {tip_id, attachment_id}, [&](const Row& row) {
        out = SealedAttachment{row.get_int(0), optional_int(row, 1), row.get_int(2),
                               row.get_text(3), row.get_text(4)};
        return ok_status();
      }));
  if (!out) {
    return errorf(ErrorCode::kNotFound, "tip {} has no attachment {}", tip_id, attachment_id);
  }
  return std::move(*out);
}

Result<std::int64_t> TipRepo::insert_message(std::int64_t tip_id, std::string_view author,
                                             std::optional<std::int64_t> user_id,
                                             std::string_view on_day, std::int64_t desk_key_id,
                                             std::string_view sealed_for_desk,
                                             std::string_view sealed_for_tipster) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO tip_messages (tip_id, author, user_id, on_day, desk_key_id, sealed_for_desk, "
      "sealed_for_tipster) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {tip_id, author, optional_value(user_id), on_day, desk_key_id, sealed_for_desk,
       sealed_for_tipster},
      [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::vector<SealedMessage>> TipRepo::messages_of(std::int64_t tip_id) {
  std::vector<SealedMessage> out;
  ESCUDO_TRY(db_.query(
      "SELECT m.id, m.author, m.user_id, u.username, m.on_day, m.desk_key_id, m.sealed_for_desk, "
      "m.sealed_for_tipster FROM tip_messages m LEFT JOIN users u ON u.id = m.user_id "
      "WHERE m.tip_id = $1 ORDER BY m.id",
      {tip_id}, [&](const Row& row) {
        SealedMessage m;
        m.id = row.get_int(0);
        m.author = row.get_text(1);
        m.user_id = optional_int(row, 2);
        if (!row.is_null(3)) m.username = row.get_text(3);
        m.on_day = row.get_text(4);
        m.desk_key_id = row.get_int(5);
        m.sealed_for_desk = row.get_text(6);
        m.sealed_for_tipster = row.get_text(7);
        out.push_back(std::move(m));
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> TipRepo::insert_note(std::int64_t tip_id, std::int64_t user_id,
                                          std::int64_t at, std::int64_t desk_key_id,
                                          std::string_view sealed_text) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO tip_notes (tip_id, user_id, at, desk_key_id, sealed_text) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {tip_id, user_id, at, desk_key_id, sealed_text}, [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::vector<SealedNote>> TipRepo::notes_of(std::int64_t tip_id) {
  std::vector<SealedNote> out;
  ESCUDO_TRY(db_.query(
      "SELECT n.id, n.user_id, u.username, n.at, n.desk_key_id, n.sealed_text FROM tip_notes n "
      "JOIN users u ON u.id = n.user_id WHERE n.tip_id = $1 ORDER BY n.id",
      {tip_id}, [&](const Row& row) {
        out.push_back({row.get_int(0), row.get_int(1), row.get_text(2), row.get_int(3),
                       row.get_int(4), row.get_text(5)});
        return ok_status();
      }));
  return out;
}

Status TipRepo::link_entity(std::int64_t tip_id, std::int64_t entity_id, std::int64_t user_id,
                            std::int64_t at) {
  ESCUDO_TRY(expect_tip(db_, tip_id));
  return db_.execute(
      "INSERT INTO tip_entity_links (tip_id, entity_id, linked_by, linked_at) "
      "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
      {tip_id, entity_id, user_id, at});
}

Status TipRepo::unlink_entity(std::int64_t tip_id, std::int64_t entity_id) {
  return db_.execute("DELETE FROM tip_entity_links WHERE tip_id = $1 AND entity_id = $2",
                     {tip_id, entity_id});
}

Result<std::vector<std::int64_t>> TipRepo::entities_of(std::int64_t tip_id) {
  std::vector<std::int64_t> out;
  ESCUDO_TRY(db_.query("SELECT entity_id FROM tip_entity_links WHERE tip_id = $1 ORDER BY entity_id",
                       {tip_id}, [&](const Row& row) {
                         out.push_back(row.get_int(0));
                         return ok_status();
                       }));
  return out;
}

// A tip's cases are the cases that hold it (case_items, kind 'tip'): linking from the tip desk
// and adding the tip from the case are one fact.
Status TipRepo::link_case(std::int64_t tip_id, std::int64_t case_id, std::string_view username,
                          std::int64_t at) {
  ESCUDO_TRY(expect_tip(db_, tip_id));
  bool found = false;
  ESCUDO_TRY(db_.query("SELECT 1 FROM cases WHERE id = $1", {case_id}, [&](const Row&) {
    found = true;
    return ok_status();
  }));
  if (!found) return errorf(ErrorCode::kInvalidArgument, "'case_id': there is no case {}", case_id);
  return db_.execute(
      "INSERT INTO case_items (case_id, kind, item_id, added_by, added_at) "
      "VALUES ($1, 'tip', $2, $3, $4) ON CONFLICT DO NOTHING",
      {case_id, tip_id, username, at});
}

Status TipRepo::unlink_case(std::int64_t tip_id, std::int64_t case_id) {
  return db_.execute("DELETE FROM case_items WHERE kind = 'tip' AND item_id = $1 AND case_id = $2",
                     {tip_id, case_id});
}

Result<std::vector<std::int64_t>> TipRepo::cases_of(std::int64_t tip_id) {
  std::vector<std::int64_t> out;
  ESCUDO_TRY(db_.query(
      "SELECT case_id FROM case_items WHERE kind = 'tip' AND item_id = $1 ORDER BY case_id",
      {tip_id}, [&](const Row& row) {
        out.push_back(row.get_int(0));
        return ok_status();
      }));
  return out;
}

Result<std::int64_t> TipRepo::insert_extract(std::int64_t tip_id, std::int64_t recipient_id,
                                             std::int64_t created_by, std::int64_t at,
                                             std::string_view sealed_text) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query(
      "INSERT INTO tip_extracts (tip_id, recipient_id, created_by, created_at, sealed_text) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {tip_id, recipient_id, created_by, at, sealed_text}, [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  return id;
}

Result<std::vector<SealedExtract>> TipRepo::extracts_for(std::int64_t recipient_id) {
  std::vector<SealedExtract> out;
  ESCUDO_TRY(db_.query(
      "SELECT e.id, e.tip_id, e.recipient_id, u.username, e.created_at, e.sealed_text "
      "FROM tip_extracts e JOIN users u ON u.id = e.created_by WHERE e.recipient_id = $1 "
      "ORDER BY e.id DESC",
      {recipient_id}, [&](const Row& row) {
        out.push_back({row.get_int(0), row.get_int(1), row.get_int(2), row.get_text(3),
                       row.get_int(4), row.get_text(5)});
        return ok_status();
      }));
  return out;
}

Status TipRepo::for_each_sealed(
    SealedColumn column, const std::function<Status(std::int64_t, std::string_view)>& f) {
  return db_.query(sql_of(column).select, {}, [&](const Row& row) {
    return f(row.get_int(0), row.get_text_view(1));
  });
}

Status TipRepo::replace_sealed(SealedColumn column, std::int64_t id, std::string_view sealed,
                               std::int64_t desk_key_id) {
  if (column != SealedColumn::kTipBody) {
    return db_.execute(sql_of(column).update, {sealed, desk_key_id, id});
  }
  ESCUDO_TRY(db_.execute(sql_of(column).update, {sealed, id}));
  return db_.execute("UPDATE tips SET desk_key_id = $1 WHERE id = $2", {desk_key_id, id});
}

Status TipRepo::record_receipt_failure(std::string_view locator, std::int64_t at) {
  return db_.execute("INSERT INTO tip_receipt_failures (locator, at) VALUES ($1, $2)", {locator, at});
}

Result<std::int64_t> TipRepo::receipt_failures_for(std::string_view locator, std::int64_t since) {
  ESCUDO_ASSIGN_OR_RETURN(auto n, db_.query_int("SELECT COUNT(*) FROM tip_receipt_failures "
                                                "WHERE locator = $1 AND at >= $2",
                                                {locator, since}));
  return n.value_or(0);
}

Result<std::int64_t> TipRepo::receipt_failures_since(std::int64_t since) {
  ESCUDO_ASSIGN_OR_RETURN(
      auto n, db_.query_int("SELECT COUNT(*) FROM tip_receipt_failures WHERE at >= $1", {since}));
  return n.value_or(0);
}

Status TipRepo::prune_receipt_failures(std::int64_t before) {
  return db_.execute("DELETE FROM tip_receipt_failures WHERE at < $1", {before});
}

Status TipRepo::spend_challenge(std::string_view challenge_hash, std::int64_t expires_at,
                                std::int64_t now) {
  ESCUDO_TRY(db_.execute("DELETE FROM tip_pow_spent WHERE expires_at < $1", {now}));
  return db_.execute("INSERT INTO tip_pow_spent (challenge_hash, expires_at) VALUES ($1, $2)",
                     {challenge_hash, expires_at});
}

Result<std::optional<std::string>> TipRepo::setting(std::string_view name) {
  std::optional<std::string> out;
  ESCUDO_TRY(db_.query("SELECT value FROM tip_settings WHERE name = $1", {name}, [&](const Row& row) {
    out = row.get_text(0);
    return ok_status();
  }));
  return out;
}

Status TipRepo::set_setting(std::string_view name, std::string_view value) {
  return db_.execute(
      "INSERT INTO tip_settings (name, value) VALUES ($1, $2) "
      "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
      {name, value});
}

Result<TipCounts> TipRepo::counts() {
  TipCounts out;
  auto pairs = [&](std::string_view sql, std::vector<std::pair<std::string, std::int64_t>>* into) {
    return db_.query(sql, {}, [&](const Row& row) {
      into->emplace_back(row.get_text(0), row.get_int(1));
      return ok_status();
    });
  };
  ESCUDO_TRY(pairs("SELECT status, COUNT(*) FROM tips GROUP BY status ORDER BY status", &out.by_status));
  ESCUDO_TRY(pairs("SELECT substr(received_on, 1, 7), COUNT(*) FROM tips GROUP BY 1 ORDER BY 1",
                   &out.by_month));
  ESCUDO_TRY(pairs("SELECT tag, COUNT(*) FROM tip_tags GROUP BY tag ORDER BY tag", &out.by_tag));
  for (const auto& [_, n] : out.by_status) out.total += n;
  return out;
}

}  // namespace escudo::store

-- The tip line and the rewards programme. Tip text, attachments, notes and messages are stored
-- only sealed (crypto_box_seal) to the tip desk's public key, and base64-encoded; what stays in
-- the clear is what the inbox lists and filters on: status, the day received, when it last
-- changed, assignment, tags, duplicates and links. Nothing here names or locates a tipster.

-- Each user who reads sealed data (tip handlers, and analysts who receive extracts) has an
-- X25519 key pair; the secret half is wrapped (secretbox) under a key derived from their password
-- with Argon2id and this salt.
CREATE TABLE user_keys (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  public_key TEXT NOT NULL,
  wrapped_secret_key TEXT NOT NULL,
  kdf_salt TEXT NOT NULL,
  kdf_ops INTEGER NOT NULL,
  kdf_memory INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- The tip desk's key pairs; one is current (retired_at NULL). Its secret key exists only sealed
-- to the personal public key of each tip handler it was granted to.
CREATE TABLE tip_desk_keys (
  id INTEGER PRIMARY KEY,
  public_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER
);
CREATE TABLE tip_desk_grants (
  desk_key_id INTEGER NOT NULL REFERENCES tip_desk_keys (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  sealed_secret_key TEXT NOT NULL,
  granted_by TEXT NOT NULL,
  granted_at INTEGER NOT NULL,
  PRIMARY KEY (desk_key_id, user_id)
);

-- Key for signing proof-of-work challenges (not secret in the way tips are: it only lets its
-- holder skip the work).
CREATE TABLE tip_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE tips (
  id INTEGER PRIMARY KEY,
  locator TEXT NOT NULL UNIQUE,            -- the receipt's first 8 digits
  receipt_salt TEXT NOT NULL,
  receipt_verifier TEXT NOT NULL,          -- SHA-256 of the first half of Argon2id(secret)
  receipt_ops INTEGER NOT NULL,
  receipt_memory INTEGER NOT NULL,
  tipster_public_key TEXT NOT NULL,        -- answers are sealed to it
  desk_key_id INTEGER NOT NULL REFERENCES tip_desk_keys (id),
  received_on TEXT NOT NULL,               -- the day only (YYYY-MM-DD), never the time
  status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'triaged', 'actionable', 'closed')),
  updated_at INTEGER NOT NULL,
  assigned_to INTEGER REFERENCES users (id),
  duplicate_of INTEGER REFERENCES tips (id),
  attachment_count INTEGER NOT NULL DEFAULT 0,
  unread_from_tipster INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tips_by_status ON tips (status, id);
CREATE INDEX tips_by_assignee ON tips (assigned_to, id);
CREATE INDEX tips_by_day ON tips (received_on, id);
CREATE INDEX tips_by_unread ON tips (unread_from_tipster, id);

-- The sealed tip itself, apart: the inbox scans only the small rows above.
CREATE TABLE tip_bodies (
  tip_id INTEGER PRIMARY KEY REFERENCES tips (id) ON DELETE CASCADE,
  sealed_body TEXT NOT NULL
);

CREATE TABLE tip_attachments (
  id INTEGER PRIMARY KEY,
  tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  message_id INTEGER,
  desk_key_id INTEGER NOT NULL REFERENCES tip_desk_keys (id),
  sealed_meta TEXT NOT NULL,               -- name, type, size, what was removed
  sealed_data TEXT NOT NULL
);
CREATE INDEX tip_attachments_by_tip ON tip_attachments (tip_id);

-- Two-way messages. A tipster's message is sealed to the desk and to the tipster's key (so they
-- see the conversation); a desk answer likewise.
CREATE TABLE tip_messages (
  id INTEGER PRIMARY KEY,
  tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  author TEXT NOT NULL CHECK (author IN ('tipster', 'desk')),
  user_id INTEGER REFERENCES users (id),
  on_day TEXT NOT NULL,
  desk_key_id INTEGER NOT NULL REFERENCES tip_desk_keys (id),
  sealed_for_desk TEXT NOT NULL,
  sealed_for_tipster TEXT NOT NULL
);
CREATE INDEX tip_messages_by_tip ON tip_messages (tip_id, id);

CREATE TABLE tip_notes (
  id INTEGER PRIMARY KEY,
  tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  at INTEGER NOT NULL,
  desk_key_id INTEGER NOT NULL REFERENCES tip_desk_keys (id),
  sealed_text TEXT NOT NULL
);
CREATE INDEX tip_notes_by_tip ON tip_notes (tip_id, id);

CREATE TABLE tip_tags (
  tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (tip_id, tag)
);
CREATE INDEX tip_tags_by_tag ON tip_tags (tag, tip_id);

CREATE TABLE tip_entity_links (
  tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL,              -- a stable id of entity resolution (entity_records)
  linked_by INTEGER NOT NULL REFERENCES users (id),
  linked_at INTEGER NOT NULL,
  PRIMARY KEY (tip_id, entity_id)
);
CREATE INDEX tip_entity_links_by_entity ON tip_entity_links (entity_id);

-- A tip's cases are rows of case_items (kind 'tip'), migration 0006.

-- A sanitised extract a handler chose to pass to an investigator, sealed to that user's key.
CREATE TABLE tip_extracts (
  id INTEGER PRIMARY KEY,
  tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  recipient_id INTEGER NOT NULL REFERENCES users (id),
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  sealed_text TEXT NOT NULL
);
CREATE INDEX tip_extracts_by_recipient ON tip_extracts (recipient_id, id);

-- Failed receipt checks, by locator (never by address), for the throttling window only.
CREATE TABLE tip_receipt_failures (
  id INTEGER PRIMARY KEY,
  locator TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX tip_receipt_failures_by_locator ON tip_receipt_failures (locator, at);
CREATE INDEX tip_receipt_failures_by_time ON tip_receipt_failures (at);

-- Proof-of-work challenges already used, until they expire.
CREATE TABLE tip_pow_spent (
  challenge_hash TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE INDEX tip_pow_spent_by_expiry ON tip_pow_spent (expires_at);

-- The rewards programme.
CREATE TABLE reward_tiers (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  ceiling_usd_cents INTEGER NOT NULL CHECK (ceiling_usd_cents > 0),
  updated_at INTEGER NOT NULL
);
INSERT INTO reward_tiers (code, name, ceiling_usd_cents, updated_at) VALUES
  ('key_leader', 'Arrest or conviction of a key leader of a smuggling organisation', 200000000, 0),
  ('finances', 'Disruption of a smuggling organisation''s finances', 100000000, 0),
  ('regional_leader_death', 'A regional leader whose smuggling led to a death', 500000000, 0);

CREATE TABLE reward_nominations (
  id INTEGER PRIMARY KEY,
  tip_id INTEGER NOT NULL REFERENCES tips (id),
  tier TEXT NOT NULL REFERENCES reward_tiers (code),
  outcome_kind TEXT NOT NULL
    CHECK (outcome_kind IN ('arrest', 'conviction', 'asset_seizure', 'finance_disruption', 'death_link')),
  outcome_on TEXT NOT NULL,                -- YYYY-MM-DD
  case_event_id INTEGER,                   -- a case event's id, when cases record it
  outcome_reference TEXT NOT NULL,
  amount_usd_cents INTEGER NOT NULL CHECK (amount_usd_cents > 0),
  justification TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'approved', 'rejected', 'paid')),
  nominated_by INTEGER NOT NULL REFERENCES users (id),
  nominated_at INTEGER NOT NULL,
  decided_at INTEGER
);
CREATE INDEX reward_nominations_by_status ON reward_nominations (status, id);
CREATE INDEX reward_nominations_by_tip ON reward_nominations (tip_id);

CREATE TABLE reward_reviews (
  nomination_id INTEGER NOT NULL REFERENCES reward_nominations (id),
  reviewer_id INTEGER NOT NULL REFERENCES users (id),
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
  reason TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  PRIMARY KEY (nomination_id, reviewer_id)
);

CREATE TABLE reward_payments (
  id INTEGER PRIMARY KEY,
  nomination_id INTEGER NOT NULL UNIQUE REFERENCES reward_nominations (id),
  amount_usd_cents INTEGER NOT NULL CHECK (amount_usd_cents > 0),
  paid_on TEXT NOT NULL,
  reference TEXT NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users (id),
  recorded_at INTEGER NOT NULL
);

// The shapes the escudo HTTP API sends and receives (docs/api.md).

export type Language = 'en' | 'es';

/** A moment as the server sends it: seconds since 1970-01-01 UTC, or ISO 8601 text. */
export type Timestamp = number | string;

export type Role =
  | 'admin'
  | 'registrar'
  | 'protection_officer'
  | 'analyst'
  | 'tip_handler'
  | 'rewards_committee'
  | 'commander'
  | 'auditor';

export const ALL_ROLES: readonly Role[] = [
  'admin',
  'registrar',
  'protection_officer',
  'analyst',
  'tip_handler',
  'rewards_committee',
  'commander',
  'auditor',
];

export type Permission =
  | 'transits.read'
  | 'transits.import'
  | 'users.manage'
  | 'audit.read'
  | 'registrations.create'
  | 'identity.read'
  | 'entities.review'
  | 'tips.read'
  | 'tips.manage'
  | 'tips.extracts'
  | 'rewards.read'
  | 'rewards.nominate'
  | 'rewards.review'
  | 'rewards.pay'
  | 'intel.read'
  | 'intel.identity'
  | 'intel.write'
  | 'cases.read'
  | 'cases.manage'
  | 'cases.all'
  | 'cases.figures'
  | 'screening.read'
  | 'screening.decide'
  | 'watchlists.manage'
  | 'protection.manage'
  | 'returns.decide'
  | 'returns.execute'
  | 'rules.manage'
  | 'screening.figures'
  | 'incidents.read'
  | 'incidents.write'
  | 'incidents.survivor'
  | 'operations.plan';

export interface Me {
  id: number | string;
  username: string;
  display_name: string;
  agency: string;
  roles: Role[];
  permissions: Permission[];
  language: Language;
  totp_enabled: boolean;
  totp_required: boolean;
  csrf_token?: string;
}

export interface User {
  id: number | string;
  username: string;
  display_name: string;
  agency: string;
  roles: Role[];
  disabled: boolean;
  totp_enabled: boolean;
  created_at: Timestamp;
}

export interface Health {
  status: string;
  version: string;
}

export interface LoginRequest {
  username: string;
  password: string;
  totp_code?: string;
}

export interface LoginResponse {
  csrf_token: string;
  user: Me;
}

export interface TotpEnrolment {
  secret: string;
  otpauth_uri: string;
}

export interface MonthlyQuery {
  /** `YYYY-MM` */
  from?: string;
  /** `YYYY-MM` */
  to?: string;
  /** ISO 3166-1 alpha-3 */
  nationality?: string;
}

export interface MonthlyTransits {
  from: string;
  to: string;
  series: { month: string; total: number }[];
  rows: { month: string; nationality: string; count: number }[];
}

export interface YearlyTransits {
  years: { year: number; total: number; months: number; annual_only: boolean }[];
}

export interface ImportResult {
  kind: string;
  rows: number;
  total: number;
}

/** One bad row of an import, as the server reports it. */
export interface RowError {
  line: number;
  column?: number | string;
  field?: string;
  message: string;
}

/**
 * The shortest password the server accepts (crypto::kMinPasswordLength); the
 * browser checks it first so the person hears about it before sending.
 */
export const MIN_PASSWORD_LENGTH = 10;

export interface PasswordChange {
  current_password: string;
  new_password: string;
}

export interface NewUser {
  username: string;
  display_name: string;
  agency: string;
  roles: Role[];
  password: string;
}

export interface CreatedUser {
  user: User;
  totp_secret?: string;
  otpauth_uri?: string;
}

export interface AuditQuery {
  limit?: number;
  before?: number | string;
}

export interface AuditEntry {
  id: number | string;
  at: Timestamp;
  actor: string;
  action: string;
  object: string;
  detail: unknown;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; first_broken: number | string; reason: string };

/** A dimension `GET /api/stats` can count by. */
export type StatsDimension =
  | 'year'
  | 'quarter'
  | 'month'
  | 'week'
  | 'day'
  | 'nationality'
  | 'sex'
  | 'age_group'
  | 'station'
  | 'source';

/** Where figures come from: Panama's monthly tables, or the people registered at the stations. Never mixed. */
export type StatsSource = 'official' | 'registered';

export interface StatsQuery<Dim extends StatsDimension> {
  by: Dim[];
  /** `official` when omitted. */
  source?: StatsSource;
  /** `YYYY-MM` */
  from?: string;
  /** `YYYY-MM` */
  to?: string;
  /** ISO 3166-1 alpha-3 */
  nationality?: string;
}

/** `GET /api/stats`: one row per combination of the dimensions' labels (all text, `"2023"` for a year). */
export interface StatsCube<Dim extends StatsDimension> {
  source: string;
  dims: Dim[];
  rows: (Record<Dim, string> & { count: number; share_percent: number })[];
  total: number;
}

/** `child` and `adult` from 2023 on; before that the official table does not separate them. */
export type AgeGroup = 'child' | 'adult' | 'unknown';

export interface PeriodTotal {
  /** The first month; the server may send a whole date (`2023-01-01`). */
  from: string;
  /** The last month; the server may send its last day (`2023-05-31`). */
  to: string;
  total: number;
}

/** `GET /api/stats/compare`: the months from..to against the same months a year earlier. */
export interface PeriodComparison {
  current: PeriodTotal;
  previous: PeriodTotal;
  /** current / previous; null when nobody was counted the year before. */
  ratio: number | null;
  change_percent: number | null;
}

export type ProjectionMethod =
  | 'last_year_total'
  | 'year_to_date_scaled'
  | 'seasonal_profile'
  | 'recent_level'
  | 'damped_trend'
  | 'mix';

export const PROJECTION_METHODS: readonly ProjectionMethod[] = [
  'last_year_total',
  'year_to_date_scaled',
  'seasonal_profile',
  'recent_level',
  'damped_trend',
  'mix',
];

export interface ProjectedTotal {
  method: ProjectionMethod;
  point: number;
  low80: number;
  high80: number;
}

export interface ProjectionQuery {
  year: number;
  /** `YYYY-MM`, January to November of `year` */
  cutoff: string;
}

/** `GET /api/projection`: the year's total projected from the months up to the cut-off. */
export interface Projection {
  year: number;
  cutoff: string;
  /** People counted from January to the cut-off, inclusive. */
  known_to_date: number;
  recommended: ProjectedTotal & {
    /** Earlier years whose errors give the interval; below 2 the interval is a convention. */
    interval_years: number;
  };
  /** Only the methods that could be computed. */
  methods: (ProjectedTotal & { interval_years?: number })[];
  /** The year's real total; null while the year is not complete in the data. */
  actual: number | null;
  monthly: { month: string; total: number }[];
  /** Each method's mean absolute percentage error over past years at each cut-off month. */
  backtest: BacktestSummary[];
  /** The same over every cut-off month together (`cutoff_month` 0), when the server sends it. */
  backtest_overall?: BacktestSummary[];
}

/**
 * How a method has done in the back-test. `recommended` is the choice itself,
 * made afresh for each past year from the years before it.
 */
export interface BacktestSummary {
  method: ProjectionMethod | 'recommended';
  /** 1..11; 0 for all cut-off months together. */
  cutoff_month: number;
  /** Mean absolute percentage error, in percent (37.4 for 37.4%). */
  mape: number;
  /** The share of past projections whose 80% interval held the real total, 0..1. */
  coverage80?: number;
  /** How many projections the figures rest on. */
  years: number;
}

/** `GET /api/stations`: a reception station; `code` is what registrations and statistics name it by. */
export interface Station {
  code: string;
  name: string;
  /** ISO 3166-1 alpha-3 */
  country: string;
  lat: number;
  lon: number;
  active: boolean;
}

export type PersonSex = 'female' | 'male' | 'unknown';
export const PERSON_SEXES: readonly PersonSex[] = ['female', 'male', 'unknown'];

export type DocumentType = 'passport' | 'national_id' | 'birth_certificate' | 'other' | 'none';
export const DOCUMENT_TYPES: readonly DocumentType[] = ['passport', 'national_id', 'birth_certificate', 'other', 'none'];

export type Relationship =
  | 'head'
  | 'spouse'
  | 'child'
  | 'parent'
  | 'sibling'
  | 'grandparent'
  | 'other_relative'
  | 'unrelated';
export const RELATIONSHIPS: readonly Relationship[] = [
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'other_relative',
  'unrelated',
];

/** The vulnerability flags of a person, all booleans in the API. */
export type VulnerabilityFlag = 'pregnant' | 'disability' | 'injured' | 'violence_survivor' | 'separated';
export const VULNERABILITY_FLAGS: readonly VulnerabilityFlag[] = [
  'pregnant',
  'disability',
  'injured',
  'violence_survivor',
  'separated',
];

/** One person of `POST /api/registrations`. */
export interface NewRegisteredPerson extends Record<VulnerabilityFlag, boolean> {
  given_names: string;
  family_names: string;
  sex: PersonSex;
  /** `YYYY-MM-DD`; or `estimated_age` when the date is not known. */
  birth_date?: string;
  estimated_age?: number;
  /** ISO 3166-1 alpha-3 */
  nationality: string;
  document_type: DocumentType;
  document_country: string;
  document_number: string;
  /** E.164 (`+584121234567`), or empty. */
  phone: string;
  relationship: Relationship;
}

/** `POST /api/registrations`: a group registered on arrival (one person, or a family together). */
export interface NewRegistration {
  /** A station's `code`. */
  station: string;
  /** `YYYY-MM-DD` */
  registered_on: string;
  departure_point?: string;
  days_in_jungle?: number;
  /** US dollars as text: `350` or `350.50`. */
  paid_usd?: string;
  paid_to?: string;
  people: NewRegisteredPerson[];
}

/** A person of a stored group as the 201 answer gives it: no names or documents. */
export interface RegisteredPerson extends Record<VulnerabilityFlag, boolean> {
  id: number;
  sex: PersonSex;
  /** Whole years on the registration day; null when neither a birth date nor an estimate was given. */
  age: number | null;
  nationality: string;
  relationship: Relationship;
  /** Set by the server: a child with no adult relative in the group. */
  unaccompanied: boolean;
}

/** How the screening of a newly registered group went: hit counts only, never what matched. */
export interface RegistrationScreening {
  ran: boolean;
  hits: number;
  problem: string;
  people: { person_id: number; hits: number }[];
}

export interface RegisteredGroup {
  id: number;
  station: string;
  registered_on: string;
  people: RegisteredPerson[];
  /** Present on the reply to a new registration. */
  screening?: RegistrationScreening;
}

/** `GET /api/registrations/{id}` (needs `identity.read`, and is audited): the group with identities. */
export interface RegisteredGroupWithIdentity extends RegisteredGroup {
  departure_point: string;
  days_in_jungle: number | null;
  paid_usd_cents: number | null;
  paid_to: string;
  people: (RegisteredPerson & {
    given_names: string;
    family_names: string;
    birth_date: string | null;
    document_type: DocumentType;
    document_country: string;
    document_number: string;
    phone: string;
  })[];
}

/** A field of a registration the server refused: `person` is the index in `people`, -1 for the group. */
export interface FieldProblem {
  person: number;
  field: string;
  message: string;
}

/** `POST /api/registrations/import` */
export interface RegistrationImportResult {
  groups: number;
  people: number;
  unaccompanied: number;
  /** The imported people screened against watchlists and earlier records: counts only. */
  screening: {
    ran: boolean;
    people: number;
    hits: number;
    people_with_hits: number;
    problem: string;
  };
}

export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'already_exists'
  | 'failed_precondition'
  | 'resource_exhausted'
  | 'unavailable'
  | 'data_loss'
  | 'internal';

/** Why two person records are (or are not) one person: each compared field's part, in log2 odds. */
export interface PairExplanation {
  record_a: string;
  record_b: string;
  /** log2 odds before any field is compared. */
  prior: number;
  fields: { field: string; level: string; values: string; weight: number }[];
  log2_odds: number;
  probability: number;
  /** Why the probability is held for review below what the fields add up to; "" when it is not. */
  held: string;
}

/** A registered person with where and when (identity: `identity.read` only). */
export interface PersonSummary {
  person_id: number;
  group_id: number;
  given_names: string;
  family_names: string;
  sex: PersonSex;
  birth_date: string;
  estimated_age: number | null;
  nationality: string;
  document_type: string;
  document_country: string;
  document_number: string;
  phone: string;
  station: string;
  registered_on: string;
}

/** `POST /api/registrations/check`: an earlier registration that is probably the person being typed. */
export interface ProbableMatch {
  record_id: string;
  entity_id: number;
  probability: number;
  person: PersonSummary | null;
  why: PairExplanation;
}

export interface EntityEvent {
  at: number;
  actor: string;
  kind: 'created' | 'joined' | 'merged' | 'split';
  entity_id: number;
  other_entity_id: number | null;
  records: string;
  probability: number | null;
  reason: string;
}

/** `GET /api/entities/{id}` (audited). */
export interface Entity {
  id: number;
  records: { record_id: string; probability: number; linked_to: string; person: PersonSummary | null }[];
  links: PairExplanation[];
  history: EntityEvent[];
}

export interface ReviewPair {
  same_entity: boolean;
  entity_a: number | null;
  entity_b: number | null;
  person_a: PersonSummary | null;
  person_b: PersonSummary | null;
  why: PairExplanation;
}

export interface ReviewDecision {
  decision: 'same' | 'different' | 'split';
  record_a: string;
  record_b?: string;
  entity_id?: number;
  reason?: string;
}

export type TipStatus = 'new' | 'triaged' | 'actionable' | 'closed';

/** What the tip inbox shows of a tip: nothing sealed. */
export interface TipSummary {
  id: number;
  received_on: string;
  status: TipStatus;
  updated_at: Timestamp;
  assigned_to: string | null;
  duplicate_of: number | null;
  attachment_count: number;
  unread: boolean;
  tags: string[];
}

export interface TipInboxQuery {
  status?: TipStatus;
  tag?: string;
  assigned?: string;
  unread?: '1';
  before?: number;
  limit?: number;
}

/** `GET /api/tips` */
export interface TipInbox {
  total: number;
  desk_unlocked: boolean;
  tips: TipSummary[];
}

/** `GET /api/tips/{id}` */
export interface TipDetail {
  tip: TipSummary;
  content: { text: string; who: string; where: string; when: string; phones: string; accounts: string; language: string };
  attachments: { id: number; message_id: number | null; name: string; media_type: string; size: number; removed: string[] }[];
  messages: { id: number; author: 'tipster' | 'desk'; username: string; on_day: string; text: string }[];
  notes: { id: number; username: string; at: Timestamp; text: string }[];
  entity_ids: number[];
  case_ids: number[];
}

export interface TipUpdate {
  status?: TipStatus;
  assign_to?: string;
  duplicate_of?: number;
  add_tags?: string[];
  remove_tags?: string[];
}

export interface TipExtract {
  id: number;
  tip_id: number;
  from: string;
  created_at: Timestamp;
  text: string;
}

export interface RewardTier {
  code: string;
  name: string;
  ceiling_usd_cents: number;
  ceiling: string;
}

export type OutcomeKind = 'arrest' | 'conviction' | 'asset_seizure' | 'finance_disruption' | 'death_link';
export type NominationStatus = 'proposed' | 'approved' | 'rejected' | 'paid';

export interface Nomination {
  id: number;
  tip_id: number;
  tier: string;
  outcome_kind: OutcomeKind;
  outcome_on: string;
  case_event_id: number | null;
  outcome_reference: string;
  amount_usd_cents: number;
  amount: string;
  justification: string;
  status: NominationStatus;
  nominated_by: string;
  nominated_at: Timestamp;
  reviews: { reviewer: string; decision: 'approve' | 'reject'; reason: string; at: Timestamp }[];
  payment: { amount_usd_cents: number; amount: string; paid_on: string; reference: string; recorded_by: string } | null;
}

export interface NewNomination {
  tip_id: number;
  tier: string;
  outcome_kind: OutcomeKind;
  outcome_on: string;
  case_event_id?: number;
  outcome_reference: string;
  amount: string;
  justification: string;
}

export interface RewardReportRow {
  tier: string;
  status: NominationStatus;
  count: number;
  proposed_usd_cents: number;
  paid_usd_cents: number;
}

// The intelligence graph (docs/api.md, /api/intel/…).

export type IntelKind = 'person' | 'organisation' | 'phone' | 'account' | 'vessel' | 'vehicle' | 'place' | 'document';
export type LinkType = 'called' | 'paid' | 'member_of' | 'travelled_with' | 'guided' | 'owns' | 'uses' | 'located_at' | 'met';
export const LINK_TYPES: LinkType[] = ['called', 'paid', 'member_of', 'travelled_with', 'guided', 'owns', 'uses', 'located_at', 'met'];

export interface IntelEntity {
  id: number;
  kind: IntelKind;
  label: string;
  label_hidden: boolean;
  person_entity_id: number | null;
  created_by: string;
  created_at: Timestamp;
}

export interface GraphNode {
  id: number;
  kind: IntelKind;
  label: string;
  degree: number;
}

export interface GraphEdge {
  source: number;
  target: number;
  types: LinkType[];
  links: number;
  count: number;
  amount_cents: number;
  first: string;
  last: string;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
  neighbours_total: number;
}

export interface IntelLink {
  id: number;
  type: LinkType;
  source: { id: number; kind: IntelKind; label: string };
  target: { id: number; kind: IntelKind; label: string };
  source_record: string;
  date_from: string | null;
  date_to: string | null;
  count: number;
  amount_cents: number | null;
  currency: string | null;
  confidence: number;
  note: string;
  entered_by: string;
  entered_at: Timestamp;
}

export interface IntelEntityDetail {
  entity: IntelEntity;
  links: IntelLink[];
  link_count: number;
}

export interface NodeMeasures extends GraphNode {
  betweenness: number;
  pagerank: number;
  strength: number;
  community: number;
}

export interface Analysis {
  nodes: NodeMeasures[];
  communities: number;
  modularity: number;
  node_count: number;
  edge_count: number;
}

export interface GraphPath {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface KeyPlayer {
  entity: GraphNode;
  score: number;
  betweenness: number;
  pagerank: number;
  links: number;
  source_records: number;
  mean_confidence: number;
  events: string[];
  reasons: string[];
  /** One per reason, for wording it in the reader's language. */
  reason_codes: string[];
  /** 1 for the first in the ranking. */
  rank: number;
  suggested_tiers: string[];
  identifiers: number[];
  tiers_are_suggestions: true;
}

export type SliceStatus = 'new' | 'gone' | 'kept';

/** Two periods of the network compared (GET /api/intel/slices). */
export interface SliceQuery {
  from1: string;
  to1: string;
  from2: string;
  to2: string;
  types?: string | undefined;
  /** Comma-separated entity ids: these only, and the links among them. */
  entities?: string | undefined;
  /** At most this many entities and links (default 200, at most 5000). */
  limit?: number | undefined;
}

export interface SliceComparison {
  from1: string;
  to1: string;
  from2: string;
  to2: string;
  nodes_before: number;
  nodes_after: number;
  edges_before: number;
  edges_after: number;
  nodes_new: number;
  nodes_gone: number;
  nodes_kept: number;
  edges_new: number;
  edges_gone: number;
  edges_kept: number;
  nodes: (GraphNode & {
    status: SliceStatus | 'absent';
    degree_before: number;
    degree_after: number;
    betweenness_before: number;
    betweenness_after: number;
  })[];
  edges: { source: number; target: number; status: SliceStatus }[];
  truncated: boolean;
}

/** A case holding an entity, with the entity's events there and the case's tips. */
export interface EntityCase extends CaseSummary {
  tips: number[];
  events: { id: number; kind: string; date: string; agency: string; country: string }[];
}

export interface LinkFilter {
  types?: string;
  from?: string;
  to?: string;
}

// Cases (docs/api.md, /api/cases/…).

export interface CaseSummary {
  id: number;
  title: string;
  agency: string;
  country: string;
  status: 'open' | 'suspended' | 'closed';
  lead: { username: string; display_name: string };
  created_at: Timestamp;
  member: boolean;
}

export interface CaseDetail extends Omit<CaseSummary, 'member'> {
  members: { username: string; display_name: string; agency: string; added_at: Timestamp }[];
  items: { kind: 'entity' | 'link' | 'tip' | 'incident'; id: number; label: string; entity_kind: string; added_by: string; added_at: Timestamp }[];
  events: { id: number; entity_id: number; entity_label: string; kind: string; date: string; agency: string; country: string; note: string; entered_by: string }[];
}

export interface NewCase {
  title: string;
  agency: string;
  country: string;
}

export interface NewCaseEvent {
  entity_id: number;
  kind: string;
  date: string;
  agency: string;
  country: string;
  note?: string;
}

export interface CaseFigures {
  rows: { period: string; agency: string; country: string; arrests: number; convictions: number }[];
  arrests: number;
  convictions: number;
}

/** `GET /api/intel/disrupt` */
export interface Disruption {
  measure: string;
  initial_largest_group: number;
  steps: { removed: GraphNode; score: number; largest_group: number; groups: number }[];
}

/** `GET /api/intel/flows` */
export interface MoneyFlows {
  entity: GraphNode;
  currency: string;
  amount_in_cents: number;
  amount_out_cents: number;
  senders: number;
  receivers: number;
  top_senders: { entity: GraphNode; amount_cents: number }[];
  top_receivers: { entity: GraphNode; amount_cents: number }[];
  accounts: number[];
}

/** A screening hit: a watchlist entry or an earlier record the person may be. */
export interface ScreeningHit {
  id: number;
  person_id: number;
  source: 'watchlist' | 'earlier_record' | 'earlier_return';
  watchlist: string;
  version_id: number | null;
  entry_id: string;
  matched_name: string;
  score: number;
  reasons: string[];
  status: 'open' | 'confirmed' | 'dismissed';
  decided_by: string;
  decision_note: string;
  nationality: string;
  created_at: Timestamp;
}

export interface SafeguardBlock {
  safeguard: string;
  reason: string;
  lifted: boolean;
}

export interface ReturnDecision {
  id: number;
  person_id: number;
  receiving_country: string;
  reason: string;
  rule_version: number | null;
  voluntary: boolean;
  status: 'decided' | 'executed' | 'stopped' | 'cancelled';
  manifest_id: number | null;
  decided_at: Timestamp;
  decided_by: string;
  executed_at: Timestamp | null;
  executed_by: string;
  stopped_reason: string;
}

export interface PersonFile {
  person_id: number;
  nationality: string;
  registered_on: string;
  child: boolean;
  claims: { id: number; lodged_on: string; status: string; decided_on: string | null; appealed_on: string | null; decision_note: string }[];
  trafficking: { id: number; outcome: string; assessed_on: string; indicators: string[]; assessed_by: string }[];
  best_interest: { id: number; status: string; recommendation: string; note: string; updated_by: string }[];
  referrals: { id: number; partner: string; service: string; consent: boolean; consent_note: string }[];
  returns: ReturnDecision[];
  safeguards: SafeguardBlock[];
}

export type ClaimStatus = 'recognised' | 'rejected' | 'under_appeal' | 'rejected_final' | 'withdrawn';
export type TraffickingOutcome = 'no_indicators' | 'suspected' | 'recognised' | 'not_a_victim';
export type BestInterestRecommendation = 'return' | 'stay' | 'other_solution';

export interface ReturnOverride {
  id: number;
  requested_by: string;
  approved_by: string;
}

/** One count of `GET /api/screening/figures`: measure (screenings, hits, claims, decisions:STATUS, return_decisions, returns, stopped:SAFEGUARD), nationality, month. */
export interface ScreeningFigure {
  measure: string;
  nationality: string;
  month: string;
  count: number;
}

export type WatchlistKind = 'wanted' | 'sanctions' | 'other';

/** `GET /api/watchlists`: one imported version of a list, newest first. */
export interface WatchlistVersion {
  id: number;
  watchlist: string;
  kind: WatchlistKind;
  version: number;
  file_name: string;
  sha256: string;
  entries: number;
  imported_at: Timestamp;
  imported_by: string;
}

/** `POST /api/watchlists/import` */
export interface WatchlistImportResult {
  version_id: number;
  version: number;
  entries: number;
  /** Over the latest version of every list, now that the screener holds this one. */
  screened_entries: number;
  screened_names: number;
}

export interface RuleVersion {
  version: number;
  effective_on: string;
  rules: string;
  note: string;
  created_by: string;
}

export interface ReturnManifest {
  id: number;
  mode: 'bus' | 'flight';
  receiving_country: string;
  departs_on: string;
  escort: string;
  status: 'open' | 'executed';
  created_by: string;
}

export interface ExecutionOutcome {
  executed: boolean;
  stopped_reason: string;
  return: ReturnDecision;
}

/** Anonymous counts of incidents (GET /api/incidents/counts). */
export interface IncidentCount {
  period: string;
  type: string;
  incidents: number;
  dead_or_missing: number;
  victims: number;
}

/** Map points, one array per field (GET /api/incidents/points). */
export interface IncidentPoints {
  types: string[];
  lon: number[];
  lat: number[];
  type: number[];
  month: string[];
}

export interface SectorProperties {
  code: string;
  name: string;
  units_to_cover: number;
  area_km2: number;
  incidents: number;
  dead_or_missing: number;
  weight: number;
  risk: number;
  share: number;
  by_type: Record<string, number>;
}

export interface SectorCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: SectorProperties; geometry: import('geojson').Polygon }[];
}

export interface SectorPlan {
  code: string;
  name: string;
  risk: number;
  incidents: number;
  units_to_cover: number;
  coverage: number;
  expected_units: number;
  ground_units: number;
  air_units: number;
  fixed: boolean;
  attacker_utility: number;
  reason: string;
}

export interface Plan {
  from: string;
  to: string;
  resources: number;
  used: number;
  attacked: string;
  defender_utility: number;
  free_defender_utility: number;
  cost_of_fixes: number;
  sectors: SectorPlan[];
  shifts: { shift: number; sectors: { code: string; ground: number; air: number }[] }[];
}

/** A victim of an incident linked to her registration. */
export interface VictimLink {
  person_id: number;
  linked_by: string;
  linked_at: number;
}

export interface Operation {
  id: number;
  name: string;
  from: string;
  to: string;
  sectors: string[];
  ground_units: number;
  air_units: number;
  arrests: number;
  seizures: number;
  rescues: number;
  notes: string;
  incidents_before: number;
  incidents_during: number;
  dead_or_missing_before: number;
  dead_or_missing_during: number;
}

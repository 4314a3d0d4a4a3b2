// The one client for the escudo HTTP API (docs/api.md). Every route the UI
// calls is declared in `routes` below; `API_ROUTES` lists them so a test can
// check each against the server's OpenAPI description.
//
// Usage:
//   const { user } = await api.login({ username, password });
//   const yearly = await api.transitsYearly();
// A failed call throws `ApiError` carrying the server's error code, reason and,
// for a refused import, the bad rows.

import type {
  Analysis,
  IncidentCount,
  IncidentPoints,
  Operation,
  Plan,
  VictimLink,
  SectorCollection,
  AuditPage,
  CaseDetail,
  CaseFigures,
  CaseSummary,
  EntityCase,
  GraphPath,
  IntelEntity,
  IntelEntityDetail,
  KeyPlayer,
  Disruption,
  MoneyFlows,
  LinkFilter,
  SliceComparison,
  SliceQuery,
  Neighbourhood,
  NewCase,
  NewCaseEvent,
  AuditQuery,
  AuditVerification,
  CreatedUser,
  Entity,
  ErrorCode,
  Health,
  FieldProblem,
  ImportResult,
  NewNomination,
  Nomination,
  RewardReportRow,
  RewardTier,
  TipDetail,
  TipExtract,
  TipInbox,
  TipInboxQuery,
  TipSummary,
  TipUpdate,
  Language,
  LoginRequest,
  LoginResponse,
  Me,
  MonthlyQuery,
  MonthlyTransits,
  NewRegisteredPerson,
  NewRegistration,
  NewUser,
  PasswordChange,
  PeriodComparison,
  PersonFile,
  ExecutionOutcome,
  BestInterestRecommendation,
  ClaimStatus,
  ReturnDecision,
  ReturnManifest,
  ReturnOverride,
  RuleVersion,
  WatchlistImportResult,
  WatchlistKind,
  WatchlistVersion,
  ScreeningFigure,
  TraffickingOutcome,
  SafeguardBlock,
  ScreeningHit,
  ProbableMatch,
  Projection,
  ProjectionQuery,
  RegisteredGroup,
  RegisteredGroupWithIdentity,
  RegistrationImportResult,
  ReviewDecision,
  ReviewPair,
  StatsCube,
  StatsDimension,
  StatsQuery,
  RowError,
  Station,
  TotpEnrolment,
  User,
  YearlyTransits,
} from './types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Route {
  method: Method;
  /** The path as the OpenAPI description writes it, `{name}` for a parameter. */
  path: string;
}

const routes = {
  health: { method: 'GET', path: '/api/health' },
  openapi: { method: 'GET', path: '/api/openapi.json' },
  login: { method: 'POST', path: '/api/session' },
  logout: { method: 'DELETE', path: '/api/session' },
  me: { method: 'GET', path: '/api/me' },
  setLanguage: { method: 'PUT', path: '/api/me/language' },
  changePassword: { method: 'PUT', path: '/api/me/password' },
  startTotp: { method: 'POST', path: '/api/me/totp' },
  confirmTotp: { method: 'PUT', path: '/api/me/totp' },
  transitsMonthly: { method: 'GET', path: '/api/transits/monthly' },
  transitsYearly: { method: 'GET', path: '/api/transits/yearly' },
  importTransits: { method: 'POST', path: '/api/transits/import' },
  stats: { method: 'GET', path: '/api/stats' },
  compare: { method: 'GET', path: '/api/stats/compare' },
  projection: { method: 'GET', path: '/api/projection' },
  stations: { method: 'GET', path: '/api/stations' },
  register: { method: 'POST', path: '/api/registrations' },
  importRegistrations: { method: 'POST', path: '/api/registrations/import' },
  registration: { method: 'GET', path: '/api/registrations/{id}' },
  checkRegistration: { method: 'POST', path: '/api/registrations/check' },
  entity: { method: 'GET', path: '/api/entities/{id}' },
  reviewQueue: { method: 'GET', path: '/api/entities/review' },
  decide: { method: 'POST', path: '/api/entities/review' },
  listUsers: { method: 'GET', path: '/api/users' },
  createUser: { method: 'POST', path: '/api/users' },
  setUserDisabled: { method: 'PUT', path: '/api/users/{id}/disabled' },
  audit: { method: 'GET', path: '/api/audit' },
  verifyAudit: { method: 'GET', path: '/api/audit/verify' },
  tipInbox: { method: 'GET', path: '/api/tips' },
  tip: { method: 'GET', path: '/api/tips/{id}' },
  updateTip: { method: 'PATCH', path: '/api/tips/{id}' },
  tipNote: { method: 'POST', path: '/api/tips/{id}/notes' },
  tipReply: { method: 'POST', path: '/api/tips/{id}/replies' },
  tipExtract: { method: 'POST', path: '/api/tips/{id}/extracts' },
  tipPerson: { method: 'POST', path: '/api/tips/{id}/people' },
  linkTipEntity: { method: 'PUT', path: '/api/tips/{id}/entities/{other}' },
  linkTipCase: { method: 'PUT', path: '/api/tips/{id}/cases/{other}' },
  myExtracts: { method: 'GET', path: '/api/tips/extracts' },
  unlockKeys: { method: 'POST', path: '/api/tips/unlock' },
  rewardTiers: { method: 'GET', path: '/api/rewards/tiers' },
  nominations: { method: 'GET', path: '/api/rewards/nominations' },
  nominate: { method: 'POST', path: '/api/rewards/nominations' },
  reviewNomination: { method: 'POST', path: '/api/rewards/nominations/{id}/reviews' },
  payNomination: { method: 'POST', path: '/api/rewards/nominations/{id}/payment' },
  rewardReport: { method: 'GET', path: '/api/rewards/report' },
  intelEntities: { method: 'GET', path: '/api/intel/entities' },
  intelEntity: { method: 'GET', path: '/api/intel/entities/{id}' },
  neighbourhood: { method: 'GET', path: '/api/intel/neighbourhood' },
  analysis: { method: 'GET', path: '/api/intel/analysis' },
  path: { method: 'GET', path: '/api/intel/path' },
  keyPlayers: { method: 'GET', path: '/api/intel/key-players' },
  disrupt: { method: 'GET', path: '/api/intel/disrupt' },
  flows: { method: 'GET', path: '/api/intel/flows' },
  slices: { method: 'GET', path: '/api/intel/slices' },
  cases: { method: 'GET', path: '/api/cases' },
  createCase: { method: 'POST', path: '/api/cases' },
  caseDetail: { method: 'GET', path: '/api/cases/{id}' },
  addCaseItem: { method: 'POST', path: '/api/cases/{id}/items' },
  addCaseEvent: { method: 'POST', path: '/api/cases/{id}/events' },
  caseFigures: { method: 'GET', path: '/api/cases/figures' },
  screeningHits: { method: 'GET', path: '/api/screening/hits' },
  watchlists: { method: 'GET', path: '/api/watchlists' },
  importWatchlist: { method: 'POST', path: '/api/watchlists/import' },
  decideHit: { method: 'POST', path: '/api/screening/hits/{id}/decision' },
  screenPerson: { method: 'POST', path: '/api/persons/{id}/screening' },
  personFile: { method: 'GET', path: '/api/persons/{id}/file' },
  safeguards: { method: 'GET', path: '/api/persons/{id}/safeguards' },
  lodgeClaim: { method: 'POST', path: '/api/persons/{id}/claims' },
  decideReturn: { method: 'POST', path: '/api/returns' },
  manifests: { method: 'GET', path: '/api/manifests' },
  createManifest: { method: 'POST', path: '/api/manifests' },
  manifestReturns: { method: 'GET', path: '/api/manifests/{id}/returns' },
  addToManifest: { method: 'POST', path: '/api/manifests/{id}/returns' },
  executeManifest: { method: 'POST', path: '/api/manifests/{id}/execute' },
  updateClaim: { method: 'POST', path: '/api/claims/{id}' },
  assessTrafficking: { method: 'POST', path: '/api/persons/{id}/trafficking' },
  bestInterest: { method: 'POST', path: '/api/persons/{id}/best-interest' },
  refer: { method: 'POST', path: '/api/persons/{id}/referrals' },
  requestOverride: { method: 'POST', path: '/api/returns/{id}/override' },
  approveOverride: { method: 'POST', path: '/api/returns/{id}/override/approval' },
  screeningFigures: { method: 'GET', path: '/api/screening/figures' },
  rules: { method: 'GET', path: '/api/rules' },
  addRules: { method: 'POST', path: '/api/rules' },
  incidentPoints: { method: 'GET', path: '/api/incidents/points' },
  incidentCounts: { method: 'GET', path: '/api/incidents/counts' },
  hotspots: { method: 'GET', path: '/api/hotspots' },
  sectors: { method: 'GET', path: '/api/sectors' },
  plan: { method: 'POST', path: '/api/plan' },
  recordIncident: { method: 'POST', path: '/api/incidents' },
  operations: { method: 'GET', path: '/api/operations' },
  createOperation: { method: 'POST', path: '/api/operations' },
  operationResults: { method: 'POST', path: '/api/operations/{id}/results' },
  victimLinks: { method: 'GET', path: '/api/incidents/{id}/victims' },
  linkVictim: { method: 'POST', path: '/api/incidents/{id}/victims' },
} as const satisfies Record<string, Route>;

/** Filters of the incident routes: type and months (YYYY-MM). */
export interface IncidentFilter {
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Every route this client calls, as `{method, path}`. */
export const API_ROUTES: readonly Route[] = Object.values(routes);

/** An error answer from the server, or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly reason: string | undefined;
  readonly rows: RowError[];
  /** For a refused registration (`reason: "bad_fields"`): each field to correct. */
  readonly fields: FieldProblem[];

  constructor(
    status: number,
    code: ErrorCode | 'network',
    message: string,
    reason?: string,
    rows?: RowError[],
    fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.reason = reason;
    this.rows = rows ?? [];
    this.fields = fields ?? [];
  }
}

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

/** Called when a signed-in call is answered 401 (the session has ended). */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

function expand(path: string, params: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, string | number | undefined> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface CallOptions {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
}

async function toError(response: Response): Promise<ApiError> {
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  const error = (payload as { error?: Record<string, unknown> } | undefined)?.error;
  if (error && typeof error === 'object') {
    return new ApiError(
      response.status,
      (typeof error.code === 'string' ? error.code : 'internal') as ErrorCode,
      typeof error.message === 'string' ? error.message : response.statusText,
      typeof error.reason === 'string' ? error.reason : undefined,
      Array.isArray(error.rows) ? (error.rows as RowError[]) : undefined,
      Array.isArray(error.fields) ? (error.fields as FieldProblem[]) : undefined,
    );
  }
  return new ApiError(response.status, 'internal', response.statusText || `HTTP ${response.status}`);
}

async function call<T>(route: Route, options: CallOptions = {}): Promise<T> {
  const url = expand(route.path, options.params ?? {}) + queryString(options.query);
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
    body = options.body;
  }
  if (route.method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      credentials: 'same-origin',
      headers,
      body,
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = await toError(response);
    // A wrong current password is answered 401 too, but the session goes on.
    const sessionEnded = response.status === 401 && error.reason !== 'wrong_password';
    if (sessionEnded && route !== routes.login && route !== routes.me) {
      csrfToken = undefined;
      onUnauthenticated?.();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function remember(me: Me): Me {
  if (me.csrf_token) csrfToken = me.csrf_token;
  return me;
}

export const api = {
  health: () => call<Health>(routes.health),

  /** The server's OpenAPI 3.1 description. */
  openapi: () => call<Record<string, unknown>>(routes.openapi),

  /**
   * Signs in. Throws ApiError 401 with reason `totp_required` when the account
   * has a second factor and no code was given, `totp_invalid` for a wrong code,
   * and 429 while sign-ins are throttled.
   */
  login: async (request: LoginRequest): Promise<LoginResponse> => {
    const answer = await call<LoginResponse>(routes.login, { json: request });
    csrfToken = answer.csrf_token;
    return answer;
  },

  logout: async (): Promise<void> => {
    try {
      await call<void>(routes.logout);
    } finally {
      csrfToken = undefined;
    }
  },

  /** The signed-in user; throws ApiError 401 when nobody is signed in. */
  me: async (): Promise<Me> => remember(await call<Me>(routes.me)),

  setLanguage: async (language: Language): Promise<Me> =>
    remember(await call<Me>(routes.setLanguage, { json: { language } })),

  /**
   * Changes the signed-in user's password; their other sessions end, this one
   * stays. Throws ApiError 401 with reason `wrong_password` for a wrong current
   * password (it counts as a failed sign-in: 429 after five), 400 for a new
   * password that is too short or the same as the current one.
   */
  changePassword: (change: PasswordChange) => call<void>(routes.changePassword, { json: change }),

  startTotp: () => call<TotpEnrolment>(routes.startTotp),

  confirmTotp: async (code: string): Promise<Me> =>
    remember(await call<Me>(routes.confirmTotp, { json: { code } })),

  transitsMonthly: (query: MonthlyQuery = {}) =>
    call<MonthlyTransits>(routes.transitsMonthly, { query: { ...query } }),

  transitsYearly: () => call<YearlyTransits>(routes.transitsYearly),

  /** Stores every row of an official CSV table or none; a refusal lists the bad rows. */
  importTransits: (csv: Blob | string) =>
    call<ImportResult>(routes.importTransits, { body: csv, contentType: 'text/csv' }),

  /** People counted by the dimensions of `by`, optionally within months `from`..`to`. */
  stats: <Dim extends StatsDimension>(query: StatsQuery<Dim>) =>
    call<StatsCube<Dim>>(routes.stats, {
      query: {
        by: query.by.join(','),
        from: query.from,
        to: query.to,
        nationality: query.nationality,
        source: query.source,
      },
    }),

  /** The months `from`..`to` (`YYYY-MM`, at most a year apart) against the same months a year earlier. */
  compare: (from: string, to: string) => call<PeriodComparison>(routes.compare, { query: { from, to } }),

  /** The year's total projected from the months up to the cut-off, with each method's track record. */
  projection: (query: ProjectionQuery) =>
    call<Projection>(routes.projection, { query: { year: query.year, cutoff: query.cutoff } }),

  /** The reception stations where people are registered on arrival. */
  stations: () => call<{ stations: Station[] }>(routes.stations),

  /**
   * Registers a group (one person, or a family together). The answer gives
   * each person's age and whether the server flagged them unaccompanied. A
   * refusal is ApiError 422 with reason `bad_fields` and `fields` listing what
   * to correct (person -1 for the group), or 400 for a value of the wrong type.
   */
  register: (group: NewRegistration) => call<RegisteredGroup>(routes.register, { json: group }),

  /** Stores every row of a registration CSV file (one row per person) or none; a refusal lists the bad rows. */
  importRegistrations: (csv: Blob | string) =>
    call<RegistrationImportResult>(routes.importRegistrations, { body: csv, contentType: 'text/csv' }),

  /** A registered group with its people's identities; every such read is written to the audit log. */
  registration: (id: number) => call<RegisteredGroupWithIdentity>(routes.registration, { params: { id } }),

  /** Earlier registrations that are probably this person, with why; nothing is stored (audited when any is found). */
  checkRegistration: (person: Partial<NewRegisteredPerson>, registeredOn?: string) =>
    call<{ matches: ProbableMatch[] }>(routes.checkRegistration, {
      json: { person, ...(registeredOn ? { registered_on: registeredOn } : {}) },
    }),

  /** An entity: its records, what links them and its history (audited). */
  entity: (id: number) => call<Entity>(routes.entity, { params: { id } }),

  /** Uncertain pairs waiting for a reviewer, most uncertain first. */
  reviewQueue: (limit = 20) => call<{ pairs: ReviewPair[] }>(routes.reviewQueue, { query: { limit } }),

  /** Records a reviewer's decision; returns the entities of the records after it. */
  decide: (decision: ReviewDecision) => call<{ entities: number[] }>(routes.decide, { json: decision }),

  listUsers: () => call<{ users: User[] }>(routes.listUsers),

  createUser: (user: NewUser) => call<CreatedUser>(routes.createUser, { json: user }),

  setUserDisabled: (id: User['id'], disabled: boolean) =>
    call<User>(routes.setUserDisabled, { params: { id }, json: { disabled } }),

  audit: (query: AuditQuery = {}) => call<AuditPage>(routes.audit, { query: { ...query } }),

  /** Entities of a kind whose label holds `q` (people by name need intel.identity). */
  intelEntities: (q: string, kind = '', limit = 20) =>
    call<{ entities: IntelEntity[] }>(routes.intelEntities, { query: { q, kind, limit } }),
  /** An entity with its links and their provenance. */
  intelEntity: (id: number) => call<IntelEntityDetail>(routes.intelEntity, { params: { id } }),
  neighbourhood: (entity: number, filter: LinkFilter = {}, max = 50) =>
    call<Neighbourhood>(routes.neighbourhood, { query: { entity, max, ...filter } }),
  /** Measures and communities of these entities. */
  analysis: (entities: number[]) =>
    call<Analysis>(routes.analysis, { query: { entities: entities.join(','), limit: entities.length } }),
  path: (from: number, to: number, types?: string) =>
    call<{ paths: GraphPath[] }>(routes.path, { query: { from, to, types } }),
  keyPlayers: (limit = 25) => call<{ players: KeyPlayer[] }>(routes.keyPlayers, { query: { limit } }),
  /** One entity's entry in the ranking (none when it has no tie among people). */
  keyPlayer: (entity: number) => call<{ players: KeyPlayer[] }>(routes.keyPlayers, { query: { entity } }),
  /** The network of one period against another. */
  slices: (query: SliceQuery) => call<SliceComparison>(routes.slices, { query: { ...query } }),
  disrupt: (by: string, steps: number) => call<Disruption>(routes.disrupt, { query: { by, steps } }),
  flows: (entity: number, currency = 'USD') => call<MoneyFlows>(routes.flows, { query: { entity, currency } }),

  cases: () => call<{ cases: CaseSummary[] }>(routes.cases),
  /** The cases holding an intelligence entity that the reader may open. */
  casesOfEntity: (entity: number) => call<{ cases: EntityCase[] }>(routes.cases, { query: { entity } }),
  createCase: (c: NewCase) => call<{ id: number }>(routes.createCase, { json: c }),
  caseDetail: (id: number) => call<CaseDetail>(routes.caseDetail, { params: { id } }),
  addCaseItem: (id: number, kind: string, item: number) =>
    call<void>(routes.addCaseItem, { params: { id }, json: { kind, id: item } }),
  addCaseEvent: (id: number, event: NewCaseEvent) =>
    call<{ id: number }>(routes.addCaseEvent, { params: { id }, json: event }),
  caseFigures: (by: 'month' | 'year' = 'month') => call<CaseFigures>(routes.caseFigures, { query: { by } }),

  verifyAudit: () => call<AuditVerification>(routes.verifyAudit),

  /** The tip inbox: status, day, assignment and tags only (nothing sealed), newest first. */
  tipInbox: (query: TipInboxQuery = {}) => call<TipInbox>(routes.tipInbox, { query: { ...query } }),

  /** One tip, opened with the desk key unlocked at sign-in (audited). 409 `keys_locked` asks for the password. */
  tip: (id: number) => call<TipDetail>(routes.tip, { params: { id } }),

  updateTip: (id: number, update: TipUpdate) => call<TipSummary>(routes.updateTip, { params: { id }, json: update }),

  /** An internal note, sealed to the desk. */
  tipNote: (id: number, text: string) => call<{ id: number }>(routes.tipNote, { params: { id }, json: { text } }),

  /** An answer the tipster reads with their receipt code. */
  tipReply: (id: number, text: string) => call<{ id: number }>(routes.tipReply, { params: { id }, json: { text } }),

  /** Forwards the text the handler chose to an investigator (audited). */
  tipExtract: (id: number, recipient: string, text: string) =>
    call<{ id: number }>(routes.tipExtract, { params: { id }, json: { recipient, text } }),
  tipPerson: (id: number, fullName: string, phone: string) =>
    call<{ record_id: string; entity_id: number }>(routes.tipPerson, {
      params: { id },
      json: { full_name: fullName, ...(phone ? { phone } : {}) },
    }),

  linkTipEntity: (id: number, entity: number) => call<void>(routes.linkTipEntity, { params: { id, other: entity } }),

  linkTipCase: (id: number, caseId: number) => call<void>(routes.linkTipCase, { params: { id, other: caseId } }),

  /** Extracts of tips the desk forwarded to me (audited). */
  myExtracts: () => call<{ extracts: TipExtract[] }>(routes.myExtracts),

  /** Unlocks one's keys with the password again (after a server restart). */
  unlockKeys: (password: string) => call<void>(routes.unlockKeys, { json: { password } }),

  rewardTiers: () => call<{ tiers: RewardTier[] }>(routes.rewardTiers),

  nominations: (status?: string) => call<{ nominations: Nomination[] }>(routes.nominations, { query: { status } }),

  nominate: (nomination: NewNomination) => call<Nomination>(routes.nominate, { json: nomination }),

  /** A committee member's decision; two different members approve. */
  reviewNomination: (id: number, decision: 'approve' | 'reject', reason = '') =>
    call<Nomination>(routes.reviewNomination, { params: { id }, json: { decision, reason } }),

  payNomination: (id: number, payment: { amount: string; paid_on: string; reference: string }) =>
    call<Nomination>(routes.payNomination, { params: { id }, json: payment }),

  rewardReport: () => call<{ rows: RewardReportRow[] }>(routes.rewardReport),

  /** The screening queue, best score first; `status` open (default), confirmed, dismissed or all. */
  watchlists: () => call<{ versions: WatchlistVersion[] }>(routes.watchlists),

  /** A new version of a list (all rows or none; a refusal lists every bad row in its message). */
  importWatchlist: (csv: Blob | string, list: { name: string; kind: WatchlistKind; file_name: string }) =>
    call<WatchlistImportResult>(routes.importWatchlist, { body: csv, contentType: 'text/csv', query: { ...list } }),

  screeningHits: (status = 'open', person?: number) =>
    call<{ hits: ScreeningHit[] }>(routes.screeningHits, { query: { status, person } }),

  /** Confirms or dismisses a hit (a dismissal says why); audited. */
  decideHit: (id: number, decision: 'confirm' | 'dismiss', note: string) =>
    call<ScreeningHit>(routes.decideHit, { params: { id }, json: { decision, note } }),

  screenPerson: (id: number) => call<{ hits: ScreeningHit[] }>(routes.screenPerson, { params: { id } }),

  /** A person's claims, assessments, referrals, returns and what would stop a return now (audited). */
  personFile: (id: number) => call<PersonFile>(routes.personFile, { params: { id } }),

  /** Lodges a protection claim (pending) for the person; `lodgedOn` is YYYY-MM-DD. */
  lodgeClaim: (id: number, lodgedOn: string) =>
    call<{ id: number; status: string }>(routes.lodgeClaim, { params: { id }, json: { lodged_on: lodgedOn } }),

  safeguards: (id: number) =>
    call<{ allowed: boolean; safeguards: SafeguardBlock[] }>(routes.safeguards, { params: { id } }),

  /** Decides a return; ApiError 409 with reason `safeguard` and the reasons when the law forbids it. */
  decideReturn: (decision: { person_id: number; receiving_country: string; reason: string; voluntary?: boolean }) =>
    call<ReturnDecision>(routes.decideReturn, { json: decision }),

  manifests: () => call<{ manifests: ReturnManifest[] }>(routes.manifests),

  createManifest: (m: { mode: 'bus' | 'flight'; receiving_country: string; departs_on: string; escort: string }) =>
    call<ReturnManifest>(routes.createManifest, { json: m }),

  manifestReturns: (id: number) => call<{ returns: ReturnDecision[] }>(routes.manifestReturns, { params: { id } }),

  /** Refused (409 `safeguard`, with the reason) when a safeguard stops the return now. */
  addToManifest: (id: number, returnId: number) =>
    call<ReturnDecision>(routes.addToManifest, { params: { id }, json: { return_id: returnId } }),

  /** Each return is checked again; the answer says who went and who was stopped, and why. */
  executeManifest: (id: number) => call<{ outcomes: ExecutionOutcome[] }>(routes.executeManifest, { params: { id } }),

  /** Decides, appeals or withdraws a claim; `on` is YYYY-MM-DD. */
  updateClaim: (id: number, change: { status: ClaimStatus; on: string; note: string }) =>
    call<{ id: number; status: string }>(routes.updateClaim, { params: { id }, json: change }),

  /** Records a trafficking assessment: the checklist's indicator codes and the outcome. */
  assessTrafficking: (id: number, a: { indicators: string[]; outcome: TraffickingOutcome; assessed_on: string }) =>
    call<{ id: number; outcome: string }>(routes.assessTrafficking, { params: { id }, json: a }),

  /** A child's best-interest assessment; a completed one carries a recommendation. */
  bestInterest: (id: number, a: { status: 'open' | 'completed'; recommendation?: BestInterestRecommendation; note: string }) =>
    call<{ id: number; status: string; recommendation: string }>(routes.bestInterest, { params: { id }, json: a }),

  /** Refers the person to a protection partner; refused without their consent. */
  refer: (id: number, r: { partner: string; service: string; consent: boolean; consent_note: string }) =>
    call<{ id: number }>(routes.refer, { params: { id }, json: r }),

  /** Records the person's request for a voluntary return (the first officer). */
  requestOverride: (returnId: number, statement: string) =>
    call<ReturnOverride>(routes.requestOverride, { params: { id: returnId }, json: { statement } }),

  /** Approves an override; refused (409 `same_officer`) for the officer who asked for it. */
  approveOverride: (returnId: number) => call<ReturnOverride>(routes.approveOverride, { params: { id: returnId } }),

  /** Counts by measure, nationality and month (no names); months are YYYY-MM. */
  screeningFigures: (from: string, to: string) =>
    call<{ rows: ScreeningFigure[] }>(routes.screeningFigures, { query: { from, to } }),

  /** Every version of the entry requirements, newest first. */
  rules: () => call<{ versions: RuleVersion[] }>(routes.rules),

  /** A new version of the entry requirements; `rules` is a JSON object as text. */
  addRules: (r: { effective_on: string; rules: string; note: string }) =>
    call<{ version: number; effective_on: string }>(routes.addRules, { json: r }),
  incidentPoints: (query: IncidentFilter) => call<IncidentPoints>(routes.incidentPoints, { query: { ...query } }),
  incidentCounts: (query: IncidentFilter & { by?: 'year' | 'month' }) =>
    call<{ rows: IncidentCount[] }>(routes.incidentCounts, { query: { ...query } }),
  hotspots: (query: IncidentFilter & { compare_from?: string | undefined; compare_to?: string | undefined }) =>
    call<import('geojson').FeatureCollection>(routes.hotspots, { query: { ...query } }),
  sectors: (query: IncidentFilter) => call<SectorCollection>(routes.sectors, { query: { ...query } }),
  /** `fixed`: coverage (0–1) the commander imposes on a sector; the plan says what that costs. */
  plan: (request: {
    units: number;
    air_units?: number;
    period?: string | undefined;
    fixed?: { code: string; coverage: number }[];
  }) => call<Plan>(routes.plan, { json: request }),
  operations: () => call<{ operations: Operation[] }>(routes.operations),
  createOperation: (op: { name: string; from: string; to: string; sectors: string[]; ground_units: number; air_units: number }) =>
    call<{ id: number }>(routes.createOperation, { json: op }),
  operationResults: (id: number, results: { arrests: number; seizures: number; rescues: number; notes: string }) =>
    call<void>(routes.operationResults, { params: { id }, json: results }),
  /** Only for those who may see both the incident and the person (403 otherwise). */
  victimLinks: (id: number) => call<{ victims: VictimLink[] }>(routes.victimLinks, { params: { id } }),
  /** Refused (409) for a survivor's record without her consent to it. */
  linkVictim: (id: number, personId: number) =>
    call<void>(routes.linkVictim, { params: { id }, json: { person_id: personId } }),
  recordIncident: (incident: Record<string, unknown>) => call<{ id: number }>(routes.recordIncident, { json: incident }),
};

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

export type Permission = 'transits.read' | 'transits.import' | 'users.manage' | 'audit.read';

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

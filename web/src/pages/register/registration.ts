// A registration as it is being typed, the checks the server makes on it
// (src/model/registration.cc, mirrored here so the registrar hears about a
// problem when leaving the field), the age of each person on the registration
// day, who the server will flag as unaccompanied, and the request body.

import type {
  DocumentType,
  FieldProblem,
  NewRegisteredPerson,
  NewRegistration,
  PersonSex,
  Relationship,
  VulnerabilityFlag,
} from '../../api/types';
import { VULNERABILITY_FLAGS } from '../../api/types';
import type { MessageKey, Params } from '../../i18n';
import { findCountry } from '../../ui/countries';

/** As in the server: 18 and over is an adult. */
export const ADULT_AGE = 18;
export const MAX_AGE = 110;
export const MAX_PEOPLE = 40;
export const MAX_DAYS_IN_JUNGLE = 60;
/** The server's limits, in UTF-8 bytes. */
const MAX_TEXT_BYTES = 200;
const MAX_DOCUMENT_BYTES = 64;

export const DEPARTURE_POINTS = ['Necoclí', 'Turbo', 'Acandí', 'Capurganá', 'Carreto', 'Puerto Obaldía'];

export interface PersonDraft {
  /** Stable across removals, for rendering only. */
  key: number;
  givenNames: string;
  familyNames: string;
  sex: PersonSex | '';
  /** `YYYY-MM-DD`, or empty. */
  birthDate: string;
  /** The date field holds something that is not a date (the browser's `badInput`). */
  birthDateUnreadable: boolean;
  estimatedAge: string;
  /** As typed, or the chosen label "Venezuela (VEN)". */
  nationality: string;
  documentType: DocumentType | '';
  documentCountry: string;
  /** The document's country follows the nationality until someone changes it. */
  documentCountryFollows: boolean;
  documentNumber: string;
  phone: string;
  /** The first person is always the head of the group. */
  relationship: Relationship | '';
  flags: Record<VulnerabilityFlag, boolean>;
}

export interface GroupDraft {
  station: string;
  /** `YYYY-MM-DD` */
  registeredOn: string;
  registeredOnUnreadable: boolean;
  departurePoint: string;
  daysInJungle: string;
  paidUsd: string;
  paidTo: string;
  people: PersonDraft[];
}

/** The fields of a group and of a person, named as the API names them. */
export type GroupField = 'station' | 'registered_on' | 'departure_point' | 'days_in_jungle' | 'paid_usd' | 'paid_to' | 'people';
export type PersonField =
  | 'given_names'
  | 'family_names'
  | 'sex'
  | 'birth_date'
  | 'estimated_age'
  | 'nationality'
  | 'document_type'
  | 'document_country'
  | 'document_number'
  | 'phone'
  | 'relationship'
  | VulnerabilityFlag;

export const GROUP_FIELDS: readonly GroupField[] = [
  'station',
  'registered_on',
  'departure_point',
  'days_in_jungle',
  'paid_usd',
  'paid_to',
  'people',
];
export const PERSON_FIELDS: readonly PersonField[] = [
  'given_names',
  'family_names',
  'sex',
  'birth_date',
  'estimated_age',
  'nationality',
  'document_type',
  'document_country',
  'document_number',
  'phone',
  'relationship',
  ...VULNERABILITY_FLAGS,
];

/** The id of a group field's control; `people` points at the Add person button. */
export function groupFieldId(field: GroupField): string {
  return field === 'people' ? 'add-person' : `group-${field}`;
}

/** The id of a person's field: `person-0-given_names`. */
export function personFieldId(index: number, field: PersonField): string {
  return `person-${index}-${field}`;
}

/** Something to correct: where (the control's id), and what to say. */
export interface Problem {
  /** Empty for a problem with no field of its own on the form. */
  id: string;
  /** Index of the person, -1 for the group. */
  person: number;
  key: MessageKey;
  params?: Params;
  /** The server's own words, when no message of ours fits. */
  serverText?: string;
  /** The server's name for the field, for a message of its own. */
  serverField?: string;
}

let nextKey = 1;

export function emptyPerson(previous?: PersonDraft): PersonDraft {
  return {
    key: nextKey++,
    givenNames: '',
    familyNames: previous?.familyNames ?? '',
    sex: '',
    birthDate: '',
    birthDateUnreadable: false,
    estimatedAge: '',
    nationality: previous?.nationality ?? '',
    documentType: '',
    documentCountry: previous?.nationality ?? '',
    documentCountryFollows: true,
    documentNumber: '',
    phone: '',
    relationship: previous ? '' : 'head',
    flags: { pregnant: false, disability: false, injured: false, violence_survivor: false, separated: false },
  };
}

/** Today in this computer's time zone, `YYYY-MM-DD`. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole years from `birth` to `day` (both `YYYY-MM-DD`), as the server counts them. */
export function yearsBetween(birth: string, day: string): number | undefined {
  const b = DAY.exec(birth);
  const d = DAY.exec(day);
  if (!b || !d) return undefined;
  let age = Number(d[1]) - Number(b[1]);
  const [bm, bd, dm, dd] = [Number(b[2]), Number(b[3]), Number(d[2]), Number(d[3])];
  if (dm < bm || (dm === bm && dd < bd)) age -= 1;
  return age;
}

/** An estimated age as typed: a whole number, or undefined. */
function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** The person's age on the registration day: from the date of birth, else the estimate. */
export function ageOn(person: PersonDraft, day: string): number | undefined {
  if (person.birthDate) {
    const age = yearsBetween(person.birthDate, day);
    return age !== undefined && age >= 0 ? age : undefined;
  }
  return wholeNumber(person.estimatedAge);
}

/**
 * The people the server will flag as unaccompanied: children (under 18 on the
 * day) when nobody in the group is an adult relative (18 or over and not
 * "unrelated"). Indexes into `people`.
 */
export function unaccompaniedChildren(group: GroupDraft): number[] {
  const ages = group.people.map((person) => ageOn(person, group.registeredOn));
  const adultRelative = group.people.some(
    (person, index) => (ages[index] ?? -1) >= ADULT_AGE && person.relationship !== 'unrelated',
  );
  if (adultRelative) return [];
  return ages.flatMap((age, index) => (age !== undefined && age < ADULT_AGE ? [index] : []));
}

/** A phone number with the spaces, dots, dashes and brackets people type taken out. */
export function normalisePhone(text: string): string {
  return text.replace(/[\s.\-()]/g, '');
}

/** "+" then 7 to 15 digits, the first not 0 (ITU-T E.164), as the server checks it. */
export function isE164(phone: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(phone);
}

/** Dollars as the server reads them ("350", "350.5", "350.50"); a decimal comma is taken as a point. */
export function normaliseUsd(text: string): string | undefined {
  const trimmed = text.trim().replace(/^\$\s*/, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(trimmed);
  if (!match) return undefined;
  return match[2] === undefined ? match[1] : `${match[1]}.${match[2]}`;
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Problems of a free-text field the server checks: required, length, control characters. */
function checkText(
  problems: Problem[],
  id: string,
  person: number,
  text: string,
  { required, maxBytes, missing }: { required: boolean; maxBytes: number; missing?: MessageKey },
): void {
  if (text.trim() === '') {
    if (required) problems.push({ id, person, key: missing ?? 'register.errors.required' });
    return;
  }
  if (utf8Bytes(text) > maxBytes) problems.push({ id, person, key: 'register.errors.tooLong' });
  else if (/[\u0000-\u001f\u007f]/.test(text)) problems.push({ id, person, key: 'register.errors.control' });
}

/** Every problem with the group, in the order of the form. `locale` reads country names. */
export function validateGroup(group: GroupDraft, todayDay: string, locale: string): Problem[] {
  const problems: Problem[] = [];
  const g = (field: GroupField) => groupFieldId(field);
  if (!group.station) problems.push({ id: g('station'), person: -1, key: 'register.errors.station' });
  if (group.registeredOnUnreadable) {
    problems.push({ id: g('registered_on'), person: -1, key: 'register.errors.dayUnreadable' });
  } else if (!DAY.test(group.registeredOn)) {
    problems.push({ id: g('registered_on'), person: -1, key: 'register.errors.dayMissing' });
  } else if (group.registeredOn > todayDay) {
    problems.push({ id: g('registered_on'), person: -1, key: 'register.errors.dayFuture' });
  }
  checkText(problems, g('departure_point'), -1, group.departurePoint, { required: false, maxBytes: MAX_TEXT_BYTES });
  if (group.daysInJungle.trim() !== '') {
    const days = wholeNumber(group.daysInJungle);
    if (days === undefined || days > MAX_DAYS_IN_JUNGLE) {
      problems.push({ id: g('days_in_jungle'), person: -1, key: 'register.errors.days' });
    }
  }
  if (group.paidUsd.trim() !== '' && normaliseUsd(group.paidUsd) === undefined) {
    problems.push({ id: g('paid_usd'), person: -1, key: 'register.errors.paid' });
  }
  checkText(problems, g('paid_to'), -1, group.paidTo, { required: false, maxBytes: MAX_TEXT_BYTES });
  if (group.people.length > MAX_PEOPLE) {
    problems.push({ id: g('people'), person: -1, key: 'register.errors.tooMany', params: { n: MAX_PEOPLE } });
  }
  group.people.forEach((person, index) => problems.push(...validatePerson(person, index, group.registeredOn, locale)));
  return problems;
}

export function validatePerson(person: PersonDraft, index: number, day: string, locale: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: PersonField, key: MessageKey, params?: Params) =>
    problems.push({ id: personFieldId(index, field), person: index, key, ...(params ? { params } : {}) });
  checkText(problems, personFieldId(index, 'given_names'), index, person.givenNames, {
    required: true,
    maxBytes: MAX_TEXT_BYTES,
    missing: 'register.errors.givenNames',
  });
  checkText(problems, personFieldId(index, 'family_names'), index, person.familyNames, {
    required: false,
    maxBytes: MAX_TEXT_BYTES,
  });
  if (!person.sex) add('sex', 'register.errors.sex');

  const dayKnown = DAY.test(day);
  const estimate = person.estimatedAge.trim();
  if (person.birthDateUnreadable) {
    add('birth_date', 'register.errors.birthUnreadable');
  } else if (person.birthDate && estimate) {
    add('birth_date', 'register.errors.birthAndAge');
  } else if (!person.birthDate && !estimate) {
    add('birth_date', 'register.errors.birthOrAge');
  } else if (person.birthDate) {
    if (dayKnown && person.birthDate > day) add('birth_date', 'register.errors.birthAfterDay');
    else if (dayKnown && Number(day.slice(0, 4)) - Number(person.birthDate.slice(0, 4)) > MAX_AGE) {
      add('birth_date', 'register.errors.birthTooOld', { n: MAX_AGE });
    }
  } else {
    const age = wholeNumber(estimate);
    if (age === undefined || age > MAX_AGE) add('estimated_age', 'register.errors.age', { n: MAX_AGE });
  }

  if (!findCountry(person.nationality, locale)) add('nationality', 'register.errors.nationality');
  if (!person.documentType) {
    add('document_type', 'register.errors.documentType');
  } else if (person.documentType !== 'none') {
    if (person.documentCountry.trim() !== '' && !findCountry(person.documentCountry, locale)) {
      add('document_country', 'register.errors.documentCountry');
    }
    checkText(problems, personFieldId(index, 'document_number'), index, person.documentNumber, {
      required: true,
      maxBytes: MAX_DOCUMENT_BYTES,
      missing: 'register.errors.documentNumber',
    });
  }
  const phone = normalisePhone(person.phone);
  if (phone !== '' && !isE164(phone)) add('phone', 'register.errors.phone');
  if (!person.relationship) add('relationship', 'register.errors.relationship');

  const age = dayKnown ? ageOn(person, day) : undefined;
  if (person.flags.pregnant && (person.sex === 'male' || (age !== undefined && age < 10))) {
    add('pregnant', 'register.errors.pregnant');
  }
  if (person.flags.separated && age !== undefined && age >= ADULT_AGE) add('separated', 'register.errors.separated');
  return problems;
}

/** The request body; call only when validateGroup() found nothing. */
export function toRequest(group: GroupDraft, locale: string): NewRegistration {
  const request: NewRegistration = {
    station: group.station,
    registered_on: group.registeredOn,
    people: group.people.map((person) => toPerson(person, locale)),
  };
  if (group.departurePoint.trim()) request.departure_point = group.departurePoint.trim();
  if (group.daysInJungle.trim()) request.days_in_jungle = Number(group.daysInJungle.trim());
  const paid = normaliseUsd(group.paidUsd);
  if (group.paidUsd.trim() && paid !== undefined) request.paid_usd = paid;
  if (group.paidTo.trim()) request.paid_to = group.paidTo.trim();
  return request;
}

function toPerson(person: PersonDraft, locale: string): NewRegisteredPerson {
  const nationality = findCountry(person.nationality, locale) ?? person.nationality.trim();
  const documented = person.documentType !== 'none';
  const out: NewRegisteredPerson = {
    given_names: person.givenNames.trim(),
    family_names: person.familyNames.trim(),
    sex: person.sex || 'unknown',
    nationality,
    document_type: person.documentType || 'none',
    document_country: documented
      ? (findCountry(person.documentCountry, locale) ?? (person.documentCountry.trim() || nationality))
      : '',
    document_number: documented ? person.documentNumber.trim() : '',
    phone: normalisePhone(person.phone),
    relationship: person.relationship || 'head',
    ...person.flags,
  };
  if (person.birthDate) out.birth_date = person.birthDate;
  else out.estimated_age = Number(person.estimatedAge.trim());
  return out;
}

/** What identifies a person so far, for the check for an earlier registration (half-typed values left out). */
export function toCheck(person: PersonDraft, locale: string): Partial<NewRegisteredPerson> {
  const out: Partial<NewRegisteredPerson> = {
    given_names: person.givenNames.trim(),
    family_names: person.familyNames.trim(),
    sex: person.sex || 'unknown',
    nationality: findCountry(person.nationality, locale) ?? '',
  };
  if (person.documentType && person.documentType !== 'none' && person.documentNumber.trim()) {
    out.document_type = person.documentType;
    out.document_number = person.documentNumber.trim();
  }
  const phone = normalisePhone(person.phone);
  if (isE164(phone)) out.phone = phone;
  if (/^\d{4}-\d{2}-\d{2}$/.test(person.birthDate)) out.birth_date = person.birthDate;
  const age = wholeNumber(person.estimatedAge.trim());
  if (!out.birth_date && age !== undefined) out.estimated_age = age;
  return out;
}

/**
 * The server's message as one of ours where we know it (the server writes
 * English); otherwise its own words, shown with the field's name.
 */
export function fromServer(problem: FieldProblem, people: number): Problem {
  const person = problem.person >= 0 && problem.person < people ? problem.person : -1;
  const field = problem.field;
  const known = person < 0 ? (GROUP_FIELDS as readonly string[]).includes(field) : (PERSON_FIELDS as readonly string[]).includes(field);
  // A field this form does not have is listed in the summary without a link.
  const id = !known ? '' : person < 0 ? groupFieldId(field as GroupField) : personFieldId(person, field as PersonField);
  const message = problem.message;
  const ours = (key: MessageKey, params?: Params): Problem => ({ id, person, key, ...(params ? { params } : {}) });
  const theirs: Problem = { id, person, key: 'register.errors.server', serverText: message, serverField: field };
  if (!known) return theirs;
  if (/longer than/.test(message)) return ours('register.errors.tooLong');
  if (/control character/.test(message)) return ours('register.errors.control');
  switch (field) {
    case 'station':
      if (/is required/.test(message)) return ours('register.errors.station');
      if (/is not a station/.test(message)) return ours('register.errors.stationUnknown');
      break;
    case 'registered_on':
      if (/future/.test(message)) return ours('register.errors.dayFuture');
      break;
    case 'days_in_jungle':
      return ours('register.errors.days');
    case 'paid_usd':
      return ours('register.errors.paid');
    case 'people':
      if (/at most/.test(message)) return ours('register.errors.tooMany', { n: MAX_PEOPLE });
      break;
    case 'given_names':
      if (/is required/.test(message)) return ours('register.errors.givenNames');
      break;
    case 'nationality':
      return ours('register.errors.nationality');
    case 'birth_date':
      if (/give a date of birth/.test(message)) return ours('register.errors.birthOrAge');
      if (/after the registration day/.test(message)) return ours('register.errors.birthAfterDay');
      if (/older than/.test(message)) return ours('register.errors.birthTooOld', { n: MAX_AGE });
      break;
    case 'estimated_age':
      return ours('register.errors.age', { n: MAX_AGE });
    case 'document_country':
      return ours('register.errors.documentCountry');
    case 'document_number':
      if (/is required/.test(message)) return ours('register.errors.documentNumber');
      if (/'none'/.test(message)) return ours('register.errors.documentNumberNone');
      break;
    case 'phone':
      return ours('register.errors.phone');
    case 'pregnant':
      return ours('register.errors.pregnant');
    case 'separated':
      return ours('register.errors.separated');
    default:
      break;
  }
  return theirs;
}

// Registering a group on arrival: where and when, the route as told, and a
// card per person. Each field is checked when the registrar leaves it, with
// the server's rules; ages and who will be flagged unaccompanied show as the
// form fills. Alt+N (or Ctrl+Enter) adds a person; Enter in a field does not
// send the form, so a half-entered family is never registered by accident.

import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { RegisteredGroup, Station } from '../../api/types';
import { useI18n, type I18n } from '../../i18n';
import { CountryList } from '../../ui/CountryField';
import { ErrorSummary, focusField, type FieldError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { DayField, SelectField } from './fields';
import { PersonCard } from './PersonCard';
import { ProbableMatches } from './ProbableMatches';
import { RegistrationConfirmation, type Registered } from './RegistrationConfirmation';
import {
  DEPARTURE_POINTS,
  emptyPerson,
  fromServer,
  groupFieldId,
  MAX_PEOPLE,
  personFieldId,
  today,
  toCheck,
  toRequest,
  unaccompaniedChildren,
  validateGroup,
  type GroupDraft,
  type GroupField,
  type PersonDraft,
  type PersonField,
  type Problem,
} from './registration';

const STATION_KEY = 'escudo.station';
const COUNTRY_LIST = 'country-names';
const DEPARTURE_LIST = 'departure-points';

function rememberedStation(stations: Station[]): string {
  try {
    const saved = localStorage.getItem(STATION_KEY);
    if (saved && stations.some((s) => s.code === saved)) return saved;
  } catch {
    // Storage blocked: the registrar chooses the station each time.
  }
  return '';
}

function rememberStation(code: string): void {
  try {
    if (code) localStorage.setItem(STATION_KEY, code);
  } catch {
    // Not remembered then.
  }
}

/** A problem in words; in the summary, with the person it is about. */
export function problemText(problem: Problem, i18n: I18n, withPerson: boolean): string {
  const { t } = i18n;
  let text: string;
  if (problem.serverText !== undefined) {
    text = t('register.errors.server', { field: fieldName(problem.serverField ?? '', i18n), message: problem.serverText });
  } else {
    text = t(problem.key, problem.params);
  }
  return withPerson && problem.person >= 0 ? t('register.errors.ofPerson', { n: problem.person + 1, message: text }) : text;
}

/** A field's label, for the server's messages we have no words of our own for. */
function fieldName(field: string, { t }: I18n): string {
  const names: Record<string, Parameters<typeof t>[0]> = {
    station: 'register.group.station',
    registered_on: 'register.group.day',
    departure_point: 'register.group.departure',
    days_in_jungle: 'register.group.days',
    paid_usd: 'register.group.paid',
    paid_to: 'register.group.paidTo',
    given_names: 'register.person.givenNames',
    family_names: 'register.person.familyNames',
    sex: 'register.person.sex',
    birth_date: 'register.person.birthDate',
    estimated_age: 'register.person.estimatedAge',
    nationality: 'register.person.nationality',
    document_type: 'register.person.documentType',
    document_country: 'register.person.documentCountry',
    document_number: 'register.person.documentNumber',
    phone: 'register.person.phone',
    relationship: 'register.person.relationship',
    pregnant: 'register.flag.pregnant',
    disability: 'register.flag.disability',
    injured: 'register.flag.injured',
    violence_survivor: 'register.flag.violence_survivor',
    separated: 'register.flag.separated',
  };
  const key = names[field];
  return key ? t(key) : field;
}

/** Ids of person fields after removing person `removed`: later people move up one. */
function shiftIds(ids: Iterable<string>, removed: number): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    const match = /^person-(\d+)-(.+)$/.exec(id);
    if (!match) {
      out.add(id);
      continue;
    }
    const index = Number(match[1]);
    if (index < removed) out.add(id);
    else if (index > removed) out.add(`person-${index - 1}-${match[2]}`);
  }
  return out;
}

function freshGroup(stations: Station[]): GroupDraft {
  return {
    station: rememberedStation(stations),
    registeredOn: today(),
    registeredOnUnreadable: false,
    departurePoint: '',
    daysInJungle: '',
    paidUsd: '',
    paidTo: '',
    people: [emptyPerson()],
  };
}

export function RegistrationForm({ stations }: { stations: Station[] }) {
  const i18n = useI18n();
  const { t, tn, locale } = i18n;
  const [group, setGroup] = useState<GroupDraft>(() => freshGroup(stations));
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  /** What the summary lists: fixed when the form is sent, so it does not jump as the registrar corrects. */
  const [summary, setSummary] = useState<{ problems: Problem[]; general?: string }>({ problems: [] });
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const todayDay = today();
  const problems = useMemo(() => validateGroup(group, todayDay, locale), [group, todayDay, locale]);
  const flagged = useMemo(() => unaccompaniedChildren(group), [group]);

  useEffect(() => {
    if (!focusNext) return;
    focusField(focusNext);
    setFocusNext(null);
  }, [focusNext]);

  const errorFor = (id: string): string | undefined => {
    const fromServerSide = id ? serverProblems.find((p) => p.id === id) : undefined;
    if (fromServerSide) return problemText(fromServerSide, i18n, false);
    if (!attempted && !touched.has(id)) return undefined;
    const found = problems.find((p) => p.id === id);
    return found ? problemText(found, i18n, false) : undefined;
  };

  const summaryErrors = useMemo<FieldError[]>(() => {
    const list: FieldError[] = summary.problems.map((p) =>
      p.id ? { field: p.id, message: problemText(p, i18n, true) } : { message: problemText(p, i18n, true) },
    );
    if (summary.general) list.push({ message: summary.general });
    return list;
  }, [summary, i18n]);

  const leave = (id: string) =>
    setTouched((current) => (current.has(id) ? current : new Set(current).add(id)));
  const clearServer = (ids: string[]) =>
    setServerProblems((current) => (current.some((p) => ids.includes(p.id)) ? current.filter((p) => !ids.includes(p.id)) : current));

  const changeGroup = (patch: Partial<GroupDraft>, field: GroupField) => {
    setGroup((current) => ({ ...current, ...patch }));
    clearServer([groupFieldId(field)]);
  };

  const changePerson = (index: number, patch: Partial<PersonDraft>, field: PersonField) => {
    setGroup((current) => ({
      ...current,
      people: current.people.map((person, i) => (i === index ? { ...person, ...patch } : person)),
    }));
    const ids = [personFieldId(index, field)];
    if (field === 'estimated_age') ids.push(personFieldId(index, 'birth_date'));
    clearServer(ids);
  };

  const addPerson = () => {
    if (group.people.length >= MAX_PEOPLE) {
      setAnnouncement(t('register.errors.tooMany', { n: MAX_PEOPLE }));
      return;
    }
    const index = group.people.length;
    setGroup((current) => ({ ...current, people: [...current.people, emptyPerson(current.people[current.people.length - 1])] }));
    setAnnouncement(t('register.person.added', { n: index + 1 }));
    setFocusNext(personFieldId(index, 'given_names'));
  };

  const removePerson = (index: number) => {
    setGroup((current) => ({ ...current, people: current.people.filter((_, i) => i !== index) }));
    setTouched((current) => shiftIds(current, index));
    setServerProblems([]);
    setAnnouncement(t('register.person.removed', { n: index + 1 }));
    setFocusNext(`person-${Math.max(0, index - 1)}-heading`);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if ((event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN') || ((event.ctrlKey || event.metaKey) && event.key === 'Enter')) {
      event.preventDefault();
      addPerson();
    } else if (event.key === 'Enter' && target instanceof HTMLInputElement) {
      // Only the Register button sends the form.
      event.preventDefault();
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setServerProblems([]);
    if (problems.length > 0) {
      setSummary({ problems });
      return;
    }
    setSummary({ problems: [] });
    setBusy(true);
    try {
      const answer: RegisteredGroup = await api.register(toRequest(group, locale));
      rememberStation(group.station);
      setRegistered({
        group: answer,
        names: group.people.map((p) => [p.givenNames.trim(), p.familyNames.trim()].filter(Boolean).join(' ')),
        stationName: stations.find((s) => s.code === answer.station)?.name ?? answer.station,
      });
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const found = error.fields.map((field) => fromServer(field, group.people.length));
        setServerProblems(found);
        setSummary({ problems: found });
      } else if (error instanceof ApiError && error.code !== 'network' && error.status < 500) {
        setSummary({ problems: [], general: t('register.errors.refused', { message: error.message }) });
      } else {
        setSummary({ problems: [], general: t('errors.unreachable') });
      }
    } finally {
      setBusy(false);
    }
  };

  const nextGroup = () => {
    setGroup((current) => ({
      ...freshGroup(stations),
      station: current.station,
      registeredOn: current.registeredOn,
      departurePoint: current.departurePoint,
    }));
    setTouched(new Set());
    setAttempted(false);
    setSummary({ problems: [] });
    setServerProblems([]);
    setRegistered(null);
    setFocusNext(personFieldId(0, 'given_names'));
  };

  if (registered) return <RegistrationConfirmation registered={registered} onNext={nextGroup} />;

  const g = groupFieldId;
  const dayKnown = /^\d{4}-\d{2}-\d{2}$/.test(group.registeredOn);
  const count = group.people.length;
  return (
    <>
      <ErrorSummary errors={summaryErrors} />
      <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="registration-form">
        <CountryList id={COUNTRY_LIST} />
        <datalist id={DEPARTURE_LIST}>
          {DEPARTURE_POINTS.map((place) => (
            <option key={place} value={place} />
          ))}
        </datalist>

        <section class="section section--tight" aria-labelledby="group-heading">
          <h2 class="heading-l" id="group-heading">
            {t('register.group.title')}
          </h2>
          <div class="form-columns">
            <SelectField
              id={g('station')}
              label={t('register.group.station')}
              hint={t('register.group.stationHint')}
              value={group.station}
              placeholder={t('register.group.stationChoose')}
              options={stations.map((s) => ({ value: s.code, label: s.name }))}
              onChange={(value) => {
                changeGroup({ station: value }, 'station');
                rememberStation(value);
              }}
              onBlur={() => leave(g('station'))}
              error={errorFor(g('station'))}
            />
            <DayField
              id={g('registered_on')}
              label={t('register.group.day')}
              value={group.registeredOn}
              max={todayDay}
              onChange={(value, unreadable) =>
                changeGroup({ registeredOn: value, registeredOnUnreadable: unreadable }, 'registered_on')
              }
              onBlur={() => leave(g('registered_on'))}
              error={errorFor(g('registered_on'))}
            />
          </div>
          <div class="form-columns">
            <TextField
              id={g('departure_point')}
              label={t('register.group.departure')}
              hint={t('register.group.departureHint')}
              value={group.departurePoint}
              list={DEPARTURE_LIST}
              autoComplete="off"
              onInput={(value) => changeGroup({ departurePoint: value }, 'departure_point')}
              onBlur={() => leave(g('departure_point'))}
              error={errorFor(g('departure_point'))}
            />
            <TextField
              id={g('days_in_jungle')}
              label={t('register.group.days')}
              hint={t('register.group.daysHint')}
              value={group.daysInJungle}
              inputMode="numeric"
              width="short"
              maxLength={3}
              autoComplete="off"
              onInput={(value) => changeGroup({ daysInJungle: value }, 'days_in_jungle')}
              onBlur={() => leave(g('days_in_jungle'))}
              error={errorFor(g('days_in_jungle'))}
            />
          </div>
          <div class="form-columns">
            <TextField
              id={g('paid_usd')}
              label={t('register.group.paid')}
              hint={t('register.group.paidHint')}
              value={group.paidUsd}
              inputMode="decimal"
              width="half"
              autoComplete="off"
              onInput={(value) => changeGroup({ paidUsd: value }, 'paid_usd')}
              onBlur={() => leave(g('paid_usd'))}
              error={errorFor(g('paid_usd'))}
            />
            <TextField
              id={g('paid_to')}
              label={t('register.group.paidTo')}
              hint={t('register.group.paidToHint')}
              value={group.paidTo}
              autoComplete="off"
              onInput={(value) => changeGroup({ paidTo: value }, 'paid_to')}
              onBlur={() => leave(g('paid_to'))}
              error={errorFor(g('paid_to'))}
            />
          </div>
        </section>

        <section class="section section--tight" aria-labelledby="people-heading">
          <h2 class="heading-l" id="people-heading">
            {t('register.people.title')}
          </h2>
          <p class="hint" id="shortcut-hint">
            {t('register.people.shortcut')} <kbd class="kbd">Alt</kbd>+<kbd class="kbd">N</kbd>{' '}
            {t('register.people.shortcutOr')} <kbd class="kbd">Ctrl</kbd>+<kbd class="kbd">Enter</kbd>
          </p>
          {flagged.length > 0 && dayKnown && (
            <Notice kind="warning" title={t('register.unaccompanied.title')} testId="unaccompanied-warning">
              <p>
                {flagged.length === 1
                  ? t('register.unaccompanied.one', { n: flagged[0]! + 1 })
                  : t('register.unaccompanied.many', { list: flagged.map((i) => i + 1).join(', ') })}{' '}
                {t('register.unaccompanied.why')}
              </p>
            </Notice>
          )}
          {group.people.map((person, index) => (
            <Fragment key={person.key}>
            <PersonCard
              person={person}
              index={index}
              day={group.registeredOn}
              countryListId={COUNTRY_LIST}
              unaccompanied={dayKnown && flagged.includes(index)}
              errorFor={errorFor}
              onChange={(patch, field) => changePerson(index, patch, field)}
              onLeave={(field) => leave(personFieldId(index, field))}
              {...(index > 0 ? { onRemove: () => removePerson(index) } : {})}
            />
            <ProbableMatches person={toCheck(person, locale)} day={group.registeredOn} index={index} />
            </Fragment>
          ))}
          <button
            type="button"
            class="button button--secondary"
            id={g('people')}
            data-testid="add-person"
            aria-keyshortcuts="Alt+N Control+Enter"
            aria-describedby="shortcut-hint"
            disabled={count >= MAX_PEOPLE}
            onClick={addPerson}
          >
            {t('register.people.add')}
          </button>
        </section>

        <button type="submit" class="button button--large" disabled={busy} data-testid="register-submit">
          {busy ? t('register.submitting') : tn('register.submit', count)}
        </button>
        <p class="visually-hidden" aria-live="polite" data-testid="register-announcement">
          {announcement}
        </p>
      </form>
    </>
  );
}

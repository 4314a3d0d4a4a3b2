// What the server stored: how many people, each one's age on the day, which
// children it flagged as unaccompanied, and who has screening hits waiting for
// a screening officer (counts only), then on to the next group.
// The server echoes no names; they come from the form just sent.

import { useEffect, useRef } from 'preact/hooks';
import type { RegisteredGroup } from '../../api/types';
import { useI18n } from '../../i18n';
import { Notice } from '../../ui/Notice';

export interface Registered {
  group: RegisteredGroup;
  /** The names as entered, in the order of `group.people`. */
  names: string[];
  stationName: string;
}

function ScreeningNotice({ registered, name }: { registered: Registered; name: (index: number) => string }) {
  const { t, tn } = useI18n();
  const screening = registered.group.screening;
  if (!screening) return null;
  if (!screening.ran) {
    return (
      <Notice kind="warning" title={t('register.done.screeningFailed')} testId="registration-screening-failed">
        <p>{screening.problem}</p>
        <p>{t('register.done.screeningAsk')}</p>
      </Notice>
    );
  }
  const withHits = registered.group.people
    .map((person, index) => ({ person, index, hits: screening.people.find((s) => s.person_id === person.id)?.hits ?? 0 }))
    .filter(({ hits }) => hits > 0);
  if (withHits.length === 0) {
    return <p data-testid="registration-screening-clear">{t('register.done.screeningClear')}</p>;
  }
  return (
    <Notice kind="warning" title={t('register.done.screeningTitle')} testId="registration-screening-hits">
      <ul class="plain-list">
        {withHits.map(({ person, index, hits }) => (
          <li key={person.id} data-testid={`screening-hits-${index}`}>
            {tn('register.done.screeningPerson', hits, { n: index + 1, name: name(index) })}{' '}
            <a href={`#/screening/${person.id}`}>{t('register.done.screeningOpen')}</a>
          </li>
        ))}
      </ul>
      <p>{t('register.done.screeningNext')}</p>
    </Notice>
  );
}

export function RegistrationConfirmation({ registered, onNext }: { registered: Registered; onNext: () => void }) {
  const { t, tn, formatDay, formatNumber } = useI18n();
  const { group, names, stationName } = registered;
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);
  const flagged = group.people.map((person, index) => ({ person, index })).filter(({ person }) => person.unaccompanied);
  const name = (index: number) => names[index] || t('register.person.heading', { n: index + 1 });

  return (
    <div data-testid="registration-done">
      <div class="panel" ref={panel} tabIndex={-1}>
        <h2 class="panel__title">{t('register.done.title')}</h2>
        <p class="panel__body" data-testid="registration-count">
          {tn('register.done.count', group.people.length, { station: stationName, day: formatDay(group.registered_on) })}
        </p>
        <p class="panel__body">
          {t('register.done.number')} <strong data-testid="registration-id">{group.id}</strong>
        </p>
      </div>
      {flagged.length > 0 ? (
        <Notice kind="warning" title={t('register.done.flaggedTitle')} testId="registration-flagged">
          <ul class="plain-list">
            {flagged.map(({ person, index }) => (
              <li key={person.id} data-testid={`flagged-${index}`}>
                {t('register.done.flaggedPerson', {
                  n: index + 1,
                  name: name(index),
                  age: person.age === null ? '–' : formatNumber(person.age),
                })}
              </li>
            ))}
          </ul>
          <p>{t('register.done.flaggedNext')}</p>
        </Notice>
      ) : (
        <p data-testid="registration-flagged-none">{t('register.done.noneFlagged')}</p>
      )}
      <ScreeningNotice registered={registered} name={name} />
      <table class="table table--compact" data-testid="registration-people">
        <caption class="table__caption">{t('register.done.peopleCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('register.done.col.person')}</th>
            <th scope="col">{t('register.done.col.name')}</th>
            <th scope="col" class="numeric">
              {t('register.done.col.age')}
            </th>
            <th scope="col">{t('register.done.col.unaccompanied')}</th>
          </tr>
        </thead>
        <tbody>
          {group.people.map((person, index) => (
            <tr key={person.id}>
              <th scope="row">{index + 1}</th>
              <td>{name(index)}</td>
              <td class="numeric">{person.age === null ? '–' : formatNumber(person.age)}</td>
              <td>{person.unaccompanied ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="button button--large" data-testid="next-group" onClick={onNext}>
        {t('register.done.next')}
      </button>
    </div>
  );
}

// While a registrar types a person, earlier registrations that are probably
// the same person (someone returned and registering again), with the reasons.
// Asked for half a second after the identifying fields stop changing; nothing
// is stored, and the server audits a check that finds someone.

import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { NewRegisteredPerson, ProbableMatch } from '../../api/types';
import { useI18n } from '../../i18n';
import { Waterfall } from '../../ui/Waterfall';

const DELAY_MS = 500;

export function ProbableMatches({
  person,
  day,
  index,
}: {
  person: Partial<NewRegisteredPerson>;
  day: string;
  index: number;
}) {
  const { t, formatNumber, formatDay } = useI18n();
  const [matches, setMatches] = useState<ProbableMatch[]>([]);
  const key = JSON.stringify([person, day]);
  const enough =
    (person.given_names ?? '').length + (person.family_names ?? '').length >= 4 ||
    (person.document_number ?? '').length >= 4 ||
    (person.phone ?? '').length >= 8;

  useEffect(() => {
    if (!enough) {
      setMatches([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api
        .checkRegistration(person, /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined)
        .then((answer) => live && setMatches(answer.matches))
        .catch(() => live && setMatches([]));
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for person and day.
  }, [key, enough]);

  if (matches.length === 0) return null;
  return (
    <div class="notice notice--warning probable" role="status" data-testid={`person-${index}-earlier`}>
      <h4 class="notice__title">{t('register.earlier.title')}</h4>
      <p>{t('register.earlier.intro')}</p>
      {matches.map((m) => (
        <details class="probable__match" key={m.record_id}>
          <summary>
            <strong>
              {m.person ? `${m.person.given_names} ${m.person.family_names}` : m.record_id}
            </strong>{' '}
            {m.person &&
              t('register.earlier.where', {
                birth: m.person.birth_date ? formatDay(m.person.birth_date) : '—',
                station: m.person.station,
                day: formatDay(m.person.registered_on),
              })}{' '}
            <span class="tag">{formatNumber(Math.min(m.probability, 0.999), { style: 'percent', maximumFractionDigits: 1 })}</span>{' '}
            <a href={`#/entities/${m.entity_id}`}>{t('register.earlier.open')}</a>
          </summary>
          <Waterfall pair={m.why} />
        </details>
      ))}
    </div>
  );
}

// Linking an incident's victim to her registration (a person id), for
// protection staff who read both incidents and identities. A survivor's
// record is linked only with her consent to it: the server refuses otherwise,
// and the refusal is shown next to the form.

import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { VictimLink } from '../../api/types';
import { useI18n } from '../../i18n';
import { ErrorSummary, type FieldError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';

const ID = /^[1-9]\d{0,14}$/;

export function VictimLinks() {
  const { t } = useI18n();
  const [incident, setIncident] = useState('');
  const [person, setPerson] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [links, setLinks] = useState<{ incident: string; victims: VictimLink[] } | null>(null);
  const errorOf = (f: string) => errors.find((e) => e.field === `victim-${f}`)?.message;

  const show = async (id: string) => {
    const { victims } = await api.victimLinks(Number(id));
    setLinks({ incident: id, victims });
  };

  const submit = async (event: Event, link: boolean) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!ID.test(incident.trim())) problems.push({ field: 'victim-incident', message: t('incidents.victims.idError') });
    if (link && !ID.test(person.trim())) problems.push({ field: 'victim-person', message: t('incidents.victims.idError') });
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      if (link) await api.linkVictim(Number(incident.trim()), Number(person.trim()));
      await show(incident.trim());
    } catch (e) {
      const field = link && e instanceof ApiError && e.status === 409 ? 'victim-person' : undefined;
      setLinks(null);
      setErrors([{ field, message: e instanceof Error ? e.message : String(e) }]);
    }
  };

  return (
    <section class="section" aria-labelledby="victims-heading" data-testid="victim-links">
      <h2 class="heading-l" id="victims-heading">{t('incidents.victims.title')}</h2>
      <p>{t('incidents.victims.lead')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => submit(e, true)} noValidate>
        <TextField id="victim-incident" label={t('incidents.victims.incident')} value={incident} onInput={setIncident} error={errorOf('incident')} inputMode="numeric" width="short" />
        <TextField id="victim-person" label={t('incidents.victims.person')} hint={t('incidents.victims.personHint')} value={person} onInput={setPerson} error={errorOf('person')} inputMode="numeric" width="short" />
        <div class="button-group">
          <button type="submit" class="button" data-testid="victim-link">{t('incidents.victims.link')}</button>
          <button type="button" class="button button--secondary" data-testid="victim-show" onClick={(e) => submit(e, false)}>
            {t('incidents.victims.show')}
          </button>
        </div>
      </form>
      {links && (
        <div data-testid="victim-list">
          <h3 class="heading-m">{t('incidents.victims.listTitle', { id: links.incident })}</h3>
          {links.victims.length === 0 ? (
            <p>{t('incidents.victims.none')}</p>
          ) : (
            <ul class="list">
              {links.victims.map((v) => (
                <li key={v.person_id} data-person={v.person_id}>
                  {t('incidents.victims.item', { person: v.person_id, by: v.linked_by })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

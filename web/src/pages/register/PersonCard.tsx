// One person of the group: names, sex, date of birth or an estimated age (and
// the age this gives on the registration day), nationality, document, phone,
// relationship to the first person and the vulnerability flags.

import { DOCUMENT_TYPES, PERSON_SEXES, RELATIONSHIPS, VULNERABILITY_FLAGS, type VulnerabilityFlag } from '../../api/types';
import { useI18n } from '../../i18n';
import { CountryField } from '../../ui/CountryField';
import { TextField } from '../../ui/Field';
import { DayField, SelectField } from './fields';
import { ADULT_AGE, ageOn, personFieldId, type PersonDraft, type PersonField } from './registration';

interface PersonCardProps {
  person: PersonDraft;
  index: number;
  /** The registration day, `YYYY-MM-DD` (ages are counted on it). */
  day: string;
  countryListId: string;
  unaccompanied: boolean;
  errorFor: (id: string) => string | undefined;
  onChange: (patch: Partial<PersonDraft>, field: PersonField) => void;
  onLeave: (field: PersonField) => void;
  onRemove?: () => void;
}

export function PersonCard(props: PersonCardProps) {
  const { person, index, day, countryListId, unaccompanied, errorFor, onChange, onLeave, onRemove } = props;
  const { t, formatDay, formatNumber } = useI18n();
  const id = (field: PersonField) => personFieldId(index, field);
  const n = index + 1;
  const head = index === 0;
  const age = /^\d{4}-\d{2}-\d{2}$/.test(day) ? ageOn(person, day) : undefined;
  const documented = person.documentType !== '' && person.documentType !== 'none';
  const headingId = `person-${index}-heading`;

  return (
    <fieldset class="person-card" aria-labelledby={headingId} data-testid={`person-${index}`}>
      <div class="person-card__top">
        <h3 class="heading-m person-card__heading" id={headingId} tabIndex={-1}>
          {head ? t('register.person.headHeading') : t('register.person.heading', { n })}
        </h3>
        <p class="person-card__age" aria-live="polite" data-testid={`person-${index}-age`}>
          {age === undefined ? (
            t('register.person.ageUnknown')
          ) : (
            <>
              {t('register.person.age', { day: formatDay(day), age: formatNumber(age) })}{' '}
              <span class={`tag${age < ADULT_AGE ? '' : ' tag--grey'}`}>
                {age < ADULT_AGE ? t('register.person.child') : t('register.person.adult')}
              </span>
            </>
          )}
        </p>
      </div>
      {unaccompanied && (
        <p class="person-card__warning" data-testid={`person-${index}-unaccompanied`}>
          <strong>{t('register.person.unaccompanied')}</strong>
        </p>
      )}

      <div class="person-card__grid">
        <TextField
          id={id('given_names')}
          label={t('register.person.givenNames')}
          value={person.givenNames}
          onInput={(value) => onChange({ givenNames: value }, 'given_names')}
          onBlur={() => onLeave('given_names')}
          autoComplete="off"
          error={errorFor(id('given_names'))}
        />
        <TextField
          id={id('family_names')}
          label={t('register.person.familyNames')}
          value={person.familyNames}
          onInput={(value) => onChange({ familyNames: value }, 'family_names')}
          onBlur={() => onLeave('family_names')}
          autoComplete="off"
          error={errorFor(id('family_names'))}
        />
        <SelectField
          id={id('sex')}
          label={t('register.person.sex')}
          value={person.sex}
          placeholder={t('register.select')}
          options={PERSON_SEXES.map((sex) => ({ value: sex, label: t(`register.sex.${sex}`) }))}
          onChange={(value) => onChange({ sex: value as PersonDraft['sex'] }, 'sex')}
          onBlur={() => onLeave('sex')}
          error={errorFor(id('sex'))}
        />
      </div>

      <div class="person-card__grid">
        <DayField
          id={id('birth_date')}
          label={t('register.person.birthDate')}
          hint={t('register.person.birthDateHint')}
          value={person.birthDate}
          max={day || undefined}
          onChange={(value, unreadable) => onChange({ birthDate: value, birthDateUnreadable: unreadable }, 'birth_date')}
          onBlur={() => onLeave('birth_date')}
          error={errorFor(id('birth_date'))}
        />
        <TextField
          id={id('estimated_age')}
          label={t('register.person.estimatedAge')}
          hint={t('register.person.estimatedAgeHint')}
          value={person.estimatedAge}
          inputMode="numeric"
          width="short"
          maxLength={3}
          onInput={(value) => onChange({ estimatedAge: value }, 'estimated_age')}
          onBlur={() => onLeave('estimated_age')}
          autoComplete="off"
          error={errorFor(id('estimated_age'))}
        />
        <CountryField
          id={id('nationality')}
          label={t('register.person.nationality')}
          hint={t('register.person.nationalityHint')}
          value={person.nationality}
          listId={countryListId}
          onInput={(value) =>
            onChange(
              person.documentCountryFollows ? { nationality: value, documentCountry: value } : { nationality: value },
              'nationality',
            )
          }
          onBlur={() => onLeave('nationality')}
          error={errorFor(id('nationality'))}
        />
      </div>

      <div class="person-card__grid">
        <SelectField
          id={id('document_type')}
          label={t('register.person.documentType')}
          value={person.documentType}
          placeholder={t('register.select')}
          options={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`register.document.${type}`) }))}
          onChange={(value) => onChange({ documentType: value as PersonDraft['documentType'] }, 'document_type')}
          onBlur={() => onLeave('document_type')}
          error={errorFor(id('document_type'))}
        />
        {documented && (
          <CountryField
            id={id('document_country')}
            label={t('register.person.documentCountry')}
            value={person.documentCountry}
            listId={countryListId}
            onInput={(value) => onChange({ documentCountry: value, documentCountryFollows: false }, 'document_country')}
            onBlur={() => onLeave('document_country')}
            error={errorFor(id('document_country'))}
          />
        )}
        {documented && (
          <TextField
            id={id('document_number')}
            label={t('register.person.documentNumber')}
            value={person.documentNumber}
            onInput={(value) => onChange({ documentNumber: value }, 'document_number')}
            onBlur={() => onLeave('document_number')}
            autoComplete="off"
            error={errorFor(id('document_number'))}
          />
        )}
      </div>

      <div class="person-card__grid">
        <TextField
          id={id('phone')}
          label={t('register.person.phone')}
          hint={t('register.person.phoneHint')}
          type="tel"
          inputMode="tel"
          value={person.phone}
          onInput={(value) => onChange({ phone: value }, 'phone')}
          onBlur={() => onLeave('phone')}
          autoComplete="off"
          error={errorFor(id('phone'))}
        />
        {head ? (
          <div class="form-group">
            <p class="label">{t('register.person.relationship')}</p>
            <p class="person-card__fixed" data-testid="person-0-relationship">
              {t('register.relationship.head')}
            </p>
          </div>
        ) : (
          <SelectField
            id={id('relationship')}
            label={t('register.person.relationshipTo')}
            value={person.relationship}
            placeholder={t('register.select')}
            options={RELATIONSHIPS.filter((r) => r !== 'head').map((r) => ({
              value: r,
              label: t(`register.relationship.${r}`),
            }))}
            onChange={(value) => onChange({ relationship: value as PersonDraft['relationship'] }, 'relationship')}
            onBlur={() => onLeave('relationship')}
            error={errorFor(id('relationship'))}
          />
        )}
      </div>

      <Flags person={person} index={index} errorFor={errorFor} onChange={onChange} onLeave={onLeave} />

      {onRemove && (
        <button
          type="button"
          class="button button--secondary button--small"
          data-testid={`remove-person-${index}`}
          onClick={onRemove}
        >
          {t('register.person.remove', { n })}
        </button>
      )}
    </fieldset>
  );
}

function Flags({
  person,
  index,
  errorFor,
  onChange,
  onLeave,
}: Pick<PersonCardProps, 'person' | 'index' | 'errorFor' | 'onChange' | 'onLeave'>) {
  const { t } = useI18n();
  const problems = VULNERABILITY_FLAGS.flatMap((flag) => {
    const message = errorFor(personFieldId(index, flag));
    return message ? [{ flag, message }] : [];
  });
  const legendId = `person-${index}-flags`;
  const errorIds = problems.map((p) => `${personFieldId(index, p.flag)}-error`).join(' ');
  return (
    <div class={`form-group${problems.length > 0 ? ' form-group--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={[`${legendId}-hint`, errorIds].filter(Boolean).join(' ')}>
        <legend class="label" id={legendId}>
          {t('register.person.flags')}
        </legend>
        <div class="hint" id={`${legendId}-hint`}>
          {t('register.person.flagsHint')}
        </div>
        {problems.map((p) => (
          <p class="error-message" id={`${personFieldId(index, p.flag)}-error`} key={p.flag}>
            <span class="visually-hidden">{t('errors.prefix')} </span>
            {p.message}
          </p>
        ))}
        <div class="checkboxes checkboxes--compact">
          {VULNERABILITY_FLAGS.map((flag: VulnerabilityFlag) => {
            const fieldId = personFieldId(index, flag);
            return (
              <div class="checkbox" key={flag}>
                <input
                  class="checkbox__input"
                  type="checkbox"
                  id={fieldId}
                  name={fieldId}
                  checked={person.flags[flag]}
                  aria-invalid={errorFor(fieldId) ? 'true' : undefined}
                  onChange={(event) => {
                    const on = (event.currentTarget as HTMLInputElement).checked;
                    onChange({ flags: { ...person.flags, [flag]: on } }, flag);
                    onLeave(flag);
                  }}
                />
                <label class="checkbox__label" for={fieldId}>
                  {t(`register.flag.${flag}`)}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

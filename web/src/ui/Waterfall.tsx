// Why two records are (or are not) one person: from the prior, each compared
// field adds or takes away weight (log2 odds), down to the match probability.
// A bar per field, green for evidence of the same person, red against.

import type { PairExplanation } from '../api/types';
import { type MessageKey, useI18n } from '../i18n';

const FIELD_LABELS: Record<string, MessageKey> = {
  given_name: 'entities.field.givenName',
  surname: 'entities.field.surname',
  alias: 'entities.field.alias',
  date_of_birth: 'entities.field.birth',
  sex: 'entities.field.sex',
  nationality: 'entities.field.nationality',
  document: 'entities.field.document',
  phone: 'entities.field.phone',
  address: 'entities.field.address',
  postcode: 'entities.field.postcode',
  city: 'entities.field.city',
};

// The engine's reasons for holding a pair for review (resolve::Model::hold_reason).
const HELD_LABELS: Record<string, MessageKey> = {
  'names alone agree': 'entities.heldNamesAlone',
  'the given names differ (twins?)': 'entities.heldGivenNames',
};

export function Waterfall({ pair, testId }: { pair: PairExplanation; testId?: string }) {
  const { t, formatNumber } = useI18n();
  const largest = Math.max(1, Math.abs(pair.prior), ...pair.fields.map((f) => Math.abs(f.weight)));
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${formatNumber(Math.abs(n), { maximumFractionDigits: 1 })}`;
  const row = (label: string, detail: string, weight: number, key: string) => (
    <tr key={key}>
      <th scope="row" class="waterfall__label">
        {label}
        {detail && <span class="waterfall__detail">{detail}</span>}
      </th>
      <td class="waterfall__weight">{signed(weight)}</td>
      <td class="waterfall__bar-cell" aria-hidden="true">
        <span
          class={`waterfall__bar ${weight >= 0 ? 'waterfall__bar--for' : 'waterfall__bar--against'}`}
          style={{ width: `${(Math.abs(weight) / largest) * 100}%` }}
        />
      </td>
    </tr>
  );
  return (
    <table class="waterfall" data-testid={testId}>
      <caption class="visually-hidden">{t('entities.why')}</caption>
      <tbody>
        {row(t('entities.prior'), '', pair.prior, 'prior')}
        {pair.fields.map((f) => {
          const label = FIELD_LABELS[f.field];
          return row(`${label ? t(label) : f.field}: ${f.level}`, f.values, f.weight, f.field);
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('entities.total')}</th>
          <td class="waterfall__weight">{signed(pair.log2_odds)}</td>
          <td>
            <strong data-testid={testId ? `${testId}-probability` : undefined}>
              {formatNumber(pair.probability, { style: 'percent', maximumFractionDigits: 1 })}
            </strong>
            {pair.held && (
              <p class="waterfall__held" data-testid={testId ? `${testId}-held` : undefined}>
                {t(HELD_LABELS[pair.held] ?? 'entities.held')}
              </p>
            )}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

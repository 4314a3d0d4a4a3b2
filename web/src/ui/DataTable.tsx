// A table that sorts by any column (click its header) and downloads what it
// shows as CSV. Sorting uses each column's raw value, not its formatted text.
//
//   <DataTable caption="Transits by year" rows={years} rowKey={(y) => y.year}
//     columns={[{ key: 'year', header: 'Year', value: (y) => y.year }]}
//     exportName="transits-by-year" />

import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { downloadText, toCsv, type Cell } from './csv';

export interface Column<Row> {
  key: string;
  header: string;
  /** The value the column sorts on and exports. */
  value: (row: Row) => string | number | boolean | null;
  /** How the cell is shown; the value as text when omitted. */
  render?: (row: Row) => ComponentChildren;
  numeric?: boolean;
  sortable?: boolean;
  /** Left out on narrow screens (tablets held upright); still in the CSV. */
  wideOnly?: boolean;
  /** A class for the column's cells, header included (to mark the chosen month, say). */
  className?: string;
}

export type SortDirection = 'ascending' | 'descending';

interface DataTableProps<Row> {
  caption: string;
  /** Shows the caption to screen readers only (a heading above says the same). */
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  initialSort?: { key: string; direction: SortDirection };
  /** File name of the CSV download, without extension; no download button when omitted. */
  exportName?: string;
  emptyText?: string;
  testId?: string;
  /** A class for a row that should stand out (the recommended method, say). */
  rowClass?: (row: Row) => string | undefined;
}

function compare(a: unknown, b: unknown, collator: Intl.Collator): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

function cellClass(column: Column<never>): string | undefined {
  const names = [column.numeric ? 'numeric' : '', column.wideOnly ? 'wide-only' : '', column.className ?? ''].filter(
    Boolean,
  );
  return names.length > 0 ? names.join(' ') : undefined;
}

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t, locale } = useI18n();
  const { columns, rows, rowKey } = props;
  const [sort, setSort] = useState(props.initialSort);

  const sorted = useMemo(() => {
    if (!sort) return rows;
    const column = columns.find((c) => c.key === sort.key);
    if (!column) return rows;
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => sign * compare(column.value(a), column.value(b), collator));
  }, [rows, columns, sort, locale]);

  const toggle = (key: string) =>
    setSort((current) =>
      current?.key === key && current.direction === 'ascending'
        ? { key, direction: 'descending' }
        : { key, direction: 'ascending' },
    );

  const download = () => {
    const header = columns.map((c) => c.header);
    const body: Cell[][] = sorted.map((row) => columns.map((c) => c.value(row)));
    downloadText(`${props.exportName}.csv`, toCsv(header, body));
  };

  return (
    <div class="data-table" data-testid={props.testId}>
      <div class="table-wrap">
        <table class="table">
          <caption class={props.captionHidden ? 'visually-hidden' : 'table__caption'}>
            {props.caption}
            {sort && (
              <span class="visually-hidden">
                {' '}
                {t(sort.direction === 'ascending' ? 'table.sortedAscending' : 'table.sortedDescending', {
                  column: columns.find((c) => c.key === sort.key)?.header ?? '',
                })}
              </span>
            )}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = sort?.key === column.key;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    class={cellClass(column)}
                    aria-sort={active ? sort!.direction : column.sortable === false ? undefined : 'none'}
                  >
                    {column.sortable === false ? (
                      column.header
                    ) : (
                      <button
                        type="button"
                        class="sort-button"
                        data-column={column.key}
                        onClick={() => toggle(column.key)}
                      >
                        {column.header}
                        <span class="sort-icon" aria-hidden="true">
                          {active ? (sort!.direction === 'ascending' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 ? (
              <tr>
                <td colSpan={columns.length} class="table__empty">
                  {props.emptyText ?? t('table.empty')}
                </td>
              </tr>
            ) : (
              sorted.map((row) => (
                <tr key={rowKey(row)} class={props.rowClass?.(row)}>
                  {columns.map((column, index) => {
                    const content = column.render ? column.render(row) : String(column.value(row) ?? '');
                    const className = cellClass(column);
                    return index === 0 ? (
                      <th key={column.key} scope="row" class={className}>
                        {content}
                      </th>
                    ) : (
                      <td key={column.key} class={className}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {props.exportName && sorted.length > 0 && (
        <button type="button" class="button button--secondary button--small" onClick={download}>
          {t('table.downloadCsv')}
          <span class="visually-hidden"> – {props.caption}</span>
        </button>
      )}
    </div>
  );
}

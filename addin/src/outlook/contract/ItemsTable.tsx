// A list field of the template (items, a delivery schedule): one group of inputs per row, + and −.
// At 350 px a row wraps (the name on its own line); from 640 px it is one line, like a table.
import { Button, Field, Input, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatMoney } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { fieldLabel } from './labels';
import { newRow, parseNumber, type FieldErrors, type FormRow, type TableControl } from './model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '@media (min-width: 640px)': { gridTemplateColumns: 'minmax(0, 3fr) repeat(3, minmax(0, 1fr)) auto' },
  },
  wide: { gridColumn: '1 / -1', '@media (min-width: 640px)': { gridColumn: 'auto' } },
  rowFoot: {
    gridColumn: '1 / -1',
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    '@media (min-width: 640px)': { gridColumn: 'auto', flexDirection: 'column', alignItems: 'flex-end' },
  },
  foot: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
  // An <input> is 20 characters wide by default: let the grid decide, so three fit in 350 px.
  input: { width: '100%', minWidth: 0 },
  inner: { width: '100%', minWidth: 0 },
  field: { minWidth: 0 },
});

export function ItemsTable(props: {
  control: TableControl;
  rows: FormRow[];
  errors: FieldErrors;
  disabled?: boolean;
  onChange: (rows: FormRow[]) => void;
}) {
  const styles = useStyles();
  const { control, rows } = props;
  const isItems = control.name === 'items';
  const hasAmount = control.columns.some((c) => c.name === 'quantity') && control.columns.some((c) => c.name === 'price');
  const lineAmount = (row: FormRow) => {
    const q = parseNumber(row.cells.quantity ?? '');
    const p = parseNumber(row.cells.price ?? '');
    return q === null || p === null ? null : Math.round(q * p * 100) / 100;
  };
  const total = rows.reduce((sum, r) => sum + (lineAmount(r) ?? 0), 0);
  const setCell = (index: number, column: string, value: string) =>
    props.onChange(rows.map((r, i) => (i === index ? { ...r, cells: { ...r.cells, [column]: value } } : r)));
  const tableError = props.errors[control.name]?.join(' ');
  const headingId = `contract-table-${control.name}`;

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid={isItems ? 'items-table' : `table-${control.name}`}>
      <Text as="h3" id={headingId} weight="semibold" size={300}>
        {fieldLabel(control.name)}
        {control.required ? ' *' : ''}
      </Text>
      {rows.map((row, index) => {
        const n = index + 1;
        const rowError = props.errors[`${control.name}[${index}]`]?.join(' ');
        return (
          <div key={row.key} role="group" aria-label={t('contract.items.row', { n })} className={styles.row} data-testid="item-row">
            {control.columns.map((column) => {
              const error = props.errors[`${control.name}[${index}].${column.name}`]?.join(' ');
              return (
                <Field
                  key={column.name}
                  size="small"
                  className={mergeClasses(styles.field, (column.name === 'name' || control.columns.length < 3) && styles.wide)}
                  label={fieldLabel(column.name)}
                  required={column.required}
                  validationMessage={error}
                >
                  <Input
                    className={styles.input}
                    input={{ className: styles.inner }}
                    size="small"
                    type={column.input === 'date' ? 'date' : 'text'}
                    inputMode={column.input === 'number' ? 'decimal' : undefined}
                    value={row.cells[column.name] ?? ''}
                    disabled={props.disabled}
                    aria-label={t('contract.items.rowOf', { field: fieldLabel(column.name), n })}
                    name={`${control.name}[${index}].${column.name}`}
                    onChange={(_, d) => setCell(index, column.name, d.value)}
                  />
                </Field>
              );
            })}
            <div className={styles.rowFoot}>
              {hasAmount && (
                <Text size={200} data-testid="line-amount">
                  {t('contract.items.lineAmount', { amount: formatMoney(lineAmount(row) ?? 0) })}
                </Text>
              )}
              {/* A compact icon button: with one row it is disabled (a list keeps at least one line). */}
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteIcon />}
                disabled={props.disabled || rows.length <= 1}
                aria-label={t('contract.items.remove', { n })}
                title={t('contract.items.remove', { n })}
                onClick={() => props.onChange(rows.filter((_, i) => i !== index))}
                data-testid="remove-item"
              />
            </div>
            {rowError && (
              <Text size={200} role="alert" className={mergeClasses(styles.error, styles.wide)}>
                {rowError}
              </Text>
            )}
          </div>
        );
      })}
      {tableError && (
        <Text size={200} role="alert" className={styles.error}>
          {tableError}
        </Text>
      )}
      <div className={styles.foot}>
        <Button
          size="small"
          disabled={props.disabled}
          onClick={() => props.onChange([...rows, newRow(control)])}
          data-testid={isItems ? 'add-item' : `add-row-${control.name}`}
        >
          + {t('contract.items.add')}
        </Button>
        {hasAmount && (
          <Text weight="semibold" data-testid={isItems ? 'items-total' : undefined}>
            {t('contract.items.total', { amount: formatMoney(total) })}
          </Text>
        )}
      </div>
    </section>
  );
}

/** A bin (Fluent's Delete 20 Regular outline), inline: @fluentui/react-icons is not a dependency of the add-in. */
function DeleteIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
      <path d="M8.5 4h3a1.5 1.5 0 0 0-3 0Zm-1 0a2.5 2.5 0 0 1 5 0h5a.5.5 0 0 1 0 1h-1.05l-1.2 10.34A3 3 0 0 1 12.27 18H7.73a3 3 0 0 1-2.98-2.66L3.55 5H2.5a.5.5 0 0 1 0-1h5ZM5.74 15.23A2 2 0 0 0 7.73 17h4.54a2 2 0 0 0 1.99-1.77L15.44 5H4.56l1.18 10.23ZM8.5 7.5c.28 0 .5.22.5.5v6a.5.5 0 0 1-1 0V8c0-.28.22-.5.5-.5ZM12 8a.5.5 0 0 0-1 0v6a.5.5 0 0 0 1 0V8Z" />
    </svg>
  );
}

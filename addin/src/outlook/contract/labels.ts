// Field names → the form's labels (contract.json: contract.field.<name>); an unknown name shows itself.
import { hasKey, t } from '../../i18n/i18n';

export function fieldLabel(name: string): string {
  const key = `contract.field.${name}`;
  return hasKey(key) ? t(key) : name;
}

export function fieldHint(name: string): string | undefined {
  const key = `contract.hint.${name}`;
  return hasKey(key) ? t(key) : undefined;
}

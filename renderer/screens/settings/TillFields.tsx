import { useT } from '../../i18n/useT';
import { usePos } from '../../store/context';
import { LocaleField } from './LocaleField';
import type { FieldsetProps } from './SettingsFieldsets';

/** Besides Card, what the store may let the terminal take (keys settings.till.method.*). */
const TERMINAL_METHODS = ['MOBILE', 'OTHER'] as const;

/**
 * This till (till: a sale in five keys, cash tender): which terminal the checkout opens with, and
 * which methods besides Card and Cash the cashier sees. Off by default: every chip on the checkout
 * is room taken on every sale, and a method the terminal cannot take only fails at the counter.
 */
export function TillFields({ form, set, errors, isLocked }: FieldsetProps) {
  const t = useT();
  const terminalIds = usePos((s) => s.terminalIds);
  const terminalsById = usePos((s) => s.terminalsById);
  const chosen = form.tillTerminal ?? '';
  const methods = form.terminalMethods ?? [];
  const known = chosen === '' || chosen in terminalsById;
  return (
    <fieldset>
      <legend>{t.t('settings.till.legend')}</legend>
      <LocaleField form={form} set={set} errors={errors} isLocked={isLocked} />
      <div className="field">
        <label htmlFor="tillTerminal">{t.t('settings.till.terminal')}</label>
        <select
          id="tillTerminal"
          value={chosen}
          disabled={isLocked('tillTerminal')}
          aria-describedby="tillTerminal-hint"
          onChange={(e) => set({ tillTerminal: e.target.value })}
        >
          <option value="">{t.t('settings.till.terminal.last_used')}</option>
          {!known && <option value={chosen}>{t.t('settings.till.terminal.not_connected', { id: chosen })}</option>}
          {terminalIds.map((id) => (
            <option key={id} value={id}>
              {t.t('settings.till.terminal.option', { label: terminalsById[id]?.label ?? id, id })}
            </option>
          ))}
        </select>
        <p id="tillTerminal-hint" className="hint">
          {t.t('settings.till.terminal.hint')}
        </p>
        {errors.tillTerminal && <p className="error-text">{errors.tillTerminal}</p>}
      </div>
      <fieldset className="field">
        <legend>{t.t('settings.till.methods')}</legend>
        {TERMINAL_METHODS.map((method) => (
          <label key={method} className="choice">
            <input
              type="checkbox"
              checked={methods.includes(method)}
              disabled={isLocked('terminalMethods')}
              onChange={(e) => set({ terminalMethods: e.target.checked ? [...methods, method] : methods.filter((m) => m !== method) })}
            />
            {t.t(`settings.till.method.${method}`)}
          </label>
        ))}
        {errors.terminalMethods && <p className="error-text">{errors.terminalMethods}</p>}
      </fieldset>
    </fieldset>
  );
}

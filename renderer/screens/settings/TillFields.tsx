import { usePos } from '../../store/context';
import type { FieldsetProps } from './SettingsFieldsets';

const TERMINAL_METHODS = [
  { method: 'MOBILE', label: 'Mobile (the terminal takes a phone wallet)' },
  { method: 'OTHER', label: 'Other (a method the terminal offers itself)' },
] as const;

/**
 * This till (till: a sale in five keys, cash tender): which terminal the checkout opens with, and
 * which methods besides Card and Cash the cashier sees. Off by default: every chip on the checkout
 * is room taken on every sale, and a method the terminal cannot take only fails at the counter.
 */
export function TillFields({ form, set, errors, isLocked }: FieldsetProps) {
  const terminalIds = usePos((s) => s.terminalIds);
  const terminalsById = usePos((s) => s.terminalsById);
  const chosen = form.tillTerminal ?? '';
  const methods = form.terminalMethods ?? [];
  const known = chosen === '' || chosen in terminalsById;
  return (
    <fieldset>
      <legend>This till</legend>
      <div className="field">
        <label htmlFor="tillTerminal">This till&apos;s terminal</label>
        <select
          id="tillTerminal"
          value={chosen}
          disabled={isLocked('tillTerminal')}
          aria-describedby="tillTerminal-hint"
          onChange={(e) => set({ tillTerminal: e.target.value })}
        >
          <option value="">The last terminal used</option>
          {!known && <option value={chosen}>{chosen} (not connected now)</option>}
          {terminalIds.map((id) => (
            <option key={id} value={id}>
              {terminalsById[id]?.label ?? id} ({id})
            </option>
          ))}
        </select>
        <p id="tillTerminal-hint" className="hint">
          The checkout opens with it chosen, also after a restart, whenever it is online.
        </p>
        {errors.tillTerminal && <p className="error-text">{errors.tillTerminal}</p>}
      </div>
      <fieldset className="field">
        <legend>Methods sent to the terminal besides Card (Cash is always taken at the till)</legend>
        {TERMINAL_METHODS.map(({ method, label }) => (
          <label key={method} className="choice">
            <input
              type="checkbox"
              checked={methods.includes(method)}
              disabled={isLocked('terminalMethods')}
              onChange={(e) => set({ terminalMethods: e.target.checked ? [...methods, method] : methods.filter((m) => m !== method) })}
            />
            {label}
          </label>
        ))}
        {errors.terminalMethods && <p className="error-text">{errors.terminalMethods}</p>}
      </fieldset>
    </fieldset>
  );
}

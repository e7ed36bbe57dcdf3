import { usePos } from '../store/context';
import { selectDemo } from '../store/selectors';
import { useT } from '../i18n/useT';

/** Demo mode must never be mistaken for real card payments. */
export function DemoRibbon() {
  const t = useT();
  const demo = usePos(selectDemo);
  if (!demo) return null;
  return (
    <div className="demo-ribbon" role="note" aria-label={t.t('common.demo.label')}>
      <strong>{t.t('common.demo.title')}</strong>
      <span> {t.t('common.demo.noRealCard')}</span>
      {demo.controlUrl && (
        <a href={demo.controlUrl} target="_blank" rel="noreferrer">
          {t.t('common.demo.openControl')}
        </a>
      )}
    </div>
  );
}

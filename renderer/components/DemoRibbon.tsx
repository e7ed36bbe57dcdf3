import { usePos } from '../store/context';
import { selectDemo } from '../store/selectors';

/** Demo mode must never be mistaken for real card payments. */
export function DemoRibbon() {
  const demo = usePos(selectDemo);
  if (!demo) return null;
  return (
    <div className="demo-ribbon" role="note" aria-label="Demo mode">
      <strong>DEMO — simulated terminals</strong>
      <span> No real card is charged.</span>
      {demo.controlUrl && (
        <a href={demo.controlUrl} target="_blank" rel="noreferrer">
          Open simulator control page
        </a>
      )}
    </div>
  );
}

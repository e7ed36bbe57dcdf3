import type { ReactNode } from 'react';

/**
 * One line of a facts list (<dl>): the label, then the value in its own direction (<bdi>), so an
 * order ref, a terminal id or an amount reads right inside a right-to-left window.
 */
export function Fact({ label, value, mono = false }: { label: string; value: ReactNode; mono?: boolean }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>
        <bdi>{value}</bdi>
      </dd>
    </>
  );
}

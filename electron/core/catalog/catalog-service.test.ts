import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { CatalogService, RELOAD_DEBOUNCE_MS, type WatchDir } from './catalog-service';
import { DEMO_BARCODES } from './demo-catalog';

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;

function setup(options: { catalogPath?: string; demo?: boolean; currency?: string } = {}) {
  const clock = new FakeClock();
  const changes: ((file: string | null) => void)[] = [];
  const watch: WatchDir = (_dir, onChange) => {
    changes.push(onChange);
    return () => undefined;
  };
  const settings = { catalogPath: options.catalogPath ?? '', currency: options.currency ?? 'EUR' };
  const service = new CatalogService({ clock, logger: quiet, settings: () => settings, demo: () => options.demo ?? false, watch });
  return { clock, service, settings, fileChanged: (file: string | null) => changes.forEach((c) => c(file)) };
}

function catalogFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'catalog.csv');
  writeFileSync(path, text);
  return path;
}

describe('the catalogue service', () => {
  it('loads the configured file, finds a scanned barcode and searches name, sku and barcode', () => {
    const path = catalogFile('barcode,name,price,sku\n4006381333931,Espresso beans,18.90,ESP-1KG\n5000112637922,Cola,1.20,COL-033\n');
    const { service } = setup({ catalogPath: path });
    expect(service.lookup('4006381333931')).toMatchObject({ name: 'Espresso beans', priceMinor: 1890 });
    expect(service.lookup('0000')).toBeUndefined();
    expect(service.search('espr').map((i) => i.barcode)).toEqual(['4006381333931']);
    expect(service.search('col-033').map((i) => i.name)).toEqual(['Cola']);
    expect(service.search('5000112').map((i) => i.name)).toEqual(['Cola']);
    expect(service.status()).toMatchObject({ source: 'file', path, items: 2, problems: [] });
  });

  it('reloads once the file has been quiet for a moment after a change, and reports the new bad lines', () => {
    const path = catalogFile('barcode,name,price\n111111,Tea,1.00\n');
    const { service, clock, fileChanged } = setup({ catalogPath: path });
    expect(service.status().items).toBe(1);
    writeFileSync(path, 'barcode,name,price\n111111,Tea,1.10\n222222,Cake,x\n333333,Scone,2.00\n');
    fileChanged('catalog.csv');
    fileChanged('other-file.txt');
    clock.advance(RELOAD_DEBOUNCE_MS - 1);
    expect(service.lookup('111111')?.priceMinor).toBe(100);
    clock.advance(1);
    expect(service.lookup('111111')?.priceMinor).toBe(110);
    expect(service.status()).toMatchObject({ items: 2, unit: 'line', problems: [{ line: 3, message: expect.stringMatching(/price "x"/) }] });
  });

  it('a missing or unusable file leaves an empty catalogue with the reason, never a crash', () => {
    const { service } = setup({ catalogPath: join(tmpdir(), 'no-such-dir-checkstand', 'catalog.csv') });
    expect(service.lookup('111111')).toBeUndefined();
    expect(service.status()).toMatchObject({ source: 'file', items: 0, error: expect.stringMatching(/could not be read.*Amount-only sales still work/) });
    const broken = setup({ catalogPath: catalogFile('sku;title\n1;x\n') });
    expect(broken.service.status().error).toMatch(/missing: barcode, name, price/);
  });

  it('demo mode ships the sample catalogue only when no catalogue is configured', () => {
    const demo = setup({ demo: true });
    expect(demo.service.status()).toMatchObject({ source: 'demo', problems: [] });
    expect(demo.service.status().items).toBeGreaterThanOrEqual(10);
    expect(demo.service.lookup(DEMO_BARCODES[0]!)?.name).toBe('Espresso');
    expect(setup({ demo: true, currency: 'JPY' }).service.lookup(DEMO_BARCODES[0]!)?.priceMinor).toBe(2);
    const configured = setup({ demo: true, catalogPath: catalogFile('barcode,name,price\n999999,Store item,1.00\n') });
    expect(configured.service.lookup(DEMO_BARCODES[0]!)).toBeUndefined();
    expect(setup({ demo: false }).service.status()).toMatchObject({ source: 'none', items: 0 });
  });

  it('follows a changed setting: a new path is loaded at the next use', () => {
    const { service, settings } = setup({ catalogPath: catalogFile('barcode,name,price\n111111,Tea,1.00\n') });
    expect(service.lookup('111111')).toBeDefined();
    settings.catalogPath = catalogFile('barcode,name,price\n222222,Cake,2.00\n');
    expect(service.lookup('111111')).toBeUndefined();
    expect(service.lookup('222222')?.name).toBe('Cake');
  });
});

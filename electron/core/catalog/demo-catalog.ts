import { currencyExponent, toWireAmount } from '../../../shared/money';

/**
 * Demo mode's sample catalogue (loaded only when no catalogue is configured): a small café and
 * corner shop, with six-digit barcodes a trainer can type into the search box, or scan from a
 * printed sheet. Prices are given in hundredths and scaled to the store currency's decimals.
 */
const SAMPLE: [barcode: string, name: string, hundredths: number, sku: string, category: string, brand: string, taxRate: number][] = [
  ['100001', 'Espresso', 220, 'CAF-ESP', 'Coffee', 'House', 7],
  ['100002', 'Cappuccino', 340, 'CAF-CAP', 'Coffee', 'House', 7],
  ['100003', 'Latte macchiato', 380, 'CAF-LAT', 'Coffee', 'House', 7],
  ['100004', 'Green tea', 260, 'TEA-GRN', 'Tea', 'House', 7],
  ['100005', 'Croissant', 190, 'BAK-CRO', 'Bakery', 'Maison Blé', 7],
  ['100006', 'Blueberry muffin', 280, 'BAK-MUF', 'Bakery', 'Maison Blé', 7],
  ['100007', 'Cheese sandwich', 450, 'FOO-SAN', 'Food', 'House', 7],
  ['100008', 'Sparkling water 0.5 l', 150, 'DRK-WAT', 'Drinks', 'Fontana', 19],
  ['100009', 'Orange juice 0.33 l', 290, 'DRK-OJ', 'Drinks', 'Sunny', 19],
  ['100010', 'Cola 0.33 l', 250, 'DRK-COL', 'Drinks', 'Fizz', 19],
  ['100011', 'Dark chocolate 100 g', 199, 'SWT-CHO', 'Sweets', 'Cacao & Co', 7],
  ['100012', 'Coffee beans 250 g', 890, 'SHP-BEA', 'Shop', 'House', 7],
  ['100013', 'Travel mug', 1490, 'SHP-MUG', 'Shop', 'House', 19],
  ['100014', 'Newspaper', 320, 'SHP-NEW', 'Shop', 'Daily Post', 7],
  ['100015', 'Paper bag', 10, 'SHP-BAG', 'Shop', 'House', 19],
];

export const DEMO_BARCODES = SAMPLE.map(([barcode]) => barcode);

/** The sample as a catalogue CSV in `currency` (so demo mode reads it exactly as it reads a store's file). */
export function demoCatalogCsv(currency: string): string {
  const scale = 10 ** currencyExponent(currency) / 100;
  const rows = SAMPLE.map(([barcode, name, hundredths, sku, category, brand, taxRate]) =>
    [barcode, name, toWireAmount(Math.round(hundredths * scale), currency), sku, category, brand, taxRate].join(','),
  );
  return ['barcode,name,price,sku,category,brand,taxRate', ...rows].join('\n');
}

import type { CatalogItem } from '../../../shared/basket';

/** The loaded catalogue: a barcode map for scans (one look-up per scan) and a plain list to search. */
export class CatalogIndex {
  private readonly byBarcode = new Map<string, CatalogItem>();
  /** Lower-case "name sku barcode" per item, built once so a search is one pass of includes(). */
  private readonly haystacks: string[];

  constructor(readonly items: readonly CatalogItem[]) {
    for (const item of items) this.byBarcode.set(item.barcode, item);
    this.haystacks = items.map((item) => `${item.name}\u0000${item.sku ?? ''}\u0000${item.barcode}`.toLowerCase());
  }

  lookup(barcode: string): CatalogItem | undefined {
    return this.byBarcode.get(barcode.trim());
  }

  /** Name, sku or barcode containing the words typed; an exact barcode or sku comes first. */
  search(query: string, limit: number): CatalogItem[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const exact = this.lookup(query) ?? this.items.find((item) => item.sku?.toLowerCase() === query.trim().toLowerCase());
    const found: CatalogItem[] = exact ? [exact] : [];
    for (let i = 0; i < this.items.length && found.length < limit; i++) {
      const hay = this.haystacks[i]!;
      if (this.items[i] !== exact && words.every((word) => hay.includes(word))) found.push(this.items[i]!);
    }
    return found.slice(0, limit);
  }
}

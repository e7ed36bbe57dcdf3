/** `--name value` flags for the reliability CLIs (numbers only, with defaults). */
export function numberFlags<T extends Record<string, number>>(argv: readonly string[], defaults: T): T {
  const out: Record<string, number> = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const key = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!(key in defaults))
      throw new Error(
        `unknown flag --${name}; known: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(' ')}`,
      );
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new Error(`--${name} needs a number, got ${raw}`);
    out[key] = value;
  }
  return out as T;
}

export function hasFlag(argv: readonly string[], name: string): boolean {
  return argv.includes(`--${name}`);
}

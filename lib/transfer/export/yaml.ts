/**
 * Just enough YAML to write front matter that parses back to the same values:
 * every string is double-quoted with escapes, so titles full of colons, quotes,
 * `#`, `---` or control characters stay valid.
 */

const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0',
  '\u0085': '\\N', '\u00a0': '\\_', '\u2028': '\\L', '\u2029': '\\P',
};

// C0/C1 controls, DEL, the line/paragraph separators, BOM and lone surrogates: never printed raw.
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f-\u009f\u00a0\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function yamlString(value: string): string {
  const escaped = value.replace(NEEDS_ESCAPE, (ch) => {
    const named = NAMED_ESCAPES[ch];
    if (named) return named;
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

function isPlainKey(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key);
}

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : yamlString(String(value));
  return value ? 'true' : 'false';
}

function emit(value: YamlValue, indent: string, lines: string[], prefix: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      lines.push(`${prefix}[]`);
      return;
    }
    if (prefix) lines.push(prefix.trimEnd());
    for (const item of value) emitItem(item, indent, lines);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      lines.push(`${prefix}{}`);
      return;
    }
    if (prefix) lines.push(prefix.trimEnd());
    for (const [key, child] of entries) emit(child, `${indent}  `, lines, `${indent}${yamlKey(key)}: `);
    return;
  }
  lines.push(`${prefix}${scalar(value)}`);
}

function emitItem(item: YamlValue, indent: string, lines: string[]): void {
  if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
    const nested: string[] = [];
    emit(item, `${indent}  `, nested, '');
    // The first key shares the line with the dash.
    nested[0] = `${indent}- ${nested[0]!.trimStart()}`;
    lines.push(...nested);
    return;
  }
  emit(item, `${indent}  `, lines, `${indent}- `);
}

function yamlKey(key: string): string {
  return isPlainKey(key) ? key : yamlString(key);
}

/** Serialises a mapping as block YAML (no document markers). */
export function toYaml(mapping: { [key: string]: YamlValue }): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(mapping)) emit(value, '  ', lines, `${yamlKey(key)}: `);
  return lines.join('\n');
}

/**
 * A small Mustache-like template language for Markdown exports:
 * `{{name}}` inserts a value, `{{#name}}…{{/name}}` repeats for each item of a
 * list or renders once when the value is non-empty, `{{^name}}…{{/name}}`
 * renders when it is empty, `{{! comment }}`. Values are inserted as given
 * (callers escape them); a multi-line value repeats the line's `>`/indent
 * prefix, so a quote stays inside its block quote.
 */

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'TemplateSyntaxError';
  }
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string }
  | { kind: 'section'; name: string; inverted: boolean; children: Node[] };

export interface CompiledTemplate {
  nodes: Node[];
}

export type TemplateValue = string | number | boolean | null | undefined | TemplateContext[] | (() => string);
export interface TemplateContext {
  [name: string]: TemplateValue;
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

function fail(source: string, offset: number, message: string): never {
  const { line, column } = position(source, offset);
  throw new TemplateSyntaxError(message, line, column);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Tag {
  start: number;
  end: number;
  sigil: '' | '#' | '^' | '/' | '!';
  name: string;
}

function readTags(source: string): Tag[] {
  const tags: Tag[] = [];
  let at = 0;
  for (;;) {
    const open = source.indexOf('{{', at);
    if (open < 0) break;
    const close = source.indexOf('}}', open + 2);
    const nextOpen = source.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) fail(source, open, 'Unclosed tag: "{{" without "}}"');
    const inner = source.slice(open + 2, close);
    const sigil = /^[#^/!]/.test(inner) ? (inner[0] as Tag['sigil']) : '';
    const name = inner.slice(sigil ? 1 : 0).trim();
    if (sigil !== '!' && !NAME.test(name)) fail(source, open, `Invalid name "${name}" in tag`);
    tags.push({ start: open, end: close + 2, sigil, name });
    at = close + 2;
  }
  return tags;
}

/** Section and comment tags alone on their line take the whole line with them, like Mustache's standalone tags. */
function standaloneSpan(source: string, tag: Tag): [number, number] {
  if (tag.sigil === '') return [tag.start, tag.end];
  const lineStart = source.lastIndexOf('\n', tag.start - 1) + 1;
  const newline = source.indexOf('\n', tag.end);
  const lineEnd = newline < 0 ? source.length : newline + 1;
  const before = source.slice(lineStart, tag.start);
  const after = source.slice(tag.end, newline < 0 ? source.length : newline);
  if (/^[ \t]*$/.test(before) && /^[ \t\r]*$/.test(after)) return [lineStart, lineEnd];
  return [tag.start, tag.end];
}

/** Parses a template; throws TemplateSyntaxError with the line and column of the problem. */
export function compileTemplate(source: string, knownNames?: ReadonlySet<string>): CompiledTemplate {
  const root: Node[] = [];
  const stack: { name: string; offset: number; children: Node[] }[] = [{ name: '', offset: 0, children: root }];
  let at = 0;
  for (const tag of readTags(source)) {
    const [spanStart, spanEnd] = standaloneSpan(source, tag);
    const current = stack[stack.length - 1]!;
    if (spanStart > at) current.children.push({ kind: 'text', text: source.slice(at, spanStart) });
    at = Math.max(at, spanEnd);
    if (tag.sigil === '!') continue;
    if (knownNames && tag.sigil !== '/' && !knownNames.has(tag.name)) fail(source, tag.start, `Unknown name "${tag.name}"`);
    if (tag.sigil === '') current.children.push({ kind: 'var', name: tag.name });
    else if (tag.sigil === '/') {
      if (stack.length === 1) fail(source, tag.start, `"{{/${tag.name}}}" closes nothing`);
      if (current.name !== tag.name) fail(source, tag.start, `"{{/${tag.name}}}" found where "{{/${current.name}}}" was expected`);
      stack.pop();
    } else {
      const section: Node = { kind: 'section', name: tag.name, inverted: tag.sigil === '^', children: [] };
      current.children.push(section);
      stack.push({ name: tag.name, offset: tag.start, children: section.children });
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!;
    fail(source, open.offset, `"{{#${open.name}}}" is never closed`);
  }
  if (at < source.length) root.push({ kind: 'text', text: source.slice(at) });
  return { nodes: root };
}

/** A value by name, innermost scope first; functions are computed only when a template uses them. */
function lookup(scopes: readonly TemplateContext[], name: string): Exclude<TemplateValue, () => string> {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i]!;
    if (Object.hasOwn(scope, name)) {
      const value = scope[name];
      return typeof value === 'function' ? value() : value;
    }
  }
  return undefined;
}

function isEmpty(value: Exclude<TemplateValue, () => string>): boolean {
  return value === undefined || value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The prefix of the line being written, when it is only indentation and `>` markers. */
function linePrefix(out: string[]): string {
  let tail = '';
  for (let i = out.length - 1; i >= 0; i--) {
    const piece = out[i]!;
    const nl = piece.lastIndexOf('\n');
    if (nl >= 0) {
      tail = piece.slice(nl + 1) + tail;
      break;
    }
    tail = piece + tail;
  }
  return /^[ \t>]*/.exec(tail)![0];
}

function renderNodes(nodes: readonly Node[], scopes: TemplateContext[], out: string[]): void {
  for (const node of nodes) {
    if (node.kind === 'text') out.push(node.text);
    else if (node.kind === 'var') {
      const value = lookup(scopes, node.name);
      if (isEmpty(value) || Array.isArray(value)) continue;
      const text = String(value);
      if (text.includes('\n')) {
        const prefix = linePrefix(out);
        out.push(text.split('\n').map((line, i) => (i === 0 ? line : `${prefix}${line}`.replace(/[ \t]+$/, ''))).join('\n'));
      } else out.push(text);
    } else {
      const value = lookup(scopes, node.name);
      if (node.inverted) {
        if (isEmpty(value)) renderNodes(node.children, scopes, out);
      } else if (Array.isArray(value)) {
        for (const item of value) renderNodes(node.children, [...scopes, item], out);
      } else if (!isEmpty(value)) renderNodes(node.children, scopes, out);
    }
  }
}

export function renderTemplate(template: CompiledTemplate, context: TemplateContext): string {
  const out: string[] = [];
  renderNodes(template.nodes, [context], out);
  return out.join('');
}

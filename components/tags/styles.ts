/**
 * Styles for the tag components as one string: extension pages can put it in
 * a <style> (see TagStyles), the in-page UI in its shadow root. Colours come
 * from the host's custom properties when it sets them.
 */
export const TAG_STYLES = `
.gloss-tag-input { display: grid; gap: 0.3em; font: inherit; }
.gloss-tag-label { font-weight: 600; font-size: 0.9em; }
.gloss-tag-chips { display: flex; flex-wrap: wrap; gap: 0.3em; margin: 0; padding: 0; list-style: none; }
.gloss-tag-chip { display: inline-flex; align-items: center; gap: 0.2em; padding: 0.1em 0.2em 0.1em 0.55em;
  border-radius: 999px; background: var(--gloss-chip-bg, #eef1f6); color: var(--gloss-chip-fg, #1f2933); font-size: 0.9em; }
.gloss-tag-chip-remove { border: 0; background: transparent; color: inherit; cursor: pointer; padding: 0 0.35em;
  border-radius: 999px; font: inherit; line-height: 1.4; }
.gloss-tag-chip-remove:hover, .gloss-tag-chip-remove:focus-visible { background: var(--gloss-chip-hover, #d5dbe5); }
.gloss-tag-combo { position: relative; }
.gloss-tag-combo input { width: 100%; box-sizing: border-box; font: inherit; padding: 0.35em 0.5em;
  border: 1px solid var(--gloss-border, #b8c0cc); border-radius: 6px; background: var(--gloss-field-bg, #fff); color: inherit; }
.gloss-tag-combo input[aria-invalid="true"] { border-color: var(--gloss-danger, #b42318); }
.gloss-tag-options { position: absolute; z-index: 10; inset-inline: 0; top: 100%; margin: 2px 0 0; padding: 0.2em 0;
  list-style: none; max-height: 16em; overflow-y: auto; background: var(--gloss-field-bg, #fff);
  border: 1px solid var(--gloss-border, #b8c0cc); border-radius: 6px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.15); }
.gloss-tag-options[hidden] { display: none; }
.gloss-tag-option { display: flex; align-items: center; gap: 0.4em; padding: 0.3em 0.6em; cursor: pointer; }
.gloss-tag-option.is-active { background: var(--gloss-active-bg, #dbe7ff); outline: 2px solid var(--gloss-focus, #2f6fed); outline-offset: -2px; }
.gloss-tag-count { margin-inline-start: auto; color: var(--gloss-muted, #5b6573); font-size: 0.85em; font-variant-numeric: tabular-nums; }
.gloss-tag-dot { width: 0.7em; height: 0.7em; border-radius: 50%; flex: none; }
.gloss-tag-hint { margin: 0; color: var(--gloss-muted, #5b6573); font-size: 0.8em; }
.gloss-tag-problem { margin: 0; color: var(--gloss-danger, #b42318); font-size: 0.85em; }
.gloss-tag-suggestions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em; }
.gloss-tag-suggestions-label { color: var(--gloss-muted, #5b6573); font-size: 0.85em; }
.gloss-tag-suggestion { font: inherit; font-size: 0.85em; padding: 0.1em 0.6em; border-radius: 999px; cursor: pointer;
  border: 1px dashed var(--gloss-border, #b8c0cc); background: transparent; color: inherit; }
.gloss-tag-suggestion:hover, .gloss-tag-suggestion:focus-visible { border-style: solid; background: var(--gloss-chip-bg, #eef1f6); }
.gloss-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.gloss-tag-tree { list-style: none; margin: 0; padding: 0; }
.gloss-tag-tree-item { display: flex; align-items: center; gap: 0.3em; padding-block: 0.25em; padding-inline-end: 0.4em;
  border-radius: 5px; cursor: pointer; }
.gloss-tag-tree-item:focus-visible { outline: 2px solid var(--gloss-focus, #2f6fed); outline-offset: -2px; }
.gloss-tag-tree-item.is-selected { background: var(--gloss-active-bg, #dbe7ff); font-weight: 600; }
.gloss-tag-tree-twisty { width: 1em; text-align: center; flex: none; }
.gloss-tag-manager-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4em; }
.gloss-tag-manager-row { display: grid; gap: 0.3em; padding: 0.4em 0; border-bottom: 1px solid var(--gloss-border, #e3e7ed); }
.gloss-tag-manager-main { display: flex; align-items: center; gap: 0.4em; }
.gloss-tag-manager-name { font-weight: 600; overflow-wrap: anywhere; }
.gloss-tag-manager-actions, .gloss-tag-manager-form, .gloss-tag-manager-confirm { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35em; }
.gloss-tag-manager-confirm p, .gloss-tag-manager-form label { flex-basis: 100%; margin: 0; }
.gloss-tag-manager .is-danger { color: var(--gloss-danger, #b42318); }
.gloss-tag-status.is-error { color: var(--gloss-danger, #b42318); }
`;

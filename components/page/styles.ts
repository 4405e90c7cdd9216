/** Styles of the in-page UI; they live inside the shadow root, so page CSS cannot reach them. */
export const PAGE_UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif; color: #1f2328; }
button { font: inherit; color: inherit; cursor: pointer; border: 0; background: none; padding: 0; }
button:focus-visible, .note-editor:focus-visible { outline: 2px solid #2f81f7; outline-offset: 1px; }
.toolbar, .popover, .message { position: fixed; background: #fff; border: 1px solid #d0d7de; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.toolbar { display: flex; align-items: center; gap: 2px; padding: 4px; white-space: nowrap; }
.swatch { width: 22px; height: 22px; border-radius: 50%; border: 2px solid rgba(0,0,0,.15); margin: 0 2px; }
.swatch[aria-pressed="true"] { border-color: #1f2328; }
.swatch:hover { transform: scale(1.12); }
.sep { width: 1px; align-self: stretch; background: #d0d7de; margin: 2px 4px; }
.text-button { padding: 3px 8px; border-radius: 5px; }
.text-button:hover { background: #f0f2f4; }
.danger { color: #cf222e; }
.popover { width: 320px; max-width: calc(100vw - 16px); padding: 10px; display: grid; gap: 8px; }
.popover-head { display: flex; align-items: center; gap: 4px; }
.popover-head .grow { flex: 1; }
.quote { margin: 0; padding: 4px 8px; border-left: 3px solid var(--swatch, #f5c400); color: #424a53; max-height: 6.5em; overflow: auto;
  white-space: pre-wrap; word-break: break-word; }
.changed { font-size: 12px; color: #6e4c00; background: #fff8c5; border-radius: 5px; padding: 4px 8px; display: grid; gap: 2px; }
.changed del { color: #82071e; } .changed ins { color: #116329; text-decoration: none; }
.note-editor { display: block; width: 100%; height: 148px; border: 0; margin: 0; }
.actions { display: flex; gap: 4px; justify-content: flex-end; flex-wrap: wrap; }
.message { padding: 6px 10px; bottom: 16px; right: 24px; max-width: 360px; display: flex; align-items: center; gap: 8px; }
.undo { color: #0969da; font-weight: 600; }
.bucket-bar { position: fixed; top: 0; right: 0; width: 10px; height: 100vh; background: rgba(127,127,127,.08); pointer-events: auto; }
.bucket { position: fixed; right: 1px; width: 8px; min-height: 4px; border-radius: 2px; opacity: .9; }
.bucket:hover { right: 0; width: 10px; opacity: 1; }
@media print { .layer { display: none; } }
`;

import { afterEach, describe, expect, it, vi } from 'vitest';
import { UiController } from '../../../lib/content/ui-state';
import type { PageHighlights } from '../../../lib/content/page-highlights';
import { translator } from '../../../lib/i18n/catalogs';
import { DeliveryError, RefusedError, userErrorKey, userErrorText } from '../../../lib/messaging';

/** What Chrome and Firefox say when a message does not get through; none of it is for a reader. */
const RAW = [
  'Could not establish connection. Receiving end does not exist.',
  'The message port closed before a response was received.',
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  'Message manager disconnected',
  'Extension context invalidated.',
];
afterEach(() => {
  vi.restoreAllMocks();
});

const RAW_TEXT = /Could not establish|Receiving end|message port|message channel|Message manager|context invalidated|No answer to/i;

describe('errors in plain words', () => {
  it('maps every raw messaging error, and every refusal, to a sentence of ours in English and Chinese', () => {
    const keys = RAW.map((text) => userErrorKey(new Error(text)));
    expect(keys).toEqual(['errNoAnswer', 'errNoAnswer', 'errNoAnswer', 'errNoAnswer', 'errReloaded']);
    expect(userErrorKey(new DeliveryError('highlight.create', 'lost', 'no reply'))).toBe('errNoAnswer');
    expect(userErrorKey(new RefusedError('highlight.create', 'Invalid highlight: color: Invalid format'))).toBe('errRefused');
    expect(userErrorKey(new Error('QuotaExceededError'))).toBe('errUnexpected');
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    for (const locale of ['en', 'zh_CN'] as const) {
      const t = translator(locale);
      for (const raw of RAW) {
        const text = userErrorText(t, new Error(raw));
        expect(text).not.toMatch(RAW_TEXT);
        expect(text).not.toBe(userErrorKey(new Error(raw))); // a real catalog entry, not the key
      }
    }
    expect(userErrorText(translator('zh_CN'), new Error(RAW[1]!))).toBe('Gloss 没有及时响应。请稍候再试。');
  });

  it('keeps the raw text for the console only', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const error = new Error(RAW[0]);
    userErrorText(translator('en'), error);
    expect(debug).toHaveBeenCalledWith('Gloss:', error);
  });
});

describe('the in-page UI after a save', () => {
  const range = {} as Range;
  const controller = (create: PageHighlights['create']) =>
    new UiController({ create } as unknown as PageHighlights, {} as Window);

  it('says "Saved" only once the record came back', async () => {
    let finish!: () => void;
    const ui = controller(
      () => new Promise((done) => (finish = () => done({ ok: true, highlight: { id: 'x' } as never }))),
    );
    const saving = ui.save(range, 'yellow');
    expect(ui.state.message).toBeNull();
    finish();
    expect(await saving).toMatchObject({ ok: true });
    expect(ui.state.message).toMatchObject({ key: 'hlSavedFlash' });
  });

  it('says why in plain words when it was not saved, never the browser text', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const ui = controller(() => Promise.reject(new DeliveryError('highlight.create', 'lost', RAW[1]!)));
    expect(await ui.save(range, 'yellow')).toEqual({ ok: false, reason: 'not-saved' });
    expect(ui.state.message).toEqual({ key: 'errNoAnswer', detail: undefined, undo: undefined });
  });
});

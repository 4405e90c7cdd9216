import { describe, expect, it, vi } from 'vitest';
import { backgroundHandlers } from '../../../lib/background/handlers';
import { openDatabase } from '../../../lib/db/database';
import type { BackgroundProtocol, Handlers } from '../../../lib/messaging';
import { BACKGROUND_CONTRACT, checkBackgroundRequest } from '../../../lib/messaging/contract';
import { RETRY_SAFE } from '../../../lib/messaging/retry-safe';
import { createRouter, envelope } from '../../../lib/messaging/transport';
import { uniqueDbName } from '../db/fixtures';

const panel = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html' } as never;

describe('the background message contract', () => {
  it('has a request schema for every message the background answers, and no schema without a handler', async () => {
    const db = openDatabase(uniqueDbName());
    const handlers = backgroundHandlers(db);
    expect(Object.keys(BACKGROUND_CONTRACT).sort()).toEqual(Object.keys(handlers).sort());
    for (const [type, entry] of Object.entries(BACKGROUND_CONTRACT)) {
      expect(entry.request, type).toMatchObject({ kind: 'schema', async: false });
    }
    for (const type of Object.keys(RETRY_SAFE)) expect(Object.keys(BACKGROUND_CONTRACT), type).toContain(type);
    await db.delete();
  });

  it('is checked by the router before any handler runs: an invalid request never reaches it', async () => {
    const remove = vi.fn(() => null);
    const route = createRouter({ 'highlight.delete': remove } as unknown as Handlers<BackgroundProtocol>, checkBackgroundRequest);
    for (const data of [{ id: '' }, {}, null, 'h1', { id: 7 }]) {
      const reply = await route(envelope('highlight.delete', data), panel);
      expect(reply, JSON.stringify(data)).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid (id|request): .*\(highlight\.delete\)$/) });
    }
    expect(remove).not.toHaveBeenCalled();
    expect(await route(envelope('highlight.delete', { id: 'h1' }), panel)).toEqual({ ok: true, value: null });
    expect(remove).toHaveBeenCalledTimes(1);
  });

  it('hands the handler what the schema answers, not what was sent', async () => {
    const open = vi.fn((data: unknown) => ({ token: JSON.stringify(data) }));
    const route = createRouter({ 'noteEditor.open': open } as unknown as Handlers<BackgroundProtocol>, checkBackgroundRequest);
    await route(envelope('noteEditor.open', { id: 'h1', extra: '<script>' }), panel);
    expect(open).toHaveBeenCalledWith({ id: 'h1', focus: null }, panel);
  });

  it('names the message and the first bad field in plain words', () => {
    const refusal = (type: string, data: unknown) => {
      try {
        checkBackgroundRequest(type, data);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal('tags.rename', { name: 'a', newName: '' })).toBe('Invalid new tag name: (root): Invalid length: Expected >=1 but received 0 (tags.rename)');
    expect(refusal('highlight.update', { id: 'h1', patch: { color: 'Red!' } })).toMatch(/^Invalid patch: color: .* \(highlight\.update\)$/);
    expect(refusal('page.status', { location: 42 })).toMatch(/^Invalid page address: location: .* \(page\.status\)$/);
    expect(refusal('stats.get', { all: true })).toMatch(/^Invalid request: \(root\): .* \(stats\.get\)$/);
    expect(refusal('annotations.forPage', { urlKey: 'example.com/a' })).toBe('accepted');
    expect(refusal('made.up', null)).toBe('Unknown message type: made.up');
  });
});

// A handler for a message the contract does not name is a type error (BackgroundProtocol is read off the contract).
export const _extraHandler = (handlers: Handlers<BackgroundProtocol>): Handlers<BackgroundProtocol> => ({
  ...handlers,
  // @ts-expect-error: 'made.up' has no schema in BACKGROUND_CONTRACT
  'made.up': () => null,
});

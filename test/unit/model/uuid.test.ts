import { afterEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { newUuid } from '../../../lib/model/uuid';

afterEach(() => vi.unstubAllGlobals());

describe('newUuid', () => {
  it('makes version-4 UUIDs that the message validation accepts, all different', () => {
    const ids = Array.from({ length: 1000 }, newUuid);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(v.is(v.pipe(v.string(), v.uuid()), id)).toBe(true);
    }
  });

  it('works where crypto.randomUUID is missing (a content script on a plain-http page)', () => {
    const { getRandomValues } = crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(crypto) });
    expect(newUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import { describe, expect, it } from 'vitest';

import { uuidSource } from '../../../renderer/src/session/import/fresh-ids';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidSource', () => {
  it('makes version 4 UUIDs shaped as crypto.randomUUID makes them, all different', () => {
    const next = uuidSource();
    const ids = Array.from({ length: 10_000 }, next);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(crypto.randomUUID()).toMatch(V4);
  });

  it('puts every random byte in its place, sets the version and variant bits, and draws again when used up', () => {
    let draws = 0;
    const next = uuidSource((bytes) => {
      draws++;
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i + draws) & 255;
    });
    // Bytes 0…15 (draw 1 adds 1): byte 6 = 0x07 → 0x47, byte 8 = 0x09 → 0x89.
    expect(next()).toBe('01020304-0506-4708-890a-0b0c0d0e0f10');
    for (let i = 1; i < 4096; i++) next();
    expect(draws).toBe(1);
    expect(next()).toBe('02030405-0607-4809-8a0b-0c0d0e0f1011');
    expect(draws).toBe(2);
  });

  it('keeps all 122 random bits: 0xff bytes give the largest UUID a v4 can be', () => {
    const next = uuidSource((bytes) => bytes.fill(255));
    expect(next()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});

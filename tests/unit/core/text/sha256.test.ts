import { createHash } from 'node:crypto';

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { sha256Hex } from '../../../../renderer/src/core/text/sha256';
import { documentIdForText } from '../../../../renderer/src/core/text/text-hash';

/** The reference the ids were made with until issue 20 (TextEncoder bytes, so U+FFFD for lone surrogates). */
const noble = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

describe('sha256Hex', () => {
  it('gives the published digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(documentIdForText('abc')).toBe(
      'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('equals node:crypto on every length around the block and padding edges, in 1, 2, 3 and 4 UTF-8 bytes', () => {
    for (const unit of ['a', 'é', '€', '😀'])
      for (let n = 0; n <= 140; n++) {
        const text = unit.repeat(n);
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }
  });

  it('equals the noble hash on any string, lone surrogates included, and long texts after short ones', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\ud800', '\udfff', '\ud83d', '\ude00x', 'a\ud800\ud800b', '\r\n'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(5000), (parts, pad) => {
        const text = parts.join('') + 'x'.repeat(pad % 3 === 0 ? pad : 0);
        expect(sha256Hex(text)).toBe(noble(text));
      }),
      { numRuns: 200 },
    );
    // The word buffer grows for a long text and is reused (zeroed) for the next short one.
    const long = 'ü'.repeat(100_000);
    expect(sha256Hex(long)).toBe(noble(long));
    expect(sha256Hex('abc')).toBe(noble('abc'));
  });
});

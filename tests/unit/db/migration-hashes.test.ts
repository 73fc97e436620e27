import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { MIGRATIONS } from '../../../renderer/src/db/migrations';

/**
 * Released migration files are frozen (architecture §12.9; Actual's check-migrations): users'
 * databases were upgraded by exactly this code. Adding a version appends a line here; changing a
 * released file fails CI. Line endings are normalised so a Windows checkout passes too.
 */
const RELEASED: Readonly<Record<string, string>> = {
  'v001-initial-schema.ts': 'd1500f282ca3e7e68dfb87c45cdec6bbac58456c9822c8eed65f6039c47dfd11',
  'v002-span-packs.ts': '8b84eab6e69cbb95967594e3a34213664f09aa68e71084f2848f5a69b4fcf5f8',
  'v003-team-sync.ts': '3c22618c335e5147d7bd3208ecf6753f933e24b8152312ea522864c5c73fa0bb',
  'v004-gold-tables.ts': 'fd2d30b6311d79adeb9a9853e97305cb9a6ce42409eeb1cc6bb738e86f83a829',
  'v005-covered-indexes.ts': '68b804f6b72cb0b05390f7fe40878d21981b861a260caeb62f88295982eb28db',
  'v006-links.ts': '8c219f2948b4a9b8627a505d00f3e548b10fefb9714fe5b4f83ebccd7157d92e',
  'v007-gold-status.ts': '0230868307d861e0b36f9e87bf3b9f935d4b1fc4416ef262ea80a351d11ad9d3',
  'v008-batch-rows.ts': '4bd845146a49a7324a288279693c4d68cd5d8410cd98bcdfb37a9fb9aa5a4c8c',
  'v009-batch-heads.ts': '34f7217daaeeeb3a851f0892a73d00214af096e4f0bb61efd2304a1457d59b24',
};

const DIR = path.resolve(__dirname, '../../../renderer/src/db/migrations');
const hash = (file: string): string =>
  createHash('sha256')
    .update(readFileSync(path.join(DIR, file), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

describe('released migrations are never edited', () => {
  const files = readdirSync(DIR)
    .filter((f) => /^v\d{3}-[a-z0-9-]+\.ts$/.test(f))
    .sort();

  it('every migration file is listed, in version order, one per schema version', () => {
    expect(files).toEqual(Object.keys(RELEASED).sort());
    expect(files.map((f) => Number(f.slice(1, 4)))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  for (const [file, expected] of Object.entries(RELEASED)) {
    it(`${file} is unchanged since release`, () => {
      expect(hash(file), `${file} was edited; add a new migration file instead`).toBe(expected);
    });
  }
});

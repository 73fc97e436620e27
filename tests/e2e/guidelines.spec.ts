import { DEFAULT_GUIDELINES } from '../../renderer/src/core/model/guidelines';
import { expect, test } from './fixtures';
import { storedRows } from './helpers';

// Issue 19, "Guidelines at hand": a definition and examples per label, on hover and in Help; the
// lead edits them; they travel with exports and backups.
test('label guidelines show on hover and in Help, can be edited, and go with the native export', async ({
  app,
}, testInfo) => {
  const page = app.page;
  const claimButton = page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: /Claim/ });
  await expect(claimButton).toHaveAttribute('title', new RegExp(DEFAULT_GUIDELINES.claim.definition));

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const guide = help.getByRole('region', { name: 'Label guidelines' });
  await expect(guide).toContainText(DEFAULT_GUIDELINES.figure.definition);
  await expect(guide).toContainText(`e.g. ${DEFAULT_GUIDELINES.figure.examples[0]}`);

  // The lead edits the claim guideline; an empty definition is refused first, naming the label.
  await guide.getByRole('button', { name: 'Edit guidelines' }).click();
  const definition = guide.getByRole('textbox', { name: 'Definition of claim' });
  await definition.fill('');
  await guide.getByRole('button', { name: 'Save guidelines' }).click();
  await expect(guide.getByRole('alert')).toHaveText('The guideline of claim needs a definition.');
  await definition.fill('A statement of fact that can be checked.');
  await guide
    .getByRole('textbox', { name: 'Examples of claim (one per line)' })
    .fill('The council approved it.\nSales fell 3%.');
  await guide.getByRole('button', { name: 'Save guidelines' }).click();
  await expect(guide).toContainText('A statement of fact that can be checked.');
  await expect(guide).toContainText('e.g. Sales fell 3%.');
  await page.screenshot({ path: testInfo.outputPath('guidelines-help.png') }); // kept for a look
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(claimButton).toHaveAttribute(
    'title',
    /A statement of fact that can be checked\.\n {2}e\.g\. The council approved it\./,
  );

  // Stored as a setting (so in backups), and written as the native export's project line.
  const settings = await storedRows<{ key: string; value: { claim: { definition: string } } }>(
    page,
    'settings',
  );
  expect(settings.find((s) => s.key === 'guidelines')?.value.claim.definition).toBe(
    'A statement of fact that can be checked.',
  );
  await app.dragSelect(0, 14);
  await page.keyboard.press('1');
  await app.expectSaved();
  const { lines } = await app.exportDownload();
  expect(lines[0]).toMatchObject({
    record: 'project',
    meta: {
      guidelines: {
        claim: {
          definition: 'A statement of fact that can be checked.',
          examples: ['The council approved it.', 'Sales fell 3%.'],
        },
      },
    },
  });
  expect(lines.slice(1).every((l) => typeof l['doc_id'] === 'string')).toBe(true);
});

import { expect, type Page, test } from '@playwright/test';

import { contentSecurityPolicy } from '../../electron/csp';

/**
 * The security expectations of issue #5 that hold for the web build too, checked in Chromium against
 * `vite preview` of dist/renderer on every CI run (the Electron versions live in tests/electron/).
 */

async function start(page: Page): Promise<void> {
  await page.goto('/');
  const name = page.getByRole('textbox', { name: 'Annotator name' });
  await name.fill('sec');
  await page.getByRole('button', { name: 'Start annotating' }).click();
  await expect(page.getByTestId('article').locator('p').first()).toBeVisible();
}

test('the built index.html carries the CSP as its first head element', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const policy = contentSecurityPolicy({ meta: true });
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  expect(html).toContain(meta);
  // A CSP <meta> only governs what comes after it, so it must precede every script and stylesheet.
  const firstResource = Math.min(
    ...['<script', '<link'].map((tag) => html.indexOf(tag)).filter((i) => i >= 0),
  );
  expect(html.indexOf(meta)).toBeLessThan(firstResource);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script at all
  // No address off the app, but the policy's own team-server allowance (electron/csp.ts).
  expect(html.replace(meta, '')).not.toMatch(/https?:\/\//);
});

test('the policy is enforced: no inline script, no eval, nothing remote', async ({ page }) => {
  await page.goto('/');
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    // A string timer is eval in disguise, and runs from the page itself: DevTools-protocol evaluation
    // (page.evaluate) is exempt from the eval ban, so a direct eval here would prove nothing.
    setTimeout('window.__evalRan = true', 0);
    // Plain HTTP to another machine: only HTTPS (or this machine) may be a team server (electron/csp.ts).
    const fetched = await fetch('http://example.com/').then(
      () => 'reached',
      () => 'blocked',
    );
    const img = new Image();
    const imgLoaded = await new Promise<boolean>((resolve) => {
      img.onload = () => resolve(true);
      img.onerror = () => resolve(false);
      img.src = 'https://example.com/pixel.png';
    });
    await new Promise((r) => setTimeout(r, 100));
    return {
      inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
      evalRan: (window as unknown as { __evalRan?: boolean }).__evalRan === true,
      fetched,
      imgLoaded,
      violations: [...new Set(violations)].sort(),
    };
  });
  expect(outcome).toEqual({
    inlineRan: false,
    evalRan: false,
    fetched: 'blocked',
    imgLoaded: false,
    violations: ['connect-src', 'img-src', 'script-src', 'script-src-elem'],
  });
});

test('the app makes no request off its origin and exposes no Node or desktop bridge', async ({
  page,
  baseURL,
}) => {
  const offOrigin: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${baseURL}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))
      offOrigin.push(url);
  });
  await start(page);
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    marginalia: typeof (window as unknown as { marginalia?: unknown }).marginalia,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', marginalia: 'undefined' });
  expect(offOrigin).toEqual([]);
});

test('article content is inert text: no links, media or scripts, and clicking it goes nowhere', async ({
  page,
}) => {
  await start(page);
  const article = page.getByTestId('article');
  await expect(
    article.locator('a, img, script, iframe, object, embed, form, input, video, audio'),
  ).toHaveCount(0);
  const url = page.url();
  const historyLength = await page.evaluate(() => history.length);
  const box = await article.boundingBox();
  if (!box) throw new Error('article not laid out');
  for (const [fx, fy] of [
    [0.1, 0.1],
    [0.5, 0.3],
    [0.9, 0.6],
  ] as const) {
    await page.mouse.click(box.x + box.width * fx, box.y + Math.min(box.height, 400) * fy);
  }
  await page.keyboard.press('Enter');
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
});

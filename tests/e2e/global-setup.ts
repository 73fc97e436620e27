import type { FullConfig } from '@playwright/test';

import { serverProblem } from '../../scripts/server-identity.mjs';

/**
 * Runs once the web server is up (started, or an existing one reused outside CI): the tests run only
 * against this checkout's own preview (scripts/server-identity.mjs).
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects.find((p) => p.name === 'e2e')?.use.baseURL;
  if (!baseURL) return;
  const problem = await serverProblem(baseURL);
  if (problem) throw new Error(problem);
}

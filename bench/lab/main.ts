/** Bench lab page: exposes the baselines, seeding and data-path jobs to the runner (bench/run.ts). */
import type { LabApi } from '../lab-api';
import { article, caseSeed, spans } from '../corpus';
import { labelBaseline } from './baseline-label';
import { clearBaselines, cssHighlightBaseline, markBaseline } from './baselines';
import { afterFramePaint } from './frame';
import { agreementJob, exportJob, importJob, prepareImport } from './jobs';
import { seedDatabase, setLastDocument } from './seed-db';
import './lab.css';

const host = document.getElementById('article') as HTMLElement;

const lab: LabApi = {
  seed: seedDatabase,
  setLastDocument,
  baseline: async (kind, c) => {
    // Inputs are generated before the clock starts: the app, too, gets them from storage.
    const text = article(c.chars, caseSeed(c));
    const list = spans(c.chars, c.spans, caseSeed(c) + 1);
    await afterFramePaint();
    return kind === 'mark' ? markBaseline(host, text, list) : cssHighlightBaseline(host, text, list);
  },
  labelBaseline: (kind, count, run) => labelBaseline(kind, host, count, run),
  clear: async () => {
    clearBaselines(host);
    await afterFramePaint();
  },
  exportJob,
  prepareImport,
  importJob,
  agreementJob,
};
window.__lab = lab;
document.body.dataset['ready'] = 'true';

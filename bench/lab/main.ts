/** Bench lab page: exposes the baselines, seeding and data-path jobs to the runner (bench/run.ts). */
import type { LabApi } from '../lab-api';
import { article, caseSeed, spans } from '../corpus';
import { armBaselineKeys } from './baseline-label';
import { clearBaselines, cssHighlightBaseline, markBaseline } from './baselines';
import { afterFramePaint } from './frame';
import { agreementCorpusJob } from './agreement-corpus';
import { exportCorpusJob } from './export-corpus';
import { hashJob } from './hash-job';
import { importBatchJob } from './import-batch-job';
import { libraryFillJob } from './library-fill';
import { agreementJob, exportJob, importFloorJob, importJob, prepareImport } from './jobs';
import { seedDatabase, setLastDocument } from './seed-db';
import { stopWindowed, windowedBaseline } from './windowed';
import './lab.css';

const scroller = document.getElementById('scroller') as HTMLElement;
const host = document.getElementById('article') as HTMLElement;

const lab: LabApi = {
  seed: seedDatabase,
  setLastDocument,
  setGeometry: (width, height) => {
    scroller.style.width = `${width}px`;
    scroller.style.height = `${height}px`;
  },
  baseline: async (kind, c) => {
    // Inputs are generated before the clock starts: the app, too, gets them from storage.
    const text = article(c.chars, caseSeed(c));
    const list = spans(c.chars, c.spans, caseSeed(c) + 1);
    await afterFramePaint();
    if (kind === 'mark') return markBaseline(host, text, list);
    if (kind === 'css') return cssHighlightBaseline(host, text, list);
    return windowedBaseline(scroller, host, text, list);
  },
  armKeys: armBaselineKeys,
  clear: async () => {
    stopWindowed();
    clearBaselines(host);
    scroller.scrollTop = 0;
    await afterFramePaint();
  },
  exportJob,
  prepareImport,
  importJob,
  importFloorJob,
  importBatchJob,
  agreementJob,
  agreementCorpusJob,
  exportCorpusJob,
  hashJob,
  libraryFillJob,
};
window.__lab = lab;
document.body.dataset['ready'] = 'true';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { ServicesProvider } from './app/providers';
import { SEED_ARTICLES } from './app/seeds';
import { openDatabase } from './db/database';
import { seedOnFirstRun } from './db/repositories/documents';
import { requestPersistentStorage } from './db/storage';
import { selectHost } from './platform/select-host';
import './styles.css';

/** Composition root: the only place concrete implementations are wired together. */
async function start(): Promise<void> {
  const rootEl = document.getElementById('root');
  if (!rootEl) throw new Error('index.html has no #root');
  const root = createRoot(rootEl);
  try {
    const host = selectHost();
    const db = await openDatabase();
    await seedOnFirstRun(db, SEED_ARTICLES);
    void requestPersistentStorage().then((state) => {
      (window as unknown as { __marginaliaPersist?: string }).__marginaliaPersist = state;
    });
    root.render(
      <StrictMode>
        <ServicesProvider db={db} host={host}>
          <App />
        </ServicesProvider>
      </StrictMode>,
    );
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    root.render(
      <div className="fatal" role="alert">
        <h1>Marginalia could not open its database</h1>
        <p>{message}</p>
        <p>Your data has not been changed. Close other Marginalia windows or tabs and reload.</p>
      </div>,
    );
  }
}

void start();

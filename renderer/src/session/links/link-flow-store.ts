import { useSyncExternalStore } from 'react';

import { IDLE, linkFlowStep, type LinkFlow, type LinkFlowEvent } from '../../core/links/link-flow';
import type { LinkEndpoint } from '../../core/links/link';
import type { StoreRegistry } from '../commands/registry';

export interface LinkFlowState {
  readonly flow: LinkFlow;
  /** The title of the article the link starts in (said while the target is picked elsewhere). */
  readonly fromTitle: string;
  /** A span to show once its article is open ("go there" from the inspector or the Claims view). */
  readonly goTo: LinkEndpoint | null;
}

/**
 * The linking flow of the app session: it outlives the annotate view of one article, since the
 * second span may be in another article opened from the library. Pure steps come from
 * core/links/link-flow.ts; this only holds the state and tells the views.
 */
export class LinkFlowHolder {
  private state: LinkFlowState = { flow: IDLE, fromTitle: '', goTo: null };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  readonly get = (): LinkFlowState => this.state;

  /** Runs one key of the flow; returns what the step says and the link to create, if any. */
  step(event: LinkFlowEvent, title = ''): ReturnType<typeof linkFlowStep> {
    const out = linkFlowStep(this.state.flow, event);
    const started = out.flow.step === 'pick_target' && this.state.flow.step !== 'pick_target';
    const restarted = event.type === 'start' && out.flow.step === 'pick_target';
    this.set({ flow: out.flow, fromTitle: started || restarted ? title : this.state.fromTitle });
    return out;
  }

  goTo(end: LinkEndpoint | null): void {
    this.set({ goTo: end });
  }

  private set(part: Partial<LinkFlowState>): void {
    this.state = { ...this.state, ...part };
    for (const l of this.listeners) l();
  }
}

export const linkFlowHolder = (stores: StoreRegistry): LinkFlowHolder =>
  stores.get('link-flow', () => new LinkFlowHolder());

export function useLinkFlowState(holder: LinkFlowHolder): LinkFlowState {
  return useSyncExternalStore(holder.subscribe, holder.get);
}

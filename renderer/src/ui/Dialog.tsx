import { useEffect, useRef, type ReactNode } from 'react';

import { firstFocusable, focusHome } from './focus';

/**
 * A modal <dialog>: focus is trapped by the browser, Escape closes unless `required`. The focus moves
 * in when it opens, stays in while its content changes (the Import dialog's Cancel button gives way
 * to the report), and returns where it was when it closes or unmounts; if it came from nowhere, it
 * goes to the view's home (ui/focus.ts).
 */
export function Dialog({
  title,
  open,
  required = false,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  required?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cameFrom = useRef<Element | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      cameFrom.current = document.activeElement;
      d.showModal();
    }
    if (!open && d.open) {
      d.close();
      giveBack(cameFrom.current);
    }
  }, [open]);
  // Unmounted while open (a keyed dialog replaced): hand the focus back too.
  useEffect(() => {
    const d = ref.current;
    return () => {
      if (d?.open) giveBack(cameFrom.current);
    };
  }, []);
  // After every render: if the focused control went away, the focus stays in the dialog.
  useEffect(() => {
    const d = ref.current;
    if (!d?.open || d.contains(document.activeElement)) return;
    (firstFocusable(d) ?? d).focus();
  });
  return (
    <dialog
      ref={ref}
      aria-label={title}
      className="dialog"
      tabIndex={-1}
      onCancel={(e) => {
        e.preventDefault();
        if (!required) onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

function giveBack(to: Element | null): void {
  // After the browser's own restoring (on close()), which may have found nothing to return to.
  queueMicrotask(() => {
    if (to instanceof HTMLElement && to.isConnected && to !== document.body)
      to.focus({ preventScroll: true });
    else focusHome();
  });
}

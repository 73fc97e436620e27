import { useEffect, useRef, type ReactNode } from 'react';

/** A modal <dialog>: focus is trapped by the browser, Escape closes unless `required`. */
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
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      className="dialog"
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

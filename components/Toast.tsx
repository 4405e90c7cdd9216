import { useEffect } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  action?: { label: string; run: () => void };
}

/** A short message at the bottom of the panel, with an optional action (Undo). */
export function Toast({ toast, onClose, timeoutMs = 8000 }: { toast: ToastMessage | null; onClose: () => void; timeoutMs?: number }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, timeoutMs);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return (
    <div class="gloss-toast" role="status">
      <span>{toast.text}</span>
      {toast.action && (
        <button
          class="gloss-toast-action"
          onClick={() => {
            toast.action!.run();
            onClose();
          }}
        >
          {toast.action.label}
        </button>
      )}
    </div>
  );
}

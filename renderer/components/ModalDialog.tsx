import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

interface ModalDialogProps {
  /** The dialog's own class beside `void-dialog` (its frame and colours). */
  className?: string;
  /** The overlay's own class beside `void-overlay`. */
  overlayClassName?: string;
  /** `alertdialog` when it asks about money already taken (the repeat payment), else `dialog`. */
  role?: 'dialog' | 'alertdialog';
  titleId: string;
  textId?: string;
  /** Escape is the dialog's keyboard Cancel / "No" (WAI-ARIA dialog pattern). */
  onEscape(): void;
  /** Given: the dialog itself is the form (Enter submits it). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

/**
 * The till's modal dialogs (the manager's PIN, a repeat payment, the cash tender): one overlay,
 * one frame, one Escape. Each dialog keeps its own words and fields.
 */
export function ModalDialog({ className, overlayClassName, role = 'dialog', titleId, textId, onEscape, onSubmit, children }: ModalDialogProps) {
  const frame = {
    className: ['void-dialog', className].filter(Boolean).join(' '),
    role,
    'aria-modal': true,
    'aria-labelledby': titleId,
    ...(textId ? { 'aria-describedby': textId } : {}),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onEscape();
    },
  };
  return (
    <div className={['void-overlay', overlayClassName].filter(Boolean).join(' ')}>
      {onSubmit ? (
        <form {...frame} onSubmit={onSubmit}>
          {children}
        </form>
      ) : (
        <div {...frame}>{children}</div>
      )}
    </div>
  );
}

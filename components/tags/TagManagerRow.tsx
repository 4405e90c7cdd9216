/** One tag in the manager, with its inline rename, merge and delete confirmations. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import type { TagCarriers } from '@/lib/db/tags';
import type { TagUsage } from '@/lib/db/tags-ranking';
import { checkTagName } from '@/lib/tags/tag-names';
import { TAG_COLOURS } from './tag-colours';

type Mode =
  | { kind: 'view' }
  | { kind: 'rename'; draft: string; problem: string | null }
  | { kind: 'confirm-merge'; target: string }
  | { kind: 'merge'; target: string }
  | { kind: 'confirm-delete'; carriers: TagCarriers };

export interface TagManagerRowProps {
  tag: TagUsage;
  others: readonly TagUsage[];
  onRename(newName: string): Promise<boolean>;
  onMerge(target: string): Promise<boolean>;
  onRecolour(color: string | null): Promise<boolean>;
  countCarriers(): Promise<TagCarriers>;
  onDelete(): Promise<boolean>;
}

const PROBLEM_KEYS = { empty: 'tagErrorEmpty', 'too-long': 'tagErrorTooLong', 'control-chars': 'tagErrorControlChars' } as const;

export function TagManagerRow({ tag, others, onRename, onMerge, onRecolour, countCarriers, onDelete }: TagManagerRowProps) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [busy, setBusy] = useState(false);
  const firstControl = useRef<HTMLElement | null>(null);
  const focusFirst = (element: HTMLElement | null) => {
    firstControl.current = element;
  };
  const renameButton = useRef<HTMLButtonElement>(null);
  const baseId = `gloss-tag-${tag.nameKey.replace(/[^\p{L}\p{N}]+/gu, '-')}`;

  // Focus the first control of an inline form when it opens; back to Rename when it closes.
  useEffect(() => {
    if (mode.kind !== 'view') firstControl.current?.focus();
  }, [mode.kind]);
  const close = () => {
    setMode({ kind: 'view' });
    setTimeout(() => renameButton.current?.focus(), 0);
  };
  const run = async (action: () => Promise<boolean>) => {
    setBusy(true);
    const ok = await action();
    setBusy(false);
    if (ok) setMode({ kind: 'view' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && mode.kind !== 'view') {
      event.preventDefault();
      close();
    }
  };

  const submitRename = () => {
    if (mode.kind !== 'rename') return;
    const check = checkTagName(mode.draft);
    if (!check.ok) return setMode({ ...mode, problem: t(PROBLEM_KEYS[check.problem]) });
    const existing = others.find((other) => other.nameKey === check.nameKey);
    if (existing) return setMode({ kind: 'confirm-merge', target: existing.name });
    void run(() => onRename(check.name));
  };

  return (
    <li class="gloss-tag-manager-row" onKeyDown={onKeyDown}>
      <div class="gloss-tag-manager-main">
        {tag.color && <span class="gloss-tag-dot" style={{ background: tag.color }} aria-hidden="true" />}
        <span class="gloss-tag-manager-name">{tag.name}</span>
        <span class="gloss-tag-count">{t('tagUsageCounts', tag.highlights, tag.articles)}</span>
      </div>
      <div class="gloss-tag-manager-actions">
        <select
          aria-label={t('tagColour', tag.name)}
          value={tag.color ?? ''}
          disabled={busy}
          onChange={(event) => void run(() => onRecolour(event.currentTarget.value || null))}
        >
          {TAG_COLOURS.map((colour) => (
            <option key={colour.nameKey} value={colour.value ?? ''}>
              {t(colour.nameKey)}
            </option>
          ))}
        </select>
        <button type="button" ref={renameButton} disabled={busy} onClick={() => setMode({ kind: 'rename', draft: tag.name, problem: null })}>
          {t('tagRename')}
        </button>
        <button type="button" disabled={busy || others.length === 0} onClick={() => setMode({ kind: 'merge', target: others[0]?.name ?? '' })}>
          {t('tagMerge')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void countCarriers().then((carriers) => setMode({ kind: 'confirm-delete', carriers }))}
        >
          {t('tagDelete')}
        </button>
      </div>

      {mode.kind === 'rename' && (
        <form
          class="gloss-tag-manager-form"
          onSubmit={(event) => {
            event.preventDefault();
            submitRename();
          }}
        >
          <label for={`${baseId}-rename`}>{t('tagRenameLabel', tag.name)}</label>
          <input
            id={`${baseId}-rename`}
            ref={focusFirst}
            value={mode.draft}
            aria-invalid={mode.problem !== null}
            aria-describedby={mode.problem ? `${baseId}-problem` : undefined}
            onInput={(event) => setMode({ kind: 'rename', draft: event.currentTarget.value, problem: null })}
          />
          <button type="submit" disabled={busy}>{t('tagSave')}</button>
          <button type="button" onClick={close}>{t('tagCancel')}</button>
          {mode.problem && <p id={`${baseId}-problem`} role="alert" class="gloss-tag-problem">{mode.problem}</p>}
        </form>
      )}

      {mode.kind === 'confirm-merge' && (
        <div class="gloss-tag-manager-confirm" role="alertdialog" aria-labelledby={`${baseId}-confirm`}>
          <p id={`${baseId}-confirm`}>{t('tagMergeConfirm', tag.name, mode.target)}</p>
          <button type="button" ref={focusFirst} disabled={busy} onClick={() => void run(() => onRename(mode.target))}>
            {t('tagMerge')}
          </button>
          <button type="button" onClick={close}>{t('tagCancel')}</button>
        </div>
      )}

      {mode.kind === 'merge' && (
        <form
          class="gloss-tag-manager-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => onMerge(mode.target));
          }}
        >
          <label for={`${baseId}-merge`}>{t('tagMergeInto', tag.name)}</label>
          <select id={`${baseId}-merge`} ref={focusFirst} value={mode.target} onChange={(event) => setMode({ kind: 'merge', target: event.currentTarget.value })}>
            {others.map((other) => (
              <option key={other.nameKey} value={other.name}>
                {other.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>{t('tagMerge')}</button>
          <button type="button" onClick={close}>{t('tagCancel')}</button>
        </form>
      )}

      {mode.kind === 'confirm-delete' && (
        <div class="gloss-tag-manager-confirm" role="alertdialog" aria-labelledby={`${baseId}-delete`}>
          <p id={`${baseId}-delete`}>{t('tagDeleteConfirm', tag.name, mode.carriers.highlights, mode.carriers.articles)}</p>
          <button type="button" ref={focusFirst} class="is-danger" disabled={busy} onClick={() => void run(onDelete)}>
            {t('tagDelete')}
          </button>
          <button type="button" onClick={close}>{t('tagCancel')}</button>
        </div>
      )}
    </li>
  );
}

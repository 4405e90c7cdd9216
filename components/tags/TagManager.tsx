/**
 * The tag manager list: rename (renaming onto another tag's name merges, after
 * asking), merge into another tag, recolour, delete (after saying how many
 * highlights and articles carry the tag). Data and writes come through props,
 * so the side panel can route them through the background.
 */
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import type { TagCarriers, TagRewriteResult } from '@/lib/db/tags';
import type { TagUsage } from '@/lib/db/tags-ranking';
import { TagManagerRow } from './TagManagerRow';

export interface TagManagerActions {
  rename(name: string, newName: string): Promise<TagRewriteResult>;
  merge(sources: string[], target: string): Promise<TagRewriteResult>;
  recolour(name: string, color: string | null): Promise<unknown>;
  countCarriers(name: string): Promise<TagCarriers>;
  remove(name: string): Promise<TagCarriers>;
}

export interface TagManagerProps {
  tags: readonly TagUsage[];
  actions: TagManagerActions;
  /** Called after every successful change, to reload `tags`. */
  onChanged?: () => void;
}

export function TagManager({ tags, actions, onChanged }: TagManagerProps) {
  const { t, intl } = useI18n();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const collator = new Intl.Collator(intl, { sensitivity: 'base', numeric: true });
  const sorted = [...tags].sort((a, b) => collator.compare(a.name, b.name));

  /** Runs a change, then reports it (or its failure) in the status line. */
  const perform = async (change: () => Promise<string>): Promise<boolean> => {
    try {
      setStatus({ text: await change(), error: false });
      onChanged?.();
      return true;
    } catch (error) {
      setStatus({ text: t('tagOperationFailed', error instanceof Error ? error.message : String(error)), error: true });
      return false;
    }
  };

  const describe = (result: TagRewriteResult): string =>
    result.outcome === 'merged' ? t('tagMerged', result.tag.name, result.highlights) : t('tagRenamed', result.tag.name, result.highlights);

  return (
    <section class="gloss-tag-manager" aria-labelledby="gloss-tag-manager-title">
      <h2 id="gloss-tag-manager-title" class="gloss-tag-manager-title">
        {t('tagManagerTitle')}
      </h2>
      {sorted.length === 0 ? (
        <p class="gloss-muted">{t('tagNone')}</p>
      ) : (
        <ul class="gloss-tag-manager-list">
          {sorted.map((tag) => (
            <TagManagerRow
              key={tag.nameKey}
              tag={tag}
              others={sorted.filter((other) => other.nameKey !== tag.nameKey)}
              onRename={(newName) => perform(async () => describe(await actions.rename(tag.name, newName)))}
              onMerge={(target) => perform(async () => describe(await actions.merge([tag.name], target)))}
              onRecolour={(color) => perform(async () => (await actions.recolour(tag.name, color), ''))}
              countCarriers={() => actions.countCarriers(tag.name)}
              onDelete={() => perform(async () => t('tagDeleted', tag.name, (await actions.remove(tag.name)).highlights))}
            />
          ))}
        </ul>
      )}
      <p class={`gloss-tag-status${status?.error ? ' is-error' : ''}`} role={status?.error ? 'alert' : 'status'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}

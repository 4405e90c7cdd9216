/**
 * Tags as a tree for filtering (`politics/local` under `politics`): an ARIA
 * tree with one tab stop. ↑/↓ move, → opens or enters, ← closes or goes up,
 * Home/End jump, Enter or Space filters by the focused tag (with the tags
 * under it). The first item clears the filter.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { buildTagTree, flattenTagTree, type TagTreeNode, type TagUse } from '@/lib/tags/tag-tree';
import { foldTagName, TAG_PATH_SEPARATOR } from '@/lib/tags/tag-names';

export interface TagTreeProps {
  tags: readonly TagUse[];
  /** The filter: a tag name or path, or null for all. */
  selected: string | null;
  onSelect: (path: string | null) => void;
  label?: string;
}

interface Row {
  node: TagTreeNode | null;
  depth: number;
}

/** Keys of the selected path's ancestors, so the selection is visible when the tree opens. */
function ancestorsOf(path: string | null): string[] {
  if (!path) return [];
  const parts = foldTagName(path).split(TAG_PATH_SEPARATOR);
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join(TAG_PATH_SEPARATOR));
}

export function TagTree({ tags, selected, onSelect, label }: TagTreeProps) {
  const { t, intl } = useI18n();
  const tree = useMemo(() => buildTagTree(tags, intl), [tags, intl]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(ancestorsOf(selected)));
  const rows: Row[] = useMemo(() => [{ node: null, depth: 1 }, ...flattenTagTree(tree, expanded)], [tree, expanded]);
  const selectedKey = selected === null ? null : foldTagName(selected);
  const [focused, setFocused] = useState(0);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const hasFocus = useRef(false);

  const focusIndex = Math.min(focused, rows.length - 1);
  useEffect(() => {
    if (hasFocus.current) items.current[focusIndex]?.focus();
  }, [focusIndex, rows.length]);

  const toggle = (key: string, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const row = rows[index]!;
    const node = row.node;
    const hasChildren = (node?.children.length ?? 0) > 0;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        setFocused(Math.min(rows.length - 1, index + 1));
        break;
      case 'ArrowUp':
        setFocused(Math.max(0, index - 1));
        break;
      case 'Home':
        setFocused(0);
        break;
      case 'End':
        setFocused(rows.length - 1);
        break;
      case 'ArrowRight':
        if (node && hasChildren && !expanded.has(node.key)) toggle(node.key, true);
        else if (node && hasChildren) setFocused(index + 1);
        break;
      case 'ArrowLeft':
        if (node && hasChildren && expanded.has(node.key)) toggle(node.key, false);
        else if (row.depth > 1) {
          const parent = rows.slice(0, index).findLastIndex((r) => r.depth === row.depth - 1);
          if (parent >= 0) setFocused(parent);
        }
        break;
      case 'Enter':
      case ' ':
        onSelect(node ? node.path : null);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  return (
    <ul class="gloss-tag-tree" role="tree" aria-label={label ?? t('tagFilterLabel')}>
      {rows.map((row, index) => {
        const node = row.node;
        const isSelected = node ? node.key === selectedKey : selectedKey === null;
        const hasChildren = (node?.children.length ?? 0) > 0;
        return (
          <li
            key={node?.key ?? ':all'}
            ref={(element) => {
              items.current[index] = element;
            }}
            role="treeitem"
            aria-level={row.depth}
            aria-selected={isSelected}
            aria-expanded={hasChildren ? expanded.has(node!.key) : undefined}
            tabIndex={index === focusIndex ? 0 : -1}
            class={`gloss-tag-tree-item${isSelected ? ' is-selected' : ''}`}
            style={{ paddingInlineStart: `${(row.depth - 1) * 1.1 + 0.4}em` }}
            onKeyDown={(event) => onKeyDown(event, index)}
            onFocus={() => {
              hasFocus.current = true;
              setFocused(index);
            }}
            onBlur={() => {
              hasFocus.current = false;
            }}
            onClick={() => onSelect(node ? node.path : null)}
          >
            {hasChildren ? (
              <span
                class="gloss-tag-tree-twisty"
                aria-hidden="true"
                onClick={(event) => {
                  event.stopPropagation();
                  toggle(node!.key, !expanded.has(node!.key));
                }}
              >
                {expanded.has(node!.key) ? '▾' : '▸'}
              </span>
            ) : (
              <span class="gloss-tag-tree-twisty" aria-hidden="true" />
            )}
            <span class="gloss-tag-tree-label">{node ? node.label : t('tagFilterAll')}</span>
            {node && <span class="gloss-tag-count">{node.totalCount}</span>}
          </li>
        );
      })}
    </ul>
  );
}

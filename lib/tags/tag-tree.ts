/** Hierarchical tag names (`politics/local`) as a tree for the side panel filter. */
import { foldTagName, TAG_PATH_SEPARATOR } from './tag-names';

export interface TagTreeNode {
  /** This level's segment as first seen, e.g. `local`. */
  label: string;
  /** The full path to this node, e.g. `politics/local`: the name to filter by. */
  path: string;
  /** Folded path, stable across case and width. */
  key: string;
  /** True when a tag with exactly this name exists (a parent may exist only as a prefix). */
  isTag: boolean;
  /** Uses of this tag alone. */
  count: number;
  /** Uses of this tag and every tag under it. */
  totalCount: number;
  children: TagTreeNode[];
}

export interface TagUse {
  name: string;
  count: number;
}

/** Builds the tree; siblings sorted by the locale's collation (pinyin order for zh). */
export function buildTagTree(tags: readonly TagUse[], locale = 'en'): TagTreeNode[] {
  const root: TagTreeNode = { label: '', path: '', key: '', isTag: false, count: 0, totalCount: 0, children: [] };
  const byKey = new Map<string, TagTreeNode>();
  for (const { name, count } of tags) {
    const segments = name.split(TAG_PATH_SEPARATOR);
    let parent = root;
    segments.forEach((segment, depth) => {
      const path = segments.slice(0, depth + 1).join(TAG_PATH_SEPARATOR);
      const key = foldTagName(path);
      let node = byKey.get(key);
      if (!node) {
        node = { label: segment, path, key, isTag: false, count: 0, totalCount: 0, children: [] };
        byKey.set(key, node);
        parent.children.push(node);
      }
      node.totalCount += count;
      if (depth === segments.length - 1) {
        node.isTag = true;
        node.count += count;
      }
      parent = node;
    });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sort = (nodes: TagTreeNode[]): void => {
    nodes.sort((a, b) => collator.compare(a.label, b.label));
    for (const node of nodes) sort(node.children);
  };
  sort(root.children);
  return root.children;
}

/** Depth-first list of the tree with each node's depth, for rendering a flat `role="tree"`. */
export function flattenTagTree(nodes: readonly TagTreeNode[], expanded: ReadonlySet<string>, depth = 1): { node: TagTreeNode; depth: number }[] {
  const out: { node: TagTreeNode; depth: number }[] = [];
  for (const node of nodes) {
    out.push({ node, depth });
    if (node.children.length > 0 && expanded.has(node.key)) out.push(...flattenTagTree(node.children, expanded, depth + 1));
  }
  return out;
}

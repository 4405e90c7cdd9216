/**
 * Detection for pages whose article is rendered inside open shadow roots (web components). Detection reads one
 * document's tree, so such a page is read as a copy with every open shadow root flattened into its host (slotted
 * nodes where their slot is), and what it finds is mapped back to the live elements, inside the shadow roots.
 * Only pages where the document itself reads as no article pay for the copy, and only if they have open roots.
 */
import { flatChildren } from '@/lib/anchoring';
import { detectPage, type DetectedArticle, type PageStructure } from '@/lib/article';

/** True if an element of `doc` hosts an open shadow root. */
function hasOpenShadowRoot(doc: Document): boolean {
  if (!doc.body) return false;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) if (el.shadowRoot) return true;
  return false;
}

/** A copy of `doc` with open shadow roots flattened, and the live node behind each copied element. */
function flattened(doc: Document): { copy: Document; live: Map<Element, Element> } {
  const copy = doc.implementation.createHTMLDocument('');
  const html = copy.documentElement;
  for (const { name, value } of doc.documentElement.attributes) html.setAttribute(name, value);
  html.replaceChildren(doc.head ? copy.importNode(doc.head, true) : copy.createElement('head'));
  const live = new Map<Element, Element>();
  // An explicit stack: hostile pages nest deeper than the call stack allows.
  const stack: [Node, Node][] = [[doc.body, copy.documentElement]];
  while (stack.length) {
    const [from, into] = stack.pop()!;
    const made = copy.importNode(from, false);
    if (made.nodeType === 1) live.set(made as Element, from as Element);
    into.appendChild(made);
    const children = flatChildren(from);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, made]);
  }
  return { copy, live };
}

/** `detectPage`, reading open shadow roots when the document alone reads as no article. */
export function detectComposed(doc: Document): PageStructure {
  const found = detectPage(doc);
  if (found.pageKind !== 'none' || !hasOpenShadowRoot(doc)) return found;
  const { copy, live } = flattened(doc);
  const flat = detectPage(copy);
  if (flat.pageKind === 'none') return found;
  const back = (el: Element) => live.get(el) ?? el;
  const articles = flat.articles.map((article): DetectedArticle => ({
    ...article,
    root: back(article.root),
    titleElement: article.titleElement && back(article.titleElement),
    paragraphElements: article.paragraphElements.map(back),
    captionElements: article.captionElements.map(back),
  }));
  return { ...flat, articles, nonArticles: flat.nonArticles.map((item) => ({ ...item, element: back(item.element) })) };
}

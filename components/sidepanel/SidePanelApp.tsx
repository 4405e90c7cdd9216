import { useEffect, useRef, useState } from 'preact/hooks';
import { AppShell } from '../AppShell';
import { useI18n } from '../i18n';
import { LibraryView } from './LibraryView';
import { PageView } from './PageView';
import { TagsView } from './TagsView';
import { TagStyles } from '@/components/tags';
import { useTargetPage } from './useTargetPage';

type Tab = 'page' | 'library' | 'tags';
const TABS: readonly Tab[] = ['page', 'library', 'tags'];

/** "This page": asks the tab what it is (which runs detection there) only when this tab is shown. */
function ThisPage() {
  const { t } = useI18n();
  const target = useTargetPage();
  if (target == null) return <p class="gloss-muted">{t('loading')}</p>;
  if (target.summary == null) return <p class="gloss-card">{t('pageNotReachable')}</p>;
  // An e-paper shell around its story frames: no "no article here" above the frames' articles.
  const onlyFrames = target.framePages.length > 0 && !target.hasContent;
  return (
    <>
      {!onlyFrames && <PageView target={target} />}
      {target.framePages.map((frame) => (
        <section class="frame-page" key={frame.frameId} aria-label={t('framePageHeading', frame.summary!.title || frame.summary!.url)}>
          <h2 class="section-heading">{t('framePageHeading', frame.summary!.title || frame.summary!.url)}</h2>
          <PageView target={frame} />
        </section>
      ))}
    </>
  );
}

export function SidePanelApp() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>(() => {
    const view = new URLSearchParams(location.search).get('view') as Tab | null;
    return view && TABS.includes(view) ? view : 'page';
  });
  const searchRef = useRef<HTMLInputElement>(null);

  // "/" focuses search, from anywhere but a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = (e.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable]');
      if (e.key === '/' && !typing) {
        e.preventDefault();
        setTab('library');
        // The field exists already on the library tab; else after this render.
        if (searchRef.current) searchRef.current.focus();
        else setTimeout(() => searchRef.current?.focus(), 0);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const tabButton = (id: Tab, label: string) => (
    <button
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      tabIndex={tab === id ? 0 : -1}
      class={tab === id ? 'tab is-active' : 'tab'}
      onClick={() => setTab(id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1;
          const next = TABS[(TABS.indexOf(tab) + step) % TABS.length]!;
          setTab(next);
          document.getElementById(`tab-${next}`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <AppShell titleKey="sidepanelTitle">
      <TagStyles />
      <div role="tablist" class="tabs" aria-label={t('sidepanelTitle')}>
        {tabButton('page', t('tabThisPage'))}
        {tabButton('library', t('tabLibrary'))}
        {tabButton('tags', t('tabTags'))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'page' && <ThisPage />}
        {tab === 'library' && <LibraryView searchRef={searchRef} />}
        {tab === 'tags' && <TagsView />}
      </div>
    </AppShell>
  );
}

import { render } from 'preact';
import { PageI18n } from '@/components/PageI18n';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import '@/components/app.css';

render(<PageI18n><SidePanelApp /></PageI18n>, document.getElementById('app')!);

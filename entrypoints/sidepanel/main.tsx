import { render } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import '@/components/app.css';

render(<I18nProvider><SidePanelApp /></I18nProvider>, document.getElementById('app')!);

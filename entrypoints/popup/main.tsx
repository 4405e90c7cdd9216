import { render } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { PopupApp } from '@/components/PopupApp';
import '@/components/app.css';

render(<I18nProvider><PopupApp /></I18nProvider>, document.getElementById('app')!);

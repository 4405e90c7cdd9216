import { render } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/app.css';

render(<I18nProvider><OptionsApp /></I18nProvider>, document.getElementById('app')!);

import { render } from 'preact';
import { PageI18n } from '@/components/PageI18n';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/app.css';

render(<PageI18n><OptionsApp /></PageI18n>, document.getElementById('app')!);

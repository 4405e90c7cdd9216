import { render } from 'preact';
import { PageI18n } from '@/components/PageI18n';
import { PopupApp } from '@/components/PopupApp';
import '@/components/app.css';

render(<PageI18n><PopupApp /></PageI18n>, document.getElementById('app')!);

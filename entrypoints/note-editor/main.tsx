import { render } from 'preact';
import { EditorUnavailable, NoteEditor } from '@/components/NoteEditor';
import { PageI18n } from '@/components/PageI18n';
import { askBackground } from '@/lib/messaging';
import './style.css';

// The pass the content script put in the address (lib/background/note-editor.ts); without a
// valid one the page says only why it cannot open.
const pass = location.hash.slice(1);
const app = document.getElementById('app')!;
askBackground('noteEditor.claim', { token: pass }).then(
  ({ highlight, focus }) => render(<PageI18n><NoteEditor pass={pass} highlight={highlight} focus={focus} /></PageI18n>, app),
  (error: unknown) => render(<PageI18n><EditorUnavailable error={error} /></PageI18n>, app),
);

// @vitest-environment happy-dom
/** The extension pages' one data hook: it runs again when Gloss's data changes anywhere, on reload, and keeps the latest answer. */
import Dexie from 'dexie';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import { useQuery } from '@/components/data/useQuery';
import { mount, settle } from '../mount';

function Probe({ query, expose }: { query: () => Promise<string>; expose: (reload: () => void) => void }) {
  const [state, reload] = useQuery(query, []);
  expose(reload);
  return <p>{state.status === 'ready' ? state.value : state.status}</p>;
}

it('re-runs after a change in the database (from any context) and on reload', async () => {
  let runs = 0;
  let reload = () => undefined as void;
  const root = mount(<Probe query={async () => `run ${++runs}`} expose={(r) => (reload = r)} />);
  await settle();
  expect(root.textContent).toBe('run 1');
  await act(() => void Dexie.on('storagemutated').fire({}));
  await new Promise((done) => setTimeout(done, 80));
  await settle();
  expect(root.textContent).toBe('run 2');
  await act(() => reload());
  await settle();
  expect(root.textContent).toBe('run 3');
});

it('keeps the latest answer when an earlier, slower run answers last', async () => {
  const answers: ((value: string) => void)[] = [];
  let reload = () => undefined as void;
  const root = mount(<Probe query={() => new Promise((done) => answers.push(done))} expose={(r) => (reload = r)} />);
  await settle();
  await act(() => reload());
  await settle();
  answers[1]!('new');
  await settle();
  answers[0]!('old');
  await settle();
  expect(root.textContent).toBe('new');
});

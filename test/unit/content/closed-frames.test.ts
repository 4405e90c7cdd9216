// @vitest-environment happy-dom
/** Frames Gloss cannot enter, counted for the popup's and side panel's explanation. */
import { expect, it } from 'vitest';
import { closedFrames } from '@/lib/content/closed-frames';

/** happy-dom lays nothing out: each frame gets the size a browser would give it. */
function sized(html: string, sizes: [number, number][]) {
  document.body.innerHTML = html;
  document.querySelectorAll('iframe').forEach((frame, i) => {
    const [width, height] = sizes[i]!;
    frame.getBoundingClientRect = () => ({ width, height, top: 0, left: 0, right: width, bottom: height, x: 0, y: 0, toJSON: () => ({}) });
  });
}

it('counts sandboxed inline frames and frames that are not web pages, not the ones Gloss enters', () => {
  sized(
    '<iframe sandbox="allow-scripts" srcdoc="<p>a</p>"></iframe>' + // opaque origin
      '<iframe sandbox="allow-scripts allow-same-origin" srcdoc="<p>b</p>"></iframe>' + // the page's origin: open
      '<iframe srcdoc="<p>c</p>"></iframe>' +
      '<iframe sandbox srcdoc=""></iframe>' + // empty, filled by script later, sandboxed
      '<iframe srcdoc="<p>d</p>"></iframe>',
    [[600, 400], [600, 400], [600, 400], [600, 400], [600, 400]],
  );
  expect(closedFrames(document)).toBe(2);
});

it('leaves out frames too small to hold an article (trackers, buttons)', () => {
  sized('<iframe sandbox srcdoc="<p>x</p>"></iframe><iframe sandbox srcdoc="<p>y</p>"></iframe>', [[1, 1], [300, 40]]);
  expect(closedFrames(document)).toBe(0);
});

// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { loadAfterPaint } from '@/components/lazy';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

const turn = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

test('renders nothing in the first frame, then the loaded component; loads its code once', async () => {
  const Hello = (props: { name: string }) => <p>Hello {props.name}</p>;
  const load = vi.fn(async () => Hello);
  const Lazy = loadAfterPaint(load);
  host = document.createElement('div');
  document.body.append(host);
  render(<Lazy name="Ada" />, host);
  expect(host.innerHTML).toBe('');
  for (let i = 0; i < 10 && !host.textContent; i++) await turn();
  expect(host.textContent).toBe('Hello Ada');
  // A second mount has the code already: it renders at once.
  render(
    <>
      <Lazy name="Ada" />
      <Lazy name="Grace" />
    </>,
    host,
  );
  expect(host.textContent).toBe('Hello AdaHello Grace');
  expect(load).toHaveBeenCalledTimes(1);
});

test('a chunk that fails to load leaves nothing rendered and throws nothing', async () => {
  const Lazy = loadAfterPaint<object>(() => Promise.reject(new Error('gone')));
  host = document.createElement('div');
  document.body.append(host);
  render(<Lazy />, host);
  for (let i = 0; i < 3; i++) await turn();
  expect(host.innerHTML).toBe('');
});
